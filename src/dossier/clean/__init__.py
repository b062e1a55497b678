"""Cleaning: from raw input (HTML or scraped text) to the article's own text and metadata."""

from __future__ import annotations

from datetime import datetime

from dossier.clean.html import clean_html
from dossier.clean.repeats import RepeatIndex, group_of, line_key
from dossier.clean.text import clean_text
from dossier.record import Article, Cleaned

__all__ = ["RepeatIndex", "clean_article", "clean_html", "clean_text", "group_of", "line_key"]


def clean_article(
    article: Article, *, raw: bool = False, repeated: frozenset[str] = frozenset(), now: datetime
) -> Cleaned:
    """The body and metadata of one article.  With `raw`, text input is taken as the body as is."""
    if article.html is not None:
        return clean_html(article.html, url=article.url, now=now, not_after=article.not_after)
    text = article.text or ""
    if raw:
        return Cleaned(body=text, title=article.title)
    return clean_text(text, url=article.url, repeated=repeated, now=now)
