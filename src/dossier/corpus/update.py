"""The incremental corpus update: what `dossier ingest` runs after storing a batch of articles.

For the documents the corpus stage has not seen yet it stores the MinHash signature and duplicate
group, files every event under its block keys and merges it into the incidents it matches, then
refreshes the summaries of the incidents that changed, the entity links and the story clusters.
Everything happens in one transaction: a run killed half-way leaves the corpus tables as they were,
and the next run (or any corpus command) picks the same documents up again.

Costs: dedup rebuilds the LSH index from the stored signatures (linear); incident matching compares
each new event only with the events in its blocks; entity linking is blocked by type and initial;
story clustering is recomputed over the whole store (quadratic in documents, see `STORY_LIMIT`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from dossier.corpus.dedup import DedupIndex, signature
from dossier.corpus.incidents import (
    DocInfo,
    Mention,
    block_keys,
    incident_id,
    mentions_of,
    same_incident,
    summarize,
    support,
)
from dossier.corpus.linking import Aliases, EntityRow, link, load_aliases
from dossier.corpus.stories import StoryDoc, assign_stories
from dossier.record import Record
from dossier.store import corpus as sql

# Story clustering compares every pair of documents; above this many it is left to `dossier export`
# with --stories (not yet) and new documents keep no story.
STORY_LIMIT = 20000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class UpdateResult:
    documents: int = 0
    events: int = 0
    incidents_changed: int = 0
    duplicates: list[list[str]] = field(default_factory=list)


def update_corpus(conn: sqlite3.Connection, *, aliases: Aliases | None = None, stories: bool = True) -> UpdateResult:
    """Bring the corpus tables up to date with the stored documents, in one transaction."""
    result = UpdateResult()
    with conn:
        pending = sql.pending_docs(conn)
        if not pending:
            return result
        records = _records(conn, pending)
        changed_groups = _dedup(conn, records)
        _day_mentions(conn, records)
        touched = _match_incidents(conn, records, result)
        touched |= sql.incidents_of_docs(conn, changed_groups) if changed_groups else set()
        _summarize(conn, touched)
        result.incidents_changed = len(touched)
        _link_entities(conn, aliases if aliases is not None else load_aliases())
        if stories:
            _stories(conn)
        result.documents = len(records)
    return result


def _records(conn: sqlite3.Connection, doc_ids: list[str]) -> list[Record]:
    return [Record.from_dict(json.loads(text)) for text in sql.record_texts(conn, doc_ids)]


# -- near-duplicates ---------------------------------------------------------------------------
def _dedup(conn: sqlite3.Connection, records: list[Record]) -> set[str]:
    """Store signatures and groups of the new documents; return the old documents whose group changed."""
    index = DedupIndex()
    stored = sorted(sql.signatures(conn))
    for doc_id, sig, _ in stored:
        index.add(doc_id, sig)
    sigs = {r.id: signature(r.body) for r in records}
    for doc_id in sorted(sigs):
        index.add(doc_id, sigs[doc_id])
    group_of = {doc_id: doc_id for doc_id in [*(s[0] for s in stored), *sigs]}
    for group in index.groups():
        group_of.update(dict.fromkeys(group, min(group)))
    for doc_id, sig in sigs.items():
        sql.add_doc(conn, doc_id, sig, group_of[doc_id])
    changed = {doc_id: group_of[doc_id] for doc_id, _, old in stored if group_of[doc_id] != old}
    sql.set_dup_groups(conn, changed)
    return set(changed)


def _day_mentions(conn: sqlite3.Connection, records: list[Record]) -> None:
    """The sentences of each new document that name a day (TIMEX3 DATE values YYYY-MM-DD)."""
    rows = []
    for record in records:
        spans = sql.sentence_spans(conn, record.id)
        for timex in record.timexes:
            value = timex.get("value") or ""
            if timex.get("type") != "DATE" or not _DAY.match(value):
                continue
            start, _end, text = _sentence_at(spans, record.body, timex["start"])
            rows.append((record.id, value[:10], start, text))
    sql.add_day_mentions(conn, rows)


def _sentence_at(spans: list[tuple[int, int, str]], body: str, offset: int) -> tuple[int, int, str]:
    starts = [s[0] for s in spans]
    i = bisect_right(starts, offset) - 1
    if 0 <= i < len(spans) and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    lo = max(body.rfind("\n", 0, offset), body.rfind(". ", 0, offset) + 1, 0)
    hi = min(x for x in (body.find("\n", offset), body.find(". ", offset) + 1, len(body)) if x > 0)
    return lo, hi, body[lo:hi].strip()


# -- incidents ---------------------------------------------------------------------------------
class _Components:
    """Union-find over node names: "I:<incident id>" for stored incidents, "M:<doc>/<event>" for new mentions."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> Iterable[list[str]]:
        out: dict[str, list[str]] = {}
        for node in list(self.parent):
            out.setdefault(self.find(node), []).append(node)
        return out.values()


def _node(m: Mention) -> str:
    return f"M:{m.doc}/{m.event_id}"


def _match_incidents(conn: sqlite3.Connection, records: list[Record], result: UpdateResult) -> set[str]:
    """File the new events, merge them into incidents; return the ids of incidents to re-summarise.

    Dated mentions form incidents as the components of `same_incident`.  An undated mention could
    bridge two incidents of different dates (a strike on Kyiv in February and one in October), so it
    joins no component: `_attach_undated` files it with the one incident it matches best instead."""
    new = sorted((m for r in records for m in mentions_of(r)), key=lambda m: m.key)
    result.events = len(new)
    keys = {m.key: block_keys(m) for m in new}
    stored = sql.candidates(conn, {k for _, lookup in keys.values() for k in lookup})
    parsed: dict[tuple[str, str], Mention] = {}
    comps = _Components()
    local: dict[str, list[Mention]] = {}
    for m in new:
        comps.find(_node(m))
        filed, lookup = keys[m.key]
        for key in lookup:
            for doc, event_id, inc_id, text in stored.get(key, []):
                other = parsed.get((doc, event_id))
                if other is None:
                    other = parsed[(doc, event_id)] = Mention.from_dict(json.loads(text))
                if m.lo and other.lo and same_incident(m, other):
                    comps.union(_node(m), "I:" + inc_id)
            for other in local.get(key, []):
                if m.lo and other.lo and same_incident(m, other):
                    comps.union(_node(m), _node(other))
        for key in filed:
            local.setdefault(key, []).append(m)
    return _write_components(conn, comps, new, keys)


Keys = dict[tuple[str, str], tuple[list[str], list[str]]]


def _write_components(conn: sqlite3.Connection, comps: _Components, new: list[Mention], keys: Keys) -> set[str]:
    by_node = {_node(m): m for m in new}
    old_ids = {n[2:] for n in comps.parent if n.startswith("I:")}
    old_members = sql.members_of(conn, old_ids)
    renames: dict[str, str] = {}
    rows: list[tuple[str, str, str, str]] = []
    touched: set[str] = set()
    for group in comps.groups():
        member_keys = [by_node[n].key for n in group if n.startswith("M:")]
        olds = [n[2:] for n in group if n.startswith("I:")]
        for old in olds:
            member_keys += [(d["doc"], d["event_id"]) for d in map(json.loads, old_members.get(old, [])) if d["lo"]]
        inc = incident_id(member_keys)
        renames.update({old: inc for old in olds if old != inc})
        rows += [(by_node[n].doc, by_node[n].event_id, inc, json.dumps(by_node[n].to_dict(), ensure_ascii=False))
                 for n in group if n.startswith("M:")]
        touched.add(inc)
    sql.rename_incidents(conn, renames)
    filed = [(key, m.doc, m.event_id) for m in new for key in keys[m.key][0]]
    sql.add_members(conn, rows, filed)
    return touched | _attach_undated(conn)


def _attach_undated(conn: sqlite3.Connection) -> set[str]:
    """(Re)attach every undated mention to the dated incident it matches best, else to its own incident.

    Recomputed over all undated mentions at each update, so the result does not depend on batching."""
    undated = [(d, e, i, Mention.from_dict(json.loads(t))) for d, e, i, t in sql.undated_members(conn)]
    lookups = {m.key: block_keys(m)[1] for *_, m in undated}
    stored = sql.candidates(conn, {k for keys in lookups.values() for k in keys})
    moves: dict[tuple[str, str], str] = {}
    touched: set[str] = set()
    for doc, event_id, current, m in undated:
        best: tuple[float, str] | None = None
        for key in lookups[m.key]:
            for _, _, inc_id, text in stored.get(key, []):
                other = Mention.from_dict(json.loads(text))
                if other.lo and same_incident(m, other):
                    score = (support(m, other), inc_id)
                    best = score if best is None or (score[0], _neg(score[1])) > (best[0], _neg(best[1])) else best
        target = best[1] if best else incident_id([m.key])
        if target != current:
            moves[(doc, event_id)] = target
            touched |= {current, target}
    sql.move_members(conn, moves)
    return touched


def _neg(text: str) -> tuple[int, ...]:
    """Orders strings in reverse, so that ties on support go to the smallest incident id."""
    return tuple(-ord(c) for c in text)


def _summarize(conn: sqlite3.Connection, incident_ids: set[str]) -> None:
    members = sql.members_of(conn, incident_ids)
    mentions = {i: [Mention.from_dict(json.loads(t)) for t in texts] for i, texts in members.items()}
    infos = sql.doc_infos(conn, {m.doc for ms in mentions.values() for m in ms})
    docs = {d: DocInfo(i["outlet"], i["dup_group"], i["published"]) for d, i in infos.items()}
    sql.put_incidents(conn, [summarize(ms, docs, inc_id) for inc_id, ms in mentions.items() if ms])
    sql.delete_incidents(conn, incident_ids - set(mentions))


# -- entities and stories ----------------------------------------------------------------------
def _link_entities(conn: sqlite3.Connection, aliases: Aliases) -> None:
    rows = [EntityRow(r["id"], r["name"], r["type"], r["country"], r["roles"], r["years"])
            for r in sql.entity_rows(conn)]
    sql.set_entity_links(conn, link(rows, aliases))


def _stories(conn: sqlite3.Connection) -> None:
    docs = []
    for doc_id, title, record, published in sql.story_rows(conn):
        data = json.loads(record)
        names = [e["name"] for e in data.get("entities") or []]
        docs.append(StoryDoc(doc_id, title, data.get("body", ""), published, names))
    if len(docs) > STORY_LIMIT:
        return
    sql.set_stories(conn, assign_stories(docs))
