"""date_of(span): a statement or event takes its date from its own clause, else says it fell back."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.nlp import load_nlp
from dossier.record import Published
from dossier.time.dating import Dating
from dossier.time.timex import tag_timexes

PUBLISHED = Published(date="2025-03-14", precision="day", method="given", confidence=1.0)


def dating_for(text: str, published: Published = PUBLISHED, parse: bool = True) -> Dating:
    anchor = date.fromisoformat(published.date) if published.date and published.precision == "day" else None
    timexes = [t.to_dict() for t in tag_timexes(text, anchor)]
    doc = load_nlp()(text) if parse else None
    return Dating(timexes, published, doc=doc, text=text)


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_the_saying_is_dated_by_its_own_clause() -> None:
    text = "The foreign minister said on March 3 that the talks would resume next month."
    ref = dating_for(text).date_of(*span_of(text, "said"))
    assert (ref.value, ref.source) == ("2025-03-03", "text")


def test_a_date_inside_the_quoted_content_does_not_date_the_saying() -> None:
    text = 'The envoy said: "We will meet again on April 2."'
    quote = span_of(text, "We will meet again on April 2.")
    ref = dating_for(text).date_of(*span_of(text, "said"), exclude=quote)
    assert (ref.value, ref.source) == ("2025-03-14", "publication")


def test_a_bare_weekday_in_the_past_dates_the_event() -> None:
    text = "Drones struck a depot near the port on Tuesday, the regional governor wrote."
    ref = dating_for(text).date_of(*span_of(text, "struck"))
    assert (ref.value, ref.source) == ("2025-03-11", "text")


def test_another_sentence_s_date_is_not_borrowed() -> None:
    text = "Shelling hit the market on Monday. The mayor condemned the attack."
    ref = dating_for(text).date_of(*span_of(text, "condemned"))
    assert ref.source == "publication"


def test_no_publication_date_means_unknown_not_invented() -> None:
    text = "The mayor condemned the attack."
    ref = dating_for(text, Published()).date_of(*span_of(text, "condemned"))
    assert (ref.value, ref.source) == (None, None)


def test_durations_and_vague_references_do_not_date_an_act() -> None:
    text = "Officials now say the siege lasted three weeks."
    ref = dating_for(text).date_of(*span_of(text, "say"))
    assert ref.source == "publication"


@pytest.mark.parametrize("parse", [True, False])
def test_without_a_parse_the_nearest_date_in_the_sentence_is_used(parse: bool) -> None:
    text = "Negotiators met in Geneva on Feb. 20, 2025. Nothing was agreed."
    ref = dating_for(text, parse=parse).date_of(*span_of(text, "met"))
    assert (ref.value, ref.source) == ("2025-02-20", "text")
    assert dating_for(text, parse=parse).date_of(*span_of(text, "agreed")).source == "publication"


def test_a_verbless_sentence_deep_in_a_long_article_is_dated_without_hanging() -> None:
    """spaCy does not keep one Python object per token in long documents: walking heads must compare indices."""
    filler = " ".join(f"The council met in district {n} on Monday." for n in range(200))
    text = f"{filler} Final score on Saturday: Riverton 2, Hillcrest 0."
    ref = dating_for(text).date_of(*span_of(text, "Riverton 2"))
    assert ref.source in ("text", "publication")


def test_a_background_mention_of_a_well_known_event_takes_that_events_day() -> None:
    text = "Crowds gathered on Monday to mark the anniversary of Russia's full-scale invasion of Ukraine."
    ref = dating_for(text).date_of(*span_of(text, "invasion"))
    assert (ref.value, ref.source) == ("2022-02-24", "text")
    assert ref.timex is not None and ref.timex["anchor"] == "ukraine_full_scale_invasion"
    gathered = dating_for(text).date_of(*span_of(text, "gathered"))
    assert gathered.value == "2025-03-10"


def test_an_event_noun_takes_the_date_of_its_own_relative_clause() -> None:
    text = "Officials welcomed the talks that took place in Vienna on March 3, but gave no details."
    ref = dating_for(text).date_of(*span_of(text, "talks"))
    assert (ref.value, ref.source) == ("2025-03-03", "text")
    welcomed = dating_for(text).date_of(*span_of(text, "welcomed"))
    assert welcomed.source == "publication"


def test_an_attached_clause_without_its_own_date_shares_its_heads() -> None:
    text = 'The minister said on March 3 that the border would stay shut, arguing that "security comes first."'
    ref = dating_for(text).date_of(*span_of(text, "arguing"))
    assert (ref.value, ref.source) == ("2025-03-03", "text")
    other = "The minister spoke on March 3, and the envoy answered on March 5."
    answered = dating_for(other).date_of(*span_of(other, "answered"))
    assert answered.value == "2025-03-05"
