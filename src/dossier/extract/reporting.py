"""The reporting-cue lexicon (data/reporting_verbs.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

SPEECH = "speech"


@dataclass(frozen=True)
class CueEntry:
    key: str  # lemma, or "lemma particle"
    act: str
    cls: str = SPEECH
    takes: frozenset[str] = frozenset()
    prep_acts: dict[str, str] = field(default_factory=dict)
    core: bool = False  # any noun may be its subject
    narrow: bool = False  # never widened: "continued" reports speech only with a quotation or a that-clause

    def widened(self) -> CueEntry:
        """Broad attribution: any cue may take a noun-phrase object or a to-/-ing complement."""
        if self.narrow:
            return self
        return replace(self, takes=self.takes | {"object", "infinitive"})

    def allows(self, broad: bool) -> bool:
        return broad or self.cls == SPEECH


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, CueEntry]
    according_act: str
    nouns: frozenset[str]
    evidence_nouns: frozenset[str]
    pronouns: frozenset[str]
    media: frozenset[str]

    def entry_for(self, verb: Token) -> CueEntry | None:
        """The cue entry for a verb token, preferring its phrasal form ("point out") when it has a particle."""
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if child.dep_ == "prt":
                phrasal = self.verbs.get(f"{lemma} {child.lower_}")
                if phrasal:
                    return phrasal
        return self.verbs.get(lemma)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("dossier").joinpath("data", "reporting_verbs.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    core = _words(raw["core"])
    verbs = {key: _entry(key, spec, key in core) for key, spec in raw["verbs"].items()}
    return Lexicon(
        verbs=verbs,
        according_act=raw["according_to"]["act"],
        nouns=_words(raw["nouns"]),
        evidence_nouns=_words(raw["evidence_nouns"]),
        pronouns=_words(raw["pronouns"]),
        media=_words(raw["media"]),
    )


def _entry(key: str, spec: dict, core: bool) -> CueEntry:
    words = [*(spec.get("takes") or ()), *(spec.get("prep_acts") or {})]
    if not all(isinstance(w, str) for w in words):  # YAML reads a bare `on` as true
        raise ValueError(f"reporting_verbs.yaml: quote the prepositions of {key!r}: {words}")
    return CueEntry(
        key=key,
        core=core,
        act=spec["act"],
        cls=spec.get("class", SPEECH),
        takes=frozenset(spec.get("takes") or ()),
        prep_acts=dict(spec.get("prep_acts") or {}),
        narrow=bool(spec.get("narrow", False)),
    )


def _words(items: list) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items)
