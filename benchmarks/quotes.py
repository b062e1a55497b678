"""Statement (quotation and reported speech) extraction on PolNeAR dev and the seed articles.

    python benchmarks/quotes.py [--detail]

PolNeAR: parses each dev `text`, runs `find_statements(doc, broad=True)` (PolNeAR counts beliefs and
evidence as attributions), writes the `quotes` predictions and scores them with `score.py quotes`. A quotation
that continues the previous one of the same speaker and cue (`"A," he said. "B."`) is joined into one
prediction, because PolNeAR annotates the pair as one discontinuous content.
Seeds: cleans ../shared/seeds/*.txt with the extract pipeline, runs `find_statements(doc)` (product default)
on each body and matches the gold `statements` the way score_seeds.py does (token F1 >= 0.5, speaker by
alias-aware name match). Prints one JSON line per section plus ms per article for find_statements on top of
the parse, and writes benchmarks/results/quotes.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.extract.statements import find_statements
from dossier.nlp import load_nlp

try:
    from dossier.extract.entities import find_entities
except ImportError:  # the entity index is optional: statements name speakers from the text without it
    find_entities = None

JOIN_GAP_CHARS = 300


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_statements(texts: list[str], *, broad: bool) -> tuple[list[list[dict]], float, float]:
    """Statements per text, with milliseconds per text for the parse and for find_statements alone
    (the entity index, when present, is built outside the timing)."""
    nlp = load_nlp()
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - start
    indexes = [find_entities(doc) if find_entities is not None else None for doc in docs]
    find_statements(nlp("Warm-up, she said."))  # loads the lexicon outside the timing
    start = time.perf_counter()
    out = [find_statements(doc, entities, broad=broad) for doc, entities in zip(docs, indexes, strict=True)]
    extract_s = time.perf_counter() - start
    n = max(len(texts), 1)
    return out, 1000 * parse_s / n, 1000 * extract_s / n


def as_prediction(statement: dict[str, Any]) -> dict[str, Any]:
    speaker = statement["speaker"] or {}
    return {"quote": statement["quote"]["text"], "start": statement["quote"]["start"],
            "end": statement["quote"]["end"], "speaker": (speaker.get("mention") or {}).get("text"),
            "speaker_canonical": speaker.get("name"), "kind": statement["kind"], "cue": statement["cue"]}


def join_continuations(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    joined: list[dict[str, Any]] = []
    for s in statements:
        last = joined[-1] if joined else None
        if last is not None and _continues(last, s):
            last["quote"] = {"start": last["quote"]["start"], "end": s["quote"]["end"], "text": None}
            continue
        joined.append({**s, "quote": dict(s["quote"])})
    return joined


def _continues(previous: dict[str, Any], current: dict[str, Any]) -> bool:
    same_speaker = (previous["speaker"] or {}).get("mention") == (current["speaker"] or {}).get("mention")
    close = 0 <= current["quote"]["start"] - previous["quote"]["end"] < JOIN_GAP_CHARS
    return bool(current["speaker"]) and same_speaker and close and current["kind"] == "direct" \
        and previous["kind"] != "indirect" and previous["cue"] == current["cue"]


def polnear(shared: Path, tmp: Path) -> dict[str, Any]:
    gold = shared / "eval" / "quotes" / "polnear_dev.jsonl"
    docs = load_jsonl(gold)
    per_doc, parse_ms, extract_ms = run_statements([d["text"] for d in docs], broad=True)
    rows = []
    for doc, statements in zip(docs, per_doc, strict=True):
        preds = [as_prediction(s) for s in join_continuations(statements)]
        for p in preds:
            p["quote"] = doc["text"][p["start"]:p["end"]]
        rows.append({"id": doc["id"], "quotes": preds})
    pred = tmp / "polnear_dev_pred.jsonl"
    write_jsonl(pred, rows)
    metrics = score("quotes", gold, pred)
    metrics.update(set="polnear_dev", parse_ms_per_doc=round(parse_ms, 1), ms_per_doc=round(extract_ms, 2))
    print(json.dumps(metrics))
    return metrics


def seeds(shared: Path, detail: bool) -> dict[str, Any]:
    scorer = _load_score_seeds(shared)
    gold = {g["id"]: g for g in scorer.load_jsonl(str(shared / "gold" / "seeds.jsonl")) if g["id"] != "_corpus"}
    names = scorer.Names(list(gold.values()))
    bodies = _seed_bodies(shared)
    per_doc, parse_ms, extract_ms = run_statements([body for _, body in bodies], broad=False)
    m = {k: 0 for k in ("stmt_gold", "stmt_found", "stmt_speaker_ok", "stmt_pred", "stmt_pred_ok")}
    misses: list[tuple] = []
    for (key, _), statements in zip(bodies, per_doc, strict=True):
        if key in gold:
            scorer.score_statements(gold[key], {"statements": statements}, names, m, misses)
    if detail:
        for miss in misses:
            print(*miss, sep="\t", file=sys.stderr)
    result = {"set": "seeds", **m,
              "recall": scorer.ratio(m["stmt_found"], m["stmt_gold"]),
              "speaker_acc": scorer.ratio(m["stmt_speaker_ok"], m["stmt_found"]),
              "precision": scorer.ratio(m["stmt_pred_ok"], m["stmt_pred"]),
              "parse_ms_per_doc": round(parse_ms, 1), "ms_per_doc": round(extract_ms, 2)}
    print(json.dumps(result))
    return result


def _load_score_seeds(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_seeds", shared / "eval" / "score_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed_bodies(shared: Path) -> list[tuple[str, str]]:
    """Bodies as `dossier extract` cleans them, keyed by file stem like score_seeds.py."""
    paths = [str(p) for p in sorted((shared / "seeds").glob("*.txt"))]
    done = subprocess.run([sys.executable, "-m", "dossier", "extract", *paths],
                          capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return [(Path(r["source"]["path"]).stem, r.get("body") or "") for r in records if r["source"]["path"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="print every seed miss to stderr")
    args = parser.parse_args()
    shared = require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        results = {"polnear_dev": polnear(shared, Path(tmp)), "seeds": seeds(shared, args.detail)}
    write_result("quotes", results)


if __name__ == "__main__":
    main()
