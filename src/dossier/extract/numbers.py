"""Counts of people in an event sentence: dead, injured, arrested and other people (prisoners exchanged, remains
returned, workers deployed).

    event_counts("Strikes killed one man and wounded at least four residents.")
    -> {"dead": 1, "injured": 4, "arrested": None, "people": None}

Words and digits both count; a bound ("at least", "more than", "up to") keeps the number stated.
"""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_ONE_PERSON = (r"(?:man|woman|person|child|boy|girl|civilian|soldier|serviceman|officer|policeman|resident|teenager|"
               r"driver|worker|journalist|passenger|volunteer|medic|doctor|nurse|firefighter|rescuer|prisoner|"
               r"inmate|detainee|protester|demonstrator|student|farmer|activist|photographer|reporter|pensioner)")
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million))?"
    rf"|(?:(?:{_WORD})(?:[\s-](?:{_WORD}))?)(?:\s+(?:hundred|thousand|million))?"
    rf"|(?:a|an)(?=\s+(?:[\w-]+\s+){{0,2}}{_ONE_PERSON}\b)"  # 'killed a woman', 'a 12-year-old boy was killed'
)
_BOUND = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|roughly|approximately|"
    r"a\s+further|another|an\s+additional|a\s+total\s+of|as\s+many\s+as|fewer\s+than|less\s+than)\s+)?"
)
_NOT_UNIT = r"(?!\s*(?:km|kilomet|mile|year|day|hour|%))"
_BE = r"(?:were|was|have\s+been|had\s+been|are|been)?\s*(?:reportedly\s+)?"
_GAP = (r"(?:(?!and\b|or\b|who\b|that\b|which\b|kill|injur|wound|arrest|detain)[\w'’-]+\s+){0,4}?"
        r"(?:[\w'’-]*,\s*(?:including|among\s+them|most\s+of\s+them|all\s+of\s+them)[^,.;]{0,60},\s*)?")

_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "dead": [
        re.compile(rf"\b(?:kill(?:s|ed|ing)?|claim(?:ed|ing)?\s+the\s+lives\s+of|left)\s+{_BOUND}(?P<n>{NUMBER})\b"
                   + _NOT_UNIT, re.I),
        re.compile(rf"\b{_BOUND}(?P<n>{NUMBER})\s+{_GAP}{_BE}(?:killed|dead|died|slain|perished)\b", re.I),
        re.compile(rf"\b(?:death\s+toll|toll)\s+(?:\w+\s+){{0,4}}?(?:to|of|at|reached|rose\s+to)\s+{_BOUND}"
                   rf"(?P<n>{NUMBER})\b", re.I),
        re.compile(rf"\b(?P<n>{NUMBER})\s+(?:\w+\s+)?(?:deaths|fatalities|dead)\b", re.I),
    ],
    "injured": [
        re.compile(rf"\b(?:injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?|hurt(?:ing)?)\s+{_BOUND}(?P<n>{NUMBER})\b"
                   + _NOT_UNIT, re.I),
        re.compile(rf"\b{_BOUND}(?P<n>{NUMBER})\s+{_GAP}{_BE}(?:injured|wounded|hurt)\b", re.I),
    ],
    "arrested": [
        re.compile(rf"\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|jail(?:s|ed|ing)?|round(?:ed)?\s+up)\s+{_BOUND}"
                   rf"(?P<n>{NUMBER})\b", re.I),
        re.compile(rf"\b{_BOUND}(?P<n>{NUMBER})\s+{_GAP}{_BE}(?:arrested|detained|jailed|rounded\s+up)\b", re.I),
    ],
}
_CUES = {  # a field's patterns only run on a sentence with one of its words (they are slow to fail)
    "dead": ("kill", "dead", "die", "death", "toll", "fatalit", "slain", "perish", "lives", "left"),
    "injured": ("injur", "wound", "hurt"),
    "arrested": ("arrest", "detain", "jail", "round"),
}
_PEOPLE_PATTERN = re.compile(
    rf"\b{_BOUND}(?P<n>{NUMBER})\s+(?:(?:of\s+)?(?:its|their|the|his|her|[A-Z][a-z]+(?:ian|ese|ish|an)?|captured|"
    rf"fallen|wounded|Ukrainian|Russian|rescue|military|more|other)\s+){{0,2}}"
    rf"(?P<who>soldiers['’]\s+remains|soldiers['’]\s+bodies|"
    rf"prisoners(?:\s+of\s+war)?|POWs|captives|detainees|hostages|bodies|remains|people|persons|civilians|soldiers|"
    rf"servicemen|troops|workers|rescuers|refugees|migrants|children|fighters|inmates|personnel|citizens|nationals|"
    rf"evacuees|volunteers|doctors|officers|police(?:men)?|members)\b"
)
_NON_COUNT_AFTER = re.compile(r"^\s*(?:%|percent|km|kilomet|miles?|years?|days?|hours?|minutes?|times)\b", re.I)


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200; 'twenty-five' -> 25; 'three hundred' -> 300; '6,000' -> 6000; '2.5 million' -> 2500000."""
    words = text.lower().replace("-", " ").split()
    if words in (["a"], ["an"]):
        return 1
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # 'a dozen', 'a hundred'
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        value = _word_value(word)
        if value is None:
            return None
        if word in _SCALES:
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    result = total + current
    return int(result) if result == int(result) else None


def _word_value(word: str) -> float | None:
    digits = word.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    return _UNITS.get(word) or _TENS.get(word) or _SCALES.get(word)


def event_counts(text: str) -> dict[str, int | None]:
    """dead, injured, arrested and people stated in one sentence (first mention of each)."""
    return {field: (found[0] if found else None) for field, found in located_counts(text).items()}


def located_counts(text: str) -> dict[str, tuple[int, int] | None]:
    """Like `event_counts`, with the character offset of each number in `text`, so that a count can go to the
    event named nearest to it."""
    lowered = text.lower()
    counts = {field: _first_count(text, patterns) if any(c in lowered for c in _CUES[field]) else None
              for field, patterns in _PATTERNS.items()}
    counts["people"] = _people_count(text)
    return counts


def people_count(text: str) -> int | None:
    found = _people_count(text)
    return found[0] if found else None


def _people_count(text: str) -> tuple[int, int] | None:
    for match in _PEOPLE_PATTERN.finditer(text):
        value = parse_number(match.group("n"))
        if value is not None and not _looks_like_year(match.group("n")):
            return value, match.start("n")
    return None


def _first_count(text: str, patterns: list[re.Pattern[str]]) -> tuple[int, int] | None:
    """The count of the first pattern (in priority order) that matches, and where it is."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            raw = match.group("n")
            if _looks_like_year(raw) or _NON_COUNT_AFTER.match(text[match.end("n"):]):
                continue
            value = parse_number(raw)
            if value is not None:
                return value, match.start("n")
    return None


def _looks_like_year(raw: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", raw.strip()))
