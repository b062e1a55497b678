"""The corpus commands end to end on our example corpus: ingest, incidents, timeline, export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT, SHARED, dossier, jsonl


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "examples.db"
    done = dossier("ingest", str(EXAMPLES), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert b"corpus: 14 new documents" in done.stderr
    return db


@pytest.fixture(scope="module")
def view(example_db: Path) -> dict:
    done = dossier("export", "--db", str(example_db), "--format", "corpus")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _doc_ids(view: dict, outlet_word: str) -> set[str]:
    return {d["id"] for d in view["documents"] if outlet_word.lower() in (d["outlet"] or d["title"] or "").lower()}


def _incident_of(view: dict, doc_ids: set[str], date: str) -> list[dict]:
    return [i for i in view["incidents"] if i["date"] == date and i["event"] == "ASSAULT"
            and doc_ids <= {m["doc"] for m in i["members"]}]


def test_export_is_valid_against_the_corpus_schema(view: dict) -> None:
    schemas = [json.loads((ROOT / "src" / "dossier" / "data" / "corpus.schema.json").read_text())]
    if (SHARED / "schema" / "corpus.schema.json").exists():
        schemas.append(json.loads((SHARED / "schema" / "corpus.schema.json").read_text()))
    for schema in schemas:
        jsonschema.validate(view, schema)
    assert len(view["documents"]) == 14
    assert all(d["story"] for d in view["documents"])
    assert view["timeline"] == sorted(view["timeline"], key=lambda d: d["date"])


def test_february_kyiv_strike_is_one_incident_with_an_injured_disagreement(view: dict) -> None:
    docs = _doc_ids(view, "Kyiv Ledger") | _doc_ids(view, "Capital Courier")
    feb = [d for d in docs if any(
        i["date"] == "2025-02-12" for i in view["incidents"] if d in {m["doc"] for m in i["members"]})]
    strikes = [i for i in view["incidents"] if i["event"] == "ASSAULT" and i["outlets"] >= 2
               and i["date"] == "2025-02-12"]
    assert len(strikes) == 1, feb
    fields = {d["field"]: {v["value"] for v in d["values"]} for d in strikes[0]["disagreements"]}
    assert fields.get("injured") == {3, 4}
    assert "dead" not in fields
    assert strikes[0]["size"]["dead"] == 1


def test_october_kyiv_strike_is_one_incident_with_both_tolls(view: dict) -> None:
    docs = {d["id"] for d in view["documents"] if (d["title"] or "").lower().startswith(("two dead", "one killed"))}
    assert len(docs) == 2
    strikes = _incident_of(view, docs, "2025-10-25")
    assert len(strikes) == 1
    assert strikes[0]["outlets"] == 2
    fields = {d["field"]: {v["value"] for v in d["values"]} for d in strikes[0]["disagreements"]}
    assert fields == {"dead": {1, 2}, "injured": {10, 12}}


def test_the_two_kyiv_strikes_stay_apart(view: dict) -> None:
    strikes = [i for i in view["incidents"] if i["event"] == "ASSAULT" and i["place"] == "kyiv" and i["outlets"] >= 2]
    assert sorted(i["date"] for i in strikes) == ["2025-02-12", "2025-10-25"]


def test_the_syndicated_copies_are_one_duplicate_group_and_one_report(view: dict) -> None:
    assert len(view["duplicates"]) == 1
    pair = set(view["duplicates"][0])
    assert len(pair) == 2 and _doc_ids(view, "Harbour Times") <= pair
    shared = [i for i in view["incidents"] if pair <= {m["doc"] for m in i["members"]}]
    assert shared and all(i["outlets"] == len({m["doc"] for m in i["members"]}) - 1 for i in shared)


def test_entities_are_linked_with_aliases_and_document_counts(view: dict) -> None:
    entities = {e["id"]: e for e in view["entities"]}
    assert entities["gpe:kyiv"]["documents"] >= 4
    assert len({e["id"] for e in view["entities"]}) == len(view["entities"])
    assert "person:tkachenko" not in entities or entities.get("person:tymur-tkachenko") is None


def test_incidents_and_timeline_commands(example_db: Path) -> None:
    done = dossier("incidents", "--db", str(example_db), "--type", "assault", "--place", "kyiv", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and all(r["event"] == "ASSAULT" for r in rows)
    assert rows == sorted(rows, key=lambda r: -r["salience"])
    done = dossier("timeline", "--db", str(example_db), "--since", "2025-10-01", "--until", "2025-10-31", "--json")
    days = json.loads(done.stdout)
    assert days and all("2025-10-01" <= d["date"] <= "2025-10-31" for d in days)
    done = dossier("timeline", "--db", str(example_db), "--days", "3", "--json")
    top = json.loads(done.stdout)
    assert len(top) == 3 and all(1 <= len(d["sentences"]) <= 2 for d in top)
    text = dossier("timeline", "--db", str(example_db), "--actor", "Russia")
    assert text.returncode == 0 and b"incident" in text.stdout


def test_export_records_and_plover(example_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    done = dossier("export", "--db", str(example_db), "--format", "jsonl", "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert len(jsonl(target.read_bytes())) == 14
    done = dossier("export", "--db", str(example_db), "--format", "plover")
    events = jsonl(done.stdout)
    assert events and all({"id", "date", "actor", "event"} <= set(e) for e in events)
    assert any(e.get("link", "").startswith("inc-") for e in events)


def test_three_ingests_give_the_same_incidents_as_one(example_db: Path, view: dict, tmp_path: Path) -> None:
    db = tmp_path / "batches.db"
    for part in (EXAMPLES / "text", EXAMPLES / "html", EXAMPLES / "feed.jsonl"):
        done = dossier("ingest", str(part), "--db", str(db), "-q")
        assert done.returncode == 0, done.stderr
    done = dossier("export", "--db", str(db))
    batched = json.loads(done.stdout)

    def members(v: dict) -> set[frozenset[tuple[str, str]]]:
        return {frozenset((m["doc"], m["event_id"]) for m in i["members"]) for i in v["incidents"]}

    assert members(batched) == members(view)
    assert batched["duplicates"] == view["duplicates"]


def test_bad_store_and_bad_output_are_one_line_errors(tmp_path: Path, example_db: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    for args in (("incidents", "--db", str(junk)), ("export", "--db", str(tmp_path / "missing.db")),
                 ("export", "--db", str(example_db), "--out", str(tmp_path / "no" / "dir.json"))):
        done = dossier(*args)
        assert done.returncode != 0
        lines = done.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), done.stderr
