"""Positions and contradictions on the five seed articles, scored by ../shared/eval/score_seeds.py --corpus.

    python benchmarks/positions.py [--records RECORDS.jsonl] [--detail]

Extracts the seeds with `dossier extract` (or reads RECORDS.jsonl), names each document by its file stem as the
gold does, runs find_positions and find_contradictions (no incidents: that stage is not part of this run), writes a
minimal corpus JSON and scores it.  Besides the referee's positions_found (holder, stance and evidence), it reports
positions_found_with_issue: the found position's issue is a topic our lexicon also reads in the gold issue label.
Writes benchmarks/results/positions.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import require_shared, write_jsonl, write_result
from dossier.corpus.contradictions import find_contradictions
from dossier.corpus.issues import load_lexicon
from dossier.corpus.positions import find_positions
from dossier.record import Record


def extract(seeds: list[Path]) -> list[dict[str, Any]]:
    done = subprocess.run([sys.executable, "-m", "dossier", "extract", *map(str, seeds)],
                          capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def as_records(rows: list[dict[str, Any]]) -> list[Record]:
    records = []
    for row in rows:
        record = Record.from_dict(row)
        if record.path:
            record.id = Path(record.path).stem  # the gold names documents by file stem
        records.append(record)
    return records


def corpus_view(records: list[Record], positions: list[dict[str, Any]],
                contradictions: list[dict[str, Any]]) -> dict[str, Any]:
    documents = [{"id": r.id, "outlet": r.outlet, "published": r.published.date, "title": r.title} for r in records]
    return {"schema": "dossier-corpus/1", "documents": documents, "duplicates": [], "entities": [], "incidents": [],
            "positions": positions, "contradictions": contradictions, "timeline": []}


def _tokens(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", (text or "").lower())


def _overlap(gold: str, pred: str) -> float:
    pool: dict[str, int] = {}
    for t in _tokens(pred):
        pool[t] = pool.get(t, 0) + 1
    hit = 0
    for t in _tokens(gold):
        if pool.get(t, 0):
            pool[t] -= 1
            hit += 1
    return hit / max(1, len(_tokens(gold)))


def issue_check(gold_rows: list[dict[str, Any]], positions: list[dict[str, Any]]) -> dict[str, Any]:
    """Gold positions found with the stance, the evidence and an issue our lexicon reads in the gold label
    (holders are left to the referee)."""
    lex = load_lexicon()
    total = ok = 0
    for doc in gold_rows:
        for gold in doc.get("positions", []):
            total += 1
            wanted = {topic.name for _, topic in lex.issues_in(gold["issue"])}
            for pred in positions:
                if (pred["doc"] == doc["id"] and pred["stance"] == gold["stance"]
                        and _overlap(gold["text"], pred["evidence"]) >= 0.5
                        and (not wanted or pred["issue"].split(":")[0] in wanted)):
                    ok += 1
                    break
    return {"positions_total": total, "positions_found_with_issue": round(ok / total, 3) if total else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=Path, help="dossier extract output for ../shared/seeds (default: extract now)")
    ap.add_argument("--detail", action="store_true", help="print the referee's misses")
    args = ap.parse_args()
    shared = require_shared()
    gold_path = shared / "gold" / "seeds.jsonl"
    if args.records:
        rows = [json.loads(line) for line in args.records.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        rows = extract(sorted((shared / "seeds").glob("*.txt")))
    records = as_records(rows)
    started = time.perf_counter()
    positions = find_positions(records)
    contradictions = find_contradictions(records, positions, [])
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        rec_path, corpus_path = Path(tmp) / "records.jsonl", Path(tmp) / "corpus.json"
        write_jsonl(rec_path, [{**row, "id": rec.id} for row, rec in zip(rows, records, strict=True)])
        corpus_path.write_text(json.dumps(corpus_view(records, positions, contradictions), ensure_ascii=False))
        cmd = [sys.executable, str(shared / "eval" / "score_seeds.py"), str(gold_path), str(rec_path),
               "--corpus", str(corpus_path)]
        done = subprocess.run([*cmd, "--detail"] if args.detail else cmd, capture_output=True, text=True, check=True)
    if args.detail:
        sys.stderr.write("".join(line + "\n" for line in done.stderr.splitlines()
                                 if line.startswith(("position", "contradiction"))))
    scores = json.loads(done.stdout.strip().splitlines()[-1])
    gold_rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds: dict[str, int] = {}
    for c in contradictions:
        kinds[c.get("kind", "")] = kinds.get(c.get("kind", ""), 0) + 1
    result = {
        "positions_found": scores.get("positions_found"),
        **issue_check([g for g in gold_rows if g["id"] != "_corpus"], positions),
        "contradictions_found": scores.get("contradictions_found"),
        "positions": len(positions),
        "contradictions": len(contradictions),
        "contradiction_kinds": kinds,
        "seconds": round(seconds, 3),
    }
    write_result("positions", result)


if __name__ == "__main__":
    main()
