"""Benchmark the HTML cleaning path on the 40 NAEB dev pages that come with raw HTML.

    python benchmarks/clean_html.py [--baseline] [--per-doc] [--shared ../shared]

Runs `dossier.clean.html.clean_html` on ../shared/eval/clean/html/<id>.html, scores the
predictions with ../shared/eval/score.py (task `clean`) against the matching 40 gold records,
prints the metrics and writes benchmarks/results/clean_html.json. `--baseline` also scores
trafilatura alone (default settings, with metadata) for comparison.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.clean.html import clean_html

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def read_html(path: Path) -> str:
    """Decode a saved page as a crawler would: UTF-8, else the detected charset."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


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


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(shared: Path, gold_path: Path, pred_path: Path, per_doc: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "clean", str(gold_path), str(pred_path)]
    if per_doc:
        cmd.append("--per-doc")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if per_doc:
        print(out.stderr, file=sys.stderr, end="")
    return json.loads(out.stdout)


def run(shared: Path, gold: list[dict[str, Any]], predict: Any, tmp: Path, name: str, per_doc: bool) -> dict:
    html_dir = shared / "eval" / "clean" / "html"
    start = time.perf_counter()
    preds = [predict(rec, read_html(html_dir / f"{rec['id']}.html")) for rec in gold]
    elapsed = time.perf_counter() - start
    pred_path = tmp / f"pred_{name}.jsonl"
    write_jsonl(pred_path, preds)
    result = score(shared, tmp / "gold.jsonl", pred_path, per_doc)
    result["seconds_per_page"] = round(elapsed / max(1, len(gold)), 4)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--baseline", action="store_true", help="also score trafilatura alone")
    ap.add_argument("--per-doc", action="store_true", help="per-document body scores on stderr")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "clean" / "html").is_dir():
        print(f"error: {args.shared}/eval/clean/html not found; pass --shared PATH to the shared folder",
              file=sys.stderr)
        return 2
    gold = load_gold(args.shared)
    results: dict[str, Any] = {"set": "naeb_dev (40 pages with HTML)", "now": NOW.date().isoformat()}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        write_jsonl(tmp / "gold.jsonl", gold)
        results["dossier"] = run(args.shared, gold, predict_dossier, tmp, "dossier", args.per_doc)
        print(json.dumps(results["dossier"]))
        if args.baseline:
            results["trafilatura"] = run(args.shared, gold, predict_trafilatura, tmp, "trafilatura", False)
            print(json.dumps(results["trafilatura"]))
    out = ROOT / "benchmarks" / "results" / "clean_html.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
