"""Benchmark the HTML cleaning path on the 40 NAEB dev pages that come with raw HTML.

    python benchmarks/clean_html.py [--baseline] [--per-doc]

Runs `dossier.clean.html.clean_html` on ../shared/eval/clean/html/<id>.html, scores the
predictions with ../shared/eval/score.py (task `clean`) against the matching 40 gold records,
prints the metrics and writes benchmarks/results/clean_html.json. `--baseline` also scores
trafilatura alone (default settings, with metadata) for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.clean.html import clean_html
from dossier.read.decode import decode

NOW = datetime(2024, 6, 1, tzinfo=UTC)


def read_html(path: Path) -> str:
    """Decode a saved page as the HTML reader does."""
    return decode(path.read_bytes())[0]


def load_gold(shared: Path) -> list[dict[str, Any]]:
    html_dir = shared / "eval" / "clean" / "html"
    ids = {p.stem for p in html_dir.glob("*.html")}
    with open(shared / "eval" / "clean" / "naeb_dev.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return [r for r in records if r["id"] in ids]


def predict_dossier(rec: dict[str, Any], html: str) -> dict[str, Any]:
    cleaned = clean_html(html, url=rec.get("url"), now=NOW)
    return {"id": rec["id"], "title": cleaned.title, "authors": cleaned.authors,
            "date": cleaned.published.date, "body": cleaned.body}


def predict_trafilatura(rec: dict[str, Any], html: str) -> dict[str, Any]:
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=rec.get("url"), with_metadata=True)
    data = doc.as_dict() if doc is not None else {}
    authors = (data.get("author") or "").split("; ") if data.get("author") else []
    return {"id": rec["id"], "title": data.get("title"), "authors": authors,
            "date": data.get("date"), "body": data.get("text") or ""}


def run(shared: Path, gold: list[dict[str, Any]], predict: Any, tmp: Path, name: str, per_doc: bool) -> dict:
    html_dir = shared / "eval" / "clean" / "html"
    start = time.perf_counter()
    preds = [predict(rec, read_html(html_dir / f"{rec['id']}.html")) for rec in gold]
    elapsed = time.perf_counter() - start
    pred_path = tmp / f"pred_{name}.jsonl"
    write_jsonl(pred_path, preds)
    result = score("clean", tmp / "gold.jsonl", pred_path, per_doc=per_doc)
    result["seconds_per_page"] = round(elapsed / max(1, len(gold)), 4)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", action="store_true", help="also score trafilatura alone")
    ap.add_argument("--per-doc", action="store_true", help="per-document body scores on stderr")
    args = ap.parse_args(argv)
    shared = require_shared()
    gold = load_gold(shared)
    results: dict[str, Any] = {"set": "naeb_dev (40 pages with HTML)", "now": NOW.date().isoformat()}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        write_jsonl(tmp / "gold.jsonl", gold)
        results["dossier"] = run(shared, gold, predict_dossier, tmp, "dossier", args.per_doc)
        if args.baseline:
            results["trafilatura"] = run(shared, gold, predict_trafilatura, tmp, "trafilatura", False)
    write_result("clean_html", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
