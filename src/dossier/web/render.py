"""The Jinja2 environment: autoescape everywhere, and the filters the templates use."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape


def safe_url(url: str | None) -> str | None:
    """An article's own URL, only when it is plain http(s): never `javascript:` or `data:`."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from the current filters with some changed (None drops a parameter)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def path(value: str) -> str:
    return quote(value, safe=":")


# Small fragments used for every item of a long list: Python, not Jinja macros (a macro call costs far
# more). Every value goes through `escape`.
def parties(names: list[str]) -> Markup:
    """Party names, each a link to the timeline filtered by it."""
    return Markup(", ".join(f'<a class="party" href="/{escape(query({}, actor=n))}">{escape(n)}</a>' for n in names))


def sources(outlets: int, reports: int) -> Markup:
    return Markup(f'<span class="src" title="independent outlets · reports">{escape(outlets)} outlet'
                  f'{"" if outlets == 1 else "s"} · {escape(reports)} report{"" if reports == 1 else "s"}</span>')


def speaker(st: dict[str, Any]) -> Markup:
    """The speaker of a statement: a link to the actor page when resolved to an entity."""
    name = st.get("speaker_name") or st.get("speaker_mention")
    if st.get("speaker_id"):
        return Markup(f'<a class="speaker" href="/actors/{escape(path(st["speaker_id"]))}">{escape(name)}</a>')
    return Markup(f'<span class="speaker">{escape(name or "unattributed")}</span>')


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dossier.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are package data: no stat() of each file on every page
    )
    env.filters["safe_url"] = safe_url
    env.filters["path"] = path
    env.globals.update(query=query, parties=parties, sources=sources, speaker=speaker)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
