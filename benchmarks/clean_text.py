"""The plain-text cleaner alone on NAEB dev (../shared/eval/clean/naeb_dev.jsonl).

    python benchmarks/clean_text.py [--per-doc] [--keep-pred FILE]

Feeds only `text` and `url` to `clean_text`.  Lines repeated across an outlet's pages are counted
over the whole set first, as `dossier extract` does for a batch.  Scores with ../shared/eval/score.py,
prints the JSON and writes benchmarks/results/clean_text.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.batch import Repeats
from dossier.clean.text import clean_text
from dossier.record import Article


def predict(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    articles = [Article(origin=r["id"], id=r["id"], url=r.get("url"), text=r["text"]) for r in records]
    repeats = Repeats(articles)
    rows = []
    for article in articles:
        cleaned = clean_text(article.text or "", url=article.url, repeated=repeats(article))
        rows.append({"id": article.id, "title": cleaned.title, "authors": cleaned.authors,
                     "date": cleaned.published.date, "body": cleaned.body})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", action="store_true", help="per-document scores on stderr")
    parser.add_argument("--keep-pred", type=Path, default=None, help="also write the predictions here")
    args = parser.parse_args()
    gold = require_shared() / "eval" / "clean" / "naeb_dev.jsonl"
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    start = time.perf_counter()
    rows = predict(records)
    elapsed = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.keep_pred or Path(tmp) / "pred.jsonl"
        write_jsonl(pred, rows)
        result = score("clean", gold, pred, per_doc=args.per_doc)
    result["seconds"] = round(elapsed, 2)
    write_result("clean_text", result)


if __name__ == "__main__":
    main()
