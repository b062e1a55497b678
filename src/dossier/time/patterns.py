"""TIMEX3 rules: one compiled regex and one normaliser per expression family.

Each handler gets the match and the document Context and returns a Hit (type, value, mod) or None to
reject the candidate. Spans are whole matches; overlap resolution (longest first) happens in timex.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dossier.time import normalize as nz
from dossier.time.context import Context
from dossier.time.lexicon import fragments, lexicon, word_number

UNKNOWN_DAY = "XXXX-XX-XX"


@dataclass(frozen=True)
class Hit:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # a later start than the match (a determiner TimeML leaves out)
    end: int | None = None  # an earlier end than the match ('three days' of 'three days later')


Handler = Callable[[re.Match[str], Context], Hit | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    trigger: re.Pattern[str] | None = None  # a part every match contains: the rule only scans text around it


# --------------------------------------------------------------------------- helpers

def _g(m: re.Match[str], name: str) -> str | None:
    v = m.groupdict().get(name)
    return v.lower() if v else None


def _key(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").rstrip(".").split())


def _month(s: str) -> int:
    return lexicon()["months"][_key(s)]


def _weekday(s: str) -> int:
    return lexicon()["weekdays"][_key(s)]


def _pmod(word: str | None) -> str | None:
    if not word:
        return None
    w = _key(word).rstrip("-")
    return lexicon()["point_mods"].get(w)


def _year4(s: str) -> int:
    s = s.strip("'’")
    y = int(s)
    if len(s) == 2:
        return 1900 + y if y >= 30 else 2000 + y
    return y


def _direction(m: re.Match[str], ctx: Context) -> str | None:
    return ctx.tense(m.start(), m.end())


def _day_value(d: date) -> str:
    return d.isoformat()


def _unit(word: str) -> tuple[str, int]:
    w = _key(word)
    if w == "centuries":
        w = "century"
    units = lexicon()["units"]
    if w not in units and w.endswith("s"):
        w = w[:-1]
    designator, mult = units[w]
    return designator, mult


def _is_rate_context(ctx: Context, start: int) -> bool:
    """'$5 a year', 'twice a day', '3 percent a year' read as SET."""
    return bool(re.search(r"(?:\d|%|percent|cents?|dollars?|share|times|once|twice|million|billion)\W*$",
                          ctx.before(start, 25)))


# --------------------------------------------------------------------------- calendar dates

def h_full_date(m: re.Match[str], ctx: Context) -> Hit | None:
    month = _month(m["mon"])
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    year_text = m["year"] or m.groupdict().get("year2")
    if year_text:
        year = _year4(year_text)
    elif ctx.anchor:
        wd = _g(m, "wd")
        year = _year_from_weekday(ctx.anchor, month, day, _weekday(wd)) if wd else None
        year = year or _day_year(m, ctx, month, day)
    else:
        return Hit("DATE", f"XXXX-{month:02d}-{day:02d}")
    d = nz.safe_date(year, month, day)
    if d is None:
        return None
    ctx.last_date, ctx.last_year = d, year
    return Hit("DATE", _day_value(d))


_FAR_DAYS = 60  # a month-day this far on the wrong side of the anchor for the tense moves a year


def _day_year(m: re.Match[str], ctx: Context, month: int, day: int) -> int:
    """A month-day with no year: the closest year, unless the tense puts that date on the wrong side.

    "the year ended March 31" (past) in November is the March before; "due Jan. 15" (future) in
    October the January after. A date only a few weeks off is kept: a past-tense verb can frame a
    coming day ("said the vote is on June 3")."""
    assert ctx.anchor is not None
    year = nz.pick_year(ctx.anchor, month, day, None)
    d = nz.safe_date(year, month, day)
    if d is None:
        return year
    gap = (d - ctx.anchor).days
    direction = _month_direction(m, ctx)
    if direction == "past" and gap > _FAR_DAYS:
        return year - 1
    if direction == "future" and gap < -_FAR_DAYS:
        return year + 1
    return year


def h_second_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """'April 24 and 25': the bare second day of a pair takes the month and year of the date just before it."""
    before = ctx.text[max(0, m.start() - 24):m.start()]
    first = re.search(rf"\b(?P<mon>{fragments()['month']})\s+[0-3]?\d(?:st|nd|rd|th)?,?\s*$", before, re.IGNORECASE)
    if first is None or ctx.last_date is None or ctx.last_date.month != _month(first["mon"]):
        return None
    d = nz.safe_date(ctx.last_date.year, ctx.last_date.month, int(m["day"]))
    if d is None or d <= ctx.last_date:
        return None
    return Hit("DATE", d.isoformat(), start=m.start("day"))


def _year_from_weekday(anchor: date, month: int, day: int, weekday: int) -> int | None:
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        d = nz.safe_date(year, month, day)
        if d and d.isoweekday() == weekday:
            return year
    return None


def _full_date(year: int, month: int, day: int, ctx: Context) -> Hit | None:
    d = nz.safe_date(year, month, day)
    if d is None:
        return None
    ctx.last_date = d
    return Hit("DATE", _day_value(d))


def h_iso_date(m: re.Match[str], ctx: Context) -> Hit | None:
    return _full_date(int(m["year"]), int(m["mon"]), int(m["day"]), ctx)


def h_numeric_date(m: re.Match[str], ctx: Context) -> Hit | None:
    return _full_date(_year4(m["year"]), int(m["mon"]), int(m["day"]), ctx)


def h_month_year(m: re.Match[str], ctx: Context) -> Hit | None:
    month = _month(m["mon"])
    if m["year"]:
        year = _year4(m["year"])
    elif ctx.anchor and (m["yrel"] or m["yrel2"]):
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[_g(m, "yrel") or _g(m, "yrel2") or "this"]
    else:
        return None
    ctx.last_year = year
    return Hit("DATE", nz.month_value(year, month), _pmod(m["mod"]))


def h_month(m: re.Match[str], ctx: Context) -> Hit | None:
    month = _month(m["mon"])
    bare_abbrev = len(m["mon"]) <= 4 and "." not in m["mon"] and _key(m["mon"]) not in ("may", "june", "july")
    if _month_as_name(m, ctx) or bare_abbrev or m["mon"].isupper():
        return None
    mod = _pmod(m["mod"])
    rel = _g(m, "rel")
    if ctx.anchor is None:
        return Hit("DATE", f"XXXX-{month:02d}", mod)
    a = ctx.anchor
    if rel in ("last", "past", "this past"):
        year = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming"):
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    elif _g(m, "mod") is not None:
        year = nz.pick_year(a, month, None, None)
    elif _preposition_direction(m, ctx):
        year = nz.pick_year(a, month, None, _preposition_direction(m, ctx))
    else:
        year = _month_year(a, month, _direction(m, ctx))
    return Hit("DATE", nz.month_value(year, month), mod)


_NEAR_MONTH_DAYS = 31  # the month just before or after the anchor is the nearby one, whatever the tense


def _month_year(anchor: date, month: int, direction: str | None) -> int:
    """The year of a bare month: the tense decides, except for a month right next to the anchor. "said the
    cuts come in September" in mid-August is this September, not last year's; "was in October" said on
    November 2 is last month."""
    closest = nz.pick_year(anchor, month, None, None)
    year = nz.pick_year(anchor, month, None, direction)
    if year == closest:
        return year
    first = date(closest, month, 1)
    last = date(*nz.shift_month(closest, month, 1), 1) - timedelta(days=1)
    near = (first - anchor).days if first > anchor else (anchor - last).days
    return closest if near <= _NEAR_MONTH_DAYS else year


_NAME_AFTER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")


def _month_as_name(m: re.Match[str], ctx: Context) -> bool:
    """'the March of the Mothers', 'a March for Life': a name, not a month. 'the June agreement' is the month
    used as a modifier; a bare month after an article with no noun after it ('a may') is not a month."""
    if _NAME_AFTER.match(ctx.text, m.end()):
        return True
    after_article = re.search(r"\b(?:the|a|an)\s+$", ctx.before(m.start("mon"), 6))
    return bool(after_article) and not re.match(r"\s+[a-z]{3,}", ctx.text[m.end():m.end() + 20])


def _month_direction(m: re.Match[str], ctx: Context) -> str | None:
    """'by May', 'until June', 'through July' look ahead; 'since March' looks back; else the tense decides."""
    return _preposition_direction(m, ctx) or _direction(m, ctx)


def _preposition_direction(m: re.Match[str], ctx: Context) -> str | None:
    prep = re.search(r"\b(\w+)\s+$", ctx.before(m.start(), 12))
    word = prep[1] if prep else ""
    if word in lexicon()["forward_prepositions"]:
        return "future"
    if word in lexicon()["backward_prepositions"]:
        return "past"
    return None


_NUMBER_AFTER = re.compile(r"\s*(?:%|percent|[-–]\d|\.\d|,\d{3}|\d|\s+(?:people|troops|members|workers|"
                           r"units|shares|tons|feet|miles|meters|votes|cars|jobs|points|pounds|acres))", re.I)


def h_year(m: re.Match[str], ctx: Context) -> Hit | None:
    year = int(m["year"])
    before = ctx.before(m.start(), 3)
    if re.search(r"(?:[$£€#\d]\s*|[.,])$", before) or _NUMBER_AFTER.match(ctx.text, m.end()):
        return None
    if not (m["fiscal"] or m["mod"] or m["pre"]) and not 1800 <= year <= 2099:
        return None
    ctx.last_year = year
    mod = _pmod(m["mod"])
    if m["pre"]:
        mod = "AFTER" if _key(m["pre"]).startswith("post") else "BEFORE"
    return Hit("DATE", str(year), mod)


def h_decade(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["dec4"] and not re.search(r"\d0['’]?s\s+(?:and|or|to|through)\s+$", ctx.before(m.start(), 15)):
        return None
    digits = (m["dec"] or m["dec2"] or m["dec3"] or m["dec4"]).strip("'’")
    if len(digits) == 2:
        century = "19" if int(digits) >= 30 else "20"
        if ctx.anchor and int(digits) < 30:
            century = str(ctx.anchor.year // 100)
        digits = century + digits
    return Hit("DATE", digits[:3], _pmod(m["mod"]))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def h_decade_word(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the nineties', 'the early eighties': a decade of the twentieth century, as spoken."""
    return Hit("DATE", f"19{_DECADE_WORDS[_key(m['word'])]}", _pmod(m["mod"]))


def h_century(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = _g(m, "rel")
    if rel:
        if ctx.anchor is None:
            return None
        cent = ctx.anchor.year // 100 + {"this": 0, "the": 0, "last": -1, "past": -1, "next": 1}[rel]
        return Hit("DATE", f"{cent:02d}", _pmod(m["mod"]))
    if not m["ord"]:
        return None
    n = int(re.sub(r"\D", "", m["ord"])) if re.match(r"\d", m["ord"]) else _ORD_WORDS.get(_key(m["ord"]))
    if not n:
        return None
    return Hit("DATE", f"{n - 1:02d}", _pmod(m["mod"]))


_ORD_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
              "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
              "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


# --------------------------------------------------------------------------- quarters, halves, seasons

_YEAR_AGO = re.compile(r"year[-\s]+(?:ago|earlier)|last\s+year|previous\s+year|prior\s+year")


def h_quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    text = _key(m.group(0))
    ordinal = _g(m, "ord")
    if not ordinal and not re.match(r"(?:the|this|that|its|last|next|their|latest)\b", text):
        return None
    ctx.quarter_doc = True
    q = _quarter_number(ordinal) if ordinal else None
    start = _quarter_start(m, text)
    if ctx.anchor is None:
        year = _explicit_quarter_year(m, None)
        return Hit("DATE", f"{year or 'XXXX'}-Q{q or 'X'}", start=start)
    year = _explicit_quarter_year(m, ctx.anchor)
    if year is not None and m["year"]:
        ctx.last_year = year  # "the fourth quarter of 2005 ... the entire year"
    if q is None and m["endmon"]:
        q = nz.quarter_of(date(2000, _month(m["endmon"]), 1))
        year = year if year is not None else nz.pick_year(ctx.anchor, q * 3, None, "past")
    elif q is None:
        y, q = _unnamed_quarter(text, ctx)
        year = year if year is not None else y
    elif year is None:
        year = _quarter_year(m, ctx, q)
        if _YEAR_AGO.search(text):
            year -= 1
        else:
            _note_quarter(ctx, year, q, ended=bool(m["endmon"]) or _direction(m, ctx) == "past")
    return Hit("DATE", f"{year}-Q{q}", start=start)


def _note_quarter(ctx: Context, year: int, q: int, ended: bool) -> None:
    """The quarter a report is about is a completed one: a named quarter still running or ahead ("a
    fourth-quarter charge" in November) is a forecast and does not become the reference quarter, unless
    the text says it ended (a fiscal "fourth quarter ended Sept. 30", "reported fourth-quarter earnings")."""
    assert ctx.anchor is not None
    current = (ctx.anchor.year, nz.quarter_of(ctx.anchor))
    if ctx.last_quarter and (year, q) < ctx.last_quarter:
        return  # 'after a flat second quarter' in a third-quarter report: an earlier quarter named in passing
    if (year, q) < current or (ended and (year, q) == current):
        ctx.last_quarter = (year, q)


def _quarter_start(m: re.Match[str], text: str) -> int | None:
    """TimeML leaves a possessive out, and the article before an adjectival 'third-quarter'."""
    det = _g(m, "det")
    if det in ("its", "their") and m.end("det") < m.end():
        return m.start() + len(m.group(0)) - len(m.group(0)[len(m["det"]):].lstrip())
    if m["ord"] and det and re.search(r"-quarter$", text):
        return m.start("ord")
    return None


def _quarter_number(ordinal: str) -> int | None:
    if ordinal in ("final", "last"):
        return 4
    if ordinal[0].isdigit():
        return int(ordinal[0])
    return _ORD_WORDS.get(ordinal)


def _explicit_quarter_year(m: re.Match[str], anchor: date | None) -> int | None:
    if m["year"]:
        return _year4(m["year"])
    adj = _g(m, "yearadj") or ""
    if adj[:1].isdigit():
        return int(adj[:4])
    rel = (_g(m, "yrel") or adj.split()[0]) if (m["yrel"] or adj) else None
    if rel is None or anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get(rel, 0)


def _quarter_year(m: re.Match[str], ctx: Context, q: int) -> int:
    assert ctx.anchor is not None
    ref = ctx.ref_quarter()
    if ref and ref[1] == q:
        return ref[0]
    return ctx.anchor.year


def _unnamed_quarter(text: str, ctx: Context) -> tuple[int, int]:
    assert ctx.anchor is not None
    cur = (ctx.anchor.year, nz.quarter_of(ctx.anchor))
    ref = ctx.ref_quarter() or cur
    if re.search(r"\b(?:next|coming|following)\b", text):
        return nz.shift_quarter(*cur, 1)
    if re.search(r"\bcurrent\b", text):
        return cur
    if _YEAR_AGO.search(text):
        return ref[0] - 1, ref[1]
    if re.search(r"\blast\s+quarter", text) and not ctx.last_quarter:
        return nz.shift_quarter(*cur, -1)
    if re.search(r"\b(?:previous|preceding|prior)\b", text):
        return nz.shift_quarter(*ref, -1)
    return ref


def h_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the year-ago period', 'the latest period': a quarter in earnings reports."""
    text = _key(m.group(0))
    if ctx.anchor is None:
        return None
    if not ctx.quarter_doc:
        if not _YEAR_AGO.search(text):
            return None
        month = _month_before_in_sentence(m.start(), ctx)
        return Hit("DATE", nz.month_value(ctx.anchor.year - 1, month) if month else str(ctx.anchor.year - 1))
    year, q = _unnamed_quarter(text, ctx)
    if m["year"]:
        year = int(m["year"])
    return Hit("DATE", f"{year}-Q{q}")


def _month_named_before(pos: int, ctx: Context) -> tuple[int, int] | None:
    """The last month named in the text just before ('In March ... The following month'), with its year."""
    assert ctx.anchor is not None
    lo = max(0, pos - 600)
    names = re.findall(rf"\b({fragments()['month']})(?:\s+(\d{{4}})\b)?", ctx.text[lo:pos], re.IGNORECASE)
    names = [(n, y) for n, y in names if n[0].isupper() and n.lower() != "may"]
    if not names:
        return None
    month = _month(names[-1][0])
    year = int(names[-1][1]) if names[-1][1] else nz.pick_year(ctx.anchor, month, None, "past")
    return year, month


def _month_before_in_sentence(pos: int, ctx: Context) -> int | None:
    """'sales rose in February compared to the same period last year': the month being compared."""
    left, _ = ctx.sentence(pos, pos)
    names = re.findall(rf"\b({fragments()['month']})\b(?!\s+\d)", ctx.text[left:pos], re.IGNORECASE)
    return _month(names[-1]) if names else None


def h_half(m: re.Match[str], ctx: Context) -> Hit | None:
    half = 1 if (_g(m, "ord") or _g(m, "two")) in ("first", "1st") else 2
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor:
        year = ctx.anchor.year if half == 1 or ctx.anchor.month > 6 else ctx.anchor.year - 1
    else:
        return Hit("DATE", f"XXXX-H{half}")
    return Hit("DATE", f"{year}-H{half}")


def h_season(m: re.Match[str], ctx: Context) -> Hit | None:
    word = _g(m, "season") or ""
    rel = _g(m, "rel")
    if word == "fall" and not (rel or m["year"]):
        return None
    code = nz.season_code(word)
    mod = _pmod(m["mod"])
    if m["year"]:
        return Hit("DATE", f"{m['year']}-{code}", mod)
    if ctx.anchor is None:
        return Hit("DATE", f"XXXX-{code}", mod)
    rel = None if rel == "the" else rel
    return Hit("DATE", nz.season_value(ctx.anchor, code, rel, _direction(m, ctx)), mod)


# --------------------------------------------------------------------------- weekdays, days, times

def _weekday_direction(rel: str | None, m: re.Match[str], ctx: Context) -> str:
    if rel in ("last", "past", "this past"):
        return "last"
    if rel in ("next", "coming", "this coming"):
        return "next"
    if rel == "this":
        return "future"
    if re.match(r"['’]s\b", ctx.text[m.end():m.end() + 3]):
        return "past"  # "Wednesday's ruling": news names a day by its event once it has happened
    return _direction(m, ctx) or "past"


def h_weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    wd = _weekday(m["wd"])
    rel = _g(m, "rel")
    pod = _g(m, "pod")
    mod = None
    if ctx.anchor is None:
        return Hit("DATE", UNKNOWN_DAY + (f"T{_pod(pod)}" if pod else ""), mod)
    if rel and rel.startswith("the "):
        # 'the previous Friday', 'the following Monday': counted from the day under discussion, not the anchor
        d = nz.weekday_date(ctx.last_date or ctx.anchor, wd, "next" if rel.endswith("following") else "last")
    else:
        d = nz.weekday_date(ctx.anchor, wd, _weekday_direction(rel, m, ctx))
    ctx.last_date = d
    if pod:
        return Hit("TIME", f"{d.isoformat()}T{_pod(pod)}", mod)
    return Hit("DATE", d.isoformat(), mod)


def _pod(word: str) -> str:
    return lexicon()["parts_of_day"][_key(word)]


def h_weekday_set(m: re.Match[str], ctx: Context) -> Hit | None:
    wd = _weekday(m["wd"] or m["wdp"])
    pod = _g(m, "pod")
    return Hit("SET", f"XXXX-WXX-{wd}" + (f"T{_pod(pod)}" if pod else ""))


def h_deictic(m: re.Match[str], ctx: Context) -> Hit | None:
    word = _key(m["word"])
    pod = _g(m, "pod")
    mod = _pmod(m["mod"]) if _g(m, "mod") in ("late", "early") else None
    if word == "tonight":
        pod, offset = "night", 0
    else:
        offset = lexicon()["deictic_days"][word]
    if word == "today" and not pod:
        generic = _generic_today(ctx, m.end())
        if generic is not None:
            return Hit("DATE", "PRESENT_REF") if generic else None
    if ctx.anchor is None:
        return Hit("DATE", UNKNOWN_DAY, mod)
    d = ctx.anchor + timedelta(days=offset)
    ctx.last_date = d
    if pod:
        return Hit("TIME", f"{d.isoformat()}T{_pod(pod)}", mod)
    return Hit("DATE", d.isoformat(), mod)


_GENERIC_AFTER_TODAY = re.compile(r"['’]s\s+(?:(?P<common>world|youth|society|generation|children|kids|young|"
                                  r"personal|computers|economy|technology|standards)\b|(?P<name>[A-Z][\w.&-]*))")


_PAPER = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}(?:Post|Times|Journal|News|Herald|Tribune|Gazette|Telegraph|"
                    r"Guardian|Daily|edition|paper)\b")


def _generic_today(ctx: Context, end: int) -> bool | None:
    """"today's world", "today's youth": the present in general, which news timex mark-up leaves out (False);
    "today's GM": the present state of a named thing, PRESENT_REF (True); else None (today's date)."""
    m = _GENERIC_AFTER_TODAY.match(ctx.text, end)
    if m is None:
        return None
    if m["common"]:
        return False
    name = _key(m["name"])
    lex = lexicon()
    if name in lex["months"] or name in lex["weekdays"] or _PAPER.match(ctx.text, m.start("name")):
        return None  # "today's Washington Post" is today's edition
    return True


def h_this_pod(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = _g(m, "rel")
    pod = _g(m, "pod") or "night"
    if ctx.anchor is None:
        return Hit("TIME", f"{UNKNOWN_DAY}T{_pod(pod)}")
    d = ctx.anchor - timedelta(days=1) if rel == "last" else ctx.anchor
    return Hit("TIME", f"{d.isoformat()}T{_pod(pod)}", _pmod(m["mod"]))


def _clock(m: re.Match[str]) -> str | None:
    if m["word"]:
        return lexicon()["clock_words"][_key(m["word"])]
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ampm = (_g(m, "ampm") or "").replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def h_time(m: re.Match[str], ctx: Context) -> Hit | None:
    clock = _clock(m)
    if clock is None or (m["word"] and re.search(r"\bhigh\s+$", ctx.before(m.start(), 6))):
        return None  # "high noon" is an idiom
    tz = "Z" if _g(m, "tz") in ("utc", "gmt") else ""
    day: str
    wd = m["wd"] or m["wd2"]
    if ctx.anchor is None:
        day = UNKNOWN_DAY
    elif wd:
        d = nz.weekday_date(ctx.anchor, _weekday(wd), _weekday_direction(None, m, ctx))
        day = d.isoformat()
    elif m["deictic"]:
        day = (ctx.anchor + timedelta(days=lexicon()["deictic_days"][_key(m["deictic"])])).isoformat()
    elif m["mon2"]:
        month, dom = _month(m["mon2"]), int(m["day2"])
        d = nz.safe_date(nz.pick_year(ctx.anchor, month, dom, None), month, dom)
        if d is None:
            return None
        day = d.isoformat()
    else:
        day = (ctx.last_date or ctx.anchor).isoformat()
    return Hit("TIME", f"{day}T{clock}{tz}")


def h_holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    """'Christmas', 'last Easter', 'Easter week' (the ISO week that holds the day)."""
    name = m["name"]
    if m["year"]:
        d = nz.holiday_date(name, int(m["year"]))
    elif ctx.anchor is None:
        return None
    else:
        d = _holiday_near(m, ctx, name)
    if d is None:
        return None
    return Hit("DATE", nz.iso_week(d) if m["week"] else d.isoformat())


def _holiday_near(m: re.Match[str], ctx: Context, name: str) -> date | None:
    """The occurrence closest to the anchor; 'last' / 'next', or a tense that puts it far on the wrong side,
    moves it a year."""
    assert ctx.anchor is not None
    a = ctx.anchor
    options = [d for d in (nz.holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)) if d]
    if not options:
        return None
    rel = _g(m, "rel")
    if rel == "last":
        return max((d for d in options if d < a), default=None)
    if rel == "next":
        return min((d for d in options if d > a), default=None)
    best = min(options, key=lambda d: abs((d - a).days))
    direction = None if rel == "this" else _direction(m, ctx)
    if direction == "past" and (best - a).days > _FAR_DAYS:
        return max((d for d in options if d <= a), default=best)
    if direction == "future" and (a - best).days > _FAR_DAYS:
        return min((d for d in options if d >= a), default=best)
    return best


# --------------------------------------------------------------------------- relative units

def h_rel_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = re.sub(r"^the\s+", "", _key(m["rel"]))
    unit = _key(m["unit"])
    mod = _pmod(m["mod"])
    if rel == "past" and m["rel"].lower().startswith("the") and unit in ("month", "week", "day", "decade"):
        designator, mult = _unit(unit)
        return Hit("DURATION", nz.duration_value(1, designator, mult), mod)
    if rel in ("this past", "past"):
        rel = "last"
    if ctx.anchor is None:
        return Hit("DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(unit, UNKNOWN_DAY), mod)
    offset = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
              "following": 1, "that": 0, "same": 0}.get(rel, 0)
    if rel in ("that", "same", "following") and unit == "year" and ctx.last_year:
        return Hit("DATE", str(ctx.last_year + offset), mod)
    if rel in ("following", "previous") and unit == "month":
        named = _month_named_before(m.start(), ctx)
        if named:
            return Hit("DATE", nz.month_value(*nz.shift_month(*named, offset)), mod)
    value = _shift_unit(ctx.anchor, unit, offset, ctx)
    if mod == "START" and _key(m["mod"] or "") == "earlier" and unit == "day":
        mod = None
    return Hit("DATE", value, mod) if value else None


def _shift_unit(a: date, unit: str, offset: int, ctx: Context) -> str | None:
    if unit == "year":
        return str(a.year + offset)
    if unit == "month":
        return nz.month_value(*nz.shift_month(a.year, a.month, offset))
    if unit == "week":
        return nz.iso_week(a + timedelta(weeks=offset))
    if unit == "weekend":
        return nz.iso_week(a + timedelta(weeks=offset)) + "-WE"
    if unit == "quarter":
        year, q = nz.shift_quarter(a.year, nz.quarter_of(a), offset)
        ctx.quarter_doc = True
        return f"{year}-Q{q}"
    if unit == "decade":
        return str(a.year // 10 + offset)
    if unit == "century":
        return f"{a.year // 100 + offset:02d}"
    if unit in ("day", "night"):
        return (a + timedelta(days=offset)).isoformat()
    return None


def h_the_weekend(m: re.Match[str], ctx: Context) -> Hit | None:
    if ctx.anchor is None:
        return Hit("DATE", "XXXX-WXX-WE")
    a = ctx.anchor
    if _direction(m, ctx) == "future" and a.isoweekday() < 6:
        return Hit("DATE", nz.iso_week(a) + "-WE")
    back = a if a.isoweekday() >= 6 else a - timedelta(days=a.isoweekday())
    return Hit("DATE", nz.iso_week(back) + "-WE")


def h_ago(m: re.Match[str], ctx: Context) -> Hit | None:
    num = m["num"]
    amount = word_number(num) if num else 1
    designator, mult = _unit(m["unit"])
    mod = _ago_mod(m)
    relative = _key(m["dir"]) == "later" or (_key(m["dir"]) == "earlier" and designator not in ("Y", "Q"))
    if relative and not re.match(r"\s+than\b", ctx.after(m.end(), 6)):
        # 'three days later', 'a day earlier' count from another event, not from the anchor: TimeBank marks the
        # length, 'three days' ('a year earlier' stays a date: the year-ago period of earnings reports)
        value = nz.duration_value(amount, designator, mult) if num else nz.duration_value(None, designator, mult)
        return Hit("DURATION", value, mod, end=m.end("unit"))
    if not num and _key(m["unit"]).endswith("s"):
        return Hit("DATE", "FUTURE_REF" if _key(m["dir"]) in ("from now", "hence") else "PAST_REF", mod)
    if amount is None or ctx.anchor is None:
        return Hit("DATE", "PAST_REF", mod)
    n = int(amount * mult)
    a = ctx.anchor
    later = _key(m["dir"]) in ("later", "from now", "hence")
    sign = 1 if later else -1
    if designator == "Y":
        ref = ctx.ref_quarter()
        if n == 1 and ctx.quarter_doc and ref and not _longer_period_before(m.start(), ctx):
            return Hit("DATE", f"{ref[0] - 1}-Q{ref[1]}", mod)
        if mult >= 10:
            return Hit("DATE", str(a.year + sign * n)[:3], mod)
        return Hit("DATE", str(a.year + sign * n), mod)
    if designator == "M":
        return Hit("DATE", nz.month_value(*nz.shift_month(a.year, a.month, sign * n)), mod)
    if designator == "W":  # 'two weeks ago' is a day; 'six weeks ago' is only as precise as a week
        d = a + timedelta(weeks=sign * n)
        return Hit("DATE", nz.iso_week(d) if n > 2 else d.isoformat(), mod)
    if designator == "D":
        return Hit("DATE", (a + timedelta(days=sign * n)).isoformat(), mod)
    if designator == "Q":
        year, q = nz.shift_quarter(a.year, nz.quarter_of(a), sign * n)
        return Hit("DATE", f"{year}-Q{q}", mod)
    return Hit("TIME", f"{a.isoformat()}", mod)


def _ago_mod(m: re.Match[str]) -> str | None:
    mod = _g(m, "dmod")
    if not mod:
        return None
    return lexicon()["duration_mods"][_key(mod)][0]


def h_year_ago_adj(m: re.Match[str], ctx: Context) -> Hit | None:
    """'year-earlier', 'year-ago' used alone as an adjective."""
    if ctx.anchor is None:
        return None
    ref = ctx.ref_quarter()
    if ctx.quarter_doc and ref and not _longer_period_before(m.start(), ctx):
        return Hit("DATE", f"{ref[0] - 1}-Q{ref[1]}")
    return Hit("DATE", str(ctx.anchor.year - 1))


_LONGER_PERIOD = re.compile(r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\byear\s+to\s+date\b", re.IGNORECASE)


def _longer_period_before(pos: int, ctx: Context) -> bool:
    """'For the nine months, net rose ... from $4 million a year earlier': the comparison is with the same
    stretch of the year before, not with the quarter under discussion, so 'a year earlier' is that year."""
    left, _ = ctx.sentence(pos, pos)
    return bool(_LONGER_PERIOD.search(ctx.text, left, pos))


# --------------------------------------------------------------------------- durations and sets

def h_duration(m: re.Match[str], ctx: Context) -> Hit | None:
    num = m["num"]
    unit_word = _key(m["unit"])
    designator, mult = _unit(unit_word)
    amount = word_number(num) if num else None
    plural = unit_word.endswith("s")
    if num is None and not plural:
        return None
    if _ordinal_second(unit_word, ctx, m.end("unit")):
        return None
    if designator == "Q" and not _quarter_span(m, ctx):
        return None
    if num and amount is None and unit_word == "years" and _key(num) in ("recent",):
        return Hit("DATE", "PAST_REF")
    if _key(num or "") in ("a", "an") and _is_rate_context(ctx, m.start()):
        return Hit("SET", nz.duration_value(1, designator, mult))
    mod = lexicon()["duration_mods"][_key(m["dmod"])][0] if m["dmod"] else None
    if mod is None and not _key(m.group(0)).startswith("the "):
        before = re.search(r"(\w+)\s+$", ctx.before(m.start(), 20))
        if before and before[1] in lexicon()["duration_mods"]:
            mod = lexicon()["duration_mods"][before[1]][0]
    if m["approx"] and mod is None:
        mod = "APPROX"
    article = re.fullmatch(r"the\s+", ctx.text[m.start():m.start("num")], re.IGNORECASE)
    start = m.start("num") if article and "-" in ctx.text[m.start("num"):m.end("unit")] else None
    return Hit("DURATION", nz.duration_value(amount, designator, mult), mod, start=start)


_SECOND_OF_TIME = re.compile(r"\b(?:for|in|within|than|about|only|just|half|every|per|split|one|a\s+fraction\s+of)"
                             r"\s+(?:a\s+)?$")


def _ordinal_second(unit_word: str, ctx: Context, end: int) -> bool:
    """'a second consecutive day', 'a second group', 'a second betrayal': the ordinal, not one second of time.
    One second of time comes after a preposition or a number word ('for a second', 'half a second')."""
    if unit_word != "second":
        return False
    if _ORDINAL_SECOND.match(ctx.after(end)):
        return True
    start = end - len("second")
    return not _SECOND_OF_TIME.search(ctx.before(start, 24))


_ORDINAL_SECOND = re.compile(
    r"\s+(?:consecutive|straight|time|round|term|attempt|wave|phase|stage|meeting|day|week|month|year|quarter|half)\b"
)


def _quarter_span(m: re.Match[str], ctx: Context) -> bool:
    """'the past two quarters', 'two consecutive quarters'; not the fractions 'a quarter', 'three-quarters'."""
    text = _key(ctx.text[m.start():m.end("unit")])
    return text.endswith("quarters") and "-" not in text and bool(
        re.search(r"\b(?:past|last|next|coming|previous|first|recent|consecutive|straight|several)\b", text))


def h_bare_plural(m: re.Match[str], ctx: Context) -> Hit | None:
    designator, mult = _unit(m["unit"])
    if designator == "Q":
        return None
    lead_in = re.search(r"\b(?:for|over\s+the|within|in(?:\s+just|\s+only|\s+the)?)\s+$", ctx.before(m.start(), 12))
    if _key(m.group(0)) == _key(m["unit"]) and not lead_in:
        return None
    return Hit("DURATION", nz.duration_value(None, designator, mult))


def h_set_every(m: re.Match[str], ctx: Context) -> Hit | None:
    target = _key(m["target"])
    amount = word_number(m["num"]) if m["num"] else 1
    if m["other"]:
        amount = 2
    if target in lexicon()["weekdays"]:
        return Hit("SET", f"XXXX-WXX-{_weekday(target)}")
    if target in lexicon()["months"]:
        return Hit("SET", f"XXXX-{_month(target):02d}")
    designator, mult = _unit(target)
    return Hit("SET", nz.duration_value(amount or 1, designator, mult))  # 'every quarter': P1Q


def h_set_word(m: re.Match[str], ctx: Context) -> Hit | None:
    """'daily', 'weekly', 'annually'; not a capitalised name in mid-sentence ('the Daily Mail')."""
    word = m.group(0)
    if word[0].isupper() and not re.search(r"(?:^|[.!?:\"'`]\s*|\n)$", ctx.text[max(0, m.start() - 3):m.start()]):
        return None
    return Hit("SET", lexicon()["set_words"][_key(word)])


def h_ref(m: re.Match[str], ctx: Context) -> Hit | None:
    word = _key(m["word"])
    value = lexicon()["refs"][word]
    if word == "current" and not re.match(r"\s+[a-z]", ctx.after(m.end(), 5)):
        return None
    if word == "now" and re.match(r"-[a-z]", ctx.after(m.end(), 3)):
        return None  # "the now-defunct firm"
    return Hit("DATE", value)


_NOT_SOON = re.compile(r"\s+(?:as|after|afterwards?|enough|thereafter)\b|-")


def h_soon(m: re.Match[str], ctx: Context) -> Hit | None:
    """'will soon move', 'may very soon seek': a vague future, FUTURE_REF; not 'as soon as', 'soon after' (a
    point relative to another event) and not a past 'was soon released'."""
    if re.search(r"\bas\s+$", ctx.before(m.start(), 4)) or _NOT_SOON.match(ctx.text, m.end()):
        return None
    return Hit("DATE", "FUTURE_REF") if _direction(m, ctx) == "future" else None


def h_the_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the day', 'that same day', 'late in the day': the day under discussion (last date, else the anchor)."""
    d = ctx.last_date or ctx.anchor
    mod = _pmod(m["mod"])
    return Hit("DATE", d.isoformat() if d else UNKNOWN_DAY, mod)


def h_the_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the year': the current year with a point modifier or after 'in', 'of', 'for'; else a one-year duration."""
    mod = _pmod(m["mod"])
    if m["whole"] and ctx.anchor:
        year = ctx.last_year if ctx.last_year in (ctx.anchor.year - 1, ctx.anchor.year) else ctx.anchor.year
        return Hit("DATE", str(year), mod)
    if m["prev"]:
        base = ctx.last_year or (ctx.anchor.year if ctx.anchor else None)
        return Hit("DATE", str(base - 1) if base else "XXXX", mod)
    if re.match(r"\s+end(?:ed|ing)\b", ctx.after(m.end(), 10)):
        return Hit("DURATION", "P1Y")  # 'the year ended March 31': a twelve-month reporting period
    if mod or re.search(r"\b(?:in|of|this|for)\s+$", ctx.before(m.start(), 8)):
        year = ctx.last_year if ctx.last_year and not ctx.anchor else (ctx.anchor.year if ctx.anchor else None)
        return Hit("DATE", str(year) if year else "XXXX", mod)
    return Hit("DURATION", "P1Y")


def h_same_year_ago(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the same month a year ago', 'the same period last year': the period under discussion, a year back."""
    if ctx.anchor is None:
        return None
    unit = _key(m["unit"])
    month = _month_before_in_sentence(m.start(), ctx)
    if unit == "quarter" or (unit == "period" and ctx.quarter_doc):
        year, q = ctx.ref_quarter() or (ctx.anchor.year, nz.quarter_of(ctx.anchor))
        return Hit("DATE", f"{year - 1}-Q{q}")
    if month:
        return Hit("DATE", nz.month_value(nz.pick_year(ctx.anchor, month, None, "past") - 1, month))
    if unit == "month":
        return Hit("DATE", nz.month_value(ctx.anchor.year - 1, ctx.anchor.month))
    return Hit("DATE", str(ctx.anchor.year - 1))


def h_the_pod(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the morning', 'that evening', 'the next morning', 'mid-afternoon yesterday': a part of the day under
    discussion (the day last named, else the anchor)."""
    d = ctx.last_date or ctx.anchor
    if d is None:
        return Hit("TIME", f"{UNKNOWN_DAY}T{_pod(m['pod'])}")
    if m["deictic"] and ctx.anchor:
        d = ctx.anchor + timedelta(days=lexicon()["deictic_days"][_key(m["deictic"])])
    if m["next"]:
        return Hit("DATE", (d + timedelta(days=1)).isoformat())
    return Hit("TIME", f"{d.isoformat()}T{_pod(m['pod'])}")


def h_the_month(m: re.Match[str], ctx: Context) -> Hit | None:
    """'the end of the month': the month under discussion (last date, else the anchor)."""
    d = ctx.last_date or ctx.anchor
    return Hit("DATE", nz.month_value(d.year, d.month) if d else "XXXX-XX", _pmod(m["mod"]))


def h_the_week(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit("DATE", f"{ctx.anchor.year}-WXX" if ctx.anchor else "XXXX-WXX")


def h_fiscal_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """'for the fiscal year' is the current one; 'the fiscal year ended June 30', 'throughout the fiscal year'
    are a span of a year."""
    if ctx.anchor and re.search(r"\bfor\s+$", ctx.before(m.start(), 5)) and not re.match(
            r"\s+end(?:ed|ing)\b", ctx.after(m.end(), 10)):
        return Hit("DATE", str(ctx.anchor.year))
    return Hit("DURATION", "P1Y")


def h_apos_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """"since '82": a clipped year after a preposition."""
    if not re.search(r"\b(?:since|in|of|by|until|from|to|through|before|after)\s+$", ctx.before(m.start(), 12)):
        return None
    year = _year4(m["year"])
    ctx.last_year = year
    return Hit("DATE", str(year))


def h_year_end(m: re.Match[str], ctx: Context) -> Hit | None:
    """'year-end' (the last day), 'by year's end' (the end of the year): of the current year, the previous one
    after 'since'."""
    if m["year"]:
        return Hit("DATE", f"{m['year']}-12-31")
    if ctx.anchor is None:
        return Hit("DATE", "XXXX", "END")
    back = re.search(r"\bsince\s+(?:the\s+)?$", ctx.before(m.start(), 12))
    year = ctx.anchor.year - (1 if back else 0)
    if "-" in m.group(0):  # the closing date of the books: 'year-end net'
        return Hit("DATE", f"{year}-12-31")
    return Hit("DATE", str(year), "END")  # 'by year's end': the last stretch of the year


def h_spoken_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """'nineteen ninety-six', 'the year two thousand' as said in broadcast transcripts."""
    if m["y2k"]:
        year = 2000 + int(word_number(m["y2k_rest"]) or 0) if m["y2k_rest"] else 2000
    else:
        century = word_number(m["cent"])
        rest = word_number(m["rest"])
        if century is None or rest is None:
            return None
        year = int(century) * 100 + int(rest)
    month = _month(m["mon"]) if m["mon"] else None
    ctx.last_year = year
    return Hit("DATE", nz.month_value(year, month) if month else str(year))


def h_week_of(m: re.Match[str], ctx: Context) -> Hit | None:
    month, day = _month(m["mon"]), int(m["day"])
    year = nz.pick_year(ctx.anchor, month, day, None) if ctx.anchor else None
    d = nz.safe_date(year, month, day) if year else None
    return Hit("DATE", nz.iso_week(d) if d else "XXXX-WXX")


# --------------------------------------------------------------------------- the rule table

@cache
def rules() -> tuple[Rule, ...]:
    f = fragments()
    mon, wd, wda = f["month"], f["weekday"], f["weekday_any"]
    num, vague, unit = f["number"], f["vague"], f["unit"]
    pmod, dmod, ordinal = f["pmod"], f["dmod"], f["ordinal"]
    year = r"(?:1[6-9]|20)\d\d"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    wd_pre = rf"(?:(?P<wd>{wda}),?\s+)?"
    ampm = r"(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)"
    tz = rf"(?:\s+(?P<tz>{f['tz']})\b)?"
    time_tail = (rf"(?:,?\s+(?:on\s+)?(?P<wd2>{wd})\b|\s+(?P<deictic>today|yesterday|tomorrow)\b|"
                 rf",?\s+(?:on\s+)?(?P<mon2>{mon})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b)?")
    ago_tail = r"\s+(?:of\s+)?(?:the\s+)?(?:a\s+year\s+(?:ago|earlier)|(?:last|previous|prior)\s+year)\b"
    table: list[tuple[str, str, Handler]] = [
        ("iso_date", rf"\b(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", h_iso_date),
        ("numeric_date", r"\b(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)\b", h_numeric_date),
        ("mdy", rf"\b{wd_pre}(?P<mon>{mon})\s+{day}(?:,?\s+(?P<year>{year})\b|\s+'(?P<year2>\d\d)\b)?",
         h_full_date),
        ("second_day", rf"\b(?:and|or|to|through)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                       rf"(?!\s*(?:{mon}|%|percent|million|billion|thousand|hundred)|[-–/.,:]\d)", h_second_day),
        ("dmy", rf"\b{wd_pre}(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{year})\b)?", h_full_date),
        ("month_year", rf"\b(?:(?P<mod>{pmod})\s*)?(?P<mon>{mon})(?:(?:\s+of)?,?\s+(?P<year>{year})\b|"
                       r"\s+(?P<yrel>last|this|next)\s+year\b|(?=\s+of\s+(?P<yrel2>last|this|next)\s+year\b))",
         h_month_year),
        ("month", rf"\b(?:(?P<mod>{pmod})\s*)?(?:(?P<rel>last|this\s+past|this|next|coming|past)\s+)?"
                  rf"(?P<mon>{mon})(?!\s*\d)", h_month),
        ("year", rf"(?:\b(?P<mod>{pmod})\s*|\b(?P<pre>post|pre)-)?(?:\b(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?"
                 rf"(?<![\w$£€])(?P<year>\d{{4}})(?![\w-])", h_year),
        ("decade", r"(?:\bthe\s+)?(?:\b(?P<mod>early|late|mid)[-\s]*)?(?:(?P<dec>(?:1[6-9]|20)\d0)|"
                   r"(?<=\bthe\s)(?P<dec2>\d0)|['’](?P<dec3>\d0)|\b(?P<dec4>\d0)(?=s\b))['’]?s\b", h_decade),
        ("decade_word", r"\bthe\s+(?:(?P<mod>early|late|mid)[-\s]*)?(?P<word>twenties|thirties|forties|fifties|sixties|"
                        r"seventies|eighties|nineties)\b", h_decade_word),
        ("century", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]*)?(?:(?P<rel>this|last|next|past)\s+)?"
                    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-first)?)?[-\s]*century\b", h_century),
        ("quarter", rf"\b(?:(?P<det>the|this|last|next|that|its|their)\s+)?(?:(?P<yearadj>{year}|this\s+year['’]s|"
                    r"last\s+year['’]s|next\s+year['’]s)\s+)?(?:(?:latest|current|previous|preceding|past|year-ago|"
                    r"year-earlier|same|comparable|corresponding|fiscal|most\s+recent|recent|prior)[-\s]+)*"
                    rf"(?P<ord>{ordinal}|final)?(?:[-\s]+fiscal)?[-\s]*quarter\b(?!-)(?:\s+of\s+(?:(?:fiscal\s+)?"
                    rf"(?P<year>{year})\b|(?P<yrel>this|last|next)\s+year\b)|{ago_tail})?(?=\s+end(?:ed|ing)\s+(?P<endmon>{mon}))?",
         h_quarter),
        ("period", rf"\bthe\s+(?:year-ago|year-earlier|latest|same|comparable|corresponding|(?P<year>{year}))\s+"
                   rf"period\b(?:{ago_tail})?", h_period),
        ("half", r"\b(?:the\s+)?(?:(?P<ord>first|second|1st|2nd|last|latter)[-\s]+half|"
                 rf"(?P<two>first|last)\s+two\s+quarters)\b(?:\s+of\s+(?:(?P<year>{year})\b|"
                 r"(?:this|the)\s+year\b))?", h_half),
        ("season", rf"\b(?:(?P<mod>{pmod})\s*)?(?:(?P<rel>this|last|next|the|past|coming)\s+)?(?P<season>{f['season']})"
                   rf"\b(?:\s+of\s+(?P<year>{year})\b|\s+(?P<year2>{year})\b)?", h_season),
        ("weekday_set", rf"\b(?:(?:every|each)\s+(?P<wd>{wd})|(?P<wdp>{wd})s)(?:\s+(?P<pod>{f['pod']})s?)?\b",
         h_weekday_set),
        ("weekday", rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|"
                    r"the\s+(?:previous|preceding|following))\s+)?"
                    rf"(?P<wd>{wd})(?:\s+(?P<pod>{f['pod']})\b)?", h_weekday),
        ("deictic", rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>{f['deictic']}|tonight)\b"
                    rf"(?:\s+(?P<pod>{f['pod']})\b)?", h_deictic),
        ("this_pod", rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow)\s+(?P<pod>{f['pod']})\b",
         h_this_pod),
        ("time", rf"\b(?:(?P<wd>{wda})\s+(?:at\s+)?)?(?:(?P<h>[0-2]?\d)(?::(?P<min>[0-5]\d))?\s*{ampm}|"
                 rf"(?P<word>noon|midnight|midday)){tz}{time_tail}", h_time),
        ("clock24", rf"\b(?P<h>[0-2]?\d):(?P<min>[0-5]\d){tz}(?!\d)(?P<word>)?(?P<ampm>)?(?P<wd>)?{time_tail}", h_time),
        ("military", rf"\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s+(?P<tz>utc|gmt)\b(?P<word>)?(?P<ampm>)?(?P<wd>)?"
                     rf"{time_tail}", h_time),
        ("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>{f['holiday']})\b(?:\s+(?P<year>{year})\b)?"
                    r"(?:\s+(?P<week>week)\b)?",
         h_holiday),
        ("rel_unit", rf"\b(?:(?P<mod>{pmod})\s+)?(?P<rel>last|this\s+past|this|next|(?:the\s+)?(?:past|coming|current|"
                     r"previous|following|same)|that)\s+(?:(?:fiscal|calendar)\s+(?=year\b))?(?P<unit>year|month|week(?:end)?|quarter|decade|century)\b",
         h_rel_unit),
        ("the_weekend", r"\bthe\s+weekend\b", h_the_weekend),
        ("same_year_ago", r"\bthe\s+same\s+(?P<unit>month|period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|"
                          r"(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year)\b", h_same_year_ago),
        ("the_pod", r"\b(?:(?:the|that)\s+(?P<next>(?:next|following)\s+)?|(?P<mod>mid)[-\s]?)"
                    r"(?P<pod>morning|afternoon|evening)\b(?:\s+(?P<deictic>yesterday|today|tomorrow)\b)?", h_the_pod),
        ("ago", rf"\b(?:(?P<dmod>{dmod})\s+)?(?:(?P<num>{num}|{vague})[-\s]+)?(?P<unit>{unit})\s+"
                r"(?P<dir>ago|earlier|later|from\s+now|hence)\b", h_ago),
        ("year_ago_adj", r"\byear-(?:ago|earlier)\b", h_year_ago_adj),
        ("duration", rf"(?:\b(?P<dmod>{dmod})\s+|\b(?:the\s+)?(?:past|last|next|first|coming|previous|following|"
                     r"final|remaining|latest|recent|another|other|initial)\s+|\bthe\s+)?"
                     rf"(?<![\w-])(?:(?P<num0>{num})\s+(?:to|or)\s+)?"
                     rf"(?:(?P<num>{num}|{vague}|recent)(?:\s+(?:more|additional|full|straight|consecutive|trading|business|working|calendar))?[-\s]+)"
                     rf"(?P<unit>{unit})(?:-long)?\b(?!-old|\s+old)(?P<approx>\s+or\s+so\b)?", h_duration),
        ("bare_plural", r"\b(?:(?:recent|coming|past|the\s+past|the\s+coming)\s+)?(?P<unit>years|months|weeks|decades|"
                        r"centuries|hours|minutes)(?:-long)?\b", h_bare_plural),
        ("set_every", rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{num})\s+)?"
                      rf"(?P<target>{wd}|{mon}|{unit})\b", h_set_every),
        ("set_word", rf"\b{f['setword']}\b", h_set_word),
        ("year_end", rf"\b(?:year[-\s]end|year['’]s\s+end)\b(?:\s+(?P<year>{year})\b)?", h_year_end),
        ("spoken_year", rf"\b(?:(?P<mon>{mon})\s+)?(?:(?P<cent>nineteen|eighteen)\s+"
                        rf"(?P<rest>{f['tens']}(?:-{f['ones']})?)|"
                        rf"(?:the\s+year\s+)(?P<y2k>two\s+thousand)(?:\s+and\s+(?P<y2k_rest>{f['ones']}))?)\b",
         h_spoken_year),
        ("week_of", rf"\bthe\s+week\s+of\s+(?P<mon>{mon})\s+{day}", h_week_of),
        ("ref", rf"\b(?P<word>{f['ref']})\b", h_ref),
        ("soon", r"\b(?:(?:very|quite|fairly)\s+)?soon\b", h_soon),
        ("fiscal_year", r"\bthe\s+fiscal\s+year\b", h_fiscal_year),
        ("the_day", rf"\b(?:(?P<mod>{pmod})\s+(?:in\s+)?)?(?:the|that)\s+(?:same\s+)?day\b(?![-\s]+(?:before|after|of|"
                    r"when|that|long))", h_the_day),
        ("the_year", rf"\b(?:(?P<mod>{pmod})\s+(?:in\s+)?)?the\s+(?P<whole>full\s+|entire\s+|whole\s+)?year\b"
                     r"(?:\s+(?P<prev>previous|before))?(?![-\s]+(?:ago|earlier|before|after|of|when|that|\d|two))",
         h_the_year),
        ("apos_year", r"(?<![\w'’])['’](?P<year>\d\d)\b(?!['’]?s\b)", h_apos_year),
        ("the_month", rf"\b(?P<mod>{pmod})\s+(?:in\s+)?the\s+month\b(?!\s+(?:of|before|after))", h_the_month),
        ("the_week", r"\bthe\s+week\b(?![-\s]+(?:of|before|after|ago|earlier|when|that))", h_the_week),
    ]
    triggers = _triggers(f)
    return tuple(
        Rule(name, re.compile(rx, re.IGNORECASE), fn, _compile_trigger(triggers.get(name))) for name, rx, fn in table
    )


def _compile_trigger(pattern: str | None) -> re.Pattern[str] | None:
    """Triggers run case-sensitively over lower-cased text (twice as fast as IGNORECASE)."""
    if not pattern:
        return None
    if re.search(r"\\[A-Z]", pattern):
        raise ValueError(f"trigger {pattern!r}: upper-case escapes do not survive lower-casing")
    return re.compile(pattern.lower())


def _triggers(f: dict[str, str]) -> dict[str, str]:
    """For each rule, words one of which every match contains; scanning only around them is what keeps tagging fast."""
    mon, wd, unit = f["month"], f["weekday"], f["unit"]
    words = {
        "mdy": mon, "dmy": mon, "second_day": r"(?:and|or|to|through)\s+\d", "month_year": mon, "month": mon,
        "century": "centur",
        "decade_word": "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties", "quarter": "quarter",
        "period": "period", "half": "half|quarters", "season": f["season"], "weekday_set": wd, "weekday": wd,
        "deictic": f"{f['deictic']}|tonight", "this_pod": f["pod"], "military": "utc|gmt", "holiday": f["holiday"],
        "rel_unit": unit, "the_weekend": "weekend", "same_year_ago": "same", "the_pod": "morning|afternoon|evening",
        "ago": r"(?:ago|earlier|later|now|hence)\b",
        "year_ago_adj": "year-", "duration": unit, "bare_plural": "years|months|weeks|decades|centuries|hours|minutes",
        "set_every": r"(?:every|each|per)\b", "set_word": f["setword"], "year_end": r"end\b",
        "spoken_year": r"nineteen|eighteen|two\s+thousand", "week_of": "week", "ref": f["ref"], "fiscal_year": "fiscal",
        "soon": "soon", "the_day": "day", "the_year": "year", "the_month": "month", "the_week": "week",
    }
    marks = {
        "iso_date": r"\d-[01]\d-", "numeric_date": r"\d/\d", "year": r"\d{4}", "decade": r"0['’]?s\b",
        "time": r"\d\s*[ap]\.?\s?m\b|\b(?:noon|midnight|midday)", "clock24": r"\d:[0-5]\d", "apos_year": r"['’]\d\d",
    }
    return {name: rf"\b(?:{w})" for name, w in words.items()} | marks

