"""Publication date from the text alone, on the dev sets and the five seed articles.

    python benchmarks/pubdate.py [--per-doc]

Runs `dossier.time.pubdate.infer_published` on ../shared/eval/pubdate/naeb_dev.jsonl and on
../shared/eval/time/{meantime_en,tbaq}.jsonl with the `dct` hidden (only `text` is fed; the gold is the `dct`),
scores each with `score.py pubdate`, then checks the seed articles ../shared/seeds/*.txt against the gold window
`published.earliest..latest` of ../shared/gold/seeds.jsonl (a leading metadata line "date YYYY-MM-DD" is
removed first, so that seed 004 is dated from its words). Prints one JSON line per set and writes
benchmarks/results/pubdate.json.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.time.pubdate import infer_published

SETS = {"naeb_dev": ("pubdate/naeb_dev.jsonl", "date"), "meantime_en": ("time/meantime_en.jsonl", "dct"),
        "tbaq": ("time/tbaq.jsonl", "dct")}
_METADATA_DATE = re.compile(r"^\s*date\s+\d{4}-\d\d-\d\d\b")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_set(name: str, shared: Path, tmp: Path, per_doc: bool) -> dict[str, Any]:
    rel, field = SETS[name]
    docs = load(shared / "eval" / rel)
    gold = tmp / f"{name}_gold.jsonl"
    write_jsonl(gold, [{"id": d["id"], "text": d["text"], "date": d[field][:10]} for d in docs])
    start = time.perf_counter()
    preds = [infer_published(d["text"]) for d in docs]
    seconds = time.perf_counter() - start
    pred = tmp / f"{name}_pred.jsonl"
    write_jsonl(pred, [{"id": d["id"], "date": p.date} for d, p in zip(docs, preds, strict=True)])
    if per_doc:
        for d, p in zip(docs, preds, strict=True):
            if p.date and not d[field].startswith(p.date):
                print(json.dumps({"set": name, "id": d["id"], "gold": d[field][:10], **p.to_dict()}), file=sys.stderr)
    metrics = score("pubdate", gold, pred)
    metrics["set"] = name
    metrics["ms_per_doc"] = round(1000 * seconds / max(len(docs), 1), 2)
    print(json.dumps(metrics))
    return metrics


def in_window(value: str | None, lo: str, hi: str) -> bool:
    return bool(value) and lo <= value[:len(lo)] and value[:len(hi)] <= hi  # type: ignore[index]


def run_seeds(shared: Path) -> dict[str, Any]:
    gold = {r["id"]: r["published"] for r in load(shared / "gold" / "seeds.jsonl") if "published" in r}
    rows = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = _METADATA_DATE.sub("", path.read_text(encoding="utf-8"), count=1)
        p = infer_published(text)
        window = gold[path.stem]
        rows.append({"id": path.stem, "date": p.date, "precision": p.precision, "confidence": p.confidence,
                     "window": [window["earliest"], window["latest"]], "evidence": p.evidence,
                     "in_window": in_window(p.date, window["earliest"], window["latest"])})
    result = {"set": "seeds", "in_window": sum(r["in_window"] for r in rows), "n": len(rows), "docs": rows}
    print(json.dumps(result, ensure_ascii=False))
    return result


def main() -> None:
    per_doc = "--per-doc" in sys.argv
    shared = require_shared()
    infer_published("warm-up on Friday, March 3, 2023.")  # compile the rules outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[str, Any] = {name: run_set(name, shared, Path(tmp), per_doc) for name in SETS}
    results["seeds"] = run_seeds(shared)
    write_result("pubdate", results)


if __name__ == "__main__":
    main()
