"""Document context for normalisation: the anchor, tense near a mention, and what was mentioned before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from dossier.time.lexicon import alternation, lexicon

_ABBREVIATIONS = ("vs", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Jr",
                  "Sr", "No", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z])"  # and initials: "U.S."
_SENT_END = re.compile(rf"(?:{_NOT_AFTER}[.]|[!?])\s+(?=[A-Z\"'`(])|\n")
_CLAUSE = re.compile(r"[,;:]\s|\s--?\s|``|''")


@cache
def _cue_re() -> re.Pattern[str]:
    lex = lexicon()
    fut = alternation(lex["future_cues"])
    past = alternation(lex["past_cues"])
    # a participle after a form of 'be' ("be held", "is heard") is no past tense, nor an -ed adjective after an
    # article ("a planned visit")
    not_participle = "".join(rf"(?<!\b{w}\s)" for w in ("be", "is", "are", "am", "being"))
    not_adjective = "".join(rf"(?<!\b{w}\s)" for w in ("a", "an", "the"))
    past_or_ed = rf"{not_participle}(?:(?P<past>{past})|{not_adjective}(?P<ed>(?-i:[a-z]{{3,}}ed)))"
    return re.compile(rf"\b(?:(?P<fut>{fut})|{past_or_ed})\b", re.IGNORECASE)


@dataclass
class Context:
    text: str
    anchor: date | None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_date: date | None = None
    quarter_doc: bool = False
    seen: dict[str, str] = field(default_factory=dict)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        lo = max(0, start - 300)
        left = 0
        for m in _SENT_END.finditer(self.text, lo, start):
            left = m.end()
        left = max(left, lo)
        m = _SENT_END.search(self.text, end, min(len(self.text), end + 300))
        right = m.start() + 1 if m else min(len(self.text), end + 300)
        return left, right

    def tense(self, start: int, end: int) -> str | None:
        """'future' or 'past' from the closest tense cue, looking first in the clause, then in the sentence."""
        left, right = self.sentence(start, end)
        c_left, c_right = self._clause(left, right, start, end)
        return self._closest_cue(c_left, c_right, start, end) or self._closest_cue(left, right, start, end)

    def _clause(self, left: int, right: int, start: int, end: int) -> tuple[int, int]:
        cut = [m.end() for m in _CLAUSE.finditer(self.text, left, start)]
        m = _CLAUSE.search(self.text, end, right)
        return (cut[-1] if cut else left), (m.start() if m else right)

    def _closest_cue(self, left: int, right: int, start: int, end: int) -> str | None:
        best: tuple[float, str] | None = None
        for m in _cue_re().finditer(self.text, left, right):
            if start <= m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else 1.5 * (m.start() - end)
            kind = "future" if m.group("fut") else "past"
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None

    def ref_quarter(self) -> tuple[int, int] | None:
        """The quarter under discussion: the last one named, else the last completed one before the anchor."""
        if self.last_quarter:
            return self.last_quarter
        if self.anchor is None:
            return None
        q = (self.anchor.month - 1) // 3
        return (self.anchor.year, q) if q else (self.anchor.year - 1, 4)

    def before(self, start: int, n: int = 30) -> str:
        return self.text[max(0, start - n):start].lower()

    def after(self, end: int, n: int = 30) -> str:
        return self.text[end:end + n].lower()
