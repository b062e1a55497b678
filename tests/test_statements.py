"""Statement extraction on invented sentences, one construction per test."""

from __future__ import annotations

from conftest import only, statements_in
from dossier.extract.quotes import find_quote_spans
from dossier.extract.statements import find_statements


def speaker_name(statement: dict) -> str | None:
    return statement["speaker"]["name"] if statement["speaker"] else None


# --- quotation marks ----------------------------------------------------------------------------------------


def test_quote_spans_pair_curly_and_straight_marks():
    text = 'She said “we are ready” and then "we will win" before a \'short\' remark.'
    inner = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert inner == ["we are ready", "we will win", "short"]


def test_unbalanced_mark_stops_at_paragraph_end():
    text = 'The mayor said "the bridge will open soon.\n\nTraffic was heavy all week on the ring road.'
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert not spans[0].closed
    assert "Traffic" not in text[spans[0].start:spans[0].end]


def test_apostrophes_are_not_quote_marks():
    assert find_quote_spans("The council’s plan and the mayors’ meeting don't overlap.") == []


def test_quote_continues_into_next_paragraph_that_opens_with_a_mark():
    text = "“The river rose overnight.\n\n“We moved the cattle at dawn,” the farmer said."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end].startswith("The river rose")
    assert text[spans[0].start:spans[0].end].endswith("at dawn,")


# --- direct quotations -------------------------------------------------------------------------------------


def test_direct_quote_before_cue(nlp):
    s = only(statements_in(nlp, "“The harbour will reopen on Monday,” Maria Lopez said."), "harbour")
    assert s["kind"] == "direct"
    assert s["quote"]["text"].rstrip(",") == "The harbour will reopen on Monday"
    assert speaker_name(s) == "Maria Lopez"
    assert s["cue"] == "said"
    assert s["act"] == "CLAIM"


def test_direct_quote_after_colon_cue_with_appositive_speaker(nlp):
    text = "Hugo Brandt, a ferry captain, said: “The crossing is too rough today.”"
    s = only(statements_in(nlp, text), "crossing")
    assert s["kind"] == "direct"
    assert speaker_name(s) == "Hugo Brandt"
    assert s["speaker"]["mention"]["text"] == "Hugo Brandt"


def test_mixed_marks_and_interrupting_cue(nlp):
    text = "“We tried everything,” the coach said, \"and we still lost the final.\""
    statements = statements_in(nlp, text)
    first, second = only(statements, "tried everything"), only(statements, "still lost")
    assert first["kind"] == second["kind"] == "direct"
    assert first["speaker"]["mention"]["text"] == second["speaker"]["mention"]["text"] == "the coach"


def test_quote_across_paragraphs_keeps_its_speaker(nlp):
    text = (
        "Lena Ortiz, the town engineer, said: “The dam held through the night.\n\n"
        "“We will inspect it again on Friday.”\n\nResidents returned home."
    )
    s = only(statements_in(nlp, text), "dam held")
    assert speaker_name(s) == "Lena Ortiz"
    assert "inspect it again" in s["quote"]["text"]


def test_floating_quote_takes_speaker_of_previous_statement(nlp):
    text = "“The vote was fair,” Paul Ames told reporters. “Nobody was turned away at the door.”"
    s = only(statements_in(nlp, text), "Nobody was turned away")
    assert speaker_name(s) == "Paul Ames"
    assert s["kind"] == "direct"


def test_speaker_introduced_in_previous_sentence(nlp):
    text = "Clara Nunez stood up at the end of the meeting. “I will not sign this budget tonight.”"
    s = only(statements_in(nlp, text), "sign this budget")
    assert speaker_name(s) == "Clara Nunez"


def test_odd_number_of_marks_does_not_run_away(nlp):
    text = (
        'The minister said "the talks were useful.\n\n'
        "Farmers blocked the northern highway for three hours on Tuesday and then dispersed."
    )
    for s in statements_in(nlp, text):
        assert "Farmers" not in s["quote"]["text"]


def test_name_colon_lead(nlp):
    text = "The senator was asked about the vote.\n\nWarren: “We have the numbers to pass it.”"
    s = only(statements_in(nlp, text), "numbers to pass")
    assert speaker_name(s) == "Warren"


def test_dash_signature(nlp):
    s = only(statements_in(nlp, "“This town deserves a new library and a new park.” ― Rosa Delgado"), "new library")
    assert speaker_name(s) == "Rosa Delgado"


# --- reported speech ---------------------------------------------------------------------------------------


def test_indirect_that_clause_with_cue_object(nlp):
    s = only(statements_in(nlp, "Mayor Tom Reyes told CNN that the stadium would be finished by spring."), "stadium")
    assert s["kind"] == "indirect"
    assert s["quote"]["text"] == "the stadium would be finished by spring"
    assert s["cue"] == "told CNN"
    assert speaker_name(s) == "Tom Reyes"


def test_accusation_has_act_accuse(nlp):
    s = only(statements_in(nlp, "The governor accused the utility of hiding the leak for weeks."), "utility")
    assert s["act"] == "ACCUSE"
    assert s["quote"]["text"] == "the utility of hiding the leak for weeks"
    assert s["speaker"]["mention"]["text"] == "The governor"


def test_rejection_has_act_reject(nlp):
    s = only(statements_in(nlp, "Anna Berg rejected the proposal from the opposition on Tuesday."), "proposal")
    assert s["act"] == "REJECT"
    assert s["cue"] == "rejected"
    assert speaker_name(s) == "Anna Berg"


def test_call_on_is_a_request(nlp):
    s = only(statements_in(nlp, "Union leader Sam Okafor called on the company to raise wages."), "raise wages")
    assert s["act"] == "REQUEST"
    assert s["cue"] == "called on"


def test_wrote_on_social_media(nlp):
    text = "Jonas Weber wrote on social media that the festival had been cancelled."
    s = only(statements_in(nlp, text), "festival")
    assert s["cue"] == "wrote on social media"


def test_parenthetical_cue_after_clause(nlp):
    s = only(statements_in(nlp, "The factory will close in March, a company spokeswoman said."), "factory")
    assert s["kind"] == "indirect"
    assert s["speaker"]["mention"]["text"] == "a company spokeswoman"


def test_according_to(nlp):
    s = only(statements_in(nlp, "The bridge was closed for repairs, according to city officials."), "bridge")
    assert s["cue"] == "according to"
    assert s["speaker"]["mention"]["text"] == "city officials"


def test_mixed_quote_in_reported_speech(nlp):
    s = only(statements_in(nlp, "Ines Costa called the plan “a disaster for small farms”."), "disaster")
    assert s["kind"] == "mixed"
    assert speaker_name(s) == "Ines Costa"


def test_pronoun_resolves_to_previous_speaker(nlp):
    text = "Omar Haddad denied the charges on Monday. He said the evidence had been fabricated."
    s = only(statements_in(nlp, text), "evidence")
    assert s["speaker"]["mention"]["text"] == "He"
    assert speaker_name(s) == "Omar Haddad"


def test_relative_clause_which_he_said_was(nlp):
    text = "Victor Lang blamed the flood on a broken gate, which he said was never repaired."
    s = only(statements_in(nlp, text), "never repaired")
    assert speaker_name(s) == "Victor Lang"
    assert s["quote"]["text"].startswith("was never repaired")


def test_participle_inherits_subject(nlp):
    text = "Nadia Kim rejected the offer, saying the price was too low."
    s = only(statements_in(nlp, text), "price was too low")
    assert speaker_name(s) == "Nadia Kim"


def test_non_human_subject_is_not_a_speaker(nlp):
    assert statements_in(nlp, "Experience shows that patience pays off in long negotiations.") == []
    assert statements_in(nlp, "The weather warned of a long winter ahead.") == []


def test_beliefs_only_in_broad_mode(nlp):
    text = "Karl Meyer believes the market will recover next year."
    assert statements_in(nlp, text) == []
    assert only(statements_in(nlp, text, broad=True), "market")["speaker"]["name"] == "Karl Meyer"


def test_record_shape_and_ids(nlp):
    text = "“Prices will fall,” Ella Stone said. Later, Ben Cole said that prices would rise."
    statements = statements_in(nlp, text)
    assert [s["id"] for s in statements] == ["s1", "s2"]
    for s in statements:
        assert s["date"] is None and s["date_source"] is None
        assert 0 <= s["confidence"] <= 1
        assert text[s["quote"]["start"]:s["quote"]["end"]] == s["quote"]["text"]
        assert s["evidence"]["text"] in text
        assert s["quote"]["text"] in s["evidence"]["text"]


def test_entity_index_supplies_canonical_name(nlp):
    class Person:
        id, name, type = "e1", "Dmitri Volkov", "PERSON"

    class Index:
        def at(self, start, end):
            return Person() if text[start:end] == "The ministry spokesman" else None

        def before(self, pos, types=("PERSON",)):
            return None

    text = "The ministry spokesman said the border would stay closed."
    s = only(find_statements(nlp(text), Index()), "border")
    assert s["speaker"]["entity_id"] == "e1"
    assert s["speaker"]["name"] == "Dmitri Volkov"
