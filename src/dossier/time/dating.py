"""When did a statement or event happen?  `date_of(span)` from the timexes of its own clause.

    dating = Dating(timexes, published, doc)
    dating.date_of(cue_start, cue_end, exclude=(quote_start, quote_end))
    -> DateRef(value="2025-10-21", source="text", timex={...})
    dating.dates_of(start, end)  # one DateRef per date of a list: "met on 3 March and 19 April"

A timex belongs to the clause when its nearest governing verb is the span's own verb ("Lavrov said on
Oct. 21 that ..." dates the saying, not what was said).  Dates inside `exclude` (a quotation's content)
are about the content, so they never date the act.  With no timex of its own, the date falls back to
the publication date and says so (`source="publication"`); with neither, it is unknown.
A span inside a mention of a well-known dated event ("Russia's full-scale invasion") takes that event's
day (time/anchored.py), whatever dates its clause names.  An event noun is dated by its own phrase first ("the
first round of talks in March", "an attack that happened on Thursday"); an undated finite verb takes the date
that ends a participle in its object ("exchanged drafts setting out terms for a settlement on Tuesday"); a
clause with its own time phrase ("agreed during earlier talks") never borrows its head clause's date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.record import Published
from dossier.time.anchored import AnchorMention, anchor_covering, anchor_mentions
from dossier.time.normalize import safe_date

_CONCRETE = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(?:-\d{2}|-WE)?(?:T.*)?$")
_VERB_POS = ("VERB", "AUX")
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The only words between two dates of one list ('on 3 March and 19 April', 'in March and again in June').
_JOINERS = {",", "and", "&", "again", "also", "then", "later", "once", "more", "in", "on", "at", "during"}
_TIME_PREPS = {"since", "after", "before", "following"}  # their object is another event than the clause's
# A clause with one of these has a time of its own ('agreed during earlier talks', 'had previously met').
_OWN_TIME_PREPS = {"during", "before", "after", "since", "until", "following", "prior"}
_OWN_TIME_ADVERBS = {"earlier", "previously", "before", "formerly", "later", "afterwards", "afterward",
                     "subsequently", "ago"}


@dataclass(frozen=True)
class DateRef:
    value: str | None
    source: str | None  # "text", "publication" or None
    timex: dict[str, Any] | None = None
    via: str | None = None  # how a text date was found: "phrase" (an event noun's own phrase), "clause", "anchor"

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
        return self._dated(start, end, exclude)[0]

    def dates_of(self, start: int, end: int, *, exclude: tuple[int, int] | None = None) -> list[DateRef]:
        """Every date of the span's own date phrase, in text order, when it lists several ('met on 3 March and
        19 April', 'on 8 and 15 May', 'in March and again in June'); else the one date_of gives.  A range
        ('between 8 and 15 May'), alternatives ('on 8 or 9 May') and consecutive days ('on Tuesday and
        Wednesday': one round over two days) are one date."""
        ref, in_sentence = self._dated(start, end, exclude)
        if ref.timex is None or ref.via == "anchor" or self.doc is None:
            return [ref]
        listed = self._coordinated(ref.timex, in_sentence)
        if len(listed) < 2 or _consecutive_days([t["value"] for t in listed]):
            return [ref]
        return [DateRef(t["value"], "text", t, ref.via) for t in listed]

    def _dated(self, start: int, end: int, exclude: tuple[int, int] | None) -> tuple[DateRef, list[dict[str, Any]]]:
        """The span's date, and the sentence's timexes it was chosen from."""
        if anchor := anchor_covering(self.anchors(), start, end):  # "the full-scale invasion": its own day
            return DateRef(anchor.value, "text", {"value": anchor.value, "anchor": anchor.event.id,
                                                  "start": anchor.start, "end": anchor.end}, "anchor"), []
        candidates = self.timexes if exclude is None else [t for t in self.timexes if not _inside(t, exclude)]
        timex, via, in_sentence = self._clause_timex(start, end, candidates)
        if timex is not None:
            return DateRef(timex["value"], "text", timex, via), in_sentence
        return self.fallback(), []

    def anchors(self) -> list[AnchorMention]:
        if self._anchors is None:
            self._anchors = anchor_mentions(self.text)
        return self._anchors

    def fallback(self) -> DateRef:
        if self.published.date:
            return DateRef(self.published.date, "publication")
        return DateRef(None, None)

    def _clause_timex(
        self, start: int, end: int, candidates: list[dict[str, Any]]
    ) -> tuple[dict[str, Any] | None, str, list[dict[str, Any]]]:
        """The span's timex, how it was found, and the sentence's timexes."""
        if not candidates:
            return None, "", []
        if self.doc is None:
            same = [t for t in candidates if _same_sentence(self.text, t, start)]
            return _nearest(start, end, same), "clause", same
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None, "", []
        in_sentence = self._within(span.sent, candidates)
        if not in_sentence:
            return None, "", []
        root = span.root
        if root.pos_ in ("NOUN", "PROPN"):  # 'the first round of talks in March', 'an attack that hit X on Monday'
            own = _in_phrase(root, in_sentence)
            if own:
                return _nearest(start, end, own), "phrase", in_sentence
            if _time_reference(root):  # 'accused X on Wednesday, after a series of strikes': not Wednesday's
                return None, "", in_sentence
        verb = _governing_verb(root)
        own = [t for t in in_sentence if self._governed_by(t, verb)]
        if not own:
            own = [t for t in in_sentence if any(self._governed_by(t, head) for head in _sharing_heads(verb))]
        if not own:
            own = self._object_tail(verb, in_sentence)
        return _nearest(start, end, own), "clause", in_sentence

    def _object_tail(self, verb: Token, in_sentence: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """'exchanged drafts setting out their terms for a settlement on Tuesday': the parser hangs a sentence's
        last date inside a participle of the object; an undated finite verb takes the date that ends it."""
        if not _finite(verb):
            return []
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "attr", "oprd"):
                continue
            for acl in obj.children:
                if acl.dep_ != "acl" or acl.tag_ not in ("VBG", "VBN"):
                    continue
                lo, edge = acl.left_edge.idx, acl.right_edge
                hi = edge.idx + len(edge)
                tail = [t for t in in_sentence if t["end"] == hi and lo <= t["start"]]
                if tail:
                    return tail
        return []

    def _coordinated(self, timex: dict[str, Any], in_sentence: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The timex and the dates listed with it, in text order: neighbours of the same verb with only joining
        words between them ('3 March and 19 April', 'in March and again in June', at least one 'and'), and day
        numbers that share its month ('8 and 15 May')."""
        order = sorted(in_sentence, key=lambda t: t["start"])
        at = next(k for k, t in enumerate(order) if t is timex)
        lo, hi = at, at
        while lo > 0 and self._joined(order[lo - 1], order[lo]):
            lo -= 1
        while hi + 1 < len(order) and self._joined(order[hi], order[hi + 1]):
            hi += 1
        listed = order[lo:hi + 1]
        gaps = [_words(self.text[a["end"]:b["start"]]) for a, b in pairwise(listed)]
        if not any("and" in gap for gap in gaps) or _range_before(self.text, listed[0]["start"]):
            listed = [timex]
        listed = sorted(listed + _elided_days(timex, self._span(timex), in_sentence), key=lambda t: t["start"])
        values = {t["value"]: t for t in reversed(listed)}  # 'on Wednesday, February 12': one day named twice
        return sorted(values.values(), key=lambda t: t["start"])

    def _joined(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        assert self.doc is not None
        if not set(_words(self.text[a["end"]:b["start"]])) <= _JOINERS:
            return False
        verb = self._verb(a)
        return verb is not None and verb == self._verb(b)

    def _span(self, timex: dict[str, Any]) -> Span | None:
        assert self.doc is not None
        return self.doc.char_span(timex["start"], timex["end"], alignment_mode="expand")

    def _verb(self, timex: dict[str, Any]) -> int | None:
        """The index of the verb governing a timex, found once."""
        key = (timex["start"], timex["end"])
        if key not in self._verb_of:
            span = self._span(timex)
            self._verb_of[key] = _governing_verb(span.root).i if span is not None and len(span) > 0 else None
        return self._verb_of[key]

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
        return self._verb(timex) == verb.i


def _in_phrase(noun: Token, timexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The timexes inside an event noun's own phrase: its modifiers and clauses ('talks that took place on
    Monday', 'strikes on Dnipro, which killed ...'), through a partitive ('the first round of talks in March')."""
    if noun.dep_ == "ROOT":
        return []
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head.dep_ != "ROOT":
        noun = head.head
    lo, edge = noun.left_edge.idx, noun.right_edge
    hi = edge.idx + len(edge)
    listed = [c.left_edge.idx for c in noun.children if c.dep_ in ("cc", "conj") and c.i > noun.i]
    hi = min([hi, *listed])  # 'the raids, and a separate bombing on Tuesday': a conjunct's date is its own
    return [t for t in timexes if lo <= t["start"] and t["end"] <= hi]


def _time_reference(noun: Token) -> bool:
    """An event named to place another in time ('since the first round of talks', 'after a series of strikes')
    happened at another time than the clause it places."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        noun, head = head.head, head.head.head
    return noun.dep_ == "pobj" and head.lower_ in _TIME_PREPS


def _sharing_heads(verb: Token) -> list[Token]:
    """The verbs whose date an undated clause shares: a conjoined verb its first conjunct's ('spoke on Monday and
    answered'), a participle its saying's ('said on Oct. 21 that ..., arguing that ...', however the parser
    attached it within the said clause).  A participle of a noun ('swaps agreed ...') and a clause with a time
    of its own ('... and had previously met', 'agreed during earlier talks') share nothing."""
    if verb.dep_ == "acl" or _own_time(verb):
        return []
    if verb.dep_ == "conj":
        return [_governing_verb(verb.head)] if verb.head.i != verb.i else []
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    heads, current = [], verb
    while current.dep_ in ("advcl", "ccomp", "conj") and current.head.i != current.i and len(heads) < 3:
        current = _governing_verb(current.head)
        heads.append(current)
    return heads


def _own_time(verb: Token) -> bool:
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "prep" and word in _OWN_TIME_PREPS and any(g.dep_ in ("pobj", "pcomp")
                                                                     for g in child.children):
            return True
        if child.dep_ in ("advmod", "npadvmod") and (word in _OWN_TIME_ADVERBS
                                                      or any(g.lower_ == "ago" for g in child.children)):
            return True
    return False


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS
                                            for c in verb.children)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text.lower())


def _range_before(text: str, start: int) -> bool:
    """'between 3 and 19 April', 'from March to June': a stretch of time, not a list of dates."""
    before = _words(text[max(0, start - 12):start])
    return bool(before) and before[-1] in ("between", "from")


def _elided_days(timex: dict[str, Any], span: Span | None, in_sentence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """'on 8 and 15 May', 'on May 8, 12 and 15': bare day numbers listed with a day's own number share its
    month."""
    value = timex.get("value") or ""
    if span is None or not _DAY.match(value):
        return []
    own = [t for t in span if t.text.isdigit() and int(t.text) <= 31]
    if len(own) != 1:
        return []
    listed = [own[0], *own[0].conjuncts]
    first = min(listed, key=lambda t: t.i)
    if any(c.dep_ == "cc" and c.lower_ not in ("and", "&") for t in listed for c in t.children):
        return []
    if first.head.lower_ in ("between", "from") or (first.i > 0 and first.nbor(-1).lower_ in ("between", "from")):
        return []
    taken = [(t["start"], t["end"]) for t in in_sentence]
    days = []
    for token in listed:
        if token.i == own[0].i or not token.text.isdigit() or any(lo <= token.idx < hi for lo, hi in taken):
            continue
        if any(c.dep_ not in ("cc", "punct", "conj") for c in token.children):
            continue  # a count with a noun of its own ('8 people') is no day
        day = safe_date(int(value[:4]), int(value[5:7]), int(token.text))
        if day is not None:
            days.append({"value": day.isoformat(), "type": "DATE", "text": token.text,
                         "start": token.idx, "end": token.idx + len(token)})
    return days


def _consecutive_days(values: list[str]) -> bool:
    if not all(_DAY.match(v) for v in values):
        return False
    days = sorted(date.fromisoformat(v) for v in values)
    return all((b - a).days == 1 for a, b in pairwise(days))


def may_overlap(a: str, b: str) -> bool:
    """Whether two TIMEX3 date values may name the same day ('2025-06' and '2025-06-03', '2025-W25' and
    '2025-06-18'); values of a form not understood here may."""
    span_a, span_b = _extent(a), _extent(b)
    if span_a is None or span_b is None:
        return True
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def _extent(value: str) -> tuple[date, date] | None:
    """The first and last day a date value covers; a season or a quarter counts as its whole year."""
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-\w+)?", value)
    if match is None:
        return None
    year, month, day, week = match.groups()
    try:
        if week:
            monday = date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + timedelta(days=6)
        if day:
            one = date(int(year), int(month), int(day))
            return one, one
        if month:
            first = date(int(year), int(month), 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None


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
