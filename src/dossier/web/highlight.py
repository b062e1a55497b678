"""An article body as HTML with every extracted fact marked by its offsets.

Facts overlap (an event's evidence sentence holds a quotation, which holds names and dates), and
not always neatly, so the body is cut at every span boundary and each piece is wrapped in the spans
covering it, outermost first; a span that is cut in two is closed and reopened, and only its first
piece carries its `id`.  All text goes through `escape`: the body is untrusted.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# outermost first: a requested highlight, event evidence, statement quotes, then names and dates
LAYERS = {"hl": 0, "event": 1, "statement": 2, "entity": 3, "speaker": 3, "timex": 3}


@dataclass(eq=False)
class Span:
    start: int
    end: int
    kind: str
    anchor: str | None = None  # element id of the first piece
    href: str | None = None
    title: str = ""
    classes: list[str] = field(default_factory=list)

    def sort_key(self) -> tuple[int, int, int, str]:
        return (LAYERS[self.kind], self.start, -self.end, self.anchor or self.title)


def fact_spans(record: Any, incidents: dict[str, str], hl: tuple[int, int] | None = None) -> list[Span]:
    """Spans for the timexes, entity mentions, statements and events of a record."""
    spans: list[Span] = []
    if hl:
        spans.append(Span(hl[0], hl[1], "hl", anchor="hl", title="requested passage"))
    for ev in record.events:
        info = ev.get("text_info") or {}
        inc = incidents.get(ev["id"])
        who = ", ".join(p["name"] for p in ev.get("actor") or []) or "?"
        whom = ", ".join(p["name"] for p in ev.get("recipient") or [])
        title = f"{ev['event']}{'/' + ev['mode'] if ev.get('mode') else ''}: {who}{' → ' + whom if whom else ''}"
        spans.append(Span(info.get("start", 0), info.get("end", 0), "event", anchor=f"ev-{ev['id']}",
                          href=f"/incidents/{quote(inc, safe='')}" if inc else None, title=title))
    for st in record.statements:
        q = st.get("quote") or {}
        speaker = st.get("speaker") or {}
        spans.append(Span(q.get("start", 0), q.get("end", 0), "statement", anchor=f"st-{st['id']}",
                          title=f"{speaker.get('name') or 'unattributed'} ({st.get('act') or st['kind']})"))
    for ent in record.entities:
        for m in ent.get("mentions") or []:
            spans.append(Span(m["start"], m["end"], "entity", href=f"/actors/{quote(ent['id'], safe=':')}",
                              title=f"{ent['name']} ({ent['type']})", classes=[f"t-{ent['type'].lower()}"]))
    for tx in record.timexes:
        value = str(tx.get("value") or "")
        day = value[:10] if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-" else None
        spans.append(Span(tx["start"], tx["end"], "timex", href=f"/?since={day}&until={day}" if day else None,
                          title=f"{tx.get('type', 'TIMEX')} {value}"))
    return spans


def render(body: str, spans: list[Span]) -> Markup:
    """The body as escaped HTML with the spans nested inside one another."""
    size = len(body)
    good = [s for s in spans if 0 <= s.start < s.end <= size]
    cuts = sorted({0, size, *(s.start for s in good), *(s.end for s in good)})
    starting: dict[int, list[Span]] = {}
    for s in good:
        starting.setdefault(s.start, []).append(s)
    opened: set[int] = set()
    live: list[Span] = []
    stack: list[Span] = []
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        live = [s for s in live if s.end > a] + starting.get(a, [])
        active = sorted(live, key=Span.sort_key)
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            out.append("</a>" if _is_link(s, stack) else "</span>")
        stack = stack[:keep]
        for s in active[keep:]:
            out.append(_open(s, stack, first=id(s) not in opened))
            opened.add(id(s))
            stack.append(s)
        out.append(str(escape(body[a:b])))
    for s in reversed(stack):
        out.append("</a>" if _is_link(s, stack) else "</span>")
    return Markup("".join(out))


def _is_link(span: Span, stack: list[Span]) -> bool:
    """Names and dates are links unless inside another link (links must not nest)."""
    if span.kind not in ("entity", "speaker", "timex") or not span.href:
        return False
    outer = stack[: stack.index(span)] if span in stack else stack
    return not any(s.kind in ("entity", "speaker", "timex") and s.href for s in outer)


def _open(span: Span, stack: list[Span], *, first: bool) -> str:
    classes = " ".join(["f", f"f-{span.kind}", *span.classes, *([] if first else ["cont"])])
    attrs = [f'class="{classes}"', f'title="{escape(span.title)}"']
    if first and span.anchor:
        attrs.append(f'id="{escape(span.anchor)}"')
    if span.href:
        attrs.append(f'{"href" if _is_link(span, stack) else "data-href"}="{escape(span.href)}"')
    tag = "a" if _is_link(span, stack) else "span"
    return f"<{tag} {' '.join(attrs)}>"
