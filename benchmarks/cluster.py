"""Story clustering on ECB+ dev, and near-duplicate grouping on ECB+ dev and the example corpus.

    python benchmarks/cluster.py

The product path: the documents of ../shared/eval/coref/ecbplus_dev.jsonl go in as JSONL {id, text, url}
(never `story`, `topic` or the mentions) to `dossier ingest` in a temporary store, `dossier export
--format corpus` writes the corpus view, and `score.py cluster` scores its `documents[].story`.
For tuning it also prints the B-cubed F1 along the distance cut of `assign_stories` (the threshold
curve, names from spaCy's NER), and the near-duplicate groups of `dossier.corpus.dedup` on ECB+ and on
examples/corpus (bodies from `dossier extract`).  Writes benchmarks/results/cluster.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, require_shared, score, write_jsonl, write_result
from dossier.corpus.dedup import DedupIndex, signature
from dossier.corpus.stories import DISTANCE, Settings, StoryDoc, assign_stories
from dossier.nlp import load_nlp

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
CURVE = (0.3, 0.35, 0.4, 0.425, 0.45, 0.475, 0.5, 0.55, 0.6, 0.65)


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def entity_names(texts: list[str]) -> tuple[list[list[str]], float]:
    nlp = load_nlp()
    start = time.perf_counter()
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
        names = [[e.text for e in doc.ents if e.label_ in NAME_LABELS] for doc in nlp.pipe(texts, batch_size=32)]
    return names, time.perf_counter() - start


def story_docs(rows: list[dict[str, Any]]) -> tuple[list[StoryDoc], float]:
    names, seconds = entity_names([row["text"] for row in rows])
    return [StoryDoc(row["id"], None, row["text"], None, n) for row, n in zip(rows, names, strict=True)], seconds


def run_stories(docs: list[StoryDoc], gold: Path, tmp: Path, settings: Settings) -> tuple[dict[str, Any], float]:
    start = time.perf_counter()
    stories = assign_stories(docs, settings)
    seconds = time.perf_counter() - start
    pred = tmp / "pred.jsonl"
    write_jsonl(pred, [{"id": doc_id, "cluster": story} for doc_id, story in stories.items()])
    return score("cluster", gold, pred), seconds


def curve(docs: list[StoryDoc], gold: Path, tmp: Path) -> list[dict[str, Any]]:
    points = []
    for distance in CURVE:
        metrics, _ = run_stories(docs, gold, tmp, Settings(distance=distance))
        points.append({"distance": distance, "bcubed_f1": round(metrics["bcubed_f1"], 4),
                       "pairwise_f1": round(metrics["pairwise_f1"], 4), "clusters": metrics["n_pred_clusters"]})
        print(f"distance {distance:.3f}: bcubed F1 {metrics['bcubed_f1']:.3f}, "
              f"{metrics['n_pred_clusters']} clusters", file=sys.stderr)
    return points


def dedup(bodies: dict[str, str]) -> dict[str, Any]:
    index = DedupIndex()
    start = time.perf_counter()
    for doc_id, body in bodies.items():
        index.add(doc_id, signature(body))
    seconds = time.perf_counter() - start
    return {"docs": len(bodies), "groups": index.groups(), "ms_per_doc": round(1000 * seconds / max(len(bodies), 1), 2)}


def example_bodies() -> dict[str, str]:
    """Bodies of the example corpus as `dossier extract` gives them, keyed by file name (or feed id)."""
    corpus = ROOT / "examples" / "corpus"
    paths = [str(p) for p in sorted(corpus.rglob("*")) if p.is_file() and p.suffix in {".txt", ".html", ".jsonl"}]
    done = subprocess.run([sys.executable, "-m", "dossier", "extract", *paths],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    bodies = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        path = record["source"]["path"] or ""
        key = record["id"] if path.endswith(".jsonl") else Path(path).name
        bodies[key] = record["body"]
    return bodies


def product_path(gold: Path, tmp: Path) -> dict[str, Any]:
    """Ingest the documents into a fresh store, export the corpus view, score `documents[].story`."""
    feed, db, pred = tmp / "ecb.jsonl", tmp / "ecb.db", tmp / "stories.jsonl"
    write_jsonl(feed, [{"id": row["id"], "text": row["text"], "url": row.get("url")} for row in load(gold)])
    start = time.perf_counter()
    steps = (["ingest", str(feed), "--db", str(db), "-q"], ["export", "--db", str(db), "--out", str(tmp / "c.json")])
    for args in steps:
        subprocess.run([sys.executable, "-m", "dossier", *args], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    view = json.loads((tmp / "c.json").read_text(encoding="utf-8"))
    write_jsonl(pred, [{"id": d["id"], "cluster": d["story"]} for d in view["documents"]])
    metrics = score("cluster", gold, pred)
    metrics["ingest_and_export_seconds"] = round(seconds, 1)
    return metrics


def main() -> None:
    shared = require_shared()
    gold = shared / "eval" / "coref" / "ecbplus_dev.jsonl"
    rows = [{"id": row["id"], "text": row["text"]} for row in load(gold)]  # nothing else is fed
    docs, ner_seconds = story_docs(rows)
    with tempfile.TemporaryDirectory() as tmp:
        metrics = product_path(gold, Path(tmp))
        function_level, seconds = run_stories(docs, gold, Path(tmp), Settings())
        points = curve(docs, gold, Path(tmp))
    metrics["distance"] = DISTANCE
    function_level["ms_per_doc"] = round(1000 * seconds / len(docs), 2)
    function_level["ner_ms_per_doc"] = round(1000 * ner_seconds / len(docs), 2)
    result = {"ecbplus_dev": metrics, "function_level": function_level, "curve": points,
              "dedup": {"ecbplus_dev": dedup({row["id"]: row["text"] for row in rows}),
                        "examples": dedup(example_bodies())}}
    write_result("cluster", result)


if __name__ == "__main__":
    main()
