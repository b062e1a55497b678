"""Tests for the plain-text cleaning path (dossier.clean.text) and the repeat index.

All texts here are written for these tests (invented places, people and outlets' furniture).
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from dossier.clean.byline import byline_names
from dossier.clean.cues import cue_reason
from dossier.clean.datelines import read_date_line
from dossier.clean.outlets import detect_outlet, outlet_from_text, outlet_from_url
from dossier.clean.repeats import RepeatIndex, group_of, line_key
from dossier.clean.text import clean_text
from dossier.record import Cleaned, Published

FIXTURES = Path(__file__).parent / "fixtures" / "text"
NOW = datetime(2024, 6, 1)


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _reasons(cleaned: Cleaned) -> dict[str, str]:
    return {r.text: r.reason for r in cleaned.removed}


# --------------------------------------------------------------------------- a full page
@pytest.fixture(scope="module")
def nav_page() -> Cleaned:
    url = "https://www.example-courier.test/2024/03/ferry-sheds-solar"
    return clean_text(_fixture("nav_article.txt"), url=url, now=NOW)


def test_body_keeps_article_paragraphs(nav_page: Cleaned) -> None:
    body = nav_page.body
    assert body.startswith("The town council of Port Alder voted on Tuesday")
    assert "“We have looked at these sheds rotting for ten years" in body
    assert body.endswith("which the cooperative accepted.")
    assert "\n\nWhat happens next\n\n" in body  # a subheading between paragraphs


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to main content",
        "4 min read",
        "Advertisement",
        "Article continues below this ad",
        "Photo by Alex Moor",
        "The empty ferry sheds on the east quay",
        "Copy link",
        "Fishing fleet returns early",
        "Sign up for our free morning newsletter",
        "Jane Roe is a reporter",
        "All rights reserved",
        "Privacy Policy",
        "Harbour town votes",
    ],
)
def test_body_drops_furniture(nav_page: Cleaned, furniture: str) -> None:
    assert furniture not in nav_page.body


def test_metadata_from_page(nav_page: Cleaned) -> None:
    assert nav_page.title == "Harbour town votes to turn old ferry sheds into a solar workshop"
    assert nav_page.authors == ["Jane Roe", "Tomas Vidal"]
    assert nav_page.published.date == "2024-03-03"
    assert nav_page.published.method == "metadata"
    assert nav_page.published.precision == "day"
    assert nav_page.published.evidence == "By Jane Roe and Tomas Vidal | March 3, 2024"


def test_removed_lines_carry_reasons(nav_page: Cleaned) -> None:
    reasons = _reasons(nav_page)
    assert reasons["4 min read"] == "read-time"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Photo by Alex Moor/Getty Images"] == "caption"
    assert reasons["The empty ferry sheds on the east quay, seen from the breakwater."] == "caption"
    assert reasons["Read more"] == "related content"
    assert reasons["Harbour town votes to turn old ferry sheds into a solar workshop"] == "headline copy"
    assert all(r.reason for r in nav_page.removed)


def test_donation_appeal_and_widget() -> None:
    cleaned = clean_text(_fixture("donation_appeal.txt"), now=NOW)
    assert cleaned.title == "Ministers agree to reopen the northern rail link after two years of repairs"
    assert cleaned.outlet == "Meduza"
    assert cleaned.body.startswith("Trains will run again on the northern rail link")
    assert cleaned.body.endswith("by almost half.")
    for junk in (
        "Dear readers",
        "monthly donation",
        "no matter how small",
        "Once",
        "Monthly",
        "Remind me",
        "Ivan Petrov / AFP",
        "Support Meduza",
    ):
        assert junk not in cleaned.body
    reasons = _reasons(cleaned)
    assert reasons["Dear readers,"] == "donation appeal"
    assert reasons["Workers check the new track near the river crossing. Ivan Petrov / AFP"] == "caption"


def test_metadata_prefix_is_split_off() -> None:
    cleaned = clean_text(_fixture("metadata_prefix.txt"), now=NOW)
    assert cleaned.published == Published(
        date="2024-03-05", precision="day", method="metadata", confidence=0.9, evidence="date 2024-03-05"
    )
    assert "digest" not in cleaned.body.lower()
    assert "inbox" not in cleaned.body
    assert cleaned.body.startswith("Shares in the country's largest grain trader")
    assert cleaned.title is None  # no headline on this page
    assert _reasons(cleaned)["date 2024-03-05"] == "metadata"


def test_future_metadata_date_is_ignored() -> None:
    text = "Published March 3, 2031\n\n" + _fixture("metadata_prefix.txt").split("\n", 1)[1]
    cleaned = clean_text(text, now=NOW)
    assert cleaned.published == Published()


def test_repeated_lines_are_dropped() -> None:
    text = _fixture("metadata_prefix.txt")
    line = "Analysts cautioned that prices could fall later in the year if other producers also report strong harvests."
    cleaned = clean_text(text, repeated=frozenset({line_key(line)}), now=NOW)
    assert "Analysts cautioned" not in cleaned.body
    assert _reasons(cleaned)[line] == "repeated across outlet"


# --------------------------------------------------------------------------- robustness
@pytest.mark.parametrize("text", ["", "   \n\n\t  ", "\u200b\ufeff", "\x00\x01\x02", "🙂" * 50, "a\rb\r\nc"])
def test_degenerate_input_does_not_raise(text: str) -> None:
    cleaned = clean_text(text, now=NOW)
    assert isinstance(cleaned, Cleaned)
    assert isinstance(cleaned.body, str)


def test_empty_text_gives_empty_body() -> None:
    assert clean_text("").body == ""


def test_weird_unicode_survives() -> None:
    para = (
        "Die Brücke über den Fluss wurde am Montag nach zwei Jahren Bauzeit für den Verkehr freigegeben, "
        "sagte die Stadt."
    )
    text = "\u202eRTL\u202c\n" + "\ud7ff\U0001f600 menu\n" + para + "\n" + para.replace("Montag", "Dienstag")
    cleaned = clean_text(text, now=NOW)
    assert "Brücke" in cleaned.body


def test_long_lines_and_big_text_are_linear() -> None:
    block = _fixture("nav_article.txt")
    big = "\n".join(block.replace("Port Alder", f"Port {i}") for i in range(400))  # ~1 MB, unique lines
    t0 = time.perf_counter()
    clean_text(big, now=NOW)
    assert time.perf_counter() - t0 < 30
    clean_text("word " * 300_000, now=NOW)  # one 1.5 MB line


# --------------------------------------------------------------------------- repeat index
def test_repeat_index_counts_documents_per_group() -> None:
    index = RepeatIndex()
    shared = "Support our newsroom today!"
    index.add("example.test", f"{shared}\nFirst article sentence here.")
    index.add("example.test", f"{shared.upper()}\nSecond article sentence here.")
    index.add("other.test", "First article sentence here.")
    assert index.repeated("example.test") == frozenset({line_key(shared)})
    assert index.repeated("other.test") == frozenset()
    assert index.repeated("missing.test") == frozenset()


def test_repeat_index_ignores_a_duplicate_document() -> None:
    index = RepeatIndex()
    index.add("g", "Same text line.\nAnother line.")
    index.add("g", "Same text line.\nAnother line.")
    assert index.repeated("g") == frozenset()


def test_line_key_normalises_case_punctuation_and_space() -> None:
    assert line_key("  Read   MORE: ") == line_key("read more")
    assert line_key("Ünïcode—dash") == "ünïcode dash"


def test_group_of_uses_host_then_text() -> None:
    assert group_of("", "https://www.Example.test/a/b") == "example.test"
    assert group_of("Support Meduza!\nText.", None) == "Meduza"
    assert group_of("No outlet named here.", None) is None


# --------------------------------------------------------------------------- helpers
def test_outlet_detection() -> None:
    assert outlet_from_url("https://edition.cnn.com/2024/01/01/x") == "CNN"
    assert outlet_from_url("https://www.kyivindependent.com/a") == "The Kyiv Independent"
    bio = "Jane Roe is a reporter at the Kyiv Independent, covering energy."
    assert outlet_from_text(bio) == "The Kyiv Independent"
    assert outlet_from_text("Get the Energy Source myFT Digest in your inbox.") == "Financial Times"
    assert outlet_from_text("Nothing to see here.") is None
    assert detect_outlet("Support Meduza!", "https://unknown.test/x") == "Meduza"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe", ["Jane Roe"]),
        ("By Jane RoeMar 3, 2024", ["Jane Roe"]),
        ("By Jane Roe and Tomas Vidal | March 3, 2024", ["Jane Roe", "Tomas Vidal"]),
        ("Written by Ana Lima, Senior Reporter", ["Ana Lima"]),
        ("By the time the ferry arrived, the quay was empty.", []),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert byline_names(line, None) == names


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("date 2024-05-04", "2024-05-04"),
        ("date 2025-06-04", None),
        ("First Published: 12 May 2023, 10:04 IST", "2023-05-12"),
        ("Published March 3, 2024", "2024-03-03"),
        ("By Jane Roe Dec 22, 2023", "2023-12-22"),
        ("Thursday, December 21, 2023", "2023-12-21"),
        ("The bridge opened on March 3, 2024, after two years of work.", None),
    ],
)
def test_date_lines(line: str, day: str | None) -> None:
    found = read_date_line(line, NOW)
    assert (found.day.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advertisement"),
        ("3 min read", "read-time"),
        ("Skip to content", "navigation"),
        ("Sign up for our weekly newsletter", "newsletter"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("Recommended Stories", "related content"),
        ("(With inputs from agencies)", "agency credit"),
        ("The council voted seven to two after a long debate on Tuesday.", None),
    ],
)
def test_cue_reasons(line: str, reason: str | None) -> None:
    assert cue_reason(line, len(line.split())) == reason
