"""Author names from the byline and author-box lines of flattened pages."""

from __future__ import annotations

import re

from dossier.clean.datelines import find_dates
from dossier.clean.metadata import clean_authors, is_agency
from dossier.clean.outlets import lookup_name

_BY = re.compile(
    r"^\W*(?:(?:written|posted|reported|words|story|text|review|published)\s+)?by(?::\s*|\s+|(?=[A-Z]))(?P<rest>.+)$",
    re.I,
)
_INNER_BY = re.compile(r"(?:^|[\s|•·,-])(?i:by)\s+(?P<rest>[A-Z].+)$")
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|der|da|di|bin|al|la|le)){{1,4}}$")
_BIO = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+(?:is|was|has been)\s+(?:an?|the|our)\s+"
    r"(?:[\w-]+\s+){0,5}(?:reporter|correspondent|journalist|editor|writer|columnist|contributor|producer)\b"
)
_CUT = re.compile(
    r"\s+(?:[|•·]|[-–—]\s|[Ff]or\s+(?=[A-Z])|on\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|\d)))|"
    r"\s*[|•·]\s*|(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)",
)
_ROLE_TAIL = re.compile(
    r",?\s+(?:(?:senior|chief|deputy|contributing|special|staff|freelance|associate|managing|political|"
    r"foreign|national|business|news|data|graphics|investigative|global)\s+)*"
    r"(?:reporter|writer|editor|correspondent|contributor|columnist|journalist|staff|staffer|producer)s?\b.*$",
    re.I,
)
_MAX_BYLINE_WORDS = 30
_PARTICLES = frozenset({"de", "van", "von", "der", "da", "di", "bin", "al", "la", "le"})
_CAMEL_JOIN = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")
_TRAIL_WORD = re.compile(r"(?:\s+(?:on|at|in|and|updated|published|posted))+$", re.I)
_ROLE_WORDS = frozenset(
    [
        "staff",
        "staffer",
        "reporter",
        "writer",
        "editor",
        "correspondent",
        "contributor",
        "columnist",
        "journalist",
        "producer",
    ]
)


def _strip_tail(rest: str) -> str:
    """The name part of what follows "By": cut at separators, dates, roles and outlets."""
    rest = re.sub(r"\S+@\S+", " ", rest)
    hits = find_dates(rest)
    if hits:
        rest = rest[: hits[0].start]
    rest = _CAMEL_JOIN.split(rest, maxsplit=1)[0]
    rest = _CUT.split(rest, maxsplit=1)[0]
    rest = _ROLE_TAIL.sub("", rest)
    rest = _TRAIL_WORD.sub("", rest.strip(" ,;:-–—|"))
    return rest.strip(" ,;:-–—|")


def _drop_outlet_tail(name: str) -> str:
    """ "Jane Roe Fox News" -> "Jane Roe"; "Forbes India" -> "" (a known outlet, not a person)."""
    words = name.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if lookup_name(tail) and (k >= 2 or (k == 0 and not is_agency(tail))):
            return " ".join(words[:k])
    return name


def byline_names(line: str, outlet: str | None) -> list[str]:
    """Author names from a byline ("By A and B | Dec 1, 2023"), or [] when the line is not one."""
    if len(line.split()) > _MAX_BYLINE_WORDS:
        return []
    m = _BY.match(line)
    if m is None:
        m = _INNER_BY.search(line) if find_dates(line) else None
    if m is None:
        return []
    rest = _strip_tail(m["rest"])
    if not rest or not rest[:1].isupper():
        return []
    names = [_tidy_name(n) for n in clean_authors([rest], outlet)]
    return [n for n in names if n and _plausible(n)]


def _tidy_name(name: str) -> str:
    words = name.split()
    had_role = False
    while words and words[-1].lower() in _ROLE_WORDS:
        words.pop()
        had_role = True
    if had_role and len(words) >= 3:
        words.pop()
    return _drop_outlet_tail(" ".join(words))


def _plausible(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def bio_name(line: str) -> str | None:
    """The person an author bio is about ("Jane Roe is a reporter at ..." -> "Jane Roe")."""
    m = _BIO.match(line)
    return m["name"] if m else None


def looks_like_person(line: str) -> bool:
    """A bare name line ("Jane Roe") as author boxes print it."""
    return bool(_PERSON.match(line)) and len(line) <= 40
