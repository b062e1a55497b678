"""What each page shows, as JSON-ready dicts: the HTML pages render them, the API returns them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from dossier.store import Store, views
from dossier.store.views import Filters
from dossier.web.derived import Derived
from dossier.web.highlight import fact_spans, render

CONTEXT = 320  # characters of the article shown around an evidence sentence


class NotFound(LookupError):
    pass


def page(limit: int, offset: int, total: int) -> dict[str, int]:
    return {"limit": limit, "offset": offset, "total": total}


# -- timeline ----------------------------------------------------------------------------------
def incident_brief(inc: dict[str, Any]) -> dict[str, Any]:
    """An incident as the timeline and lists show it; `evidence` is the report whose sentence is the summary."""
    members = inc.get("members") or []
    best = next((m for m in members if m.get("evidence") == inc.get("summary")), members[0] if members else None)
    return {
        "id": inc["id"], "event": inc["event"], "mode": inc.get("mode"), "status": inc.get("status"),
        "date": inc.get("date"), "actor": inc.get("actor") or [], "recipient": inc.get("recipient") or [],
        "place": inc.get("place"), "size": {k: v for k, v in (inc.get("size") or {}).items() if v},
        "outlets": inc.get("outlets", 0), "reports": len(members), "summary": inc.get("summary") or "",
        "disagreements": len(inc.get("disagreements") or []),
        "evidence": {"doc": best["doc"], "event_id": best["event_id"]} if best else None,
    }


def timeline(store: Store, f: Filters, *, limit: int, offset: int, per_day: int, newest_first: bool) -> dict:
    conn = store.conn
    days, total = views.timeline_days(conn, f, limit=limit, offset=offset, newest_first=newest_first)
    names = [d["date"] for d in days]
    incidents: dict[str, list[dict[str, Any]]] = {}
    for inc in views.timeline_incidents(conn, f, names, per_day):
        incidents.setdefault(inc["day"], []).append(incident_brief(inc))
    statements: dict[str, list[dict[str, Any]]] = {}
    for st in views.timeline_statements(conn, f, names, per_day):
        statements.setdefault(st.pop("day"), []).append(st)
    out_days = []
    for d in days:
        items = incidents.get(d["date"], [])
        out_days.append({
            "date": d["date"], "incidents_total": d["incidents"], "statements_total": d["statements"],
            "outlets": sum(i["outlets"] for i in items), "incidents": items,
            "statements": statements.get(d["date"], []),
        })
    return {"filters": vars(f), "page": page(limit, offset, total), "days": out_days}


# -- incident ----------------------------------------------------------------------------------
def _context(body: str, start: int, end: int) -> dict[str, str]:
    """The evidence with the text around it, cut at line breaks or after CONTEXT characters."""
    while end > start and body[end - 1].isspace():
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    lo = max(body.rfind("\n", 0, start) + 1, start - CONTEXT)
    hi = body.find("\n", end)
    hi = min(hi if hi >= 0 else len(body), end + CONTEXT)
    return {"before": ("…" if lo > 0 and body[lo - 1] != "\n" else "") + body[lo:start],
            "evidence": body[start:end], "after": body[end:hi] + ("…" if hi < len(body) and body[hi] != "\n" else "")}


def incident(store: Store, incident_id: str) -> dict[str, Any]:
    inc = views.incident(store.conn, incident_id)
    if inc is None:
        raise NotFound(f"no incident {incident_id!r}")
    members = inc.get("members") or []
    events = views.member_events(store.conn, [(m["doc"], m["event_id"]) for m in members])
    reports = []
    for m in members:
        ev = events.get((m["doc"], m["event_id"]))
        record = store.record(m["doc"])
        report: dict[str, Any] = {"doc": m["doc"], "event_id": m["event_id"], "evidence": m["evidence"]}
        if ev:
            report.update({k: ev[k] for k in ("outlet", "title", "published", "event", "mode", "status", "actor",
                                              "recipient", "place", "date", "date_source", "dead", "injured",
                                              "people", "lat", "lon")})
            if record:
                report["context"] = _context(record.body, ev["evidence_start"], ev["evidence_end"])
        reports.append(report)
    outlets = {r["doc"]: r.get("outlet") or r.get("title") or r["doc"] for r in reports}
    disagreements = [
        {"field": d["field"], "values": [{"value": v["value"], "docs": v["docs"],
                                          "outlets": [outlets.get(doc, doc) for doc in v["docs"]]}
                                         for v in d["values"]]}
        for d in inc.get("disagreements") or []
    ]
    brief = incident_brief(inc)
    return {**brief, "salience": inc.get("base_salience"), "reports": reports, "disagreements": disagreements}


def incidents(store: Store, f: Filters, *, limit: int, offset: int) -> dict[str, Any]:
    rows, total = views.incidents_page(store.conn, f, limit=limit, offset=offset)
    return {"filters": vars(f), "page": page(limit, offset, total), "incidents": [incident_brief(i) for i in rows]}


# -- actors ------------------------------------------------------------------------------------
def actors(store: Store, *, name: str | None, type_: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows, total = views.actors_page(store.conn, name=name, type_=type_, limit=limit, offset=offset)
    return {"page": page(limit, offset, total), "actors": rows}


def actor(store: Store, derived: Derived, entity_id: str, *, limit: int = 200) -> dict[str, Any]:
    conn = store.conn
    ids = views.linked_ids(conn, entity_id)
    who = views.actor(conn, ids)
    if who is None:
        raise NotFound(f"no actor {entity_id!r}")
    names = {n.lower() for n in who["names"]}
    positions = sorted((p for p in derived.positions(store) if p["holder"].lower() in names),
                       key=lambda p: (p.get("when") is None, p.get("when") or "", p["issue"]))
    return {
        **who,
        "statements": views.actor_statements(conn, ids, limit=limit),
        "as_actor": views.actor_events(conn, ids, "actor", limit=limit),
        "as_recipient": views.actor_events(conn, ids, "recipient", limit=limit),
        "positions": positions,
    }


# -- positions ---------------------------------------------------------------------------------
def positions(store: Store, derived: Derived, *, holder: str | None, issue: str | None, limit: int,
              offset: int) -> dict[str, Any]:
    """Parties × issues: the latest stance in each cell and its history; `limit`/`offset` page the parties."""
    rows = [p for p in derived.positions(store)
            if (not holder or holder.lower() in p["holder"].lower())
            and (not issue or issue.lower() in p["issue"].lower())]
    holders = [h for h, _ in Counter(p["holder"] for p in rows).most_common()]
    issues = [i for i, _ in Counter(p["issue"] for p in rows).most_common()]
    shown = holders[offset : offset + limit]
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for p in sorted(rows, key=lambda p: (p.get("when") or "", p["doc"])):
        if p["holder"] in shown:
            cell = cells.setdefault(p["holder"], {}).setdefault(p["issue"], {"latest": None, "history": []})
            cell["history"].append(p)
            cell["latest"] = p
    ids = views.entity_ids_by_name(store.conn, shown)
    matrix = [{"holder": h, "entity_id": ids.get(h), "cells": cells.get(h, {})} for h in shown]
    return {"page": page(limit, offset, len(holders)), "issues": issues, "matrix": matrix}


# -- statements --------------------------------------------------------------------------------
def statements(store: Store, *, query: str | None, speaker: str | None, since: str | None, until: str | None,
               limit: int, offset: int) -> dict[str, Any]:
    rows, total = views.statements_page(store.conn, query=query, speaker=speaker, since=since, until=until,
                                        limit=limit, offset=offset)
    filters = {"query": query, "speaker": speaker, "since": since, "until": until}
    return {"filters": filters, "page": page(limit, offset, total), "statements": rows}


# -- articles ----------------------------------------------------------------------------------
def articles(store: Store, *, outlet: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows, total = views.documents_page(store.conn, outlet=outlet, limit=limit, offset=offset)
    return {"page": page(limit, offset, total), "articles": rows}


def article(store: Store, doc_id: str, hl: tuple[int, int] | None = None) -> dict[str, Any]:
    record = store.record(doc_id)
    if record is None:
        raise NotFound(f"no article {doc_id!r}")
    incident_of = views.incidents_of_doc(store.conn, record.id)
    data = record.to_dict()
    data["incidents"] = incident_of
    data["html"] = render(record.body, fact_spans(record, incident_of, hl))
    if record.related_to and record.related_to.get("id"):
        host_id = str(record.related_to["id"])
        data["host"] = views.doc_meta(store.conn, [host_id]).get(host_id) or {"id": host_id, "title": None}
    return data


def find_span(store: Store, doc_id: str, text: str) -> tuple[int, int] | None:
    record = store.record(doc_id)
    at = record.body.find(text) if record and text else -1
    return (at, at + len(text)) if at >= 0 else None


# -- map, contradictions -----------------------------------------------------------------------
def map_points(store: Store, f: Filters, *, limit: int) -> dict[str, Any]:
    points, total = views.map_points(store.conn, f, limit=limit)
    return {"filters": vars(f), "page": page(limit, 0, total), "points": points}


def contradictions(store: Store, derived: Derived, *, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = [c for c in derived.contradictions(store) if not kind or c.get("kind") == kind]
    shown = rows[offset : offset + limit]
    meta = views.doc_meta(store.conn, [c[side]["doc"] for c in shown for side in ("a", "b")])
    out = []
    for c in shown:
        item = {"reason": c["reason"], "kind": c.get("kind")}
        for side in ("a", "b"):
            doc = meta.get(c[side]["doc"], {})
            span = find_span(store, c[side]["doc"], c[side]["evidence"])
            item[side] = {**c[side], "outlet": doc.get("outlet"), "title": doc.get("title"),
                          "published": doc.get("published"), "span": list(span) if span else None}
        out.append(item)
    kinds = Counter(c.get("kind") for c in derived.contradictions(store))
    return {"page": page(limit, offset, len(rows)), "kinds": dict(kinds), "contradictions": out}
