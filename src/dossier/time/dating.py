"""When did a statement or event happen?  `date_of(span)` from the timexes of its own clause.

    dating = Dating(timexes, published, doc)
    dating.date_of(cue_start, cue_end, exclude=(quote_start, quote_end))
    -> DateRef(value="2025-10-21", source="text", timex={...})

A timex belongs to the clause when its nearest governing verb is the span's own verb ("Lavrov said on
Oct. 21 that ..." dates the saying, not what was said).  Dates inside `exclude` (a quotation's content)
are about the content, so they never date the act.  With no timex of its own, the date falls back to
the publication date and says so (`source="publication"`); with neither, it is unknown.
A span inside a mention of a well-known dated event ("Russia's full-scale invasion") takes that event's
day (time/anchored.py), whatever dates its clause names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.record import Published
from dossier.time.anchored import AnchorMention, anchor_covering, anchor_mentions

_CONCRETE = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(?:-\d{2})?(?:T.*)?$")
_VERB_POS = ("VERB", "AUX")


@dataclass(frozen=True)
class DateRef:
    value: str | None
    source: str | None  # "text", "publication" or None
    timex: dict[str, Any] | None = None

    def fields(self) -> dict[str, Any]:
        return {"date": self.value, "date_source": self.source}


class Dating:
    """Dates spans of one article from its timexes, falling back to its publication date."""

    def __init__(
        self, timexes: list[dict[str, Any]], published: Published, doc: Doc | None = None, text: str = ""
    ) -> None:
        self.timexes = [t for t in timexes if t.get("type") in ("DATE", "TIME") and _concrete(t.get("value"))]
        self.published = published
        self.doc = doc
        self.text = doc.text if doc is not None else text
        self._anchors: list[AnchorMention] | None = None

    def date_of(self, start: int, end: int, *, exclude: tuple[int, int] | None = None) -> DateRef:
        if anchor := anchor_covering(self.anchors(), start, end):  # "the full-scale invasion": its own day
            return DateRef(anchor.value, "text", {"value": anchor.value, "anchor": anchor.event.id,
                                                  "start": anchor.start, "end": anchor.end})
        candidates = [t for t in self.timexes if not _inside(t, exclude)]
        timex = self._clause_timex(start, end, candidates)
        if timex is not None:
            return DateRef(timex["value"], "text", timex)
        return self.fallback()

    def anchors(self) -> list[AnchorMention]:
        if self._anchors is None:
            self._anchors = anchor_mentions(self.text)
        return self._anchors

    def fallback(self) -> DateRef:
        if self.published.date:
            return DateRef(self.published.date, "publication")
        return DateRef(None, None)

    def _clause_timex(self, start: int, end: int, candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
        if not candidates:
            return None
        if self.doc is None:
            return _nearest(start, end, [t for t in candidates if _same_sentence(self.text, t, start)])
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = _governing_verb(span.root)
        sentence = span.sent
        own = [t for t in candidates if self._in_sentence(t, sentence) and self._governed_by(t, verb)]
        return _nearest(start, end, own)

    def _in_sentence(self, timex: dict[str, Any], sentence: Span) -> bool:
        return sentence.start_char <= timex["start"] and timex["end"] <= sentence.end_char

    def _governed_by(self, timex: dict[str, Any], verb: Token) -> bool:
        assert self.doc is not None
        span = self.doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
        return span is not None and len(span) > 0 and _governing_verb(span.root) == verb


def _governing_verb(token: Token) -> Token:
    """The nearest verb above (or at) a token; the sentence root when there is none."""
    current = token
    while current.pos_ not in _VERB_POS and current.head.i != current.i:
        current = current.head
    return current


def _concrete(value: str | None) -> bool:
    return bool(value) and bool(_CONCRETE.match(value or ""))


def _inside(timex: dict[str, Any], window: tuple[int, int] | None) -> bool:
    return window is not None and window[0] <= timex["start"] and timex["end"] <= window[1]


def _nearest(start: int, end: int, timexes: list[dict[str, Any]]) -> dict[str, Any] | None:
    def distance(t: dict[str, Any]) -> int:
        return max(0, t["start"] - end, start - t["end"])

    return min(timexes, key=distance, default=None)


def _same_sentence(text: str, timex: dict[str, Any], pos: int) -> bool:
    lo, hi = sorted((timex["start"], pos))
    return "\n" not in text[lo:hi] and ". " not in text[lo:hi]
