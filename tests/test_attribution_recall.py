"""Attribution recall: constructions the cue rules used to miss (all example sentences are our own)."""

from __future__ import annotations

from conftest import only, statements_in
from dossier.extract.quotes import find_quote_spans
from dossier.extract.reporting import load_lexicon


def mention(statement: dict) -> str | None:
    return statement["speaker"]["mention"]["text"] if statement["speaker"] else None


# --- quotation marks ----------------------------------------------------------------------------------------


def test_closing_mark_that_opens_a_paragraph_opens_a_quote():
    text = "Readers wrote in.\n\n”Fear is what I feel. The campaign scares my neighbors.” ― Ana Ruiz\n"
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["Fear is what I feel. The campaign scares my neighbors."]


def test_stray_straight_mark_does_not_run_into_a_curly_paragraph():
    text = ('"The clerk read the ruling aloud.\n\n'
            "“Nobody told me anything,” she said later.\n")
    spans = find_quote_spans(text)
    assert "Nobody told me anything," in [text[s.start:s.end] for s in spans]
    assert all(s.outer_end <= text.index("\n") for s in spans if s.open_mark == 0)


# --- dash signatures ----------------------------------------------------------------------------------------


def test_dash_signature_glued_to_the_closing_mark_and_after_a_bare_name_line(nlp):
    text = ("Readers sent us their views.\n\n"
            "“The tax plan is a gift to the rich. It will hurt families like mine.” ― Maria Lopez\u00a0\n"
            "“I will vote for the first time this year because the stakes are too high.”― Tom Baker.\n")
    statements = statements_in(nlp, text, broad=True)
    first, second = only(statements, "gift to the rich"), only(statements, "vote for the first time")
    assert mention(first) == "Maria Lopez" and first["cue"] == "―"
    assert mention(second) == "Tom Baker" and second["cue"] == "―"


# --- "Name:" lines ------------------------------------------------------------------------------------------


def test_transcript_lines_opening_with_a_quote_mark(nlp):
    text = ("Part of the exchange follows:\n\n"
            '"HOST: Why did the council delay the vote on the new library?\n\n'
            '"MAYOR: The council wanted more time to study the costs. We will vote next month.\n')
    statements = statements_in(nlp, text, broad=True)
    host, mayor = only(statements, "delay the vote"), only(statements, "study the costs")
    assert mention(host) == "HOST" and host["cue"] == ":" and host["kind"] == "indirect"
    assert mention(mayor) == "MAYOR"
    assert mayor["quote"]["text"].startswith("The council wanted")


def test_headline_name_colon_in_broad_mode(nlp):
    text = "Garner: The Port Deal Will Not Survive the Winter.\n\nThe senator spoke on Sunday about trade."
    statement = only(statements_in(nlp, text, broad=True), "Port Deal")
    assert mention(statement) == "Garner" and statement["cue"] == ":"
    assert not [s for s in statements_in(nlp, text) if "Port Deal" in s["quote"]["text"]]


# --- cues ---------------------------------------------------------------------------------------------------


def test_continued_takes_the_quotation_it_opens(nlp):
    text = ("The coach praised the young squad. She continued, “We have a long way to go, but these players "
            "never give up on each other.”")
    statement = only(statements_in(nlp, text), "long way to go")
    assert mention(statement) == "She" and statement["cue"] == "continued" and statement["kind"] == "direct"


def test_continued_is_never_widened_to_an_object():
    assert load_lexicon().verbs["continue"].widened().takes == frozenset()


def test_continued_to_rise_is_no_statement(nlp):
    assert statements_in(nlp, "The senator continued to gain ground through the winter.", broad=True) == []


def test_interrupting_cue_keeps_the_clause_hung_on_it(nlp):
    text = ("Though that handover was fairly smooth, he said, replacing the nominee now would be far more "
            "bitter and could invite fierce lobbying.")
    statement = only(statements_in(nlp, text), "fierce lobbying")
    assert statement["quote"]["text"].startswith("Though that handover was fairly smooth")


def test_according_to_heading_the_parse(nlp):
    text = "According to a veteran radio host Tim Rolls, the move reeks of “fear” and panic."
    statement = only(statements_in(nlp, text, broad=True), "reeks")
    assert statement["quote"]["text"] == "the move reeks of “fear” and panic"
    assert statement["kind"] == "mixed" and "Rolls" in mention(statement)


def test_according_to_statistics_names_them(nlp):
    text = "About 9.1 million retired teachers live in the region, according to federal statistics."
    statement = only(statements_in(nlp, text, broad=True), "retired teachers")
    assert mention(statement) == "federal statistics"


def test_in_a_poll_is_an_attribution_in_broad_mode(nlp):
    text = "In the latest Gallup survey, conducted in May, the governor led his rival by 6 points among voters."
    statement = only(statements_in(nlp, text, broad=True), "governor led")
    assert mention(statement) == "the latest Gallup survey" and statement["cue"] == "In"
    assert statements_in(nlp, text) == []


def test_in_a_statement_leaves_the_cue_to_the_verb(nlp):
    text = "In a statement on Friday, the mayor said the budget was balanced."
    statement = only(statements_in(nlp, text, broad=True), "budget was balanced")
    assert statement["cue"] == "said" and mention(statement) == "the mayor"


def test_typewriter_double_marks_pair_as_one_quotation(nlp):
    text = ("Ms. Grant shrugged. ''It's more patching than reform,'' said Ben Holt, an analyst at the institute. "
            "''I wouldn't call it a plan. It's basically a tax increase'' for the wealthy.\n")
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "It's more patching than reform,", "I wouldn't call it a plan. It's basically a tax increase"]
    assert [text[s.open_mark:s.outer_end][-3:] for s in spans] == [",''", "e''"]
    statement = only(statements_in(nlp, text), "patching")
    assert statement["kind"] == "direct" and "Holt" in statement["speaker"]["name"]
