"""The Jinja2 environment: autoescape everywhere, and the filters the templates use."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape


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


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dossier.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path"] = path
    env.globals["query"] = query
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
