"""TIMEX3 tagging and normalisation (TimeML / TempEval-3 conventions), rule-based, pure Python.

    tag_timexes("The deal closed last Friday.", date(2025, 2, 12))
    -> [Timex(start=16, end=27, text="last Friday", type="DATE", value="2025-02-07")]

Every rule is a compiled regex (patterns.py) over the raw text; overlapping candidates are resolved
longest-first, then normalised left to right against the anchor (the document creation time) so that
document context (the quarter under discussion, the last year mentioned) carries forward.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossier.time.context import Context
from dossier.time.patterns import Rule, rules

_STRIP_TAIL = ".,;:"
_SENTENCE_END = re.compile(r"\s*(?:$|\n|[A-Z`'\"])")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                               "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: Any


_BEFORE_TRIGGER = 100  # longest stretch of a match before its trigger word ("no more than twenty-five ...")
_AFTER_TRIGGER = 100


def _windows(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around each trigger; a match never crosses a window's edge."""
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE_TRIGGER), min(len(text), m.end() + _AFTER_TRIGGER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _lower(text: str) -> str:
    """Lower case with every offset kept (str.lower can change the length of some non-ASCII text)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _matches(
    rule: Rule, text: str, lowered: str, windows: dict[str, list[tuple[int, int]]]
) -> Iterator[re.Match[str]]:
    if rule.trigger is None:
        yield from rule.regex.finditer(text)
        return
    key = rule.trigger.pattern
    if key not in windows:
        windows[key] = _windows(rule.trigger, lowered)
    for lo, hi in windows[key]:
        yield from rule.regex.finditer(text, lo, hi)


def _candidates(text: str) -> list[_Candidate]:
    found = []
    windows: dict[str, list[tuple[int, int]]] = {}
    lowered = _lower(text)
    for priority, rule in enumerate(rules()):
        for m in _matches(rule, text, lowered, windows):
            start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(_Candidate(start, end, priority, rule, m))
    return found


def _select(cands: list[_Candidate], ctx: Context) -> list[tuple[_Candidate, Any]]:
    """Longest candidates first; a candidate that its handler rejects frees its span for shorter ones."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return [(c, None) for c in chosen]


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation; an 'a.m.' that ends a sentence gives its period to the sentence."""
    if text[start:end].endswith(".m.") and _SENTENCE_END.match(text, end):
        return end - 1
    while end > start and text[end - 1] in _STRIP_TAIL:
        token = text[start:end]
        if token.endswith(".") and _abbrev_end(token):
            break
        end -= 1
    return end


def _abbrev_end(token: str) -> bool:
    last = token.split()[-1].lower()
    return last.endswith((".m.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
                          "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.",
                          "sat.", "sun.")) or last.count(".") > 1


_OPEN_QUOTE = re.compile(r"(?:\"|“|``|''|‘)$")
_CLOSE_QUOTE = re.compile(r"[,.]?(?:\"|”|''|’)")
_TITLE_GLUE = {"of", "the", "and", "with", "for", "a", "in", "on", "at", "to"}
_ALWAYS_CAPITAL = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)",
                             re.IGNORECASE)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """'"This Week"', '``Spring of Life'' demonstrations', "CBS's ''60 Minutes''": a quoted title, not a time."""
    words = re.findall(r"[A-Za-z]+", text[start:end])
    if not words or not all(w[0].isupper() for w in words) or all(_ALWAYS_CAPITAL.match(w) for w in words):
        return False
    quote = _OPEN_QUOTE.search(text, max(0, start - 2), start)
    if not quote or not re.search(r"[A-Za-z0-9'’]\s*$", text[max(0, quote.start() - 3):quote.start()]):
        return False  # a quotation that opens a sentence ('"Tomorrow," he said') is speech, not a title
    close = _CLOSE_QUOTE.search(text, end, min(len(text), end + 60))
    if close is None:
        return False
    rest = re.findall(r"[A-Za-z]+", text[end:close.start()])
    return len(rest) <= 6 and all(w[0].isupper() or w in _TITLE_GLUE for w in rest)


def tag_timexes(text: str, anchor: date | None) -> list[Timex]:
    """Find and normalise temporal expressions in `text`, resolving relative ones against `anchor`."""
    ctx = Context(text=text, anchor=anchor)
    ctx.quarter_doc = "quarter" in text.lower()
    out: list[Timex] = []
    pending = _candidates(text)
    while pending:
        chosen = _select(pending, ctx)
        rejected: set[int] = set()
        for cand, _ in chosen:
            hit = cand.rule.handler(cand.match, ctx)
            if hit is None:
                rejected.add(id(cand))
                continue
            start = hit.start if hit.start is not None else cand.start
            end = _trim(text, start, hit.end if hit.end is not None else cand.end)
            if _quoted_title(text, start, end):
                continue
            out.append(Timex(start, end, text[start:end], hit.type, hit.value, hit.mod))
        if not rejected:
            break
        # retry the spans of rejected candidates with the remaining, shorter candidates
        kept = [(t.start, t.end) for t in out]
        pending = [c for c in pending if id(c) not in rejected and not any(c.start < e and s < c.end for s, e in kept)
                   and not any(c is ch for ch, _ in chosen)]
    out.sort(key=lambda t: t.start)
    return out
