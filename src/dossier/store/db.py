"""The SQLite store.  Only this package speaks SQL.

Writes go through `Store.add_batch`, one transaction per batch, so a run killed at any point
leaves whole batches or nothing; `sources` remembers which raw inputs are already stored, so a
re-run skips them and nothing is stored twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.record import Record, body_hash
from dossier.store import corpus, facts
from dossier.store.schema import migrate

DEFAULT_DB = "dossier.db"


class StoreError(RuntimeError):
    """A store that cannot be opened or used: the message is one line."""


@dataclass
class Outcome:
    """What happened to one article on ingest."""

    origin: str
    doc_id: str
    status: str  # "stored" | "duplicate"
    duplicate_of: str | None = None


@dataclass
class Incoming:
    """One extracted article ready to store."""

    origin: str
    raw_hash: str
    record: Record
    sentences: list[tuple[int, int]]
    line_group: str | None = None
    line_keys: frozenset[str] = frozenset()


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> Store:
        target = str(path)
        try:
            if readonly:
                if not Path(target).exists():
                    raise StoreError(f"{target}: no such store (run `dossier ingest` first)")
                uri = Path(target).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(target, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                migrate(conn)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{target}: not a Dossier store ({err})") from None
        conn.row_factory = sqlite3.Row
        return cls(conn, target)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------
    def known_sources(self, raw_hashes: Iterable[str]) -> set[str]:
        """Which of these raw inputs are already stored (from an earlier or interrupted run)."""
        found: set[str] = set()
        hashes = list(raw_hashes)
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT raw_hash FROM sources WHERE raw_hash IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def add_batch(self, batch: list[Incoming]) -> list[Outcome]:
        """Store a batch in one transaction; a body already stored is reported as a duplicate."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        outcomes: list[Outcome] = []
        stored_as: dict[str, str] = {}
        with self.conn:
            for item in batch:
                _relink(item.record, stored_as)
                outcome = self._add_one(item, now)
                stored_as[item.record.id] = outcome.doc_id
                outcomes.append(outcome)
        return outcomes

    def _add_one(self, item: Incoming, now: str) -> Outcome:
        record = item.record
        digest = body_hash(record.body)
        existing = self.conn.execute(
            "SELECT id FROM documents WHERE body_hash = ? OR id = ?", (digest, record.id)
        ).fetchone()
        if existing:
            self._add_source(item, existing[0], now, duplicate=True)
            return Outcome(item.origin, existing[0], "duplicate", duplicate_of=existing[0])
        pub = record.published
        self.conn.execute(
            "INSERT INTO documents (id, body_hash, path, url, outlet, title, published, published_precision,"
            " published_method, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.id, digest, record.path, record.url, record.outlet, record.title,
                pub.date, pub.precision, pub.method, json.dumps(record.to_dict(), ensure_ascii=False), now,
            ),
        )
        self._add_sentences(record, item.sentences)
        facts.add_facts(self.conn, record)
        self._add_source(item, record.id, now, duplicate=False)
        if item.line_group and item.line_keys:
            self.conn.executemany(
                "INSERT OR IGNORE INTO line_seen (grp, key, doc_id) VALUES (?,?,?)",
                [(item.line_group, key, record.id) for key in item.line_keys],
            )
        return Outcome(item.origin, record.id, "stored")

    def _add_sentences(self, record: Record, sentences: list[tuple[int, int]]) -> None:
        for idx, (start, end) in enumerate(sentences):
            text = record.body[start:end]
            cursor = self.conn.execute(
                "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?,?,?,?,?)",
                (record.id, idx, start, end, text),
            )
            self.conn.execute("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", (cursor.lastrowid, text))

    def _add_source(self, item: Incoming, doc_id: str, now: str, *, duplicate: bool) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO sources (raw_hash, origin, doc_id, duplicate, ingested_at) VALUES (?,?,?,?,?)",
            (item.raw_hash, item.origin, doc_id, int(duplicate), now),
        )

    def seen_lines(self, group: str) -> dict[str, int]:
        """For an outlet: how many stored documents each boilerplate-candidate line key appeared in."""
        rows = self.conn.execute(
            "SELECT key, count(*) FROM line_seen WHERE grp = ? GROUP BY key", (group,)
        )
        return {r[0]: r[1] for r in rows}

    # -- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT d.id, d.published, d.published_precision, d.published_method, d.outlet, d.title,"
            " d.path, d.url, (SELECT count(*) FROM sources s WHERE s.doc_id = d.id) AS reports"
            " FROM documents d ORDER BY d.published IS NULL, d.published DESC, d.title LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [dict(r) for r in rows]

    def record(self, doc_id: str) -> Record | None:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT record FROM documents WHERE id LIKE ? ORDER BY id LIMIT 2", (doc_id + "%",)
            ).fetchall()
            row = row[0] if len(row) == 1 else None
        return Record.from_dict(json.loads(row[0])) if row else None

    def records(self) -> Iterator[Record]:
        for row in self.conn.execute("SELECT record FROM documents ORDER BY published, id"):
            yield Record.from_dict(json.loads(row[0]))

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        if filters.get("query"):
            filters["query"] = _fts_query(filters["query"])
        try:
            return facts.statements(self.conn, **filters)
        except sqlite3.OperationalError as err:
            raise StoreError(f"bad search query {filters.get('query')!r}: {err}") from None

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        return facts.actors(self.conn, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        return facts.events(self.conn, **filters)

    # -- corpus stage (SQL in store/corpus.py) ---------------------------------------------
    def corpus_pending(self) -> int:
        """How many stored documents the corpus stage has not processed yet."""
        return len(corpus.pending_docs(self.conn))

    def update_corpus(self, **options: Any) -> Any:
        """Run the incremental corpus update (dossier.corpus.update) in one transaction."""
        from dossier.corpus.update import update_corpus

        return update_corpus(self.conn, **options)

    def incidents(self) -> list[dict[str, Any]]:
        from dossier.corpus.export import load_incidents

        return load_incidents(self)

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Sentences matching an FTS5 query, best first, with their document."""
        try:
            rows = self.conn.execute(
                "SELECT s.doc_id, s.idx, s.start, s.end, d.title, d.outlet, d.published,"
                " snippet(sentences_fts, 0, '[', ']', '…', 24) AS snippet, s.text"
                " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
                " JOIN documents d ON d.id = s.doc_id"
                " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
                (_fts_query(query), limit),
            ).fetchall()
        except sqlite3.OperationalError as err:
            raise StoreError(f"bad search query {query!r}: {err}") from None
        return [dict(r) for r in rows]


def _relink(record: Record, stored_as: dict[str, str]) -> None:
    """A related-article teaser points to its host as stored: a host that duplicated an earlier document
    in this batch is that document."""
    host = record.related_to
    if host and host.get("id") in stored_as:
        host["id"] = stored_as[str(host["id"])]


def _fts_query(query: str) -> str:
    """Plain words become an AND of quoted terms; a query using FTS5 syntax is passed through."""
    if any(ch in query for ch in '"*():') or any(op in query.split() for op in ("AND", "OR", "NOT", "NEAR")):
        return query
    words = [w for w in query.replace("'", " ").split() if w]
    return " ".join(f'"{w}"' for w in words)
