"""Read-only queries for the web pages and the JSON API: pagination, filters and counts.

Everything here only reads.  Dates in the store are TIMEX3 values; the day-by-day views take the
ones that start with a full day (`2025-02-12`, `2025-10-25T09:00`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dossier.store.db import StoreError, _fts_query

_DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_RANGE = "{0}.date >= ? AND {0}.date <= ?"  # always bounded, so the date index serves the query


@dataclass
class Filters:
    """What the timeline and the map can be narrowed by (all optional, case-insensitive substrings)."""

    since: str | None = None  # a day, month or year: inclusive
    until: str | None = None  # a day, month or year: inclusive (2025-06 takes all of June)
    actor: str | None = None  # a party's name or entity id (speaker for statements)
    place: str | None = None  # in an incident's place; for statements, its words in the quotation
    event: str | None = None  # a PLOVER event type; statements are left out when set

    def until_bound(self) -> str | None:
        return self.until + "\uffff" if self.until else None

    def range(self) -> tuple[str, str]:
        return (self.since or "0000", self.until_bound() or "9999\uffff")


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# Party names and places go through the distinct terms of migration 4 (a short scan) and their links,
# which carry each incident's date and type: filtered counts by day never touch the incidents table.
_TERMS = "SELECT id FROM incident_terms WHERE kind = ? AND term LIKE ? ESCAPE '\\'"
_TERM_MATCH = (f"i.id IN (SELECT l.incident_id FROM incident_term_links l WHERE l.term_id IN ({_TERMS})"
               f" AND {_RANGE.format('l')})")


def _term_filters(f: Filters) -> list[tuple[str, str]]:
    return [(kind, _like(value)) for kind, value in (("party", f.actor), ("place", f.place)) if value]


def _speaker_parts(speaker: str, span: tuple[str, str] | None) -> list[tuple[str, str, list[Any]]]:
    """(index, WHERE clause, arguments) on `statements` for a speaker whose name or mention contains
    `speaker`, or whose id is `speaker`, dated within `span` when given.

    The three parts are disjoint (no de-duplication needed) and each is answered from a covering speaker
    index of migration 4: the matching distinct names are found first, then their statements by equality.
    """
    dated, more = (" AND date >= ? AND date <= ?", list(span)) if span else ("", [])
    like = _like(speaker)
    not_named = "coalesce(speaker_name, '') NOT LIKE ? ESCAPE '\\'"
    names = "SELECT DISTINCT {0} FROM statements WHERE {0} LIKE ? ESCAPE '\\'"
    return [
        ("statements_speaker_name", f"speaker_name IN ({names.format('speaker_name')}){dated}", [like, *more]),
        ("statements_speaker_date", f"speaker_id = ?{dated} AND {not_named}", [speaker, *more, like]),
        ("statements_speaker_mention", f"speaker_mention IN ({names.format('speaker_mention')}){dated}"
         f" AND {not_named} AND coalesce(speaker_id, '') <> ?", [like, *more, like, speaker]),
    ]


def _speaker_match(speaker: str, span: tuple[str, str] | None) -> tuple[str, list[Any]]:
    parts = _speaker_parts(speaker, span)
    rows = " UNION ALL ".join(f"SELECT rowid FROM statements WHERE {where}" for _, where, _ in parts)
    return f"s.rowid IN ({rows})", [a for _, _, args in parts for a in args]


def _incident_where(
    f: Filters, *, dated: bool = True, span: tuple[str, str] | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause on incidents `i` for these filters; an actor or place filter also keeps to `span`
    (default: the filters' date range), and so leaves undated incidents out."""
    where, args = [f"i.date GLOB '{_DAY_GLOB}'" if dated else "1"], []
    if f.since:
        where.append("i.date >= ?")
        args.append(f.since)
    if f.until:
        where.append("i.date <= ?")
        args.append(f.until_bound())
    if f.event:
        where.append("i.event = ?")
        args.append(f.event.upper())
    for kind, pattern in _term_filters(f):
        where.append(_TERM_MATCH)
        args += [kind, pattern, *(span or f.range())]
    return " AND ".join(where), args


def _statement_where(
    f: Filters, *, dated: bool = True, span: tuple[str, str] | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause on statements `s`; an actor filter also keeps to `span` (default: the date range)."""
    where, args = [f"s.date GLOB '{_DAY_GLOB}'" if dated else "1"], []
    if f.event:
        where.append("0")
    if f.since:
        where.append("s.date >= ?")
        args.append(f.since)
    if f.until:
        where.append("s.date <= ?")
        args.append(f.until_bound())
    if f.actor:
        clause, more = _speaker_match(f.actor, span or f.range())
        where.append(clause)
        args += more
    if f.place:
        words = re.findall(r"\w+", f.place)
        if words:  # the quotation names the place: through the full-text index, the last word as a prefix
            where.append("s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
            args.append('quote : "' + " ".join(words) + '" *')
        else:
            where.append("s.quote LIKE ? ESCAPE '\\'")
            args.append(_like(f.place))
    return " AND ".join(where), args


# -- timeline ----------------------------------------------------------------------------------
def timeline_days(
    conn: sqlite3.Connection, f: Filters, *, limit: int, offset: int, newest_first: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """One page of days that have a dated incident or statement: (day, incidents, statements), and the total.

    Counting goes through the date indexes (GROUP BY the stored value, folded to days here), which
    keeps the unfiltered timeline fast on large stores.
    """
    counts: dict[str, list[int]] = {}
    for value, n in _incident_counts(conn, f):
        if _DAY.match(value):
            counts.setdefault(value[:10], [0, 0])[0] += n
    if not f.event:
        for value, n in _statement_counts(conn, f):
            if _DAY.match(value):
                counts.setdefault(value[:10], [0, 0])[1] += n
    days = sorted(counts, reverse=newest_first)
    return [{"date": d, "incidents": counts[d][0], "statements": counts[d][1]}
            for d in days[offset : offset + limit]], len(days)


def _incident_counts(conn: sqlite3.Connection, f: Filters) -> sqlite3.Cursor:
    """(stored date, incidents) for the filters: from the term links when there is an actor or place filter."""
    terms = _term_filters(f)
    if not terms:
        iw, ia = _incident_where(f, dated=False)
        return conn.execute(
            f"SELECT i.date, count(*) FROM incidents i WHERE {iw} AND {_RANGE.format('i')} GROUP BY i.date",
            [*ia, *f.range()],
        )
    (kind, pattern), rest = terms[0], terms[1:]
    ids = [r[0] for r in conn.execute(_TERMS, (kind, pattern))]
    if len(ids) == 1:  # one name matches (the usual case): each incident is linked once, no DISTINCT needed
        where, args = ["l.term_id = ?", _RANGE.format("l")], [ids[0], *f.range()]
    else:
        where, args = [f"l.term_id IN ({','.join('?' * len(ids))})", _RANGE.format("l")], [*ids, *f.range()]
    if f.event:
        where.append("l.event = ?")
        args.append(f.event.upper())
    for kind, pattern in rest:  # both an actor and a place: the same incident, linked to the other term too
        where.append(f"EXISTS (SELECT 1 FROM incident_term_links o WHERE o.term_id IN ({_TERMS})"
                     " AND o.date = l.date AND o.incident_id = l.incident_id)")
        args += [kind, pattern]
    counted = "count(*)" if len(ids) == 1 else "count(DISTINCT l.incident_id)"
    return conn.execute(
        f"SELECT l.date, {counted} FROM incident_term_links l WHERE {' AND '.join(where)} GROUP BY l.date", args
    )


def _statement_counts(conn: sqlite3.Connection, f: Filters) -> Iterator[tuple[str, int]]:
    """(stored date, statements) for the filters; by speaker alone, part by part from the speaker indexes."""
    if f.actor and not f.place:
        for index, where, args in _speaker_parts(f.actor, f.range()):  # (else the planner takes the date index)
            yield from conn.execute(
                f"SELECT date, count(*) FROM statements INDEXED BY {index} WHERE {where} GROUP BY date", args
            )
        return
    sw, sa = _statement_where(f, dated=False)
    yield from conn.execute(
        f"SELECT s.date, count(*) FROM statements s WHERE {sw} AND {_RANGE.format('s')} GROUP BY s.date",
        [*sa, *f.range()],
    )


def _day_range(days: list[str]) -> tuple[str, str]:
    return min(days), max(days) + "\uffff"


def timeline_incidents(conn: sqlite3.Connection, f: Filters, days: list[str], per_day: int) -> list[dict[str, Any]]:
    """The `per_day` most salient incidents of each of these days (incident JSON plus `day`)."""
    if not days:
        return []
    lo, hi = _day_range(days)
    iw, ia = _incident_where(f, span=(lo, hi))
    rows = conn.execute(
        "SELECT day, data FROM (SELECT substr(i.date, 1, 10) AS day, i.data,"
        " row_number() OVER (PARTITION BY substr(i.date, 1, 10) ORDER BY i.base_salience DESC, i.id) AS rank"
        f" FROM incidents i WHERE {iw} AND i.date >= ? AND i.date <= ?) WHERE rank <= ? ORDER BY day, rank",
        [*ia, lo, hi, per_day],
    )
    wanted = set(days)
    return [{**json.loads(r[1]), "day": r[0]} for r in rows if r[0] in wanted]


def timeline_statements(conn: sqlite3.Connection, f: Filters, days: list[str], per_day: int) -> list[dict[str, Any]]:
    """The `per_day` key statements of each of these days: speech acts other than a plain claim first."""
    if not days:
        return []
    lo, hi = _day_range(days)
    sw, sa = _statement_where(f, span=(lo, hi))
    rows = conn.execute(
        "SELECT * FROM (SELECT substr(s.date, 1, 10) AS day, s.doc_id, s.id, s.kind, s.act, s.quote, s.speaker_id,"
        " s.speaker_name, s.speaker_mention, s.date, s.date_source, s.confidence, d.outlet, d.title,"
        " row_number() OVER (PARTITION BY substr(s.date, 1, 10) ORDER BY (s.act IS NULL OR s.act = 'CLAIM'),"
        " s.date_source <> 'text', s.speaker_id IS NULL, s.confidence DESC, s.doc_id, s.quote_start) AS rank"
        f" FROM statements s JOIN documents d ON d.id = s.doc_id WHERE {sw} AND s.date >= ? AND s.date <= ?)"
        " WHERE rank <= ? ORDER BY day, rank",
        [*sa, lo, hi, per_day],
    )
    wanted = set(days)
    return [dict(r) for r in rows if r["day"] in wanted]


# -- incidents ---------------------------------------------------------------------------------
def incidents_page(conn: sqlite3.Connection, f: Filters, *, limit: int, offset: int) -> tuple[list[dict], int]:
    """Dated incidents, oldest first, and how many match."""
    iw, ia = _incident_where(f)
    total = conn.execute(f"SELECT count(*) FROM incidents i WHERE {iw}", ia).fetchone()[0]
    rows = conn.execute(
        f"SELECT data FROM incidents i WHERE {iw} ORDER BY i.date, i.id LIMIT ? OFFSET ?", [*ia, limit, offset]
    )
    return [json.loads(r[0]) for r in rows], total


def incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data, base_salience FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    if row is None:
        return None
    return {**json.loads(row[0]), "base_salience": row[1]}


def member_events(conn: sqlite3.Connection, members: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The stored events behind incident members, with their document: (doc, event id) -> row."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for doc_id, event_id in members:
        row = conn.execute(
            "SELECT e.doc_id, e.id, e.event, e.mode, e.status, e.actor, e.recipient, e.place, e.lat, e.lon, e.date,"
            " e.date_source, e.dead, e.injured, e.people, e.evidence, e.evidence_start, e.event_json,"
            " d.outlet, d.title, d.published, d.url FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.doc_id = ? AND e.id = ?",
            (doc_id, event_id),
        ).fetchone()
        if row:
            item = dict(row)
            text = (json.loads(item.pop("event_json")).get("text_info") or {})
            item["evidence_end"] = text.get("end", item["evidence_start"] + len(item["evidence"]))
            out[(doc_id, event_id)] = item
    return out


def incidents_of_doc(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    """Event id -> incident id for one document."""
    rows = conn.execute("SELECT event_id, incident_id FROM incident_members WHERE doc_id = ?", (doc_id,))
    return {r[0]: r[1] for r in rows}


# -- map ---------------------------------------------------------------------------------------
def map_points(conn: sqlite3.Connection, f: Filters, *, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Incidents with coordinates (the mean of their located reports), most reported first."""
    iw, ia = _incident_where(f, dated=False)
    base = (
        "SELECT i.id, i.event, i.date, json_extract(i.data, '$.place') AS place,"
        " json_extract(i.data, '$.outlets') AS outlets, json_extract(i.data, '$.summary') AS summary,"
        " count(*) AS reports, avg(e.lat) AS lat, avg(e.lon) AS lon FROM incidents i"
        " JOIN incident_members m ON m.incident_id = i.id"
        " JOIN events e ON e.doc_id = m.doc_id AND e.id = m.event_id AND e.lat IS NOT NULL"
        f" WHERE {iw} GROUP BY i.id"
    )
    total = conn.execute(f"SELECT count(*) FROM ({base})", ia).fetchone()[0]
    rows = conn.execute(f"{base} ORDER BY outlets DESC, reports DESC, i.id LIMIT ?", [*ia, limit])
    return [dict(r) for r in rows], total


# -- statements --------------------------------------------------------------------------------
def statements_page(
    conn: sqlite3.Connection,
    *,
    query: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """Statements, newest first (best match first when searching), and how many match.

    `query` is what `Store.statements(query=...)` takes: plain words (all must occur) or FTS5 syntax;
    a malformed one raises StoreError.
    """
    where: list[str] = []
    args: list[Any] = []
    if speaker:
        clause, more = _speaker_match(speaker, None)
        where.append(clause)
        args += more
    if since:
        where.append("s.date >= ?")
        args.append(since)
    if until:
        where.append("s.date <= ?")
        args.append(until + "\uffff")
    join, order = "", "s.date IS NULL, s.date DESC, s.doc_id, s.quote_start"
    if query:
        join = " JOIN statements_fts f ON f.rowid = s.rowid"
        where.append("statements_fts MATCH ?")
        args.append(_fts_query(query))
        order = "f.rank, " + order
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    try:
        total = conn.execute(f"SELECT count(*) FROM statements s{join}{clause}", args).fetchone()[0]
        rows = conn.execute(
            "SELECT s.doc_id, s.id, s.kind, s.act, s.cue, s.quote, s.quote_start, s.quote_end, s.speaker_id,"
            " s.speaker_name, s.speaker_mention, s.date, s.date_source, s.confidence, d.title, d.outlet"
            f" FROM statements s{join} JOIN documents d ON d.id = s.doc_id{clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
    except sqlite3.OperationalError as err:
        raise StoreError(f"bad search query {query!r}: {err}") from None
    return [dict(r) for r in rows], total


# -- actors ------------------------------------------------------------------------------------
def actors_page(
    conn: sqlite3.Connection, *, name: str | None = None, type_: str | None = None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Entities across documents, most mentioned first, and how many match."""
    where, args = [], []
    if name:
        where.append("(e.name LIKE ? ESCAPE '\\' OR e.entity_id = ?)")
        args += [_like(name), name]
    if type_:
        where.append("e.type = ?")
        args.append(type_.upper())
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(DISTINCT e.entity_id) FROM entities e{clause}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT e.entity_id, max(e.name) AS name, max(e.type) AS type, max(e.country) AS country,"
        " sum(e.mentions) AS mentions, count(DISTINCT e.doc_id) AS documents,"
        " (SELECT count(*) FROM statements s WHERE s.speaker_id = e.entity_id) AS statements"
        f" FROM entities e{clause} GROUP BY e.entity_id ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return [dict(r) for r in rows], total


def linked_ids(conn: sqlite3.Connection, entity_id: str) -> list[str]:
    """The entity id and every id the corpus stage linked with it (aliases across outlets)."""
    row = conn.execute("SELECT canonical FROM corpus_entities WHERE entity_id = ?", (entity_id,)).fetchone()
    canonical = row[0] if row else entity_id
    ids = [r[0] for r in conn.execute("SELECT entity_id FROM corpus_entities WHERE canonical = ?", (canonical,))]
    return sorted({entity_id, canonical, *ids})


def actor(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Any] | None:
    """Who the entity is across documents: names, type, country, sector, roles, mentions, documents."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT entity_id, name, type, country, sector, roles, mentions, doc_id FROM entities"
        f" WHERE entity_id IN ({marks})",
        ids,
    ).fetchall()
    if not rows:
        return None
    names: dict[str, int] = {}
    roles: list[str] = []
    for r in rows:
        names[r["name"]] = names.get(r["name"], 0) + r["mentions"]
        roles += [x for x in json.loads(r["roles"]) if x not in roles]
    first = next((r for r in rows if r["entity_id"] == ids[0]), rows[0])
    return {
        "id": first["entity_id"], "ids": ids, "name": max(names, key=lambda n: (names[n], n)),
        "names": sorted(names), "type": first["type"],
        "country": next((r["country"] for r in rows if r["country"]), None),
        "sector": next((r["sector"] for r in rows if r["sector"]), None), "roles": roles,
        "mentions": sum(r["mentions"] for r in rows), "documents": len({r["doc_id"] for r in rows}),
    }


def actor_statements(conn: sqlite3.Connection, ids: list[str], *, limit: int) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT s.doc_id, s.id, s.act, s.cue, s.quote, s.date, s.date_source, d.outlet, d.title, d.published"
        f" FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.speaker_id IN ({marks})"
        " ORDER BY coalesce(s.date, d.published) IS NULL, coalesce(s.date, d.published), s.doc_id, s.quote_start"
        " LIMIT ?",
        [*ids, limit],
    )
    return [dict(r) for r in rows]


def actor_events(conn: sqlite3.Connection, ids: list[str], role: str, *, limit: int) -> list[dict[str, Any]]:
    """Events where the entity is the actor (role 'actor') or the recipient (role 'recipient')."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT DISTINCT e.doc_id, e.id, e.event, e.mode, e.status, e.actor, e.recipient, e.place, e.date,"
        " e.evidence, d.outlet, d.title, m.incident_id FROM event_parties p"
        " JOIN events e ON e.doc_id = p.doc_id AND e.id = p.event_id JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN incident_members m ON m.doc_id = e.doc_id AND m.event_id = e.id"
        f" WHERE p.role = ? AND p.entity_id IN ({marks}) ORDER BY e.date IS NULL, e.date, e.doc_id, e.evidence_start"
        " LIMIT ?",
        [role, *ids, limit],
    )
    return [dict(r) for r in rows]


# -- documents ---------------------------------------------------------------------------------
def documents_page(
    conn: sqlite3.Connection, *, outlet: str | None = None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    where, args = "", []
    if outlet:
        where, args = " WHERE d.outlet LIKE ? ESCAPE '\\'", [_like(outlet)]
    total = conn.execute(f"SELECT count(*) FROM documents d{where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.published, d.published_precision, d.published_method, d.outlet, d.title, d.url,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
        " (SELECT count(*) FROM statements s WHERE s.doc_id = d.id) AS statements"
        f" FROM documents d{where} ORDER BY d.published IS NULL, d.published DESC, d.title LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return [dict(r) for r in rows], total


def doc_meta(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Outlet, title and publication date of these documents."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = conn.execute(
            f"SELECT id, outlet, title, published FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        out.update({r[0]: dict(r) for r in rows})
    return out


def event_types(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT event FROM events ORDER BY event")]


def stamp(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """Changes whenever the store's content does: a cache key for what is derived from all documents."""
    return tuple(conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents),"
        " (SELECT count(*) FROM incidents)"
    ).fetchone())


def entity_ids_by_name(conn: sqlite3.Connection, names: list[str]) -> dict[str, str]:
    """For each name, the most mentioned entity id of that name (case-insensitive)."""
    out: dict[str, str] = {}
    for name in sorted(set(names)):
        row = conn.execute(
            "SELECT entity_id FROM entities WHERE name = ? COLLATE NOCASE GROUP BY entity_id"
            " ORDER BY sum(mentions) DESC, entity_id LIMIT 1",
            (name,),
        ).fetchone()
        if row:
            out[name] = row[0]
    return out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    row = conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM incidents),"
        " (SELECT count(*) FROM statements), (SELECT count(*) FROM events)"
    ).fetchone()
    return {"documents": row[0], "incidents": row[1], "statements": row[2], "events": row[3]}


# -- export tables -----------------------------------------------------------------------------
def export_incidents(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every incident (its JSON, `base_salience` and the mean coordinates of its located reports), by date."""
    rows = conn.execute(
        "SELECT i.data, i.base_salience, (SELECT avg(e.lat) FROM incident_members m JOIN events e"
        " ON e.doc_id = m.doc_id AND e.id = m.event_id WHERE m.incident_id = i.id) AS lat,"
        " (SELECT avg(e.lon) FROM incident_members m JOIN events e ON e.doc_id = m.doc_id AND e.id = m.event_id"
        " WHERE m.incident_id = i.id) AS lon FROM incidents i ORDER BY i.date IS NULL, i.date, i.id"
    )
    for data, salience, lat, lon in rows:
        yield {**json.loads(data), "base_salience": salience, "lat": lat, "lon": lon}


def export_events(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored event with its document and incident, in document order."""
    rows = conn.execute(
        "SELECT e.doc_id, e.id AS event_id, m.incident_id, e.date, e.date_source, e.event, e.mode, e.status,"
        " e.actor, e.recipient, e.place, e.geonameid, e.lat, e.lon, e.country_code, e.dead, e.injured, e.people,"
        " e.confidence, e.statement_id, e.evidence, d.outlet, d.title, d.url, d.published FROM events e"
        " JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN incident_members m ON m.doc_id = e.doc_id AND m.event_id = e.id"
        " ORDER BY e.doc_id, e.evidence_start, e.id"
    )
    for r in rows:
        yield dict(r)


def export_statements(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    rows = conn.execute(
        "SELECT s.doc_id, s.id AS statement_id, s.date, s.date_source, s.speaker_name AS speaker, s.speaker_id,"
        " s.speaker_mention, s.act, s.cue, s.kind, s.quote, s.confidence, d.outlet, d.title, d.url, d.published"
        " FROM statements s JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id, s.quote_start, s.id"
    )
    for r in rows:
        yield dict(r)


def export_documents(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    rows = conn.execute(
        "SELECT d.id, d.published, d.published_precision, d.published_method, d.outlet, d.title, d.url, d.path,"
        " c.story, c.dup_group AS duplicate_group,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
        " (SELECT count(*) FROM statements s WHERE s.doc_id = d.id) AS statements"
        " FROM documents d LEFT JOIN corpus_docs c ON c.doc_id = d.id"
        " ORDER BY d.published IS NULL, d.published, d.id"
    )
    for r in rows:
        yield dict(r)
