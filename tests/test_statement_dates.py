"""A statement is dated by the clause of its reporting verb, found outside the quotation."""

from __future__ import annotations

from dossier import pipeline
from dossier.pipeline import cue_span
from dossier.record import Article


def test_the_cue_is_found_outside_the_quotation() -> None:
    text = 'The envoy said on Oct. 20: "As I said on Oct. 2, nothing has changed."'
    quote_start = text.index("As I said")
    statement = {"cue": "said", "evidence": {"start": 0, "end": len(text)},
                 "quote": {"start": quote_start, "end": len(text) - 2}}
    assert cue_span(statement, text) == (text.index("said"), text.index("said") + 4)


def test_each_saying_takes_the_date_of_its_own_clause() -> None:
    text = ("Port talks stall\n\nA harbour official said on Oct. 18 that the talks were paused. "
            'The transport minister reiterated on Oct. 20 that the city\'s position "has not changed."')
    [state] = pipeline.process([Article(origin="port.txt", text=text, date="2025-10-25")])
    assert state.record is not None
    dates = {st["cue"]: (st["date"], st["date_source"]) for st in state.record.statements}
    assert dates == {"said": ("2025-10-18", "text"), "reiterated": ("2025-10-20", "text")}
