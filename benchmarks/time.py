"""TIMEX3 tagging and normalisation on the TempEval-3 style dev sets.

    python benchmarks/time.py

Runs `dossier.time.tag_timexes` on ../shared/eval/time/{meantime_en,tbaq}.jsonl with the gold `dct` as
anchor (only `text` and `dct` are fed), scores with `score.py time`, prints one JSON line per set and the
milliseconds per document (wall and CPU, and how many times faster than HeidelTime's 3 s per document), and writes
benchmarks/results/time.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_result
from dossier.time.timex import tag_timexes

SETS = ("meantime_en", "tbaq")


HEIDELTIME_S_PER_DOC = 3.0  # the fast end of HeidelTime's 3-7 s per document (JVM start-up included)


def predict(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float, float]:
    """Predictions, wall seconds and CPU seconds (the CPU figure does not move when the machine is shared)."""
    rows = []
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        timexes = tag_timexes(doc["text"], date.fromisoformat(doc["dct"][:10]))
        rows.append({"id": doc["id"], "timexes": [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in timexes]})
    return rows, time.perf_counter() - start, time.process_time() - cpu


def run_set(name: str, shared: Path, tmp: Path) -> dict[str, Any]:
    gold = shared / "eval" / "time" / f"{name}.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows, seconds, cpu = predict(docs)
    pred = tmp / f"{name}_pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    metrics = score("time", gold, pred)
    metrics["set"] = name
    metrics["ms_per_doc"] = round(1000 * seconds / max(len(docs), 1), 2)
    metrics["cpu_ms_per_doc"] = round(1000 * cpu / max(len(docs), 1), 2)
    metrics["times_faster_than_heideltime"] = round(1000 * HEIDELTIME_S_PER_DOC / max(metrics["ms_per_doc"], 1e-3))
    print(json.dumps(metrics))
    print(f"{name}: {metrics['ms_per_doc']} ms/doc wall, {metrics['cpu_ms_per_doc']} ms/doc CPU over {len(docs)} docs"
          f" ({metrics['times_faster_than_heideltime']}x faster than HeidelTime's {HEIDELTIME_S_PER_DOC:g} s/doc)",
          file=sys.stderr)
    return metrics


def main() -> None:
    shared = require_shared()
    tag_timexes("warm-up on Friday", date(2000, 1, 1))  # compile the rules outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        results = {name: run_set(name, shared, Path(tmp)) for name in SETS}
    write_result("time", results)


if __name__ == "__main__":
    main()
