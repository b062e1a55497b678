"""Contradictions on articles written for these tests, run through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corpus.contradictions import date_range, find_contradictions
from dossier.corpus.positions import find_positions
from dossier.pipeline import process
from dossier.record import Article, Record

ARTICLES = {
    "agree": ("2024-05-02", "Georgia agreed to a prisoner exchange with Russia, the foreign ministry in Tbilisi said."),
    "reject": ("2024-07-10", "Georgia rejected any prisoner exchange with Russia, the foreign ministry in Tbilisi "
                             "said on Wednesday."),
    "again": ("2024-08-01", "Georgia again rejected a prisoner exchange with Russia on Thursday."),
    "sides": ("2024-08-01", "Armenia proposed a ceasefire along the border on Thursday. Azerbaijan rejected the "
                            "ceasefire."),
    "close": ("2024-11-05", "Serbian President Aleksandar Vucic said on Monday that Serbia and Kosovo were close to a "
                            "settlement.\n\nOn Tuesday, Serbia rejected any compromise on the status of northern "
                            "Kosovo."),
    "blame": ("2024-10-02", "Serbia accused Kosovo of staging the attack on the monastery.\n\n"
                            "Kosovo denied any involvement in the attack on the monastery."),
    "toll_a": ("2024-04-19", "A missile strike on Dnipro killed 5 people on Friday."),
    "toll_b": ("2024-04-19", "A missile strike on Dnipro killed 7 people on Friday."),
    "anniv": ("2021-03-10", "The envoy arrives days before the tenth anniversary of the war on March 15."),
    "year12": ("2021-06-01", "The government says it will fight on in the war, now in its twelfth year."),
    "year11": ("2021-06-01", "Aid groups warned that the war, now in its eleventh year, has emptied the villages."),
}


def records(*names: str) -> list[Record]:
    articles = [Article(origin=n, text=ARTICLES[n][1], id=n, date=ARTICLES[n][0]) for n in names]
    return [s.record for s in process(articles, raw=True) if s.record is not None]


def contradictions(recs: list[Record], incidents: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    return find_contradictions(recs, find_positions(recs), incidents or [])


def pair(c: dict[str, Any]) -> set[str]:
    return {c["a"]["doc"], c["b"]["doc"]}


@pytest.fixture(scope="module")
def georgia() -> list[dict[str, Any]]:
    return contradictions(records("agree", "reject", "again"))


def test_acceptance_then_rejection_is_a_position_change(georgia: list[dict[str, Any]]) -> None:
    changes = [c for c in georgia if c["kind"] == "position-change" and pair(c) == {"agree", "reject"}]
    assert len(changes) == 1
    c = changes[0]
    assert c["a"]["doc"] == "agree" and c["a"]["evidence"] == ARTICLES["agree"][1]  # the earlier stance first
    assert c["b"]["evidence"].startswith("Georgia rejected any prisoner exchange")
    assert "prisoners" in c["reason"]


def test_the_same_stance_repeated_is_no_contradiction(georgia: list[dict[str, Any]]) -> None:
    assert not [c for c in georgia if pair(c) == {"reject", "again"}]


def test_two_parties_disagreeing_is_no_contradiction() -> None:
    recs = records("sides")
    positions = find_positions(recs)
    assert {(p["holder"], p["stance"]) for p in positions if p["issue"] == "ceasefire"} >= {
        ("Armenia", "proposal"), ("Azerbaijan", "rejection")}
    assert find_contradictions(recs, positions, []) == []


def test_a_deal_is_close_against_the_same_state_rejecting_compromise() -> None:
    found = contradictions(records("close"))
    assert len(found) == 1 and found[0]["kind"] == "claim-vs-claim"
    assert "close to a settlement" in found[0]["a"]["evidence"]
    assert "rejected any compromise" in found[0]["b"]["evidence"]


def test_an_accusation_against_the_accused_denying_it() -> None:
    found = contradictions(records("blame"))
    assert len(found) == 1
    assert found[0]["a"]["evidence"].startswith("Serbia accused Kosovo")
    assert found[0]["b"]["evidence"].startswith("Kosovo denied")


def test_a_source_disagreement_on_an_incident() -> None:
    recs = records("toll_a", "toll_b")
    members = []
    for r in recs:
        event = next(e for e in r.events if e["event"] == "ASSAULT")
        members.append({"doc": r.id, "event_id": event["id"], "evidence": event["text_info"]["text"]})
    incident = {"id": "i1", "event": "ASSAULT", "date": "2024-04-19", "members": members, "outlets": 2,
                "disagreements": [{"field": "dead", "values": [5, 7]}]}
    found = [c for c in contradictions(recs, [incident]) if c["kind"] == "source-disagreement"]
    assert len(found) == 1
    assert pair(found[0]) == {"toll_a", "toll_b"}
    assert "5" in found[0]["reason"] and "7" in found[0]["reason"] and "dead" in found[0]["reason"]
    agreeing = {**incident, "disagreements": []}
    assert not [c for c in contradictions(recs, [agreeing]) if c["kind"] == "source-disagreement"]


def test_the_age_of_a_war_that_cannot_hold() -> None:
    found = contradictions(records("anniv", "year12", "year11"))
    assert [pair(c) for c in found] == [{"anniv", "year12"}]
    assert found[0]["kind"] == "source-disagreement"
    assert "2011-03-15" in found[0]["reason"]


def test_hand_built_incident_without_records_reads_values_from_evidence() -> None:
    incident = {"id": "i2", "event": "ASSAULT", "date": "2024-01-01", "outlets": 2,
                "members": [{"doc": "x", "event_id": "e1", "evidence": "Twelve died, 12 in all."},
                            {"doc": "y", "event_id": "e4", "evidence": "The toll rose to 15."}],
                "disagreements": [{"field": "dead", "values": [12, 15]}]}
    found = find_contradictions([], [], [incident])
    assert len(found) == 1 and pair(found[0]) == {"x", "y"}


def test_dates_of_every_precision() -> None:
    assert date_range("2025-06") == (date_range("2025-06-01")[0], date_range("2025-06-30")[0])  # type: ignore[index]
    assert date_range("2025-W24")[0].isoformat() == "2025-06-09"  # type: ignore[index]
    assert date_range("PRESENT_REF") is None
