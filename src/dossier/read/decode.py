"""Bytes to text: encoding detection and the checks that turn bad input into a one-line error."""

from __future__ import annotations

import codecs
import re

from dossier.read.errors import InputError

# Control characters other than tab, newline, carriage return, form feed: a text file has almost none.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_HIGH = re.compile(rb"[\x80-\xff]")


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: NUL bytes or many control characters early on."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > len(head) * 0.05


UNICODE_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16")


def decode(data: bytes, *, hint: str | None = None) -> tuple[str, str]:
    """Decode `data`; return (text, encoding name).  Raises InputError for binary input."""
    if looks_binary(data):
        raise InputError("binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in _declared_charsets(data, hint):
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    guess = _detect(data)
    return data.decode(guess, errors="replace"), guess


def decoding_note(encoding: str) -> list[str]:
    """A warning for input that was not Unicode, so the user knows a guess was made."""
    if encoding in UNICODE_ENCODINGS:
        return []
    return [f"not valid UTF-8; decoded as {encoding}"]


def _declared_charsets(data: bytes, hint: str | None) -> list[str]:
    names = [hint] if hint else []
    match = _HTML_CHARSET.search(data[:4096])
    if match:
        names.append(match.group(1).decode("ascii", errors="ignore"))
    return [n for n in names if n and n.lower().replace("-", "") != "utf8"]


def _detect(data: bytes) -> str:
    """cp1251 or cp1252 for bytes that are not UTF-8.

    Cyrillic words are runs of high bytes; accented Latin letters stand alone between ASCII ones.
    """
    sample = data[:200_000]
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(m) for m in _HIGH_RUN.findall(sample))
    if high and in_runs / high >= 0.5:
        text = sample.decode("cp1251", errors="replace")
        cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
        if cyrillic >= 0.8 * high:
            return "cp1251"
    return "cp1252"
