"""The corpus view (`dossier export --format corpus`, schema dossier-corpus/1) and the PLOVER export.

The view is read from the store after the corpus stage: documents with their story, near-duplicate
groups, linked entities with their aliases, incidents with salience (novelty is added here, over all
incidents), positions and contradictions (from `positions.py` / `contradictions.py` when present)
and the timeline.
"""

from __future__ import annotations

import csv
import importlib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from html import escape
from itertools import islice
from typing import Any, TextIO

from dossier.corpus.incidents import salience
from dossier.corpus.timeline import Filters, build_timeline, day_evidence, summarize_days
from dossier.record import Record
from dossier.store import Store, views
from dossier.store import corpus as sql

SCHEMA = "dossier-corpus/1"


def corpus_view(store: Store) -> dict[str, Any]:
    """The whole corpus view as one JSON-ready object."""
    conn = store.conn
    records = list(store.records())
    incidents = load_incidents(store)
    positions, contradictions = positions_and_contradictions(records, incidents)
    documents = [{"id": d["id"], "outlet": d["outlet"], "published": d["published"], "title": d["title"],
                  "story": d["story"]} for d in sql.doc_infos(conn).values()]
    return {
        "schema": SCHEMA,
        "documents": documents,
        "duplicates": sql.duplicate_groups(conn),
        "entities": entities_view(store, records),
        "incidents": incidents,
        "positions": positions,
        "contradictions": contradictions,
        "timeline": build_timeline(incidents, sql.statements_for_timeline(conn)),
    }


def load_incidents(store: Store) -> list[dict[str, Any]]:
    """Stored incidents with salience (base salience plus novelty over the whole corpus)."""
    incidents = sql.incidents(store.conn)
    salience(incidents)
    for inc in incidents:
        inc.pop("base_salience", None)
    return incidents


def timeline(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    return build_timeline(load_incidents(store), sql.statements_for_timeline(store.conn), filters)


def summarize_store_days(
    store: Store, entries: list[dict[str, Any]], filters: Filters, k: int, per_day: int
) -> list[dict[str, Any]]:
    """The `k` most salient days of the timeline `entries`, each with its `per_day` most central sentences."""
    days = day_evidence(entries, load_incidents(store), sql.day_mentions(store.conn), sql.published_days(store.conn),
                        filters, sql.doc_infos(store.conn))
    return summarize_days(days, k, per_day)


def entities_view(store: Store, records: list[Record]) -> list[dict[str, Any]]:
    """One entry per canonical entity: name, type, country, every alias seen, documents naming it."""
    conn = store.conn
    rows = {r["id"]: r for r in sql.entity_rows(conn)}
    links = sql.entity_links(conn)
    aliases: dict[str, set[str]] = {}
    for record in records:
        for e in record.entities:
            canonical = links.get(e["id"], e["id"])
            names = aliases.setdefault(canonical, set())
            names.add(e["name"])
            names.update(m.get("text", "") for m in e.get("mentions") or [])
    docs = sql.entity_docs(conn)
    groups: dict[str, list[str]] = {}
    for entity_id in rows:
        groups.setdefault(links.get(entity_id, entity_id), []).append(entity_id)
    out = []
    for canonical, members in sorted(groups.items()):
        head = rows.get(canonical) or rows[members[0]]
        country = head.get("country") or next((rows[m]["country"] for m in members if rows[m].get("country")), None)
        names = sorted(a for a in aliases.get(canonical, set()) if a and a != head["name"])
        out.append({"id": canonical, "name": head["name"], "type": head["type"], "country": country,
                    "aliases": names, "documents": len(docs.get(canonical, set()))})
    return out


def positions_and_contradictions(
    records: list[Record], incidents: list[dict[str, Any]], *, want_contradictions: bool = True
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """From the positions and contradictions modules when they are installed, else empty lists."""
    try:
        positions_mod = importlib.import_module("dossier.corpus.positions")
    except ImportError:
        return [], []
    positions = positions_mod.find_positions(records)
    if not want_contradictions:
        return positions, []
    try:
        contradictions_mod = importlib.import_module("dossier.corpus.contradictions")
    except ImportError:
        return positions, []
    return positions, contradictions_mod.find_contradictions(records, positions, incidents)


# -- PLOVER ------------------------------------------------------------------------------------
def plover_events(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored event as a PLOVER-JSON record (field names of the PLOVER manual's data fields)."""
    links = {(m["doc"], m["event_id"]): inc["id"] for inc in sql.incidents(store.conn) for m in inc["members"]}
    for record in store.records():
        for seq, ev in enumerate(record.events):
            yield plover_event(record, ev, seq, links.get((record.id, ev["id"])))


def plover_event(record: Record, ev: dict[str, Any], sequence: int, incident: str | None) -> dict[str, Any]:
    text = ev.get("text_info") or {}
    out: dict[str, Any] = {
        "id": f"{record.id}-{ev['id']}",
        "date": (ev.get("date") or {}).get("value") or record.published.date,
        "event": ev["event"],
        "mode": ev.get("mode"),
        "context": ev.get("context") or [],
        "actor": [_plover_entity(p) for p in ev.get("actor") or []],
        "recipient": [_plover_entity(p) for p in ev.get("recipient") or []],
        "event_loc": ev.get("event_loc"),
        "event_text": text.get("text"),
        "size": ev.get("size") or {},
        "text_info": {"sequence": sequence, "start": text.get("start"), "end": text.get("end"),
                      "text_story": record.id},
        "cite_info": {"corpus": "dossier", "url": record.url, "title": record.title, "publication": record.outlet},
        "coder": "dossier",
    }
    if ev.get("status") and ev["status"] != "occurred":
        out["comment"] = ev["status"]
    if incident:
        out["link"] = incident
    return out


def _plover_entity(party: dict[str, Any]) -> dict[str, Any]:
    return {"code": party.get("country"), "sector": party.get("sector"), "entity_text": party.get("name"),
            "identifier_id": party.get("entity_id")}


# -- tables: CSV and Parquet -------------------------------------------------------------------
# One table per kind of row; each column has a type: str, int, float, or list (of strings: a Parquet
# list column, "; "-joined in CSV).
TABLES: dict[str, list[tuple[str, str]]] = {
    "incidents": [("id", "str"), ("date", "str"), ("event", "str"), ("mode", "str"), ("status", "str"),
                  ("actor", "list"), ("recipient", "list"), ("place", "str"), ("lat", "float"), ("lon", "float"),
                  ("dead", "int"), ("injured", "int"), ("people", "int"), ("outlets", "int"), ("reports", "int"),
                  ("disagreements", "list"), ("salience", "float"), ("summary", "str"), ("documents", "list")],
    "events": [("doc_id", "str"), ("event_id", "str"), ("incident_id", "str"), ("date", "str"),
               ("date_source", "str"), ("event", "str"), ("mode", "str"), ("status", "str"), ("actor", "list"),
               ("recipient", "list"), ("place", "str"), ("geonameid", "int"), ("lat", "float"), ("lon", "float"),
               ("country_code", "str"), ("dead", "int"), ("injured", "int"), ("people", "int"),
               ("confidence", "float"), ("statement_id", "str"), ("evidence", "str"), ("outlet", "str"),
               ("title", "str"), ("url", "str"), ("published", "str")],
    "statements": [("doc_id", "str"), ("statement_id", "str"), ("date", "str"), ("date_source", "str"),
                   ("speaker", "str"), ("speaker_id", "str"), ("speaker_mention", "str"), ("act", "str"),
                   ("cue", "str"), ("kind", "str"), ("quote", "str"), ("confidence", "float"), ("outlet", "str"),
                   ("title", "str"), ("url", "str"), ("published", "str")],
    "documents": [("id", "str"), ("published", "str"), ("published_precision", "str"), ("published_method", "str"),
                  ("outlet", "str"), ("title", "str"), ("url", "str"), ("path", "str"), ("story", "str"),
                  ("duplicate_group", "str"), ("events", "int"), ("statements", "int")],
}


def table_rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one table (`TABLES[kind]`'s columns, in that order)."""
    conn = store.conn
    if kind == "incidents":
        rows: Iterator[dict[str, Any]] = (_incident_row(i) for i in views.export_incidents(conn))
    elif kind == "events":
        rows = ({**r, "actor": _split(r["actor"]), "recipient": _split(r["recipient"])}
                for r in views.export_events(conn))
    elif kind == "statements":
        rows = views.export_statements(conn)
    elif kind == "documents":
        rows = views.export_documents(conn)
    else:
        raise ValueError(f"no table {kind!r}: one of {', '.join(TABLES)}")
    names = [name for name, _ in TABLES[kind]]
    for row in rows:
        yield {name: row.get(name) for name in names}


def _split(names: str | None) -> list[str]:
    return [n for n in (names or "").split("; ") if n]


def _incident_row(inc: dict[str, Any]) -> dict[str, Any]:
    size = inc.get("size") or {}
    members = inc.get("members") or []
    return {
        **inc, "dead": size.get("dead"), "injured": size.get("injured"), "people": size.get("people"),
        "reports": len(members), "salience": inc.get("base_salience"),
        "disagreements": [d["field"] for d in inc.get("disagreements") or []],
        "documents": sorted({m["doc"] for m in members}),
    }


def write_csv(rows: Iterable[dict[str, Any]], kind: str, target: TextIO) -> int:
    """Write the rows as CSV with a header line; list cells are joined with "; ". Returns the row count."""
    writer = csv.writer(target, lineterminator="\n")
    columns = TABLES[kind]
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(row[name], kind_) for name, kind_ in columns])
        count += 1
    return count


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return "; ".join(str(v) for v in value)
    return value


class MissingParquet(RuntimeError):
    pass


def write_parquet(rows: Iterable[dict[str, Any]], kind: str, path: str, *, batch: int = 50_000) -> int:
    """Write the rows to a Parquet file with typed columns (pyarrow, the `parquet` extra). Returns the row count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingParquet("Parquet export needs pyarrow: pip install 'dossier[parquet]'") from None
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind_]) for name, kind_ in TABLES[kind]])
    count = 0
    rows = iter(rows)
    with pq.ParquetWriter(path, schema) as writer:
        while chunk := list(islice(rows, batch)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


# -- TimelineJS --------------------------------------------------------------------------------
_TIMEX_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_TIMEX_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def timelinejs(store: Store, title: str = "Dossier timeline") -> dict[str, Any]:
    """The dated incidents and the statements that do more than claim, as a TimelineJS3 JSON object.

    TimelineJS renders `headline` and `text` as HTML, so every article-derived string is escaped.
    """
    events = [e for e in (_incident_slide(i) for i in sql.incidents(store.conn)) if e]
    events += [e for e in (_statement_slide(s) for s in sql.statements_for_timeline(store.conn)) if e]
    events.sort(key=lambda e: (_sort_key(e["start_date"]), e["unique_id"]))
    return {"title": {"text": {"headline": escape(title),
                               "text": f"{len(events)} dated incidents and statements"}},
            "events": events}


def timeline_date(value: str | None) -> dict[str, str] | None:
    """A TIMEX3 value as a TimelineJS date (year, and month and day when known); None when not a date."""
    if not value:
        return None
    if m := _TIMEX_WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return {"year": str(monday.year), "month": str(monday.month), "day": str(monday.day),
                "display_date": f"week {int(m[2])} of {m[1]}"}
    m = _TIMEX_DATE.match(value)
    if not m or not 1 <= int(m[2] or 1) <= 12 or not 1 <= int(m[3] or 1) <= 31:
        return None
    out = {"year": str(int(m[1]))}
    if m[2]:
        out["month"] = str(int(m[2]))
    if m[3]:
        out["day"] = str(int(m[3]))
    return out


def _sort_key(d: dict[str, str]) -> tuple[int, int, int]:
    return int(d["year"]), int(d.get("month", 0)), int(d.get("day", 0))


def _incident_slide(inc: dict[str, Any]) -> dict[str, Any] | None:
    when = timeline_date(inc.get("date"))
    if when is None:
        return None
    parties = " → ".join(", ".join(inc.get(role) or []) for role in ("actor", "recipient") if inc.get(role))
    headline = " · ".join(x for x in (inc["event"], parties, (inc.get("place") or "").title()) if x)
    reports = len(inc.get("members") or [])
    outlets = inc.get("outlets", 0)
    text = (f"<p>{escape(inc.get('summary') or '')}</p>"
            f"<p>{outlets} outlet{'s' * (outlets != 1)}, {reports} report{'s' * (reports != 1)}</p>")
    return {"start_date": when, "text": {"headline": escape(headline), "text": text}, "group": inc["event"],
            "unique_id": inc["id"]}


def _statement_slide(st: dict[str, Any]) -> dict[str, Any] | None:
    when = timeline_date(st.get("date"))
    if when is None or not st.get("act") or st["act"] == "CLAIM":
        return None
    who = st.get("speaker_name") or st.get("speaker_mention") or "Unnamed speaker"
    text = f"<p>“{escape(st['quote'])}”</p><p>{escape(st.get('outlet') or '')}</p>"
    return {"start_date": when, "text": {"headline": escape(f"{who}: {st['act'].lower()}"), "text": text},
            "group": "statements", "unique_id": f"{st['doc_id']}-{st['id']}"}
