"""Related-article teasers: cards outside the main text become linked documents of their own.

The articles here are our own invention: a town council, a bridge, shelling of a border town.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from conftest import SHARED, dossier, jsonl
from dossier import pipeline
from dossier.clean import clean_html, clean_text
from dossier.clean.teasers import Block, Teaser, find_teasers, is_headline, is_teaser_text
from dossier.corpus.export import MissingParquet, corpus_view, table_rows, write_csv, write_parquet
from dossier.record import Article, Published, Record, body_hash
from dossier.store import Store
from dossier.web.app import create_app

NOW = datetime(2024, 6, 1, tzinfo=UTC)
HEADLINE = "Army reports new artillery fire near the border"
TEASER = (
    "Shells hit the town of Dravik on March 3, injuring four people and damaging a school. On March 5, a second "
    "barrage struck farm buildings outside the town, the regional governor said. The army said it had returned fire "
    "and that no soldiers were hurt in the"
)
BODY = [
    "The regional council in Kelmstad voted on Thursday to build a second bridge over the Varna river, ending a "
    "decade of argument over the crossing that carries most of the town's freight traffic.",
    "Councillors approved the plan by 31 votes to 12 after a four-hour debate. The bridge is expected to cost about "
    "84 million euros, two thirds of which will come from a national infrastructure fund.",
    "Mayor Ilse Brandt said the old bridge, opened in 1961, could no longer carry heavy lorries safely and had been "
    "closed twice last winter for repairs. Opponents argued that the money should go to rail links instead.",
    "Construction is due to start in October and to take three years, the council said in a statement after the vote.",
]
BIO = (
    "Petra Holm is a reporter at the Lakeside Courier covering local politics and transport. She joined the paper "
    "in 2019 and previously worked at a regional radio station for six years."
)
APPEAL = (
    "Support the Lakeside Courier: we are funded by readers like you, and every contribution keeps our reporters "
    "on the road. Please consider a monthly gift today."
)
NEWSLETTER = "Sign up for the Courier Morning newsletter, delivered to your inbox every weekday."
HOST = "\n\n".join([
    "Lakeside Courier\nRegion",
    "Council approves new bridge over the Varna river\ndate 2024-04-12",
    *BODY,
    f"{HEADLINE}\n{TEASER}",
    BIO,
    APPEAL,
    NEWSLETTER,
    "© 2024 Lakeside Courier. All rights reserved.",
])
# Prose outside the main text that is not news, each under a headline-like line.
NOT_NEWS = {
    "Meet the team behind the transport desk": (
        "Before joining the Courier, Marta Lind spent a decade on the business pages of a national daily. She "
        "studied economics in Tartu and has won two regional prizes for her coverage of ports and shipping."
    ),
    "Twenty years on the northern shore": (
        "For more than twenty years the Lakeside Courier has reported from the northern shore without fear or "
        "favour. Readers in forty countries rely on its correspondents every day, and its archive reaches back to 1998."
    ),
    "Why the Courier needs your help this winter": (
        "Local reporting costs money, and advertising no longer pays for it. If you value what we do, you can "
        "keep the Courier free for everyone by becoming a supporter before the end of the year."
    ),
}
PAGE = f"""<!doctype html><html><head><title>Council approves new bridge over the Varna river | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier">
<meta property="article:published_time" content="2024-04-12T10:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/region">Region</a></nav></header>
<main><article><h1>Council approves new bridge over the Varna river</h1>
<p class="standfirst">The vote ends a decade of debate about the crossing. Work was welcomed by traders and is due
to begin in the autumn, when the river is at its lowest and barges can be moved.</p>
<div class="body">{"".join(f"<p>{p}</p>" for p in BODY)}</div></article>
<aside class="related"><h2>More from the region</h2>
<div class="card"><h3><a href="/a">{HEADLINE}</a></h3><p>{TEASER}</p></div>
<div class="card"><h3><a href="/b">Ferry service resumes after storm</a></h3>
<p>Ferries between Kelmstad and the islands resumed on Tuesday after a three-day suspension.</p></div>
<div class="card"><h3>Twenty years on the northern shore</h3>
<p>{NOT_NEWS["Twenty years on the northern shore"]}</p></div>
</aside>
<div class="author-box"><p>{BIO}</p></div></main>
<footer><p>© Lakeside Courier 2024</p></footer></body></html>"""


def _reasons(removed: list) -> dict[str, str]:
    return {r.text: r.reason for r in removed}


# -- detection -------------------------------------------------------------------------------------------
def test_a_teaser_card_is_marked_and_kept_apart_from_the_body() -> None:
    cleaned = clean_text(HOST, now=NOW)
    reasons = _reasons(cleaned.removed)
    assert reasons[HEADLINE] == reasons[TEASER] == "related article"
    assert [(r.title, r.text) for r in cleaned.related] == [(HEADLINE, TEASER)]
    assert "Dravik" not in cleaned.body and all(p in cleaned.body for p in BODY)
    assert reasons[BIO] == "author bio"
    assert reasons[NEWSLETTER] == "newsletter"
    assert reasons[APPEAL] == "donation appeal"


def test_bios_appeals_and_self_promotion_are_not_teasers() -> None:
    # Cut off mid-sentence like excerpts, so that they fall outside the main text where the card did.
    cut = {title: text.rstrip(".").rsplit(" ", 2)[0] for title, text in NOT_NEWS.items()}
    cards = "\n\n".join(f"{title}\n{text}" for title, text in cut.items())
    cleaned = clean_text(HOST.replace(f"{HEADLINE}\n{TEASER}", cards), now=NOW)
    reasons = _reasons(cleaned.removed)
    assert all(text in reasons for text in cut.values())  # outside the main text, and no teaser
    assert cleaned.related == []
    assert "related article" not in reasons.values()
    for text in [*NOT_NEWS.values(), BIO, APPEAL]:
        assert not is_teaser_text(text, "Lakeside Courier"), text
    assert is_teaser_text(TEASER, "Lakeside Courier")


def test_what_reads_as_a_headline() -> None:
    assert is_headline(HEADLINE)
    for line in ["Petra Holm", "LAKESIDE COURIER", "More from the region:", "Home | Region | Sport",
                 "1. The ferry timetable", "Like what you read? Support us"]:
        assert not is_headline(line), line


def test_a_card_stands_apart_from_other_prose() -> None:
    complete = TEASER.removesuffix(" in the") + "."
    body, furniture, head = Block(BODY[0], "body"), Block("Advertisement", "other"), Block(HEADLINE, "free")
    # under a headline: a card wherever it is, unless a paragraph of free prose follows it
    assert find_teasers([body, head, Block(complete, "free"), furniture]) == [Teaser(2, 1)]
    assert find_teasers([body, head, Block(complete, "free"), Block(BODY[1], "free")]) == []
    # without one: only a cut-off excerpt that does not touch the body
    assert find_teasers([body, furniture, Block(TEASER, "free"), furniture]) == [Teaser(2)]
    assert find_teasers([body, Block(TEASER, "free"), furniture]) == []
    assert find_teasers([body, furniture, Block(complete, "free"), furniture]) == []
    # HTML asks for the headline always
    assert find_teasers([body, furniture, Block(TEASER, "free"), furniture], need_headline=True) == []


def test_html_teaser_cards_outside_the_body() -> None:
    cleaned = clean_html(PAGE, now=NOW)
    assert [(r.title, r.text) for r in cleaned.related] == [(HEADLINE, TEASER)]
    assert _reasons(cleaned.removed)[TEASER] == "related article"
    assert "Dravik" not in cleaned.body and "The vote ends" in cleaned.body


# -- pipeline --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def states() -> list[pipeline.ArticleState]:
    return pipeline.process([Article(origin="host.txt", path="host.txt", text=HOST)], now=NOW)


def test_the_pipeline_emits_a_linked_teaser_record(states: list[pipeline.ArticleState]) -> None:
    host, teaser = states
    assert host.failure is None and teaser.failure is None and teaser.host is host
    assert host.record is not None and teaser.record is not None
    assert host.record.published.date == "2024-04-12"
    record = teaser.record
    assert record.related_to == {"id": host.record.id, "path": "host.txt"}
    assert record.id == body_hash(TEASER) and record.body == TEASER
    assert (record.path, record.url, record.title) == (None, None, HEADLINE)
    assert record.outlet == host.record.outlet
    assert teaser.article.not_after == date(2024, 4, 12)
    assert Record.from_dict(record.to_dict()).related_to == record.related_to
    assert "related_to" not in host.record.to_dict()


def test_the_teaser_is_not_dated_by_its_host(states: list[pipeline.ArticleState]) -> None:
    host, teaser = states
    assert teaser.record is not None and host.record is not None
    assert teaser.record.published.date != host.record.published.date
    assert teaser.record.published.method != "given"
    by_text = {t["text"]: t["value"] for t in teaser.record.timexes}
    assert by_text["March 3"] == "2024-03-03" and by_text["March 5"] == "2024-03-05"


def test_the_teaser_events_are_extracted_and_dated(states: list[pipeline.ArticleState]) -> None:
    record = states[1].record
    assert record is not None
    shelling = [e for e in record.events if "Dravik" in e["text_info"]["text"]]
    assert shelling and shelling[0]["event"] == "ASSAULT"
    assert shelling[0]["date"]["value"] == "2024-03-03"
    assert shelling[0]["date"]["source"] == "text"


def test_a_host_without_a_day_bounds_its_teasers_by_its_own_bound() -> None:
    host = pipeline.ArticleState(article=Article(origin="a.txt", text=HOST, not_after=date(2024, 5, 1)))
    host.cleaned = clean_text(HOST, now=NOW)
    host.record = pipeline.build_record(host.article, host.cleaned)
    host.record.published = Published(date="2024-04", precision="month", method="text")
    [article] = pipeline.related_articles(host)
    assert article.not_after == date(2024, 5, 1)
    assert article.date is None and article.id is None and article.path is None


def test_a_failing_teaser_does_not_fail_its_host(monkeypatch: pytest.MonkeyPatch) -> None:
    events = pipeline.STAGES["events"]

    def buggy(batch: list[pipeline.ArticleState]) -> None:
        if any(s.host is not None for s in batch):
            raise RuntimeError("a bug that only teasers trip")
        events(batch)

    monkeypatch.setitem(pipeline.STAGES, "events", buggy)
    host, teaser = pipeline.process([Article(origin="host.txt", text=HOST)], now=NOW)
    assert host.failure is None and host.record is not None and host.record.events
    assert teaser.failure is not None and "teasers trip" in teaser.failure.message


def test_a_teaser_without_text_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def empty(state: pipeline.ArticleState) -> list[Article]:
        return [Article(origin=f"{state.article.origin} (related article 1)", text="  \n", related_to={"id": "x"})]

    monkeypatch.setattr(pipeline, "related_articles", empty)
    [host] = pipeline.process([Article(origin="host.txt", text=HOST)], now=NOW)
    assert host.failure is None and host.record is not None


# -- command line, store, web ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def host_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("related") / "host.txt"
    path.write_text(HOST, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ingested(host_file: Path) -> tuple[Path, list[str]]:
    db = host_file.parent / "related.db"
    runs = [dossier("ingest", str(host_file), "--db", str(db)) for _ in range(2)]
    copy = host_file.parent / "copy.txt"  # the same article under other page furniture
    copy.write_text("Lakeside Courier Online\n\n" + HOST, encoding="utf-8")
    runs.append(dossier("ingest", str(copy), "--db", str(db)))
    for run in runs:
        assert run.returncode == 0, run.stderr.decode()
    return db, [run.stderr.decode() for run in runs]


def test_extract_prints_the_host_then_its_teaser_and_both_follow_the_schema(host_file: Path,
                                                                           record_schema: dict) -> None:
    done = dossier("extract", str(host_file))
    assert done.returncode == 0, done.stderr.decode()
    host, teaser = jsonl(done.stdout)
    assert "related_to" not in host
    assert teaser["related_to"] == {"id": host["id"], "path": str(host_file)}
    assert teaser["source"]["path"] is None and teaser["published"]["date"] != host["published"]["date"]
    shared = SHARED / "schema" / "record.schema.json"
    schemas = [record_schema, *([json.loads(shared.read_text())] if shared.exists() else [])]
    for record in (host, teaser):
        for schema in schemas:
            jsonschema.validate(record, schema)


def test_ingest_counts_the_teaser_and_stores_it_once(ingested: tuple[Path, list[str]]) -> None:
    db, (first, again, copy) = ingested
    assert "read 1, stored 1 (+1 related-article teaser), duplicates 0," in first
    assert "stored 0, duplicates 0, already stored 1" in again and "teaser" not in again
    assert "stored 0, duplicates 1" in copy and "teaser" not in copy
    with Store.open(db, readonly=True) as store:
        assert store.count() == 2
        teaser = store.record(body_hash(TEASER))
        assert teaser is not None and teaser.related_to is not None
        assert store.record(str(teaser.related_to["id"])) is not None


def test_exports_and_listings_take_a_document_without_a_path(ingested: tuple[Path, list[str]],
                                                            tmp_path: Path) -> None:
    db, _ = ingested
    with Store.open(db, readonly=True) as store:
        assert {d["path"] for d in store.documents()} >= {None}
        buffer = io.StringIO()
        write_csv(table_rows(store, "documents"), "documents", buffer)
        assert body_hash(TEASER) in buffer.getvalue()
        assert body_hash(TEASER) in {d["id"] for d in corpus_view(store)["documents"]}
        assert any(r.related_to for r in store.records())
        try:
            write_parquet(table_rows(store, "documents"), "documents", str(tmp_path / "docs.parquet"))
        except MissingParquet:
            return
    import pyarrow.parquet as pq

    paths = pq.read_table(tmp_path / "docs.parquet").column("path").to_pylist()
    assert None in paths and "host.txt" in {Path(p).name for p in paths if p}


def test_the_teaser_page_links_to_its_host(ingested: tuple[Path, list[str]], tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    shutil.copy(ingested[0], db)
    client = TestClient(create_app(str(db)))
    with Store.open(db, readonly=True) as store:
        host_id = next(d["id"] for d in store.documents() if d["path"])
    page = client.get(f"/articles/{body_hash(TEASER)}")
    assert page.status_code == 200
    assert "Teaser of a related article, found on" in page.text
    assert f'href="/articles/{host_id}"' in page.text
    assert client.get("/articles").status_code == 200
    assert client.get(f"/api/articles/{body_hash(TEASER)}").json()["related_to"]["id"] == host_id
