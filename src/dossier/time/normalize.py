"""Calendar arithmetic for TIMEX3 values: ISO weeks, quarters, seasons, weekdays, holidays."""

from __future__ import annotations

from datetime import date, timedelta

from dossier.time.lexicon import lexicon


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """weekday 1=Mon..7=Sun. direction: 'past' (on/before), 'future' (on/after), 'last'/'next' (strict)."""
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if direction == "last":
        return anchor - timedelta(days=back or 7)
    if direction == "next":
        return anchor + timedelta(days=fwd or 7)
    if direction == "future":
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


def pick_year(anchor: date, month: int, day: int | None, direction: str | None) -> int:
    """Year for a month (and day) with no year: past = on/before the anchor, future = on/after, else closest."""
    key_anchor = (anchor.month, anchor.day if day is not None else 0)
    key = (month, day if day is not None else 0)
    if direction == "past":
        return anchor.year if key <= key_anchor else anchor.year - 1
    if direction == "future":
        return anchor.year if key >= key_anchor else anchor.year + 1
    best, best_gap = anchor.year, 10**6
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(year, month, day or 15)
        if d is None:
            continue
        gap = abs((d - anchor).days)
        if gap < best_gap:
            best, best_gap = year, gap
    return best


def season_code(word: str) -> str:
    return lexicon()["seasons"][word.lower()]


def season_index(d: date) -> tuple[int, str]:
    """The season a date falls in, with the year that season is labelled by (winter = the year it starts)."""
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    if m <= 5:
        return d.year, "SP"
    if m <= 8:
        return d.year, "SU"
    return d.year, "FA"


def season_value(anchor: date, code: str, rel: str | None, direction: str | None) -> str:
    """YYYY-SP/SU/FA/WI: 'last' strictly before the current season, 'next' strictly after, 'this' the one of the
    anchor's year (winter: the current or coming one); with no modifier the tense decides (past: on/before, else
    on/after)."""
    cycle = ["SP", "SU", "FA", "WI"]
    cur_year, cur = season_index(anchor)
    idx_cur = cur_year * 4 + cycle.index(cur)
    idx = cur_year * 4 + cycle.index(code)
    if rel == "this" and code != "WI":
        return f"{anchor.year}-{code}"  # 'this summer' said in November is the summer just gone
    if rel in ("last", "past", "previous"):
        idx = idx if idx < idx_cur else idx - 4
    elif rel in ("next", "coming"):
        idx = idx if idx > idx_cur else idx + 4
    elif rel != "this" and direction == "past":
        idx = idx if idx <= idx_cur else idx - 4
    else:
        idx = idx if idx >= idx_cur else idx + 4
    return f"{idx // 4}-{cycle[idx % 4]}"


def easter(year: int) -> date:
    """Anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> date | None:
    spec = lexicon()["holidays"].get(" ".join(name.lower().replace("’", "'").split()))
    if spec is None:
        return None
    if "easter" in spec:
        return easter(year) + timedelta(days=spec["easter"])
    if "day" in spec:
        return safe_date(year, spec["month"], spec["day"])
    return nth_weekday(year, spec["month"], spec["weekday"], spec["nth"], spec.get("after_day", 0))


def nth_weekday(year: int, month: int, weekday: int, nth: int, after_day: int = 0) -> date:
    if nth > 0:
        first = date(year, month, 1 + after_day)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def duration_value(amount: float | None, designator: str, mult: int = 1) -> str:
    """P3Y, PT48H, PXY; fractional hours/years fall back to the next smaller unit."""
    time_part = designator.startswith("T")
    unit = designator[-1]
    if amount is None:
        if mult == 10:
            return "PXY"
        if mult == 100:
            return "PXCE"
        return f"PT{'X'}{unit}" if time_part else f"PX{unit}"
    total = amount * mult
    if total != int(total):
        return _fractional(total, designator)
    return f"PT{int(total)}{unit}" if time_part else f"P{int(total)}{unit}"


def _fractional(total: float, designator: str) -> str:
    whole = int(total)
    rest = total - whole
    if designator == "TH":
        return f"PT{whole}H{round(rest * 60)}M" if whole else f"PT{round(rest * 60)}M"
    if designator == "TM":
        return f"PT{whole}M{round(rest * 60)}S" if whole else f"PT{round(rest * 60)}S"
    if designator == "Y":
        return f"P{whole}Y{round(rest * 12)}M" if whole else f"P{round(rest * 12)}M"
    if designator == "D":
        return f"P{whole}DT{round(rest * 24)}H" if whole else f"PT{round(rest * 24)}H"
    return f"P{total:g}{designator[-1]}"
