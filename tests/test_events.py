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


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("The museum returned three stolen icons to the Georgian government on Monday.", "RETREAT", "release"),
        ("The court freed the opposition blogger after six months in custody.", "RETREAT", "release"),
        ("The navy lifted its blockade of the port.", "RETREAT", "withdraw"),
        ("Portugal granted asylum to four dissident journalists.", "AID", None),
        ("The defence minister apologised to Norway for the border incident.", "SUPPORT", None),
        ("Lithuania recalled its ambassador from Minsk.", "SANCTION", "withdraw"),
        ("The ministry expelled two Russian diplomats.", "SANCTION", "expel"),
        ("The authorities deported hundreds of migrants across the border.", "COERCE", "deport"),
        ("Serbia put its army on high alert along the boundary line.", "MOBILIZE", "troops"),
        ("The government called up twenty thousand reservists.", "MOBILIZE", "troops"),
        ("The teachers' union called off its three-week strike.", "CONCEDE", None),
        ("The regional authorities eased restrictions on public gatherings.", "CONCEDE", None),
        ("Rebels set fire to the district council building.", "ASSAULT", "destroy"),
    ],
)
def test_event_families_beyond_the_core_verbs(text: str, event: str, mode: str | None) -> None:
    found = first(text)
    assert (found["event"], found["mode"]) == (event, mode)


def test_background_mention_is_not_the_salient_event() -> None:
    found = events_of("Since Russia launched its full-scale invasion in 2022, Kyiv has hosted many foreign leaders.")
    assert found[0]["event"] == "CONSULT"
    invasion = next(e for e in found if e["event"] == "ASSAULT")
    assert invasion["confidence"] < found[0]["confidence"]


def test_participle_and_relative_clause_are_background() -> None:
    found = events_of("Minsk freed a journalist who had been arrested during the 2020 protests.")
    assert found[0]["event"] == "RETREAT"


def test_act_promised_unless_a_condition_is_met_is_a_threat() -> None:
    found = first("Armenia will withdraw its observers from the mission unless the shelling stops.")
    assert found["event"] == "THREATEN"


def test_force_in_a_condition_does_not_make_an_offer_a_threat() -> None:
    found = first("Latvia is ready to send engineers to help rebuild Kharkiv if the city is attacked again.")
    assert found["event"] == "AGREE"


def test_passive_return_of_property() -> None:
    found = first("Two medieval manuscripts were returned to Poland by the German authorities.")
    assert found["event"] == "RETREAT"


# --- arguments: roles, parties, places, numbers (texts written for these tests) ---


def test_raised_subject_of_a_scheduled_visit_is_the_actor_and_the_host_the_place() -> None:
    found = first("Annika Virtanen, Finland's envoy, is scheduled to visit Moldova next week.")
    assert found["event"] == "CONSULT" and found["mode"] == "visit"
    assert "Virtanen" in names(found["actor"])[0]
    assert names(found["recipient"]) == ["Moldova"]
    assert found["event_loc"]["resolved_place"] == "Moldova"


def test_conjoined_nationalities_become_one_state_each() -> None:
    found = first("Estonian, Latvian and Polish officials will meet in Vilnius on Monday.")
    assert names(found["actor"]) == ["Estonia", "Latvia", "Poland"]
    assert found["event_loc"]["resolved_place"] == "Vilnius"


def test_nationality_group_rolls_up_to_its_state_with_sector() -> None:
    from dossier.extract.parties import state_party

    party = state_party("the Belarusian forces")
    assert (party["name"], party["country"], party["sector"]) == ("Belarus", "BLR", "MIL")


def test_both_countries_are_the_two_states_named_before() -> None:
    found = events_of("Armenia and Azerbaijan held talks in Geneva. Both countries agreed to free forty detainees.")
    freed = next(e for e in found if e["event"] in ("AGREE", "RETREAT") and e["size"]["people"] == 40)
    assert set(names(freed["actor"])) == {"Armenia", "Azerbaijan"}


def test_gerund_after_with_takes_its_own_subject_and_a_venue_modifier_is_the_place() -> None:
    found = events_of("The Doha negotiations ended with Sudan and Chad agreeing to a truce.")
    agree = next(e for e in found if e["event"] == "AGREE")
    assert set(names(agree["actor"])) == {"Sudan", "Chad"}
    assert agree["event_loc"]["resolved_place"] == "Doha"


def test_mediator_of_talks_is_not_a_side() -> None:
    found = events_of("Serbia and Kosovo have traded accusations for weeks. Talks brokered by Qatar began in Brussels.")
    talks = next(e for e in found if e["event"] == "CONSULT")
    assert set(names(talks["actor"])) == {"Serbia", "Kosovo"}
    assert talks["mode"] == "third-party"


def test_act_pinned_on_the_accused_is_theirs() -> None:
    found = events_of("Georgia accused Abkhaz militants of carrying out bombings in which at least five people died.")
    attack = next(e for e in found if e["event"] == "ASSAULT")
    assert names(attack["actor"]) == ["Abkhaz militants"]
    assert attack["size"]["dead"] == 5


def test_pronoun_after_a_quotation_is_not_someone_quoted() -> None:
    found = events_of("Maia Sandu spoke in Chisinau on Monday. “Nobody believes Lukashenko any more,” she wrote, "
                      "calling for tougher sanctions on Minsk.")
    request = next(e for e in found if e["event"] == "REQUEST")
    assert names(request["actor"]) == ["Maia Sandu"]


def test_party_told_of_a_refusal_is_its_recipient() -> None:
    found = first("France informed Italy that it would not sign the fisheries accord.")
    assert found["event"] == "REJECT"
    assert names(found["actor"]) == ["France"]
    assert names(found["recipient"]) == ["Italy"]


def test_pressure_from_a_party_is_its_request() -> None:
    text = "Bulgaria came under pressure from the European Commission to close the pipeline."
    found = next(e for e in events_of(text) if e["event"] == "REQUEST")
    assert names(found["actor"]) == ["European Commission"]
    assert names(found["recipient"]) == ["Bulgaria"]


def test_town_under_its_own_government_curfew_is_the_recipient() -> None:
    found = first("Iraqi authorities imposed a curfew on Basra.")
    assert names(found["recipient"]) == ["Basra"]


def test_attack_with_no_named_target_hits_the_other_side() -> None:
    found = events_of("Armenia says Azerbaijan is preparing an offensive. "
                      "Azerbaijan launched its heaviest artillery strikes of the year overnight.")
    attack = next(e for e in found if e["event"] == "ASSAULT")
    assert names(attack["actor"]) == ["Azerbaijan"]
    assert names(attack["recipient"]) == ["Armenia"]


def test_headline_run_into_the_sentence_is_not_its_subject() -> None:
    found = first("Another Border Deal\n\nOn Friday, Georgia and Armenia exchanged prisoners.")
    assert set(names(found["actor"])) == {"Georgia", "Armenia"}


def test_withdrawal_from_a_region_places_the_demand() -> None:
    found = first("Moscow demanded that Kyiv withdraw its troops from the Zaporizhzhia region.")
    assert found["event"] == "REQUEST"
    assert found["event_loc"]["resolved_place"] == "Zaporizhzhia Oblast"


def test_where_clause_names_the_meeting_place() -> None:
    found = first("Leaders gathered at the Vienna Energy Forum, where the Austrian chancellor is set to meet "
                  "the Slovak premier.")
    assert found["event"] == "CONSULT"
    assert found["event_loc"]["resolved_place"] == "Vienna"


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        ("The attack killed a woman and wounded two children.", 1, 2),
        ("Ten people, including three children, were killed.", 10, None),
        ("Two people died and a dozen were hurt.", 2, 12),
        ("A 12-year-old boy was killed in the strike.", 1, None),
        ("It was a driver who saw the guard fall.", None, None),
    ],
)
def test_counts_in_words_and_single_victims(text: str, dead: int | None, injured: int | None) -> None:
    counts = event_counts(text)
    assert (counts["dead"], counts["injured"]) == (dead, injured)


def test_a_dozen_and_a_hundred() -> None:
    assert parse_number("a dozen") == 12
    assert parse_number("a hundred") == 100


def test_villages_resolve_only_inside_the_article_countries() -> None:
    assert gazetteer().resolve("Krasnohorivka", ("UA",)).admin1 == "Donetsk Oblast"
    assert gazetteer().resolve("Krasnohorivka") is None
    found = gazetteer().resolve("Sudzha, Kursk region", ("UA",))
    assert (found.resolved_place, found.country_code, found.admin1) == ("Sudzha", "RU", "Kursk Oblast")


def test_landmarks_resolve_to_a_point() -> None:
    bridge = gazetteer().resolve("Kerch Bridge")
    assert bridge.resolved_place == "Crimean Bridge" and bridge.lat is not None


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("The Slovak envoy is in contact with his Hungarian counterpart.", "CONSULT", None),
        ("Two rounds of technical talks took place in Vienna last month.", "CONSULT", None),
        ("The Czech premier called Karl Nehammer on Monday to congratulate him on the vote.", "SUPPORT", None),
        ("The ministry said Belgrade is not cooperating with the tribunal.", "REJECT", "assist"),
        ("Nurses in Lisbon went on strike for better pay.", "PROTEST", "strike"),
        ("Hundreds of Moldovans gathered in Chisinau to protest the gas price rise.", "PROTEST", "demo"),
        ("In cooperation with local partners, Norway provided tents to the flooded villages.", "AID", None),
        ("The junta ordered the weekly newspaper to suspend publication for a month.", "COERCE", "censor"),
        ("Kazakhstan reduced tariffs on Uzbek cotton imports.", "CONCEDE", None),
    ],
)
def test_salient_event_of_harder_constructions(text: str, event: str, mode: str | None) -> None:
    found = first(text)
    assert (found["event"], found["mode"]) == (event, mode)


def test_negation_does_not_cross_a_contrast() -> None:
    found = first("Tirana did not reply to the letter but recalled its ambassador.")
    assert (found["event"], found["status"]) == ("SANCTION", "occurred")


def test_reported_agentless_threat_is_the_reporters() -> None:
    found = events_of("Alexander Petrov spoke to reporters. He said that Moldovan troops would be destroyed.")
    threat = next(e for e in found if e["event"] == "THREATEN")
    assert names(threat["actor"]) == ["Alexander Petrov"]
    assert names(threat["recipient"]) == ["Moldova"]


def test_quotation_speaker_is_the_last_subject_not_the_last_name() -> None:
    found = events_of("Sandu criticised Lukashenko on Monday. “Lukashenko is not interested in peace,” she wrote, "
                      "calling for new sanctions on Minsk.")
    request = next(e for e in found if e["event"] == "REQUEST")
    assert names(request["actor"]) == ["Sandu"]


def test_talks_partner_beats_the_topic() -> None:
    found = first("Aliyev discussed Nagorno-Karabakh with the Armenian prime minister by phone.")
    assert found["event"] == "CONSULT"
    assert names(found["recipient"]) == ["Armenian prime minister"]


def test_withdrawn_peacekeepers_are_not_the_recipient() -> None:
    found = first("Ghana withdrew its peacekeepers from Mali in March.")
    assert names(found["recipient"]) == ["Mali"]


def test_town_of_phrase_is_the_place() -> None:
    found = first("Rebels shelled the eastern town of Kramatorsk overnight.")
    assert found["event_loc"]["resolved_place"] == "Kramatorsk"


def test_a_dateline_is_not_the_subject_and_the_venue_is_not_the_recipient() -> None:
    event = first("TALLINN, March 3 (NWS) - Estonian and Finnish negotiators met face to face in Riga on Tuesday.")
    assert event["event"] == "CONSULT"
    assert sorted(names(event["actor"])) == ["Estonia", "Finland"]
    assert event["recipient"] == []
    assert event["event_loc"]["resolved_place"] == "Riga"
    assert not event["text_info"]["text"].endswith(("\n", " "))


def test_every_party_carries_the_words_that_name_it() -> None:
    event = first("Amnesty International accused the Nigerian army of ignoring warnings.")
    assert event["event"] == "ACCUSE"
    assert names(event["recipient"]) == ["Nigeria"]
    assert event["recipient"][0]["mention"] == "Nigerian army"
    assert event["actor"][0]["mention"] == "Amnesty International"


def test_a_party_not_named_in_the_sentence_has_no_mention() -> None:
    found = events_of("Russian forces shelled Dobrianka on Monday. Gomel was hit by rockets on Tuesday.")
    carried = next(e for e in found if "Gomel" in e["text_info"]["text"] and e["event"] == "ASSAULT")
    assert names(carried["actor"]) == ["Russia"]
    assert carried["actor"][0]["mention"] is None


def test_an_agreement_to_release_carries_the_released_count() -> None:
    found = events_of("Although the talks brought no truce, both countries agreed to free more than 500 prisoners "
                      "from each side, all of whom were wounded, sick or elderly.")
    agree = next(e for e in found if e["event"] == "AGREE")
    assert agree["status"] == "occurred"
    assert agree["size"]["people"] == 500
    assert not any(e["event"] in ("THREATEN", "ASSAULT") for e in found)


def test_an_exchange_named_by_a_free_relative_is_planned_with_its_count() -> None:
    found = events_of("Armenia and Azerbaijan plan to carry out what officials said would be the biggest prisoner "
                      "exchange of the conflict next week, involving up to 300 people from each side.")
    swap = next(e for e in found if e["event"] == "RETREAT")
    assert swap["mode"] == "release"
    assert swap["status"] == "planned"
    assert swap["size"]["people"] == 300


def test_a_deadly_attack_takes_the_casualties_reported_later_for_it() -> None:
    found = events_of("Russian forces launched a deadly drone attack on Odesa. The governor spoke to reporters. "
                      "Russian drones struck Odesa, killing three people and injuring seven others.")
    attacks = [e for e in found if e["event"] == "ASSAULT"]
    assert attacks[0]["text_info"]["text"].startswith("Russian forces launched")
    assert (attacks[0]["size"]["dead"], attacks[0]["size"]["injured"]) == (3, 7)


def test_an_attack_not_called_deadly_takes_no_later_count() -> None:
    found = events_of("Russian forces launched a drone attack on Odesa. "
                      "Russian drones struck Odesa, killing three people.")
    attacks = [e for e in found if e["event"] == "ASSAULT"]
    assert attacks[0]["size"]["dead"] is None


def test_an_agreement_takes_the_count_of_the_same_agreement_in_the_next_sentence() -> None:
    found = events_of("Chad and Sudan agreed on a prisoner swap during talks in Doha. "
                      "Chad and Sudan agreed to release 200 prisoners from each side.")
    agreements = [e for e in found if e["event"] == "AGREE"]
    assert [a["size"]["people"] for a in agreements[:2]] == [200, 200]
    assert agreements[0]["recipient"] == []  # where they agreed is no party


def test_the_owner_of_pledged_support_is_not_its_recipient() -> None:
    event = first("The Czech prime minister pledged his country's full support for the Libyan government.")
    assert event["event"] == "SUPPORT"
    assert names(event["recipient"]) == ["Libya"]
    voiced = first("Speaking in Vilnius, the Lithuanian foreign minister voiced Lithuania's backing and support for "
                   "the people of Moldova.")
    assert "Lithuania" not in names(voiced["recipient"])


def test_the_owner_of_a_welcomed_decision_is_its_recipient() -> None:
    event = first("The Latvian prime minister welcomed Lukashenko's decision to free the journalists.")
    assert event["event"] == "SUPPORT"
    assert names(event["recipient"]) == ["Lukashenko"]


def test_a_refusal_until_someone_acts_is_addressed_to_them() -> None:
    event = first("The dockers' union said it will not end the strike until the port authority raises wages.")
    assert event["event"] == "REJECT"
    assert names(event["recipient"]) == ["port authority"]


def test_refusing_to_allow_or_to_answer_names_the_party_refused() -> None:
    allowed = first("The minister refused to allow two foreign airlines to land in the country.")
    assert allowed["event"] == "REJECT"
    assert allowed["recipient"][0]["mention"] == "two foreign airlines"
    answered = first("The ministry refused to respond to a request from twenty lawmakers.")
    assert answered["event"] == "REJECT"
    assert answered["recipient"][0]["mention"] == "twenty lawmakers"


def test_the_outlet_ordered_to_stop_publishing_is_the_recipient() -> None:
    event = first("The military government ordered the opposition newspaper to suspend publication for eight weeks.")
    assert event["event"] == "COERCE"
    assert event["recipient"][0]["mention"] == "opposition newspaper"


def test_an_investigation_into_claims_is_aimed_at_whoever_the_claims_name() -> None:
    event = first("Estonian prosecutors launched an investigation into claims that two soldiers beat prisoners.")
    assert event["event"] == "ACCUSE"
    assert event["recipient"][0]["mention"] == "two soldiers"


def test_help_for_a_counted_crowd_goes_to_the_place_it_is_in() -> None:
    event = first("The charity is providing food aid to about 200,000 people in northern Mali.")
    assert event["event"] == "AID"
    assert event["recipient"][0]["country"] == "MLI"


def test_whoever_is_called_receives_what_the_call_was_for() -> None:
    found = events_of("The emir called the Sudanese president on Saturday to express his support for Sudan.")
    support = next(e for e in found if e["event"] == "SUPPORT")
    assert support["recipient"][0]["mention"] == "Sudanese president"


def test_a_party_inside_the_condition_of_a_threat_is_not_its_target() -> None:
    event = first("Rebel units threatened to shell Estonian forces based in the town if western troops launched any "
                  "attack against Serbs.")
    assert event["event"] == "THREATEN"
    assert event["recipient"][0]["mention"] == "Estonian forces"
