"""Publication date from the text alone, one test per rule, on short articles written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.time.pubdate import infer_published, load_anchor_events


def test_weekday_and_date_pick_the_year_among_those_named_nearby() -> None:
    text = ("On Thursday, March 6, the harbour board approved the new ferry timetable. "
            "The plan was first tabled in 2023 and revised twice since.")
    out = infer_published(text)
    # 6 March is a Thursday in 2025 (and 2031, 2036, but those are far from 2023); the article is from within a
    # week after it, which the text does not narrow down to one day
    assert (out.date, out.precision, out.method) == ("2025-03", "month", "text")
    assert "Thursday, March 6" in (out.evidence or "")


def test_a_date_without_a_matching_weekday_gives_no_day() -> None:
    text = ("On Wednesday, March 6, the harbour board approved the new ferry timetable. "
            "The plan was first tabled in 2023 and revised twice since.")
    assert not (infer_published(text).date or "").startswith("2025")


def test_anniversary_of_an_anchor_event_gives_the_year() -> None:
    text = ("Hundreds of people gathered in the square on Sunday to mark the second anniversary of "
            "the Hamas attack on Israel, lighting candles and reading out names.")
    out = infer_published(text)
    assert out.date is not None and out.date.startswith("2025")
    assert "second anniversary" in (out.evidence or "")


def test_nearly_n_years_after_an_event_is_just_before_the_anniversary() -> None:
    text = ("The front line has barely moved, and soldiers on both sides are exhausted nearly four years after "
            "Russia's full-scale invasion of Ukraine began.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2026-02", "month")


def test_months_after_an_event_give_a_month_not_a_day() -> None:
    text = ("Regional lenders are still losing deposits two months after the collapse of Silicon Valley Bank, "
            "analysts said.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2023-05", "month")


def test_past_weekday_date_with_a_coming_weekday_fixes_the_day() -> None:
    text = ("On Tuesday, March 4, 2025, the mayor announced a new budget for the city's libraries. "
            "The council is expected to vote on the plan on Thursday.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2025-03-04", "day")


def test_a_date_reported_as_ahead_bounds_the_article_from_above() -> None:
    text = ("The mayor will announce a new budget for the city's libraries on Tuesday, March 4, 2025, "
            "and the council will vote on it the week after.")
    out = infer_published(text)
    assert out.date is not None
    assert out.date[:len("2025-03-04")] < "2025-03-04" or out.precision != "day"
    assert out.date.startswith("2025")


def test_bare_weekday_after_the_latest_past_date_is_the_news_day() -> None:
    text = ("The two delegations met in Geneva on 16 May and 2 June. Talks resumed after the drone attacks on "
            "Russian airfields on 1 June. The envoy said on Friday that a third round was likely. "
            "On Friday the sides also swapped prisoners, the ministry said.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2025-06-06", "day")  # the first Friday after 2 June 2025


def test_a_crawl_date_bounds_the_date_and_supplies_the_year() -> None:
    text = "On Thursday, March 6, the ferry operator said it would add two late-night sailings."
    assert infer_published(text).method == "none"  # 6 March is a Thursday in many years
    out = infer_published(text, crawled=date(2025, 5, 1))
    assert (out.date, out.precision) == ("2025-03", "month")
    earlier = infer_published(text, crawled=date(2025, 3, 1))  # 6 March 2025 is after the bound: 2014 is next
    assert not (earlier.date or "").startswith("2025")


def test_a_file_date_is_only_a_bound() -> None:
    text = "On Thursday, March 6, the ferry operator said it would add two late-night sailings."
    assert infer_published(text, not_after=date(2025, 5, 1)).method == "none"  # 2025, 2014, 2008 all fit
    dated = "On Thursday, March 6, 2025, the ferry operator said it would add two late-night sailings."
    assert infer_published(dated, not_after=date(2026, 1, 1)).date == infer_published(dated).date


def test_no_evidence_gives_method_none() -> None:
    out = infer_published("The bakery on the corner sells rye bread, poppy-seed rolls and a very good cheesecake.")
    assert (out.date, out.precision, out.method) == (None, None, "none")


def test_bare_years_alone_claim_nothing() -> None:
    out = infer_published("The company was founded in 1998 and expects to open a second plant in 2027.")
    assert out.date is None


def test_user_events_extend_the_builtin_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = tmp_path / "events.yaml"
    events.write_text("events:\n  - id: bridge_collapse\n    date: 2019-08-14\n    name: bridge collapse\n"
                      "    cues: ['collapse of the Riverside Bridge']\n", encoding="utf-8")
    text = "Families held a vigil on the fifth anniversary of the collapse of the Riverside Bridge."
    assert infer_published(text).method == "none"
    out = infer_published(text, events=load_anchor_events(events))
    assert out.date is not None and out.date.startswith("2024")
    monkeypatch.setenv("DOSSIER_ANCHOR_EVENTS", str(events))
    assert (infer_published(text, events=load_anchor_events()).date or "").startswith("2024")


def test_yearless_weekday_date_takes_the_one_fitting_year_near_the_years_named() -> None:
    text = ("On Thursday, November 30, the museum reopened its west wing, which had been closed since a flood in "
            "2022.")
    out = infer_published(text)
    # 30 November is a Thursday in 2023 and 2028; only 2023 lies within a few years after 2022
    assert out.date is not None and out.date.startswith("2023")


def test_years_named_on_both_sides_bracket_the_year() -> None:
    out = infer_published("The plant closed in 2021 after a fire. The owners will reopen it in 2023.")
    assert out.date == "2022" and out.precision == "year"
    wide = infer_published("The plant closed in 2020 after a fire. The owners will reopen it in 2023.")
    assert wide.date is None  # 2021 or 2022: no claim


def test_a_dated_weekday_ahead_across_new_year_does_not_give_the_year() -> None:
    out = infer_published("The final episode will air on Thursday, January 4, 2024, at 8 p.m.")
    assert not (out.date or "").startswith("2024")


def test_an_anchor_events_own_day_elsewhere_in_the_text_is_not_the_news_day() -> None:
    text = ("The couple toured a kibbutz on Thursday, weeks after the October 7 attack. Gunmen took hostages there "
            "on October 7. On Thursday they also met families of the hostages, officials said.")
    out = infer_published(text)
    assert out.precision != "day"


def test_bare_weekdays_refine_only_after_the_latest_past_date() -> None:
    text = ("He left work on Thursday, November 2, 2023, and was not seen again. His body was found on Nov. 21. "
            "On Monday, prosecutors said two men had been charged; one said on Friday he was innocent.")
    out = infer_published(text)
    assert out.date is not None and out.date.startswith("2023")
    assert out.date != "2023-11-06" and out.precision != "day"


def test_a_dateline_names_the_day() -> None:
    text = "ODESA, March 3, 2025 (Wire) - Drones hit the grain terminal overnight, port officials said."
    out = infer_published(text)
    assert (out.date, out.precision) == ("2025-03-03", "day")
    assert "ODESA, March 3, 2025" in (out.evidence or "")


def test_a_date_given_for_today_names_the_day_once_the_year_is_known() -> None:
    # the year: after X, formerly Twitter, got its name (July 2023), and within a few years of 2020
    text = ("The comedian opened a paid video channel today (Dec. 11) on X, formerly Twitter. She had quit her "
            "old network in October 2020.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2023-12-11", "day")


def test_a_date_for_today_without_any_year_claims_nothing() -> None:
    text = "The ferry company launched its new timetable today (March 3), the harbour master said."
    assert infer_published(text).date is None


def test_today_is_weekday_and_date_fixes_the_year_among_those_near() -> None:
    text = "Today is Monday, March 3, and the harbour reopens after the storm of 2024."
    out = infer_published(text)
    assert (out.date, out.precision) == ("2025-03-03", "day")


def test_an_updated_stamp_names_the_day() -> None:
    text = "Drones struck the port overnight, officials said.\n\nUpdated: March 3, 2025\n"
    assert infer_published(text).date == "2025-03-03"


def test_a_study_published_on_a_day_is_not_the_articles_stamp() -> None:
    text = "A study published March 3 in a journal found that mice sleep less in the cold."
    assert infer_published(text).precision != "day"


def test_n_years_ago_earlier_in_the_sentence_of_an_event_gives_the_year() -> None:
    text = ("Traders remembered how, 30 years ago, markets fell by a fifth on the day known as Black Monday. "
            "Shares rose slightly.")
    out = infer_published(text)
    assert out.date is not None and out.date.startswith("2017")


def test_an_events_anniversary_puts_the_article_near_its_day() -> None:
    text = ("Brokers marked the Black Monday anniversary quietly: 30 years ago, markets fell by a fifth on "
            "the day known as Black Monday.")
    out = infer_published(text)
    assert (out.date, out.precision) == ("2017-10", "month")


def test_stamps_with_a_clock_time_or_an_iso_date() -> None:
    assert infer_published("Rain closed the pass.\nUpdated 3:45 PM EST, March 3, 2025\n").date == "2025-03-03"
    assert infer_published("Rain closed the pass.\nPublished 2025-03-03\n").date == "2025-03-03"
    assert infer_published("Rain closed the pass.\nPosted: 3 March 2025\n").date == "2025-03-03"
