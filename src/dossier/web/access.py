"""Read-only store connections for a threaded server: one connection per worker thread."""

from __future__ import annotations

import threading

from dossier.store import Store
from dossier.web.derived import Derived


class StoreAccess:
    """Opens the store read-only once per thread (sqlite3 connections are not shared across threads)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self.derived = Derived()
        Store.open(db, readonly=True).close()  # fail now, with the store's own message, if it is not there

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db, readonly=True)
            self._local.store = store
        return store
