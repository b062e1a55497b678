"""Incidents, timeline days, positions and contradictions on the five seed articles, through the product path.

    python benchmarks/incidents.py

Runs `dossier extract` and `dossier ingest` on ../shared/seeds, `dossier export --format corpus`, and
scores with ../shared/eval/score_seeds.py --corpus.  The gold names documents by file name while the
corpus view uses record ids, so document ids are mapped to file names (from the stored source path)
before scoring.  Writes benchmarks/results/incidents.json.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import dossier, require_shared, write_result


def by_file_name(view: Any, names: dict[str, str]) -> Any:
    """The view with every document id replaced by its file name (the gold's ids)."""
    if isinstance(view, dict):
        return {k: (names.get(v, v) if k in ("doc", "id") and isinstance(v, str) else by_file_name(v, names))
                for k, v in view.items()}
    if isinstance(view, list):
        return [names.get(v, v) if isinstance(v, str) else by_file_name(v, names) for v in view]
    return view


def main() -> None:
    shared = require_shared()
    seeds = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        records, db, corpus = Path(tmp) / "records.jsonl", Path(tmp) / "seeds.db", Path(tmp) / "corpus.json"
        records.write_text(dossier("extract", *seeds), encoding="utf-8")
        start = time.perf_counter()
        dossier("ingest", *seeds, "--db", str(db), "-q")
        seconds = time.perf_counter() - start
        view = json.loads(dossier("export", "--db", str(db), "--format", "corpus"))
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT id, path FROM documents")
            names = {r[0]: Path(r[1]).stem for r in rows if r[1]}  # a related-article teaser keeps its id
        corpus.write_text(json.dumps(by_file_name(view, names)), encoding="utf-8")
        scorer = [sys.executable, str(shared / "eval" / "score_seeds.py"), str(shared / "gold" / "seeds.jsonl")]
        done = subprocess.run([*scorer, str(records), "--corpus", str(corpus), "--detail"],
                              capture_output=True, text=True, check=True)
    metrics = json.loads(done.stdout.strip().splitlines()[-1])
    keep = ("groups_merged", "distinct_kept_apart", "timeline_days", "positions_found", "contradictions_found")
    misses = [line for line in done.stderr.splitlines()
              if line.startswith(("group not merged", "distinct events merged", "timeline day missing"))]
    result = {"seeds": {k: metrics.get(k) for k in keep}, "ingest_seconds": round(seconds, 2),
              "incidents": len(view["incidents"]), "multi_document_incidents":
              sum(1 for i in view["incidents"] if len({m["doc"] for m in i["members"]}) > 1),
              "timeline_days": len(view["timeline"]), "misses": len(misses)}
    for line in misses:  # printed, not written: they quote the gold, which stays in ../shared
        print(line, file=sys.stderr)
    write_result("incidents", result)


if __name__ == "__main__":
    main()
