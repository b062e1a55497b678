"""Query parameters shared by the pages and the API: filters and pagination, validated once."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from dossier.store.views import Filters

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # a year, month or day; empty (an unfilled form field) means none

Since = Annotated[str | None, Query(pattern=DATE, description="from this day, month or year (inclusive)")]
Until = Annotated[str | None, Query(pattern=DATE, description="up to this day, month or year (inclusive)")]
Text = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="rows to skip")]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
DayLimit = Annotated[int, Query(ge=1, le=200, description="days per page")]
PerDay = Annotated[int, Query(ge=1, le=100, description="incidents and statements shown per day")]
Order = Annotated[str, Query(pattern="^(asc|desc)$", description="oldest (asc) or newest (desc) day first")]


def clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def filters(since: str | None, until: str | None, actor: str | None, place: str | None,
            event: str | None) -> Filters:
    return Filters(since=clean(since), until=clean(until), actor=clean(actor), place=clean(place),
                   event=clean(event))
