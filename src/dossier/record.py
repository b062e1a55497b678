"""The contract types: what flows between the pipeline stages and what `dossier extract` emits.

`Article` is what a reader yields (raw input plus what the caller told us).
`Cleaned` is what the cleaning stage returns, with the related-article teasers it found outside the
main text (`Related`).  `Record` is the dossier-record/1 JSON object (see
../shared/schema/record.schema.json); later stages fill its lists, and a teaser's record names the
record it was found on in `related_to`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA = "dossier-record/1"

DateMethod = Literal["given", "metadata", "text", "none"]
Precision = Literal["day", "month", "year"] | None


@dataclass
class Article:
    """One raw input article, as a reader found it."""

    origin: str  # where it came from, for messages: "a.txt", "dump.jsonl:12", "crawl.warc.gz#3"
    path: str | None = None
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    date: str | None = None  # a publication date the caller gave
    outlet: str | None = None
    title: str | None = None
    not_after: date | None = None  # an upper bound on the publication date (file date, --not-after)
    crawled: date | None = None  # when a news crawl fetched it: a bound, and a hint that it is recent
    related_to: dict[str, str | None] | None = None  # a teaser: the host record it was found on ({id, path})
    warnings: list[str] = field(default_factory=list)  # recoverable problems, reported with the origin


@dataclass
class Removed:
    """A piece of boilerplate dropped from the raw text, kept for audit."""

    text: str
    reason: str


@dataclass
class Related:
    """A related-article teaser found outside the main text: its headline line (if any) and its paragraph."""

    title: str | None
    text: str


@dataclass
class Published:
    date: str | None = None
    precision: Precision = None
    method: DateMethod = "none"
    confidence: float | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date": self.date, "precision": self.precision, "method": self.method}
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        if self.evidence is not None:
            out["evidence"] = self.evidence
        return out


@dataclass
class Cleaned:
    """The article's own text and metadata, with what was removed."""

    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: Published = field(default_factory=Published)
    removed: list[Removed] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)  # teasers of other articles, each its own document


@dataclass
class Record:
    """One dossier-record/1 object."""

    id: str
    body: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: Published = field(default_factory=Published)
    removed: list[Removed] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    related_to: dict[str, str | None] | None = None  # a teaser's host record: {"id": ..., "path": ...}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "source": {"path": self.path, "url": self.url, "outlet": self.outlet},
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published.to_dict(),
            "body": self.body,
            "removed": [asdict(r) for r in self.removed],
            "timexes": self.timexes,
            "entities": self.entities,
            "statements": self.statements,
            "events": self.events,
        }
        if self.related_to is not None:
            out["related_to"] = dict(self.related_to)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        source = data.get("source") or {}
        pub = data.get("published") or {}
        return cls(
            id=data["id"],
            body=data.get("body", ""),
            path=source.get("path"),
            url=source.get("url"),
            outlet=source.get("outlet"),
            title=data.get("title"),
            authors=list(data.get("authors") or []),
            published=Published(
                date=pub.get("date"),
                precision=pub.get("precision"),
                method=pub.get("method", "none"),
                confidence=pub.get("confidence"),
                evidence=pub.get("evidence"),
            ),
            removed=[Removed(r["text"], r["reason"]) for r in data.get("removed") or []],
            timexes=list(data.get("timexes") or []),
            entities=list(data.get("entities") or []),
            statements=list(data.get("statements") or []),
            events=list(data.get("events") or []),
            related_to=_related_to(data.get("related_to")),
        )


def _related_to(value: Any) -> dict[str, str | None] | None:
    if not isinstance(value, dict):
        return None
    return {"id": value.get("id"), "path": value.get("path")}


_SPACE = re.compile(r"\s+")


def normalize_body(body: str) -> str:
    """The form two copies of one article share: NFKC, one space, straight quotes, lower case."""
    text = unicodedata.normalize("NFKC", body)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text).strip().lower()


def body_hash(body: str) -> str:
    """Stable content id: a hash of the normalized body."""
    return hashlib.sha256(normalize_body(body).encode("utf-8")).hexdigest()[:16]
