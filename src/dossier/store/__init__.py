"""The SQLite store: schema, migrations, writes and queries."""

from dossier.store.db import DEFAULT_DB, Incoming, Outcome, Store, StoreError
from dossier.store.schema import SCHEMA_VERSION, StoreTooNew

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Incoming", "Outcome", "Store", "StoreError", "StoreTooNew"]
