"""Timeline summaries (dossier.corpus.timeline): which days are salient, and their sentences.

The documents, days and sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corpus import timeline as tl
from dossier.corpus.timeline import DayEvidence, Filters, day_evidence, reference_weight, summarize_days


def docs(**published: str) -> dict[str, dict[str, Any]]:
    return {doc_id: {"published": day, "dup_group": doc_id} for doc_id, day in published.items()}


def mention(doc_id: str, day: str, sentence: str = "") -> tuple[str, str, int, str]:
    return doc_id, day, 0, sentence or f"Something happened on {day}."


def test_looking_back_counts_more_than_own_day_or_ahead():
    back = reference_weight("2031-03-02", "2031-03-04")
    assert back == pytest.approx(tl.PAST_REFERENCE * 0.5 ** (2 / tl.REFERENCE_HALF_LIFE))
    assert reference_weight("2031-03-04", "2031-03-04") == tl.OWN_DAY_REFERENCE
    assert reference_weight("2031-03-09", "2031-03-04") < back
    assert reference_weight("2031-03-02", None) == tl.PAST_REFERENCE


def test_references_to_a_distant_past_fade():
    recent = reference_weight("2031-03-01", "2031-03-04")
    decades = reference_weight("1990-03-01", "2031-03-04")
    assert recent > 0.99 and decades < 0.01
    assert reference_weight("2029-03-04", "2031-03-04") == pytest.approx(0.5 ** (730 / tl.REFERENCE_HALF_LIFE))


def test_a_day_many_later_reports_look_back_to_beats_a_busy_publication_day():
    known = docs(a="2031-05-10", b="2031-05-11", c="2031-05-12", g="2031-05-14", d="2031-05-20", e="2031-05-20",
                 f="2031-05-20")
    mentions = [mention(x, "2031-05-09") for x in "abcg"]
    mentions += [mention(x, "2031-05-20", "Today the council met.") for x in "def"]
    days = day_evidence([], [], mentions, {"2031-05-20": 3, "2031-05-10": 1}, Filters(), known)
    ranked = sorted(days.values(), key=lambda d: -d.salience())
    assert ranked[0].day == "2031-05-09"
    assert days["2031-05-20"].salience() == pytest.approx(3 * tl.OWN_DAY_REFERENCE + 3 * tl.PUBLISHED_WEIGHT)


def test_copies_of_one_article_count_once():
    known = docs(a="2031-06-03", b="2031-06-03", c="2031-06-04")
    known["b"]["dup_group"] = "a"
    mentions = [mention("a", "2031-06-01"), mention("b", "2031-06-01"), mention("c", "2031-06-02")]
    days = day_evidence([], [], mentions, {}, Filters(), known)
    assert list(days["2031-06-01"].references) == ["a"]
    assert days["2031-06-01"].salience() == pytest.approx(days["2031-06-02"].salience(), rel=0.01)


def test_a_document_naming_a_day_twice_counts_once():
    mentions = [mention("a", "2031-07-01", "First."), mention("a", "2031-07-01", "Second.")]
    days = day_evidence([], [], mentions, {}, Filters(), docs(a="2031-07-03"))
    assert len(days["2031-07-01"].references) == 1
    assert days["2031-07-01"].sentences == ["First.", "Second."]


def test_a_long_article_does_not_outweigh_many_reports():
    """One article with many incidents on its day against three articles recalling another day."""
    incidents = [_incident(f"i{n}", "2031-08-05", "long", 3.0) for n in range(200)]
    timeline = [{"date": "2031-08-05", "items": [tl.incident_item(i) for i in incidents]}]
    known = docs(long="2031-08-05", a="2031-08-06", b="2031-08-07", c="2031-08-08")
    mentions = [mention(x, "2031-08-01") for x in "abc"]
    days = day_evidence(timeline, incidents, mentions, {"2031-08-05": 1}, Filters(), known)
    assert days["2031-08-01"].salience() > days["2031-08-05"].salience()


def test_filtered_timelines_count_the_documents_of_matching_items():
    incidents = [_incident("i1", "2031-09-02", "a", 2.0), _incident("i2", "2031-09-02", "b", 2.0)]
    timeline = [{"date": "2031-09-02", "items": [tl.incident_item(i) for i in incidents]}]
    known = docs(a="2031-09-03", b="2031-09-04")
    days = day_evidence(timeline, incidents, [mention("a", "2031-09-01")], {}, Filters(actor="x"), known)
    assert set(days["2031-09-02"].references) == {"a", "b"}
    assert "2031-09-01" not in days  # text mentions cannot be filtered by actor


def test_without_document_dates_every_reference_counts_fully():
    days = day_evidence([], [], [mention("a", "2031-10-01"), mention("b", "2031-10-01")], {}, Filters())
    assert days["2031-10-01"].salience() == pytest.approx(2 * tl.REFERENCE_WEIGHT)


def test_summary_keeps_k_days_in_order_with_central_sentences():
    days = {
        "2031-11-01": DayEvidence("2031-11-01", sentences=["The bridge reopened to traffic.",
                                                           "Traffic crossed the reopened bridge.",
                                                           "A cat slept."], published=3),
        "2031-11-05": DayEvidence("2031-11-05", sentences=["Talks resumed."], published=1),
        "2031-11-03": DayEvidence("2031-11-03", sentences=["Nothing."], published=0),
    }
    out = summarize_days(days, 2, per_day=1)
    assert [d["date"] for d in out] == ["2031-11-01", "2031-11-05"]
    assert out[0]["sentences"][0] != "A cat slept."


def _incident(incident_id: str, day: str, doc_id: str, salience: float) -> dict[str, Any]:
    return {"id": incident_id, "event": "ASSAULT", "date": day, "salience": salience, "outlets": 1,
            "members": [{"doc": doc_id, "event_id": "e1", "evidence": f"An attack was reported on {day}."}]}


def test_central_sentences_skip_glued_captions_and_fragments():
    sentences = [
        "The ferry service across the bay resumed on Tuesday after repairs.",
        "Ferry service resumed\nPhoto: the harbour at dawn The ferry service across the bay resumed after repairs.",
        "Ferry resumed.",
        "Passengers welcomed the ferry service across the bay as it resumed after weeks of repairs.",
    ]
    idf = tl._idf(sentences)
    chosen = tl.central_sentences(sentences, idf, 2)
    assert all("\n" not in s and len(s.split()) >= 5 for s in chosen)
    assert tl.central_sentences(["Ferry resumed."], idf, 1) == ["Ferry resumed."]  # nothing better: kept
