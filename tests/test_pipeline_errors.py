"""An extractor bug tripped by one article fails that article, by name, and the batch goes on."""

from __future__ import annotations

import pytest

from dossier import pipeline
from dossier.record import Article

TEXTS = {
    "calm.txt": "The mayor of Riverton opened a new library on Tuesday. Residents welcomed the long-awaited building.",
    "trap.txt": "The council of Hillcrest met on Monday and agreed to repair the old bridge before the winter.",
}


def test_one_failing_article_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real_events = pipeline.STAGES["events"]

    def events_with_a_bug(states: list[pipeline.ArticleState]) -> None:
        if any(s.article.origin == "trap.txt" for s in states):
            raise IndexError("list index out of range")
        real_events(states)

    monkeypatch.setitem(pipeline.STAGES, "events", events_with_a_bug)
    states = pipeline.process([Article(origin=name, text=text, date="2025-05-06") for name, text in TEXTS.items()])
    by_origin = {s.article.origin: s for s in states}
    assert by_origin["calm.txt"].failure is None and by_origin["calm.txt"].record is not None
    failure = by_origin["trap.txt"].failure
    assert failure is not None
    assert "events stage" in failure.message and "IndexError" in failure.message
    assert "\n" not in failure.message
