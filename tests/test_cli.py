"""The command line end to end, on articles we wrote: records, bad input, idempotent ingest."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest

from conftest import SHARED, dossier, jsonl

PARAGRAPHS = [
    "Ukrainian and Russian negotiators met in Istanbul on Monday for their second round of direct talks, "
    "officials from both delegations said after the meeting ended in the early evening.",
    "The two sides agreed to exchange all severely wounded prisoners and those younger than twenty-five, "
    "according to the head of the Ukrainian delegation, who spoke to reporters outside the palace.",
    "Moscow handed over a memorandum setting out its conditions for a ceasefire, which Kyiv said it "
    "would study carefully before the next meeting, expected later in the month.",
]


def article(title: str, extra: str = "") -> str:
    body = "\n\n".join(PARAGRAPHS + ([extra] if extra else []))
    return f"World\n\n{title}\n\n4 min read\n\n{body}\n\nSign up for our weekly briefing newsletter\n"


@pytest.fixture()
def good_files(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "talks.txt").write_text(article("Second round of talks ends with a swap deal"))
    (folder / "page.html").write_text(
        "<html><head><title>Talks resume | Example Post</title></head><body><nav>Home World</nav>"
        "<article><h1>Talks resume</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[::-1]) +
        "</article><footer>Copyright Example Post</footer></body></html>"
    )
    return folder


def test_extract_writes_valid_records(good_files: Path, record_schema: dict) -> None:
    done = dossier("extract", str(good_files))
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert len(records) == 2
    schemas = [record_schema]
    if (SHARED / "schema" / "record.schema.json").exists():
        schemas.append(json.loads((SHARED / "schema" / "record.schema.json").read_text()))
    for record in records:
        for schema in schemas:
            jsonschema.validate(record, schema)
        assert "second round of direct talks" in record["body"]
        assert "Sign up" not in record["body"]
        assert record["title"]


def test_raw_keeps_the_text_exactly(tmp_path: Path) -> None:
    text = "Sign up now. " + PARAGRAPHS[0]
    line = json.dumps({"id": "s1", "text": text, "date": "2025-06-02"})
    done = dossier("extract", "--raw", "-", stdin=line.encode())
    (record,) = jsonl(done.stdout)
    assert record["id"] == "s1" and record["body"] == text
    assert record["published"] == {"date": "2025-06-02", "precision": "day", "method": "given", "confidence": 1.0}


def test_bad_input_gets_one_line_each_and_the_rest_is_stored(good_files: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "huge.txt").write_bytes((PARAGRAPHS[0] + "\n").encode() * 300_000)  # about 50 MB
    (bad / "latin.txt").write_bytes(
        article("Caf\xe9 talks", "Delegates left Gen\xe8ve late on Tuesday without a statement.").encode("latin-1")
    )
    (bad / "cut.html").write_text(
        "<html><body><article><h1>Cut short</h1><p>" + "</p><p>".join(PARAGRAPHS[1:]) + "</p><p>And then the"
    )
    (bad / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": article("Feed item", "A fourth paragraph only the feed has.")}) + "\n"
        + '{"id": "j2", "text": "no closing quote\n'
    )
    db = tmp_path / "d.db"
    done = dossier("ingest", str(good_files), str(bad), str(tmp_path / "missing.txt"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.decode().strip().splitlines()
    named = {name: [ln for ln in lines if name in ln] for name in
             ("binary.txt", "empty.txt", "huge.txt", "latin.txt", "cut.html", "feed.jsonl:2", "missing.txt")}
    for name, found in named.items():
        assert len(found) == 1, (name, lines)
    assert "Traceback" not in done.stderr.decode()
    stored = _count(db)
    assert stored == 5  # 2 good files, the latin-1 file, the truncated page, the good JSONL line
    again = dossier("ingest", str(good_files), str(bad), "--db", str(db))
    assert again.returncode == 0
    assert "stored 0" in again.stderr.decode() and "already stored 5" in again.stderr.decode()
    assert _count(db) == stored


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    done = dossier("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "d.db"))
    assert done.returncode == 1
    assert done.stderr.decode().count("nope.txt") == 1


def test_views_list_show_and_search(good_files: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert dossier("ingest", str(good_files), "--db", db).returncode == 0
    docs = json.loads(dossier("docs", "--db", db, "--json").stdout)
    assert len(docs) == 2 and all(d["title"] for d in docs)
    shown = json.loads(dossier("show", docs[0]["id"][:8], "--db", db, "--json").stdout)
    assert shown["id"] == docs[0]["id"]
    text_doc = next(d for d in docs if (d["path"] or "").endswith(".txt"))
    plain = dossier("show", text_doc["id"], "--db", db).stdout.decode()
    assert "removed (" in plain and "4 min read" in plain
    hits = json.loads(dossier("search", "wounded prisoners", "--db", db, "--json").stdout)
    assert hits and all("wounded" in h["text"] for h in hits)
    missing = dossier("docs", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "no such store" in missing.stderr.decode()


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_broad_attribution_adds_beliefs_and_evidence_to_speech(tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(
        "Most analysts in Vilnius believe that the border crossing will reopen before winter, despite warnings.\n\n"
        "A new survey shows that support for the ferry link has fallen sharply among residents of the coast.\n\n"
        "\"We will keep the ferry running,\" the harbour master said on Monday.\n",
        encoding="utf-8",
    )
    speech = jsonl(dossier("extract", str(article)).stdout)[0]["statements"]
    broad = jsonl(dossier("extract", str(article), "--broad-attribution").stdout)[0]["statements"]
    assert [s["kind"] for s in speech] == ["direct"]
    assert {s["speaker"]["name"] for s in broad} >= {"Most analysts", "A new survey"}
    db = tmp_path / "broad.db"
    assert dossier("ingest", str(article), "--db", str(db), "-q", "--broad-attribution").returncode == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == len(broad)


def test_quiet_ingest_prints_only_errors_and_the_summary(tmp_path: Path) -> None:
    page = tmp_path / "cut.html"
    paragraph = ("Engineers reopened the rail bridge over the river on Thursday after three weeks of repairs, "
                 "the regional transport office said, and freight trains resumed their night schedule.")
    page.write_text(f"<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
                    f"<p>{paragraph}</p><p>{paragraph.replace('Thursday', 'Friday')}</p>", encoding="utf-8")
    loud = dossier("ingest", str(page), "--db", str(tmp_path / "a.db"))
    quiet = dossier("ingest", str(page), "--db", str(tmp_path / "b.db"), "-q")
    assert b"warning:" in loud.stderr and b"truncated" in loud.stderr
    assert quiet.returncode == 0 and b"warning:" not in quiet.stderr
    assert quiet.stderr.decode().strip().splitlines()[-1].startswith("read 1, stored 1")
