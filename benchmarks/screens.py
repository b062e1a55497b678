"""Screenshots of every page of the web UI, for a person to look at.

    python benchmarks/screens.py [--db dossier.db]

Without --db it ingests examples/corpus into a temporary store first.  Writes PNGs to
benchmarks/results/screens/ (Debian's chromium, headless, via Playwright).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from dossier.store import Store, views
from dossier.web.app import create_app
from dossier.web.report import write_report
from dossier.web.server import running

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks/results/screens"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    sys.exit("no chromium found: apt-get install -y chromium")


def example_store(tmp: Path) -> str:
    db = tmp / "example.db"
    subprocess.run([sys.executable, "-m", "dossier", "ingest", str(ROOT / "examples/corpus"), "--db", str(db),
                    "--quiet"], check=True)
    return str(db)


def pages(db: str) -> list[tuple[str, str]]:
    """(name, path) of each page, with a real incident, actor and article of the store."""
    with Store.open(db, readonly=True) as store:
        inc, _ = views.incidents_page(store.conn, views.Filters(), limit=1, offset=0)
        best = max((i for i in store.incidents()), key=lambda i: len(i["members"]), default=None)
        actor, _ = views.actors_page(store.conn, type_="PERSON", limit=1, offset=0)
        doc = best["members"][0]["doc"] if best else store.documents(limit=1)[0]["id"]
        event = best["members"][0]["event_id"] if best else ""
    out = [("timeline", "/"), ("timeline-filtered", "/?actor=Russia&event=ASSAULT"), ("map", "/map"),
           ("positions", "/positions"), ("statements", "/statements?q=ceasefire"),
           ("contradictions", "/contradictions"), ("actors", "/actors"), ("articles", "/articles"),
           ("article", f"/articles/{doc}#ev-{event}"), ("docs", "/docs")]
    if best or inc:
        out.append(("incident", f"/incidents/{(best or inc[0])['id']}"))
    if actor:
        out.append(("actor", f"/actors/{actor[0]['entity_id']}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store (default: the example corpus, ingested into a temporary store)")
    parser.add_argument("--full", action="store_true", help="whole pages, not just the first screen")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or example_store(Path(tmp))
        with running(create_app(db)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium(), headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            report = Path(tmp) / "report.html"
            write_report(db, str(report))
            shots = [(name, base + path) for name, path in pages(db)] + [("report", report.as_uri())]
            for name, url in shots:
                page.goto(url)
                page.wait_for_load_state("networkidle")  # /docs draws itself with its (packaged) script
                target = OUT / f"{name}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target.relative_to(ROOT))
            browser.close()


if __name__ == "__main__":
    main()
