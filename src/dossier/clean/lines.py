"""Per-line features of flattened page text (jusText-style), computed once per line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from dossier.clean.cues import cue_reason, stopwords

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SPACE = re.compile(r"\s+")
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_DIGIT = re.compile(r"\d")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_MAX_LINE_CHARS = 20_000


@dataclass
class Line:
    """One non-empty line of the input, with the features the classifier reads."""

    index: int
    text: str
    words: int
    chars: int
    stop_density: float
    capital_ratio: float
    digit_ratio: float
    terminal: bool
    sentence_end: bool
    cue: str | None
    blank_before: bool = False
    label: str = "short"  # good / neargood / short / bad
    reason: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def normalize_line(raw: str) -> str:
    """One line with zero-width characters dropped and whitespace collapsed (NBSP included)."""
    text = _ZERO_WIDTH.sub("", raw)
    if len(text) > _MAX_LINE_CHARS:
        text = text[:_MAX_LINE_CHARS]
    return _SPACE.sub(" ", text).strip()


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def _capital_ratio(tokens: list[str]) -> float:
    alpha = [t for t in tokens if t[0].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for t in alpha if t[0].isupper()) / len(alpha)


def _digit_ratio(text: str) -> float:
    return len(_DIGIT.findall(text)) / max(1, len(text))


def make_line(index: int, text: str, blank_before: bool) -> Line:
    tokens = words_of(text)
    stops = stopwords()
    n = len(tokens)
    stop = sum(1 for t in tokens if t.lower() in stops) / n if n else 0.0
    return Line(
        index=index,
        text=text,
        words=n,
        chars=len(text),
        stop_density=stop,
        capital_ratio=_capital_ratio(tokens),
        digit_ratio=_digit_ratio(text),
        terminal=bool(_TERMINAL.search(text)),
        sentence_end=bool(_SENTENCE_END.search(text)),
        cue=cue_reason(text, n),
        blank_before=blank_before,
    )


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their features; blank lines only set ``blank_before``."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        line = normalize_line(raw)
        if not line:
            blank = True
            continue
        out.append(make_line(len(out), line, blank))
        blank = False
    return out
