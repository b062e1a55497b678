"""Publication date from an article's own words, for articles that come without one.

    infer_published("On Wednesday, February 12, the minister said ... days before the third anniversary of
    Russia's full-scale invasion on February 24.")
    -> Published(date="2025-02-12", precision="day", method="text", confidence=..., evidence="...")

Every dated clue in the text becomes a weighted *clue*: a set of day intervals the publication day P should
fall in. A date reported in the past bounds P from below, one reported as ahead bounds it from above, a date
with its weekday named is near P, "almost four years since the invasion started" (an anchor event,
data/anchor_events.yaml) puts P in a window, and so on. A sweep over the interval ends scores every day;
the days within a margin of the best score form the plausible window, and the claim is the finest granule
(year, month, day) that holds the whole window. Bare weekdays ("said Friday") then pick the day inside a
narrow window: the first such weekday on or after the latest past date.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dossier.record import Published
from dossier.time.lexicon import lexicon, word_number

ENV_EVENTS = "DOSSIER_ANCHOR_EVENTS"

FIRST_DAY = date(1900, 1, 1).toordinal()
LAST_DAY = date(2099, 12, 31).toordinal()
YEARLESS_YEARS = (1970, 2040)  # the years a date without a year may fall in

# how far below the best score a day may score and still count as plausible, per claimed granule
MARGIN_YEAR = 0.85
MARGIN_MONTH = 0.85
MARGIN_DAY = 0.25
WEEKDAY_WINDOW_DAYS = 45  # bare weekdays refine the day only inside a window this narrow

Span = tuple[int, int]  # inclusive ordinal days


# --------------------------------------------------------------------------- anchor events

@dataclass(frozen=True)
class AnchorEvent:
    id: str
    day: date
    name: str
    cues: tuple[re.Pattern[str], ...]
    keys: tuple[tuple[tuple[str, ...], ...] | None, ...] = ()  # per cue and branch, the words it needs

    def matches(self, text: str, lower: str) -> list[re.Match[str]]:
        return [m for cue, keys in zip(self.cues, self.keys, strict=True)
                if keys is None or any(all(k in lower for k in branch) for branch in keys) for m in cue.finditer(text)]


def load_anchor_events(*paths: str | Path) -> tuple[AnchorEvent, ...]:
    """The built-in events, then those of $DOSSIER_ANCHOR_EVENTS, then `paths`; a later id replaces an earlier."""
    by_id = {e.id: e for e in _builtin_events()}
    extra = [p for p in os.environ.get(ENV_EVENTS, "").split(os.pathsep) if p]
    for path in [*extra, *paths]:
        for event in _parse_events(Path(path).read_text(encoding="utf-8")):
            by_id[event.id] = event
    return tuple(by_id.values())


@cache
def _builtin_events() -> tuple[AnchorEvent, ...]:
    text = resources.files("dossier.data").joinpath("anchor_events.yaml").read_text(encoding="utf-8")
    return _parse_events(text)


def _parse_events(text: str) -> tuple[AnchorEvent, ...]:
    data = yaml.safe_load(text) or {}
    out = []
    for item in data.get("events", []):
        day = item["date"] if isinstance(item["date"], date) else date.fromisoformat(str(item["date"]))
        cues = tuple(re.compile(rf"\b(?:{c})(?!\w)", re.IGNORECASE) for c in item["cues"])
        keys = tuple(_required_words(c) for c in item["cues"])
        out.append(AnchorEvent(str(item["id"]), day, str(item.get("name", item["id"])), cues, keys))
    return tuple(out)


def _required_words(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """Per top-level branch, the words a match must contain (a cheap prefilter); None when a branch has none."""
    branches = [_required_word(b) for b in _expanded(pattern)]
    return None if any(not words for words in branches) else tuple(branches)


def _expanded(pattern: str, limit: int = 32) -> list[str]:
    """The pattern's top-level branches, with required (unquantified) groups of alternatives spelled out."""
    out: list[str] = []
    todo = _top_level_branches(pattern)
    while todo:
        branch = todo.pop()
        group = _required_group(branch)
        if group is None or len(out) + len(todo) > limit:
            out.append(branch)
            continue
        start, end = group
        todo += [branch[:start] + alt + branch[end:] for alt in _top_level_branches(branch[start + 3:end - 1])]
    return out


def _required_group(branch: str) -> tuple[int, int] | None:
    """The span of the first top-level (?:a|b) group that no quantifier makes optional."""
    depth, start = 0, -1
    for i, ch in enumerate(branch):
        escaped = i > 0 and branch[i - 1] == "\\"
        if ch == "(" and not escaped:
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and not escaped:
            depth -= 1
            quantified = i + 1 < len(branch) and branch[i + 1] in "?*{"
            inner = branch[start + 3:i]
            if depth == 0 and not quantified and branch.startswith("(?:", start) and "|" in inner:
                return start, i + 1
    return None


def _top_level_branches(pattern: str) -> list[str]:
    depth, start, out = 0, 0, []
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return [*out, pattern[start:]]


def _required_word(pattern: str) -> tuple[str, ...]:
    """The plain words outside any group, class or quantifier: text without them cannot match."""
    flat = pattern
    while True:
        stripped = re.sub(r"\([^()]*\)[?*+]?|\{[^{}]*\}", " ", flat)
        if stripped == flat:
            break
        flat = stripped
    if "|" in flat:
        return ()
    flat = re.sub(r"\[[^\]]*\][?*+]?|\\.|\w[?*]|[.^$?*+]", " ", flat)
    return tuple(w.lower() for w in re.findall(r"\w{3,}|\d+/\d+", flat))


@cache
def _default_events() -> tuple[AnchorEvent, ...]:
    return load_anchor_events()


# --------------------------------------------------------------------------- mentions of dates in the text

@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None  # 1 = Monday, named in the mention
    rel: str | None  # last / next / this before a bare weekday
    tense: str | None  # past / future, from the sentence
    landmark: bool = False  # resolved to an anchor event's date


_MONTHS = {"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
           "September": 9, "October": 10, "November": 11, "December": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4,
           "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_WEEKDAYS = {"Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6, "Sunday": 7}
_WEEKDAY_NAMES = {n: w for w, n in _WEEKDAYS.items()}
# Capitalised names only: "may", "march" and "sun" in lower case are ordinary words.
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_YR = r"(?P<year>(?:19|20)\d\d)(?![\w%-])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%:.,]\d|\w)"
_DATE_RULES = [
    re.compile(rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YR})?"),
    re.compile(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YR})?"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_MONTH_YEAR_RULE = re.compile(rf"\b{_MON}(?:\s+of)?,?\s+{_YR}")
_YEAR_RULE = re.compile(r"(?<![\w$£€#.,/-])(?P<year>(?:19|20)\d\d)(?![\w%/-]|[.,]\d|\s*(?:%|percent|people|members|"
                        r"units|km|miles|meters|feet|tons|votes|jobs|points|pounds|dollars|euros))")
_MONTH_RULE = re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Oo]f)\s+"
                         rf"{_MON}(?!\s*\d)")
_WEEKDAY_RULE = re.compile(rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?{_WD}(?!s\b|\w)")


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|No|Co))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Inc|Ltd))"
                           r"(?<!\bCorp)[.!?][\"'”’)]*\s+(?=[A-Z\"'“‘(])|\n")


@cache
def _tense_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Tense cue phrases from the time lexicon, by first word: [(words, past / future)], longest first."""
    lex = lexicon()
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, key in (("past", "past_cues"), ("future", "future_cues")):
        for phrase in lex[key]:
            words = tuple(phrase.lower().replace("’", "'").split())
            out.setdefault(words[0], []).append((words, kind))
    for options in out.values():
        options.sort(key=lambda o: -len(o[0]))
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


class _Tenses:
    """Past or future for a span: the closest tense cue in its sentence (one after it counts 1.5 times as far)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cues: dict[int, list[tuple[int, int, str]]] = {}

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        end = start if end is None else end
        lo = max(0, start - 400)
        left = lo
        for m in _SENTENCE_END.finditer(self.text, lo, start):
            left = m.end()
        m = _SENTENCE_END.search(self.text, end, min(len(self.text), end + 400))
        return left, (m.start() + 1 if m else min(len(self.text), end + 400))

    def at(self, start: int, end: int) -> str | None:
        left, right = self.sentence(start, end)
        if left not in self._cues:
            self._cues[left] = self._scan(left, right)
        best: tuple[float, str] | None = None
        for a, b, kind in self._cues[left]:
            if start <= a < end:
                continue
            dist = start - b if b <= start else 1.5 * (a - end)
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None

    def _scan(self, left: int, right: int) -> list[tuple[int, int, str]]:
        phrases = _tense_phrases()
        words = [(m.start(), m.end(), m.group(0).lower().replace("’", "'"))
                 for m in _WORD.finditer(self.text, left, right)]
        plain = [w for _, _, w in words]
        out = []
        for i, (start, end, word) in enumerate(words):
            hit = next((o for o in phrases.get(word, ()) if tuple(plain[i:i + len(o[0])]) == o[0]), None)
            if hit:
                out.append((start, words[i + len(hit[0]) - 1][1], hit[1]))
            elif len(word) > 4 and word.endswith("ed") and self.text[start].islower():
                out.append((start, end, "past"))
        return out


def _mentions(text: str) -> list[Mention]:
    """Dates, months of a year, years and weekdays, each with the tense of its sentence.

    A few focused patterns rather than the full TIMEX3 tagger: this runs on every undated article and only needs
    the expressions that carry a calendar position, at a fraction of the cost."""
    tenses = _Tenses(text)
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []

    def free(m: re.Match[str]) -> bool:
        return not any(m.start() < e and s < m.end() for s, e in taken)

    def add(m: re.Match[str], year: int | None, month: int | None, day: int | None, rel: str | None = None) -> None:
        taken.append(m.span())
        wd = _WEEKDAYS[m["wd"]] if m.groupdict().get("wd") else None
        words = m.group(0).rstrip(".,")
        out.append(Mention(m.start(), m.end(), words, year, month, day, wd, rel, tenses.at(m.start(), m.end())))

    for rule in _DATE_RULES:
        for m in rule.finditer(text):
            month = _MONTHS[m["mon"]] if not m["mon"].isdigit() else int(m["mon"])
            day = int(m["day"])
            if free(m) and 1 <= day <= 31 and 1 <= month <= 12:
                add(m, int(m["year"]) if m["year"] else None, month, day)
    for m in _MONTH_YEAR_RULE.finditer(text):
        if free(m):
            add(m, int(m["year"]), _MONTHS[m["mon"]], None)
    for m in _YEAR_RULE.finditer(text):
        if free(m):
            add(m, int(m["year"]), None, None)
    for m in _MONTH_RULE.finditer(text):
        if free(m):
            add(m, None, _MONTHS[m["mon"]], None)
    for m in _WEEKDAY_RULE.finditer(text):
        if free(m):
            add(m, None, None, None, (m["rel"] or "").lower() or None)
    out.sort(key=lambda m: m.start)
    return out


# --------------------------------------------------------------------------- clues

@dataclass(frozen=True)
class Clue:
    spans: tuple[Span, ...]  # disjoint; P inside any of them earns the weight once
    weight: float
    evidence: str
    landmark: bool = False  # the latest past date it marks is an anchor event (referred to long after)
    refs: tuple[int, ...] = ()  # the past days it may mark, for the weekday refinement
    this_week: bool = False  # a date given with its weekday: the article is from within a week of it


def _clip(a: int, b: int) -> Span:
    return max(a, FIRST_DAY), min(b, LAST_DAY)


def _quote(words: str) -> str:
    return "'" + " ".join(words.split()) + "'"


def _day_clues(d: date, m: Mention, *, yearless: bool) -> list[tuple[Span, float]]:
    """Where P lies given one dated day: after it (past), before it (future), near it (no tense)."""
    o = d.toordinal()
    year_start, year_end = date(d.year, 1, 1).toordinal(), date(d.year, 12, 31).toordinal()
    out: list[tuple[Span, float]] = []
    if m.tense == "past":
        out += [((o, LAST_DAY), 1.0), ((o, o + 14), 0.3), ((o, o + 60), 0.1)]
        out.append(((o, year_end), 0.6) if yearless else ((o, o + 366), 0.2))
    elif m.tense == "future":
        out += [((FIRST_DAY, o), 1.0), ((o - 14, o), 0.2), ((o - 60, o), 0.1)]
        out.append(((year_start, o), 0.6) if yearless else ((o - 366, o), 0.2))
    elif yearless:
        out += [((o - 14, o + 14), 0.2), ((year_start, year_end), 0.5)]
    else:  # most dates an article names are behind it
        out += [((o - 14, o + 14), 0.2), ((o - 60, o + 366), 0.3), ((o, LAST_DAY), 0.2)]
    if m.weekday and d.isoweekday() == m.weekday:
        out.append(((o - 7, o + 7), 1.0))  # a date given with its weekday is a date of this week
    return out


def _dated_clues(mentions: Sequence[Mention], years: range) -> list[Clue]:
    clues: list[Clue] = []
    seen: set[tuple[Any, ...]] = set()
    for m in mentions:
        key = (m.year, m.month, m.day, m.weekday if m.day else None, m.tense)
        if (m.month is None and m.year is None) or key in seen:
            continue
        seen.add(key)
        if m.day is not None and m.month is not None:
            clues += _day_mention_clues(m, years)
        elif m.month is not None and m.year is not None:
            clues += _month_year_clues(m)
        elif m.year is not None:
            clues += _year_clues(m)
        elif m.month is not None:
            clues += _month_clues(m, years)
    return clues


def _month_clues(m: Mention, years: range) -> list[Clue]:
    """'in May' with no year: by newsroom convention a month of the article's own year."""
    assert m.month is not None
    spans = []
    for y in years:
        start, end = _month_span(date(y, m.month, 1))
        if m.tense == "past":
            spans.append((start, date(y, 12, 31).toordinal()))
        elif m.tense == "future":
            spans.append((date(y, 1, 1).toordinal(), end))
    return [Clue(tuple(_disjoint(spans)), 0.4, _quote(m.text))] if spans else []


def _day_mention_clues(m: Mention, years: range) -> list[Clue]:
    assert m.month is not None and m.day is not None
    if m.year is not None:
        d = _safe_date(m.year, m.month, m.day)
        candidates = [d] if d else []
    else:
        candidates = [d for y in years if (d := _safe_date(y, m.month, m.day))]
        if m.weekday:
            candidates = [d for d in candidates if d.isoweekday() == m.weekday]
    tiers: dict[int, tuple[float, list[Span]]] = {}  # the same tier of every candidate year, as one clue
    for d in candidates:
        for i, (span, w) in enumerate(_day_clues(d, m, yearless=m.year is None or m.landmark)):
            tiers.setdefault(i, (w, []))[1].append(_clip(*span))
    refs = tuple(d.toordinal() for d in candidates) if m.tense == "past" else ()
    ev = _quote(m.text)
    return [Clue(tuple(_disjoint(spans)), w, ev, m.landmark, refs, bool(m.weekday)) for w, spans in tiers.values()]


def _disjoint(spans: list[Span]) -> list[Span]:
    """Merge overlapping alternatives so that a clue is counted once per day."""
    spans.sort()
    out: list[Span] = []
    for a, b in spans:
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _month_year_clues(m: Mention) -> list[Clue]:
    """'in March 2023' bounds P from one side only: such dates are often a year or more away."""
    assert m.year is not None and m.month is not None
    start, end = _month_span(date(m.year, m.month, 1))
    if m.landmark:  # 'in August' in the sentence about an August event: the writer left out its year
        return [Clue(((start, LAST_DAY),), 1.0, _quote(m.text)),
                Clue(((start, date(m.year, 12, 31).toordinal()),), 0.6, _quote(m.text))]
    if m.tense == "past":
        return [Clue(((start, LAST_DAY),), 0.5, _quote(m.text))]
    if m.tense == "future":
        return [Clue(((FIRST_DAY, end),), 0.5, _quote(m.text))]
    return []


def _year_clues(m: Mention) -> list[Clue]:
    """A bare year is a weak bound: it is most often last year or next year, and its tense is often misread."""
    assert m.year is not None
    if m.tense == "past":
        return [Clue(((date(m.year, 1, 1).toordinal(), LAST_DAY),), 0.3, _quote(m.text))]
    if m.tense == "future":
        return [Clue(((FIRST_DAY, date(m.year, 12, 31).toordinal()),), 0.3, _quote(m.text))]
    return []


def _near_mentioned_years(mentions: Sequence[Mention]) -> list[Clue]:
    """An article mentions at least one year close to its own: P lies within three years of some year named."""
    years = sorted({m.year for m in mentions if m.year is not None})
    if not years:
        return []
    spans = _disjoint([_clip(date(y - 3, 1, 1).toordinal(), date(y + 3, 12, 31).toordinal()) for y in years])
    return [Clue(tuple(spans), 1.0, "years named: " + ", ".join(map(str, years[-3:])))]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- anchor-event clues

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "hundredth": 100}
_UNIT_DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0}
_QUAL = r"(?:(?P<q>nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than|just\s+over|just\s+under|" \
        r"under|exactly|precisely|barely|only)\s+)?"
_NUM = r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)(?:\s+and\s+a\s+half)?"
_LINK = r"(?:[\w'’-]+\s+){0,4}?"  # a few words between the offset and the event cue ("since Russia's")

_BEFORE_CUE = [  # patterns that end right before the cue
    ("anniversary", re.compile(rf"\b(?P<ord>[\w-]+)\s+anniversary\s+of\s+{_LINK}$", re.IGNORECASE)),
    ("after", re.compile(rf"\b{_QUAL}{_NUM}[-\s]+(?P<unit>year|month|week|day)s?\s+(?:after|since|into)\s+"
                         rf"{_LINK}$", re.IGNORECASE)),
    ("nth", re.compile(rf"\b(?P<ord>[\w-]+)\s+(?P<unit>year|month|week|day)\s+(?:of|since)\s+{_LINK}$",
                       re.IGNORECASE)),
    ("adj", re.compile(rf"\b{_NUM}-(?P<unit>year|month|week|day)(?:-old|-long)?\s+(?:[\w-]+['’]s\s+)?$",
                       re.IGNORECASE)),  # "his three-year full-scale invasion": the event lasts N years so far
    # "when 20 years ago, the index crashed on what is known as Black Monday": earlier in the cue's sentence
    ("ago", re.compile(rf"\b{_QUAL}{_NUM}\s+(?P<unit>year|month|week|day)s?\s+ago\b[^.!?;]{{0,110}}$",
                       re.IGNORECASE)),
]
_AFTER_CUE = [  # patterns that start right after the cue
    ("ago", re.compile(rf"^\W*(?:[\w'’-]+\s+){{0,6}}?{_QUAL}{_NUM}\s+(?P<unit>year|month|week|day)s?\s+ago\b",
                       re.IGNORECASE)),
    ("nth", re.compile(r"^\W*(?:[\w'’-]+\s+){0,4}?now\s+in\s+its\s+(?P<ord>[\w-]+)\s+(?P<unit>year|month|week|day)\b",
                       re.IGNORECASE)),
    ("after", re.compile(rf"^\W*(?:began|started|happened|took\s+place)?\s*{_QUAL}{_NUM}\s+(?P<unit>year|month|week|"
                         r"day)s?\s+(?:ago|earlier)\b", re.IGNORECASE)),
]


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w):
        return int(m[1])
    return _ORDINALS.get(w)


def _count(m: re.Match[str]) -> float | None:
    n = word_number(m["n"])
    if n is None:
        return None
    return n + (0.5 if "half" in m.group(0).lower() else 0.0)


@dataclass(frozen=True)
class _Offset:
    lo_days: float  # P - event, in days
    hi_days: float
    core: tuple[float, float] | None  # the likeliest part of the window


def _offset(kind: str, m: re.Match[str]) -> _Offset | None:
    unit = _UNIT_DAYS[m["unit"].lower()] if m.groupdict().get("unit") else _UNIT_DAYS["year"]
    if kind == "anniversary":
        n = _ordinal(m["ord"])
        return _Offset(n * 365.25 - 120, n * 365.25 + 45, (n * 365.25 - 30, n * 365.25 + 10)) if n else None
    if kind == "nth":
        n = _ordinal(m["ord"])
        return _Offset((n - 1) * unit, n * unit, None) if n else None
    n = _count(m)
    if n is None or n <= 0:
        return None
    return _qualified(n * unit, unit, (m.groupdict().get("q") or "").lower())


def _qualified(amount: float, unit: float, qualifier: str) -> _Offset:
    if qualifier in ("nearly", "almost", "just under", "less than", "under", "barely"):
        return _Offset(amount - max(unit / 8, 3), amount, (amount - max(unit / 12, 1), amount))
    if qualifier in ("over", "more than", "just over"):
        return _Offset(amount, amount + unit, (amount, amount + unit / 4))
    if unit >= 365:  # "three years after": rounded to the year either way
        return _Offset(amount - unit / 2, amount + unit / 2, (amount - unit / 6, amount + unit / 6))
    return _Offset(amount - unit / 2, amount + unit / 2, None)


def _event_clues(text: str, events: Iterable[AnchorEvent]) -> tuple[list[Clue], list[tuple[int, int, AnchorEvent]]]:
    clues: list[Clue] = []
    hits: list[tuple[int, int, AnchorEvent]] = []
    lower = text.lower()
    for event in events:
        found = event.matches(text, lower)
        if not found:
            continue
        e = event.day.toordinal()
        clues.append(Clue(((e, LAST_DAY),), 1.0, f"{event.name} ({event.day.isoformat()})"))
        for m in found:
            hits.append((m.start(), m.end(), event))
            clues += _offset_clues(text, m.start(), m.end(), event)
            clues += _anniversary_clues(text, m.start(), m.end(), event)
    return clues, hits


_PLAIN_ANNIVERSARY = re.compile(r"\W{0,3}\s*anniversar(?:y|ies)\b", re.IGNORECASE)
_ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\s+(?:the\s+)?$", re.IGNORECASE)
ANNIVERSARY_DAYS = 3  # an article about an anniversary is from the days around it


def _anniversary_clues(text: str, start: int, end: int, event: AnchorEvent) -> list[Clue]:
    """"on the Black Monday anniversary", "the anniversary of the attack": near the event's month and day, in a
    later year (which one, other clues say)."""
    if not (_PLAIN_ANNIVERSARY.match(text, end) or _ANNIVERSARY_OF.search(text, max(0, start - 40), start)):
        return []
    d = event.day
    spans = []
    for year in range(d.year + 1, YEARLESS_YEARS[1] + 1):
        day = _safe_date(year, d.month, min(d.day, 28) if d.month == 2 else d.day)
        if day is not None:
            spans.append(_clip(day.toordinal() - ANNIVERSARY_DAYS, day.toordinal() + ANNIVERSARY_DAYS))
    return [Clue(tuple(spans), 1.0, _quote(text[start:end] + " anniversary"))] if spans else []


def _offset_clues(text: str, start: int, end: int, event: AnchorEvent) -> list[Clue]:
    before = text[max(0, start - 160):start]
    after = text[end:end + 80]
    found = [(kind, m, before[m.start():]) for kind, rx in _BEFORE_CUE if (m := rx.search(before))]
    found += [(kind, m, after[:m.end()]) for kind, rx in _AFTER_CUE if (m := rx.search(after))]
    e = event.day.toordinal()
    clues = []
    for kind, m, words in found:
        off = _offset(kind, m)
        if off is None:
            continue
        evidence = _quote(words + text[start:end] if m.string is before else text[start:end] + words)
        clues.append(Clue((_clip(e + round(off.lo_days), e + round(off.hi_days)),), 3.0, evidence))
        if off.core:
            clues.append(Clue((_clip(e + round(off.core[0]), e + round(off.core[1])),), 1.0, evidence))
    return clues


_ANNIVERSARY_BEFORE = re.compile(r"\banniversar(?:y|ies)\b", re.IGNORECASE)


def _pin_to_events(mentions: list[Mention], hits: list[tuple[int, int, AnchorEvent]], text: str) -> list[Mention]:
    """A yearless date or a weekday in the sentence that names an anchor event, matching its day, is that day."""
    out = []
    tenses = _Tenses(text)
    for m in mentions:
        if any(m.start < end and start < m.end for start, end, _ in hits):
            continue  # part of the event's name ("the Sept. 11 attacks", "Black Monday"), not a date of the story
        event = _matching_event(m, hits, text, tenses) if m.year is None and hits else None
        if event is None:
            out.append(m)
            continue
        d = event.day
        if m.month is not None and m.day is None:
            out.append(replace(m, year=d.year, tense=m.tense or "past", landmark=True))
        elif m.month is None:  # a weekday names the event: it happened this week
            out.append(replace(m, year=d.year, month=d.month, day=d.day, tense="past", landmark=False))
        else:
            out.append(replace(m, year=d.year, month=d.month, day=d.day, tense=m.tense or "past", landmark=True))
    return out


def _matching_event(m: Mention, hits: list[tuple[int, int, AnchorEvent]], text: str,
                    tenses: _Tenses) -> AnchorEvent | None:
    left, right = tenses.sentence(m.start)
    if m.tense == "future" or _ANNIVERSARY_BEFORE.search(text, max(0, m.start - 80), m.start):
        return None  # "the anniversary of the invasion on February 24" is a date to come, not the event
    for start, end, event in hits:
        d = event.day
        if m.month is not None and m.day is not None and (m.month, m.day) == (d.month, d.day):
            return event  # the event's own day, anywhere in an article that names the event
        if not (left <= start and end <= right + 1):
            continue
        if m.month == d.month and m.day is None:
            return event
        # a weekday right after the cue is the event's own ("drones hit airfields on Sunday"); one elsewhere in the
        # sentence is often the story's day ("stocks fell Tuesday, the worst drop since the 9/11 attacks")
        right_after = 0 <= m.start - end <= 40
        if m.month is None and m.rel is None and m.weekday == d.isoweekday() and right_after:
            return event
    return None


# --------------------------------------------------------------------------- offsets from explicit years

_YEAR_OFFSETS = [  # (the keyword, the words that must end right before it, whether the year comes after)
    (re.compile(r"\b(?:ago|earlier)\b", re.IGNORECASE),
     re.compile(rf"\b{_QUAL}{_NUM}\s+(?P<unit>year)s?\s+$", re.IGNORECASE), False),
    (re.compile(r"\banniversary\b", re.IGNORECASE), re.compile(r"\b(?P<ord>[\w-]+)\s+$", re.IGNORECASE), True),
    (re.compile(r"\b(?:after|since)\b", re.IGNORECASE),
     re.compile(rf"\b{_QUAL}{_NUM}\s+(?P<unit>year)s?\s+$", re.IGNORECASE), True),
]


def _year_offset_clues(text: str, mentions: Sequence[Mention]) -> list[Clue]:
    """'25 years ago, in 1998' and 'the 50th anniversary of the 1973 coup': the article's year is the sum."""
    years = [m for m in mentions if m.year is not None and m.tense != "future"]
    clues = []
    for keyword, head, after_only in _YEAR_OFFSETS:
        for k in keyword.finditer(text):
            m = head.search(text, max(0, k.start() - 40), k.start())
            if m is None:
                continue
            n = _ordinal(m["ord"]) if "ord" in head.groupindex else _count(m)
            if not n or n != int(n):
                continue
            anchor = _nearest_year(m.start(), k.end(), years, after_only=after_only)
            if anchor is None or anchor.year is None or not 1900 <= anchor.year + int(n) <= 2099:
                continue
            year = anchor.year + int(n)
            a, b = min(m.start(), anchor.start), max(k.end(), anchor.end)
            span = (date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
            clues.append(Clue((span,), 2.5, _quote(text[a:b])))
    return clues


def _nearest_year(start: int, end: int, years: Sequence[Mention], *, after_only: bool) -> Mention | None:
    best: tuple[int, Mention] | None = None
    for y in years:
        gap = y.start - end if y.start >= end else (start - y.end if not after_only else 10**6)
        if 0 <= gap <= 60 and (best is None or gap < best[0]):
            best = (gap, y)
    return best[1] if best else None


# --------------------------------------------------------------------------- strong year cues

STRONG = 3.0  # the weight of a cue that on its own settles the year
WEEKDAY_DATE_DAYS = 7  # an article names a date with its weekday only within about a week of it
YEAR_WINDOW = (-1, 4)  # the years after the latest year named that a yearless date may fall in


OWN_DAY = 4.0  # the weight of the article naming its own day: a dateline, "today (Dec. 11)", "Updated Dec. 11"

_OWN_DATE_MDY = rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YR})?"
_OWN_DATE_DMY = rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YR})?"
_OWN_DATE_ISO = r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"
_CLOCK = r"(?:\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\s*)?,?\s+)?"  # "Updated 3:45 PM EST, Dec. 19'
_TODAY = r"\b(?:[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))"
_DATELINE_CITY = r"(?m)^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?,\s+"
_STAMP = (r"(?m)^\W{0,3}(?:(?:This|The)\s+(?:story|article|post|page|report)\s+(?:was|has\s+been)\s+)?"
          r"(?:[Ll]ast\s+)?(?:[Uu]pdated|[Pp]ublished|[Pp]osted)(?:\s+on)?:?\s+")
_OWN_DAY_RULES = [re.compile(rx) for date_rx in (_OWN_DATE_MDY, _OWN_DATE_DMY) for rx in (
    rf"{_TODAY}\s*(?:\(\s*|,\s*|\s+[-—–]\s*|\s+is\s+){date_rx}",  # "today (Dec. 11)", "Today is Monday, Dec. 11"
    rf"\b{date_rx}\s*\(\s*(?:today|this\s+morning)\s*\)",  # "Dec. 11 (today)"
    rf"{_DATELINE_CITY}{date_rx}\s*(?:\([A-Za-z. ]{{2,24}}\)\s*)?[-—–]",  # "KYIV, Dec. 11 (Reuters) -"
)] + [re.compile(rf"{_STAMP}{_CLOCK}{date_rx}")  # "Updated: Dec. 11, 2023", "This story was updated on Dec. 11."
      for date_rx in (_OWN_DATE_MDY, _OWN_DATE_DMY, _OWN_DATE_ISO)]


def _own_day_clues(text: str, years: range) -> list[Clue]:
    """The article naming its own day: a dateline, a date given for 'today', or its published / updated stamp.
    Without a year the day is one of the candidate years' (those whose weekday fits, when one is named)."""
    out = []
    for rule in _OWN_DAY_RULES:
        for m in rule.finditer(text):
            month = int(m["mon"]) if m["mon"].isdigit() else _MONTHS[m["mon"]]
            day = int(m["day"])
            wd = _WEEKDAYS[m["wd"]] if m.groupdict().get("wd") else None
            years_of = [int(m["year"])] if m["year"] else list(years)
            days = [d for y in years_of if (d := _safe_date(y, month, day)) and (wd is None or d.isoweekday() == wd)]
            if days:
                spans = tuple((d.toordinal(), d.toordinal()) for d in days)
                out.append(Clue(spans, OWN_DAY, _quote(m.group(0).strip(" -—–("))))
    return out


def _strong_clues(mentions: Sequence[Mention]) -> list[Clue]:
    """Cues that pin the year: a date given with its (matching) weekday, and years named on both sides."""
    return [*_weekday_date_clues(mentions), *_bracket_clues(mentions)]


def _weekday_date_clues(mentions: Sequence[Mention]) -> list[Clue]:
    """'Thursday, November 30' is a date of the article's own week: with a year ('Thursday, Nov. 30, 2023') or,
    without one, the only year near the years the article names in which that date falls on that weekday."""
    named = [m.year for m in mentions if m.year is not None and not m.landmark]
    ahead = [m.year for m in mentions if m.year is not None and m.tense == "future"]
    out = []
    for m in mentions:
        if m.weekday is None or m.month is None or m.day is None:
            continue
        if m.year is not None:
            candidates = [d for d in [_safe_date(m.year, m.month, m.day)] if d and d.isoweekday() == m.weekday]
        elif named:
            lo, hi = max(named) + YEAR_WINDOW[0], max(named) + YEAR_WINDOW[1]
            hi = min([hi, *ahead])
            candidates = [d for y in range(lo, hi + 1)
                          if (d := _safe_date(y, m.month, m.day)) and d.isoweekday() == m.weekday]
        else:
            candidates = []
        year = _year_of_week(candidates[0].toordinal(), m.tense) if len(candidates) == 1 else None
        if year is not None:
            span = (date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
            out.append(Clue((span,), STRONG, _quote(m.text)))
    return out


def _year_of_week(day: int, tense: str | None) -> int | None:
    """The year of the days around a date named with its weekday (just after it when past, just before when
    ahead), or None when they straddle New Year."""
    lo = day if tense == "past" else day - WEEKDAY_DATE_DAYS
    hi = day if tense == "future" else day + WEEKDAY_DATE_DAYS
    first, last = date.fromordinal(lo).year, date.fromordinal(hi).year
    return first if first == last else None


def _bracket_clues(mentions: Sequence[Mention]) -> list[Clue]:
    """'the talks collapsed in 2022 ... the election due in 2024': the year between the latest past year named
    and the earliest year ahead."""
    past = [m for m in mentions if m.year is not None and m.tense == "past"]
    ahead = [m for m in mentions if m.year is not None and m.tense == "future"]
    if not past or not ahead:
        return []
    last, first = max(past, key=lambda m: m.year or 0), min(ahead, key=lambda m: m.year or 0)
    if last.year is None or first.year is None or first.year - last.year != 2:
        return []
    year = last.year + 1
    span = (date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
    return [Clue((span,), STRONG, f"{_quote(last.text)} past, {_quote(first.text)} ahead")]


# --------------------------------------------------------------------------- scoring the days

@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    weight: float


def _segments(clues: Sequence[Clue], lo: int, hi: int) -> list[Segment]:
    """Total clue weight over [lo, hi], as constant-weight segments (a sweep over the interval ends)."""
    deltas: dict[int, float] = {lo: 0.0, hi + 1: 0.0}
    for clue in clues:
        for a, b in clue.spans:
            a, b = max(a, lo), min(b, hi)
            if a > b:
                continue
            deltas[a] = deltas.get(a, 0.0) + clue.weight
            deltas[b + 1] = deltas.get(b + 1, 0.0) - clue.weight
    out = []
    weight = 0.0
    points = sorted(deltas)
    for a, b in itertools.pairwise(points):
        weight += deltas[a]
        if a >= lo and b - 1 <= hi:
            out.append(Segment(a, b - 1, round(weight, 6)))
    return out


def _plausible(segments: Sequence[Segment], margin: float) -> tuple[int, int, float]:
    """The hull of the days scoring within `margin` of the best, and the best score."""
    best = max(s.weight for s in segments)
    keep = [s for s in segments if s.weight >= best - margin - 1e-9]
    return keep[0].start, keep[-1].end, best


def _best_outside(segments: Sequence[Segment], lo: int, hi: int) -> float:
    return max((s.weight for s in segments if s.start < lo or s.end > hi), default=0.0)


# --------------------------------------------------------------------------- the weekday refinement

@dataclass(frozen=True)
class _Ref:
    day: int
    landmark: bool
    this_week: bool


def _weekday_fit(ref: _Ref, hi: int, mentions: Sequence[Mention]) -> tuple[int, int, str] | None:
    """The first run of days after the latest past date `ref` that fits the bare weekdays: one reported as past
    fell on or after `ref` (else the writer would have dated it), one reported as ahead is still to come."""
    past = sorted({m.weekday for m in mentions if _bare_weekday(m) and m.tense == "past" and m.rel is None})
    ahead = sorted({m.weekday for m in mentions if _bare_weekday(m) and (m.tense == "future" or m.rel == "next")})
    if not past and not (ref.this_week and ahead):
        return None
    run: list[int] = []
    for p in range(ref.day, min(hi, ref.day + WEEKDAY_WINDOW_DAYS) + 1):
        if _fits(p, ref, past, ahead):
            run.append(p)
        elif run:
            break
    if not run:
        return None
    words = [f"past {_WEEKDAY_NAMES[w]}" for w in past] + [f"coming {_WEEKDAY_NAMES[w]}" for w in ahead]
    return run[0], run[-1], ", ".join(words)


def _fits(p: int, ref: _Ref, past: Sequence[int], ahead: Sequence[int]) -> bool:
    wd = date.fromordinal(p).isoweekday()
    if ref.this_week and p - ref.day > 6:
        return False
    if any(p - (wd - w) % 7 < ref.day for w in past):
        return False
    return all((w - wd) % 7 >= 1 for w in ahead)


def _bare_weekday(m: Mention) -> bool:
    return m.weekday is not None and m.month is None and m.year is None


# --------------------------------------------------------------------------- the public entry point

def infer_published(text: str, *, not_after: date | None = None, crawled: date | None = None,
                    events: Sequence[AnchorEvent] | None = None) -> Published:
    """Infer the publication date of an article from its text alone (method "text", or "none").

    `not_after` is only a bound (a file's date can be years after the article); `crawled` (a news crawl's
    fetch date) is a bound too, and also a hint that the article is recent.
    """
    events = _default_events() if events is None else events
    bounds = [d.toordinal() for d in (not_after, crawled) if d is not None]
    hi = min([*bounds, LAST_DAY])
    mentions = _mentions(text)
    event_clues, hits = _event_clues(text, events)
    mentions = _pin_to_events(mentions, hits, text)
    years = range(YEARLESS_YEARS[0], min(YEARLESS_YEARS[1], date.fromordinal(hi).year) + 1)
    clues = [*event_clues, *_dated_clues(mentions, years), *_year_offset_clues(text, mentions),
             *_near_mentioned_years(mentions), *_strong_clues(mentions), *_own_day_clues(text, years)]
    if not clues:
        return Published(method="none")
    if crawled:
        # a news crawl fetches articles within about a year of their publication
        clues.append(Clue(((hi - 366, hi),), 1.0, f"crawled {crawled.isoformat()}"))
    return _claim(_segments(clues, FIRST_DAY, hi), clues, mentions)


def _claim(segments: list[Segment], clues: Sequence[Clue], mentions: Sequence[Mention]) -> Published:
    y_lo, y_hi, best = _plausible(segments, MARGIN_YEAR)
    first, last = date.fromordinal(y_lo), date.fromordinal(y_hi)
    if first.year != last.year or best < 1.0:
        return Published(method="none")
    year_span = date(first.year, 1, 1).toordinal(), date(first.year, 12, 31).toordinal()
    year_margin = best - _best_outside(segments, *year_span)
    m_lo, m_hi, _ = _plausible(segments, MARGIN_MONTH)
    m_first, m_last = date.fromordinal(m_lo), date.fromordinal(m_hi)
    if (m_first.year, m_first.month) != (m_last.year, m_last.month):
        month = _majority_month(m_lo, m_hi)
        if month is None:
            day = _weekday_day(y_lo, y_hi, clues, mentions)
            if day is not None:
                return _published(date.fromordinal(day[0]).isoformat(), "day", 0.0, clues, day[0], day[1])
            return _published(first.isoformat()[:4], "year", year_margin, clues, y_lo)
        return replace(_published(month.isoformat()[:7], "month", year_margin, clues, month.toordinal()),
                       confidence=0.4)
    month_margin = best - _best_outside(segments, *_month_span(m_first))
    d_lo, d_hi, _ = _plausible(segments, MARGIN_DAY)
    day = _pick_day(d_lo, d_hi, m_lo, m_hi, clues, mentions)
    if day is None:
        return _published(m_first.isoformat()[:7], "month", min(month_margin, year_margin), clues, m_lo)
    p, confidence_cap, extra = day
    out = _published(date.fromordinal(p).isoformat(), "day", min(month_margin, year_margin), clues, p, extra)
    return replace(out, confidence=min(out.confidence or 0.0, confidence_cap))


def _majority_month(lo: int, hi: int) -> date | None:
    """The month holding three quarters of a window of at most about five weeks, if one does."""
    if hi - lo > 38:
        return None
    counts: dict[date, int] = {}
    for p in range(lo, hi + 1):
        first = date.fromordinal(p).replace(day=1)
        counts[first] = counts.get(first, 0) + 1
    month, n = max(counts.items(), key=lambda kv: kv[1])
    return month if n >= 0.75 * (hi - lo + 1) else None


def _month_span(d: date) -> tuple[int, int]:
    nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year, d.month, 1).toordinal(), nxt.toordinal() - 1


def _pick_day(d_lo: int, d_hi: int, m_lo: int, m_hi: int, clues: Sequence[Clue],
              mentions: Sequence[Mention]) -> tuple[int, float, str | None] | None:
    """A day only when the evidence pins one: a window of a few days, or bare weekdays after a dated day."""
    ref = _latest_ref(clues, m_lo, d_hi)
    fit = _weekday_fit(ref, m_hi, mentions) if ref is not None and _weekday_refines(ref, clues, mentions) else None
    if fit is not None:
        first, last, words = fit
        return first, 0.6 if last - first <= 2 else 0.4, words
    if d_hi - d_lo <= 2:
        return d_lo, 0.8 if d_hi == d_lo else 0.6, None
    return None


def _weekday_day(lo: int, hi: int, clues: Sequence[Clue], mentions: Sequence[Mention]) -> tuple[int, str] | None:
    """With only the year settled: when the story has one news day (a single weekday, named more than once, none
    ahead), the first such weekday after the past date the window starts at."""
    ref = _latest_ref(clues, lo, lo)
    if ref is None or not _weekday_refines(ref, clues, mentions):
        return None
    fit = _weekday_fit(ref, hi, mentions)
    return (fit[0], fit[2]) if fit else None


def _year_end(day: int) -> int:
    return date(date.fromordinal(day).year, 12, 31).toordinal()


def _weekday_refines(ref: _Ref, clues: Sequence[Clue], mentions: Sequence[Mention]) -> bool:
    """Bare weekdays name the day after `ref` only when `ref` is the latest past day of its year, and the story has
    one news day (a single weekday, named more than once) or `ref` was itself given with its weekday; an anchor
    event is referred to long after."""
    latest = _latest_ref(clues, ref.day, _year_end(ref.day))
    if latest is not None and latest.day > ref.day:
        return False
    bare = [m for m in mentions if _bare_weekday(m)]
    past = [m for m in bare if m.tense == "past" and m.rel is None]
    one_news_day = len({m.weekday for m in bare}) == 1 and len(past) >= 2
    return not ref.landmark and (one_news_day or ref.this_week)


def _latest_ref(clues: Sequence[Clue], lo: int, hi: int) -> _Ref | None:
    """The latest past-reported day up to `hi` and not long before `lo`."""
    refs = [_Ref(r, c.landmark, c.this_week) for c in clues for r in c.refs if lo - 60 <= r <= hi]
    return max(refs, key=lambda r: (r.day, r.this_week)) if refs else None


def _published(value: str, precision: str, margin: float, clues: Sequence[Clue], at: int,
               extra: str | None = None) -> Published:
    confidence = round(min(0.95, 0.35 + 0.25 * margin), 3)
    return Published(date=value, precision=precision, method="text",  # type: ignore[arg-type]
                     confidence=confidence, evidence=_evidence(clues, at, extra))


def _evidence(clues: Sequence[Clue], at: int, extra: str | None) -> str:
    """The words behind the strongest clues that hold on the claimed day."""
    weight: dict[str, float] = {}
    for c in clues:
        if any(a <= at <= b for a, b in c.spans):
            weight[c.evidence] = weight.get(c.evidence, 0.0) + c.weight
    top = sorted(weight, key=lambda k: -weight[k])[:4]
    if extra:
        top.append(extra)
    return "; ".join(top)
