"""The JSON API under /api/: every page's data, with filters and pagination as query parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from dossier.store import Store, StoreError
from dossier.web import data
from dossier.web.params import DayLimit, Limit, Offset, Order, PerDay, Since, Text, Until, clean, filters

router = APIRouter(prefix="/api", tags=["api"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item"}}
BAD_QUERY: dict[int | str, dict[str, Any]] = {400: {"description": "Malformed search query"}}
Id = Annotated[str, Path(min_length=1, max_length=300)]


def store(request: Request) -> Store:
    return request.app.state.access.store()


StoreDep = Annotated[Store, Depends(store)]


def _found(call: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        return call(*args, **kwargs)
    except data.NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/timeline", summary="The story by day: incidents and key statements")
def timeline(s: StoreDep, since: Since = None, until: Until = None, actor: Text = None, place: Text = None,
             event: Text = None, limit: DayLimit = 20, offset: Offset = 0, per_day: PerDay = 8,
             order: Order = "asc") -> dict[str, Any]:
    f = filters(since, until, actor, place, event)
    return data.timeline(s, f, limit=limit, offset=offset, per_day=per_day, newest_first=order == "desc")


@router.get("/incidents", summary="Dated incidents, oldest first")
def incidents(s: StoreDep, since: Since = None, until: Until = None, actor: Text = None, place: Text = None,
              event: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return data.incidents(s, filters(since, until, actor, place, event), limit=limit, offset=offset)


@router.get("/incidents/{incident_id}", summary="One incident: every report, evidence in context, disagreements",
            responses=NOT_FOUND)
def incident(s: StoreDep, incident_id: Id) -> dict[str, Any]:
    return _found(data.incident, s, incident_id)


@router.get("/actors", summary="Actors (canonical entities), most mentioned first")
def actors(s: StoreDep, name: Text = None, type: Text = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    return data.actors(s, name=clean(name), type_=clean(type), limit=limit, offset=offset)


@router.get("/actors/{entity_id}", summary="One actor: roles, statements, events, positions", responses=NOT_FOUND)
def actor(request: Request, s: StoreDep, entity_id: Id) -> dict[str, Any]:
    return _found(data.actor, s, request.app.state.access.derived, entity_id)


@router.get("/positions", summary="Parties × issues: latest stance and history; pages over parties")
def positions(request: Request, s: StoreDep, holder: Text = None, issue: Text = None, limit: Limit = 50,
              offset: Offset = 0) -> dict[str, Any]:
    return data.positions(s, request.app.state.access.derived, holder=clean(holder), issue=clean(issue),
                          limit=limit, offset=offset)


@router.get("/statements", summary="Statements: full-text search (FTS5), speaker and date filters",
            responses=BAD_QUERY)
def statements(s: StoreDep, q: Text = None, speaker: Text = None, since: Since = None, until: Until = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _found(data.statements, s, query=clean(q), speaker=clean(speaker), since=clean(since),
                  until=clean(until), limit=limit, offset=offset)


@router.get("/articles", summary="Stored articles (sources), newest first")
def articles(s: StoreDep, outlet: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return data.articles(s, outlet=clean(outlet), limit=limit, offset=offset)


@router.get("/articles/{doc_id}", summary="One article: the record (body, boilerplate removed, facts)",
            responses=NOT_FOUND)
def article(s: StoreDep, doc_id: Id) -> dict[str, Any]:
    out = _found(data.article, s, doc_id)
    out.pop("html", None)
    return out


@router.get("/map", summary="Incidents with coordinates, most reported first")
def map_points(s: StoreDep, since: Since = None, until: Until = None, event: Text = None,
               limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    return data.map_points(s, filters(since, until, None, None, event), limit=limit)


@router.get("/contradictions", summary="Contradictions between sources or speakers, and position changes")
def contradictions(request: Request, s: StoreDep, kind: Text = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
    return data.contradictions(s, request.app.state.access.derived, kind=clean(kind), limit=limit, offset=offset)
