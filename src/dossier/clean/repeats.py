"""The corpus signal: lines that recur across several documents of one outlet are boilerplate.

This is CCNet-style paragraph deduplication scoped to an outlet (the URL host, or the outlet
name found in the text): a donation box or "Read more" list printed under every article of a site
shows up in two or more of its documents, while the article's own sentences do not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from urllib.parse import urlsplit

_KEY_DROP = re.compile(r"[^\w]+", re.UNICODE)
_MIN_KEY_CHARS = 3
_MAX_KEY_CHARS = 400


def line_key(line: str) -> str:
    """The normalised form two copies of one boilerplate line share (case, punctuation, spacing)."""
    text = unicodedata.normalize("NFKC", line).lower()
    return " ".join(_KEY_DROP.sub(" ", text).split())[:_MAX_KEY_CHARS]


def host_of(url: str | None) -> str | None:
    """The URL host in lower case, without a leading ``www.``; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def group_of(text: str, url: str | None) -> str | None:
    """The group a document's lines are counted in: its URL host, else the outlet its text names."""
    host = host_of(url)
    if host:
        return host
    from dossier.clean.outlets import outlet_from_text  # local import: outlets loads a gazetteer

    return outlet_from_text(text)


class RepeatIndex:
    """Counts, per group, in how many distinct documents each line key occurs."""

    def __init__(self) -> None:
        self._counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._seen_docs: dict[str, set[int]] = defaultdict(set)

    def add(self, group: str, text: str) -> None:
        """Count the distinct line keys of one document under ``group``.

        Adding the very same text twice to a group counts it once, so a duplicated article does not
        turn its own sentences into "boilerplate".
        """
        doc_id = hash(text)
        if doc_id in self._seen_docs[group]:
            return
        self._seen_docs[group].add(doc_id)
        keys = {line_key(raw) for raw in text.splitlines()}
        counts = self._counts[group]
        for key in keys:
            if len(key) >= _MIN_KEY_CHARS:
                counts[key] += 1

    def add_counts(self, group: str, counts: dict[str, int]) -> None:
        """Add documents counted elsewhere (the store's earlier articles of this outlet)."""
        mine = self._counts[group]
        for key, n in counts.items():
            if len(key) >= _MIN_KEY_CHARS:
                mine[key] += n

    def repeated(self, group: str) -> frozenset[str]:
        """Keys of lines seen in at least two distinct documents of ``group``."""
        counts = self._counts.get(group)
        if not counts:
            return frozenset()
        return frozenset(key for key, n in counts.items() if n >= 2)

    def groups(self) -> list[str]:
        return sorted(self._counts)
