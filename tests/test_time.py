"""TIMEX3 tagging conventions (TimeML / TempEval-3), one test per convention, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from dossier.time.timex import Timex, tag_timexes

WED = date(2025, 2, 12)  # a Wednesday


def only(text: str, anchor: date | None = WED) -> Timex:
    found = tag_timexes(text, anchor)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


def values(text: str, anchor: date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, anchor)]


def test_bare_weekday_in_past_sentence_is_on_or_before_anchor() -> None:
    assert only("The mayor resigned Monday after a long dispute.").value == "2025-02-10"
    assert only("The council met Wednesday and voted.").value == "2025-02-12"


def test_next_weekday_is_strictly_after() -> None:
    assert only("The hearing is set for next Tuesday.").value == "2025-02-18"
    assert only("The hearing is set for next Wednesday.").value == "2025-02-19"


def test_last_weekday_is_strictly_before() -> None:
    assert only("The ferry sank last Wednesday.").value == "2025-02-05"


def test_future_tense_weekday_goes_forward() -> None:
    assert only("The board will vote on Friday.").value == "2025-02-14"


def test_earlier_this_year() -> None:
    t = only("Prices rose sharply earlier this year.")
    assert (t.text, t.value, t.mod) == ("earlier this year", "2025", "START")


def test_last_month() -> None:
    assert only("Exports fell last month.", date(2025, 1, 20)).value == "2024-12"


def test_overnight_on_a_date_tags_the_date_only() -> None:
    t = only("Rebels shelled the port overnight on Oct. 25, officials said.", date(2024, 10, 27))
    assert (t.text, t.value) == ("Oct. 25", "2024-10-25")


def test_two_day_month_dates() -> None:
    assert values("Polls open on 16 May and 2 June.", date(2024, 4, 1)) == [
        ("16 May", "DATE", "2024-05-16"), ("2 June", "DATE", "2024-06-02")]


def test_ordinal_year_of_a_war_is_not_a_calendar_date() -> None:
    found = tag_timexes("Fighting continued in the third year of the war.", WED)
    assert all(t.value not in ("2025", "2026", "2027") for t in found)


def test_fiscal_year() -> None:
    t = only("Revenue in fiscal 2024 beat forecasts.")
    assert (t.text, t.type, t.value) == ("fiscal 2024", "DATE", "2024")


def test_part_of_day() -> None:
    t = only("Firefighters arrived Tuesday morning.")
    assert (t.type, t.value) == ("TIME", "2025-02-11TMO")


def test_age_decade_is_not_a_timex() -> None:
    assert tag_timexes("The author, now in his 90s, still writes.", WED) == [
        t for t in tag_timexes("The author, now in his 90s, still writes.", WED) if t.text.lower() == "now"]
    assert values("Music from the 1990s filled the hall.") == [("the 1990s", "DATE", "199")]


def test_abbreviated_weekday_with_clock_rolls_the_year() -> None:
    t = only("The ferry service will restart Sun 9am.", date(2024, 12, 31))
    assert (t.type, t.value) == ("TIME", "2025-01-05T09:00")


def test_next_week_in_late_december_is_an_iso_week_of_next_year() -> None:
    assert only("Talks resume next week.", date(2025, 12, 24)).value == "2026-W01"


def test_durations() -> None:
    assert only("The siege lasted three years.").value == "P3Y"
    t = only("Rain fell for the past 48 hours.")
    assert (t.text, t.type, t.value) == ("the past 48 hours", "DURATION", "PT48H")
    assert only("Sales grew over the past two years.").value == "P2Y"
    assert only("The dispute has dragged on for years.").value == "PXY"


def test_set() -> None:
    t = only("The committee meets every week.")
    assert (t.type, t.value) == ("SET", "P1W")
    assert only("The newsletter is published weekly.").value == "P1W"


def test_present_past_future_refs() -> None:
    assert only("The bridge is now closed.").value == "PRESENT_REF"
    assert only("She currently leads the group.").value == "PRESENT_REF"
    assert only("He recently moved to Lyon.").value == "PAST_REF"
    assert only("Nobody can predict the future.").value == "FUTURE_REF"


def test_season() -> None:
    assert only("The stadium opens this spring.", date(2026, 1, 15)).value == "2026-SP"
    assert only("The stadium opened last fall.", date(2026, 1, 15)).value == "2025-FA"


def test_decade() -> None:
    t = only("Inflation peaked in the 1970s.")
    assert (t.text, t.value) == ("the 1970s", "197")


def test_quarter() -> None:
    t = only("Profit doubled in the third quarter.", date(2025, 10, 28))
    assert (t.text, t.value) == ("the third quarter", "2025-Q3")


def test_a_year_ago_is_a_date() -> None:
    assert only("Prices were lower a year ago.").value == "2024"


def test_unknown_anchor_gives_placeholders() -> None:
    assert only("The strike began Monday.", None).value == "XXXX-XX-XX"


def test_spans_index_the_text_and_to_dict() -> None:
    text = "On March 3, 2021 the plant closed; it reopened in May."
    found = tag_timexes(text, WED)
    assert [t.text for t in found] == ["March 3, 2021", "May"]
    d = found[0].to_dict()
    assert d == {"start": 3, "end": 16, "text": "March 3, 2021", "type": "DATE", "value": "2021-03-03"}
    assert "mod" not in d


def test_modal_may_is_not_a_month() -> None:
    assert tag_timexes("The court may rule soon.", WED) == []


def test_future_weekday_rolls_into_the_next_year() -> None:
    assert only("The summit will open Monday.", date(2025, 12, 31)).value == "2026-01-05"


def test_past_weekday_rolls_back_into_the_previous_year() -> None:
    assert only("The plant shut down Tuesday.", date(2025, 1, 2)).value == "2024-12-31"


def test_next_weekday_on_the_same_weekday_skips_a_week() -> None:
    assert only("Voting ends next Friday.", date(2025, 2, 14)).value == "2025-02-21"


def test_last_week_is_an_iso_week() -> None:
    assert only("Shares slid last week.").value == "2025-W06"


def test_friday_night_is_a_part_of_day_time() -> None:
    t = only("Looters struck Friday night.", date(2025, 2, 16))
    assert (t.text, t.type, t.value) == ("Friday night", "TIME", "2025-02-14TNI")


def test_century_and_paired_decades() -> None:
    assert only("Steel drove the economy of the 20th century.").value == "19"
    assert values("Fashion of the 80s and 90s returned.") == [("the 80s", "DATE", "198"), ("90s", "DATE", "199")]


def test_last_season_before_the_current_one() -> None:
    assert only("Floods hit the valley last summer.", date(2025, 2, 12)).value == "2024-SU"


def test_halves() -> None:
    assert only("Output rose in the first half of 2025.").value == "2025-H1"
    assert only("Margins shrank in the last half of 2024.").value == "2024-H2"
    assert only("Orders should recover in the first two quarters of 2026.").value == "2026-H1"


def test_quarter_under_discussion_and_year_ago_quarter() -> None:
    found = values("Sales rose in the quarter. A year earlier sales had fallen.", date(2025, 10, 29))
    assert found == [("the quarter", "DATE", "2025-Q3"), ("A year earlier", "DATE", "2024-Q3")]
    assert only("Earnings in the year-ago quarter were flat.", date(2025, 10, 29)).value == "2024-Q3"
    assert only("Its third-quarter profit doubled.", date(2025, 10, 29)).text == "third-quarter"


def test_quarter_with_a_year_adjective() -> None:
    assert only("Revenue in the 2023 second quarter fell.").value == "2023-Q2"
    assert only("The merger closes in next year's first quarter.", date(2025, 10, 29)).value == "2026-Q1"


def test_quarter_durations_and_fractions() -> None:
    t = only("Losses mounted over the past two quarters.")
    assert (t.type, t.value) == ("DURATION", "P2Q")
    assert tag_timexes("About three-quarters of the staff left.", WED) == []


def test_adjectival_duration_leaves_out_the_article() -> None:
    t = only("Officials extended the 14-day deadline.")
    assert (t.text, t.value) == ("14-day", "P14D")


def test_duration_range_and_or_so() -> None:
    t = only("Repairs will take two to three weeks.")
    assert (t.text, t.type) == ("two to three weeks", "DURATION")
    t = only("Prices will stay high for a week or so.")
    assert (t.text, t.value, t.mod) == ("a week or so", "P1W", "APPROX")


def test_month_range_gives_two_dates() -> None:
    assert values("The exhibition runs from March to May.", date(2025, 2, 1)) == [
        ("March", "DATE", "2025-03"), ("May", "DATE", "2025-05")]


def test_month_after_by_looks_forward_and_since_looks_back() -> None:
    assert only("He said the road would be finished by February.", date(2025, 10, 1)).value == "2026-02"
    assert only("Prices have doubled since November.", date(2025, 10, 1)).value == "2024-11"


def test_month_of_next_year_is_tagged_apart() -> None:
    assert values("The line closes after October of next year.", date(2025, 5, 1)) == [
        ("October", "DATE", "2026-10"), ("next year", "DATE", "2026")]


def test_clipped_year_and_year_end() -> None:
    assert only("The index hit its lowest level since '82.", date(2008, 10, 27)).value == "1982"
    t = only("The sale should close by year-end.")
    assert (t.text, t.value, t.mod) == ("year-end", "2025-12-31", None)
    t = only("The buyer hopes to close the sale by year's end.")
    assert (t.text, t.value, t.mod) == ("year's end", "2025", "END")


def test_spoken_years() -> None:
    assert only("In nineteen ninety-six the law changed.").value == "1996"
    assert only("Planners worried about the year two thousand.").value == "2000"


def test_clock_time_with_a_date_or_a_zone() -> None:
    t = only("The offer expires at 5 p.m. EST Nov. 9.", date(2025, 11, 2))
    assert (t.text, t.value) == ("5 p.m. EST Nov. 9", "2025-11-09T17:00")
    assert only("Central banks acted at 0800 UTC.").value == "2025-02-12T08:00Z"
    assert only("The court opened at 12:00 UTC Monday.").value == "2025-02-10T12:00Z"


def test_the_entire_year_is_the_year_in_question() -> None:
    t = only("The firm lost money for the entire year.")
    assert (t.type, t.value) == ("DATE", "2025")


def test_bare_plural_after_in() -> None:
    t = only("The index lost the gains in minutes.")
    assert (t.text, t.value) == ("minutes", "PTXM")


def test_headline_capitals_are_not_a_month() -> None:
    assert tag_timexes("REBELS MAY BE IN TOWN", WED) == []


def test_a_bare_century_is_not_a_date_and_does_not_crash() -> None:
    text = "The bridge has stood for a century. Century-old rules apply."
    values = [t.value for t in tag_timexes(text, date(2025, 3, 1))]
    assert values == ["P100Y"]


def test_a_second_consecutive_day_is_an_ordinal_not_a_duration() -> None:
    values = [t.value for t in tag_timexes("Trading was halted for a second consecutive day.", date(2024, 5, 2))]
    assert "PT1S" not in values


def test_a_passive_future_is_not_read_as_past() -> None:
    text = "The merger should be completed in October, the bank said."
    assert [t.value for t in tag_timexes(text, date(2024, 6, 5))] == ["2024-10"]


def test_the_same_period_last_year_takes_the_month_being_compared() -> None:
    text = "Car sales rose 12% in March compared with the same period last year."
    values = [t.value for t in tag_timexes(text, date(2024, 4, 3))]
    assert values[-1] == "2023-03"


def test_a_clock_time_with_an_ordinal_date_takes_that_date() -> None:
    text = "At a briefing at 16:15 UTC, June 1st, the minister resigned."
    assert tag_timexes(text, date(2024, 6, 4))[0].value == "2024-06-01T16:15Z"


def test_trading_days_are_a_duration() -> None:
    text = "Over the past five trading days the index lost 4%."
    assert any(t.value == "P5D" for t in tag_timexes(text, date(2024, 6, 4)))


def test_the_past_year_is_the_year_before_the_anchor() -> None:
    # TimeBank marks "the past year" as the calendar year before the document date
    t = only("Membership of the club doubled over the past year.")
    assert (t.type, t.value) == ("DATE", "2024")


def test_month_day_without_year_follows_the_tense_when_far_from_the_anchor() -> None:
    past = values("The bakery reported sales for the year ended March 31.", date(2025, 11, 2))
    assert past == [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2025-03-31")]
    coming = only("The dividend is payable Jan. 15 to holders.", date(2025, 10, 20))
    assert coming.value == "2026-01-15"
    near = only("The vote is set for Nov. 14.", date(2025, 11, 2))
    assert near.value == "2025-11-14"


def test_abbreviations_do_not_end_the_sentence_for_tense() -> None:
    text = "In January, a week after the Smith vs. Jones ruling, a depot burned down."
    assert tag_timexes(text, date(2025, 10, 25))[0].value == "2025-01"


def test_a_month_used_as_a_modifier_is_a_date_but_a_march_of_people_is_not() -> None:
    assert only("Lawyers cited the June agreement.", date(2025, 10, 1)).value == "2025-06"
    assert tag_timexes("Thousands joined the March of the Mothers.", date(2025, 10, 1)) == []
    assert tag_timexes("Thousands joined a March for Peace.", date(2025, 10, 1)) == []


def test_a_possessive_weekday_names_a_day_that_has_passed() -> None:
    text = "The families said they would appeal Monday's ruling."
    assert only(text).value == "2025-02-10"


def test_now_that_is_the_present() -> None:
    assert only("Prices fell now that the port is open.").value == "PRESENT_REF"


def test_idioms_and_quoted_titles_are_not_timexes() -> None:
    assert tag_timexes("The veterans suffer in the long run.", WED) == []
    assert tag_timexes("It was high noon for the league.", WED) == []
    assert tag_timexes('The minister spoke on the TV show "This Week," then left.', WED) == []
    assert tag_timexes("A second group of lawyers filed suit.", WED) == []
    assert only("He hesitated for a second.").value == "PT1S"


def test_the_current_fiscal_year() -> None:
    t = only("The club expects a loss in the current fiscal year.")
    assert (t.text, t.value) == ("the current fiscal year", "2025")


def test_reference_quarter_ignores_a_forecast_quarter() -> None:
    text = ("The mill posted higher third-quarter profit. It expects a fourth-quarter charge. "
            "Sales in the latest quarter rose from a year ago.")
    got = [t.value for t in tag_timexes(text, date(2025, 11, 2))]
    assert got == ["2025-Q3", "2025-Q4", "2025-Q3", "2024-Q3"]


def test_holiday_week_and_closest_holiday() -> None:
    assert only("Crowds gathered as Easter week began.", date(2024, 3, 27)).value == "2024-W13"
    assert only("Shops did well over Christmas.", date(2025, 1, 10)).value == "2024-12-25"


def test_several_weeks_ago_is_a_week_two_weeks_ago_a_day() -> None:
    assert only("The boat left six weeks ago.").value == "2025-W01"
    assert only("The boat left two weeks ago.").value == "2025-01-29"


def test_the_same_month_a_year_ago() -> None:
    text = "Sales fell 20% in January compared with the same month a year ago."
    assert values(text, date(2025, 2, 3))[-1] == ("the same month a year ago", "DATE", "2024-01")


def test_the_morning_and_mid_afternoon() -> None:
    assert only("Traders sold heavily in the morning.").value == "2025-02-12TMO"
    assert only("By mid-afternoon yesterday the index had recovered.").value == "2025-02-11TAF"
    assert only("She appeared in court the next morning.").value == "2025-02-13"


def test_spoken_decade() -> None:
    assert only("Crime dropped through the nineties.").value == "199"


def test_the_year_ended_is_a_period_and_for_the_year_is_the_year() -> None:
    assert values("Revenue was flat in the year ended June 30.")[0] == ("the year", "DURATION", "P1Y")
    assert only("For the year, volume was flat.").value == "2025"
    assert only("Earnings will be lower for the fiscal year.").value == "2025"


def test_this_summer_is_the_summer_of_the_anchor_year() -> None:
    assert only("The shares began trading this summer.", date(2025, 11, 1)).value == "2025-SU"


def test_the_following_month_follows_the_month_named_before() -> None:
    text = "In March the board received an offer. The following month, the firm put itself up for sale."
    assert values(text, date(2025, 10, 27))[-1] == ("The following month", "DATE", "2025-04")


def test_generic_today() -> None:
    assert tag_timexes("Phones rule today's world.", WED) == []
    assert only("Investors like today's Acme.").value == "PRESENT_REF"
    assert only("It ran in today's Daily Bugle.").value == "2025-02-12"


def test_every_quarter_is_a_quarterly_set() -> None:
    assert only("The firm pays interest every quarter.").value == "P1Q"


def test_the_bare_second_day_of_a_pair_takes_the_month() -> None:
    assert values("The summit meets on April 24 and 25.", date(2025, 2, 12)) == [
        ("April 24", "DATE", "2025-04-24"), ("25", "DATE", "2025-04-25")]
    assert [t.text for t in tag_timexes("Output rose on May 3 to 25 million tons.", WED)] == ["May 3"]


def test_n_units_later_is_a_duration_counted_from_another_event() -> None:
    assert values("Three days later, the index fell.") == [("Three days", "DURATION", "P3D")]
    assert values("A day earlier, trucks crossed the border.") == [("A day", "DURATION", "P1D")]
    assert only("The jet arrives three days later than planned.").value == "2025-02-15"


def test_a_bare_plural_ago_is_a_vague_past() -> None:
    assert only("Just months ago the firm was bankrupt.").value == "PAST_REF"


def test_now_in_a_compound_adjective_is_not_a_timex() -> None:
    assert tag_timexes("He spoke against the now-cancelled deal.", WED) == []


def test_a_capitalised_daily_in_mid_sentence_is_a_name() -> None:
    assert tag_timexes("The story ran in the Daily Courier.", WED) == []
    assert only("The paper is printed daily.").value == "P1D"


def test_a_year_in_a_list_after_a_comma_is_still_a_year() -> None:
    assert [t.value for t in tag_timexes("Cars crossed in 1994, 1995 and 1997.", WED)] == ["1994", "1995", "1997"]


def test_a_quoted_word_that_opens_speech_is_still_a_timex() -> None:
    assert only('"Tomorrow," the coach said.').value == "2025-02-13"
    text = "They marched by the end of May of that year."
    assert values(text, date(2025, 10, 1))[0] == ("the end of May", "DATE", "2025-05")


def test_an_initialism_does_not_end_the_sentence_that_sets_a_weekdays_direction() -> None:
    text = "The envoy is set to meet U.S. Senator Ann Lee in Oslo on Friday."
    assert [(t.text, t.value) for t in tag_timexes(text, date(2025, 2, 12))] == [("Friday", "2025-02-14")]
