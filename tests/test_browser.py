"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright.

Skipped only when no chromium executable is installed (`apt-get install -y chromium`; .ci/run does it).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.store import Store
from dossier.web.app import create_app
from dossier.web.report import write_report
from dossier.web.server import running
from webstore import HOSTILE_ID, example_store

CHROMIUM = next((p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable found (apt-get install chromium)")


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(create_app(str(example_store()))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records dialogs and console errors (a CSP violation is one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture(scope="module")
def sample() -> dict[str, str]:
    with Store.open(example_store(), readonly=True) as store:
        inc = max(store.incidents(), key=lambda i: (len(i["members"]), i["id"]))
    return {"incident": inc["id"], "doc": inc["members"][0]["doc"]}


def test_each_page_loads(page, base: str, sample: dict[str, str]) -> None:
    paths = ["/", "/map", "/positions", "/statements", "/contradictions", "/actors", "/articles",
             f"/incidents/{sample['incident']}", "/actors/person:volodymyr-zelensky", f"/articles/{sample['doc']}"]
    for path in paths:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").first.is_visible(), path
        assert page.title().endswith("Dossier"), path
    assert page.errors == [] and page.dialogs == []
    page.goto(base + "/map")
    assert page.locator("svg.map circle").count() > 0 and page.locator("svg.map path").count() > 100


def test_timeline_filters_change_what_is_shown(page, base: str) -> None:
    page.goto(base + "/")
    everything = page.locator("li.inc, li.st").count()
    statements = page.locator("li.st").count()
    assert everything > 0 and statements > 0
    page.select_option("select[name=event]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"event=ASSAULT"))
    labels = page.locator("li.inc .etype").all_inner_texts()
    assert labels and set(labels) == {"ASSAULT"} and page.locator("li.st").count() == 0
    page.goto(base + "/")
    page.fill("input[name=actor]", "Peskov")
    page.press("input[name=actor]", "Enter")
    page.wait_for_url(re.compile(r"actor=Peskov"))
    speakers = page.locator("li.st .speaker").all_inner_texts()
    assert speakers and all("Peskov" in s for s in speakers)
    assert page.locator("li.inc, li.st").count() < everything


def test_search_finds_a_statement(page, base: str) -> None:
    page.goto(base + "/statements")
    page.fill("input[name=q]", "ultimatum")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=ultimatum"))
    quotes = page.locator("li.st q").all_inner_texts()
    assert quotes and all("ultimatum" in q.lower() for q in quotes)


def test_click_from_timeline_reaches_the_evidence_sentence(page, base: str) -> None:
    page.goto(base + "/")
    item = page.locator("li.inc").first
    summary = item.locator(".summary a").first.inner_text()
    item.locator("a.evidence").click()
    page.wait_for_url(re.compile(r"/articles/[^#]+#ev-"))
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert " ".join(target.inner_text().split()) == " ".join(summary.split())
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    page.goto(base + "/")
    page.locator("li.st a.evidence").first.click()
    page.wait_for_url(re.compile(r"#st-"))
    assert page.evaluate("document.querySelector(':target').className").startswith("f f-statement")


def test_hostile_article_runs_no_script(page, base: str) -> None:
    for path in (f"/articles/{HOSTILE_ID}", "/statements?q=newsrooms", "/articles",
                 "/?since=2025-06-03&until=2025-06-03", "/statements?speaker=Klitschko"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.locator("script, img, iframe, object").count() == 0, path
    page.goto(base + f"/articles/{HOSTILE_ID}")
    body = page.locator(".body").inner_text()
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert '<a href="javascript:alert(3)">claim your prize</a>' in body
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.get_by_text("javascript:alert(4)").is_visible()  # the article's own bad URL, shown as text
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_report_opens_offline_and_shows_the_timeline(browser, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    write_report(str(example_store()), str(out))
    context = browser.new_context(offline=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert page.locator("#timeline").is_visible()
    assert page.locator("section.day").count() > 5
    assert page.locator("section.day li").count() > 10
    assert page.locator("#positions").is_visible() and page.locator("#sources").is_visible()
    assert requests == [out.as_uri()]
    context.close()


def test_api_docs_render_with_no_network_beyond_the_server(browser, base: str) -> None:
    context = browser.new_context()
    elsewhere: list[str] = []

    def only_the_server(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/timeline" in paths and "/api/statements" in paths and len(paths) >= 10
    page.locator(".opblock-summary").first.click()  # an operation opens and shows its parameters
    page.locator(".parameters, .opblock-description-wrapper").first.wait_for(timeout=5_000)
    page.goto(base + "/redoc")
    page.get_by_text("/api/timeline").first.wait_for(timeout=15_000)
    assert elsewhere == [] and errors == []
    context.close()
