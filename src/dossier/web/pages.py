"""The HTML pages: server-rendered from the same data as the API, no script."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dossier.store import StoreError, views
from dossier.web import data, svg
from dossier.web.api import Id, StoreDep
from dossier.web.params import DayLimit, Limit, Offset, Order, PerDay, Since, Text, Until, clean, filters
from dossier.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
NAV = [("/", "Timeline"), ("/map", "Map"), ("/positions", "Positions"), ("/statements", "Statements"),
       ("/contradictions", "Contradictions"), ("/actors", "Actors"), ("/articles", "Articles")]


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "token")}
    html = render(template, nav=NAV, path=request.url.path, params=params, **context)
    return HTMLResponse(html, status_code=status)


def missing(request: Request, message: str, status: int = 404) -> HTMLResponse:
    return page(request, "error.html", status=status, title="Not found" if status == 404 else "Bad request",
                message=message)


@router.get("/")
def timeline(request: Request, s: StoreDep, since: Since = None, until: Until = None, actor: Text = None,
             place: Text = None, event: Text = None, limit: DayLimit = 20, offset: Offset = 0,
             per_day: PerDay = 8, order: Order = "asc") -> HTMLResponse:
    f = filters(since, until, actor, place, event)
    result = data.timeline(s, f, limit=limit, offset=offset, per_day=per_day, newest_first=order == "desc")
    return page(request, "timeline.html", title="Timeline", data=result, counts=views.counts(s.conn),
                event_types=views.event_types(s.conn), order=order)


@router.get("/incidents/{incident_id}")
def incident(request: Request, s: StoreDep, incident_id: Id) -> HTMLResponse:
    try:
        result = data.incident(s, incident_id)
    except data.NotFound as exc:
        return missing(request, str(exc))
    return page(request, "incident.html", title=f"{result['event']} {result.get('date') or ''}", inc=result)


@router.get("/actors")
def actors(request: Request, s: StoreDep, name: Text = None, type: Text = None, limit: Limit = 50,
           offset: Offset = 0) -> HTMLResponse:
    result = data.actors(s, name=clean(name), type_=clean(type), limit=limit, offset=offset)
    return page(request, "actors.html", title="Actors", data=result)


@router.get("/actors/{entity_id}")
def actor(request: Request, s: StoreDep, entity_id: Id) -> HTMLResponse:
    try:
        result = data.actor(s, request.app.state.access.derived, entity_id)
    except data.NotFound as exc:
        return missing(request, str(exc))
    return page(request, "actor.html", title=result["name"], actor=result,
                chart=svg.positions_chart(result["positions"]), colours=svg.STANCE_COLOURS)


@router.get("/positions")
def positions(request: Request, s: StoreDep, holder: Text = None, issue: Text = None, limit: Limit = 50,
              offset: Offset = 0) -> HTMLResponse:
    result = data.positions(s, request.app.state.access.derived, holder=clean(holder), issue=clean(issue),
                            limit=limit, offset=offset)
    return page(request, "positions.html", title="Positions", data=result, colours=svg.STANCE_COLOURS)


@router.get("/statements")
def statements(request: Request, s: StoreDep, q: Text = None, speaker: Text = None, since: Since = None,
               until: Until = None, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    try:
        result = data.statements(s, query=clean(q), speaker=clean(speaker), since=clean(since),
                                 until=clean(until), limit=limit, offset=offset)
    except StoreError as exc:
        return missing(request, str(exc), status=400)
    return page(request, "statements.html", title="Statements", data=result)


@router.get("/articles")
def articles(request: Request, s: StoreDep, outlet: Text = None, limit: Limit = 50,
             offset: Offset = 0) -> HTMLResponse:
    result = data.articles(s, outlet=clean(outlet), limit=limit, offset=offset)
    return page(request, "articles.html", title="Articles", data=result)


@router.get("/articles/{doc_id}")
def article(request: Request, s: StoreDep, doc_id: Id,
            hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> HTMLResponse:
    span = tuple(int(x) for x in hl.split("-")) if hl else None
    try:
        result = data.article(s, doc_id, span if span and len(span) == 2 else None)  # type: ignore[arg-type]
    except data.NotFound as exc:
        return missing(request, str(exc))
    return page(request, "article.html", title=result.get("title") or result["id"], doc=result)


@router.get("/map")
def map_page(request: Request, s: StoreDep, since: Since = None, until: Until = None, event: Text = None,
             world: bool = False, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> HTMLResponse:
    result = data.map_points(s, filters(since, until, None, None, event), limit=limit)
    return page(request, "map.html", title="Map", data=result, svg=svg.world_map(result["points"], whole=world),
                event_types=views.event_types(s.conn))


@router.get("/contradictions")
def contradictions(request: Request, s: StoreDep, kind: Text = None, limit: Limit = 50,
                   offset: Offset = 0) -> HTMLResponse:
    result = data.contradictions(s, request.app.state.access.derived, kind=clean(kind), limit=limit, offset=offset)
    return page(request, "contradictions.html", title="Contradictions", data=result)
