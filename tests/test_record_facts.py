"""End to end through the CLI: an article we wrote gets its date, timexes, entities and dated statements."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import dossier

ARTICLE = """Ceasefire talks stall as envoys trade blame

Negotiators from Armenia and Azerbaijan met in Geneva on Tuesday, March 4, 2025, for a third round of talks.

Armenian Foreign Minister Ararat Mirzoyan said on Monday that his government would not accept any change to the border.

"We came here in good faith," Mirzoyan told reporters after the session. "The other side did not."

Azerbaijan's foreign ministry accused Yerevan of stalling the process.
"""


def test_an_undated_article_gets_a_text_date_and_dated_statements(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = dossier("extract", str(path))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["published"]["method"] == "text"
    assert record["published"]["date"].startswith("2025-03")
    assert any(t["value"] == "2025-03-04" for t in record["timexes"])
    names = {e["name"] for e in record["entities"]}
    assert "Ararat Mirzoyan" in names
    said = [s for s in record["statements"] if (s["speaker"] or {}).get("name") == "Ararat Mirzoyan"]
    assert said, record["statements"]
    assert all(s["date_source"] in ("text", "publication") and s["date"] for s in said)
    accusations = [s for s in record["statements"] if s["act"] == "ACCUSE"]
    assert accusations and accusations[0]["quote"]["text"].startswith("Yerevan")


def test_a_bad_not_after_date_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = dossier("extract", str(path), "--not-after", "last week")
    assert done.returncode == 2
    assert done.stderr.decode().strip().count("\n") == 0 and "--not-after" in done.stderr.decode()
