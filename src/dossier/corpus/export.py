"""The corpus view (`dossier export --format corpus`, schema dossier-corpus/1) and the PLOVER export.

The view is read from the store after the corpus stage: documents with their story, near-duplicate
groups, linked entities with their aliases, incidents with salience (novelty is added here, over all
incidents), positions and contradictions (from `positions.py` / `contradictions.py` when present)
and the timeline.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from dossier.corpus.incidents import salience
from dossier.corpus.timeline import Filters, build_timeline, day_evidence, summarize_days
from dossier.record import Record
from dossier.store import Store
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
                        filters)
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
