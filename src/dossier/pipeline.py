"""The per-article pipeline: a list of named stages run over a batch of articles.

Each stage has one job and is registered by name with `@stage`; `DEFAULT_STAGES` is the order
`dossier extract` and `dossier ingest` run.  A stage receives the whole batch so that the
spaCy parse can use `nlp.pipe`; most stages just loop.  Per-article work is a pure function of
the article and the resources, so batches can run in any process (or on Ray, see `scale/`).

Related-article teasers that cleaning found outside an article's main text (`Cleaned.related`) become
articles of their own once their host has run: the same stages, on the teaser paragraph as is, bounded
in time by the host's publication day and linked to the host by `Record.related_to`.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from spacy.tokens import Doc

from dossier.clean import clean_article
from dossier.extract.entities import EntityIndex, find_entities
from dossier.extract.events import find_events
from dossier.extract.statements import find_statements
from dossier.nlp import load_nlp
from dossier.read.errors import Failure
from dossier.record import Article, Cleaned, Published, Record, body_hash
from dossier.time.dating import Dating
from dossier.time.pubdate import infer_published
from dossier.time.timex import Timex, tag_timexes


@dataclass
class ArticleState:
    """One article on its way through the stages."""

    article: Article
    raw: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    repeated: frozenset[str] = frozenset()
    cleaned: Cleaned | None = None
    doc: Doc | None = None
    record: Record | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: EntityIndex | None = None
    dating: Dating | None = None
    failure: Failure | None = None
    host: ArticleState | None = None  # set on a related-article teaser: the article it was found on
    broad: bool = False  # statements: also beliefs and evidence ("X believes", "the poll shows"), not speech only

    def fail(self, message: str) -> None:
        self.failure = Failure(self.article.origin, message)


Stage = Callable[[list[ArticleState]], None]
STAGES: dict[str, Stage] = {}
DEFAULT_STAGES: tuple[str, ...] = ("clean", "record", "time", "parse", "sentences", "entities", "statements", "events")


def stage(name: str) -> Callable[[Stage], Stage]:
    def register(func: Stage) -> Stage:
        STAGES[name] = func
        return func

    return register


NO_TEXT = "no article text found"
STAGE_SECONDS: Counter[str] = Counter()  # wall time spent in each stage by this process, for `benchmarks/speed.py`


def run(states: list[ArticleState], stages: Iterable[str] = DEFAULT_STAGES) -> list[ArticleState]:
    for name in stages:
        live = [s for s in states if s.failure is None]
        if live:
            started = time.perf_counter()
            _run_stage(name, live)
            STAGE_SECONDS[name] += time.perf_counter() - started
    return states


def _run_stage(name: str, states: list[ArticleState]) -> None:
    """A bug that one article trips must fail that article, with its name, not the batch: on an error the
    stage runs again article by article (stages only set fields, so a rerun is harmless)."""
    try:
        STAGES[name](states)
    except Exception as err:
        if len(states) == 1:
            states[0].fail(f"internal error in the {name} stage: {type(err).__name__}: {err}")
            return
        for state in states:
            _run_stage(name, [state])


@stage("clean")
def clean_stage(states: list[ArticleState]) -> None:
    for state in states:
        try:
            cleaned = clean_article(state.article, raw=state.raw, repeated=state.repeated, now=state.now)
        except Exception as err:  # a cleaner bug must not stop the batch; report it on its file
            state.fail(f"could not clean: {type(err).__name__}: {err}")
            continue
        if not cleaned.body.strip():
            state.fail(NO_TEXT)
            continue
        state.cleaned = cleaned


@stage("record")
def record_stage(states: list[ArticleState]) -> None:
    for state in states:
        assert state.cleaned is not None
        state.record = build_record(state.article, state.cleaned)


@stage("time")
def time_stage(states: list[ArticleState]) -> None:
    """Publication date from the text when nothing gave one; every timex normalised against it."""
    for state in states:
        record = state.record
        assert record is not None
        if not record.published.date:
            record.published = infer_published(
                _dating_text(record), not_after=state.article.not_after, crawled=state.article.crawled
            )
        anchor = anchor_date(record.published)
        host_day = _host_day(state) if anchor is None else None
        timexes = _teaser_timexes(record.body, host_day) if host_day else tag_timexes(record.body, anchor)
        record.timexes = [t.to_dict() for t in timexes]


def _host_day(state: ArticleState) -> date | None:
    """For a teaser: its host's day-precise publication date, if any."""
    host = state.host
    return anchor_date(host.record.published) if host is not None and host.record is not None else None


_YEARLESS = re.compile(r"^XXXX-\d{2}(?:-\d{2})?$")


def _teaser_timexes(body: str, host_day: date) -> list[Timex]:
    """A teaser's timexes when its own publication day is unknown.  A date named without its year ("on March 3")
    takes the year the host's day gives it (the teaser was printed on or before that day); relative expressions
    ("on Tuesday", "yesterday") count from the teaser's own unknown day, so they stay unresolved."""
    anchored = {(t.start, t.end): t for t in tag_timexes(body, host_day)}
    return [anchored.get((t.start, t.end), t) if _YEARLESS.match(t.value) else t for t in tag_timexes(body, None)]


def _dating_text(record: Record) -> str:
    """The body, plus its photo captions: they are the outlet's words and often carry the full date."""
    captions = [r.text for r in record.removed if "caption" in r.reason]
    return "\n\n".join([record.body, *captions])


def anchor_date(published: Published) -> date | None:
    """The day relative expressions count from; only a day-precise publication date can anchor them."""
    if published.precision != "day" or not published.date:
        return None
    try:
        return date.fromisoformat(published.date[:10])
    except ValueError:
        return None


@stage("parse")
def parse_stage(states: list[ArticleState]) -> None:
    nlp = load_nlp()
    bodies = [s.record.body if s.record else "" for s in states]
    for state, doc in zip(states, nlp.pipe(bodies, batch_size=16), strict=True):
        state.doc = doc


@stage("sentences")
def sentences_stage(states: list[ArticleState]) -> None:
    for state in states:
        if state.doc is not None:
            state.sentences = [(s.start_char, s.end_char) for s in state.doc.sents if s.text.strip()]


@stage("entities")
def entities_stage(states: list[ArticleState]) -> None:
    for state in states:
        assert state.doc is not None and state.record is not None
        state.entities = find_entities(state.doc)
        state.record.entities = state.entities.to_records()


def dating_of(state: ArticleState) -> Dating:
    """The article's dating, built once for the stages that date what they find."""
    assert state.record is not None and state.doc is not None
    if state.dating is None:
        state.dating = Dating(state.record.timexes, state.record.published, doc=state.doc)
    return state.dating


@stage("statements")
def statements_stage(states: list[ArticleState]) -> None:
    """Who said what; each statement dated by its own clause (a date inside the quotation does not count)."""
    for state in states:
        record = state.record
        assert state.doc is not None and record is not None
        dating = dating_of(state)
        statements = find_statements(state.doc, state.entities, broad=state.broad)
        for st in statements:
            quote = (st["quote"]["start"], st["quote"]["end"])
            when = dating.date_of(*cue_span(st, state.doc.text), exclude=quote)
            st.update(when.fields())
        record.statements = statements


def cue_span(statement: dict[str, Any], text: str) -> tuple[int, int]:
    """Where the reporting verb stands (outside the quotation), so the saying is dated by the timex of its own
    clause nearest to it ('X reiterated on Oct. 20 that ...'); the whole evidence span when it is not found."""
    evidence, quote = statement["evidence"], statement["quote"]
    cue = statement.get("cue") or ""
    for lo, hi in ((evidence["start"], quote["start"]), (quote["end"], evidence["end"])):
        at = text.find(cue, lo, hi) if cue and lo < hi else -1
        if at >= 0:
            return at, at + len(cue)
    return evidence["start"], evidence["end"]


@stage("events")
def events_stage(states: list[ArticleState]) -> None:
    """Who did what to whom; an event that is a statement's speech act points to that statement."""
    for state in states:
        record = state.record
        assert state.doc is not None and record is not None
        record.events = find_events(state.doc, state.entities, dating_of(state))
        link_statements(record.events, record.statements)


def link_statements(events: list[dict[str, Any]], statements: list[dict[str, Any]]) -> None:
    """One fact, not two: a verbal event (REJECT, ACCUSE, ...) inside a statement of the same act is that statement."""
    for event in events:
        ev = event["text_info"]
        for st in statements:
            span = st.get("evidence") or st["quote"]
            if st.get("act") == event["event"] and span["start"] <= ev["end"] and ev["start"] <= span["end"]:
                event["statement_id"] = st["id"]
                break


def build_record(article: Article, cleaned: Cleaned) -> Record:
    """The record before any linguistic stage: the caller's fields win over what cleaning found."""
    return Record(
        id=article.id or body_hash(cleaned.body),
        body=cleaned.body,
        path=article.path,
        url=article.url,
        outlet=article.outlet or cleaned.outlet,
        title=article.title or cleaned.title,
        authors=cleaned.authors,
        published=_given_date(article.date) or cleaned.published,
        removed=cleaned.removed,
        related_to=dict(article.related_to) if article.related_to else None,
    )


def _given_date(value: str | None) -> Published | None:
    if not value:
        return None
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value))
    return Published(date=value, precision=precision, method="given", confidence=1.0)  # type: ignore[arg-type]


def process(
    articles: list[Article],
    *,
    raw: bool = False,
    repeated: Callable[[Article], frozenset[str]] | None = None,
    now: datetime | None = None,
    stages: Iterable[str] = DEFAULT_STAGES,
    related: bool = True,
    broad: bool = False,
) -> list[ArticleState]:
    """Run the stages over one batch of articles; with `related`, each is followed by its teasers' states."""
    moment = now or datetime.now(UTC)
    names = tuple(stages)
    states = [
        ArticleState(article=a, raw=raw, now=moment, repeated=repeated(a) if repeated else frozenset(), broad=broad)
        for a in articles
    ]
    run(states, names)
    return with_related(states, names, moment) if related else states


def with_related(states: list[ArticleState], stages: Iterable[str], now: datetime) -> list[ArticleState]:
    """The hosts, each followed by the states of the teasers found on it (run over the same stages).

    A teaser's failure stays on the teaser's own state, never on its host's; one without text is dropped.
    """
    teasers = [ArticleState(article=a, raw=True, now=now, host=s, broad=s.broad)
               for s in states for a in related_articles(s)]
    if not teasers:
        return states
    run(teasers, stages)
    by_host: dict[int, list[ArticleState]] = {}
    for teaser in teasers:
        if not (teaser.failure and teaser.failure.message == NO_TEXT):
            by_host.setdefault(id(teaser.host), []).append(teaser)
    return [t for s in states for t in (s, *by_host.get(id(s), []))]


def related_articles(state: ArticleState) -> list[Article]:
    """One article per teaser found on a host that ran without failure.

    Text, headline and outlet come from the host page; path, url, id and date do not (the record id is the
    body hash, and the date is inferred from the teaser's own words).  A teaser is published on or before
    its host page, so the host's publication day bounds it, else whatever bounded the host's date.
    """
    if state.failure is not None or state.cleaned is None or state.record is None:
        return []
    host, record = state.article, state.record
    bound = anchor_date(record.published) or host.not_after or host.crawled
    link: dict[str, str | None] = {"id": record.id, "path": record.path}
    return [
        Article(
            origin=f"{host.origin} (related article {n})", text=item.text, title=item.title,
            outlet=record.outlet, not_after=bound, related_to=dict(link),
        )
        for n, item in enumerate(state.cleaned.related, start=1)
    ]
