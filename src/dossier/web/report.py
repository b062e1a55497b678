"""`dossier report`: one self-contained HTML file (timeline, positions, sources) to share by email.

It makes no network request when opened: the style is inline, there is no script, images or
fonts, links point inside the file (or, as plain links, to the articles' own http(s) pages),
and a Content-Security-Policy meta tag forbids loading anything.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

from dossier.store import Store, views
from dossier.store.views import Filters
from dossier.web import data
from dossier.web.derived import Derived
from dossier.web.render import render

MAX_DAYS = 2000
PER_DAY = 12
MAX_SOURCES = 5000


def report_html(store: Store, derived: Derived | None = None) -> str:
    derived = derived or Derived()
    timeline = data.timeline(store, Filters(), limit=MAX_DAYS, offset=0, per_day=PER_DAY, newest_first=False)
    positions = data.positions(store, derived, holder=None, issue=None, limit=200, offset=0)
    sources = data.articles(store, outlet=None, limit=MAX_SOURCES, offset=0)
    # our own stylesheet, inlined as is (escaping would break its quoted font names)
    css = Markup(files("dossier.web").joinpath("static/style.css").read_text(encoding="utf-8"))
    return render("report.html", css=css, timeline=timeline, positions=positions, sources=sources,
                  counts=views.counts(store.conn), db=Path(store.path).name,
                  made=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(db: str, out: str) -> None:
    """Write the report of the store `db` (opened read-only) to the file `out`."""
    with Store.open(db, readonly=True) as store:
        html = report_html(store)
    Path(out).write_text(html, encoding="utf-8")
