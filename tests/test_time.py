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
    assert only("Sales grew over the past year.").value == "P1Y"
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
