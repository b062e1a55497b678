"""WARC files (Common Crawl News): every HTTP response record that carries an HTML page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dossier.read.decode import decode
from dossier.read.errors import Failure, InputError
from dossier.record import Article


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    if path.stat().st_size == 0:
        raise InputError("empty file")
    found = 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                item = _article(record, f"{path}#{number}", str(path), max_bytes)
                if item is not None:
                    found += 1
                    yield item
        except ArchiveLoadFailed as err:
            raise InputError(f"not a valid WARC file ({str(err).splitlines()[0][:120]})") from None
        except (OSError, EOFError, ValueError) as err:
            raise InputError(f"WARC file is truncated or corrupt ({err})") from None
    if not found:
        raise InputError("no HTML response records in WARC file")


def _article(record, where: str, path: str, max_bytes: int) -> Article | Failure | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(where, "record too large for one article (see --max-size)")
    try:
        html, _ = decode(data, hint=_charset(content_type))
    except InputError as err:
        return Failure(where, str(err))
    crawl_date = _crawl_date(record.rec_headers.get_header("WARC-Date"))
    return Article(
        origin=where,
        path=path,
        html=html,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        not_after=crawl_date,
        crawled=crawl_date,
    )


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _crawl_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
