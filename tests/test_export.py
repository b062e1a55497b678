"""`dossier export` as tables (CSV, Parquet) and as TimelineJS, parsed back and checked against the store."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

from conftest import dossier
from dossier.corpus.export import (
    TABLES,
    MissingParquet,
    _incident_slide,
    table_rows,
    timeline_date,
    timelinejs,
    write_csv,
    write_parquet,
)
from dossier.store import Store
from webstore import HOSTILE_ID, example_store

COUNTS = {"incidents": "SELECT count(*) FROM incidents", "events": "SELECT count(*) FROM events",
          "statements": "SELECT count(*) FROM statements", "documents": "SELECT count(*) FROM documents"}


@pytest.fixture(scope="module")
def store():
    with Store.open(example_store(), readonly=True) as s:
        yield s


def _csv(store: Store, table: str) -> list[dict[str, str]]:
    buffer = io.StringIO()
    write_csv(table_rows(store, table), table, buffer)
    return list(csv.DictReader(io.StringIO(buffer.getvalue())))


@pytest.mark.parametrize("table", list(TABLES))
def test_csv_has_one_row_per_stored_item_and_the_documented_columns(store: Store, table: str) -> None:
    rows = _csv(store, table)
    assert rows, table
    assert list(rows[0]) == [name for name, _ in TABLES[table]]
    assert len(rows) == store.conn.execute(COUNTS[table]).fetchone()[0]


def test_csv_incidents_carry_their_parties_sources_and_figures(store: Store) -> None:
    rows = {r["id"]: r for r in _csv(store, "incidents")}
    for inc in store.incidents():
        row = rows[inc["id"]]
        assert row["event"] == inc["event"]
        assert row["actor"].split("; ") == (inc.get("actor") or [""])
        assert set(row["documents"].split("; ")) == {m["doc"] for m in inc["members"]}
        assert int(row["reports"]) == len(inc["members"])
        assert int(row["outlets"]) == inc["outlets"]
        dead = (inc.get("size") or {}).get("dead")
        assert row["dead"] == ("" if dead is None else str(dead))


def test_csv_keeps_hostile_text_as_plain_cells(store: Store) -> None:
    documents = {r["id"]: r for r in _csv(store, "documents")}
    assert documents[HOSTILE_ID]["title"].startswith("Hostile <script>")  # data, not markup: CSV is not HTML
    events = [r for r in _csv(store, "events") if r["doc_id"] == HOSTILE_ID]
    assert events and all(r["outlet"] == "Test Wire <b>" for r in events)


def test_parquet_is_typed_and_complete(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for table in TABLES:
        target = tmp_path / f"{table}.parquet"
        count = write_parquet(table_rows(store, table), table, str(target))
        read = pq.read_table(target)
        assert read.num_rows == count == store.conn.execute(COUNTS[table]).fetchone()[0]
        assert read.column_names == [name for name, _ in TABLES[table]]
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert str(pq.read_schema(tmp_path / "events.parquet").field("actor").type) == "list<element: string>"
    stored = store.conn.execute("SELECT doc_id, id, lat, dead FROM events").fetchall()
    assert {(e["doc_id"], e["event_id"], e["lat"], e["dead"]) for e in events} == {tuple(r) for r in stored}


def test_parquet_without_pyarrow_says_what_to_install(store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingParquet, match=r"pip install 'dossier\[parquet\]'"):
        write_parquet(table_rows(store, "events"), "events", str(tmp_path / "x.parquet"))


def test_timeline_dates_follow_the_timex_precision() -> None:
    assert timeline_date("2025-02-12") == {"year": "2025", "month": "2", "day": "12"}
    assert timeline_date("2025-10-25T09:00") == {"year": "2025", "month": "10", "day": "25"}
    assert timeline_date("2025-06") == {"year": "2025", "month": "6"}
    assert timeline_date("2024") == {"year": "2024"}
    assert timeline_date("2025-W07") == {"year": "2025", "month": "2", "day": "10", "display_date": "week 7 of 2025"}
    for value in (None, "", "PRESENT_REF", "2025-SU", "2025-13", "P3Y"):
        assert timeline_date(value) is None


def test_timelinejs_slides_escape_article_text() -> None:
    slide = _incident_slide({"id": "inc-1", "event": "ASSAULT", "date": "2025-03-04", "actor": ["<b>North</b>"],
                             "recipient": ["South"], "place": "harbour", "outlets": 2,
                             "members": [{"doc": "d1"}, {"doc": "d2"}],
                             "summary": 'A drone <img src=x onerror="alert(1)"> hit the harbour.'})
    assert slide is not None
    assert slide["start_date"] == {"year": "2025", "month": "3", "day": "4"}
    assert slide["text"]["headline"] == "ASSAULT · &lt;b&gt;North&lt;/b&gt; → South · Harbour"
    assert "<img" not in slide["text"]["text"] and "&lt;img src=x" in slide["text"]["text"]
    assert "2 outlets, 2 reports" in slide["text"]["text"]


def test_timelinejs_of_the_store_is_dated_ordered_and_escaped(store: Store) -> None:
    out = timelinejs(store)
    events = out["events"]
    dated = [i for i in store.incidents() if timeline_date(i.get("date"))]
    assert {e["unique_id"] for e in events if e["group"] != "statements"} == {i["id"] for i in dated}
    keys = [(int(e["start_date"]["year"]), int(e["start_date"].get("month", 0)), int(e["start_date"].get("day", 0)))
            for e in events]
    assert keys == sorted(keys)
    assert len({e["unique_id"] for e in events}) == len(events)
    for e in events:
        assert e["text"]["headline"] and "<" not in e["text"]["headline"]
        assert "<" not in re.sub(r"</?p>", "", e["text"]["text"])


def test_export_command_writes_csv_timelinejs_and_refuses_parquet_to_stdout(tmp_path: Path) -> None:
    db = str(example_store())
    target = tmp_path / "statements.csv"
    done = dossier("export", "--db", db, "--format", "csv", "--table", "statements", "--out", str(target))
    assert done.returncode == 0, done.stderr.decode()
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert rows and {"speaker", "quote", "date", "outlet"} <= set(rows[0])
    done = dossier("export", "--db", db, "--format", "timelinejs")
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["events"]
    done = dossier("export", "--db", db, "--format", "parquet")
    assert done.returncode == 2 and b"--out" in done.stderr
