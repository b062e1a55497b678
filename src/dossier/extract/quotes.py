"""Quotation-mark spans in plain text: straight and curly, double and single, across paragraphs.

Pairing is done paragraph by paragraph. A quote still open at the end of a paragraph continues only when
the next paragraph opens with a quote mark (the newspaper convention for multi-paragraph quotes);
otherwise it is closed at the paragraph end, so an odd number of marks never swallows the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIGUOUS = '"'
SINGLE_OPEN = "‘"
SINGLE_AMBIGUOUS = "'’"
TYPEWRITER = "''"  # two apostrophes standing for a double quotation mark (``It's,'' he said.)
TYPEWRITER_MARK = re.compile(r"''(?=(.?))", re.DOTALL)
MAX_QUOTE_CHARS = 3000  # longer spans are pairing accidents, not quotes
MAX_SINGLE_QUOTE_CHARS = 400

PARAGRAPH = re.compile(r"[^\n]+")
DOUBLE_MARKS = re.compile(f"[{DOUBLE_OPEN}{DOUBLE_CLOSE}{DOUBLE_AMBIGUOUS}]")
SINGLE_MARKS = re.compile(f"[{SINGLE_OPEN}{SINGLE_AMBIGUOUS}]")
OPENING_CONTEXT = set(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character after the opening mark
    end: int  # the closing mark (exclusive end of the content)
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    double: bool
    close_len: int = 1  # 2 for the typewriter double mark '' (two apostrophes)

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Double-quoted spans first, then single-quoted spans that are not inside them, in text order."""
    doubles = [_widen_typewriter(text, s) for s in _pair_marks(_typewriter_as_double(text), double=True)]
    singles = [s for s in _pair_marks(text, double=False) if not any(_inside(s, d) for d in doubles)]
    return sorted(doubles + singles, key=lambda s: s.open_mark)


def _typewriter_as_double(text: str) -> str:
    """The text with each '' read as one double mark plus a filler of the same length: a letter-like filler
    before a word (an opening mark), a space otherwise (a closing one), so offsets stay the same."""
    return TYPEWRITER_MARK.sub(lambda m: "\"'" if m.group(1).isalnum() else "\" ", text) if TYPEWRITER in text else text


def _widen_typewriter(text: str, span: QuoteSpan) -> QuoteSpan:
    """A span paired on '' marks: its content starts after both apostrophes, and its closing mark is two long."""
    start = span.start + 1 if text.startswith(TYPEWRITER, span.open_mark) else span.start
    closing = span.close_mark is not None and text.startswith(TYPEWRITER, span.close_mark)
    return replace(span, start=min(start, span.end), close_len=2 if closing else 1)


def _inside(inner: QuoteSpan, outer: QuoteSpan) -> bool:
    return outer.open_mark <= inner.open_mark and inner.outer_end <= outer.outer_end


def _pair_marks(text: str, *, double: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for para in PARAGRAPH.finditer(text):
        if open_at is not None and not (double and _reopens(text, open_at, para.start())):
            if double and not _opens_with_quote(text, para.start(), double):  # else a stray mark of a new style
                spans.append(_unclosed(text, open_at, _previous_paragraph_end(text, para.start()), double))
            open_at = None
        first_mark = True
        marks = DOUBLE_MARKS if double else SINGLE_MARKS
        for mark in marks.finditer(text, para.start(), para.end()):
            i = mark.start()
            role = _mark_role(text, i, double)
            if role is None:
                continue
            if open_at is not None and first_mark and i == _first_visible(text, para.start()):
                first_mark = False  # the reopening mark of a continued quote
                continue
            first_mark = False
            if role == "open" and open_at is None:
                open_at = i
            elif role == "close" and open_at is not None:
                spans.append(QuoteSpan(open_at + 1, i, open_at, i, double))
                open_at = None
            elif role == "open" and open_at is not None and not double:
                open_at = i
            elif role == "either":
                if open_at is None:
                    open_at = i
                else:
                    spans.append(QuoteSpan(open_at + 1, i, open_at, i, double))
                    open_at = None
            elif role == "open":
                open_at = i  # a second opening mark: the first one was stray
    if open_at is not None and double:
        spans.append(_unclosed(text, open_at, len(text.rstrip()), double))
    limit = MAX_QUOTE_CHARS if double else MAX_SINGLE_QUOTE_CHARS
    return [s for s in spans if 0 < s.end - s.start <= limit and text[s.start:s.end].strip()]


def _unclosed(text: str, open_at: int, end: int, double: bool) -> QuoteSpan:
    end = max(open_at + 1, end)
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at + 1, end, open_at, None, double)


def _previous_paragraph_end(text: str, para_start: int) -> int:
    end = para_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _first_visible(text: str, start: int) -> int:
    while start < len(text) and text[start] in " \t":
        start += 1
    return start


def _reopens(text: str, open_at: int, para_start: int) -> bool:
    """The paragraph continues the quote opened at `open_at`: it opens with a quote mark of the same style
    (a straight mark left open never runs on into a paragraph that opens with a curly one, or back)."""
    i = _first_visible(text, para_start)
    straight = text[open_at] == DOUBLE_AMBIGUOUS
    return _opens_with_quote(text, para_start, True) and (text[i] == DOUBLE_AMBIGUOUS) == straight


def _opens_with_quote(text: str, para_start: int, double: bool) -> bool:
    i = _first_visible(text, para_start)
    return i < len(text) and _mark_role(text, i, double) in ("open", "either")


def _mark_role(text: str, i: int, double: bool) -> str | None:
    """'open', 'close', 'either' or None (not a quote mark here, e.g. an apostrophe)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if double:
        if ch in DOUBLE_OPEN:
            return "open"
        if ch in DOUBLE_CLOSE:  # a closing mark that opens a paragraph is a mistyped opening one
            return "open" if before == "\n" and after.isalnum() else "close"
        if ch not in DOUBLE_AMBIGUOUS:
            return None
        if before in OPENING_CONTEXT and not after.isspace():
            return "open"
        if not before.isspace() and (after.isspace() or not after.isalnum()):
            return "close"
        return "either"
    if ch in SINGLE_OPEN:
        return "open" if before in OPENING_CONTEXT or not before.isalnum() else None
    if ch not in SINGLE_AMBIGUOUS:
        return None
    if before.isalnum() and after.isalnum():
        return None  # don't, Ukraine's
    if before in OPENING_CONTEXT and after.isalnum():
        return "open" if ch == "'" else None
    if not before.isspace() and not after.isalnum():
        return "close"
    return None
