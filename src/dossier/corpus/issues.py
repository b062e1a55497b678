"""The issue lexicon (data/issues.yaml, extended per story by a user file): topics, stance cues, claim patterns.

    load_lexicon(user_file=None) -> IssueLexicon
    lexicon.issues_in(text) -> [(offset, Topic)]        # topics named in a span of text, in order
    regions_within(a, b) -> bool                       # "Donetsk Oblast" lies in "Donbas" (or is it)

A user file has the shape of the default one; its topics are added (or extend the topic of the same name) and
its other lists extend the defaults.  DOSSIER_ISSUES names one when the caller gives none.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ENV_FILE = "DOSSIER_ISSUES"
STANCES = ("condition", "rejection", "acceptance", "proposal", "demand")  # priority on a tie, as in the yaml
FLAGS = re.IGNORECASE


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # one pair of word-edge guards around the whole alternation: the same matches, several times faster
    return re.compile("(?<!\\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")(?!\\w)", FLAGS)


@dataclass
class Topic:
    name: str
    patterns: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    territory: bool = False
    peace: bool = False
    joint: bool = False
    regex: re.Pattern[str] | None = None
    weak_regex: re.Pattern[str] | None = None

    def compile(self) -> None:
        self.regex = _compile(self.patterns)
        self.weak_regex = _compile(self.weak)


@dataclass
class Cue:
    stance: str
    regex: re.Pattern[str]
    holder: str = "before"  # before | after | speaker | previous
    quotes: bool = False
    rank: int = 0  # position of the stance in STANCES: the tie-break


@dataclass
class IssueLexicon:
    topics: list[Topic]
    cues: list[Cue]
    acts: dict[str, str]
    clause_break: re.Pattern[str] | None
    anaphora: re.Pattern[str] | None
    collective: re.Pattern[str] | None
    claims: dict[str, re.Pattern[str]]
    war_subjects: dict[str, re.Pattern[str]]
    war_forms: dict[str, re.Pattern[str]]
    setting: re.Pattern[str] | None = None  # "during talks", "in a future peace deal": a topic as the backdrop
    hypothetical: re.Pattern[str] | None = None  # "if it rejected": no stance taken

    def is_setting(self, text: str, at: int) -> bool:
        return bool(self.setting and self.setting.search(text[max(0, at - 40):at]))

    def is_hypothetical(self, text: str, at: int) -> bool:
        return bool(self.hypothetical and self.hypothetical.search(text[max(0, at - 40):at]))

    def topic(self, name: str) -> Topic | None:
        return next((t for t in self.topics if t.name == name), None)

    def issues_in(self, text: str) -> list[tuple[int, Topic]]:
        """Each topic named in `text` once, at its first mention, in text order (weak patterns not included)."""
        found = []
        for topic in self.topics:
            if topic.regex is None:
                continue
            match = next((m for m in topic.regex.finditer(text) if not self.is_setting(text, m.start())), None)
            if match:
                found.append((match.start(), topic))
        return sorted(found, key=lambda item: item[0])

    def claim(self, kind: str, text: str) -> re.Match[str] | None:
        regex = self.claims.get(kind)
        return regex.search(text) if regex else None


def _default_raw() -> dict[str, Any]:
    text = resources.files("dossier").joinpath("data", "issues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The user file's topics added or merged by name; every other list or mapping extended."""
    out = dict(base)
    topics = {t["name"]: dict(t) for t in base.get("topics", [])}
    for topic in extra.get("topics") or []:
        known = topics.get(topic["name"])
        if known is None:
            topics[topic["name"]] = dict(topic)
            continue
        for key in ("patterns", "weak"):
            known[key] = [*known.get(key, []), *topic.get(key, [])]
        for key in ("territory", "peace", "joint"):
            if key in topic:
                known[key] = topic[key]
    out["topics"] = list(topics.values())
    for key, value in extra.items():
        if key == "topics":
            continue
        out[key] = _extend(base.get(key), value)
    return out


def _extend(base: Any, extra: Any) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *extra]
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _extend(base.get(key), value) if key in base else value
        return merged
    return extra if extra is not None else base


def _cues(raw: dict[str, list[Any]]) -> list[Cue]:
    cues = []
    for stance, entries in raw.items():
        if stance not in STANCES:
            raise ValueError(f"issues.yaml: unknown stance {stance!r}")
        for entry in entries or []:
            spec = entry if isinstance(entry, dict) else {"pattern": entry}
            regex = _compile([spec["pattern"]])
            assert regex is not None
            cues.append(Cue(stance, regex, spec.get("holder", "before"), bool(spec.get("quotes")),
                            STANCES.index(stance)))
    return cues


def build_lexicon(raw: dict[str, Any]) -> IssueLexicon:
    topics = []
    for spec in raw.get("topics", []):
        topic = Topic(spec["name"], list(spec.get("patterns", [])), list(spec.get("weak", [])),
                      bool(spec.get("territory")), bool(spec.get("peace")), bool(spec.get("joint")))
        topic.compile()
        topics.append(topic)
    claims = {kind: _compile(list(pats)) for kind, pats in (raw.get("claims") or {}).items()}
    war = raw.get("war_age") or {}
    return IssueLexicon(
        topics=topics,
        cues=_cues(raw.get("stances") or {}),
        acts=dict(raw.get("acts") or {}),
        clause_break=re.compile("|".join(raw.get("clause_breaks") or []), FLAGS) if raw.get("clause_breaks") else None,
        anaphora=_compile(list(raw.get("anaphora") or [])),
        collective=_compile(list(raw.get("collective") or [])),
        claims={k: v for k, v in claims.items() if v is not None},
        war_subjects={k: re.compile(v, FLAGS) for k, v in (war.get("subjects") or {}).items()},
        war_forms={k: re.compile(v, FLAGS) for k, v in (war.get("forms") or {}).items()},
        setting=_ending(raw.get("settings")),
        hypothetical=_ending(raw.get("hypothetical")),
    )


def _ending(patterns: list[str] | None) -> re.Pattern[str] | None:
    """Patterns that must end right where the thing they qualify begins."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?<!\\w)(?:{p})\\s*$" for p in patterns), FLAGS)


def load_lexicon(user_file: str | Path | None = None) -> IssueLexicon:
    """The default lexicon, extended by `user_file` (or the file DOSSIER_ISSUES names)."""
    path = user_file or os.environ.get(ENV_FILE) or None
    return _load(str(path) if path else None)


@lru_cache(maxsize=8)
def _load(path: str | None) -> IssueLexicon:
    raw = _default_raw()
    if path:
        extra = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        raw = _merge(raw, extra)
    return build_lexicon(raw)


@lru_cache(maxsize=1)
def _admin_areas() -> dict[str, tuple[str, frozenset[str]]]:
    """Area name -> (ISO2 country, admin1 codes it covers), from data/places_admin.yaml."""
    text = resources.files("dossier").joinpath("data", "places_admin.yaml").read_text(encoding="utf-8")
    out: dict[str, tuple[str, frozenset[str]]] = {}
    raw = yaml.safe_load(text) or {}
    for area in [*(raw.get("admin_areas") or []), *(raw.get("regions") or [])]:
        codes = area.get("admin1s") or ([area["admin1"]] if area.get("admin1") else [])
        out[area["name"]] = (area.get("country", ""), frozenset(str(c) for c in codes))
    return out


def regions_within(a: str, b: str) -> bool:
    """Whether region `a` is region `b` or lies within it, or `b` within `a` (by GeoNames admin1 codes)."""
    if a == b:
        return True
    areas = _admin_areas()
    if a not in areas or b not in areas:
        return False
    (ca, sa), (cb, sb) = areas[a], areas[b]
    return bool(ca == cb and sa and sb and (sa <= sb or sb <= sa))


def region_key(name: str) -> str:
    """The widest named area that holds `name` ("Donetsk Oblast" -> "Donbas"), for grouping positions."""
    areas = _admin_areas()
    if name not in areas:
        return name
    country, codes = areas[name]
    wider = [n for n, (c, s) in areas.items() if c == country and codes and codes < s]
    return max(wider, key=lambda n: len(areas[n][1])) if wider else name
