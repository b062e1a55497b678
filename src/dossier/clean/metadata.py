"""Validation of article metadata shared by the text and HTML cleaning paths.

- `clean_authors` turns raw byline candidates into a list of author names.
- `valid_pub_date` rejects publication dates that cannot be right (future, absurdly old).
- `clean_title` strips a trailing or leading site name from a page title.

The word lists (agencies, role words, credentials, boilerplate paragraph patterns) live in
`dossier/data/metadata.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

import yaml

__all__ = [
    "MetadataLists",
    "clean_authors",
    "clean_title",
    "is_agency",
    "is_boilerplate_line",
    "is_organization",
    "lists",
    "norm_key",
    "trim_byline",
    "valid_pub_date",
]

OLDEST_YEAR = 1990
_KEY = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True)
class MetadataLists:
    agencies: frozenset[str]
    role_words: frozenset[str]
    credentials: frozenset[str]
    org_words: frozenset[str]
    boilerplate: tuple[re.Pattern[str], ...]


@cache
def lists() -> MetadataLists:
    """The data lists, loaded once from dossier/data/metadata.yaml."""
    text = resources.files("dossier").joinpath("data/metadata.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    return MetadataLists(
        agencies=frozenset(norm_key(x) for x in raw.get("agencies", [])),
        role_words=frozenset(norm_key(x) for x in raw.get("role_words", [])),
        credentials=frozenset(str(x).lower() for x in raw.get("credentials", [])),
        org_words=frozenset(norm_key(x) for x in raw.get("org_words", [])),
        boilerplate=tuple(re.compile(p, re.IGNORECASE) for p in raw.get("boilerplate_lines", [])),
    )


def norm_key(text: str | None) -> str:
    """Lower-cased words joined by single spaces: the form names are compared in."""
    return " ".join(_KEY.sub(" ", (text or "").lower()).split())


def is_boilerplate_line(line: str) -> bool:
    """True when a whole paragraph is page furniture ("Advertisement", share and newsletter lines)."""
    text = " ".join(line.split())
    return bool(text) and any(p.search(text) for p in lists().boilerplate)


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------
def valid_pub_date(d: date, now: datetime, not_after: date | None) -> bool:
    """A publication date is valid when it is not after `now` (or `not_after`) and not absurdly old."""
    if isinstance(d, datetime):
        d = d.date()
    limit = now.date()
    if not_after is not None and not_after < limit:
        limit = not_after
    return date(OLDEST_YEAR, 1, 1) <= d <= limit


# ---------------------------------------------------------------------------
# titles
# ---------------------------------------------------------------------------
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " // ")


def _same_site(part: str, outlet_keys: set[str]) -> bool:
    key = norm_key(part)
    if not key:
        return False
    squashed = key.replace(" ", "")
    return any(key == o or squashed == o.replace(" ", "") for o in outlet_keys)


def _outlet_keys(outlet: str | None) -> set[str]:
    if not outlet:
        return set()
    key = norm_key(outlet)
    keys = {key}
    for suffix in (" com", " co uk", " org", " net", " news"):
        if key.endswith(suffix):
            keys.add(key[: -len(suffix)])
    keys.discard("")
    return keys


def clean_title(title: str, outlet: str | None) -> str:
    """Strip " | Site", " - Outlet" (or a leading "Site: ") when that part is the site name."""
    text = " ".join((title or "").split())
    keys = _outlet_keys(outlet)
    if not keys:
        return text
    changed = True
    while changed:
        changed = False
        for sep in _TITLE_SEPARATORS:
            head, _, tail = text.rpartition(sep)
            if head and _same_site(tail, keys):
                text, changed = head.strip(), True
            first, _, rest = text.partition(sep)
            if rest and _same_site(first, keys):
                text, changed = rest.strip(), True
    return text


# ---------------------------------------------------------------------------
# authors
# ---------------------------------------------------------------------------
_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\bwith\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^[\s\W]*(?:(?:written|posted|reported|words|story)\s+)?by\b[\s:\W]*", re.IGNORECASE)
_BY_INSIDE = re.compile(r"\bby\b[\s:—–-]*", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_BYLINE_TAIL = re.compile(
    r"\s*(?:[•|·]|\s[-–—]\s|contributions? from|\bpublished\b|\bupdated\b|\bposted\b|"
    r"\bon\s+(?:" + _MONTH + r"|\d)|\b" + _MONTH + r"\s+\d|\d{1,2}:\d{2}|\d{4}-\d{2}|"
    r"\d+\s+min(?:ute)?s?\s+read)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|io|news|info|gov|edu)\b", re.I)
_DATEISH = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b\d{4}\b|\b\d{1,2}:\d{2}\b|"
    r"\b" + _MONTH + r"\s+\d{1,2}\b|\b(?:ago|updated|published|posted|comments?|read)\b",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"^@\w+$")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_MAX_NAME_WORDS = 6


def trim_byline(text: str) -> str:
    """The names part of a byline: "News By A and B on Dec 1, 2023 • 3 min read" -> "A and B"."""
    text = " ".join(str(text or "").split())
    m = _BY_INSIDE.search(text)
    if m and len(text[: m.start()].split()) <= 4:
        text = text[m.end() :]
    text = _BY_INSIDE.sub(", ", _BY.sub("", text))
    tail = _BYLINE_TAIL.search(text)
    if tail:
        text = text[: tail.start()]
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])
    return text.strip(" ,;:-–—")


def _strip_affixes(part: str, outlet: str | None) -> str:
    """Drop an agency or outlet name glued before or after a person's name."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) > size + 1:
            head, tail = " ".join(words[:size]), " ".join(words[-size:])
            if is_agency(head) or _is_outlet(head, outlet):
                return _strip_affixes(" ".join(words[size:]), outlet)
            if is_agency(tail) or _is_outlet(tail, outlet):
                return _strip_affixes(" ".join(words[:-size]), outlet)
    return part


def _split_candidates(candidates: list[str], outlet: str | None) -> list[str]:
    parts: list[str] = []
    for cand in candidates:
        for part in _SPLIT.split(trim_byline(cand)):
            part = _BY.sub("", part).strip(" .:-–—\"'")
            parts.append(_strip_affixes(part, outlet))
    return [p for p in parts if p]


def _strip_credentials(name: str) -> str:
    creds = lists().credentials
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(",") in creds:
        words.pop()
    return " ".join(words).strip(" ,")


def _is_outlet(name: str, outlet: str | None) -> bool:
    return bool(outlet) and _same_site(name, _outlet_keys(outlet))


def _rejected(name: str, outlet: str | None) -> bool:
    """True for what is never an author: outlet, URL, email, date, handle, role word, noise."""
    key = norm_key(name)
    return (
        not key
        or not _LETTERS.search(name)
        or bool(_EMAIL.search(name) or _URL.search(name) or _HANDLE.match(name))
        or bool(_DATEISH.search(name))
        or key in lists().role_words
        or len(key.split()) > _MAX_NAME_WORDS
        or len(key) < 3
        or _is_outlet(name, outlet)
    )


def is_agency(name: str) -> bool:
    return norm_key(name) in lists().agencies


def is_organization(name: str) -> bool:
    """An agency, or a name with an organization word in it ("Financial Times", "Acme Media")."""
    return is_agency(name) or any(w in lists().org_words for w in norm_key(name).split())


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and not is_organization(name) and words[0][:1].isupper()


def clean_authors(candidates: list[str], outlet: str | None) -> list[str]:
    """Split, clean and filter byline candidates into author names, in order, without duplicates.

    "By A, B and C" gives three names; the outlet itself, URLs, emails, dates and role-only
    words are dropped. An agency ("Associated Press") is kept when it is the only byline and
    dropped next to person names.
    """
    names: list[str] = []
    seen: set[str] = set()
    for part in _split_candidates(candidates, outlet):
        name = _strip_credentials(part)
        key = norm_key(name)
        if key in seen or _rejected(name, outlet) or name.lower() in lists().credentials:
            continue
        seen.add(key)
        names.append(name)
    if any(_looks_like_person(n) for n in names):
        names = [n for n in names if not is_organization(n)]
    return names
