"""One event per happening when a sentence reports several, each with its own date (sentences written for these
tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dossier.extract.events import find_events
from dossier.nlp import load_nlp
from dossier.record import Published
from dossier.time.dating import Dating, may_overlap
from dossier.time.timex import tag_timexes

PUBLISHED = Published(date="2025-06-20", precision="day", method="given", confidence=1.0)  # a Friday


def dating_for(text: str) -> Dating:
    timexes = [t.to_dict() for t in tag_timexes(text, date.fromisoformat(PUBLISHED.date or ""))]
    return Dating(timexes, PUBLISHED, doc=load_nlp()(text))


def dated_events(text: str) -> list[dict[str, Any]]:
    dating = dating_for(text)
    return find_events(dating.doc, None, dating)


def of_type(events: list[dict[str, Any]], event: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == event]


def names(parties: list[dict[str, Any]]) -> set[str]:
    return {p["name"] for p in parties}


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


# 1. Dates coordinated in the event's own date phrase: one event per date.

@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Sudan and Chad met in Doha on 4 February and 22 May.", ["2025-02-04", "2025-05-22"]),
        ("Sudan and Chad met in Doha on 8 and 15 May.", ["2025-05-08", "2025-05-15"]),
        ("Sudan and Chad met in Doha on May 8 and 15.", ["2025-05-08", "2025-05-15"]),
        ("Sudan and Chad met in Doha on 2, 9 and 15 May.", ["2025-05-02", "2025-05-09", "2025-05-15"]),
        ("Sudan and Chad met in Doha in January and again in April.", ["2025-01", "2025-04"]),
    ],
)
def test_coordinated_dates_give_one_meeting_each(text: str, dates: list[str]) -> None:
    meetings = of_type(dated_events(text), "CONSULT")
    assert [m["date"]["value"] for m in meetings] == dates
    assert all(m["date"]["source"] == "text" for m in meetings)
    first = meetings[0]
    for other in meetings[1:]:  # the same sentence, parties and place: only the day differs
        assert other["text_info"] == first["text_info"]
        assert names(other["actor"]) == names(first["actor"]) == {"Sudan", "Chad"}
        assert other["event_loc"] == first["event_loc"]
        assert other["id"] != first["id"]


@pytest.mark.parametrize(
    "text",
    [
        "Sudan and Chad met in Doha on 8 May.",
        "Sudan and Chad met in Doha between 8 and 15 May.",  # a range is one stretch of time
        "Sudan and Chad met in Doha on 8 or 9 May.",  # an uncertain day, not two meetings
        "Sudan and Chad met in Doha on Tuesday and Wednesday.",  # one round over two days
    ],
)
def test_one_date_phrase_that_is_not_a_list_of_days_gives_one_event(text: str) -> None:
    assert len(of_type(dated_events(text), "CONSULT")) == 1


def test_dates_of_lists_the_coordinated_dates_and_date_of_keeps_the_nearest() -> None:
    text = "The two ministers spoke on 3 March and 19 April."
    dating = dating_for(text)
    assert [r.value for r in dating.dates_of(*span_of(text, "spoke"))] == ["2025-03-03", "2025-04-19"]
    assert dating.date_of(*span_of(text, "spoke")).value == "2025-03-03"


def test_a_day_named_twice_in_a_list_is_one_date() -> None:
    text = "The envoys met on Wednesday, June 18, and again on Monday."
    assert [r.value for r in dating_for(text).dates_of(*span_of(text, "met"))] == ["2025-06-18", "2025-06-16"]


# 2. Two event nouns of one type with different dates are two events; one happening told twice stays one.

def test_a_separate_attack_with_its_own_date_is_a_second_event() -> None:
    text = ("Tbilisi praised the raids on the supply depots, as well as a separate attack on the bridge that "
            "happened on Wednesday.")
    attacks = of_type(dated_events(text), "ASSAULT")
    assert [a["date"] for a in attacks] == [{"value": "2025-06-20", "source": "publication"},  # the raids: undated
                                            {"value": "2025-06-18", "source": "text"}]


def test_a_conjoined_attack_dates_only_itself() -> None:
    text = ("Georgia has celebrated the raids on the depots, as well as a separate bombing of a bridge near the "
            "border that took place on Tuesday.")
    attacks = of_type(dated_events(text), "ASSAULT")
    assert [a["date"]["value"] for a in attacks] == ["2025-06-20", "2025-06-17"]


def test_two_attacks_with_different_dates_in_their_own_phrases_are_two_events() -> None:
    text = "Russian shelling of Kherson on Monday followed a Russian attack on Mykolaiv on Saturday."
    attacks = of_type(dated_events(text), "ASSAULT")
    assert sorted(a["date"]["value"] for a in attacks) == ["2025-06-14", "2025-06-16"]


@pytest.mark.parametrize(
    "text",
    [
        "Militants ambushed the convoy near Gao on Sunday, and the attack killed four soldiers.",
        "The attack on the convoy near Gao on Sunday killed four soldiers, and the army said the attack was planned.",
        "Drones struck the fuel depot near Gao on Sunday, and the strike started a large fire.",
    ],
)
def test_one_attack_told_twice_in_a_sentence_stays_one_event(text: str) -> None:
    assert len(of_type(dated_events(text), "ASSAULT")) == 1


# 3. Event nouns in since/after/before phrases are events of their own, dated by their own phrase.

def test_talks_named_in_a_since_phrase_are_a_meeting_of_their_month() -> None:
    meetings = of_type(dated_events("Shelling along the line has grown heavier since the opening round of talks "
                                    "in February."), "CONSULT")
    assert len(meetings) == 1
    assert meetings[0]["date"] == {"value": "2025-02", "source": "text"}


def test_talks_in_a_since_phrase_take_the_sentence_s_parties() -> None:
    text = ("Armenia and Azerbaijan opened a border crossing in January. The two sides have argued over the "
            "border since the first round of talks in February.")
    meetings = [e for e in of_type(dated_events(text), "CONSULT") if e["date"]["value"] == "2025-02"]
    assert len(meetings) == 1
    assert names(meetings[0]["actor"]) == {"Armenia", "Azerbaijan"}


def test_talks_in_a_since_phrase_take_the_parties_of_the_sentence_above_them() -> None:
    text = ("Armenia and Azerbaijan opened a border crossing in January. The two sides agree on almost nothing, "
            "while the shelling has kept growing since their opening round of talks in February.")
    meetings = of_type(dated_events(text), "CONSULT")
    assert [m["date"]["value"] for m in meetings] == ["2025-02"]
    assert names(meetings[0]["actor"]) == {"Armenia", "Azerbaijan"}


def test_an_event_named_to_place_another_in_time_does_not_take_that_clause_s_date() -> None:
    text = "On Wednesday the president accused the rebels of plotting attacks after a series of strikes on the port."
    dating = dating_for(text)
    assert dating.date_of(*span_of(text, "accused")).value == "2025-06-18"
    assert dating.date_of(*span_of(text, "strikes")).source == "publication"


# 4. A date at the end of a non-finite modifier inside the object of an undated verb dates the verb too.

def test_a_sentence_final_date_in_the_object_s_participle_dates_the_undated_verb() -> None:
    text = "Armenia and Azerbaijan exchanged drafts setting out their terms for a peace treaty on Wednesday."
    assert dating_for(text).date_of(*span_of(text, "exchanged")).value == "2025-06-18"
    meetings = of_type(dated_events(text), "CONSULT")
    assert [m["date"] for m in meetings] == [{"value": "2025-06-18", "source": "text"}]


def test_the_verb_s_own_date_wins_over_a_date_in_its_object() -> None:
    text = "On Thursday the sides exchanged drafts setting out terms for a vote on Sunday."
    assert dating_for(text).date_of(*span_of(text, "exchanged")).value == "2025-06-19"


# 5. Exchanging proposals, drafts, memoranda, terms or documents is negotiating (CONSULT); sharing intelligence
# is cooperation (COOPERATE).

@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The two delegations exchanged proposals in Astana.", "CONSULT"),
        ("The two delegations exchanged memoranda on the ceasefire.", "CONSULT"),
        ("The two delegations exchanged draft texts at the talks.", "CONSULT"),
        ("The two delegations exchanged documents on a prisoner release.", "CONSULT"),
        ("The two delegations exchanged terms for a truce.", "CONSULT"),
        ("The two police forces exchanged intelligence on the smugglers.", "COOPERATE"),
    ],
)
def test_exchanging_texts_is_negotiating(text: str, event: str) -> None:
    assert dated_events(text)[0]["event"] == event


# 6. A clause with its own time phrase, or a participle of a noun, does not take its head clause's date.

def test_a_conjoined_clause_with_its_own_time_phrase_keeps_its_own_date() -> None:
    text = "On Monday the two sides exchanged prisoners and agreed during earlier talks to free more."
    events = dated_events(text)
    assert of_type(events, "RETREAT")[0]["date"]["value"] == "2025-06-16"
    assert of_type(events, "AGREE")[0]["date"]["value"] != "2025-06-16"


def test_a_participle_agreed_earlier_is_not_dated_by_the_head_clause() -> None:
    text = "On Tuesday the armies freed 90 detainees, part of a series of releases agreed during previous talks."
    events = dated_events(text)
    assert of_type(events, "RETREAT")[0]["date"]["value"] == "2025-06-17"
    assert all(e["date"]["value"] != "2025-06-17" for e in of_type(events, "AGREE"))


def test_previously_keeps_a_conjoined_verb_from_sharing_the_date() -> None:
    text = "The minister spoke on March 3 and had previously met the envoy in Rome."
    dating = dating_for(text)
    assert dating.date_of(*span_of(text, "met")).source == "publication"
    plain = "The minister spoke on March 3 and answered questions."
    assert dating_for(plain).date_of(*span_of(plain, "answered")).value == "2025-03-03"


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2025-06", "2025-06-03", True),
        ("2025-06-03", "2025-06-04", False),
        ("2025-W25", "2025-06-18", True),
        ("2025-W25", "2025-06-23", False),
        ("2025", "2025-SU", True),
        ("2024", "2025-06", False),
    ],
)
def test_may_overlap(a: str, b: str, overlap: bool) -> None:
    assert may_overlap(a, b) is overlap
    assert may_overlap(b, a) is overlap
