"""The facts of each stored document (entities, statements, events), flattened for queries.

The record JSON in `documents.record` stays the source of truth; these tables are its index.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dossier.record import Record


def add_facts(conn: sqlite3.Connection, record: Record) -> None:
    for entity in record.entities:
        _add_entity(conn, record.id, entity)
    for statement in record.statements:
        _add_statement(conn, record.id, statement)
    for event in record.events:
        _add_event(conn, record.id, event)


def _add_entity(conn: sqlite3.Connection, doc_id: str, entity: dict[str, Any]) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO entities (doc_id, entity_id, name, type, country, sector, roles, mentions)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (
            doc_id, entity["id"], entity["name"], entity["type"], entity.get("country"), entity.get("sector"),
            json.dumps(entity.get("roles") or [], ensure_ascii=False), len(entity.get("mentions") or []),
        ),
    )


def _add_statement(conn: sqlite3.Connection, doc_id: str, st: dict[str, Any]) -> None:
    speaker = st.get("speaker") or {}
    mention = speaker.get("mention") or {}
    cursor = conn.execute(
        "INSERT OR IGNORE INTO statements (doc_id, id, kind, act, cue, quote, quote_start, quote_end, speaker_id,"
        " speaker_name, speaker_mention, date, date_source, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc_id, st["id"], st["kind"], st.get("act"), st.get("cue"), st["quote"]["text"],
            st["quote"]["start"], st["quote"]["end"], speaker.get("entity_id"), speaker.get("name"),
            mention.get("text"), st.get("date"), st.get("date_source"), st.get("confidence"),
        ),
    )
    if cursor.rowcount:
        conn.execute(
            "INSERT INTO statements_fts (rowid, quote, speaker_name) VALUES (?,?,?)",
            (cursor.lastrowid, st["quote"]["text"], speaker.get("name") or ""),
        )


def _add_event(conn: sqlite3.Connection, doc_id: str, ev: dict[str, Any]) -> None:
    loc = ev.get("event_loc") or {}
    size = ev.get("size") or {}
    when = ev.get("date") or {}
    evidence = ev.get("text_info") or {}
    cursor = conn.execute(
        "INSERT OR IGNORE INTO events (doc_id, id, event, mode, status, actor, recipient, place, geonameid, lat, lon,"
        " country_code, date, date_source, dead, injured, people, evidence, evidence_start, statement_id,"
        " confidence, event_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc_id, ev["id"], ev["event"], ev.get("mode"), ev.get("status"), _names(ev.get("actor")),
            _names(ev.get("recipient")), loc.get("resolved_place") or loc.get("extracted_place"), loc.get("geonameid"),
            loc.get("lat"), loc.get("lon"), loc.get("country_code"), when.get("value"), when.get("source"),
            size.get("dead"), size.get("injured"), size.get("people"), evidence.get("text", ""),
            evidence.get("start", 0), ev.get("statement_id"), ev.get("confidence"),
            json.dumps(ev, ensure_ascii=False),
        ),
    )
    if not cursor.rowcount:
        return
    for role in ("actor", "recipient"):
        conn.executemany(
            "INSERT INTO event_parties (doc_id, event_id, role, entity_id, name) VALUES (?,?,?,?,?)",
            [(doc_id, ev["id"], role, p.get("entity_id"), p["name"]) for p in ev.get(role) or []],
        )


def _names(parties: list[dict[str, Any]] | None) -> str:
    return "; ".join(p["name"] for p in parties or [])


def statements(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    since: str | None = None,
    query: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Statements, newest first; `speaker` matches the canonical name or entity id, `query` is FTS5."""
    where, args = [], []
    if speaker:
        where.append("(s.speaker_name LIKE ? OR s.speaker_id = ? OR s.speaker_mention LIKE ?)")
        args += [f"%{speaker}%", speaker, f"%{speaker}%"]
    if since:
        where.append("s.date >= ?")
        args.append(since)
    join = ""
    if query:
        join = " JOIN statements_fts f ON f.rowid = s.rowid"
        where.append("statements_fts MATCH ?")
        args.append(query)
    sql = (
        "SELECT s.doc_id, s.id, s.kind, s.act, s.cue, s.quote, s.speaker_id, s.speaker_name, s.speaker_mention,"
        " s.date, s.date_source, s.confidence, d.title, d.outlet FROM statements s"
        f"{join} JOIN documents d ON d.id = s.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY s.date IS NULL, s.date DESC, s.doc_id, s.quote_start LIMIT ?"
    )
    return [dict(r) for r in conn.execute(sql, [*args, -1 if limit is None else limit])]


def actors(conn: sqlite3.Connection, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Canonical entities across documents: mention and document counts, roles, statements made."""
    rows = conn.execute(
        "SELECT e.entity_id, max(e.name) AS name, max(e.type) AS type, max(e.country) AS country,"
        " max(e.sector) AS sector, sum(e.mentions) AS mentions, count(DISTINCT e.doc_id) AS documents,"
        " json_group_array(e.roles) AS roles,"
        " (SELECT count(*) FROM statements s WHERE s.speaker_id = e.entity_id) AS statements"
        " FROM entities e GROUP BY e.entity_id ORDER BY mentions DESC, name LIMIT ?",
        (-1 if limit is None else limit,),
    )
    out = []
    for row in rows:
        item = dict(row)
        roles: list[str] = []
        for group in json.loads(item["roles"]):
            roles += [r for r in json.loads(group) if r not in roles]
        item["roles"] = roles
        out.append(item)
    return out


def events(
    conn: sqlite3.Connection,
    *,
    event_type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events, newest first, filtered by PLOVER type, a party's name or id, a place, a start date."""
    where, args = [], []
    if event_type:
        where.append("e.event = ?")
        args.append(event_type.upper())
    if actor:
        where.append(
            "EXISTS (SELECT 1 FROM event_parties p WHERE p.doc_id = e.doc_id AND p.event_id = e.id"
            " AND (p.name LIKE ? OR p.entity_id = ?))"
        )
        args += [f"%{actor}%", actor]
    if place:
        where.append("e.place LIKE ?")
        args.append(f"%{place}%")
    if since:
        where.append("e.date >= ?")
        args.append(since)
    sql = (
        "SELECT e.doc_id, e.id, e.event, e.mode, e.status, e.actor, e.recipient, e.place, e.geonameid, e.lat, e.lon,"
        " e.country_code, e.date, e.date_source, e.dead, e.injured, e.people, e.evidence, e.statement_id,"
        " e.confidence, e.event_json, d.title, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.date IS NULL, e.date DESC, e.doc_id, e.evidence_start LIMIT ?"
    )
    return [dict(r) for r in conn.execute(sql, [*args, -1 if limit is None else limit])]
