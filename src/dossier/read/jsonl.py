"""JSONL dumps: one article per line with `text` or `html`, and optional id, url, date, outlet, title."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.read.decode import decode, decoding_note
from dossier.read.errors import Failure, InputError
from dossier.record import Article

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty file")
    text, encoding = decode(data)
    notes = decoding_note(encoding)
    for item in parse_lines(text.splitlines(), str(path), path=str(path), max_bytes=max_bytes):
        if notes and isinstance(item, Article):
            item.warnings.extend(notes)
            notes = []
        yield item


def parse_lines(
    lines: Iterable[str], origin: str, *, path: str | None, max_bytes: int
) -> Iterator[Article | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield _article(line, where, path, max_bytes)
        except InputError as err:
            yield Failure(where, str(err))


def _article(line: str, where: str, path: str | None, max_bytes: int) -> Article:
    if len(line) > max_bytes:
        raise InputError(f"line too large for one article ({len(line) / 1e6:.1f} MB; see --max-size)")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object with a `text` or `html` field")
    text, html = _str_field(obj, "text"), _str_field(obj, "html")
    if not (text or "").strip() and not (html or "").strip():
        raise InputError("no `text` or `html` field with content")
    return Article(
        origin=where,
        path=path,
        text=text if (text or "").strip() else None,
        html=None if (text or "").strip() else html,
        id=_id_field(obj),
        url=_str_field(obj, "url"),
        date=_date_field(obj),
        outlet=_str_field(obj, "outlet"),
        title=_str_field(obj, "title"),
    )


def _str_field(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field `{name}` must be a string, not {type(value).__name__}")
    return value


def _id_field(obj: dict[str, Any]) -> str | None:
    value = obj.get("id")
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int):
        return str(value)
    raise InputError("field `id` must be a string or a number")


def _date_field(obj: dict[str, Any]) -> str | None:
    value = _str_field(obj, "date")
    if value is None or not value.strip():
        return None
    if not _ISO_DAY.match(value.strip()) and not re.fullmatch(r"\d{4}(-\d{2})?", value.strip()):
        raise InputError(f"field `date` must be an ISO date (YYYY-MM-DD), got {value[:30]!r}")
    return value.strip()[:10]
