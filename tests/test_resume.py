"""A run killed with SIGKILL mid-ingest, then re-run, stores every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PLACES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava", "Lviv", "Kherson"]


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = (
            f"Report number {i}\n\n"
            f"Air defence units shot down {i % 40 + 3} drones over the {place} region overnight, "
            f"the regional governor said on the morning after attack number {i}.\n\n"
            f"Debris damaged {i % 7 + 1} houses and a warehouse on the edge of the city, and emergency "
            f"crews worked for {i % 5 + 2} hours to put out the fires, officials added.\n"
        )
        (folder / f"report_{i:03d}.txt").write_text(text)


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def _stored(db: Path) -> int:
    try:
        return _count(db, "SELECT count(*) FROM documents")
    except sqlite3.Error:
        return 0


def test_kill_during_ingest_then_resume(tmp_path: Path) -> None:
    _write_articles(tmp_path / "in", 200)
    db = tmp_path / "resume.db"
    cmd = [sys.executable, "-m", "dossier", "ingest", str(tmp_path / "in"), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _stored(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _stored(db)
    assert 0 < partial < 200, "the kill should land mid-run"

    done = subprocess.run(cmd, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"already stored {partial}" in done.stderr.decode()
    assert _stored(db) == 200
    assert _count(db, "SELECT count(*) FROM sources") == 200
    assert _count(db, "SELECT count(*) FROM (SELECT doc_id, idx FROM sentences GROUP BY 1, 2 HAVING count(*) > 1)") == 0
    assert _count(db, "SELECT count(*) FROM sentences_fts_docsize") == _count(db, "SELECT count(*) FROM sentences")
