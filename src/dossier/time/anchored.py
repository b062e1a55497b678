"""Background mentions of well-known dated events: "Russia's full-scale invasion" happened on
24 February 2022, whatever the article's own dates say ("the third anniversary of the invasion on
February 24" names 2025's anniversary, not the invasion).

The events and their cues come from data/anchor_events.yaml (extendable: see `load_anchor_events`),
the same table publication-date inference reads.  An event whose trigger word lies inside a cue's
match takes the anchor's day.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.time.pubdate import AnchorEvent, load_anchor_events


@dataclass(frozen=True)
class AnchorMention:
    start: int
    end: int
    event: AnchorEvent

    @property
    def value(self) -> str:
        return self.event.day.isoformat()


def anchor_mentions(text: str, events: tuple[AnchorEvent, ...] | None = None) -> list[AnchorMention]:
    """Every match of an anchor event's cues in `text`, in text order."""
    lower = text.lower()
    found = [AnchorMention(m.start(), m.end(), event)
             for event in (events if events is not None else load_anchor_events())
             for m in event.matches(text, lower)]
    return sorted(found, key=lambda a: (a.start, -a.end))


def anchor_covering(mentions: list[AnchorMention], start: int, end: int) -> AnchorMention | None:
    """The anchor mention that contains the span [start, end), if any."""
    return next((a for a in mentions if a.start <= start and end <= a.end), None)
