"""PLOVER event coding on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.extract.events import find_events
from dossier.extract.numbers import event_counts, parse_number
from dossier.extract.places import gazetteer
from dossier.nlp import load_nlp


def events_of(text: str) -> list[dict[str, Any]]:
    return find_events(load_nlp()(text))


def first(text: str) -> dict[str, Any]:
    found = events_of(text)
    assert found, f"no event in {text!r}"
    return found[0]


def names(parties: list[dict[str, Any]]) -> list[str]:
    return [p["name"] for p in parties]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Belarusian artillery shelled the border village of Dobrianka overnight.", "ASSAULT"),
        ("The prime ministers of Estonia and Finland held talks in Tallinn on energy links.", "CONSULT"),
        ("Moldova and Romania agreed to build a second bridge across the Prut river.", "AGREE"),
        ("The Lithuanian president urged NATO to send more air defence systems.", "REQUEST"),
        ("Hungary rejected the commission's proposal on grain imports.", "REJECT"),
        ("Poland accused Belarus of pushing migrants across the border.", "ACCUSE"),
        ("The rebel commander threatened to shell the airport.", "THREATEN"),
        ("Canada imposed sanctions on twelve shipping companies.", "SANCTION"),
        ("Thousands of farmers protested outside the parliament in Warsaw.", "PROTEST"),
        ("The government mobilised reservists along the northern border.", "MOBILIZE"),
        ("Border guards detained the smuggler at the crossing.", "COERCE"),
        ("Japan sent medical supplies to the flooded provinces.", "AID"),
        ("The mayor praised the volunteers for their courage.", "SUPPORT"),
        ("The two navies cooperated on clearing mines from the strait.", "COOPERATE"),
        ("The occupying battalion withdrew from the island.", "RETREAT"),
        ("The cabinet lifted the curfew in the capital.", "CONCEDE"),
    ],
)
def test_each_event_family(text: str, event: str) -> None:
    assert first(text)["event"] == event


def test_assault_mode_actor_recipient_place_and_counts() -> None:
    event = first("Russian drones struck Odesa on Tuesday, killing two people and wounding eleven others.")
    assert event["event"] == "ASSAULT"
    assert event["mode"] == "drone"
    assert names(event["actor"]) == ["Russia"]
    assert event["actor"][0]["country"] == "RUS" and event["actor"][0]["sector"] == "MIL"
    assert names(event["recipient"]) == ["Ukraine"]
    assert event["event_loc"]["resolved_place"] == "Odesa"
    assert event["event_loc"]["geonameid"] == 698740
    assert event["size"]["dead"] == 2 and event["size"]["injured"] == 11


def test_passive_agent_is_actor_and_place_of_the_patient() -> None:
    event = first("The market in Kharkiv was destroyed by Russian forces on Sunday.")
    assert event["event"] == "ASSAULT"
    assert names(event["actor"]) == ["Russia"]
    assert event["event_loc"]["resolved_place"] == "Kharkiv"


def test_glide_bomb_is_aerial_and_attacker_carries_over() -> None:
    found = events_of("Russian troops shelled Kupiansk on Monday. Later, Sumy was hit by a glide bomb.")
    assert [e["mode"] for e in found] == ["heavy-weapons", "aerial"]
    assert names(found[1]["actor"]) == ["Russia"]
    assert names(found[1]["recipient"]) == ["Ukraine"]


def test_passive_voice_arrest() -> None:
    event = first("Two opposition activists were arrested by police in Minsk.")
    assert event["event"] == "COERCE"
    assert event["mode"] == "arrest"
    assert names(event["actor"]) == ["police"]
    assert event["event_loc"]["resolved_place"] == "Minsk"


def test_possessive_actor_of_event_noun() -> None:
    event = first("Moldova's protest against the gas cut drew a crowd of ten thousand.")
    assert event["event"] == "PROTEST"
    assert names(event["actor"]) == ["Moldova"]


def test_compound_actor_is_one_list() -> None:
    event = first("Serbia and Kosovo signed a deal on vehicle plates in Brussels.")
    assert names(event["actor"]) == ["Serbia", "Kosovo"]


def test_prisoner_exchange_counts_people() -> None:
    event = first("Armenia and Azerbaijan swapped prisoners, freeing thirty-two soldiers in all.")
    assert event["event"] == "RETREAT"
    assert event["mode"] == "release"
    assert event["size"]["people"] == 32


def test_consult_in_a_third_country_is_third_party() -> None:
    event = first("Delegations from Armenia and Azerbaijan met in Washington on Monday.")
    assert event["event"] == "CONSULT"
    assert event["mode"] == "third-party"
    assert event["event_loc"]["country_code"] == "US"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Georgian and Armenian officials discussed the railway link on Monday.", "occurred"),
        ("The foreign ministers are set to meet in Vienna next week.", "planned"),
        ("The two leaders could potentially hold a joint summit in the autumn.", "hypothetical"),
        ("The rebels did not attack the convoy.", "negated"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert first(text)["status"] == status


def test_refusal_of_a_future_act_is_reject() -> None:
    event = first("The minister said the army would not withdraw from the ridge.")
    assert event["event"] == "REJECT"
    assert event["mode"] == "yield"


def test_promise_of_cooperation_is_agree() -> None:
    assert first("Norway is willing to send engineers to rebuild the dam.")["event"] == "AGREE"


def test_reported_obligation_is_a_request_on_the_subject() -> None:
    event = first("The envoy said Serbia must recognise the vote.")
    assert event["event"] == "REQUEST"
    assert names(event["actor"]) == ["envoy"]
    assert names(event["recipient"]) == ["Serbia"]


def test_content_of_a_demand_is_not_a_separate_event() -> None:
    found = events_of("Latvia demanded that the troops withdraw from the border.")
    assert [e["event"] for e in found] == ["REQUEST"]
    assert found[0]["mode"] == "yield"


def test_topic_nouns_are_not_events() -> None:
    assert events_of("The war has changed the economy of the region.") == []


def test_evidence_sentence_and_ids() -> None:
    text = "It rained. Kazakh police detained three men in Almaty."
    found = events_of(text)
    assert [e["id"] for e in found] == ["e1"]
    assert found[0]["text_info"]["start"] == text.index("Kazakh")
    assert found[0]["size"]["arrested"] == 3


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("The blast killed one man and wounded at least four residents.", "dead", 1),
        ("The blast killed one man and wounded at least four residents.", "injured", 4),
        ("Twenty-five people were killed in the raid.", "dead", 25),
        ("Police arrested more than 300 protesters.", "arrested", 300),
        ("The swap involved up to 1,200 people from each side.", "people", 1200),
        ("The return of 6,000 soldiers' remains continued.", "people", 6000),
        ("The village lies 40 kilometres from the front line.", "dead", None),
    ],
)
def test_counts(text: str, field: str, value: int | None) -> None:
    assert event_counts(text)[field] == value


def test_parse_number_words() -> None:
    assert parse_number("three hundred") == 300
    assert parse_number("forty-two") == 42
    assert parse_number("1,200") == 1200


@pytest.mark.parametrize(
    ("mention", "resolved", "admin1"),
    [
        ("Kiev", "Kyiv", "Kyiv City"),
        ("Kharkov", "Kharkiv", "Kharkiv Oblast"),
        ("Odessa", "Odesa", "Odesa Oblast"),
        ("South of Some Unknown Hamlet, Donetsk Oblast", "Donetsk Oblast", "Donetsk Oblast"),
        ("the Zaporizhzhia region", "Zaporizhzhia Oblast", "Zaporizhzhia Oblast"),
    ],
)
def test_places_resolve_with_variants_and_admin_fallback(mention: str, resolved: str, admin1: str) -> None:
    place = gazetteer().resolve(mention, ("UA",))
    assert place is not None
    assert place.resolved_place == resolved
    assert place.admin1 == admin1


def test_unresolvable_place_does_not_hide_others() -> None:
    event = first("Troops shelled Qwertyville and Kherson on Sunday.")
    assert event["event_loc"] is not None
    assert event["event_loc"]["resolved_place"] == "Kherson"


def test_planned_meeting_is_consult_with_status_planned() -> None:
    event = first("Georgian and Armenian negotiators will meet in Vienna next month.")
    assert event["event"] == "CONSULT"
    assert event["status"] == "planned"


def test_refusal_to_ever_discuss_is_reject_negated() -> None:
    event = first("Serbia has never and will never discuss the status of the northern districts.")
    assert event["event"] == "REJECT"
    assert event["status"] == "negated"


def test_abstract_object_is_not_a_recipient() -> None:
    event = first("Moldova rejected Romania's calls for a joint customs zone.")
    assert event["event"] == "REJECT"
    assert names(event["recipient"]) == ["Romania"]


def test_place_modifier_names_the_attacked_party() -> None:
    event = first("Latvian drones hit Estonian radar stations on Friday.")
    assert names(event["actor"]) == ["Latvia"]
    assert names(event["recipient"]) == ["Estonia"]


def test_mixed_actor_sentence_keeps_each_side() -> None:
    found = events_of("Georgia shelled the border post, while Armenia launched drone strikes on the depot.")
    assaults = [e for e in found if e["event"] == "ASSAULT"]
    assert [names(e["actor"]) for e in assaults] == [["Georgia"], ["Armenia"]]
    assert assaults[1]["mode"] == "drone"


def test_count_goes_to_the_nearest_event() -> None:
    found = events_of("The sides agreed on a truce, and each side released more than forty detainees.")
    retreat = next(e for e in found if e["event"] == "RETREAT" and e["mode"] == "release")
    assert retreat["size"]["people"] == 40
    assert all(e["size"]["people"] is None for e in found if e is not retreat)


def test_passive_with_relative_clause_keeps_casualties_on_the_attack() -> None:
    found = events_of("A barrage of rockets on Dnipro, which killed three people, was launched by Belarusian units.")
    assaults = [e for e in found if e["event"] == "ASSAULT"]
    assert assaults and assaults[0]["size"]["dead"] == 3


def test_promised_force_is_a_threat() -> None:
    event = first("The junta vowed to arrest the striking miners.")
    assert event["event"] == "THREATEN"


def test_misparsed_lemma_still_finds_the_event() -> None:
    # the small model lemmatises "staged" as "stag"
    event = first("Thousands of nurses staged demonstrations in Lisbon to demand higher pay.")
    assert event["event"] == "PROTEST"


def test_rhetorical_question_reports_no_event() -> None:
    assert events_of("How can anyone hold talks with them under these conditions?") == []


def test_topic_noun_without_actor_is_not_an_event() -> None:
    found = events_of("Analysts expect the issue of a ceasefire to dominate the agenda.")
    assert not any(e["event"] == "RETREAT" for e in found)
