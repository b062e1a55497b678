"""The story day by day: incidents ranked by salience, with the statements of the day.

`build_timeline` gives every day that has a dated incident or statement, oldest first, its items
ranked by salience, filtered by date range, actor or place.  `summarize_days` picks the K most
salient days and, for each, the N most central sentences: a timeline summary.

A day's salience is mostly date-reference counting, the "datewise" signal of timeline summarisation
(Tran et al. 2013; Ghalandari & Ifrim 2020): how many documents name the day in their text (a day
many reports look back to mattered), each weighed by where the day lies from the document's
publication -- a later report looking back counts fully, the document's own publication day ("today",
"on Monday") and a day ahead (a plan, which may not happen) count less, and a day long past
(a birth, a founding) fades with a half-life of two years; copies of one article (one duplicate
group) count once.  Then, less, how many documents were published on the day, and the salience of
its most salient incident or statement (the most, not the sum, so that one long article with many
events does not outweigh many short reports).  A day's sentences are chosen by centrality: among
the sentences that report its incidents or name the day, those closest to the centroid of all of
them (TF-IDF cosine), skipping near-repeats of a sentence already chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dossier.corpus.incidents import content_words, dice, listing_day

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
STATEMENT_SALIENCE = 0.5  # a dated statement, before the bonuses below
REFERENCE_WEIGHT = 1.0  # per document naming the day (see `day_evidence`), times one of:
PAST_REFERENCE = 1.0  # ... a document published after the day, looking back at it
OWN_DAY_REFERENCE = 0.5  # ... a document naming its own publication day ("today", "on Monday")
AHEAD_REFERENCE = 0.5  # ... a document published before the day, looking ahead to it (a plan)
REFERENCE_HALF_LIFE = 730.0  # days: a reference to a day this long before (or after) publication counts half
PUBLISHED_WEIGHT = 0.5  # per document published on the day
INCIDENT_WEIGHT = 0.1  # per unit of salience of the day's most salient incident or statement
REPEAT = 0.6  # a sentence this similar (Dice) to one already chosen is a repeat
SUMMARY_WORDS = (5, 40)  # a summary sentence's length in words, when the day has such sentences


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    place: str | None = None

    def day_ok(self, day: str) -> bool:
        return (not self.since or day >= self.since) and (not self.until or day[: len(self.until)] <= self.until)


def incident_item(incident: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "incident", "ref": incident["id"], "summary": incident_summary(incident),
            "salience": incident.get("salience", incident.get("base_salience", 0.0))}


def incident_summary(incident: dict[str, Any]) -> str:
    head = incident["event"] + (f"/{incident['mode']}" if incident.get("mode") else "")
    who = ", ".join(incident.get("actor") or []) or "?"
    whom = ", ".join(incident.get("recipient") or [])
    where = f" @ {incident['place']}" if incident.get("place") else ""
    outlets = incident.get("outlets", 0)
    text = incident.get("summary") or (incident["members"][0]["evidence"] if incident.get("members") else "")
    return f"{head} {who}{' → ' + whom if whom else ''}{where} ({outlets} outlet{'s' if outlets != 1 else ''}): {text}"


def statement_item(st: dict[str, Any]) -> dict[str, Any]:
    speaker = st.get("speaker_name") or st.get("speaker_mention") or "(unattributed)"
    score = STATEMENT_SALIENCE + (0.25 if st.get("date_source") == "text" else 0.0)
    score += 0.25 if st.get("act") not in (None, "CLAIM") else 0.0
    return {"kind": "statement", "ref": f"{st['doc_id']}/{st['id']}", "summary": f"{speaker}: {st['quote']}",
            "salience": round(score, 3)}


def build_timeline(
    incidents: list[dict[str, Any]], statements: list[dict[str, Any]], filters: Filters | None = None
) -> list[dict[str, Any]]:
    """Days with their incidents and statements, oldest first; items by salience, highest first."""
    filters = filters or Filters()
    days: dict[str, list[dict[str, Any]]] = {}
    for inc in incidents:
        day = listing_day(inc.get("date"))
        if day and filters.day_ok(day) and _incident_matches(inc, filters):
            days.setdefault(day, []).append(incident_item(inc))
    for st in statements:
        day = listing_day(st.get("date"))
        if day and filters.day_ok(day) and _statement_matches(st, filters):
            days.setdefault(day, []).append(statement_item(st))
    return [{"date": day, "items": sorted(items, key=lambda i: (-i["salience"], i["ref"]))}
            for day, items in sorted(days.items())]


def _incident_matches(inc: dict[str, Any], filters: Filters) -> bool:
    if filters.actor and not _any_contains([*inc.get("actor", []), *inc.get("recipient", [])], filters.actor):
        return False
    return not filters.place or _any_contains([inc.get("place") or ""], filters.place)


def _statement_matches(st: dict[str, Any], filters: Filters) -> bool:
    if filters.actor and not _any_contains([st.get("speaker_name") or "", st.get("speaker_id") or "",
                                            st.get("speaker_mention") or ""], filters.actor):
        return False
    return not filters.place or filters.place.lower() in (st.get("quote") or "").lower()


def _any_contains(values: Iterable[str], needle: str) -> bool:
    needle = needle.lower()
    return any(needle in v.lower() for v in values if v)


# -- timeline summaries ------------------------------------------------------------------------
@dataclass
class DayEvidence:
    """What the corpus says about one day."""

    day: str
    items: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # sentences that report or name the day
    references: dict[str, float] = field(default_factory=dict)  # duplicate group naming or reporting it -> weight
    published: int = 0

    def salience(self) -> float:
        refs = REFERENCE_WEIGHT * sum(self.references.values())
        top = max((i["salience"] for i in self.items), default=0.0)
        return refs + PUBLISHED_WEIGHT * self.published + INCIDENT_WEIGHT * top

    def refer(self, group: str, weight: float) -> None:
        """A document (of duplicate group `group`) names or reports the day; a group's strongest reference counts."""
        self.references[group] = max(weight, self.references.get(group, 0.0))


def reference_weight(day: str, published: str | None) -> float:
    """How much a document published on `published` naming `day` says the day mattered: looking back counts
    more than looking ahead or naming its own day, and less the longer ago the day was."""
    when, pub = _date(day), _date(published)
    if when is None or pub is None:
        return PAST_REFERENCE
    gap = (pub - when).days
    if gap == 0:
        return OWN_DAY_REFERENCE
    side = PAST_REFERENCE if gap > 0 else AHEAD_REFERENCE
    return side * 0.5 ** (abs(gap) / REFERENCE_HALF_LIFE)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and DAY.match(value) else None
    except ValueError:
        return None


class _Docs:
    """Duplicate group and publication day of each document, for weighing its references."""

    def __init__(self, docs: dict[str, dict[str, Any]] | None) -> None:
        self.docs = docs or {}

    def refer(self, ev: DayEvidence, doc_id: str) -> None:
        info = self.docs.get(doc_id) or {}
        ev.refer(info.get("dup_group") or doc_id, reference_weight(ev.day, info.get("published")))


def day_evidence(
    timeline: list[dict[str, Any]],
    incidents: list[dict[str, Any]],
    mentions: Iterable[tuple[str, str, int, str]],
    published: dict[str, int],
    filters: Filters | None = None,
    docs: dict[str, dict[str, Any]] | None = None,
) -> dict[str, DayEvidence]:
    """Gather, per day: its timeline items, the sentences reporting or naming it, the documents doing so.

    A document references a day when it names it in its text; under an actor or place filter, which text
    mentions cannot follow, when it reports a matching incident or statement of the day (items are dated
    less surely than mentions: an event's date may be its document's).  `docs` (document id ->
    {"published", "dup_group"}, as `store.corpus.doc_infos` gives) weighs each reference by the
    document's publication date (`reference_weight`) and counts copies of one article once; without it
    every referencing document counts fully."""
    filters = filters or Filters()
    known = _Docs(docs)
    narrowed = bool(filters.actor or filters.place)
    days: dict[str, DayEvidence] = {}
    by_id = {i["id"]: i for i in incidents}
    for entry in timeline:
        ev = days.setdefault(entry["date"], DayEvidence(entry["date"]))
        ev.items = entry["items"]
        for item in entry["items"]:
            inc = by_id.get(item["ref"])
            if inc:
                ev.sentences += [m["evidence"] for m in inc["members"]]
            for doc_id in _item_docs(item, inc) if narrowed else []:
                known.refer(ev, doc_id)
    if not narrowed:
        for doc_id, day, _start, sentence in mentions:
            if filters.day_ok(day):
                ev = days.setdefault(day, DayEvidence(day))
                ev.sentences.append(sentence)
                known.refer(ev, doc_id)
        for day, count in published.items():
            if filters.day_ok(day):
                days.setdefault(day, DayEvidence(day)).published = count
    return days


def _item_docs(item: dict[str, Any], incident: dict[str, Any] | None) -> list[str]:
    """The documents behind a timeline item: an incident's member documents, a statement's document."""
    if incident is not None:
        return [m["doc"] for m in incident["members"] if m.get("doc")]
    if item["kind"] == "statement":
        return [item["ref"].rsplit("/", 1)[0]]
    return []


def summarize_days(days: dict[str, DayEvidence], k: int, per_day: int = 2) -> list[dict[str, Any]]:
    """The `k` most salient days, oldest first, each with its `per_day` most central sentences."""
    ranked = sorted(days.values(), key=lambda d: (-d.salience(), d.day))[:k]
    idf = _idf([s for d in ranked for s in set(d.sentences)])
    return [{"date": d.day, "sentences": central_sentences(d.sentences, idf, per_day)}
            for d in sorted(ranked, key=lambda d: d.day)]


def _idf(sentences: list[str]) -> dict[str, float]:
    df = Counter(w for s in sentences for w in content_words(s))
    n = max(len(sentences), 1)
    return {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}


def central_sentences(sentences: list[str], idf: dict[str, float], n: int) -> list[str]:
    """The `n` sentences closest to the centroid of all of them, without near-repeats."""
    unique = list(dict.fromkeys(s.strip() for s in sentences if s and s.strip()))
    unique = [s for s in unique if _summary_like(s)] or unique
    vectors = [_vector(s, idf) for s in unique]
    centroid: Counter[str] = Counter()
    for v in vectors:
        centroid.update(v)
    scored = sorted(range(len(unique)), key=lambda i: (-_cosine(vectors[i], centroid), i))
    chosen: list[str] = []
    for i in scored:
        words = content_words(unique[i])
        if all(dice(words, content_words(c)) < REPEAT for c in chosen):
            chosen.append(unique[i])
        if len(chosen) == n:
            break
    return chosen


def _summary_like(sentence: str) -> bool:
    """A sentence fit for a summary: one block of text (no line break: a caption or list glued to it) of
    ordinary length."""
    return "\n" not in sentence and SUMMARY_WORDS[0] <= len(sentence.split()) <= SUMMARY_WORDS[1]


def _vector(sentence: str, idf: dict[str, float]) -> dict[str, float]:
    return {w: idf.get(w, 1.0) for w in content_words(sentence)}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
