"""The SQLite store: migrations, idempotent writes, full-text search, read-only opening."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dossier.record import Published, Record
from dossier.store import SCHEMA_VERSION, Incoming, Store, StoreError

BODY = (
    "Delegations met in Istanbul on Monday for a second round of direct talks. "
    "Both sides agreed to return the remains of fallen soldiers."
)


def _incoming(doc_id: str, body: str, raw: str) -> Incoming:
    record = Record(id=doc_id, body=body, title="Second round", outlet="Example Wire",
                    published=Published(date="2025-06-02", precision="day", method="given"))
    sentences = [(0, body.index(". ") + 1), (body.index(". ") + 2, len(body))]
    return Incoming(origin=f"{doc_id}.txt", raw_hash=raw, record=record, sentences=sentences)


def test_migrates_to_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_body_is_stored_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = store.add_batch([_incoming("a", BODY, "r1")])
        # the same article again, re-spaced and with curly quotes, from another file
        again = store.add_batch([_incoming("b", BODY.replace(" ", "  "), "r2")])
        assert [o.status for o in first + again] == ["stored", "duplicate"]
        assert again[0].duplicate_of == "a"
        assert store.count() == 1
        assert store.known_sources(["r1", "r2", "r3"]) == {"r1", "r2"}


def test_search_finds_sentences(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_batch([_incoming("a", BODY, "r1")])
        hits = store.search("remains soldiers")
        assert len(hits) == 1 and hits[0]["idx"] == 1 and hits[0]["doc_id"] == "a"
        assert store.search("returning")  # porter stemming
        assert store.search("ceasefire") == []
        with pytest.raises(StoreError):
            store.search('"unbalanced')


def test_readonly_open_refuses_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "none.db", readonly=True)
    (tmp_path / "notes.db").write_text("this is a text file, not a database\n" * 50)
    with pytest.raises(StoreError, match="not a Dossier store"):
        Store.open(tmp_path / "notes.db")


def test_readonly_store_cannot_write(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db", readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.add_batch([_incoming("a", BODY, "r1")])


def test_record_by_unique_prefix(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_batch([_incoming("abcdef", BODY, "r1")])
        record = store.record("abc")
        assert record is not None and record.id == "abcdef" and record.published.date == "2025-06-02"


def _with_facts(incoming: Incoming) -> Incoming:
    body = incoming.record.body
    q_start = body.index("Both")
    incoming.record.entities = [{
        "id": "org:example-ministry", "name": "Example Ministry", "type": "ORG", "country": "UKR", "sector": "GOV",
        "roles": ["ministry"], "mentions": [{"start": 0, "end": 11, "text": body[0:11]}],
    }]
    incoming.record.statements = [{
        "id": "s1", "kind": "indirect", "quote": {"start": q_start, "end": len(body), "text": body[q_start:]},
        "speaker": {"entity_id": "org:example-ministry", "name": "Example Ministry", "mention": None},
        "cue": "said", "act": "AGREE", "date": "2025-06-02", "date_source": "text", "confidence": 0.8,
    }]
    incoming.record.events = [{
        "id": "e1", "event": "CONSULT", "mode": "visit", "context": [],
        "actor": [{"entity_id": "gpe:ukraine", "name": "Ukraine"}],
        "recipient": [{"entity_id": "gpe:russia", "name": "Russia"}],
        "event_loc": {"extracted_place": "Istanbul", "resolved_place": "Istanbul", "geonameid": 745044},
        "date": {"value": "2025-06-02", "source": "text"}, "size": {}, "status": "occurred",
        "text_info": {"start": 0, "end": q_start - 1, "text": body[: q_start - 1]}, "confidence": 0.7,
    }]
    return incoming


def test_facts_are_indexed_and_queryable(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_batch([_with_facts(_incoming("a", BODY, "r1"))])
        said = store.statements(speaker="ministry")
        assert [s["act"] for s in said] == ["AGREE"] and said[0]["date_source"] == "text"
        assert store.statements(query="soldiers remains")[0]["id"] == "s1"
        assert store.statements(since="2025-07-01") == []
        actors = store.actors()
        assert actors[0]["entity_id"] == "org:example-ministry" and actors[0]["statements"] == 1
        assert actors[0]["roles"] == ["ministry"]
        assert [e["id"] for e in store.events(event_type="consult", actor="gpe:russia", place="istanbul")] == ["e1"]
        assert store.events(event_type="ASSAULT") == []
