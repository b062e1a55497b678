"""Running the pipeline over many inputs: reading, the cross-article boilerplate signal, batching.

`extract` and `ingest` share this.  The boilerplate signal needs the whole batch (and, on ingest,
what the store already saw of each outlet) before any article is cleaned, so inputs are read first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from dossier.clean import RepeatIndex, group_of, line_key
from dossier.pipeline import DEFAULT_STAGES, ArticleState, process
from dossier.read import DEFAULT_MAX_BYTES, Failure, read_paths
from dossier.record import Article
from dossier.store import Incoming, Store

BATCH_SIZE = 16


@dataclass
class Inputs:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, not_after: date | None = None) -> Inputs:
    """Read every input; `not_after` (the caller's bound on publication dates) tightens each article's own."""
    found = Inputs()
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Failure):
            found.failures.append(item)
            continue
        if not_after is not None:
            item.not_after = min(item.not_after, not_after) if item.not_after else not_after
        found.articles.append(item)
    return found


def raw_hash(article: Article) -> str:
    """Identity of a raw input: its content and the caller's metadata."""
    parts = [article.text or "", article.html or "", article.id or "", article.date or "", article.url or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", errors="replace")).hexdigest()


def teaser_hash(host_digest: str, article: Article) -> str:
    """Identity of a related-article teaser as a source: the host input it was found on, and its text."""
    parts = ["related", host_digest, article.title or "", article.text or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", errors="replace")).hexdigest()


def article_group(article: Article) -> str | None:
    """The outlet group whose repeated lines count as boilerplate for this article."""
    if article.text is None:
        return None
    return group_of(article.text, article.url) or (article.outlet.lower() if article.outlet else None)


def line_keys(text: str) -> frozenset[str]:
    return frozenset(k for k in (line_key(line) for line in text.splitlines()) if k)


class Repeats:
    """Lines repeated across articles of the same outlet: in this batch, and (on ingest) in the store."""

    def __init__(self, articles: list[Article], store: Store | None = None) -> None:
        self.index = RepeatIndex()
        self.groups: dict[int, str | None] = {}
        for article in articles:
            group = article_group(article)
            self.groups[id(article)] = group
            if group and article.text:
                self.index.add(group, article.text)
        if store is not None:
            for group in {g for g in self.groups.values() if g}:
                self.index.add_counts(group, store.seen_lines(group))

    def group(self, article: Article) -> str | None:
        return self.groups.get(id(article))

    def __call__(self, article: Article) -> frozenset[str]:
        group = self.group(article)
        return self.index.repeated(group) if group else frozenset()


def run_batches(
    articles: list[Article],
    *,
    raw: bool = False,
    repeats: Callable[[Article], frozenset[str]] | None = None,
    now: datetime | None = None,
    stages: Iterable[str] = DEFAULT_STAGES,
    batch_size: int = BATCH_SIZE,
    related: bool = True,
    broad: bool = False,
) -> Iterator[list[ArticleState]]:
    """Process articles batch by batch, yielding each finished batch: every article's state, each followed by
    the states of the related-article teasers found on it (`state.host` set) unless `related` is off."""
    moment = now or datetime.now(UTC)
    stage_names = tuple(stages)
    for start in range(0, len(articles), batch_size):
        chunk = articles[start : start + batch_size]
        yield process(
            chunk, raw=raw, repeated=None if raw else repeats, now=moment, stages=stage_names, related=related,
            broad=broad,
        )


def to_incoming(state: ArticleState, raw_digest: str, *, raw: bool = False) -> Incoming:
    """A processed article as the store takes it, with the lines its outlet's later articles compare to."""
    assert state.record is not None
    article = state.article
    group = None if raw else article_group(article)
    return Incoming(
        origin=article.origin,
        raw_hash=raw_digest,
        record=state.record,
        sentences=state.sentences,
        line_group=group,
        line_keys=line_keys(article.text) if group and article.text else frozenset(),
    )
