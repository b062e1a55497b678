"""Cleaning through the product path: readers, the cross-article signal, the clean and record stages.

    python benchmarks/clean.py [--per-doc]

- text path: NAEB dev (../shared/eval/clean/naeb_dev.jsonl), fed as a JSONL dump of `id`, `url`
  and the flattened page `text`, exactly as a user would run `dossier extract dump.jsonl`;
- HTML path: the 40 NAEB dev pages in ../shared/eval/clean/html, read as files, with the page URL
  a crawler would know.

Both are scored with `score.py clean`; results go to benchmarks/results/clean.json.
`benchmarks/clean_text.py` and `benchmarks/clean_html.py` measure each cleaner alone, with baselines.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.batch import Repeats, read_inputs, run_batches
from dossier.record import Article

# The pages are from 2023; "now" only bounds dates from the future.
NOW = datetime(2024, 6, 1, tzinfo=UTC)
STAGES = ("clean", "record")


def predictions(articles: list[Article]) -> list[dict[str, Any]]:
    rows = []
    for batch in run_batches(articles, repeats=Repeats(articles), now=NOW, stages=STAGES, related=False):
        for state in batch:
            record = state.record
            rows.append({
                "id": state.article.id,
                "title": record.title if record else None,
                "authors": record.authors if record else [],
                "date": record.published.date if record else None,
                "body": record.body if record else "",
            })
    return rows


def run_path(name: str, articles: list[Article], gold: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    start = time.perf_counter()
    rows = predictions(articles)
    seconds = time.perf_counter() - start
    gold_path, pred_path = tmp / f"{name}_gold.jsonl", tmp / f"{name}_pred.jsonl"
    write_jsonl(gold_path, gold)
    write_jsonl(pred_path, rows)
    metrics = score("clean", gold_path, pred_path)
    metrics["ms_per_doc"] = round(1000 * seconds / max(len(rows), 1), 1)
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    shared = require_shared()
    gold = [json.loads(line) for line in (shared / "eval" / "clean" / "naeb_dev.jsonl").open(encoding="utf-8")]
    by_id = {g["id"]: g for g in gold}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        dump = tmp / "naeb_text.jsonl"
        write_jsonl(dump, [{"id": g["id"], "url": g["url"], "text": g["text"]} for g in gold])
        text = run_path("text", read_inputs([str(dump)]).articles, gold, tmp)

        pages = sorted((shared / "eval" / "clean" / "html").glob("*.html"))
        html_inputs = read_inputs([str(p) for p in pages])
        html_articles = [
            replace(a, id=Path(a.origin).stem, url=by_id[Path(a.origin).stem]["url"], not_after=None)
            for a in html_inputs.articles
        ]
        html = run_path("html", html_articles, [by_id[a.id] for a in html_articles], tmp)
    write_result("clean", {"benchmark": "clean", "text_path_naeb_dev": text, "html_path_naeb_dev_40": html})


if __name__ == "__main__":
    main()
