"""Related-article teasers: cards outside the main text that report another event of the outlet.

News pages print cards of the outlet's other stories around an article: a short headline line and a
narrative excerpt ("Shells hit the town of X on March 3, injuring four people. On March 5 ...").
Cleaning removes them from the body; this module recognises them by the shape of their text, so that
they become documents of their own (``Cleaned.related``) instead of being lost.

A block of the page (a line of flattened text, a leaf element of HTML) is a teaser when it

- lies outside the main text and no other boilerplate rule claimed it (``Block.kind == "free"``);
- reads as news prose: at least 25 words, at least two sentences with a finite verb, and some verb
  in the past;
- neither speaks to or for the reader (first or second person outside quotations) nor reads as an
  author bio or the outlet describing itself (``teasers`` in ``dossier/data/boilerplate.yaml``);
- stands alone as a card: no other free prose right before or after it.  A card without a headline
  line must also look like an excerpt (cut off mid-sentence or ending in an ellipsis) and must not
  touch the body, because a whole paragraph outside the main text is more likely the article's own.

The short headline-like line right above it (capitalised, not a sentence) goes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dossier.clean.byline import looks_like_person
from dossier.clean.cues import cue_reason, section
from dossier.clean.lines import words_of
from dossier.clean.metadata import norm_key

Kind = Literal["body", "free", "other"]

MIN_WORDS = 25
MIN_SENTENCES = 2
MIN_SENTENCE_WORDS = 3
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 20
HEADLINE_MAX_CHARS = 160
PROSE_MIN_WORDS = 8

_BOUNDARY = re.compile(r"([.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)$")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»")
_EXCERPT_END = re.compile(r"(?:…|\.\.\.|[^.!?\"'”’»)\]])\s*$")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\. \. \.)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s*$")
_HEADLINE_BAD_END = re.compile(r"[.:,;]\s*$")
_SEPARATORS = ("|", " · ", "•", "›", "»")
_SELF_VERBS = "is|was|has|have|had|brings|offers|publishes|relies|depends|covers|reports"
_PRESENT_BE = frozenset({"is", "are", "am", "be", "being"})
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-–—*])\s")


@dataclass(frozen=True)
class Block:
    """One block of a page in reading order."""

    text: str
    kind: Kind  # body: the article's own text; free: outside it and claimed by no rule; other: the rest


@dataclass(frozen=True)
class Teaser:
    """Where a teaser sits among the blocks: its paragraph and its headline line, if any."""

    index: int
    headline: int | None = None


@dataclass(frozen=True)
class _Lexicon:
    finite: frozenset[str]
    past: frozenset[str]
    not_past: frozenset[str]
    abbreviations: frozenset[str]
    personal: re.Pattern[str]
    not_teaser: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = section("teasers")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(raw.get(key) or "").lower().split())

    return _Lexicon(
        finite=words("finite"),
        past=words("past"),
        not_past=words("not_past"),
        abbreviations=words("abbreviations"),
        personal=re.compile(str(raw.get("personal") or r"(?!)")),
        not_teaser=tuple(re.compile(str(p), re.IGNORECASE) for p in raw.get("not_teaser") or []),
    )


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a full stop after an abbreviation or an initial does not end one)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == "." and _abbreviation(text[: m.start(1)]):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _abbreviation(before_dot: str) -> bool:
    m = _LAST_WORD.search(before_dot)
    word = m.group(1).lower() if m else ""
    return word in _lexicon().abbreviations or (len(word) == 1 and word.isalpha())


def _is_past(tokens: list[str], j: int, lex: _Lexicon) -> bool:
    """A verb in the past: a listed form, or an -ed word that is no present passive ("cookies are used")."""
    token = tokens[j]
    lower = token.lower()
    if lower in lex.past:
        return True
    if not (token.islower() and len(token) > 4 and token.endswith("ed")) or token.endswith("eed"):
        return False
    before = [t.lower() for t in tokens[max(0, j - 2) : j]]
    if before and before[-1].endswith("ly"):  # "are automatically selected"
        before = before[:-1]
    return lower not in lex.not_past and not (before and before[-1] in _PRESENT_BE)


def _verbs(sentence: str, lex: _Lexicon) -> tuple[bool, bool]:
    """(has a finite verb, has a verb in the past) for one sentence, by word lists and the -ed ending."""
    tokens = words_of(sentence)
    past = any(_is_past(tokens, j, lex) for j in range(len(tokens)))
    return past or any(t.lower() in lex.finite for t in tokens), past


def _about_outlet(parts: list[str], outlet: str | None) -> bool:
    """The outlet as the subject of a sentence or of a verb: it is describing itself."""
    key = norm_key(outlet).removeprefix("the ")
    if not key:
        return False
    subject = re.compile(rf"\b{re.escape(key)} (?:{_SELF_VERBS})\b")
    return any(norm_key(s).removeprefix("the ").startswith(key) or subject.search(norm_key(s)) for s in parts)


def is_teaser_text(text: str, outlet: str | None = None) -> bool:
    """Narrative news prose that is no appeal, bio or self-description: the body of a teaser card."""
    if len(words_of(text)) < MIN_WORDS or "http" in text or "www." in text or "@" in text:
        return False
    lex = _lexicon()
    if lex.personal.search(_QUOTED.sub(" ", text)) or any(p.search(text) for p in lex.not_teaser):
        return False
    parts = [s for s in sentences(text) if len(words_of(s)) >= MIN_SENTENCE_WORDS]
    if _about_outlet(parts, outlet):
        return False
    verbs = [_verbs(s, lex) for s in parts]
    return sum(1 for finite, _ in verbs if finite) >= MIN_SENTENCES and any(past for _, past in verbs)


def is_headline(text: str) -> bool:
    """A card's headline line: a few capitalised words, one clause that does not end like a sentence or a
    label, and no list item, masthead, name or page furniture."""
    words = words_of(text)
    first = text.lstrip("\"“‘'«([")[:1]
    return (
        HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS
        and len(text) <= HEADLINE_MAX_CHARS
        and (first.isupper() or first.isdigit())
        and text.upper() != text
        and not _HEADLINE_BAD_END.search(text)
        and not _LIST_ITEM.match(text)
        and not any(sep in text for sep in _SEPARATORS)
        and sum(c.isdigit() for c in text) < 0.2 * len(text)
        and len(sentences(text)) == 1
        and not _lexicon().personal.search(text)
        and cue_reason(text, len(words)) is None
        and not looks_like_person(text)
    )


def _free_prose(block: Block | None, taken: set[int], index: int) -> bool:
    """Unclaimed whole paragraphs (not a teaser, not another card's cut-off excerpt): text the card would be
    part of."""
    if block is None or block.kind != "free" or index in taken:
        return False
    n = len(words_of(block.text))
    complete = bool(_SENTENCE_END.search(block.text)) and not _ELLIPSIS_END.search(block.text)
    return complete and n >= PROSE_MIN_WORDS


def _at(blocks: list[Block], i: int) -> Block | None:
    return blocks[i] if 0 <= i < len(blocks) else None


def _headline_of(blocks: list[Block], i: int, taken: set[int]) -> int | None:
    j = i - 1
    block = _at(blocks, j)
    if block is not None and block.kind == "free" and j not in taken and is_headline(block.text):
        return j
    return None


def _card(blocks: list[Block], i: int, taken: set[int], need_headline: bool) -> Teaser | None:
    head = _headline_of(blocks, i, taken)
    if head is None and need_headline:
        return None
    first = i if head is None else head
    before, after = _at(blocks, first - 1), _at(blocks, i + 1)
    if _free_prose(before, taken, first - 1) or _free_prose(after, taken, i + 1):
        return None
    if head is None:
        touches_body = any(b is not None and b.kind == "body" for b in (before, after))
        if touches_body or not _EXCERPT_END.search(blocks[i].text):
            return None
    return Teaser(i, head)


def find_teasers(blocks: list[Block], *, outlet: str | None = None, need_headline: bool = False) -> list[Teaser]:
    """The teaser cards among a page's blocks, in reading order."""
    found: list[Teaser] = []
    taken: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind != "free" or i in taken or not is_teaser_text(block.text, outlet):
            continue
        card = _card(blocks, i, taken, need_headline)
        if card is not None:
            found.append(card)
            taken.update(j for j in (card.index, card.headline) if j is not None)
    return found
