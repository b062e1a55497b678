"""The web app through FastAPI's TestClient: every page and API route, filters, pagination, escaping, tokens."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from dossier.corpus.incidents import listing_day
from dossier.store import Store, StoreError
from dossier.web.app import create_app
from dossier.web.report import write_report
from dossier.web.server import UnsafeBind, check_bind, is_loopback, serve
from webstore import HOSTILE_ID, example_store

PAGES = ["/", "/map", "/positions", "/statements", "/contradictions", "/actors", "/articles"]
EXAMPLES = int(os.environ.get("DOSSIER_SCHEMATHESIS_EXAMPLES", "10"))  # per operation and mode
APIS = ["/api/timeline", "/api/incidents", "/api/actors", "/api/positions", "/api/statements", "/api/articles",
        "/api/map", "/api/contradictions"]


@pytest.fixture(scope="module")
def db() -> Path:
    return example_store()


@pytest.fixture(scope="module")
def app(db: Path):
    return create_app(str(db))


@pytest.fixture(scope="module")
def client(app) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="module")
def sample(db: Path) -> dict:
    """A multi-report incident, a person who speaks, and an article with events, from the store."""
    with Store.open(db, readonly=True) as store:
        incidents = store.incidents()
        inc = max(incidents, key=lambda i: (len(i["members"]), i["id"]))
        speaker = store.statements(speaker="Zelensky", limit=1)[0]["speaker_id"]
    return {"incident": inc, "actor": speaker, "doc": inc["members"][0]["doc"],
            "event": inc["members"][0]["event_id"]}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<title>" in r.text and "Dossier" in r.text


@pytest.mark.parametrize("path", APIS)
def test_every_api_list_answers_json_with_a_page(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert "page" in r.json()


def test_item_pages_and_apis(client: TestClient, sample: dict) -> None:
    inc = sample["incident"]
    for path in (f"/incidents/{inc['id']}", f"/actors/{sample['actor']}", f"/articles/{sample['doc']}"):
        assert client.get(path).status_code == 200, path
        assert client.get("/api" + path).status_code == 200, path
    data = client.get(f"/api/incidents/{inc['id']}").json()
    assert len(data["reports"]) == len(inc["members"]) >= 2
    assert all(r["context"]["evidence"].strip() in r["evidence"] for r in data["reports"] if "context" in r)
    page = client.get(f"/incidents/{inc['id']}").text
    assert page.count("<mark>") == len(inc["members"])


def test_unknown_items_are_404(client: TestClient) -> None:
    for path in ("/incidents/inc-nope", "/actors/person:nobody-at-all", "/articles/no-such-doc"):
        assert client.get(path).status_code == 404
        assert client.get("/api" + path).status_code == 404


def test_bad_input_is_a_client_error(client: TestClient) -> None:
    assert client.get("/api/statements", params={"q": '"unclosed'}).status_code == 400
    assert client.get("/statements", params={"q": '"unclosed'}).status_code == 400
    assert client.get("/api/timeline", params={"since": "June"}).status_code == 422
    assert client.get("/", params={"since": "June"}).status_code == 422
    assert client.get("/api/timeline", params={"limit": 0}).status_code == 422


def test_timeline_filters_change_what_is_shown(client: TestClient) -> None:
    everything = client.get("/api/timeline", params={"limit": 200}).json()
    days = [d["date"] for d in everything["days"]]
    assert days == sorted(days) and everything["page"]["total"] == len(days) > 5
    newest = client.get("/api/timeline", params={"order": "desc", "limit": 1}).json()["days"][0]["date"]
    assert newest == days[-1]
    june = client.get("/api/timeline", params={"since": "2025-06", "until": "2025-06", "limit": 200}).json()
    assert june["days"] and all(d["date"].startswith("2025-06") for d in june["days"])
    assaults = client.get("/api/timeline", params={"event": "ASSAULT", "limit": 200}).json()
    items = [i for d in assaults["days"] for i in d["incidents"]]
    assert items and all(i["event"] == "ASSAULT" for i in items)
    assert all(not d["statements"] for d in assaults["days"])
    peskov = client.get("/api/timeline", params={"actor": "Peskov", "limit": 200}).json()
    said = [s for d in peskov["days"] for s in d["statements"]]
    assert said and all("Peskov" in (s["speaker_name"] or "") for s in said)
    kyiv = client.get("/api/timeline", params={"place": "kyiv", "event": "ASSAULT", "limit": 200}).json()
    assert all("kyiv" in (i["place"] or "").lower() for d in kyiv["days"] for i in d["incidents"])
    assert len(kyiv["days"]) < len(assaults["days"]) or kyiv["days"]
    page = client.get("/", params={"event": "ASSAULT"}).text
    assert "ASSAULT" in page and 'class="st"' not in page


def test_timeline_pages_through_days(client: TestClient) -> None:
    first = client.get("/api/timeline", params={"limit": 2}).json()
    second = client.get("/api/timeline", params={"limit": 2, "offset": 2}).json()
    assert first["page"]["total"] == second["page"]["total"] > 4
    assert first["days"][-1]["date"] < second["days"][0]["date"]
    html = client.get("/", params={"limit": 2}).text
    assert 'rel="next"' in html and "offset=2" in html
    beyond = client.get("/api/timeline", params={"offset": 10_000}).json()
    assert beyond["days"] == [] and beyond["page"]["total"] == first["page"]["total"]


def test_timeline_items_link_to_evidence(client: TestClient) -> None:
    html = client.get("/").text
    links = re.findall(r'href="/articles/([^"#]+)#(ev-[^"]+|st-[^"]+)"', html)
    assert links
    doc, anchor = links[0]
    assert f'id="{anchor}"' in client.get(f"/articles/{doc}").text


def test_statement_search_speaker_and_dates(client: TestClient) -> None:
    found = client.get("/api/statements", params={"q": "ultimatum"}).json()
    assert found["statements"] and all("ultimatum" in s["quote"].lower() for s in found["statements"])
    assert "ultimatum" in client.get("/statements", params={"q": "ultimatum"}).text
    peskov = client.get("/api/statements", params={"speaker": "Peskov"}).json()
    assert peskov["statements"] and {s["speaker_name"] for s in peskov["statements"]} == {"Dmitry Peskov"}
    dated = client.get("/api/statements", params={"since": "2025-06-01", "until": "2025-06-30"}).json()
    assert dated["statements"] and all("2025-06" <= s["date"][:7] <= "2025-06" for s in dated["statements"])
    one = client.get("/api/statements", params={"limit": 1, "offset": 1}).json()
    assert len(one["statements"]) == 1 and one["page"]["total"] > 1


def test_lists_page_and_filter(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 3}).json()
    assert len(actors["actors"]) == 3 and actors["page"]["total"] > 3
    people = client.get("/api/actors", params={"type": "person"}).json()["actors"]
    assert people and all(a["type"] == "PERSON" for a in people)
    ledger = client.get("/api/articles", params={"outlet": "Kyiv Ledger"}).json()["articles"]
    assert ledger and all(a["outlet"] == "The Kyiv Ledger" for a in ledger)
    incidents = client.get("/api/incidents", params={"event": "ASSAULT", "limit": 2}).json()
    assert len(incidents["incidents"]) == 2 and incidents["page"]["total"] >= 2


def test_actor_page_has_statements_events_and_positions(client: TestClient) -> None:
    data = client.get("/api/actors/person:volodymyr-zelensky").json()
    assert data["type"] == "PERSON" and data["statements"] and data["positions"]
    assert data["as_actor"] or data["as_recipient"]
    html = client.get("/actors/person:volodymyr-zelensky").text
    assert '<svg class="chart"' in html


def test_positions_matrix_and_contradictions(client: TestClient) -> None:
    data = client.get("/api/positions").json()
    assert data["matrix"] and data["issues"]
    cell = next(iter(data["matrix"][0]["cells"].values()))
    assert cell["latest"] is cell["history"][-1] or cell["latest"] == cell["history"][-1]
    only = client.get("/api/positions", params={"holder": "Russia"}).json()["matrix"]
    assert only and all("russia" in row["holder"].lower() for row in only)
    contra = client.get("/api/contradictions").json()
    assert contra["contradictions"] and all(c["a"]["evidence"] and c["b"]["evidence"] for c in contra["contradictions"])
    kind = contra["contradictions"][0]["kind"]
    assert all(c["kind"] == kind for c in client.get("/api/contradictions", params={"kind": kind}).json()[
        "contradictions"])


def test_map_points_have_coordinates_and_sizes(client: TestClient) -> None:
    data = client.get("/api/map").json()
    assert data["points"] and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in data["points"])
    html = client.get("/map").text
    assert html.count("<circle") == len(data["points"]) and "<path" in html


def test_article_marks_every_fact_and_shows_boilerplate(client: TestClient, sample: dict) -> None:
    doc = client.get(f"/api/articles/{sample['doc']}").json()
    html = client.get(f"/articles/{sample['doc']}").text
    for ev in doc["events"]:
        assert f'id="ev-{ev["id"]}"' in html
    for st in doc["statements"]:
        assert f'id="st-{st["id"]}"' in html
    assert html.count("f-entity") >= sum(len(e["mentions"]) for e in doc["entities"])
    assert html.count("f-timex") >= len(doc["timexes"])
    if doc["removed"]:
        assert "Removed boilerplate" in html and "<details" in html


def test_hostile_article_is_rendered_as_text(client: TestClient) -> None:
    pages = [client.get(f"/articles/{HOSTILE_ID}").text, client.get("/statements", params={"q": "newsrooms"}).text,
             client.get("/articles").text, client.get("/statements", params={"speaker": "Klitschko"}).text]
    body = pages[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    for html in pages:
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I)
        assert not re.search(r"<[^>]+\son\w+\s*=", html)
    assert "Test Wire &lt;b&gt;" in body and "javascript:alert(4)" in body  # shown, not linked


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {p for p in APIS} <= paths
    assert {"/api/incidents/{incident_id}", "/api/actors/{entity_id}", "/api/articles/{doc_id}"} <= paths
    assert not any(p == "/" or not p.startswith("/api/") for p in paths)
    assert client.get("/docs").status_code == 200


def test_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert sources and all(s.startswith("/docs-assets/") for s in sources), sources
        assert "cdn." not in page.text and "https://" not in page.headers["content-security-policy"]
        for source in sources:
            asset = client.get(source)
            assert asset.status_code == 200 and len(asset.content) > 1000, source


def _brute_force_days(db: Path, actor: str | None, place: str | None, event: str | None) -> Counter:
    """Incidents per day, by reading every incident's JSON: what the indexed filters must agree with."""
    days: Counter = Counter()
    with Store.open(db, readonly=True) as store:
        for inc in store.incidents():
            names = (inc.get("actor") or []) + (inc.get("recipient") or [])
            day = listing_day(inc.get("date"))  # a day, or a weekend's Saturday
            if not day or (event and inc["event"] != event):
                continue
            if actor and not any(actor.lower() in n.lower() for n in names):
                continue
            if place and place.lower() not in (inc.get("place") or "").lower():
                continue
            days[day] += 1
    return days


@pytest.mark.parametrize(("actor", "place", "event"), [("Russia", None, None), ("ukrain", None, None),
                                                       (None, "KYIV", None), ("Russia", "kyiv", None),
                                                       ("Russia", None, "ASSAULT"), ("nobody at all", None, None)])
def test_actor_and_place_filters_count_what_a_full_scan_counts(client: TestClient, db: Path, actor: str | None,
                                                                place: str | None, event: str | None) -> None:
    params = {k: v for k, v in {"actor": actor, "place": place, "event": event}.items() if v}
    answer = client.get("/api/timeline", params={**params, "limit": 200}).json()
    counted = {d["date"]: d["incidents_total"] for d in answer["days"] if d["incidents_total"]}
    assert counted == dict(_brute_force_days(db, actor, place, event))
    shown = [i for d in answer["days"] for i in d["incidents"]]
    for i in shown:
        assert not actor or any(actor.lower() in n.lower() for n in i["actor"] + i["recipient"])
        assert not place or place.lower() in (i["place"] or "").lower()


def test_filter_lookup_follows_incidents_that_change(db: Path, tmp_path: Path) -> None:
    """The corpus stage replaces and deletes incidents (INSERT OR REPLACE, DELETE): the lookup keeps up."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    with Store.open(copy) as store:
        conn = store.conn
        inc = next(i for i in store.incidents() if re.match(r"\d{4}-\d{2}-\d{2}", i.get("date") or ""))
        changed = {**inc, "actor": ["Quillon Varga"], "recipient": ["Quillon Varga"], "place": "nowhere bay"}
        with conn:
            conn.execute("INSERT OR REPLACE INTO incidents (id, event, date, base_salience, data) VALUES (?,?,?,?,?)",
                         (inc["id"], inc["event"], inc["date"], 1.0, json.dumps(changed)))
        app = create_app(str(copy))
        found = TestClient(app).get("/api/incidents", params={"actor": "quillon"}).json()
        assert [i["id"] for i in found["incidents"]] == [inc["id"]]
        assert TestClient(app).get("/api/incidents", params={"place": "nowhere"}).json()["page"]["total"] == 1
        old = (inc.get("actor") or ["-"])[0]
        before = TestClient(app).get("/api/incidents", params={"actor": old, "limit": 500}).json()["incidents"]
        assert inc["id"] not in {i["id"] for i in before}
        with conn:
            conn.execute("DELETE FROM incidents WHERE id = ?", (inc["id"],))
        assert TestClient(app).get("/api/incidents", params={"actor": "quillon"}).json()["page"]["total"] == 0
        terms = conn.execute("SELECT count(*) FROM incident_term_links WHERE incident_id = ?", (inc["id"],))
        assert terms.fetchone()[0] == 0


def test_token_is_required_on_every_request(db: Path) -> None:
    guarded = TestClient(create_app(str(db), token="s3cret-token"))
    for path in ("/", "/api/timeline", "/openapi.json", "/docs", "/static/style.css", "/articles"):
        assert guarded.get(path).status_code == 401, path
    assert guarded.get("/api/timeline", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/timeline", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert guarded.get("/api/timeline", headers={"X-Dossier-Token": "s3cret-token"}).status_code == 200
    assert guarded.get("/?token=nope").status_code == 401
    first = guarded.get("/?token=s3cret-token&event=ASSAULT", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/?event=ASSAULT"
    assert "httponly" in first.headers["set-cookie"].lower()
    assert guarded.get("/?event=ASSAULT").status_code == 200  # the cookie now carries it


def test_binding_beyond_loopback_needs_a_token(db: Path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10") and not is_loopback("example.org")
    for host in ("0.0.0.0", "::", "10.0.0.5"):
        with pytest.raises(UnsafeBind, match="token"):
            check_bind(host, None)
        with pytest.raises(UnsafeBind):
            serve(str(db), host=host, port=1)  # refuses before binding anything
    check_bind("0.0.0.0", "a-token")
    check_bind("127.0.0.1", None)


def test_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "nothing.db"))


def test_report_is_self_contained(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    write_report(str(db), str(out))
    html = out.read_text()
    assert "Timeline" in html and "Positions" in html and "Sources" in html and "2025-06-02" in html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert not re.search(r"""<link[^>]+href="(?!data:)""", html)
    assert not re.search(r"""<[^>]*\s(src|srcset|data|poster)\s*=|@import|url\(""", html)
    assert "Content-Security-Policy" in html
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in html
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)


def test_api_never_answers_with_a_server_error(app) -> None:
    """Schemathesis against /openapi.json: valid and invalid parameters for every operation, no 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    statuses: Counter[int] = Counter()
    for found in schema.get_all_operations():
        operation = found.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def call(case) -> None:
                statuses[case.call_and_validate(checks=[not_a_server_error]).status_code] += 1

            call()
    assert statuses[200] and statuses[422] and not any(code >= 500 for code in statuses)
