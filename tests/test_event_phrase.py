"""An event's own phrase (what cross-document matching compares), and dates reached through a light verb's noun."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.extract.events import find_events
from dossier.extract.phrase import event_phrase
from dossier.record import Published
from dossier.time.dating import Dating
from dossier.time.timex import tag_timexes


def phrase(nlp, sentence: str, word: str) -> str:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return event_phrase(token).text


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("The two camps found little common ground beyond agreeing to free wounded captives, while shelling has "
     "grown since the first round of talks in March.", "round", "the first round of talks in March"),
    ("The two camps found little common ground beyond agreeing to free wounded captives, while shelling has "
     "grown since the first round of talks in March.", "agreeing", "agreeing to free wounded captives"),
    ("Kyiv praised the raids on the air bases, as well as a separate attack on the dam that happened on Thursday.",
     "attack", "a separate attack on the dam"),
    ("Although the talks have not led to a truce, both governments agreed to release 500 captives each.",
     "agreed", "both governments agreed to release 500 captives each"),
])
def test_the_phrase_is_the_trigger_with_its_own_arguments(nlp, sentence: str, word: str, expected: str) -> None:
    assert phrase(nlp, sentence, word) == expected


def events_of(nlp, sentence: str, published: str = "2025-06-04") -> list[dict]:
    doc = nlp(sentence)
    timexes = [t.to_dict() for t in tag_timexes(sentence, date.fromisoformat(published))]
    return find_events(doc, None, Dating(timexes, Published(published, "day", "given"), doc))


def test_every_event_carries_its_phrase_inside_its_sentence(nlp) -> None:
    sentence = "Rebels shelled the port of Hodeidah on Monday, the coalition said."
    (event,) = [e for e in events_of(nlp, sentence) if e["event"] == "ASSAULT"]
    span = event["phrase"]
    assert sentence[span["start"]:span["end"]] == span["text"]
    assert "Hodeidah" in span["text"] and "coalition" not in span["text"]


def test_a_light_verb_with_an_undated_clause_takes_its_nouns_date(nlp) -> None:
    sentence = ("Both armies plan to carry out what a negotiator said would be the biggest swap of captives so far "
                "this weekend, involving up to 900 people on each side.")
    (swap,) = [e for e in events_of(nlp, sentence) if e["event"] == "RETREAT"]
    assert swap["date"] == {"value": "2025-W23-WE", "source": "text"}
    assert swap["status"] == "planned"
