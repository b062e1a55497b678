"""The five seed articles of ../shared, scored by the referee (skipped when ../shared is absent)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SHARED, dossier, jsonl, needs_shared

pytestmark = needs_shared()


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    done = dossier("extract", *seeds)
    assert done.returncode == 0, done.stderr
    path = tmp_path_factory.mktemp("seeds") / "records.jsonl"
    path.write_bytes(done.stdout)
    return path


def _score(records: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_seeds.py"), str(SHARED / "gold" / "seeds.jsonl"), str(records)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_seed_bodies_keep_the_article_and_drop_the_boilerplate(seed_records: Path) -> None:
    metrics = _score(seed_records)
    assert metrics["include_kept"] == 1.0
    assert metrics["exclude_removed"] == 1.0


def test_seed_metadata_matches_the_gold(seed_records: Path) -> None:
    metrics = _score(seed_records)
    assert metrics["title_acc"] == 1.0
    assert metrics["outlet_acc"] == 1.0
    assert metrics["authors_acc"] == 1.0


def test_headline_copies_are_not_repeated_in_the_body(seed_records: Path) -> None:
    gold = {g["id"]: g for g in jsonl((SHARED / "gold" / "seeds.jsonl").read_bytes())}
    for record in jsonl(seed_records.read_bytes()):
        if record.get("related_to"):  # a related-article teaser found on a seed: no gold of its own
            continue
        for limit in gold[Path(record["source"]["path"]).stem].get("body_max_occurrences") or []:
            assert record["body"].count(limit["text"]) <= limit["max"], limit["text"]


def test_seed_publication_dates_fall_in_the_gold_windows(seed_records: Path) -> None:
    assert _score(seed_records)["pubdate_in_window"] == 1.0


def test_seed_entities_are_found_with_their_aliases_merged(seed_records: Path) -> None:
    metrics = _score(seed_records)
    assert metrics["entity_found"] >= 0.95
    assert metrics["entity_merged"] >= 0.95


def test_seed_statements_are_found_and_attributed(seed_records: Path) -> None:
    metrics = _score(seed_records)
    assert metrics["statement_recall"] >= 0.90
    assert metrics["statement_precision"] >= 0.85
    assert metrics["speaker_acc"] >= 0.90


def _by_file_name() -> Callable[[Any, dict[str, str]], Any]:
    """benchmarks/incidents.py's mapping of document ids to the gold's file names."""
    spec = importlib.util.spec_from_file_location("incidents_benchmark", ROOT / "benchmarks" / "incidents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.by_file_name


def test_seed_corpus_merges_every_gold_group_and_finds_the_timeline(seed_records: Path, tmp_path: Path) -> None:
    """Floors a little under the figures `python benchmarks/incidents.py` measures."""
    import sqlite3

    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    db = tmp_path / "seeds.db"
    assert dossier("ingest", *seeds, "--db", str(db), "-q").returncode == 0
    exported = dossier("export", "--db", str(db), "--format", "corpus")
    assert exported.returncode == 0, exported.stderr
    with sqlite3.connect(db) as conn:
        names = {i: Path(p).stem for i, p in conn.execute("SELECT id, path FROM documents") if p}
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps(_by_file_name()(json.loads(exported.stdout), names)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_seeds.py"), str(SHARED / "gold" / "seeds.jsonl"),
         str(seed_records), "--corpus", str(corpus)], capture_output=True, text=True, check=True,
    )
    metrics = json.loads(done.stdout.strip().splitlines()[-1])
    assert metrics["groups_merged"] == 1.0
    assert metrics["distinct_kept_apart"] == 1.0
    assert metrics["timeline_days"] >= 0.8
    assert metrics["positions_found"] >= 0.95
    assert metrics["contradictions_found"] == 1.0
