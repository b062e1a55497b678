"""Line classification and the choice of the article's main content region.

1. Every line gets a jusText-style label: ``bad`` (cue phrase, repeated, metadata), ``good``
   (sentence-like prose), ``neargood`` (short prose) or ``short`` (labels, headings, link text).
2. Each line gets a score (prose counts by its words, furniture against), and the article is the
   contiguous run of lines with the highest total (maximum subarray).  Articles are mostly one
   contiguous run of prose, and page furniture sits around it.
3. Inside that run, short lines survive only as subheadings between prose (context revision);
   captions, credits and other short non-sentences are dropped.
"""

from __future__ import annotations

from dossier.clean.lines import Line

# Furniture that is routinely embedded in the middle of an article: it should not cut the region.
_INLINE_REASONS = frozenset({"advertisement", "caption", "share buttons", "read-time", "app promotion"})
# Furniture that marks the end of the article: a related-stories list, the author box, the footer.
_BOUNDARY_PENALTY = {
    "related content": 25.0,
    "author bio": 15.0,
    "copyright": 20.0,
    "legal notice": 20.0,
    "comments": 10.0,
}
_GOOD_MIN_WORDS = 8
# Without closing punctuation a line is a caption, teaser or link unless it is long.
_UNPUNCTUATED_GOOD_WORDS = 40
_MAX_LINE_SCORE = 80.0


def classify(line: Line) -> str:
    """good / neargood / short for a line that is not already ``bad``."""
    w, stop = line.words, line.stop_density
    if line.terminal and w >= _GOOD_MIN_WORDS and stop >= 0.2:
        return "good"
    if w >= _UNPUNCTUATED_GOOD_WORDS and stop >= 0.25:
        return "good"
    if line.terminal and w >= 4 and stop >= 0.15:
        return "neargood"
    return "short"


def line_score(line: Line) -> float:
    if line.label == "good":
        return min(float(line.words), _MAX_LINE_SCORE)
    if line.label == "neargood":
        return 0.5 * line.words
    if line.label == "short":
        return -2.0
    if line.reason in _INLINE_REASONS:
        return -1.0
    return -5.0 - 0.5 * min(line.words, 60) - _BOUNDARY_PENALTY.get(line.reason or "", 0.0)


def best_region(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the maximum-score contiguous run of lines; (0, 0) when nothing scores."""
    best, best_start, best_end = 0.0, 0, 0
    run, run_start = 0.0, 0
    for i, line in enumerate(lines):
        if run <= 0:
            run, run_start = 0.0, i
        run += line_score(line)
        if run > best:
            best, best_start, best_end = run, run_start, i + 1
    return best_start, best_end


def trim_end(lines: list[Line], start: int, end: int) -> int:
    """Move the region's end back over trailing non-prose and a cut-off teaser.

    A related-story card printed after the article is a headline plus an excerpt cut mid-sentence;
    an article's own last paragraph ends with closing punctuation.
    """
    while end > start:
        last = lines[end - 1]
        if last.label in ("good", "neargood") and last.terminal:
            break
        end -= 1
    return end


def _prose(line: Line | None) -> bool:
    return line is not None and line.label in ("good", "neargood")


def _transparent(line: Line) -> bool:
    """Inline furniture (an ad label, a caption) does not separate a heading from its paragraph."""
    return line.label == "bad" and line.reason in _INLINE_REASONS


def _is_heading(line: Line) -> bool:
    """A subheading: a few words, capitalised, no sentence punctuation, no digits-heavy junk."""
    return (
        1 <= line.words <= 14
        and line.text[:1].isupper()
        and not line.sentence_end
        and line.digit_ratio < 0.2
        and line.chars <= 120
    )


def _is_list_item(line: Line) -> bool:
    """An item of an in-text list (ingredients, specs): mostly lower-case words."""
    return line.words >= 2 and line.capital_ratio < 0.5 and line.chars <= 200


def _short_runs(lines: list[Line], start: int, end: int) -> list[list[int]]:
    """Runs of consecutive ``short`` lines inside the region (inline furniture skipped)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(start, end):
        line = lines[i]
        if _transparent(line):
            continue
        if line.label == "short":
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _neighbour(lines: list[Line], i: int, step: int, start: int, end: int) -> Line | None:
    j = i + step
    while start <= j < end:
        if not _transparent(lines[j]):
            return lines[j]
        j += step
    return None


def kept_shorts(lines: list[Line], start: int, end: int) -> set[int]:
    """Context revision: which ``short`` lines inside the region are article text.

    A lone short line between prose is a subheading or a one-line paragraph.  A run of short lines
    between prose is kept only when it reads as a list (mostly lower-case items); a run of
    capitalised lines there is a block of links (related stories, tags).
    """
    keep: set[int] = set()
    for run in _short_runs(lines, start, end):
        before = _neighbour(lines, run[0], -1, start, end)
        after = _neighbour(lines, run[-1], 1, start, end)
        if not (_prose(before) and _prose(after)):
            continue
        if len(run) == 1:
            line = lines[run[0]]
            if _is_heading(line) or (line.sentence_end and line.words >= 3):
                keep.add(run[0])
            continue
        items = [i for i in run if _is_list_item(lines[i])]
        if len(items) * 2 > len(run):
            keep.update(items)
    return keep
