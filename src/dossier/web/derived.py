"""The one place the web reads corpus-stage results that the store does not keep in tables.

Positions and contradictions are computed by `dossier.corpus` over all stored records rather than
stored, so they are computed once per store content (see `views.stamp`) and kept in memory.  When
the store gains methods for them, this module is the one edit.
"""

from __future__ import annotations

import threading
from typing import Any

from dossier.corpus.export import load_incidents, positions_and_contradictions
from dossier.store import Store, views


class Derived:
    """Positions and contradictions of one store, recomputed when its content changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._value: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])

    def get(self, store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        key = views.stamp(store.conn)
        with self._lock:
            if key != self._key:
                positions, contradictions = positions_and_contradictions(list(store.records()), load_incidents(store))
                self._value = (_dated(store, positions), contradictions)
                self._key = key
            return self._value

    def positions(self, store: Store) -> list[dict[str, Any]]:
        return self.get(store)[0]

    def contradictions(self, store: Store) -> list[dict[str, Any]]:
        return self.get(store)[1]


def _dated(store: Store, positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each position with `when`: its own date, else its document's publication date (for ordering)."""
    meta = views.doc_meta(store.conn, [p["doc"] for p in positions])
    out = []
    for p in positions:
        doc = meta.get(p["doc"], {})
        out.append({**p, "when": p.get("date") or doc.get("published"), "outlet": doc.get("outlet"),
                    "title": doc.get("title")})
    return out
