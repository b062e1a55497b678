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
from bisect import bisect_left, bisect_right
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
        self._verb_of: dict[tuple[int, int], int | None] = {}  # a timex's governing verb (token index), found once
        self._by_start: tuple[list[int], list[int]] | None = None  # timex indexes by start, and their starts

    def date_of(self, start: int, end: int, *, exclude: tuple[int, int] | None = None) -> DateRef:
        if anchor := anchor_covering(self.anchors(), start, end):  # "the full-scale invasion": its own day
            return DateRef(anchor.value, "text", {"value": anchor.value, "anchor": anchor.event.id,
                                                  "start": anchor.start, "end": anchor.end})
        candidates = self.timexes if exclude is None else [t for t in self.timexes if not _inside(t, exclude)]
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
        in_sentence = self._within(sentence, candidates)
        own = [t for t in in_sentence if self._governed_by(t, verb)]
        if not own and span.root.pos_ in ("NOUN", "PROPN"):  # 'a bombing that took place on Tuesday'
            own = [t for t in in_sentence
                   if any(self._governed_by(t, clause) for clause in _noun_clauses(span.root))]
        if not own:
            own = [t for t in in_sentence if any(self._governed_by(t, head) for head in _sharing_heads(verb))]
        return _nearest(start, end, own)

    def _within(self, sentence: Span, candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The candidates inside the sentence, in their order; all timexes are bisected by start (a long article
        has hundreds, and every event asks)."""
        if candidates is not self.timexes:
            return [t for t in candidates if self._in_sentence(t, sentence)]
        if self._by_start is None:
            order = sorted(range(len(self.timexes)), key=lambda k: self.timexes[k]["start"])
            self._by_start = order, [self.timexes[k]["start"] for k in order]
        order, starts = self._by_start
        lo, hi = bisect_left(starts, sentence.start_char), bisect_right(starts, sentence.end_char)
        return [self.timexes[k] for k in sorted(order[lo:hi]) if self._in_sentence(self.timexes[k], sentence)]

    def _in_sentence(self, timex: dict[str, Any], sentence: Span) -> bool:
        return sentence.start_char <= timex["start"] and timex["end"] <= sentence.end_char

    def _governed_by(self, timex: dict[str, Any], verb: Token) -> bool:
        assert self.doc is not None
        key = (timex["start"], timex["end"])
        if key not in self._verb_of:
            span = self.doc.char_span(key[0], key[1], alignment_mode="expand")
            self._verb_of[key] = _governing_verb(span.root).i if span is not None and len(span) > 0 else None
        return self._verb_of[key] == verb.i


def _sharing_heads(verb: Token) -> list[Token]:
    """The verbs whose date an undated clause shares: a conjoined verb its first conjunct's ('spoke on Monday and
    answered'), a participle its saying's ('said on Oct. 21 that ..., arguing that ...', however the parser
    attached it within the said clause)."""
    if verb.dep_ == "conj":
        return [_governing_verb(verb.head)] if verb.head.i != verb.i else []
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    heads, current = [], verb
    while current.dep_ in ("advcl", "ccomp", "conj") and current.head.i != current.i and len(heads) < 3:
        current = _governing_verb(current.head)
        heads.append(current)
    return heads


def _noun_clauses(noun: Token) -> list[Token]:
    """The verbs of clauses that modify a noun: 'the talks held in May', 'a strike that hit a depot'."""
    return [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ in _VERB_POS]


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
