"""The time lexicon (data/time_lexicon.yaml) and the regex fragments built from it, loaded once."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def lexicon() -> dict[str, Any]:
    text = resources.files("dossier.data").joinpath("time_lexicon.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _phrase(word: str) -> str:
    """A lexicon phrase as regex: spaces match any run of whitespace, apostrophes either quote."""
    out = re.escape(word).replace(r"\ ", r"\s+")
    return out.replace("'", "['’]")


def alternation(words: list[str] | dict[str, Any], guard: set[str] | None = None) -> str:
    """Longest-first alternation; words in `guard` must appear capitalised as listed (scoped case flag)."""
    guard = guard or set()
    parts = []
    for word in sorted(words, key=len, reverse=True):
        cased = [g for g in guard if g.lower() == word]
        if cased:
            parts.append("(?-i:" + "|".join([re.escape(cased[0]), re.escape(cased[0].upper())]) + ")")
        else:
            parts.append(_phrase(word))
    return "(?:" + "|".join(parts) + ")"


def _abbrev_alt(names: dict[str, int], guard: set[str], full_len: int) -> str:
    """Names with an optional period after short forms (Jan., Sept.)."""
    parts = []
    for word in sorted(names, key=len, reverse=True):
        cased = [g for g in guard if g.lower() == word]
        body = f"(?-i:{re.escape(cased[0])}|{re.escape(cased[0].upper())})" if cased else re.escape(word)
        parts.append(body + (r"\b\.?" if len(word) < full_len and word != "may" else r"\b"))
    return "(?:" + "|".join(parts) + ")"


@cache
def fragments() -> dict[str, str]:
    """Named regex fragments shared by the rules."""
    lex = lexicon()
    guard = set(lex["case_sensitive"])
    months = lex["months"]
    weekdays = dict(lex["weekdays"])
    full_weekdays = {w: n for w, n in weekdays.items() if w not in lex["weekday_abbrev_guarded"]}
    units = lex["units"]
    unit_words = sorted(units, key=len, reverse=True)
    unit_re = "(?:centuries|" + "|".join(f"{u}s?" for u in unit_words) + ")"
    plain_numbers = [n for n in lex["numbers"] if n not in ("a", "an")]
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    ones = "(?:one|two|three|four|five|six|seven|eight|nine)"
    number = (
        rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{tens}(?:[-\s]{ones})?|{alternation(plain_numbers)}"
        rf"(?:\s+and\s+a\s+half)?|an?)"
    )
    return {
        "month": _abbrev_alt(months, guard, 5),
        "weekday": _abbrev_alt(full_weekdays, guard, 6),
        "weekday_any": _abbrev_alt(weekdays, guard, 6),
        "unit": unit_re,
        "number": number,
        "vague": alternation(lex["vague_numbers"]),
        "season": alternation(lex["seasons"]),
        "pod": alternation(lex["parts_of_day"]),
        "tz": alternation(lex["timezones"]),
        "holiday": alternation(lex["holidays"]),
        "ref": alternation(lex["refs"]),
        "deictic": alternation(lex["deictic_days"]),
        "setword": alternation(lex["set_words"]),
        "dmod": alternation([w for w, (_, in_span) in lex["duration_mods"].items() if in_span]),
        "pmod": r"(?:early|late|mid-?|the\s+(?:start|beginning|end|close|middle)\s+of|earlier|later)",
        "ordinal": r"(?:first|second|third|fourth|1st|2nd|3rd|4th)",
        "tens": tens,
        "ones": ones,
    }


def word_number(word: str) -> float | None:
    """Parse a number written in digits or words ('48', 'twenty-four', 'a', '5 1/2'); None if vague."""
    lex = lexicon()
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in lex["vague_numbers"]:
        return None
    half = 0.5 if w.endswith(" and a half") else 0.0
    w = w.removesuffix(" and a half")
    frac = re.fullmatch(r"(\d+) (\d)/(\d)", w)
    if frac:
        return int(frac[1]) + int(frac[2]) / int(frac[3])
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        return float(w.replace(",", "")) + half
    if w in lex["numbers"]:
        return lex["numbers"][w] + half
    parts = re.split(r"[-\s]", w)
    if all(p in lex["numbers"] for p in parts):
        return sum(lex["numbers"][p] for p in parts) + half
    return None
