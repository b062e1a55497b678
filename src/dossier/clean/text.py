"""Boilerplate removal and metadata for plain-text input (a page's visible text, flattened).

    clean_text(text, url=..., repeated=index.repeated(group), now=...) -> Cleaned

Steps, all plain regex and line work:
1. split into lines; a leading metadata prefix ("date 2025-06-04 ...") becomes a line of its own;
2. mark page furniture: metadata date lines, bylines, lines repeated across the outlet's other
   documents (``repeated``, from :class:`dossier.clean.repeats.RepeatIndex`), cue phrases
   (``dossier/data/boilerplate.yaml``), captions before a photo credit;
3. label the rest good / neargood / short and take the best contiguous region (``region.py``);
4. pick the headline before the body (``title.py``) and keep the region's prose and subheadings;
5. among the lines left outside the region, find related-article teasers (``teasers.py``): they are
   removed with reason "related article" and returned in ``Cleaned.related``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from dossier.clean.byline import bio_name, byline_names
from dossier.clean.datelines import DateLine, read_date_line, split_date_prefix
from dossier.clean.lines import Line, make_line, split_lines
from dossier.clean.outlets import detect_outlet
from dossier.clean.region import best_region, classify, kept_shorts, trim_end
from dossier.clean.repeats import line_key
from dossier.clean.teasers import Block, Kind, Teaser, find_teasers
from dossier.clean.title import pick_title
from dossier.record import Cleaned, Published, Related, Removed

_CAPTION_MAX_WORDS = 50
_CREDIT_MAX_WORDS = 15
_DEDUP_MIN_WORDS = 6
_STANDFIRST_GAP = 3
_DATE_KIND_RANK = {"published": 3, "byline": 2, "bare": 1, "updated": 0}
RELATED = "related article"


@dataclass
class _Page:
    lines: list[Line]
    outlet: str | None
    bylines: dict[int, list[str]] = field(default_factory=dict)
    dates: dict[int, DateLine] = field(default_factory=dict)


def _split_prefixes(lines: list[Line]) -> list[Line]:
    """Put a metadata prefix glued to the first line of text ("date 2025-06-04 Sign up ...") apart."""
    out: list[Line] = []
    for line in lines:
        parts = split_date_prefix(line.text) if line.index < 5 else None
        if parts:
            out.append(make_line(len(out), parts[0], line.blank_before))
            out.append(make_line(len(out), parts[1], False))
        else:
            line.index = len(out)
            out.append(line)
    return out


def _mark(line: Line, reason: str) -> None:
    line.label, line.reason = "bad", reason


def _byline_text(lines: list[Line], i: int) -> str:
    """A lone "By" line reads together with the name on the next line."""
    text = lines[i].text
    if text.rstrip(":").lower() == "by" and i + 1 < len(lines):
        return f"By {lines[i + 1].text}"
    return text


def _mark_metadata(page: _Page, now: datetime | None) -> None:
    for i, line in enumerate(page.lines):
        names = byline_names(_byline_text(page.lines, i), page.outlet)
        if names and line.words == 1 and i + 1 < len(page.lines):
            _mark(page.lines[i + 1], "byline")
        found = read_date_line(line.text, now)
        if names:
            page.bylines[line.index] = names
            _mark(line, "byline")
        if found:
            page.dates[line.index] = found
            if not names:
                _mark(line, "metadata")


def _mark_furniture(page: _Page, repeated: frozenset[str]) -> None:
    for line in page.lines:
        if line.label == "bad":
            continue
        if repeated and line_key(line.text) in repeated:
            _mark(line, "repeated across outlet")
        elif line.cue:
            _mark(line, line.cue)


def _mark_captions(lines: list[Line]) -> None:
    """A line right before a photo credit ("... (Jane Roe/AFP via Getty Images)") is its caption."""
    for i in range(len(lines) - 1):
        credit, line = lines[i + 1], lines[i]
        # A credit that carries its own caption text ("Jane Roe speaks. AFP / Getty") stands alone.
        is_credit = credit.reason == "caption" and credit.words <= _CREDIT_MAX_WORDS and ". " not in credit.text
        if is_credit and line.label != "bad" and line.words <= _CAPTION_MAX_WORDS:
            _mark(line, "caption")


def _classify_rest(lines: list[Line]) -> None:
    for line in lines:
        if line.label != "bad":
            line.label = classify(line)


def _standfirst(lines: list[Line], title: int | None, start: int) -> set[int]:
    """The sentence(s) right under the headline, before the byline and body (the dek)."""
    if title is None or title >= start:
        return set()
    out: set[int] = set()
    for i in range(title + 1, min(start, title + 1 + _STANDFIRST_GAP)):
        line = lines[i]
        if line.label in ("good", "neargood") and line.sentence_end:
            out.add(i)
        elif line.label != "bad" or line.reason not in ("byline", "metadata", "read-time", "caption"):
            break
    return out


def _select(
    page: _Page, start: int, end: int, title: int | None, related: frozenset[int] = frozenset()
) -> tuple[list[str], list[Removed]]:
    lines = page.lines
    title_key = line_key(lines[title].text) if title is not None else None
    shorts = kept_shorts(lines, start, end) | _standfirst(lines, title, start)
    kept: list[str] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        reason = RELATED if i in related else _drop_reason(lines, i, start, end, shorts, title, title_key)
        key = line_key(line.text)
        if reason is None and key in seen and line.words >= _DEDUP_MIN_WORDS:
            reason = "duplicate line"
        if reason is None:
            seen.add(key)
            kept.append(line.text)
        else:
            removed.append(Removed(line.text, reason))
    return kept, removed


def _drop_reason(
    lines: list[Line], i: int, start: int, end: int, shorts: set[int], title: int | None, title_key: str | None
) -> str | None:
    line = lines[i]
    if i == title:
        return "title"
    if title_key is not None and line_key(line.text) == title_key:
        return "headline copy"
    if line.label == "bad":
        return line.reason or "boilerplate"
    if i in shorts:
        return None
    if not start <= i < end:
        return "outside main text"
    if line.label in ("good", "neargood"):
        return None
    return "short non-sentence"


def _block_kind(lines: list[Line], i: int, start: int, end: int, title: int | None) -> Kind:
    """What a line is to the teaser finder: the body, free (outside it, claimed by no rule), or other.

    Lines between the headline and the body (standfirst, lede cut off by furniture) are the host's own;
    a line repeated across the outlet's pages is free unless a cue phrase claims it (a teaser card of
    the outlet's sidebar repeats too).
    """
    line = lines[i]
    if start <= i < end:
        return "body"
    if i == title or (title is not None and title < i < start):
        return "other"
    if line.label == "bad" and not (line.reason == "repeated across outlet" and line.cue is None):
        return "other"
    if title is not None and line_key(line.text) == line_key(lines[title].text):
        return "other"
    return "free"


def _find_teasers(page: _Page, start: int, end: int, title: int | None) -> list[Teaser]:
    lines = page.lines
    blocks = [Block(line.text, _block_kind(lines, i, start, end, title)) for i, line in enumerate(lines)]
    return find_teasers(blocks, outlet=page.outlet)


def _related(lines: list[Line], teasers: list[Teaser]) -> list[Related]:
    return [
        Related(title=lines[t.headline].text if t.headline is not None else None, text=lines[t.index].text)
        for t in teasers
    ]


def _near(index: int, start: int) -> int:
    """Distance from the start of the body, with lines before it preferred."""
    return start - index if index < start else 2 * (index - start) + 1


def _pick_authors(page: _Page, start: int, end: int) -> list[str]:
    if page.bylines:
        best = min(page.bylines, key=lambda i: _near(i, start))
        return page.bylines[best]
    for line in page.lines[end:]:
        name = bio_name(line.text)
        if name:
            return [name]
    return []


def _pick_published(page: _Page, start: int) -> Published:
    if not page.dates:
        return Published()
    near = {i: d for i, d in page.dates.items() if i <= start + 3}
    pool = near or {i: d for i, d in page.dates.items() if d.kind == "published"}
    if not pool:
        return Published()
    best = min(pool, key=lambda i: (-_DATE_KIND_RANK[pool[i].kind], _near(i, start)))
    found = pool[best]
    return Published(
        date=found.day.isoformat(),
        precision="day",
        method="metadata",
        confidence=found.confidence,
        evidence=page.lines[best].text,
    )


def clean_text(
    text: str,
    *,
    url: str | None = None,
    repeated: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> Cleaned:
    """The article's own paragraphs, headline, authors, outlet and metadata date of a flattened page."""
    text = text or ""
    page = _Page(lines=_split_prefixes(split_lines(text)), outlet=detect_outlet(text, url))
    if not page.lines:
        return Cleaned(body="", outlet=page.outlet)
    _mark_metadata(page, now or datetime.now())
    _mark_furniture(page, repeated)
    _mark_captions(page.lines)
    _classify_rest(page.lines)
    start, end = best_region(page.lines)
    end = trim_end(page.lines, start, end)
    title = pick_title(page.lines, start, url)
    teasers = _find_teasers(page, start, end, title)
    marked = frozenset(j for t in teasers for j in (t.index, t.headline) if j is not None)
    kept, removed = _select(page, start, end, title, marked)
    removed = [r for r in removed if r.reason != "title"]
    return Cleaned(
        body="\n\n".join(kept),
        title=page.lines[title].text if title is not None else None,
        authors=_pick_authors(page, start, end),
        outlet=page.outlet,
        published=_pick_published(page, start),
        removed=removed,
        related=_related(page.lines, teasers),
    )
