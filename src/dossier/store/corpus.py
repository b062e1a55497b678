"""SQL of the corpus stage: per-document signature, duplicate group and story; linked entities; incidents.

`dossier.corpus.update` decides what to write; this module only reads and writes rows.  The caller
runs a whole update inside one transaction (see `Store.corpus_transaction`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.corpus.incidents import listing_day

_CHUNK = 500


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


# -- documents ---------------------------------------------------------------------------------
def pending_docs(conn: sqlite3.Connection) -> list[str]:
    """Stored documents the corpus stage has not seen yet."""
    rows = conn.execute(
        "SELECT d.id FROM documents d LEFT JOIN corpus_docs c ON c.doc_id = d.id WHERE c.doc_id IS NULL ORDER BY d.id"
    )
    return [r[0] for r in rows]


def record_texts(conn: sqlite3.Connection, doc_ids: list[str]) -> list[str]:
    """The record JSON of these documents, in the order given."""
    return [conn.execute("SELECT record FROM documents WHERE id = ?", (d,)).fetchone()[0] for d in doc_ids]


def signatures(conn: sqlite3.Connection) -> list[tuple[str, bytes, str]]:
    return [(r[0], r[1], r[2]) for r in conn.execute("SELECT doc_id, signature, dup_group FROM corpus_docs")]


def add_doc(conn: sqlite3.Connection, doc_id: str, signature: bytes, dup_group: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO corpus_docs (doc_id, signature, dup_group) VALUES (?,?,?)",
        (doc_id, signature, dup_group),
    )


def set_dup_groups(conn: sqlite3.Connection, groups: dict[str, str]) -> None:
    conn.executemany("UPDATE corpus_docs SET dup_group = ? WHERE doc_id = ?", [(g, d) for d, g in groups.items()])


def set_stories(conn: sqlite3.Connection, stories: dict[str, str]) -> None:
    conn.executemany("UPDATE corpus_docs SET story = ? WHERE doc_id = ?", [(s, d) for d, s in stories.items()])


def doc_infos(conn: sqlite3.Connection, doc_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Outlet, publication date, title, duplicate group and story of documents (all when None)."""
    sql = (
        "SELECT d.id, d.outlet, d.published, d.title, d.path, c.dup_group, c.story FROM documents d"
        " LEFT JOIN corpus_docs c ON c.doc_id = d.id"
    )
    if doc_ids is None:
        rows = conn.execute(sql + " ORDER BY d.published IS NULL, d.published, d.id").fetchall()
    else:
        ids = sorted(set(doc_ids))
        rows = []
        for chunk in _chunks(ids):
            rows += conn.execute(sql + f" WHERE d.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    return {r[0]: {"id": r[0], "outlet": r[1], "published": r[2], "title": r[3], "path": r[4],
                   "dup_group": r[5] or r[0], "story": r[6]} for r in rows}


def duplicate_groups(conn: sqlite3.Connection) -> list[list[str]]:
    rows = conn.execute(
        "SELECT dup_group, json_group_array(doc_id) FROM corpus_docs GROUP BY dup_group HAVING count(*) > 1"
    )
    return sorted(sorted(json.loads(r[1])) for r in rows)


def story_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, str | None, str, str | None]]:
    yield from conn.execute("SELECT id, title, record, published FROM documents ORDER BY id")


# -- entities ----------------------------------------------------------------------------------
def entity_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One row per entity id across documents: name, type, country, roles, publication years."""
    rows = conn.execute(
        "SELECT e.entity_id, max(e.name), max(e.type), max(e.country), json_group_array(e.roles),"
        " json_group_array(substr(d.published, 1, 4)), count(DISTINCT e.doc_id), sum(e.mentions)"
        " FROM entities e JOIN documents d ON d.id = e.doc_id GROUP BY e.entity_id ORDER BY e.entity_id"
    )
    out = []
    for r in rows:
        roles: list[str] = []
        for group in json.loads(r[4]):
            roles += [x for x in json.loads(group) if x not in roles]
        years = {y for y in json.loads(r[5]) if y}
        out.append({"id": r[0], "name": r[1], "type": r[2], "country": r[3], "roles": roles, "years": years,
                    "documents": r[6], "mentions": r[7]})
    return out


def set_entity_links(conn: sqlite3.Connection, links: dict[str, str]) -> None:
    conn.execute("DELETE FROM corpus_entities")
    conn.executemany("INSERT INTO corpus_entities (entity_id, canonical) VALUES (?,?)", sorted(links.items()))


def entity_links(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT entity_id, canonical FROM corpus_entities")}


def entity_docs(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """For each canonical entity, the documents that name it (through any linked id)."""
    out: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT coalesce(c.canonical, e.entity_id), e.doc_id FROM entities e"
        " LEFT JOIN corpus_entities c ON c.entity_id = e.entity_id"
    )
    for canonical, doc_id in rows:
        out.setdefault(canonical, set()).add(doc_id)
    return out


# -- incidents ---------------------------------------------------------------------------------
def candidates(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, list[tuple[str, str, str, str]]]:
    """Stored mentions filed under these block keys: key -> [(doc, event id, incident id, mention JSON)]."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for chunk in _chunks(sorted(set(keys))):
        rows = conn.execute(
            "SELECT k.key, m.doc_id, m.event_id, m.incident_id, m.mention FROM incident_keys k"
            " JOIN incident_members m ON m.doc_id = k.doc_id AND m.event_id = k.event_id"
            f" WHERE k.key IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for r in rows:
            out.setdefault(r[0], []).append((r[1], r[2], r[3], r[4]))
    return out


def add_members(
    conn: sqlite3.Connection, rows: list[tuple[str, str, str, str]], keys: list[tuple[str, str, str]]
) -> None:
    """New mentions (doc, event id, incident id, mention JSON) and their block keys (key, doc, event id)."""
    conn.executemany(
        "INSERT OR REPLACE INTO incident_members (doc_id, event_id, incident_id, mention) VALUES (?,?,?,?)", rows
    )
    conn.executemany("INSERT INTO incident_keys (key, doc_id, event_id) VALUES (?,?,?)", keys)


def rename_incidents(conn: sqlite3.Connection, renames: dict[str, str]) -> None:
    """Members of merged incidents move to the merged incident's id; the old summaries go."""
    conn.executemany(
        "UPDATE incident_members SET incident_id = ? WHERE incident_id = ?",
        [(new, old) for old, new in renames.items()],
    )
    for chunk in _chunks(sorted(renames)):
        conn.execute(f"DELETE FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def undated_members(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """Mentions whose date is unknown: (doc, event id, incident id, mention JSON)."""
    rows = conn.execute(
        "SELECT doc_id, event_id, incident_id, mention FROM incident_members"
        " WHERE json_extract(mention, '$.lo') IS NULL ORDER BY doc_id, event_id"
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def move_members(conn: sqlite3.Connection, moves: dict[tuple[str, str], str]) -> None:
    conn.executemany(
        "UPDATE incident_members SET incident_id = ? WHERE doc_id = ? AND event_id = ?",
        [(target, doc, event_id) for (doc, event_id), target in moves.items()],
    )


def delete_incidents(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    for chunk in _chunks(sorted(set(ids))):
        conn.execute(f"DELETE FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def incidents_of_docs(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(doc_ids))):
        rows = conn.execute(
            f"SELECT DISTINCT incident_id FROM incident_members WHERE doc_id IN ({','.join('?' * len(chunk))})", chunk
        )
        found.update(r[0] for r in rows)
    return found


def members_of(conn: sqlite3.Connection, incident_ids: Iterable[str]) -> dict[str, list[str]]:
    """Incident id -> its members' mention JSON."""
    out: dict[str, list[str]] = {}
    for chunk in _chunks(sorted(set(incident_ids))):
        rows = conn.execute(
            "SELECT incident_id, mention FROM incident_members"
            f" WHERE incident_id IN ({','.join('?' * len(chunk))}) ORDER BY doc_id, event_id",
            chunk,
        )
        for incident_id, mention in rows:
            out.setdefault(incident_id, []).append(mention)
    return out


def put_incidents(conn: sqlite3.Connection, incidents: list[dict[str, Any]]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO incidents (id, event, date, base_salience, data) VALUES (?,?,?,?,?)",
        [(i["id"], i["event"], listing_day(i.get("date")) or i.get("date"), i.get("base_salience", 0.0),
          json.dumps(i, ensure_ascii=False)) for i in incidents],
    )


def incidents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT data FROM incidents ORDER BY date IS NULL, date, id")
    return [json.loads(r[0]) for r in rows]


def statements_for_timeline(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT s.doc_id, s.id, s.kind, s.act, s.quote, s.speaker_id, s.speaker_name, s.speaker_mention, s.date,"
        " s.date_source, s.confidence, d.outlet FROM statements s JOIN documents d ON d.id = s.doc_id"
        " WHERE s.date IS NOT NULL ORDER BY s.date, s.doc_id, s.quote_start"
    )
    return [dict(zip(("doc_id", "id", "kind", "act", "quote", "speaker_id", "speaker_name", "speaker_mention",
                      "date", "date_source", "confidence", "outlet"), r, strict=True)) for r in rows]


# -- days --------------------------------------------------------------------------------------
def add_day_mentions(conn: sqlite3.Connection, rows: list[tuple[str, str, int, str]]) -> None:
    """Sentences naming a day: (doc, day, sentence start, sentence)."""
    conn.executemany("INSERT OR IGNORE INTO day_mentions (doc_id, day, start, sentence) VALUES (?,?,?,?)", rows)


def day_mentions(conn: sqlite3.Connection) -> list[tuple[str, str, int, str]]:
    return [tuple(r) for r in conn.execute("SELECT doc_id, day, start, sentence FROM day_mentions ORDER BY day")]


def published_days(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT published, count(*) FROM documents WHERE published_precision = 'day' GROUP BY published"
    )
    return {r[0]: r[1] for r in rows}


def sentence_spans(conn: sqlite3.Connection, doc_id: str) -> list[tuple[int, int, str]]:
    rows = conn.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
    return [(r[0], r[1], r[2]) for r in rows]
