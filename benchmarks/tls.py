"""Timeline summarisation on Timeline17 (the dev topic ../shared/eval/tls/t17_MJ.json), through the product path.

    python benchmarks/tls.py [--dates K] [--sentences N] [--max-chars C]

Feeds only the topic's articles, whole, with their publication dates (JSONL {id, text, date}) to `dossier ingest`,
then `dossier timeline --days K --sentences N --json` picks the K most salient days (dates the articles look back
to, weighted by when each was published, then publication counts and incident salience; see
`dossier.corpus.timeline`) and the most central sentences of each; `score.py tls` scores it (date-F1, ROUGE-1/2).
K defaults to the gold timeline's mean length, the usual TLS setting (the pubcount baseline uses it too).
`--max-chars C` cuts each article to its first lines within C characters, for a quick run (default 0: whole;
the 138 articles, 1 M characters, ingest in about 2 CPU-minutes).
Writes benchmarks/results/tls.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import dossier, require_shared, score, write_jsonl, write_result


def cut(text: str, limit: int) -> str:
    """The article's first whole lines within `limit` characters."""
    if not limit or len(text) <= limit:
        return text
    return text[: text.rfind("\n", 0, limit) if "\n" in text[:limit] else limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dates", type=int, default=0, help="days to pick (default: the gold's mean length)")
    parser.add_argument("--sentences", type=int, default=2)
    parser.add_argument("--max-chars", type=int, default=0,
                        help="cut each article to its first lines within this many characters (0: whole)")
    args = parser.parse_args()
    gold = require_shared() / "eval" / "tls" / "t17_MJ.json"
    topic = json.loads(gold.read_text(encoding="utf-8"))
    k = args.dates or round(statistics.mean(len(t["entries"]) for t in topic["timelines"]))
    with tempfile.TemporaryDirectory() as tmp:
        feed, db, pred = Path(tmp) / "articles.jsonl", Path(tmp) / "tls.db", Path(tmp) / "pred.jsonl"
        write_jsonl(feed, [{"id": a["id"].replace("/", "_"), "text": cut(a["text"], args.max_chars), "date": a["date"]}
                           for a in topic["articles"]])
        start = time.perf_counter()
        dossier("ingest", str(feed), "--db", str(db), "-q")
        ingest = time.perf_counter() - start
        start = time.perf_counter()
        days = json.loads(dossier("timeline", "--db", str(db), "--days", str(k), "--sentences", str(args.sentences),
                                  "--json"))
        seconds = time.perf_counter() - start
        write_jsonl(pred, [{"topic": topic["topic"], "entries": [{"date": d["date"], "sentences": d["sentences"]}
                                                                  for d in days]}])
        metrics = score("tls", gold, pred)
    metrics.update({"dates": k, "sentences_per_date": args.sentences, "articles": len(topic["articles"]),
                    "max_chars": args.max_chars,
                    "ingest_seconds": round(ingest, 1), "timeline_seconds": round(seconds, 2),
                    "baseline_pubcount_date_f1": 0.351})
    write_result("tls", {"t17_MJ": metrics})


if __name__ == "__main__":
    main()
