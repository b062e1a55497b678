"""The headline of a flattened page.

The headline sits before the article body: often printed twice (breadcrumb or page title, then the
<h1>), usually right before the byline, the date line or the standfirst, and its words echo the URL
slug.  It is a short, capitalised line that does not end like a sentence.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from dossier.clean.lines import Line, words_of
from dossier.clean.repeats import line_key

_LOOKBACK = 40
_MIN_WORDS, _MAX_WORDS = 3, 30
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"\.[\"'”’]?$")


def slug_words(url: str | None) -> set[str]:
    """Lower-case words of the URL path (the slug usually repeats the headline)."""
    if not url:
        return set()
    try:
        path = unquote(urlsplit(url).path).lower()
    except ValueError:
        return set()
    return {w for w in _SLUG_SPLIT.split(path) if len(w) > 2 and not w.isdigit()}


def _candidate(line: Line) -> bool:
    return (
        line.reason in (None, "repeated across outlet", "headline copy")
        and line.label != "bad"
        and _MIN_WORDS <= line.words <= _MAX_WORDS
        and line.chars <= 250
        and line.text.lstrip("\"“‘'«([")[:1].isupper()
        and not _SENTENCE_END.search(line.text)
        and line.digit_ratio < 0.15
    )


def _slug_overlap(line: Line, slug: set[str]) -> float:
    if not slug:
        return 0.0
    words = {w.lower() for w in words_of(line.text) if len(w) > 2}
    if not words:
        return 0.0
    return len(words & slug) / len(words)


def _score(lines: list[Line], i: int, start: int, counts: dict[str, int], slug: set[str]) -> float:
    line = lines[i]
    score = 3.0 * _slug_overlap(line, slug)
    if counts.get(line_key(line.text), 0) >= 2:
        score += 2.0
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and nxt.reason in ("byline", "metadata", "read-time", "caption"):
        score += 1.0
    if nxt is not None and nxt.label in ("good", "neargood"):
        score += 0.5
    if 5 <= line.words <= 20:
        score += 0.5
    score += line.capital_ratio * 0.5
    score -= 0.03 * max(0, start - i)
    if i >= start:
        score -= 0.5
    return score


def pick_title(lines: list[Line], start: int, url: str | None) -> int | None:
    """Index of the headline line, or None.  ``start`` is where the body region begins."""
    lo = max(0, start - _LOOKBACK)
    hi = min(len(lines), start + 2)
    counts: dict[str, int] = {}
    for line in lines[: hi + 10]:
        key = line_key(line.text)
        counts[key] = counts.get(key, 0) + 1
    slug = slug_words(url)
    best, best_score = None, 0.9
    for i in range(lo, hi):
        if not _candidate(lines[i]):
            continue
        if i >= start and lines[i].label == "good":
            continue
        score = _score(lines, i, start, counts, slug)
        if score > best_score:
            best, best_score = i, score
    return best
