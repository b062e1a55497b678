"""Find input files and hand each to the reader for its kind.

`read_paths` yields an `Article` for every article found and a `Failure` for every input that
could not be used, so that one bad file never stops a batch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from dossier.read.decode import decode, decoding_note
from dossier.read.errors import Failure, InputError
from dossier.read.jsonl import parse_lines, read_jsonl
from dossier.read.warc import read_warc
from dossier.record import Article

DEFAULT_MAX_BYTES = 5_000_000  # one article larger than this is not an article
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

Item = Article | Failure
_CLOSING_TAG = re.compile(r"</(html|body)\s*>", re.IGNORECASE)


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article under `paths` (files, folders read recursively, or "-" for stdin)."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and _is_known(p)):
                yield from read_file(file, max_bytes=max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield Failure(raw, "no such file or directory")


def list_inputs(paths: Iterable[str]) -> list[str]:
    """The input files `read_paths` would open, for progress bars."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and _is_known(p))
        else:
            found.append(raw)
    return found


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    origin = str(path)
    reader = _reader_for(path)
    try:
        yield from reader(path, max_bytes)
    except InputError as err:
        yield Failure(origin, str(err))
    except OSError as err:
        yield Failure(origin, f"cannot read: {err.strerror or err}")


def _is_known(path: Path) -> bool:
    return path.name.lower().endswith(KNOWN_SUFFIXES) and not path.name.startswith(".")


def _reader_for(path: Path) -> Callable[[Path, int], Iterator[Item]]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return read_warc
    if name.endswith(JSONL_SUFFIXES):
        return read_jsonl
    if name.endswith(HTML_SUFFIXES):
        return _read_html
    return _read_text_or_sniff


def _file_date(path: Path) -> date:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file")
    if size > max_bytes:
        raise InputError(f"too large for one article ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB; see --max-size)")
    return path.read_bytes()


def _read_html(path: Path, max_bytes: int) -> Iterator[Item]:
    html, encoding = decode(_read_bytes(path, max_bytes))
    if not html.strip():
        raise InputError("no text (only white space)")
    yield _html_article(path, html, decoding_note(encoding))


def _read_text_or_sniff(path: Path, max_bytes: int) -> Iterator[Item]:
    text, encoding = decode(_read_bytes(path, max_bytes))
    if not text.strip():
        raise InputError("no text (only white space)")
    if _looks_like_html(text):
        yield _html_article(path, text, decoding_note(encoding))
    else:
        yield Article(
            origin=str(path), path=str(path), text=text, not_after=_file_date(path),
            warnings=decoding_note(encoding),
        )


def _html_article(path: Path, html: str, warnings: list[str]) -> Article:
    if not _CLOSING_TAG.search(html[-2000:]):
        warnings = [*warnings, "HTML looks truncated (no closing </body> or </html>); used what was there"]
    return Article(origin=str(path), path=str(path), html=html, not_after=_file_date(path), warnings=warnings)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:5000])


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        yield Failure("<stdin>", "empty input")
        return
    try:
        text, _ = decode(data)
    except InputError as err:
        yield Failure("<stdin>", str(err))
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from read_jsonl_text(text, "<stdin>", max_bytes)
    elif len(data) > max_bytes:
        yield Failure("<stdin>", f"too large for one article ({len(data) / 1e6:.1f} MB; see --max-size)")
    elif _looks_like_html(text):
        yield Article(origin="<stdin>", html=text)
    else:
        yield Article(origin="<stdin>", text=text)


def read_jsonl_text(text: str, origin: str, max_bytes: int) -> Iterator[Item]:
    yield from parse_lines(text.splitlines(), origin, path=None, max_bytes=max_bytes)
