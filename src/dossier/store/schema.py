"""The SQLite schema as a list of migrations; `PRAGMA user_version` is the schema version."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: documents, where they came from, their sentences with full-text search, boilerplate lines seen.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        body_hash TEXT NOT NULL UNIQUE,
        path TEXT,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        published_precision TEXT,
        published_method TEXT,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_outlet ON documents(outlet);

    CREATE TABLE sources (
        raw_hash TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        duplicate INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX sources_doc ON sources(doc_id);

    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX sentences_doc ON sentences(doc_id, idx);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='id', tokenize='porter unicode61'
    );

    CREATE TABLE line_seen (
        grp TEXT NOT NULL,
        key TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (grp, key, doc_id)
    ) WITHOUT ROWID;
    """,
    # 2: the facts of each document, flattened for querying: entities, statements (with FTS), events.
    """
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        roles TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, entity_id)
    );
    CREATE INDEX entities_entity ON entities(entity_id);

    CREATE TABLE statements (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        act TEXT,
        cue TEXT,
        quote TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        quote_end INTEGER NOT NULL,
        speaker_id TEXT,
        speaker_name TEXT,
        speaker_mention TEXT,
        date TEXT,
        date_source TEXT,
        confidence REAL,
        UNIQUE (doc_id, id)
    );
    CREATE INDEX statements_speaker ON statements(speaker_id);
    CREATE INDEX statements_date ON statements(date);
    CREATE VIRTUAL TABLE statements_fts USING fts5(
        quote, speaker_name, content='statements', content_rowid='rowid', tokenize='porter unicode61'
    );

    CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        id TEXT NOT NULL,
        event TEXT NOT NULL,
        mode TEXT,
        status TEXT,
        actor TEXT NOT NULL,
        recipient TEXT NOT NULL,
        place TEXT,
        geonameid INTEGER,
        lat REAL,
        lon REAL,
        country_code TEXT,
        date TEXT,
        date_source TEXT,
        dead INTEGER,
        injured INTEGER,
        people INTEGER,
        evidence TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        statement_id TEXT,
        confidence REAL,
        event_json TEXT NOT NULL,
        UNIQUE (doc_id, id)
    );
    CREATE INDEX events_type ON events(event);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_parties (
        doc_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        role TEXT NOT NULL,
        entity_id TEXT,
        name TEXT NOT NULL
    );
    CREATE INDEX event_parties_entity ON event_parties(entity_id);
    CREATE INDEX event_parties_event ON event_parties(doc_id, event_id);
    """,
    # 3: the corpus stage: per-document signature, duplicate group and story; linked entities; incidents.
    """
    CREATE TABLE corpus_docs (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id),
        signature BLOB NOT NULL,
        dup_group TEXT NOT NULL,
        story TEXT
    );
    CREATE INDEX corpus_docs_group ON corpus_docs(dup_group);

    CREATE TABLE corpus_entities (
        entity_id TEXT PRIMARY KEY,
        canonical TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX corpus_entities_canonical ON corpus_entities(canonical);

    CREATE TABLE incident_members (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        event_id TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        mention TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_id)
    );
    CREATE INDEX incident_members_incident ON incident_members(incident_id);
    CREATE TABLE incident_keys (
        key TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        event_id TEXT NOT NULL
    );
    CREATE INDEX incident_keys_key ON incident_keys(key);

    CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        date TEXT,
        base_salience REAL NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX incidents_date ON incidents(date);

    CREATE TABLE day_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        day TEXT NOT NULL,
        start INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        PRIMARY KEY (doc_id, day, start)
    ) WITHOUT ROWID;
    CREATE INDEX day_mentions_day ON day_mentions(day);
    """,
    # 4: what the web filters look up: the distinct party names and places of incidents, each linked to
    # its incidents, kept up to date by triggers on `incidents`; incidents by type and date; speakers by name.
    """
    CREATE INDEX incidents_event ON incidents(event, date);
    CREATE INDEX statements_speaker_name ON statements(speaker_name, date);
    CREATE INDEX statements_speaker_date ON statements(speaker_id, date, speaker_name);
    CREATE INDEX statements_speaker_mention ON statements(speaker_mention, date, speaker_name, speaker_id);

    CREATE TABLE incident_terms (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        term TEXT NOT NULL,
        UNIQUE (kind, term)
    );
    CREATE TABLE incident_term_links (
        term_id INTEGER NOT NULL,
        date TEXT NOT NULL,  -- the incident's date ('' when it has none) and type, so counts by day need
        event TEXT NOT NULL, -- nothing else
        incident_id TEXT NOT NULL,
        PRIMARY KEY (term_id, date, incident_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_term_links_incident ON incident_term_links(incident_id);

    CREATE VIEW incident_term_rows AS
        SELECT i.id AS incident_id, 'party' AS kind, j.value AS term FROM incidents i, json_each(i.data, '$.actor') j
        WHERE j.type = 'text'
        UNION ALL
        SELECT i.id, 'party', j.value FROM incidents i, json_each(i.data, '$.recipient') j WHERE j.type = 'text'
        UNION ALL
        SELECT i.id, 'place', json_extract(i.data, '$.place') FROM incidents i
        WHERE json_type(i.data, '$.place') = 'text';

    -- no conflict clauses in the triggers: an outer INSERT OR REPLACE would override them
    CREATE TRIGGER incident_terms_insert AFTER INSERT ON incidents BEGIN
        DELETE FROM incident_term_links WHERE incident_id = new.id;
        INSERT INTO incident_terms (kind, term)
            SELECT DISTINCT kind, term FROM incident_term_rows r WHERE r.incident_id = new.id
            AND NOT EXISTS (SELECT 1 FROM incident_terms t WHERE t.kind = r.kind AND t.term = r.term);
        INSERT INTO incident_term_links (term_id, date, event, incident_id)
            SELECT DISTINCT t.id, coalesce(new.date, ''), new.event, new.id FROM incident_term_rows r
            JOIN incident_terms t ON t.kind = r.kind AND t.term = r.term WHERE r.incident_id = new.id;
    END;
    CREATE TRIGGER incident_terms_update AFTER UPDATE OF id, event, date, data ON incidents BEGIN
        DELETE FROM incident_term_links WHERE incident_id IN (old.id, new.id);
        INSERT INTO incident_terms (kind, term)
            SELECT DISTINCT kind, term FROM incident_term_rows r WHERE r.incident_id = new.id
            AND NOT EXISTS (SELECT 1 FROM incident_terms t WHERE t.kind = r.kind AND t.term = r.term);
        INSERT INTO incident_term_links (term_id, date, event, incident_id)
            SELECT DISTINCT t.id, coalesce(new.date, ''), new.event, new.id FROM incident_term_rows r
            JOIN incident_terms t ON t.kind = r.kind AND t.term = r.term WHERE r.incident_id = new.id;
    END;
    CREATE TRIGGER incident_terms_delete AFTER DELETE ON incidents BEGIN
        DELETE FROM incident_term_links WHERE incident_id = old.id;
    END;

    INSERT INTO incident_terms (kind, term) SELECT DISTINCT kind, term FROM incident_term_rows;
    INSERT INTO incident_term_links (term_id, date, event, incident_id)
        SELECT DISTINCT t.id, coalesce(i.date, ''), i.event, i.id FROM incident_term_rows r
        JOIN incident_terms t ON t.kind = r.kind AND t.term = r.term JOIN incidents i ON i.id = r.incident_id;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class StoreTooNew(RuntimeError):
    pass


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to `SCHEMA_VERSION`; return the version it had."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"store schema version {version} is newer than this Dossier ({SCHEMA_VERSION}); upgrade Dossier"
        )
    for number in range(version, SCHEMA_VERSION):
        try:
            conn.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            raise
    return version
