"""Inline SVG: the offline world map with incident points, and an actor's positions over time.

The world outline (static/world.svg) is equirectangular, x = longitude and y = -latitude, so a
point needs no projection code.  Every label goes through `escape`.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

STANCE_COLOURS = {
    "demand": "#c2410c", "proposal": "#2563eb", "condition": "#7c3aed", "acceptance": "#15803d",
    "rejection": "#b91c1c",
}
_PATHS = re.compile(r"<path [^>]*/>")


@cache
def world_paths() -> str:
    svg = files("dossier.web").joinpath("static/world.svg").read_text(encoding="utf-8")
    return "".join(_PATHS.findall(svg))


def view_box(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """A 2:1 window around the points, at least 24° wide; the whole world when there are none."""
    if not points:
        return (-180.0, -90.0, 360.0, 180.0)
    lons = [p["lon"] for p in points]
    lats = [-p["lat"] for p in points]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    width = min(360.0, max(24.0, (max(lons) - min(lons)) * 1.3, (max(lats) - min(lats)) * 2.6))
    height = width / 2
    x = min(max(cx - width / 2, -180.0), 180.0 - width)
    y = min(max(cy - height / 2, -90.0), 90.0 - height)
    return (round(x, 2), round(y, 2), round(width, 2), round(height, 2))


def world_map(points: list[dict[str, Any]], *, whole: bool = False) -> Markup:
    """The map: country outlines and one circle per incident, its area proportional to its outlets."""
    box = view_box([]) if whole else view_box(points)
    unit = box[2] / 160
    dots = []
    for p in sorted(points, key=lambda p: -(p.get("outlets") or 1)):
        r = unit * math.sqrt(max(p.get("outlets") or 1, 1))
        label = f"{p.get('event')} {p.get('date') or 'undated'} · {p.get('place') or ''} · {p.get('outlets')} outlet(s)"
        dots.append(
            f'<a href="/incidents/{quote(p["id"], safe="")}" class="dot" data-outlets="{p.get("outlets") or 1}">'
            f'<circle cx="{p["lon"]:.3f}" cy="{-p["lat"]:.3f}" r="{r:.3f}"><title>{escape(label)}</title></circle></a>'
        )
    return Markup(
        f'<svg class="map" viewBox="{" ".join(f"{v:g}" for v in box)}" role="img" aria-label="map of incidents">'
        f'<rect x="-180" y="-90" width="360" height="180" class="sea"/><g class="land">{world_paths()}</g>'
        f'<g class="dots">{"".join(dots)}</g></svg>'
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def positions_chart(positions: list[dict[str, Any]]) -> Markup:
    """Issues as rows, time as the x axis, one coloured mark per position (its stance)."""
    dated = [(d, p) for p in positions if (d := _day(p.get("when")))]
    if not dated:
        return Markup("")
    issues = sorted({p["issue"] for _, p in dated})
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    left, width, row = 190, 520, 26
    height = row * len(issues) + 40
    parts = [f'<svg class="chart" viewBox="0 0 {left + width + 20} {height}" role="img" '
             f'aria-label="positions by issue over time">']
    for i, issue in enumerate(issues):
        y = 20 + i * row
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{escape(issue[:30])}</text>'
                     f'<line x1="{left}" x2="{left + width}" y1="{y}" y2="{y}" class="grid"/>')
    seen: dict[tuple[str, int], int] = {}
    for d, p in sorted(dated, key=lambda dp: dp[0]):
        x = left + width * (d - lo).days / span if span else left + width / 2
        y = 20 + issues.index(p["issue"]) * row
        repeat = seen[(p["issue"], round(x))] = seen.get((p["issue"], round(x)), -1) + 1
        x += 9 * repeat  # several positions on one issue and day: side by side, not on top of each other
        colour = STANCE_COLOURS.get(p["stance"], "#555")
        tip = f"{d.isoformat()} {p['stance']} · {p['issue']}: {p.get('evidence', '')[:200]}"
        parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="6" fill="{colour}" class="stance-{escape(p["stance"])}">'
                     f"<title>{escape(tip)}</title></circle>")
    axis_y = height - 12
    ticks = [(lo, "start"), (hi, "end")]
    if span >= 60:  # three dates between the ends, so the axis can be read
        ticks[1:1] = [(lo + timedelta(days=span * k // 4), "middle") for k in (1, 2, 3)]
    for d, anchor in ticks:
        x = left + width * (d - lo).days / span
        parts.append(f'<text x="{x:.0f}" y="{axis_y}" text-anchor="{anchor}">{d.isoformat()}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
