"""Metadata date lines of flattened pages: "date 2025-06-04", "Published March 3, 2024",
"First Published: 12 May 2023, 10:04 IST", "By Jane Roe Dec 22, 2023", a bare "Dec 22, 2023".

Only explicit calendar dates are read (no "2 hours ago"); a date after ``now`` is never returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)")
_MDY = re.compile(_MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_DMY = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I
)
_US_NUM = re.compile(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])")

_LABEL = re.compile(
    r"^\W*(?:(?P<pub>first published|originally published|published(?: on| at)?|posted(?: on| at)?|"
    r"date(?:d)?|released|created)|(?P<upd>(?:last )?updated(?: on| at)?|modified|last modified))\b\s*:?",
    re.I,
)
_BYLINE_START = re.compile(r"^\W*(?:by|written by|posted by|words by|reported by)(?:\s|:|(?=[A-Z]))", re.I)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_FILLER = re.compile(
    r"\b(?:" + _WEEKDAY + r"|at|on|am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|utc|ist|bst|cet|cest|msk|eet|eest|"
    r"edt|est|pdt|pst|cdt|cst|updated|published|posted|first|last|date|min|read|ago|hours?|h)\b|[\d:|•·,/.\-–—()]+",
    re.I,
)


@dataclass(frozen=True)
class DateHit:
    day: date
    start: int
    end: int


@dataclass(frozen=True)
class DateLine:
    day: date
    kind: str  # "published", "updated", "byline", "bare"
    confidence: float


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateHit]:
    """Every explicit calendar date in ``text``, in order of position."""
    hits: list[DateHit] = []
    for m in _ISO.finditer(text):
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            hits.append(DateHit(day, m.start(), m.end()))
    for pattern in (_MDY, _DMY):
        for m in pattern.finditer(text):
            day = _safe_date(int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"]))
            if day:
                hits.append(DateHit(day, m.start(), m.end()))
    if not hits:
        for m in _US_NUM.finditer(text):
            year = int(m["y"])
            year = year + 2000 if year < 100 else year
            day = _safe_date(year, int(m["m"]), int(m["d"]))
            if day:
                hits.append(DateHit(day, m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


def _is_mostly_date(text: str, hit: DateHit) -> bool:
    rest = text[: hit.start] + " " + text[hit.end :]
    return len(_FILLER.sub(" ", rest).split()) <= 1


def read_date_line(text: str, now: datetime | None = None, max_words: int = 30) -> DateLine | None:
    """The publication date a metadata line states, or None when the line is not one."""
    if len(text.split()) > max_words:
        return None
    hits = [h for h in find_dates(text) if now is None or h.day <= now.date()]
    if not hits:
        return None
    label = _LABEL.match(text)
    if label:
        if label["pub"]:
            return DateLine(hits[0].day, "published", 0.9)
        return DateLine(hits[0].day, "updated", 0.6)
    pub = re.search(r"\b(?:published|posted)\b", text, re.I)
    if pub:
        after = [h for h in hits if h.start > pub.start()]
        return DateLine((after or hits)[0].day, "published", 0.85)
    if _BYLINE_START.match(text) or re.search(r"\bby\s+[A-Z]", text):
        return DateLine(hits[0].day, "byline", 0.8)
    if re.search(r"\b(?:updated|modified)\b", text, re.I):
        return DateLine(hits[0].day, "updated", 0.6)
    if _is_mostly_date(text, hits[0]):
        return DateLine(hits[0].day, "bare", 0.7)
    return None


_PREFIX = re.compile(
    r"^\s*(?:date|published|posted|updated|first published)\s*:?\s*"
    r"(?:(?:19|20)\d\d-[01]\d-[0-3]\d|" + _MON + r"\s+[0-3]?\d,?\s+(?:19|20)\d\d)"
    r"(?:[ T][0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s+",
    re.I,
)


def split_date_prefix(text: str) -> tuple[str, str] | None:
    """Split "date 2025-06-04 Rest of the line" into ("date 2025-06-04", "Rest of the line")."""
    m = _PREFIX.match(text)
    if not m or m.end() >= len(text):
        return None
    return text[: m.end()].strip(), text[m.end() :].strip()
