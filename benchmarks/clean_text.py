"""Benchmark the plain-text cleaning path on NAEB dev (../shared/eval/clean/naeb_dev.jsonl).

    python benchmarks/clean_text.py [--gold PATH] [--per-doc]

Feeds only `text` and `url` to `clean_text`.  The repeat index is built over all texts of the set,
grouped by URL host (in real use the whole batch is available).  Scores with
../shared/eval/score.py, prints the JSON and writes benchmarks/results/clean_text.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "eval" / "clean" / "naeb_dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
RESULTS = ROOT / "benchmarks" / "results" / "clean_text.json"

sys.path.insert(0, str(ROOT / "src"))

from dossier.clean.repeats import RepeatIndex, group_of  # noqa: E402
from dossier.clean.text import clean_text  # noqa: E402


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_index(records: list[dict]) -> RepeatIndex:
    index = RepeatIndex()
    for rec in records:
        group = group_of(rec["text"], rec.get("url"))
        if group:
            index.add(group, rec["text"])
    return index


def predict(records: list[dict], index: RepeatIndex) -> list[dict]:
    out = []
    for rec in records:
        group = group_of(rec["text"], rec.get("url"))
        repeated = index.repeated(group) if group else frozenset()
        cleaned = clean_text(rec["text"], url=rec.get("url"), repeated=repeated)
        out.append(
            {
                "id": rec["id"],
                "title": cleaned.title,
                "authors": cleaned.authors,
                "date": cleaned.published.date,
                "body": cleaned.body,
            }
        )
    return out


def score(gold: Path, pred: Path, per_doc: bool) -> dict:
    cmd = [sys.executable, str(SCORER), "clean", str(gold), str(pred)]
    if per_doc:
        cmd.append("--per-doc")
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if per_doc:
        sys.stderr.write(res.stderr)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--per-doc", action="store_true")
    parser.add_argument("--keep-pred", type=Path, default=None, help="also write predictions here")
    args = parser.parse_args()
    if not SCORER.exists() or not args.gold.exists():
        print(
            f"error: shared eval data not found ({SCORER.parent}); expected ../shared next to the repo", file=sys.stderr
        )
        return 2
    records = load(args.gold)
    t0 = time.perf_counter()
    preds = predict(records, build_index(records))
    elapsed = time.perf_counter() - t0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
        pred_path = Path(f.name)
    if args.keep_pred:
        args.keep_pred.write_text(pred_path.read_text(encoding="utf-8"), encoding="utf-8")
    result = score(args.gold, pred_path, args.per_doc)
    pred_path.unlink(missing_ok=True)
    result["seconds"] = round(elapsed, 2)
    print(json.dumps(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
