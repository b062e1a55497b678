"""Cue phrases for page furniture (donation appeals, newsletter pitches, navigation, ...).

The phrases live in ``dossier/data/boilerplate.yaml``; this module compiles them once and answers
"which kind of boilerplate is this line, if any?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_FULL_MAX_WORDS = 30
_CACHE_MAX_CHARS = 200
_EDGE = re.compile(r"^[\s\-–—•·|*>»›:#()\[\]]+|[\s\-–—•·|*:.!?,;()\[\]]+$")


@dataclass(frozen=True)
class Contains:
    pattern: re.Pattern[str]
    max_words: int
    cased: bool  # has a case-sensitive part "(?-i:...)": searched on the original line


@dataclass(frozen=True)
class CueGroup:
    reason: str
    full: re.Pattern[str] | None
    contains: tuple[Contains, ...]


def _load_yaml() -> dict:
    text = resources.files("dossier").joinpath("data", "boilerplate.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _compile_contains(item: dict) -> Contains:
    pattern = str(item["pattern"])
    cased = "(?-i:" in pattern
    # Lower-cased text with a case-sensitive pattern is faster than re.IGNORECASE.
    compiled = re.compile(pattern, re.I) if cased else re.compile(pattern)
    return Contains(compiled, int(item.get("max_words", 40)), cased)


def _compile_group(raw: dict) -> CueGroup:
    full_parts = [f"(?:{p})" for p in raw.get("full") or []]
    full = re.compile("^(?:" + "|".join(full_parts) + ")$") if full_parts else None
    contains = tuple(_compile_contains(item) for item in raw.get("contains") or [])
    return CueGroup(reason=str(raw["reason"]), full=full, contains=contains)


@lru_cache(maxsize=1)
def cue_groups() -> tuple[CueGroup, ...]:
    return tuple(_compile_group(g) for g in _load_yaml().get("groups") or [])


def section(name: str) -> dict:
    """Another top-level section of ``boilerplate.yaml`` (e.g. ``teasers``), as parsed."""
    return dict(_load_yaml().get(name) or {})


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(str(_load_yaml().get("stopwords") or "").split())


def strip_edges(line: str) -> str:
    """The line without bullets, separators and trailing punctuation around it."""
    return _EDGE.sub("", line)


def cue_reason(line: str, n_words: int) -> str | None:
    """The boilerplate kind this line belongs to, or None.

    ``line`` is one whitespace-normalised line; ``n_words`` its word count (passed in because the
    caller already has it).  Full patterns are tried on short lines only, contains patterns only up
    to their ``max_words``.  Short lines (menus, labels) repeat a lot and are cached.
    """
    if len(line) <= _CACHE_MAX_CHARS:
        return _cached_reason(line, n_words)
    return _reason(line, n_words)


@lru_cache(maxsize=32768)
def _cached_reason(line: str, n_words: int) -> str | None:
    return _reason(line, n_words)


def _reason(line: str, n_words: int) -> str | None:
    lower = line.lower()
    core = strip_edges(lower) if n_words <= _FULL_MAX_WORDS else ""
    for group in cue_groups():
        if core and group.full is not None and group.full.match(core):
            return group.reason
        for item in group.contains:
            if n_words <= item.max_words and item.pattern.search(line if item.cased else lower):
                return group.reason
    return None
