"""Positions: what each party demands, proposes, makes a condition, accepts or rejects, on which issue, when.

    find_positions(records, issues_file=None) -> list[dict]   # corpus.schema.json `positions`

Per sentence of each record, three sources of a stance, strongest first:
1. a statement's own cue ("rejected", "has been pushing for") or speech act, held by its speaker;
2. any other stance cue of data/issues.yaml in the sentence ("who had proposed", "Ukraine's calls for",
   "only if", "an ultimatum"), held by the party named nearest before it (or after: "pressure from X"), by the
   speaker where the cue stands in what a speaker said with no party before it in the quotation, or for a
   judgement ("pointless", "an ultimatum") by the speaker in any case;
3. a verbal event (REJECT, REQUEST) of the sentence whose actor holds nothing else there.
A cue's issues are the topics of its clause (up to the next cue that is not nested in it, or a clause break);
a clause that only points back ("rejected the idea") takes the previous sentence's topics.  Territory is named
by the region or place of the record's entities in the clause: "territory: Donetsk Oblast".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from dossier.corpus.issues import Cue, IssueLexicon, load_lexicon
from dossier.nlp.ruler import Gazetteer, load_gazetteer
from dossier.record import Record

MAX_QUOTED_SENTENCE = 400  # a quotation longer than this is split into sentences after all
AFTER_WINDOW = 60  # how far after "pressure from" its holder may stand
CUE_SEARCH = 120  # how far from its quotation a statement's cue may stand
SUBJECT_PRONOUN = re.compile(r"(?<!\w)(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)(?!\w)")
POSSESSIVE_BEFORE = re.compile(r"(?:its|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
COORDINATION = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
OBJECT_GAP = re.compile(r"\s*(?:[\w’'-]+\s+){0,3}")
WHICH = re.compile(r",?\s+which\b|,\s+where\b")
SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*\s+|\n\s*\n")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|St|Rep|Sen|Gov|Jan|Feb|Mar|Apr|"
                          r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|approx)\.)$")


@dataclass(frozen=True)
class Party:
    name: str
    country: str | None
    entity_id: str | None = None
    kind: str = "state"  # state | person | org


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Statement:
    quote: Span
    cue: Span | None
    cue_text: str
    act: str | None
    kind: str
    speakers: list[Party]
    speaker_name: str | None
    date: str | None
    speaker_at: int | None = None


@dataclass
class Found:
    """A stance cue located in a sentence, with its holder(s)."""

    start: int
    end: int
    stance: str
    holders: list[Party]
    holder_at: int | None  # where the holder is named, for nesting
    scope: Span | None = None  # fixed issue span (a statement's quotation)
    statement: Statement | None = None
    mode: str = "before"


@dataclass
class Position:
    doc: str
    holder: Party
    stance: str
    issue: str
    date: str | None
    evidence: str
    start: int  # the sentence's offset in the body
    cue: int
    own_words: bool = False  # the holder's own direct quotation
    counterparts: set[str] = field(default_factory=set)  # states a joint issue engages ("talks with Ukraine")

    def to_dict(self) -> dict[str, Any]:
        return {"holder": self.holder.name, "holder_country": self.holder.country, "stance": self.stance,
                "issue": self.issue, "date": self.date, "doc": self.doc, "evidence": self.evidence}


# -- the document ----------------------------------------------------------------------------------------------


def split_sentences(body: str) -> list[Span]:
    """Sentences by punctuation, never inside a quotation (unless a long one) and not after "U.S." or "Oct."."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(body):
        end = match.end()
        nxt = body[end:end + 1]
        piece = body[start:match.start() + 1]
        paragraph = "\n\n" in match.group() or "\n" in match.group().strip(" ")
        if not paragraph:
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'("):
                continue
            if ABBREVIATION.search(piece.rstrip()):
                continue
            if _inside_quote(piece) and len(piece) < MAX_QUOTED_SENTENCE:
                continue
        spans.append(_trimmed(body, start, end))
        start = end
    if start < len(body):
        spans.append(_trimmed(body, start, len(body)))
    return [s for s in spans if s.end > s.start]


def _inside_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _trimmed(body: str, start: int, end: int) -> Span:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end)


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def country_name(iso3: str) -> str:
    gaz = _gazetteer()
    entry = gaz.entry(gaz.country_ids.get(iso3, ""))
    return entry.name if entry else iso3


def _place_kind(entity: dict[str, Any]) -> str | None:
    """state, capital, place (a region, city or area), or None for what is no place."""
    if entity.get("type") not in ("GPE", "LOC"):
        return None
    gaz = _gazetteer()
    entry = gaz.entry(entity.get("id", ""))
    if entry is not None:
        return {"country": "state", "capital": "capital"}.get(entry.kind, "place")
    return "state" if entity.get("id") in set(gaz.country_ids.values()) else "place"


def party_of(entity: dict[str, Any]) -> Party | None:
    """The party an entity is, if it can hold a position: a state, a person, an organisation other than media."""
    kind, country = entity.get("type"), entity.get("country")
    if kind == "PERSON":
        return Party(entity["name"], country, entity.get("id"), "person")
    if kind == "ORG" and entity.get("sector") not in ("JRN", "MED", "EDU"):
        return Party(entity["name"], country, entity.get("id"), "org")
    if kind == "GPE" and _place_kind(entity) == "state":
        return Party(entity["name"], country, entity.get("id"), "state")
    return None


class DocView:
    """A record read for positions: its sentences, where parties and places are named, its statements."""

    def __init__(self, record: Record, lex: IssueLexicon) -> None:
        self.record, self.lex, self.body = record, lex, record.body
        self.sentences = split_sentences(self.body)
        self.sentence_starts = [s.start for s in self.sentences]
        self.by_id = {e["id"]: e for e in record.entities if e.get("id")}
        self.parties: list[tuple[int, int, Party]] = []
        self.places: list[tuple[int, int, str]] = []
        self.states: list[tuple[int, int, str]] = []  # any mention that names a state, demonyms included
        self._index_mentions()
        self.collective = self._collective()
        self.statements = [self._statement(s) for s in record.statements if s.get("quote")]
        self.published = record.published.date

    @cached_property
    def cue_matches(self) -> list[tuple[int, int, Cue]]:
        """Every cue over the whole body at once: a regex run per sentence costs more than the matching."""
        found = [(m.start(), m.end(), cue) for cue in self.lex.cues for m in cue.regex.finditer(self.body)]
        return sorted(found, key=lambda x: x[0])

    @cached_property
    def cue_starts(self) -> list[int]:
        return [m[0] for m in self.cue_matches]

    def _index_mentions(self) -> None:
        counts: Counter[str] = Counter()
        for entity in self.record.entities:
            party, place = party_of(entity), _place_kind(entity) == "place"
            for m in entity.get("mentions") or []:
                if party is not None:
                    self.parties.append((m["start"], m["end"], party))
                if place:
                    self.places.append((m["start"], m["end"], entity["name"]))
                if entity.get("country") and entity.get("type") in ("GPE", "NORP") and not place:
                    self.states.append((m["start"], m["end"], entity["country"]))
            if party is not None and party.kind == "state":
                counts[party.name] += len(entity.get("mentions") or [])
        self.parties.sort(key=lambda x: x[0])
        self.places.sort()
        self.states.sort()
        self.party_starts = [p[0] for p in self.parties]
        self.state_counts = counts

    def _collective(self) -> list[Party]:
        """The two states named most: who "both sides" are."""
        named = {p.name: p for _, _, p in self.parties if p.kind == "state"}
        return [named[n] for n, _ in self.state_counts.most_common(2) if n in named]

    def _statement(self, raw: dict[str, Any]) -> Statement:
        quote = Span(raw["quote"]["start"], raw["quote"]["end"])
        cue_text = raw.get("cue") or ""
        speaker = raw.get("speaker") or {}
        speakers = self._speakers(speaker)
        mention = speaker.get("mention") or {}
        return Statement(quote, self._locate_cue(cue_text, quote), cue_text, raw.get("act"), raw.get("kind", ""),
                         speakers, speaker.get("name"), raw.get("date"), mention.get("start"))

    def _speakers(self, speaker: dict[str, Any]) -> list[Party]:
        mention = (speaker.get("mention") or {}).get("text") or ""
        if self.lex.collective and self.lex.collective.search(mention):
            return list(self.collective)
        entity = self.by_id.get(speaker.get("entity_id") or "")
        if entity is None:
            return []
        party = party_of(entity)
        if party is None and entity.get("type") == "NORP" and entity.get("country"):
            iso3 = entity["country"]  # "Ukrainian officials": the state speaks
            party = Party(country_name(iso3), iso3, None, "state")
        return [party] if party else []

    def _locate_cue(self, cue: str, quote: Span) -> Span | None:
        if not cue:
            return None
        before = self.body.rfind(cue, max(0, quote.start - CUE_SEARCH), quote.start)
        if before >= 0:
            return Span(before, before + len(cue))
        after = self.body.find(cue, quote.end, quote.end + CUE_SEARCH)
        return Span(after, after + len(cue)) if after >= 0 else None

    # -- lookups ---------------------------------------------------------------------------------------------

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def parties_between(self, start: int, end: int) -> list[tuple[int, int, Party]]:
        lo = bisect.bisect_left(self.party_starts, start)
        hi = bisect.bisect_left(self.party_starts, end)
        return [p for p in self.parties[lo:hi] if p[1] <= end]

    def places_between(self, start: int, end: int) -> list[str]:
        names = [name for s, e, name in self.places if s >= start and e <= end]
        return list(dict.fromkeys(names))

    def states_between(self, start: int, end: int) -> set[str]:
        return {c for s, e, c in self.states if s >= start and e <= end}

    def covering(self, start: int, end: int) -> Statement | None:
        """The innermost statement whose quotation holds the span."""
        best = None
        for st in self.statements:
            if st.quote.start <= start and end <= st.quote.end and (
                    best is None or st.quote.end - st.quote.start < best.quote.end - best.quote.start):
                best = st
        return best

    def sentence_issues(self, span: Span) -> list[str]:
        return issues_of(self, span.start, span.end)


# -- issues ----------------------------------------------------------------------------------------------------


def issues_of(view: DocView, start: int, end: int) -> list[str]:
    """The issues a clause names, in order; territory by region where one is named."""
    text = view.body[start:end]
    out: list[str] = []
    for _, topic in view.lex.issues_in(text):
        out.append(topic.name)
    territory = next((t for t in view.lex.topics if t.territory), None)
    if territory is None:
        return out
    strong = territory.name in out
    weak = bool(territory.weak_regex and territory.weak_regex.search(text))
    cut = WHICH.search(text)
    regions = view.places_between(start, start + cut.start() if cut else end)
    if strong or (weak and regions):
        named = [f"{territory.name}: {r}" for r in regions]
        at = out.index(territory.name) if strong else len(out)
        out[at:at + 1] = named or [territory.name]
    return list(dict.fromkeys(out))


# -- cues ------------------------------------------------------------------------------------------------------


def _stance_of_text(lex: IssueLexicon, text: str) -> str | None:
    best = None
    for cue in lex.cues:
        match = cue.regex.search(text)
        if match and not cue.quotes and (best is None or (len(match.group()), -cue.rank) > best[0]):
            best = ((len(match.group()), -cue.rank), cue.stance)
    return best[1] if best else None


def _anchored(view: DocView, sent: Span) -> list[Found]:
    """Statements whose cue stands in the sentence: their stance, held by their speaker."""
    out = []
    for st in view.statements:
        if st.cue is None or not (sent.start <= st.cue.start < sent.end):
            continue
        stance = _stance_of_text(view.lex, st.cue_text) or view.lex.acts.get(st.act or "")
        if stance is None or view.lex.is_hypothetical(view.body, st.cue.start):
            continue
        holders = st.speakers or _first_party(view, st.quote.start, st.quote.end)
        at = st.speaker_at if st.speakers else None
        out.append(Found(st.cue.start, st.cue.end, stance, holders, at, st.quote, st, "anchored"))
    return out


def _first_party(view: DocView, start: int, end: int) -> list[Party]:
    found = view.parties_between(start, end)
    return [found[0][2]] if found else []


def _lexical(view: DocView, sent: Span, taken: list[Found]) -> list[tuple[int, int, Cue]]:
    """Cue matches in the sentence outside the statements' own cues; the longest of overlapping ones."""
    matches = []
    lo = bisect.bisect_left(view.cue_starts, sent.start)
    hi = bisect.bisect_left(view.cue_starts, sent.end)
    for start, end, cue in view.cue_matches[lo:hi]:
        if end > sent.end or (cue.quotes and view.covering(start, end) is None):
            continue
        if view.lex.is_hypothetical(view.body, start):
            continue
        matches.append((start, end, cue))
    matches.sort(key=lambda x: (-(x[1] - x[0]), x[2].rank, x[0]))
    chosen: list[tuple[int, int, Cue]] = []
    blocked = [(f.start, f.end) for f in taken]
    for start, end, cue in matches:
        if any(start < e and s < end for s, e in blocked):
            continue
        chosen.append((start, end, cue))
        blocked.append((start, end))
    return sorted(chosen, key=lambda x: x[0])


def _holders(view: DocView, sent: Span, start: int, end: int, cue: Cue,
             previous: Found | None) -> tuple[list[Party], int | None]:
    statement = view.covering(start, end)
    if cue.holder == "speaker" and statement and statement.speakers:
        return statement.speakers, None
    if cue.holder == "previous" and previous is not None:
        return previous.holders, previous.holder_at
    if cue.holder == "after":
        found = view.parties_between(end, min(sent.end, end + AFTER_WINDOW))
        if found:
            return [found[0][2]], found[0][0]
    return _holder_before(view, sent, start, statement)


def _holder_before(view: DocView, sent: Span, start: int,
                   statement: Statement | None) -> tuple[list[Party], int | None]:
    """The party named nearest before the cue; the speaker where a pronoun or the quotation's edge comes first."""
    collective = view.lex.collective
    text = view.body[sent.start:start]
    group = None
    if collective:
        group = max(collective.finditer(text), key=lambda m: m.start(), default=None)
    found = view.parties_between(sent.start, start)
    nearest = found[-1] if found else None
    if group and (nearest is None or sent.start + group.start() > nearest[0]):
        return list(view.collective), sent.start + group.start()
    possessive = POSSESSIVE_BEFORE.search(text)
    if nearest is not None and possessive:
        return _coordinated(view, found), nearest[0]
    if statement is not None and statement.speakers:
        inside = nearest is not None and nearest[0] >= statement.quote.start
        pronoun = SUBJECT_PRONOUN.search(view.body[nearest[1] if nearest else sent.start:start])
        if not inside or pronoun:
            return statement.speakers, None
    if nearest is None:
        return [], None
    pronoun = SUBJECT_PRONOUN.search(view.body[nearest[1]:start])
    if pronoun:
        return [], None
    return _coordinated(view, found), nearest[0]


def _coordinated(view: DocView, found: list[tuple[int, int, Party]]) -> list[Party]:
    """The nearest party, and those joined to it by "and" or a comma ("Washington and Ukraine support")."""
    holders = [found[-1][2]]
    for i in range(len(found) - 1, 0, -1):
        if not COORDINATION.match(view.body[found[i - 1][1]:found[i][0]]):
            break
        holders.insert(0, found[i - 1][2])
    return list(dict.fromkeys(holders))


def _cues_in(view: DocView, sent: Span) -> list[Found]:
    anchored = _anchored(view, sent)
    found = list(anchored)
    previous: Found | None = None
    for start, end, cue in _lexical(view, sent, anchored):
        previous = max((f for f in found if f.start < start), key=lambda f: f.start, default=None)
        if cue.holder == "before" and previous is not None and _object_of(view, previous, start):
            continue
        holders, at = _holders(view, sent, start, end, cue, previous)
        found.append(Found(start, end, cue.stance, holders, at, mode=cue.holder))
    return sorted(found, key=lambda f: f.start)


def _object_of(view: DocView, previous: Found, start: int) -> bool:
    """ "rejected calls for", "insists on its maximalist demands": a noun the earlier cue governs holds nothing."""
    gap = view.body[previous.end:start]
    return bool(OBJECT_GAP.fullmatch(gap)) and not view.parties_between(previous.end, start)


def _scope(view: DocView, sent: Span, cues: list[Found], i: int) -> Span:
    """From the cue to the next cue not nested in it (its holder named before this cue), or a clause break."""
    cue = cues[i]
    start = cue.start if cue.scope is None else max(cue.scope.start, sent.start)
    end = sent.end if cue.scope is None else min(cue.scope.end, sent.end)
    for later in cues[i + 1:]:
        nested = later.holder_at is not None and later.holder_at > cue.start and later.mode != "previous"
        if later.start > start and not nested:
            end = min(end, later.start)
            break
    return _cut(view, Span(start, end), cue.end - cue.start if cue.scope is None else 0)


def _cut(view: DocView, span: Span, skip: int) -> Span:
    breaker = view.lex.clause_break
    if breaker is None:
        return span
    match = breaker.search(view.body, span.start + skip, span.end)
    return Span(span.start, match.start()) if match else span


# -- positions -------------------------------------------------------------------------------------------------


class _Collector:
    def __init__(self, view: DocView, doc: str) -> None:
        self.view, self.doc = view, doc
        self.out: dict[tuple[Any, ...], Position] = {}

    def add(self, holder: Party, stance: str, issue: str, sent: Span, cue: int, date: str | None,
            own: bool) -> None:
        key = (sent.start, holder.name, stance, issue)
        if key in self.out:
            return
        view = self.view
        evidence = view.body[sent.start:sent.end]
        self.out[key] = Position(self.doc, holder, stance, issue, date, evidence, sent.start, cue, own,
                                 counterparts(view, sent.start, sent.end, holder.country))


COUNTERPART = re.compile(
    r"\bwith\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?(?P<a>[A-Z][\w.’'-]*)"
    r"|(?P<b>[A-Z][\w.’'-]*)\s+(?:counterparts?|side|delegation|negotiators|officials)\b")


def counterparts(view: DocView, start: int, end: int, holder_country: str | None) -> set[str]:
    """The states a sentence engages "with X" or as "the X counterpart": who else joint talks or exchanges bind."""
    gaz = _gazetteer()
    out = set()
    for match in COUNTERPART.finditer(view.body, start, end):
        at = match.start("a") if match["a"] else match.start("b")
        named = view.parties_between(at, at + 60)
        name = (match["a"] or match["b"]).removesuffix("’s").removesuffix("'s")
        iso3 = named[0][2].country if named and named[0][0] == at else gaz.country_of_name(name)
        if iso3 and iso3 != holder_country:
            out.add(iso3)
    return out


def _date(view: DocView, found: Found | None, sent: Span, holder: Party) -> str | None:
    statement = found.statement if found and found.statement else (
        view.covering(found.start, found.end) if found else None)
    if statement and statement.date:
        return statement.date
    for event in view.record.events:
        info = event.get("text_info") or {}
        if not (info.get("start", -1) < sent.end and sent.start < info.get("end", -1)):
            continue
        if any(a.get("country") == holder.country for a in event.get("actor") or []):
            value = (event.get("date") or {}).get("value")
            if value:
                return value
    return view.published


def _issues_for(view: DocView, sent: Span, cues: list[Found], i: int, scope: Span, previous: list[str]) -> list[str]:
    """The clause's issues; else the last sentence's where it points back; else those named just before the cue
    ("a ceasefire or a summit, two of Ukraine's main demands"); for a judgement, the sentence's."""
    found = cues[i]
    issues = issues_of(view, scope.start, scope.end)
    if issues:
        return issues
    cue_end = found.end if found.scope is None else found.scope.start
    if previous and _points_back(view, sent, max(cue_end, scope.start)):
        return previous
    before = max((c.end for c in cues[:i] if c.end <= found.start), default=sent.start)
    issues = issues_of(view, before, found.start)
    if issues or found.mode != "speaker":
        return issues
    return issues_of(view, sent.start, sent.end)


def _points_back(view: DocView, sent: Span, cue_end: int) -> bool:
    """ "rejected the idea", "dismissed it", or a sentence opening "This is ...": the issue is the last one."""
    anaphora = view.lex.anaphora
    if anaphora is None:
        return False
    after = anaphora.match(view.body, _skip(view.body, cue_end, sent.end, " \t\n"))
    return bool(after or anaphora.match(view.body, _skip(view.body, sent.start, sent.end, " \t\n“\"‘'")))


def _skip(text: str, i: int, end: int, chars: str) -> int:
    while i < end and text[i] in chars:
        i += 1
    return i


def _own_words(view: DocView, found: Found, holder: Party) -> bool:
    statement = found.statement or view.covering(found.start, found.end)
    return bool(statement and statement.kind == "direct" and holder in statement.speakers)


def _sentence_positions(view: DocView, col: _Collector, sent: Span, previous: list[str]) -> None:
    cues = [c for c in _cues_in(view, sent) if c.holders]
    for i, found in enumerate(cues):
        scope = _scope(view, sent, cues, i)
        for issue in _issues_for(view, sent, cues, i, scope, previous):
            for holder in found.holders:
                col.add(holder, found.stance, issue, sent, found.start, _date(view, found, sent, holder),
                        _own_words(view, found, holder))


def _event_positions(view: DocView, col: _Collector, doc_issues: dict[int, list[str]]) -> None:
    """Verbal events whose actor holds nothing in their sentence: the event's act is the stance."""
    held = {(p.start, p.holder.country or p.holder.name) for p in col.out.values()}
    for event in view.record.events:
        stance = view.lex.acts.get(event.get("event", ""))
        info = event.get("text_info") or {}
        if stance not in ("rejection", "demand") or event.get("status") not in (None, "occurred") or not info:
            continue
        date = (event.get("date") or {}).get("value") or view.published
        for actor in event.get("actor") or []:
            entity = view.by_id.get(actor.get("entity_id") or "")
            party = party_of(entity) if entity else None
            if party is None or entity is None:
                continue
            i = _event_sentence(view, info, entity, held, party)
            if i is None or not doc_issues.get(i):
                continue
            sent = view.sentences[i]
            held.add((sent.start, party.country or party.name))
            for issue in doc_issues[i]:
                col.add(party, stance, issue, sent, sent.start, date, False)


def _event_sentence(view: DocView, info: dict[str, Any], entity: dict[str, Any], held: set[tuple[int, str]],
                    party: Party) -> int | None:
    """The sentence of an event's evidence (which may run over two of ours) that names the actor."""
    first = view.sentence_at(info["start"])
    for i in range(first, len(view.sentences)):
        sent = view.sentences[i]
        if sent.start >= info["end"]:
            break
        if min(sent.end, info["end"]) - max(sent.start, info["start"]) < 10:
            continue
        named = [m for m in entity.get("mentions") or [] if sent.start <= m["start"] < sent.end]
        if named and (sent.start, party.country or party.name) not in held and not all(
                _in_others_words(view, m["start"], m["end"], party) for m in named):
            return i
    return None


def _in_others_words(view: DocView, start: int, end: int, party: Party) -> bool:
    """Named inside what a speaker of another state said: "Putin is not preparing for peace", says Zelensky."""
    statement = view.covering(start, end)
    return bool(statement and statement.speakers and all(s.country != party.country for s in statement.speakers))


def positions_of(record: Record, lex: IssueLexicon, view: DocView | None = None) -> list[Position]:
    view = view or DocView(record, lex)
    col = _Collector(view, record.id)
    sentence_issues: dict[int, list[str]] = {}
    previous: list[str] = []
    for i, sent in enumerate(view.sentences):
        _sentence_positions(view, col, sent, previous)
        sentence_issues[i] = view.sentence_issues(sent)
        previous = sentence_issues[i] or previous
    _event_positions(view, col, sentence_issues)
    return sorted(col.out.values(), key=lambda p: (p.start, p.cue))


def find_positions(records: Iterable[Record], issues_file: str | Path | None = None) -> list[dict[str, Any]]:
    """Corpus-schema position objects for every record, in record and text order."""
    lex = load_lexicon(issues_file)
    return [p.to_dict() for record in records for p in positions_of(record, lex)]
