"""The PLOVER pattern lexicon (data/plover_patterns.yaml), loaded once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dossier.cache import cached

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# Acts whose complement is what is agreed, asked, refused, threatened or alleged, not a separate event.
VERBAL_ACTS = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION"})


@dataclass(frozen=True)
class Rule:
    event: str | None  # None: the word is not an event in this use
    mode: str | None = None
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    arg: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    light_only: bool = False
    gov_subject_only: bool = False
    no_obj: bool = False  # verbs: only without a direct object or complement clause ("they demonstrated")
    needs_obj: bool = False  # verbs: only with a direct object or passive subject ("returned the paintings")

    def applies(self, objects: set[str], args: set[str], subject: str | None, light: bool,
                direct: bool = False, transitive: bool = False) -> bool:
        if (self.light_only and not light) or (self.no_obj and direct) or (self.needs_obj and not transitive):
            return False
        if self.obj and not objects & self.obj:
            return False
        if self.not_obj and objects & self.not_obj:
            return False
        if self.arg and not args & self.arg:
            return False
        return not (self.subj and subject not in self.subj)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    adjectives: dict[str, tuple[Rule, ...]]
    light_verbs: frozenset[str]
    transparent_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    content_nouns: frozenset[str]
    assault_modes: tuple[tuple[str, frozenset[str]], ...]
    content_modes: dict[str, dict[str, str]]
    content_words: tuple[tuple[str, frozenset[str]], ...]
    contexts: dict[str, tuple[str, ...]]
    verb_heads: frozenset[str] = frozenset()  # first words of the verb keys: a cheap test before the parse work
    noun_heads: frozenset[str] = frozenset()  # last words of the noun keys, and first words of "X of Y" keys


def _rule(spec: Any) -> Rule:
    if isinstance(spec, str) or spec is None:
        return _rule({"event": spec})
    event, mode = _split(spec.get("event"))
    return Rule(
        event=event,
        mode=mode,
        obj=frozenset(spec.get("obj") or ()),
        not_obj=frozenset(spec.get("not_obj") or ()),
        arg=frozenset(spec.get("arg") or ()),
        subj=frozenset(spec.get("subj") or ()),
        light_only=bool(spec.get("light_only")),
        gov_subject_only=bool(spec.get("light_only_subj_gov")),
        no_obj=bool(spec.get("no_obj")),
        needs_obj=bool(spec.get("needs_obj")),
    )


def _split(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    event, _, mode = value.partition("/")
    if event not in EVENT_TYPES:
        raise ValueError(f"plover_patterns.yaml: unknown event type {event!r}")
    return event, mode or None


def _rules(table: dict[str, Any]) -> dict[str, tuple[Rule, ...]]:
    out = {}
    for word, spec in table.items():
        specs = spec if isinstance(spec, list) else [spec]
        out[word.lower()] = tuple(_rule(s) for s in specs)
    return out


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values if not v.endswith("_"))


def load_yaml(name: str) -> Any:
    """A data file of dossier.data, parsed with the C loader when PyYAML has one (several times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resources.files("dossier.data").joinpath(name).read_text("utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Built once and pickled under the user cache folder (keyed by the data file and this code): parsing the
    YAML costs more than the first article's events."""
    return cached("plover-lexicon", _lexicon_stamp(), Lexicon, _build_lexicon)


def _lexicon_stamp() -> str:
    digest = hashlib.sha256(resources.files("dossier.data").joinpath("plover_patterns.yaml").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def _build_lexicon() -> Lexicon:
    data = load_yaml("plover_patterns.yaml")
    return Lexicon(
        verbs=_rules(data["verbs"]),
        nouns=_rules(data["nouns"]),
        adjectives=_rules(data.get("adjectives") or {}),
        light_verbs=_words(data["light_verbs"]),
        transparent_verbs=_words(data["transparent_verbs"]),
        reporting_verbs=_words(data["reporting_verbs"]),
        content_nouns=_words(data["content_nouns"]),
        assault_modes=tuple((mode, _words(words)) for mode, words in data["assault_modes"].items()),
        content_modes=data["content_modes"],
        content_words=tuple((mode, _words(words)) for mode, words in data["content_words"].items()),
        contexts={k: tuple(v) for k, v in data.get("contexts", {}).items()},
        verb_heads=frozenset(k.lower().split()[0] for k in data["verbs"]),
        noun_heads=frozenset(w for k in data["nouns"] for w in _noun_key_heads(k.lower())),
    )


def _noun_key_heads(key: str) -> tuple[str, ...]:
    words = key.split()
    return (words[-1], words[0]) if " of " in key else (words[-1],)
