"""Contradictions: pairs of statements or reports that cannot both stand, or show a party changing course.

    find_contradictions(records, positions, incidents, issues_file=None) -> list[dict]   # corpus.schema.json

Only clear conflicts are flagged, each with both evidence sentences and the reason:
- position-change / claim-vs-claim: one state (its government or its people) accepts or proposes something and
  rejects it, on the same issue (a region, or one that holds it: Donetsk Oblast within Donbas); for talks and
  exchanges, arranging them *with* a state engages that state too.  Positions are grouped by state and issue and
  sorted by date, so only the flips between consecutive runs are paired;
- claim-vs-claim: "a deal is close" against the same state's rejection of, or condition on, a part of the
  settlement (ceasefire, compromise, terms) said within a fortnight;
- claim-vs-action: "a deal is close" against a later report, in another article, that talks came no closer; a
  party's "we hit military targets" against the report of civilian damage from the same strikes;
- claim-vs-claim: an accusation against a state for an act, against the report that the state denies the act or
  has not claimed it;
- source-disagreement: the stated age of a war (the third anniversary on 24 February; "now in its third year" in
  June) that cannot all hold; and every disagreement the incident stage flagged (two death tolls), with the
  evidence of two members that differ.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from dossier.corpus.issues import IssueLexicon, load_lexicon, region_key
from dossier.corpus.positions import DocView, Party, Span, counterparts, country_name
from dossier.record import Record

POSITIVE, NEGATIVE = frozenset({"acceptance", "proposal"}), frozenset({"rejection"})
HARD_LINE = frozenset({"rejection", "condition"})
PAIRS_PER_FLIP = 3  # later positions paired with the run they reverse
HARD_LINES_PER_CLAIM = 4
CLAIM_WINDOW = timedelta(days=14)
REPORT_WINDOW = timedelta(days=400)
ACCUSATION_WINDOW = timedelta(days=31)
ACCUSATIONS_PER_DENIAL = 3
NEAREST = 50  # items looked at on each side of a date: a busy fortnight stays cheap
YEAR = 365.25
WORD = re.compile(r"[a-z][a-z-]{3,}")
STOP = frozenset({
    "that", "this", "with", "from", "have", "were", "been", "their", "they", "which", "what", "when", "would",
    "said", "says", "into", "over", "also", "after", "before", "against", "about", "series", "some", "other",
    "than", "then", "them", "there", "these", "those", "while", "being", "carrying", "accused", "blamed",
    "responsibility", "claimed", "separate", "same", "such",
})
ORDINALS = {w: i for i, w in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
), start=1)}
CARDINALS = {w: i for i, w in enumerate((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
), start=1)}


# -- dates -----------------------------------------------------------------------------------------------------


def date_range(value: str | None) -> tuple[date, date] | None:
    """The days a TIMEX3 date value covers: 2025-06-04, 2025-06, 2025, 2025-W24."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(m[1]), int(m[2]), 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _midpoint(value: str | None) -> date | None:
    span = date_range(value)
    return span[0] + (span[1] - span[0]) / 2 if span else None


def _years_before(day: date, years: float) -> date:
    """The same calendar day `years` years earlier (29 February falls back to the 28th), half years in days."""
    whole = int(years)
    try:
        earlier = day.replace(year=day.year - whole)
    except ValueError:
        earlier = day.replace(year=day.year - whole, day=28)
    return earlier - timedelta(days=round((years - whole) * YEAR))


# -- the material ----------------------------------------------------------------------------------------------


@dataclass
class Item:
    """A position, claim or report located in its document."""

    doc: str
    evidence: str
    start: int
    speaker: str | None
    country: str | None
    date: str | None
    order: int  # document order, then text order: breaks date ties
    stance: str = ""
    issue: str = ""
    own_words: bool = False
    direct: bool = False
    sources: frozenset[str] = frozenset()  # who is quoted in the sentence
    engages: frozenset[str] = frozenset()  # for joint issues: the other states named ("talks with Ukraine")

    def side(self) -> dict[str, Any]:
        return {"doc": self.doc, "evidence": self.evidence, "speaker": self.speaker}

    def when(self) -> tuple[date, int]:
        return (_midpoint(self.date) or date.max, self.order)


class Corpus:
    def __init__(self, records: list[Record], lex: IssueLexicon) -> None:
        self.lex = lex
        self.records = {r.id: r for r in records}
        self.rank = {r.id: i for i, r in enumerate(records)}
        self._views: dict[str, DocView] = {}

    def view(self, doc: str) -> DocView | None:
        if doc not in self._views and doc in self.records:
            self._views[doc] = DocView(self.records[doc], self.lex)
        return self._views.get(doc)

    def order(self, doc: str, start: int) -> int:
        return self.rank.get(doc, len(self.rank)) * 10_000_000 + max(start, 0)

    def item(self, view: DocView, sent: Span, parties: list[Party], when: str | None) -> Item:
        party = parties[0] if parties else None
        doc = view.record.id
        return Item(doc, view.body[sent.start:sent.end], sent.start, party.name if party else None,
                    party.country if party else None, when or view.published, self.order(doc, sent.start))


def _speaking(view: DocView, start: int, end: int) -> tuple[list[Party], str | None, bool]:
    """Who says the words at start..end (the statement's speaker, else the party named before), when, directly?"""
    statement = view.covering(start, end)
    if statement is not None and statement.speakers:
        return statement.speakers, statement.date, statement.kind == "direct"
    sent = view.sentences[view.sentence_at(start)]
    found = view.parties_between(sent.start, start)
    return ([found[-1][2]] if found else []), None, False


def _contradiction(a: Item, b: Item, reason: str, kind: str) -> dict[str, Any]:
    return {"a": a.side(), "b": b.side(), "reason": reason, "kind": kind}


# -- position changes ------------------------------------------------------------------------------------------


def _position_items(corpus: Corpus, positions: list[dict[str, Any]]) -> list[Item]:
    out = []
    for p in positions:
        view = corpus.view(p.get("doc", ""))
        start = view.body.find(p["evidence"]) if view else -1
        own, direct, sources, engages = False, False, frozenset(), frozenset()
        if view is not None and start >= 0:
            end = start + len(p["evidence"])
            said = [st for st in view.statements if start <= st.quote.start < end]
            direct = any(st.kind == "direct" for st in said)
            own = any(st.kind == "direct" and any(s.name == p["holder"] for s in st.speakers) for st in said)
            sources = frozenset(st.speaker_name or "" for st in said)
            engages = frozenset(counterparts(view, start, end, p.get("holder_country")))
        out.append(Item(p["doc"], p["evidence"], start, p["holder"], p.get("holder_country"), p.get("date"),
                        corpus.order(p["doc"], start), p["stance"], p["issue"], own, direct, sources, engages))
    return out


def _issue_group(issue: str) -> str | None:
    """Positions on one issue: a territory by its widest named area; unnamed territory is too vague to pair."""
    head, _, region = issue.partition(": ")
    if head == "territory":
        return f"territory: {region_key(region)}" if region else None
    return issue


def _groups(corpus: Corpus, items: list[Item]) -> dict[tuple[str, str], list[Item]]:
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:
        if item.stance not in POSITIVE | NEGATIVE:
            continue
        issue = _issue_group(item.issue)
        if issue is None:
            continue
        groups[(item.country or item.speaker or "", issue)].append(item)
        topic = corpus.lex.topic(issue)
        if topic is not None and topic.joint and item.stance in POSITIVE:
            for state in item.engages:
                groups[(state, issue)].append(item)  # arranging talks with a state engages it
    return groups


def _runs(items: list[Item]) -> list[list[Item]]:
    runs: list[list[Item]] = []
    for item in sorted(items, key=Item.when):
        positive = item.stance in POSITIVE
        if runs and (runs[-1][0].stance in POSITIVE) == positive:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _representative(run: list[Item], state: str) -> Item | None:
    """The clearest of a run held by the state itself: its own quoted words first, then the latest."""
    own = [i for i in run if i.country == state or (not i.country and i.speaker == state)]
    return max(own, key=lambda i: (i.own_words, i.direct, i.when())) if own else None


def position_changes(corpus: Corpus, items: list[Item]) -> list[dict[str, Any]]:
    out = []
    for (state, issue), members in _groups(corpus, items).items():
        runs = _runs(members)
        for before, after in pairwise(runs):
            rep = _representative(before, state)
            if rep is None:
                continue
            seen: set[str] = set()
            for later in after:
                if later.evidence in seen or len(seen) >= PAIRS_PER_FLIP or not _conflict(corpus, rep, later):
                    continue
                seen.add(later.evidence)
                kind = "claim-vs-claim" if rep.date == later.date and rep.doc == later.doc else "position-change"
                reason = (f"{_name(rep)} {_verb(rep.stance)} {issue} ({rep.date or 'undated'}); "
                          f"{_name(later)} {_verb(later.stance)} it ({later.date or 'undated'})")
                if later.country != state and rep.country == state:
                    reason += f", with {country_name(state)} as the other side"
                out.append(_contradiction(rep, later, reason, kind))
    return out


def _conflict(corpus: Corpus, a: Item, b: Item) -> bool:
    """Opposite stances that truly meet: not one article's account of one speaker's day twice over, and for
    joint issues not talks with different partners (talks with Ukraine, a summit with the U.S.)."""
    if a.evidence == b.evidence:
        return False
    if a.doc == b.doc and a.date == b.date and a.sources & b.sources:
        return False
    topic = corpus.lex.topic(_issue_group(a.issue) or "")
    return not (topic and topic.joint and a.engages and b.engages and not a.engages & b.engages)


def _name(item: Item) -> str:
    return item.speaker or item.country or "a party"


def _verb(stance: str) -> str:
    return {"acceptance": "accepted", "proposal": "proposed", "rejection": "rejected"}.get(stance, stance)


# -- "a deal is close" -----------------------------------------------------------------------------------------


def _claims(corpus: Corpus, kind: str) -> list[tuple[Item, bool]]:
    """Sentences making a claim of `kind`, with who makes it; the flag says whether it is attributed."""
    out = []
    for doc in corpus.records:
        view = corpus.view(doc)
        assert view is not None
        for sent in view.sentences:
            match = corpus.lex.claim(kind, view.body[sent.start:sent.end])
            if match is None:
                continue
            at = sent.start + match.start()
            speakers, when, _ = _speaking(view, at, sent.start + match.end())
            attributed = view.covering(at, sent.start + match.end()) is not None
            out.append((corpus.item(view, sent, speakers, when), attributed))
    return out


def progress_conflicts(corpus: Corpus, items: list[Item]) -> list[dict[str, Any]]:
    out = []
    progress = [item for item, attributed in _claims(corpus, "progress") if attributed and item.country]
    peace = {t.name for t in corpus.lex.topics if t.peace}
    hard = [i for i in items if i.stance in HARD_LINE and i.issue.partition(": ")[0] in peace and i.country]
    index = _DatedIndex(hard)
    for claim in progress:
        near = index.near(claim, CLAIM_WINDOW)
        near.sort(key=lambda h: (abs((h.when()[0] - claim.when()[0]).days), abs(h.start - claim.start)))
        seen: set[str] = set()
        for line in near:
            if line.evidence in seen or line.evidence == claim.evidence:
                continue
            seen.add(line.evidence)
            reason = (f"{_name(claim)} says a settlement is near, while {_name(line)} "
                      f"{_verb(line.stance) if line.stance != 'condition' else 'sets a condition on'} {line.issue}")
            out.append(_contradiction(claim, line, reason, "claim-vs-claim"))
            if len(seen) >= HARD_LINES_PER_CLAIM:
                break
    out.extend(_no_progress(corpus, progress))
    return out


class _DatedIndex:
    """Items by state, each list sorted by date, and by (state, document): a window is a bisect, not a scan."""

    def __init__(self, items: list[Item]) -> None:
        self.by_state: dict[str, list[Item]] = defaultdict(list)
        self.by_doc: dict[tuple[str, str], list[Item]] = defaultdict(list)
        for item in sorted(items, key=Item.when):
            self.by_state[item.country or ""].append(item)
            self.by_doc[(item.country or "", item.doc)].append(item)
        self.days = {state: [i.when()[0] for i in found] for state, found in self.by_state.items()}

    def near(self, claim: Item, window: timedelta) -> list[Item]:
        """The state's items in the claim's document or dated within `window` of it."""
        state, day = claim.country or "", claim.when()[0]
        found = {id(i): i for i in self.by_doc.get((state, claim.doc), [])}
        if day != date.max:
            days = self.days.get(state, [])
            at = bisect_left(days, day)
            lo = max(bisect_left(days, day - window), at - NEAREST)
            hi = min(bisect_right(days, day + window), at + NEAREST)
            found.update((id(i), i) for i in self.by_state[state][lo:hi])
        return list(found.values())


def _no_progress(corpus: Corpus, progress: list[Item]) -> list[dict[str, Any]]:
    """A later article reporting no progress, against the latest earlier "deal is close" claim."""
    out = []
    claims = sorted((c for c in progress if c.when()[0] != date.max), key=Item.when)
    days = [c.when()[0] for c in claims]
    for report, _ in _claims(corpus, "no_progress"):
        day = report.when()[0]
        if day == date.max:
            continue
        i = bisect_left(days, day) - 1
        while i >= 0 and claims[i].doc == report.doc:
            i -= 1  # another article's claim
        if i < 0 or day - days[i] > REPORT_WINDOW:
            continue
        claim = claims[i]
        reason = f"{_name(claim)} said a settlement was near ({claim.date}); a later report ({report.date}) finds none"
        out.append(_contradiction(claim, report, reason, "claim-vs-action"))
    return out


# -- military targets, civilian damage -------------------------------------------------------------------------


def _assault_sentences(view: DocView) -> tuple[set[int], set[str]]:
    """Sentences holding an attack, and the states that attack in the record."""
    sentences, attackers = set(), set()
    for event in view.record.events:
        if event.get("event") != "ASSAULT" or not event.get("text_info"):
            continue
        info = event["text_info"]
        sentences.add(view.sentence_at(info["start"] + (info["end"] - info["start"]) // 2))
        attackers |= {a.get("country") for a in event.get("actor") or [] if a.get("country")}
    return sentences, attackers


def target_conflicts(corpus: Corpus) -> list[dict[str, Any]]:
    out = []
    for doc in corpus.records:
        view = corpus.view(doc)
        assert view is not None
        assaults, attackers = _assault_sentences(view)
        harm = [i for i in sorted(assaults) if _civilian_report(corpus, view, view.sentences[i])]
        for st in view.statements:
            text = view.body[st.quote.start:st.quote.end]
            country = next((p.country for p in st.speakers if p.country), None)
            if not harm or country not in attackers or corpus.lex.claim("military_target", text) is None:
                continue
            sent = view.sentences[view.sentence_at(st.quote.start)]
            nearest = min(harm, key=lambda i: abs(view.sentences[i].start - sent.start))
            report = corpus.item(view, view.sentences[nearest], [], None)
            claim = corpus.item(view, sent, st.speakers, st.date)
            reason = f"{_name(claim)} says the strike hit military targets; the report describes civilian damage"
            out.append(_contradiction(report, claim, reason, "claim-vs-action"))
    return out


def _civilian_report(corpus: Corpus, view: DocView, sent: Span) -> bool:
    """Civilian damage told by the article itself, not by a speaker."""
    match = corpus.lex.claim("civilian_harm", view.body[sent.start:sent.end])
    return match is not None and view.covering(sent.start + match.start(), sent.start + match.end()) is None


# -- accusations and denials -----------------------------------------------------------------------------------


def _content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def accusation_conflicts(corpus: Corpus) -> list[dict[str, Any]]:
    accusations, words = _accusations(corpus)
    index = _DatedIndex(accusations)
    out = []
    for denial, states in _denials(corpus):
        denied = _content_words(denial.evidence)
        for state in states:
            near = index.near(replace(denial, country=state), ACCUSATION_WINDOW)
            matching = [a for a in near if len(words[id(a)] & denied) >= 2 and a.evidence != denial.evidence]
            matching.sort(key=lambda a: (a.doc != denial.doc, abs((a.when()[0] - denial.when()[0]).days)))
            name = country_name(state)
            for accusation in matching[:ACCUSATIONS_PER_DENIAL]:
                reason = f"{_name(accusation)} blames {name} for it; the report says {name} denies or has not owned it"
                out.append(_contradiction(accusation, denial, reason, "claim-vs-claim"))
    return out


def _accusations(corpus: Corpus) -> tuple[list[Item], dict[int, set[str]]]:
    """ACCUSE statements, each as an item of the accused state, with the words of what it is accused of."""
    items, words = [], {}
    for doc in corpus.records:
        view = corpus.view(doc)
        assert view is not None
        for st in view.statements:
            target = view.parties_between(st.quote.start, st.quote.end) if st.act == "ACCUSE" else []
            if not st.speakers or not target or not target[0][2].country:
                continue
            sent = view.sentences[view.sentence_at(st.quote.start)]
            item = replace(corpus.item(view, sent, st.speakers, st.date), country=target[0][2].country)
            items.append(item)
            words[id(item)] = _content_words(view.body[target[0][1]:st.quote.end])
    return items, words


def _denials(corpus: Corpus) -> list[tuple[Item, set[str]]]:
    """Sentences saying a party denies an act or has not claimed it, with every state that may be that party."""
    out = []
    for doc in corpus.records:
        view = corpus.view(doc)
        assert view is not None
        for sent in view.sentences:
            match = corpus.lex.claim("denial", view.body[sent.start:sent.end])
            if match is None:
                continue
            at = sent.start + match.start()
            states = {p.country for _, _, p in view.parties_between(sent.start, at) if p.country}
            statement = view.covering(at, sent.start + match.end())
            if statement is not None:
                states |= {p.country for p in statement.speakers if p.country}
            out.append((corpus.item(view, sent, [], statement.date if statement else None), states))
    return out


# -- the age of a war ------------------------------------------------------------------------------------------


@dataclass
class WarAge:
    item: Item
    subject: str
    lo: date  # when the war began, by this sentence
    hi: date
    said: str


def _number(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    if word in CARDINALS:
        return CARDINALS[word]
    digits = re.match(r"(\d+)(?:st|nd|rd|th)?$", word)
    return int(digits[1]) if digits else None


def _war_ages(corpus: Corpus) -> list[WarAge]:
    out = []
    for doc in corpus.records:
        view = corpus.view(doc)
        assert view is not None
        for sent in view.sentences:
            text = view.body[sent.start:sent.end]
            for form, regex in corpus.lex.war_forms.items():
                for match in regex.finditer(text):
                    age = _war_age(corpus, view, sent, form, match)
                    if age is not None:
                        out.append(age)
    return out


def _war_age(corpus: Corpus, view: DocView, sent: Span, form: str, match: re.Match[str]) -> WarAge | None:
    n = _number(match["n"])
    subject = next((k for k, r in corpus.lex.war_subjects.items() if r.fullmatch(match["subject"].lower())), None)
    if n is None or subject is None:
        return None
    speakers, said, _ = _speaking(view, sent.start + match.start(), sent.start + match.end())
    when = date_range(said) or date_range(view.published)
    if form == "anniversary":
        day = _timex_after(view, sent.start + match.end(), sent.end)
        if day is None:
            return None
        lo = hi = _years_before(day, n)
    elif when is None:
        return None
    else:
        lo, hi = _interval(form, n, when)
    item = corpus.item(view, sent, speakers, said)
    return WarAge(item, subject, lo, hi, match.group())


def _interval(form: str, n: int, when: tuple[date, date]) -> tuple[date, date]:
    """When a war began, if at `when` it is in its n-th year, n years old, nearly or more than n years old."""
    early, late = when
    if form == "in_year":
        return _years_before(early, n) + timedelta(days=1), _years_before(late, n - 1)
    if form == "nearly":
        return _years_before(early, n), _years_before(late, n - 0.5)
    if form == "more_than":
        return _years_before(early, n + 1), _years_before(late, n)
    return _years_before(early, n + 1), _years_before(late, n - 0.5)  # "a three-year war": 2.5 to 4 years


def _timex_after(view: DocView, start: int, end: int) -> date | None:
    for timex in view.record.timexes:
        if start <= timex.get("start", -1) < end:
            span = date_range(timex.get("value"))
            if span and span[0] == span[1]:
                return span[0]
    return None


def war_age_conflicts(corpus: Corpus) -> list[dict[str, Any]]:
    """Each account of when a war began that cannot hold beside the most precise one."""
    out = []
    by_subject: dict[str, list[WarAge]] = defaultdict(list)
    for age in _war_ages(corpus):
        by_subject[age.subject].append(age)
    for subject, ages in by_subject.items():
        anchor = min(ages, key=lambda a: (a.hi - a.lo, a.item.order))
        for age in ages:
            if age.hi < anchor.lo or anchor.hi < age.lo:
                kind = "source-disagreement" if age.item.doc != anchor.item.doc else "claim-vs-claim"
                reason = (f"the {subject} began {_span(anchor)} by '{anchor.said}', but {_span(age)} by "
                          f"'{age.said}'")
                out.append(_contradiction(anchor.item, age.item, reason, kind))
    return out


def _span(age: WarAge) -> str:
    return f"on {age.lo}" if age.lo == age.hi else f"between {age.lo} and {age.hi}"


# -- incidents -------------------------------------------------------------------------------------------------


def _member_value(corpus: Corpus, member: dict[str, Any], fld: str) -> Any:
    record = corpus.records.get(member.get("doc", ""))
    event = next((e for e in record.events if e.get("id") == member.get("event_id")), None) if record else None
    if event is None:
        return None
    if fld in (event.get("size") or {}):
        return event["size"][fld]
    if fld == "date":
        return (event.get("date") or {}).get("value")
    if fld in ("place", "location"):
        loc = event.get("event_loc") or {}
        return loc.get("resolved_place") or loc.get("extracted_place")
    return event.get(fld)


def incident_conflicts(corpus: Corpus, incidents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two members that differ on each field the incident stage flagged."""
    out = []
    for incident in incidents:
        members = incident.get("members") or []
        for disagreement in incident.get("disagreements") or []:
            fld, values = disagreement.get("field", ""), disagreement.get("values") or []
            pair = _differing(corpus, members, fld, values)
            if pair is None:
                continue
            (a, va), (b, vb) = pair
            reason = f"sources differ on the {fld} of {incident.get('event', 'the incident')}: {va} vs {vb}"
            out.append({"a": _member_side(corpus, a), "b": _member_side(corpus, b), "reason": reason,
                        "kind": "source-disagreement"})
    return out


def _differing(corpus: Corpus, members: list[dict[str, Any]], fld: str,
               values: list[Any]) -> tuple[tuple[dict[str, Any], Any], tuple[dict[str, Any], Any]] | None:
    """The first two members whose values of `fld` differ: from the records, else from their evidence text."""
    seen: list[tuple[dict[str, Any], Any]] = []
    for member in members:
        value = _member_value(corpus, member, fld)
        if value is None:
            value = next((v for v in values if str(v) in member.get("evidence", "")), None)
        if value is None:
            continue
        for other, other_value in seen:
            if (other_value != value and other.get("doc") != member.get("doc")) or (
                    other_value != value and other.get("evidence") != member.get("evidence")):
                return (other, other_value), (member, value)
        seen.append((member, value))
    return None


def _member_side(corpus: Corpus, member: dict[str, Any]) -> dict[str, Any]:
    record = corpus.records.get(member.get("doc", ""))
    return {"doc": member.get("doc"), "evidence": member.get("evidence", ""),
            "speaker": record.outlet if record else None}


# -- all -------------------------------------------------------------------------------------------------------


def find_contradictions(records: list[Record], positions: list[dict[str, Any]], incidents: list[dict[str, Any]],
                        issues_file: str | Path | None = None) -> list[dict[str, Any]]:
    """Corpus-schema contradiction objects, each pair once."""
    lex = load_lexicon(issues_file)
    corpus = Corpus(records, lex)
    items = _position_items(corpus, positions)
    found = [
        *position_changes(corpus, items),
        *progress_conflicts(corpus, items),
        *target_conflicts(corpus),
        *accusation_conflicts(corpus),
        *war_age_conflicts(corpus),
        *incident_conflicts(corpus, incidents),
    ]
    out, seen = [], set()
    for c in found:
        key = frozenset({(c["a"]["doc"], c["a"]["evidence"]), (c["b"]["doc"], c["b"]["evidence"])})
        if key not in seen and len(key) == 2:
            seen.add(key)
            out.append(c)
    return out
