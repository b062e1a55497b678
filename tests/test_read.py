"""Readers: every input kind, every encoding, and bad input turned into one-line failures."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.read import Failure, read_paths
from dossier.record import Article

STORY = (
    "Negotiators from both countries met in a lakeside hotel on Tuesday. "
    "They agreed to swap lists of detained civilians before the next round.\n"
)


def _read(*paths: Path | str, max_bytes: int = 5_000_000) -> list[Article | Failure]:
    return list(read_paths([str(p) for p in paths], max_bytes=max_bytes))


def test_text_encodings(tmp_path: Path) -> None:
    samples = {
        "utf8.txt": STORY.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + STORY.encode("utf-8"),
        "cyrillic.txt": "Переговоры продолжатся во вторник в Стамбуле, сообщили в Кремле.\n".encode("cp1251"),
        "western.txt": "Les négociateurs se sont réunis à Genève, où l'accord a été signé.\n".encode("latin-1"),
    }
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
    found = {Path(a.origin).name: a for a in _read(tmp_path)}
    assert found["utf8.txt"].text == STORY
    assert found["bom.txt"].text == STORY
    assert "Переговоры" in found["cyrillic.txt"].text
    assert "négociateurs" in found["western.txt"].text and "Genève" in found["western.txt"].text


def test_folder_is_recursive_and_skips_unknown_kinds(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(STORY)
    (tmp_path / "page.html").write_text(f"<html><body><p>{STORY}</p></body></html>")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    found = _read(tmp_path)
    assert sorted(Path(a.origin).name for a in found) == ["deep.txt", "page.html"]
    assert next(a for a in found if a.origin.endswith("page.html")).html


def test_bad_files_become_one_line_failures(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "huge.txt").write_bytes(b"word " * 300_000)
    found = _read(tmp_path, tmp_path / "missing.txt", max_bytes=1_000_000)
    failures = {Path(f.origin).name: f.message for f in found if isinstance(f, Failure)}
    assert failures == {
        "blank.txt": "no text (only white space)",
        "binary.txt": "binary file, not text",
        "empty.txt": "empty file",
        "huge.txt": failures["huge.txt"],
        "missing.txt": "no such file or directory",
    }
    assert "too large" in failures["huge.txt"]
    assert all("\n" not in str(f) for f in found)


def test_jsonl_lines_with_metadata_and_a_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": STORY, "url": "https://news.example.org/a1", "date": "2025-06-02",
                    "outlet": "Example News", "title": "Lists swapped"}),
        '{"id": "a2", "text": "unterminated',
        json.dumps({"id": 7, "html": f"<html><body><p>{STORY}</p></body></html>"}),
        json.dumps({"id": "a4"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a6", "text": STORY, "date": "last Tuesday"}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    found = _read(tmp_path / "dump.jsonl")
    articles = [a for a in found if isinstance(a, Article)]
    failures = [f for f in found if isinstance(f, Failure)]
    assert [a.id for a in articles] == ["a1", "7"]
    first = articles[0]
    assert (first.url, first.date, first.outlet, first.title) == (
        "https://news.example.org/a1", "2025-06-02", "Example News", "Lists swapped")
    assert articles[1].html and articles[1].text is None
    assert [f.origin.rsplit(":", 1)[1] for f in failures] == ["2", "4", "5", "6"]
    assert "malformed JSON" in failures[0].message


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-06-03T10:00:00Z"},
            )
            writer.write_record(record)


def test_warc_response_records(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example.org/talks", "text/html; charset=utf-8", f"<html><body><p>{STORY}</p></body></html>"),
        ("https://news.example.org/logo.png", "image/png", "not html"),
    ])
    found = _read(tmp_path / "crawl.warc.gz")
    assert len(found) == 1
    article = found[0]
    assert isinstance(article, Article)
    assert article.url == "https://news.example.org/talks"
    assert article.not_after is not None and article.not_after.isoformat() == "2025-06-03"


def test_corrupt_warc_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "bad.warc.gz").write_bytes(gzip.compress(b"this is not a warc file at all\r\n\r\n"))
    found = _read(tmp_path / "bad.warc.gz")
    assert len(found) == 1 and isinstance(found[0], Failure)
    assert found[0].origin.endswith("bad.warc.gz")
