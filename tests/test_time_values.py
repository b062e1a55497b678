"""Value normalisation rules (TimeML / TempEval-3 conventions), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from dossier.time.timex import tag_timexes

WED = date(2025, 2, 12)  # a Wednesday
OCT_89 = date(1989, 10, 26)


def value_of(text: str, span: str, anchor: date = WED) -> str | None:
    found = [t.value for t in tag_timexes(text, anchor) if t.text == span]
    return found[0] if found else None


def spans(text: str, anchor: date = WED) -> list[str]:
    return [t.text for t in tag_timexes(text, anchor)]


def test_month_next_to_the_anchor_stays_near_despite_past_tense() -> None:
    mid_august = date(2025, 8, 14)
    assert value_of("The union warned members of a strike in September.", "September",
                    mid_august) == "2025-09"
    # a month further off still follows the past tense
    assert value_of("The union warned members of a strike in November.", "November",
                    mid_august) == "2024-11"


def test_participle_after_be_is_not_past_tense() -> None:
    assert value_of("The appeal is heard in May.", "May") == "2025-05"
    assert value_of("The appeal was heard in May.", "May") == "2024-05"


def test_ed_adjective_after_article_is_not_past_tense() -> None:
    assert value_of("Investors await a delayed vote in May.", "May") == "2025-05"


def test_bare_plans_noun_is_no_future_cue_but_planned_to_is() -> None:
    assert value_of("On Friday, the travel plans of the minister changed.", "Friday") == "2025-02-07"
    assert value_of("The delegation planned to fly home on Thursday.", "Thursday") == "2025-02-13"


def test_year_earlier_after_nine_months_is_the_year_not_the_quarter() -> None:
    text = ("Acme reported third-quarter net of $5 million. For the nine months, Acme earned $9 million, "
            "compared with $2 million a year earlier.")
    assert value_of(text, "a year earlier", OCT_89) == "1988"
    quarter = "Acme said third-quarter net rose to $5 million from $4 million a year earlier."
    assert value_of(quarter, "a year earlier", OCT_89) == "1988-Q3"


def test_year_earlier_adjective_after_nine_months_is_the_year() -> None:
    text = ("Acme posted third-quarter net of $5 million. For the nine months, it had a loss, compared with "
            "year-earlier net of $3 million.")
    assert value_of(text, "year-earlier", OCT_89) == "1988"


def test_earlier_quarter_named_in_passing_keeps_the_reference_quarter() -> None:
    text = ("Acme posted a gain in third-quarter net. Sales stalled in a weak second quarter. "
            "Costs were lower than a year ago.")
    assert value_of(text, "a year ago", date(1989, 11, 1)) == "1988-Q3"
    assert value_of(text, "second quarter", date(1989, 11, 1)) == "1989-Q2"


def test_soon_in_future_clause_is_future_ref() -> None:
    assert value_of("The company will soon open a second plant.", "soon") == "FUTURE_REF"
    assert value_of("A ruling is expected very soon.", "very soon") == "FUTURE_REF"


def test_soon_in_past_or_relative_use_is_not_tagged() -> None:
    assert spans("He was soon released by the police.") == []
    assert "soon" not in " ".join(spans("They will leave as soon as the talks end."))
    assert "soon" not in " ".join(spans("The board will meet soon after the vote."))


def test_previous_and_following_weekday_count_from_the_day_under_discussion() -> None:
    monday = date(1989, 10, 30)
    text = "Shares closed on Oct. 27 above their level of the previous Friday."
    assert value_of(text, "the previous Friday", monday) == "1989-10-20"
    text = "The deal was signed on Oct. 20 and closed the following Monday."
    assert value_of(text, "the following Monday", monday) == "1989-10-23"
