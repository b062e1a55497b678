"""Within-article entity resolution: mentions clustered into canonical entities with stable ids.

Sources of mentions, in order of precedence where they overlap:
1. institutions built from the text: "Russia's defence ministry", "Trump administration", "the Kyiv regime",
   "the Russian side";
2. names from spaCy's `ner` and the gazetteer ruler (`dossier.nlp.ruler`), whose ids they keep;
3. title-only references ("the Kremlin spokesman", "the Russian president"), resolved to the person who holds
   the title: first from the article's own titles and appositions, then from the gazetteer.

People are merged on their surname ("Dmitry Peskov" ... "Peskov") and on spelling variants (rapidfuzz);
a seat of government that acts for its state ("Moscow says") is a mention of the state.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from dossier.extract.metonymy import INSTITUTIONAL, stands_for_state
from dossier.extract.titles import (
    DETERMINERS,
    LEADER_ROLES,
    POSSESSIVE,
    Lexicon,
    Title,
    after_possessor,
    describe,
    load_lexicon,
    title_before,
    title_run,
    trim_determiners,
)
from dossier.nlp.ruler import GazEntry, Gazetteer, fold, load_gazetteer, slug

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "EVENT": "EVENT", "FAC": "LOC"}
PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "la", "le", "di", "du", "abu"})
HEAD_VERBS = frozenset({"heads", "leads", "chairs", "runs", "headed", "led", "chaired", "ran", "commands"})
ORG_WORDS = frozenset({
    "university", "institute", "college", "council", "party", "agency", "foundation", "fund", "bank", "group",
    "company", "corporation", "hospital", "school", "committee", "commission", "association", "union", "airlines",
    "ministry", "service", "centre", "center", "brigade", "battalion", "regiment", "corps", "army", "forces",
})
SURNAME_MATCH = 85  # rapidfuzz ratio for two spellings of one surname ("Zelenskiy" / "Zelenskyy")
NAME_MATCH = 88  # ... and for a full name against the gazetteer's names


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity_id: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "roles": list(self.roles),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
        }


class EntityIndex:
    """The entities of one article, looked up by character offsets into `doc.text`.

    Lookups bisect mention lists sorted by offset (built on first use), so a long article with thousands of
    mentions costs a logarithmic search per lookup rather than a scan of every mention.
    """

    def __init__(self, entities: list[Entity], resolve_title: Callable[[int, int], Entity | None] | None = None):
        self.entities = entities
        self._resolve_title = resolve_title
        self._by_start: _ByStart | None = None
        self._by_end: dict[str, _ByEnd] | None = None
        self._by_id: dict[str, Entity] | None = None

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), the largest overlap winning; else a title phrase
        there ("the Kremlin spokesman") resolved to its holder."""
        if self._by_start is None:
            self._by_start = _ByStart(self.entities)
        found = self._by_start.best_overlap(start, end)
        if found is None and self._resolve_title is not None:
            return self._resolve_title(start, end)
        return found

    def before(self, pos: int, types: tuple[str, ...] = ("PERSON",)) -> Entity | None:
        """The entity of one of `types` mentioned most recently before `pos` (its mention ends by `pos`)."""
        if self._by_end is None:
            self._by_end = _ends_by_type(self.entities)
        best: tuple[int, int, Entity] | None = None
        for kind in dict.fromkeys(types):
            ends = self._by_end.get(kind)
            hit = ends.last_by(pos) if ends is not None else None
            if hit is not None and (best is None or hit[:2] > best[:2]):
                best = hit
        return best[2] if best else None

    def get(self, entity_id: str) -> Entity | None:
        if self._by_id is None:
            self._by_id = {}
            for e in self.entities:
                self._by_id.setdefault(e.id, e)
        return self._by_id.get(entity_id)

    def to_records(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.entities]


class _ByStart:
    """Every mention sorted by start, for overlap queries; `order` is the position in entity/mention order."""

    def __init__(self, entities: list[Entity]) -> None:
        rows = [(m.start, m.end, order, e) for order, (e, m) in enumerate(_mentions(entities))]
        rows.sort(key=lambda r: (r[0], r[2]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def best_overlap(self, start: int, end: int) -> Entity | None:
        """Largest overlap, then the shorter mention, then the earlier in entity/mention order."""
        best: tuple[int, int, int] | None = None
        found = None
        lo = bisect.bisect_right(self.starts, start - self.longest)
        for m_start, m_end, order, entity in self.rows[lo:bisect.bisect_left(self.starts, end)]:
            overlap = min(end, m_end) - max(start, m_start)
            key = (overlap, m_start - m_end, -order)
            if overlap > 0 and (best is None or key > best):
                best, found = key, entity
        return found


class _ByEnd:
    """The mentions of one entity type sorted by end; among equal ends the earliest in entity order last."""

    def __init__(self, rows: list[tuple[int, int, Entity]]) -> None:
        self.rows = sorted(rows, key=lambda r: (r[0], r[1]))
        self.ends = [r[0] for r in self.rows]

    def last_by(self, pos: int) -> tuple[int, int, Entity] | None:
        i = bisect.bisect_right(self.ends, pos)
        return self.rows[i - 1] if i else None


def _mentions(entities: list[Entity]) -> Iterable[tuple[Entity, Mention]]:
    return ((e, m) for e in entities for m in e.mentions)


def _ends_by_type(entities: list[Entity]) -> dict[str, _ByEnd]:
    """Per entity type: (end, -order, entity) rows, so the greatest row by `pos` is the latest, earliest-listed."""
    rows: dict[str, list[tuple[int, int, Entity]]] = {}
    for order, (entity, m) in enumerate(_mentions(entities)):
        rows.setdefault(entity.type, []).append((m.end, -order, entity))
    return {kind: _ByEnd(r) for kind, r in rows.items()}


def find_entities(doc: Doc) -> EntityIndex:
    """Cluster the article's mentions into entities (see the module docstring)."""
    return _Resolver(doc).run()


@dataclass
class _Cand:
    """A mention before clustering."""

    span: Span
    label: str
    entity_id: str | None = None
    priority: int = 1
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class _Group:
    """One entity while it is being built."""

    id: str
    label: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    entry: GazEntry | None = None
    spans: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)

    def role_keys(self, lex: Lexicon) -> set[str]:
        keys = {t.key for t in self.titles}
        if self.entry is not None:
            keys.update(lex.normalise(role) for role in self.entry.roles)
        return keys

    def add_role(self, text: str) -> None:
        text = " ".join(text.split())
        if text and text.lower() not in {r.lower() for r in self.roles}:
            self.roles.append(text)


class _Resolver:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.gaz: Gazetteer = load_gazetteer()
        self.lex: Lexicon = load_lexicon()
        self.groups: dict[str, _Group] = {}
        self.used: set[int] = set()  # tokens inside a mention or a role
        self.people = _PersonSpans()  # the spans of person groups, indexed for `_same_person`
        self._built: list[Entity] = []

    # -- the run ----------------------------------------------------------------------------------------------

    def run(self) -> EntityIndex:
        cands = _without_overlaps(self._institutions() + self._derived() + self._named())
        _fix_people(cands, self.lex)
        for cand in cands:
            self.used.update(range(cand.span.start, cand.span.end))
        people = [c for c in cands if c.label == "PERSON"]
        for cand in cands:
            if cand.label != "PERSON":
                self._add(cand, cand.entity_id or f"{cand.label.lower()}:{slug(cand.name or cand.span.text)}")
        self._cluster_people(people)
        self._collect_roles(people)
        self._title_references()
        return EntityIndex(self._entities(), self._title_at)

    # -- mentions ---------------------------------------------------------------------------------------------

    def _named(self) -> list[_Cand]:
        out = []
        for ent in self.doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            cand = self._named_cand(ent, label)
            if cand is not None:
                out.append(cand)
        return out

    def _named_cand(self, ent: Span, label: str) -> _Cand | None:
        entry = self.gaz.entry(ent.kb_id_) if ent.kb_id_ else None
        span = _strip(ent, keep_article=bool(entry and entry.name.startswith("The ")))
        if span is None or "\n" in span.text:
            return None
        if entry is None and span.text in self.gaz.demonyms:
            entry = self.gaz.lookup(span.text)
            label = "NORP"
            if entry is None:
                return None
        if entry is None:
            entry = self._known(span, label)
            if entry is None and len(span) == 1 and span[0].pos_ not in ("PROPN", "ADJ" if label == "NORP" else ""):
                return None  # "Region", "Released": a capitalised word, not a name
        if entry is None and _joined_names(span, self.gaz):
            return None
        if entry is None and label == "PERSON" and span[-1].lower_ in ORG_WORDS:
            label = "ORG"  # "George Washington University"
        if entry is None and label == "PERSON":
            span = self._clean_person(span)
            if span is None:
                return None
        if entry is None:
            return _Cand(span, label)
        if entry.id in self.gaz.seats and stands_for_state(span):
            return _Cand(span, "GPE", self.gaz.country_ids.get(self.gaz.seats[entry.id], entry.id))
        return _Cand(span, entry.label, entry.id)

    def _known(self, span: Span, label: str) -> GazEntry | None:
        """The gazetteer entry for a name `ner` found where the ruler did not ("Kursk-for-Donbas", "ISTANBUL")."""
        text = span.text.title() if span.text.isupper() and len(span.text) > 4 else span.text
        entry = self.gaz.lookup(text)
        if entry is None or entry.context:
            return None
        places = ("GPE", "LOC")
        same = entry.label == label or (entry.label in places and label in places)
        return entry if same else None

    def _clean_person(self, span: Span) -> Span | None:
        """Titles off the front ("President Putin"); no name begins with "Another" or holds "European"."""
        doc = span.doc
        start = span.start
        while start < span.end and (self.lex.is_title_word(doc[start]) or doc[start].text in self.gaz.demonyms):
            start += 1
        span = doc[start:span.end]
        if not len(span) or span[0].is_stop:
            return None
        for token in span:
            if token.text in self.gaz.demonyms or any(c.isdigit() for c in token.text):
                return None
            if token.is_lower and token.lower_ not in PARTICLES and token.text not in ("-", "'"):
                return None
        return span

    def _institutions(self) -> list[_Cand]:
        """Ministries named by kind and country: "Russia's defense ministry", "the Ministry of Defence of Ukraine"."""
        out = []
        for i in _indices(self.doc, ("ministry",)):
            if self.doc[i].ent_kb_id_:
                continue  # a gazetteer institution ("Gaza's health ministry")
            cand = self._ministry_before(i) or self._ministry_after(i)
            if cand is not None:
                out.append(cand)
        return out

    def _ministry_before(self, i: int) -> _Cand | None:
        doc = self.doc
        for width in (2, 1):
            if i - width < 0:
                continue
            words = doc[i - width:i]
            kind = self.lex.ministries.get(words.text.lower())
            if kind is not None:
                start, country = self._qualifier_before(i - width)
                return self._ministry(doc[start:i + 1], kind, country)
        return None

    def _ministry_after(self, i: int) -> _Cand | None:
        doc = self.doc
        if i + 2 > len(doc) or doc[i + 1].lower_ != "of":
            return None
        for width in (2, 1):
            words = doc[i + 2:i + 2 + width]
            kind = self.lex.ministries.get(words.text.lower()) if len(words) == width else None
            if kind is None:
                continue
            start, country = self._qualifier_before(i)
            end = i + 2 + width
            if country is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                after = doc[end + 1] if doc[end + 1].lower_ != "the" else doc[min(end + 2, len(doc) - 1)]
                country = self._country_of(after)
                if country is not None:
                    end = after.i + 1
            return self._ministry(doc[start:end], kind, country)
        return None

    def _qualifier_before(self, i: int) -> tuple[int, str | None]:
        """Where a country qualifier before token `i` starts ("Russia 's", "Russian"), and its ISO3."""
        doc = self.doc
        if i >= 2 and doc[i - 1].text in POSSESSIVE:
            country = self._country_of(doc[i - 2])
            if country is not None:
                return _ent_start(doc[i - 2]), country
        if i >= 1:
            country = self._country_of(doc[i - 1])
            if country is not None:
                return _ent_start(doc[i - 1]), country
        return i, None

    def _country_of(self, token: Any) -> str | None:
        entry = self.gaz.entry(token.ent_kb_id_) if token.ent_kb_id_ else None
        if entry is not None and entry.kind in ("country", "capital", "norp", "region"):
            return entry.country
        return self.gaz.country_of_name(token.text)

    def _ministry(self, span: Span, kind: tuple[str, str], country: str | None) -> _Cand:
        canonical, sector = kind
        span = trim_determiners(span)
        if country is None:
            # "the defence ministry" after "Russia's defence ministry" is the same one
            earlier = [g for g in self.groups.values() if g.name and g.name.endswith(canonical)]
            if earlier:
                return _Cand(span, "ORG", earlier[-1].id, priority=3)
            name = canonical
        else:
            name = f"{_adjective(self.gaz, country)} {canonical}"
        return _Cand(span, "ORG", f"org:{slug(name)}", priority=3, name=name, country=country, sector=sector)

    def _derived(self) -> list[_Cand]:
        """ "Trump administration" (ORG), "the Kyiv regime" and "the Russian side" (the state)."""
        out = []
        for ent in self.doc.ents:
            nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
            if nxt is None or nxt.lower_ not in INSTITUTIONAL:
                continue
            cand = self._derived_one(ent, nxt.i)
            if cand is not None:
                out.append(cand)
        return out

    def _derived_one(self, ent: Span, noun: int) -> _Cand | None:
        span = self.doc[ent.start:noun + 1]
        entry = self.gaz.entry(ent.kb_id_) if ent.kb_id_ else None
        word = self.doc[noun].lower_
        if ent.label_ == "PERSON" and word == "administration":
            surname = ent.text.split()[-1].removesuffix("'s").removesuffix("’s")
            name = f"{surname} administration"
            return _Cand(span, "ORG", f"org:{slug(name)}", 3, name, entry.country if entry else None, "GOV")
        if entry is not None and entry.kind in ("capital", "country", "norp") and entry.country:
            state = self.gaz.country_ids.get(entry.country)
            if state is not None and (word != "side" or entry.kind == "norp"):
                return _Cand(span, "GPE", state, 3)
        return None

    # -- clustering -------------------------------------------------------------------------------------------

    def _add(self, cand: _Cand, entity_id: str) -> _Group:
        group = self.groups.get(entity_id)
        if group is None:
            entry = self.gaz.entry(entity_id)
            group = _Group(id=entity_id, label=entry.label if entry else cand.label, entry=entry)
            group.name = entry.name if entry else cand.name
            group.country = entry.country if entry else cand.country
            group.sector = entry.sector if entry else cand.sector
            self.groups[entity_id] = group
            self.people.order[entity_id] = len(self.groups)
        if group.label == "PERSON":
            self.people.add(cand.span, entity_id, len(group.spans))
        group.spans.append(cand.span)
        return group

    def _cluster_people(self, people: list[_Cand]) -> None:
        for cand in people:
            if cand.entity_id is None and len(cand.span) > 1:
                cand.entity_id = self._gazetteer_person(cand.span.text)
        known = [c for c in people if c.entity_id]
        full = [c for c in people if not c.entity_id and len(c.span) > 1]
        single = [c for c in people if not c.entity_id and len(c.span) == 1]
        for cand in known:
            self._add(cand, cand.entity_id or "")
        for cand in full:
            self._add(cand, self._same_person(cand) or f"person:{slug(cand.span.text)}")
        for cand in single:
            self._add(cand, self._same_person(cand) or f"person:{slug(cand.span.text)}")

    def _same_person(self, cand: _Cand) -> str | None:
        """The person group this name belongs to: same surname, compatible first names; the nearest earlier one."""
        return self.people.nearest(cand.span.text.split(), cand.span.start)

    def _gazetteer_person(self, text: str) -> str | None:
        """A spelling of a gazetteer person's full name that the alias list lacks ("Volodimir Zelenskij")."""
        return _gazetteer_person(self.gaz, text)

    # -- roles and title-only references ----------------------------------------------------------------------

    def _collect_roles(self, people: list[_Cand]) -> None:
        by_span = {(s.start, s.end): g for g in self.groups.values() if g.label == "PERSON" for s in g.spans}
        for cand in people:
            group = by_span.get((cand.span.start, cand.span.end))
            if group is None:
                continue
            before = title_before(self.doc, cand.span.start, self.gaz, self.lex)
            for part in _split_titles(before, self.lex) if before is not None else []:
                self._give_role(group, part)
            self._appositive_roles(group, cand.span)
            self._title_in_apposition(group, cand.span)

    def _give_role(self, group: _Group, span: Span, text: str | None = None) -> None:
        self.used.update(range(span.start, span.end))
        title = describe(span, self.gaz, self.lex)
        group.add_role(text or span.text)
        if title is None:
            return
        group.titles.append(title)
        group.country = group.country or title.country
        group.sector = group.sector or title.sector

    def _appositive_roles(self, group: _Group, span: Span) -> None:
        doc = self.doc
        comma = span.end
        if comma >= len(doc) or doc[comma].text != ",":
            return
        if comma + 2 < len(doc) and doc[comma + 1].lower_ == "who" and doc[comma + 2].lower_ in HEAD_VERBS:
            chunk = _chunk(doc, comma + 3)
            if chunk is not None:
                self._give_role(group, chunk, f"head of {chunk.text}")
            return
        chunk = _chunk(doc, comma + 1)
        if chunk is None or len(chunk) > 12 or any(t.pos_ in ("VERB", "AUX") for t in chunk):
            return
        chunk = trim_determiners(after_possessor(chunk))
        if len(chunk) and self.lex.is_head(_last_word(chunk)) and chunk[0].ent_type_ != "PERSON":
            self._give_role(group, chunk)

    def _title_in_apposition(self, group: _Group, span: Span) -> None:
        """ "The US secretary of state, Marco Rubio, ...": the name is in apposition to a title before it."""
        root = span.root
        head = root.head
        if root.dep_ != "appos" or head.i >= span.start or not self.lex.is_head(head) or head.i in self.used:
            return
        comma = span.start - 1
        if comma <= head.i or self.doc[comma].text != ",":
            return
        chunk = trim_determiners(self.doc[head.left_edge.i:comma])
        if len(chunk) and len(chunk) <= 8 and not any(t.ent_type_ == "PERSON" for t in chunk):
            self._give_role(group, chunk)

    def _title_references(self) -> None:
        for i in _indices(self.doc, self.lex.heads):
            if i in self.used:
                continue
            found = self._title_phrase(i)
            if found is None:
                continue
            span, title = found
            group = self._holder(title, span.start_char)
            if group is not None:
                group.spans.append(span)
                group.add_role(span.text)
                self.used.update(range(span.start, span.end))

    def _title_phrase(self, i: int) -> tuple[Span, Title] | None:
        """A title standing alone for a person: "the Kremlin spokesman", "Ukraine's president"."""
        doc = self.doc
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and (self.lex.is_head(nxt) or nxt.ent_type_ == "PERSON" or (nxt.is_title and nxt.is_alpha
                                and self.lex.is_title_word(nxt))):
            return None  # part of a longer title, or the title of a name that follows
        span = title_run(doc, i + 1, self.gaz, self.lex)
        if span is None:
            return None
        title = describe(span, self.gaz, self.lex)
        if title is None:
            return None
        qualified = title.country is not None or any(t.ent_type_ == "ORG" for t in span)
        left = doc[span.start - 1] if span.start > 0 else None
        if not qualified and (left is None or left.lower_ != "the"):
            return None
        return span, title

    def _holder(self, title: Title, pos: int) -> _Group | None:
        """Who holds `title` at character `pos`: someone in the article first, else the gazetteer's holder."""
        keys = set(LEADER_ROLES) if title.key == "leader" else {title.key}
        candidates = [
            g for g in self.groups.values()
            if g.label == "PERSON" and keys & g.role_keys(self.lex) and _same_country(g.country, title.country)
        ]
        if candidates:
            return _nearest(candidates, pos)
        if title.key in self.lex.unresolvable or title.key.startswith("former"):
            return None
        qualified = title.country is not None or any(t.ent_type_ == "ORG" for t in title.span)
        holders = _role_holders(self.gaz, self.lex).get((title.key, title.country), []) if qualified else []
        if len(holders) != 1:
            return None
        entry = self.gaz.entries[holders[0]]
        group = self.groups.get(entry.id)
        if group is None:
            group = _Group(id=entry.id, label=entry.label, name=entry.name, country=entry.country,
                           sector=entry.sector, entry=entry)
            self.groups[entry.id] = group
        return group

    def _title_at(self, start: int, end: int) -> Entity | None:
        """EntityIndex.at for a span that is no mention: a title phrase there, resolved."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        heads = [t for t in span if self.lex.is_head(t)]
        if not heads:
            return None
        found_span = title_run(self.doc, heads[-1].i + 1, self.gaz, self.lex)
        title = describe(found_span, self.gaz, self.lex) if found_span is not None else None
        if title is None:
            return None
        group = self._holder(title, start)
        if group is None:
            return None
        return next((e for e in self._built if e.id == group.id), None)

    # -- output -----------------------------------------------------------------------------------------------

    def _entities(self) -> list[Entity]:
        out = [self._entity(g) for g in self.groups.values() if g.spans]
        out.sort(key=lambda e: e.mentions[0].start)
        self._built = out
        return out

    def _entity(self, group: _Group) -> Entity:
        spans = sorted(group.spans, key=lambda s: s.start)
        name = group.name or _best_name(group.label, spans)
        entity = Entity(id=group.id, name=name, type=group.label, country=group.country, sector=group.sector,
                        roles=list(group.roles))
        entity.mentions = [Mention(s.start_char, s.end_char, s.text, group.id) for s in spans]
        return entity


# -- helpers ----------------------------------------------------------------------------------------------------


def _indices(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of `words`, without making a Token per token."""
    wanted = np.array([get_string_id(w) for w in words], dtype=np.uint64)
    return np.flatnonzero(np.isin(doc.to_array(LOWER), wanted)).tolist()


def _strip(span: Span, keep_article: bool = False) -> Span | None:
    """Without a trailing possessive or punctuation, or a leading article."""
    doc = span.doc
    start, end = span.start, span.end
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while not keep_article and start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    return doc[start:end] if end > start else None


def _fix_people(cands: list[_Cand], lex: Lexicon) -> None:
    """What the small model half-misses: "Andrii Kovalenko" tagged ORG "Kovalenko" after a PERSON "Kovalenko"."""
    surnames = {_name_key(c.span[-1].text) for c in cands if c.label == "PERSON"}
    for cand in cands:
        loose = cand.entity_id is None and cand.label in ("ORG", "GPE", "LOC")
        if loose and all(t.is_title for t in cand.span) and _name_key(cand.span[-1].text) in surnames:
            cand.label = "PERSON"
        if cand.label == "PERSON" and cand.entity_id is None and cand.span.start > 0:
            first = cand.span.doc[cand.span.start - 1]
            if first.pos_ == "PROPN" and first.is_title and not first.ent_type_ and not lex.is_title_word(first):
                cand.span = cand.span.doc[first.i:cand.span.end]


def _joined_names(span: Span, gaz: Gazetteer) -> bool:
    """ "U.S.-Russia" (relations): two names glued by a hyphen are neither one entity."""
    parts = span.text.split("-")
    return len(parts) > 1 and all(gaz.lookup(p) is not None for p in parts)


def _without_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Higher priority, then longer, wins a token claimed twice."""
    taken: set[int] = set()
    kept = []
    for cand in sorted(cands, key=lambda c: (-c.priority, -len(c.span), c.span.start)):
        tokens = set(range(cand.span.start, cand.span.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(cand)
    return sorted(kept, key=lambda c: c.span.start)


def _split_titles(span: Span, lex: Lexicon) -> list[Span]:
    """ "Kremlin adviser and chief peace negotiator" -> two roles; "Ministry of Defence and X" stays whole."""
    doc = span.doc
    cuts = [t.i for t in span if t.lower_ in ("and", "&")]
    parts, start = [], span.start
    for cut in [*cuts, span.end]:
        parts.append(doc[start:cut])
        start = cut + 1
    if len(parts) > 1 and all(len(p) and lex.is_head(p[-1]) for p in parts):
        return parts
    return [span]


def _ent_start(token: Any) -> int:
    doc = token.doc
    i = token.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _adjective(gaz: Gazetteer, country: str) -> str:
    """ "RUS" -> "Russian", for names like "Russian Ministry of Defence"."""
    for adjective, iso3 in gaz.demonyms.items():
        if iso3 == country and not adjective.isupper() and "." not in adjective:
            return adjective
    entry = gaz.entry(gaz.country_ids.get(country, ""))
    return entry.name if entry else country


def _chunk(doc: Doc, start: int) -> Span | None:
    """Tokens from `start` to the next comma, semicolon or sentence end (exclusive)."""
    end = start
    while end < len(doc) and doc[end].text not in (",", ";", ".", "(", ")", "—", "–") and not (
        end > start and doc[end].is_sent_start
    ):
        end += 1
    return doc[start:end] if end > start else None


def _last_word(span: Span) -> Any:
    """The head of a title chunk: the last word before "of ..." ("head of Moscow's delegation" -> head)."""
    for token in span:
        if token.lower_ == "of":
            return span.doc[token.i - 1] if token.i > span.start else token
    return span[-1]


@lru_cache(maxsize=1 << 16)
def _name_key(word: str) -> str:
    """A surname folded for spelling variants: "Zelenskyy", "Zelenskiy", "Zelensky" -> "zelensky"."""
    key = "".join(c for c in fold(word).lower() if c.isalpha())
    for ending in ("yy", "iy", "yi", "ij", "ii"):
        if key.endswith(ending):
            return key[: -len(ending)] + "y"
    return key


def _same_name(words: list[str], other: list[str], threshold: int = SURNAME_MATCH) -> bool:
    """Same surname (spelling variants allowed) and first names that do not disagree."""
    if not words or not other:
        return False
    if not _same_surname(_name_key(words[-1]), _name_key(other[-1]), threshold):
        return False
    if len(words) == 1 or len(other) == 1:
        return True
    return _same_first(_name_key(words[0]), _name_key(other[0]), threshold)


@lru_cache(maxsize=1 << 16)
def _same_surname(a: str, b: str, threshold: int) -> bool:
    """Two surname keys: equal, or long enough and close enough to be spellings of one name."""
    if len(a) < 3 or len(b) < 3 or a[0] != b[0]:
        return False
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= threshold)


@lru_cache(maxsize=1 << 16)
def _same_first(a: str, b: str, threshold: int) -> bool:
    """Two first-name keys that do not disagree: same initial, and an initial alone or a close spelling."""
    return a[:1] == b[:1] and (len(a) == 1 or len(b) == 1 or fuzz.ratio(a, b) >= threshold - 10)


class _PersonSpans:
    """The spans of person groups by surname key and first-name key, each list sorted by token start.

    `nearest` gives what a scan of every span with `_same_name` would, in time that grows with the number of
    distinct surnames sharing an initial rather than with the number of spans: within one (surname, first name)
    form only the nearest span before and the nearest from the candidate on can rank best.
    """

    def __init__(self) -> None:
        self.order: dict[str, int] = {}  # group id -> creation order among all groups
        self.surnames: dict[str, list[str]] = {}  # initial -> surname keys
        self.forms: dict[str, dict[str | None, list[tuple[int, int, int, str]]]] = {}

    def add(self, span: Span, group_id: str, position: int) -> None:
        words = span.text.split()
        if not words:
            return
        surname = _name_key(words[-1])
        if len(surname) < 3:
            return  # `_same_name` never matches it
        if surname not in self.forms:
            self.forms[surname] = {}
            self.surnames.setdefault(surname[0], []).append(surname)
        first = _name_key(words[0]) if len(words) > 1 else None
        row = (span.start, self.order.get(group_id, 0), position, group_id)
        bisect.insort(self.forms[surname].setdefault(first, []), row)

    def nearest(self, words: list[str], start: int) -> str | None:
        """The group whose matching span ranks best: nearest before `start`, else nearest after (as before)."""
        if not words:
            return None
        surname = _name_key(words[-1])
        first = _name_key(words[0]) if len(words) > 1 else None
        best: tuple[int, int, int, str] | None = None
        for other in self.surnames.get(surname[:1], []):
            if not _same_surname(surname, other, SURNAME_MATCH):
                continue
            for other_first, rows in self.forms[other].items():
                if first is not None and other_first is not None and not _same_first(first, other_first,
                                                                                     SURNAME_MATCH):
                    continue
                for row in _neighbours(rows, start):
                    ranked = (_rank(start - row[0]), row[1], row[2], row[3])
                    if best is None or ranked < best:
                        best = ranked
        return best[3] if best else None


def _neighbours(rows: list[tuple[int, int, int, str]], start: int) -> list[tuple[int, int, int, str]]:
    """The last row starting before `start` and the first starting at or after it."""
    i = bisect.bisect_left(rows, (start,))
    return rows[max(i - 1, 0):i + 1]


def _rank(distance: int) -> int:
    """Earlier spans by distance; later ones (distance <= 0) after 10,000 tokens, nearest first."""
    return distance if distance > 0 else 10_000 - distance


@lru_cache(maxsize=1 << 14)
def _gazetteer_person(gaz: Gazetteer, text: str) -> str | None:
    """The first gazetteer person (in gazetteer order) one of whose full names `_same_name` matches `text`."""
    words = text.split()
    if not words:
        return None
    for entry_id, name in _person_forms(gaz).get(_name_key(words[-1])[:1], []):
        if _same_name(words, name, NAME_MATCH):
            return entry_id
    return None


@lru_cache(maxsize=4)
def _person_forms(gaz: Gazetteer) -> dict[str, list[tuple[str, list[str]]]]:
    """`_person_names` by the initial of each name's surname key, in gazetteer order."""
    forms: dict[str, list[tuple[str, list[str]]]] = {}
    for entry_id, names in _person_names(gaz).items():
        for name in names:
            key = _name_key(name[-1])
            if len(key) >= 3:
                forms.setdefault(key[0], []).append((entry_id, name))
    return forms


def _same_country(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _nearest(groups: list[_Group], pos: int) -> _Group:
    """The group mentioned last before `pos`, else the first one mentioned after it."""

    def rank(group: _Group) -> tuple[int, int]:
        before = [s.end_char for s in group.spans if s.end_char <= pos]
        if before:
            return 0, -max(before)
        return 1, min((s.start_char for s in group.spans), default=1 << 30)

    return min(groups, key=rank)


def _best_name(label: str, spans: list[Span]) -> str:
    texts = [s.text for s in spans]
    if label == "PERSON":
        return max(texts, key=lambda t: (len(t.split()), len(t)))
    return max(texts, key=lambda t: (texts.count(t), len(t)))


@lru_cache(maxsize=4)
def _person_names(gaz: Gazetteer) -> dict[str, list[list[str]]]:
    """Gazetteer people and the multi-word forms of their names."""
    names: dict[str, list[list[str]]] = {}
    for surface, entry_id in gaz.surfaces.items():
        if entry_id.startswith("person:") and " " in surface:
            names.setdefault(entry_id, []).append(surface.split())
    return names


@lru_cache(maxsize=4)
def _role_holders(gaz: Gazetteer, lex: Lexicon) -> dict[tuple[str, str | None], list[str]]:
    """(role key, country) -> gazetteer people holding it; keys naming an institution also under country None."""
    holders: dict[tuple[str, str | None], list[str]] = {}
    for entry in gaz.entries.values():
        if entry.label != "PERSON":
            continue
        for role in map(lex.normalise, entry.roles):
            holders.setdefault((role, entry.country), []).append(entry.id)
            if entry.country is not None and role.split()[0] in ("kremlin", "white", "pentagon", "un", "nato", "eu"):
                holders.setdefault((role, None), []).append(entry.id)
    return holders
