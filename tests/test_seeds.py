"""The five seed articles of ../shared, scored by the referee (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, dossier, jsonl, needs_shared

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
