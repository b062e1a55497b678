"""The store the web tests browse: the example corpus plus one hostile article, ingested once per run."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import EXAMPLES, ROOT, dossier

HOSTILE = ROOT / "tests" / "fixtures" / "web" / "hostile.jsonl"
HOSTILE_ID = "hostile-001"


@cache
def example_store() -> Path:
    """`dossier ingest` of examples/corpus and the hostile article into a temporary store."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = folder / "web.db"
    done = dossier("ingest", str(EXAMPLES), str(HOSTILE), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    return db
