"""Positions on articles written for these tests, run through the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.corpus.issues import load_lexicon, region_key, regions_within
from dossier.corpus.positions import find_positions, split_sentences
from dossier.pipeline import process
from dossier.record import Article, Record

ARTICLES = {
    "sanctions": ("2024-03-13", "Hungary demanded that the European Union lift its sanctions on Russian gas imports. "
                                "Poland rejected the proposal on Wednesday, calling it a gift to Moscow."),
    "condition": ("2024-05-02", "Moldova will join the talks only if Russian troops leave Transnistria, "
                                "President Maia Sandu said on Monday."),
    "territory": ("2024-05-02", "The Kremlin demanded that Ukraine withdraw its forces from Zaporizhzhia Oblast.\n\n"
                                "Kyiv rejected the demand outright."),
    "hypothetical": ("2024-05-02", "Finland said it would push for new sanctions if Russia rejected the offer of "
                                   "direct talks."),
    "person": ("2024-09-20", "Georgian Prime Minister Irakli Kobakhidze proposed a referendum on the new constitution "
                             "on Friday."),
    "grain": ("2024-09-20", "Turkey proposed reopening the grain corridor in the Black Sea."),
}


def records(*names: str) -> list[Record]:
    articles = [Article(origin=n, text=ARTICLES[n][1], id=n, date=ARTICLES[n][0]) for n in names]
    states = process(articles, raw=True)
    return [s.record for s in states if s.record is not None]


@pytest.fixture(scope="module")
def positions() -> list[dict[str, Any]]:
    return find_positions(records("sanctions", "condition", "territory", "hypothetical", "person"))


def held(positions: list[dict[str, Any]], doc: str, country: str, stance: str) -> list[dict[str, Any]]:
    return [p for p in positions if p["doc"] == doc and p["holder_country"] == country and p["stance"] == stance]


def test_demand_then_rejection_of_it(positions: list[dict[str, Any]]) -> None:
    demand = held(positions, "sanctions", "HUN", "demand")
    assert [p["issue"] for p in demand] == ["sanctions"]
    assert demand[0]["holder"] == "Hungary"
    rejection = held(positions, "sanctions", "POL", "rejection")
    assert rejection and rejection[0]["issue"] == "sanctions"  # "the proposal" points back to the sanctions
    assert rejection[0]["evidence"].startswith("Poland rejected the proposal")
    assert not held(positions, "sanctions", "HUN", "rejection")


def test_only_if_is_a_condition(positions: list[dict[str, Any]]) -> None:
    found = held(positions, "condition", "MDA", "condition")
    assert found and found[0]["issue"] == "talks"
    assert found[0]["date"] == "2024-04-29"  # "on Monday" before Thursday 2 May
    assert not held(positions, "condition", "MDA", "acceptance")


def test_territory_is_named_by_region(positions: list[dict[str, Any]]) -> None:
    demand = held(positions, "territory", "RUS", "demand")
    assert [p["issue"] for p in demand] == ["territory: Zaporizhzhia Oblast"]
    assert demand[0]["holder"] == "Kremlin"
    rejection = held(positions, "territory", "UKR", "rejection")
    assert [p["issue"] for p in rejection] == ["territory: Zaporizhzhia Oblast"]
    assert rejection[0]["holder"] == "Ukraine"  # "Kyiv" stands for the state


def test_a_stance_under_if_is_not_taken(positions: list[dict[str, Any]]) -> None:
    assert not held(positions, "hypothetical", "RUS", "rejection")
    assert held(positions, "hypothetical", "FIN", "demand")


def test_a_person_keeps_the_position_with_a_country(positions: list[dict[str, Any]]) -> None:
    found = held(positions, "person", "GEO", "proposal")
    assert found and found[0]["holder"] == "Irakli Kobakhidze"
    assert found[0]["issue"] == "referendum"


def test_positions_follow_the_schema(positions: list[dict[str, Any]]) -> None:
    required = {"holder", "holder_country", "stance", "issue", "date", "doc", "evidence"}
    assert positions and all(set(p) == required for p in positions)
    for p in positions:
        assert p["stance"] in ("demand", "proposal", "condition", "acceptance", "rejection")
        assert p["evidence"] in ARTICLES[p["doc"]][1]  # verbatim from the body


def test_a_story_file_adds_its_own_issue(tmp_path: Path) -> None:
    recs = records("grain")
    assert not [p for p in find_positions(recs) if p["issue"] == "grain corridor"]
    story = tmp_path / "story.yaml"
    story.write_text("topics:\n  - name: grain corridor\n    patterns: ['grain\\s+corridors?']\n", encoding="utf-8")
    found = [p for p in find_positions(recs, issues_file=story) if p["issue"] == "grain corridor"]
    assert found and found[0]["holder"] == "Turkey" and found[0]["stance"] == "proposal"


def test_story_file_extends_a_default_topic(tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    story.write_text("topics:\n  - name: talks\n    patterns: ['parley']\n", encoding="utf-8")
    lex = load_lexicon(story)
    assert [t.name for _, t in lex.issues_in("a parley at dawn")] == ["talks"]
    assert [t.name for _, t in lex.issues_in("new peace talks")] == ["talks"]
    assert not load_lexicon().issues_in("a parley at dawn")


def test_sentences_keep_quotations_and_abbreviations_whole() -> None:
    body = ("“How can we talk? Why should we?” the minister said. The U.S. President agreed on Oct. 3. "
            "Talks resumed.")
    parts = [body[s.start:s.end] for s in split_sentences(body)]
    assert parts == ["“How can we talk? Why should we?” the minister said.",
                     "The U.S. President agreed on Oct. 3.", "Talks resumed."]


def test_regions_nest() -> None:
    assert regions_within("Donetsk Oblast", "Donbas") and regions_within("Donbas", "Luhansk Oblast")
    assert not regions_within("Kherson Oblast", "Donbas")
    assert region_key("Luhansk Oblast") == "Donbas" and region_key("Kherson Oblast") == "Kherson Oblast"


def test_hand_built_statement_uses_its_act() -> None:
    body = "Ukraine rejected the plan for a referendum in occupied areas."
    record = Record(id="hand", body=body, entities=[
        {"id": "gpe:ukraine", "name": "Ukraine", "type": "GPE", "country": "UKR",
         "mentions": [{"start": 0, "end": 7, "text": "Ukraine"}]}],
        statements=[{"id": "s1", "kind": "indirect", "cue": "rejected", "act": "REJECT", "date": "2024-01-05",
                     "quote": {"start": 17, "end": len(body) - 1, "text": body[17:-1]},
                     "speaker": {"entity_id": "gpe:ukraine", "name": "Ukraine",
                                 "mention": {"start": 0, "end": 7, "text": "Ukraine"}}}])
    found = find_positions([record])
    assert {(p["holder"], p["stance"], p["issue"], p["date"]) for p in found} >= {
        ("Ukraine", "rejection", "referendum", "2024-01-05")}
