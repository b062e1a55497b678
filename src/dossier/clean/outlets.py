"""A gazetteer of news outlets (``dossier/data/outlets.csv``) and outlet detection.

An outlet is found from the URL host (``domains`` column) or, for text without a URL, from the
ways a page names its own publisher: "Support <Outlet>", "A Message from <Outlet>", "<Outlet> is
an independent ...", "a reporter at <Outlet>", "© 2024 <Outlet>", and explicit per-outlet
signatures such as "myFT" (``signatures`` column).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dossier.clean.repeats import host_of

# "<prefix> <Outlet>" and "<Outlet> <suffix>" templates of self-naming page furniture.
_NAME = r"((?:The |the )?[A-Z][\w&.’'-]*(?:[ -](?:[A-Z0-9][\w&.’'-]*|of|and|&|de|du|der|di|la|le|el)){0,5})"
_PREFIX_TEMPLATES = (
    r"\bSupport(?:ing)? ",
    r"\bA (?:Message|Note|Letter) (?:from|From) ",
    r"\bjournalists of ",
    r"\b(?:reporter|correspondent|editor|writer|columnist|journalist|producer|contributor)s? (?:at|for|with) ",
    r"\bjoined ",
    r"\bBy supporting ",
    r"\bdonate to ",
    r"\bsubscribe to ",
    r"©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?",
    r"\bCopyright\s+(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?",
    r"\bnewsletter (?:from|of) ",
    r"\bdesignated ",
)
_SUFFIX_TEMPLATES = (
    r" is (?:an? |the )?(?:independent|nonprofit|non-profit|reader-funded|award-winning|leading|english-language)\b",
    r" (?:newsletters?|app|digest|daily briefing)\b",
)


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    signatures: tuple[str, ...]


def _name_key(name: str) -> str:
    text = name.lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    return " ".join(re.sub(r"[^\w&'+]+", " ", text).split())


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(sep) if p.strip())


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    raw = resources.files("dossier").joinpath("data", "outlets.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(raw.splitlines())
    return tuple(
        Outlet(
            name=row["name"].strip(),
            domains=_split(row.get("domains", ""), " "),
            aliases=_split(row.get("aliases", ""), ";"),
            signatures=_split(row.get("signatures", ""), ";"),
        )
        for row in rows
        if row.get("name")
    )


@lru_cache(maxsize=1)
def _by_domain() -> dict[str, str]:
    table: dict[str, str] = {}
    for outlet in outlets():
        for domain in outlet.domains:
            table.setdefault(domain.lower(), outlet.name)
    return table


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for outlet in outlets():
        for name in (outlet.name, *outlet.aliases):
            key = _name_key(name)
            if len(key) >= 3:
                table.setdefault(key, outlet.name)
    return table


@lru_cache(maxsize=1)
def _signature_pattern() -> re.Pattern[str] | None:
    sigs = sorted({s for o in outlets() for s in o.signatures}, key=len, reverse=True)
    if not sigs:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sigs) + r")(?!\w)")


@lru_cache(maxsize=1)
def _signature_owner() -> dict[str, str]:
    return {s: o.name for o in outlets() for s in o.signatures}


@lru_cache(maxsize=1)
def _template_patterns() -> tuple[re.Pattern[str], ...]:
    pats = [re.compile(p + _NAME) for p in _PREFIX_TEMPLATES]
    pats += [re.compile(_NAME + p) for p in _SUFFIX_TEMPLATES]
    return tuple(pats)


def outlet_from_url(url: str | None) -> str | None:
    """The gazetteer outlet whose domain is the URL host or one of its parent domains."""
    host = host_of(url)
    if not host:
        return None
    table = _by_domain()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


def lookup_name(candidate: str) -> str | None:
    """The canonical outlet for a name as printed ("the Moscow Times" -> "The Moscow Times")."""
    words = candidate.split()
    table = _by_name()
    # Longest prefix of the captured words that is a known outlet name.
    for end in range(len(words), 0, -1):
        name = table.get(_name_key(" ".join(words[:end])))
        if name:
            return name
    return None


def outlet_from_text(text: str, limit: int = 200_000) -> str | None:
    """The outlet a page names as its own publisher, or None.

    Only the first and last ``limit`` characters are searched, which is where the furniture is.
    """
    hay = text if len(text) <= 2 * limit else text[:limit] + "\n" + text[-limit:]
    sig = _signature_pattern()
    if sig is not None:
        m = sig.search(hay)
        if m:
            return _signature_owner()[m.group(1)]
    votes: dict[str, int] = {}
    unknown: dict[str, dict[int, str]] = {}  # name key -> {template number: surface form}
    for number, pattern in enumerate(_template_patterns()):
        for m in pattern.finditer(hay):
            name = lookup_name(m.group(1))
            if name:
                votes[name] = votes.get(name, 0) + 1
            else:
                surface = m.group(1).strip(" .,;:-")
                unknown.setdefault(_name_key(surface), {})[number] = surface
    if votes:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return _unlisted_outlet(unknown)


def _unlisted_outlet(unknown: dict[str, dict[int, str]]) -> str | None:
    """An outlet missing from the gazetteer, named by at least two different kinds of furniture.

    One template alone ("Support Ukraine") is too weak; a page that asks for support for X, calls its
    author "a reporter at X" and prints "© 2025 X" is X's own page.
    """
    best = max(unknown.values(), key=len, default={})
    if len(best) < 2 or len(next(iter(best.values())).split()) > 5:
        return None
    forms = list(best.values())
    with_article = [f for f in forms if f.startswith("The ")]
    chosen = max(with_article or forms, key=len)
    return chosen if chosen[:1].isupper() else None


def detect_outlet(text: str, url: str | None) -> str | None:
    """The outlet of a page: from its URL when the host is known, else from the text."""
    return outlet_from_url(url) or outlet_from_text(text)
