"""The corpus stage on records we write by hand: incidents, disagreements, outlets, linking, increments."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dossier.corpus import update as corpus_update
from dossier.corpus.export import corpus_view
from dossier.corpus.incidents import interval, listing_day, mentions_of, same_incident, support
from dossier.corpus.linking import Aliases, EntityRow, link
from dossier.corpus.timeline import Filters, build_timeline
from dossier.record import Published, Record
from dossier.store import Incoming, Store
from dossier.store import corpus as corpus_sql

PARTY_RU = {"entity_id": "gpe:russia", "name": "Russia", "country": "RUS"}
PARTY_UA = {"entity_id": "gpe:ukraine", "name": "Ukraine", "country": "UKR"}
KYIV = {"extracted_place": "Kyiv", "resolved_place": "Kyiv", "geonameid": 703448, "country_code": "UA"}
LVIV = {"extracted_place": "Lviv", "resolved_place": "Lviv", "geonameid": 702550, "country_code": "UA"}
_ids = itertools.count()


def event(sentence: str, body: str, *, kind: str = "ASSAULT", day: str | None = "2025-02-12", source: str = "text",
          place: dict[str, Any] | None = None, size: dict[str, int] | None = None, status: str = "occurred",
          actor: list[dict[str, Any]] | None = None, mode: str | None = "heavy-weapons") -> dict[str, Any]:
    start = body.index(sentence)
    return {"id": f"e{next(_ids)}", "event": kind, "mode": mode, "status": status,
            "actor": [PARTY_RU] if actor is None else actor, "recipient": [PARTY_UA],
            "event_loc": KYIV if place is None else place, "date": {"value": day, "source": source},
            "size": size or {}, "text_info": {"start": start, "end": start + len(sentence), "text": sentence}}


def record(doc_id: str, outlet: str, body: str, events: list[dict[str, Any]], published: str = "2025-02-12") -> Record:
    return Record(id=doc_id, body=body, outlet=outlet, title=f"{outlet} report",
                  published=Published(published, "day", "given"), events=events,
                  entities=[{"id": "gpe:russia", "name": "Russia", "type": "GPE", "country": "RUS",
                             "mentions": [{"start": 0, "end": 6, "text": "Russia"}]}])


LEDGER = ("Russia fired ballistic missiles at Kyiv before dawn on Wednesday, killing one person and injuring four, "
          "the city administration said. Rescue crews worked through the morning.")
COURIER = ("One person was killed and three were wounded in Kyiv when Russian ballistic missiles struck the capital "
           "early on Wednesday, the mayor said. Schools stayed open.")
AUTUMN = ("Russian ballistic missiles hit Kyiv overnight, killing two people and injuring twelve, officials said. "
          "Fires broke out in two districts.")
LVIV_TEXT = ("Russian drones struck Lviv on Wednesday, injuring two people, the regional governor said. "
             "Power was cut in the west of the city.")


def corpus_records() -> list[Record]:
    return [
        record("doc-ledger", "Kyiv Ledger", LEDGER,
               [event(LEDGER.split(". ")[0] + ".", LEDGER, size={"dead": 1, "injured": 4})]),
        record("doc-courier", "Capital Courier", COURIER,
               [event(COURIER.split(". ")[0] + ".", COURIER, size={"dead": 1, "injured": 3})]),
        record("doc-autumn", "Meridian Post", AUTUMN,
               [event(AUTUMN.split(". ")[0] + ".", AUTUMN, day="2025-10-25", size={"dead": 2, "injured": 12})],
               published="2025-10-25"),
        record("doc-lviv", "Western Daily", LVIV_TEXT,
               [event(LVIV_TEXT.split(". ")[0] + ".", LVIV_TEXT, place=LVIV, mode="drone", size={"injured": 2})]),
        # a syndicated copy of the Ledger report under another outlet's name
        record("doc-copy", "Wire Reprint", LEDGER + " Copyright Wire.",
               [event(LEDGER.split(". ")[0] + ".", LEDGER + " Copyright Wire.", size={"dead": 1, "injured": 4})]),
    ]


def store_with(path: Path, batches: list[list[Record]]) -> Store:
    store = Store.open(path)
    for batch in batches:
        store.add_batch([Incoming(r.id, r.id, r, [(0, len(r.body))]) for r in batch])
        store.update_corpus(aliases=Aliases())
    return store


def incident_sets(store: Store) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((m["doc"], m["event_id"]) for m in inc["members"]) for inc in store.incidents()}


@pytest.fixture()
def records() -> list[Record]:
    return corpus_records()


def test_two_reports_of_one_strike_are_one_incident_with_an_injured_disagreement(tmp_path: Path, records) -> None:
    with store_with(tmp_path / "c.db", [records]) as store:
        incidents = store.incidents()
    strike = next(i for i in incidents if {m["doc"] for m in i["members"]} >= {"doc-ledger", "doc-courier"})
    assert strike["date"] == "2025-02-12" and strike["event"] == "ASSAULT"
    assert {m["doc"] for m in strike["members"]} == {"doc-ledger", "doc-courier", "doc-copy"}
    fields = {d["field"]: d["values"] for d in strike["disagreements"]}
    assert set(fields) == {"injured"}
    assert {v["value"] for v in fields["injured"]} == {3, 4}
    assert strike["size"] == {"dead": 1, "injured": 4}
    assert strike["outlets"] == 2  # the reprint is a near-duplicate of the Ledger: one report


def test_strikes_on_other_days_or_places_stay_apart(tmp_path: Path, records) -> None:
    with store_with(tmp_path / "c.db", [records]) as store:
        groups = incident_sets(store)
    by_doc = {doc: g for g in groups for doc, _ in g}
    assert by_doc["doc-autumn"] != by_doc["doc-ledger"]
    assert by_doc["doc-lviv"] != by_doc["doc-ledger"]
    assert len(groups) == 3


def test_three_batches_give_the_same_incidents_as_one(tmp_path: Path, records) -> None:
    with store_with(tmp_path / "one.db", [records]) as store:
        once = incident_sets(store)
        ids_once = sorted(i["id"] for i in store.incidents())
    for order in ([0, 1, 2, 3, 4], [4, 2, 0, 3, 1]):
        shuffled = [records[i] for i in order]
        batches = [shuffled[:2], shuffled[2:3], shuffled[3:]]
        with store_with(tmp_path / f"three-{order[0]}.db", batches) as store:
            assert incident_sets(store) == once
            assert sorted(i["id"] for i in store.incidents()) == ids_once
            assert store.incidents()[0]["outlets"] >= 1


def test_a_failed_update_leaves_the_corpus_tables_as_they_were(tmp_path: Path, records, monkeypatch) -> None:
    store = store_with(tmp_path / "c.db", [records[:2]])
    before = incident_sets(store)
    store.add_batch([Incoming(r.id, r.id, r, [(0, len(r.body))]) for r in records[2:]])

    def boom(*args: object) -> None:
        raise RuntimeError("killed")

    monkeypatch.setattr(corpus_update, "_summarize", boom)
    with pytest.raises(RuntimeError):
        store.update_corpus(aliases=Aliases())
    assert incident_sets(store) == before
    assert store.corpus_pending() == 3
    monkeypatch.undo()
    store.update_corpus(aliases=Aliases())
    assert store.corpus_pending() == 0
    assert len(incident_sets(store)) == 3
    store.close()


def test_duplicates_and_documents_in_the_view(tmp_path: Path, records) -> None:
    with store_with(tmp_path / "c.db", [records]) as store:
        view = corpus_view(store)
        assert corpus_sql.duplicate_groups(store.conn) == [["doc-copy", "doc-ledger"]]
    assert view["duplicates"] == [["doc-copy", "doc-ledger"]]
    assert {d["id"] for d in view["documents"]} == {r.id for r in records}
    assert all(d["story"] for d in view["documents"])
    assert [day["date"] for day in view["timeline"]] == ["2025-02-12", "2025-10-25"]


def test_planned_and_occurred_events_are_not_one_incident(records) -> None:
    body = "Talks are set for Friday in Istanbul. Talks were held in Istanbul on Friday."
    planned = event("Talks are set for Friday in Istanbul.", body, kind="CONSULT", status="planned", mode=None)
    held = event("Talks were held in Istanbul on Friday.", body, kind="CONSULT", mode=None)
    a, b = mentions_of(record("d", "X", body, [planned, held]))
    assert not same_incident(a, b)


def test_date_intervals_follow_the_timex_precision() -> None:
    assert interval("2025-02-12", "text", "occurred") == ("2025-02-12", "2025-02-12", "day")
    assert interval("2025-W07", "text", "occurred") == ("2025-02-10", "2025-02-16", "week")
    assert interval("2025-02", "text", "occurred") == ("2025-02-01", "2025-02-28", "month")
    assert interval("2025-02-12", "publication", "occurred") == ("2025-02-06", "2025-02-12", "publication")
    assert interval("PRESENT_REF", "text", "occurred") == (None, None, None)
    assert interval("2025-W23-WE", "text", "planned") == ("2025-06-07", "2025-06-08", "weekend")


def test_a_weekend_is_listed_on_its_saturday_and_coarser_dates_are_not_listed() -> None:
    assert listing_day("2025-W23-WE") == "2025-06-07"
    assert listing_day("2025-06-02") == "2025-06-02"
    assert listing_day("2025-W23") is None and listing_day("2025-06") is None and listing_day(None) is None
    swap = {"id": "w", "event": "RETREAT", "date": "2025-W23-WE", "actor": ["Ukraine"], "recipient": [],
            "place": None, "members": [{"doc": "d", "event_id": "e", "evidence": "x"}], "outlets": 1, "salience": 1.0}
    assert [d["date"] for d in build_timeline([swap], [])] == ["2025-06-07"]


def test_a_plan_dated_only_by_its_publication_has_no_incident_date(tmp_path: Path) -> None:
    body = "The two governments plan a large exchange of captives soon. Crews repaired the bridge."
    plan = event("The two governments plan a large exchange of captives soon.", body, kind="RETREAT",
                 day="2025-06-04", source="publication", status="planned", mode="release")
    done = event("Crews repaired the bridge.", body, kind="AID", day="2025-06-04", source="publication", mode=None)
    only = record("d-plan", "Wire", body, [plan, done], published="2025-06-04")
    with store_with(tmp_path / "s.db", [[only]]) as store:
        dates = {i["event"]: i["date"] for i in corpus_view(store)["incidents"]}
    assert dates == {"RETREAT": None, "AID": "2025-06-04"}


def test_linking_merges_surnames_and_transliterations_and_obeys_the_alias_file() -> None:
    rows = [
        EntityRow("person:tymur-tkachenko", "Tymur Tkachenko", "PERSON", "UKR"),
        EntityRow("person:tkachenko", "Tkachenko", "PERSON", None),
        EntityRow("person:volodymyr-zelensky", "Volodymyr Zelensky", "PERSON", "UKR"),
        EntityRow("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy", "PERSON", "UKR"),
        EntityRow("person:dmitry-peskov", "Dmitry Peskov", "PERSON", "RUS", ["Kremlin spokesman"], {"2025"}),
        EntityRow("person:kremlin-spokesman", "the Kremlin spokesman", "PERSON", None, [], {"2025"}),
        EntityRow("org:kremlin", "Kremlin", "ORG", "RUS"),
    ]
    links = link(rows)
    assert links["person:tkachenko"] == "person:tymur-tkachenko"
    assert links["person:volodymyr-zelenskyy"] == "person:volodymyr-zelensky"
    assert links["person:kremlin-spokesman"] == "person:dmitry-peskov"
    assert links["org:kremlin"] == "org:kremlin"
    apart = link(rows, Aliases(split=[["person:tkachenko", "person:tymur-tkachenko"]]))
    assert apart["person:tkachenko"] == "person:tkachenko"
    merged = link(rows, Aliases(merge=[{"canonical": "org:kremlin", "names": ["Dmitry Peskov"]}]))
    assert merged["person:dmitry-peskov"] == "org:kremlin"


def test_timeline_filters_by_date_actor_and_place() -> None:
    incidents = [
        {"id": "a", "event": "ASSAULT", "date": "2025-02-12", "actor": ["Russia"], "recipient": [], "place": "kyiv",
         "members": [{"doc": "d", "event_id": "e", "evidence": "x"}], "outlets": 2, "salience": 3.0},
        {"id": "b", "event": "CONSULT", "date": "2025-05-16", "actor": ["Ukraine"], "recipient": [],
         "place": "istanbul", "members": [{"doc": "d", "event_id": "f", "evidence": "y"}], "outlets": 1,
         "salience": 1.0},
    ]
    statements = [{"doc_id": "d", "id": "s1", "quote": "talks in Istanbul", "speaker_name": "Dmitry Peskov",
                   "date": "2025-05-16", "date_source": "text", "act": "CLAIM"}]
    assert [d["date"] for d in build_timeline(incidents, statements)] == ["2025-02-12", "2025-05-16"]
    assert [d["date"] for d in build_timeline(incidents, statements, Filters(since="2025-03-01"))] == ["2025-05-16"]
    assert [d["date"] for d in build_timeline(incidents, statements, Filters(until="2025-03-01"))] == ["2025-02-12"]
    day = build_timeline(incidents, statements, Filters(place="istanbul"))
    assert [i["ref"] for i in day[0]["items"]] == ["b", "d/s1"]
    assert build_timeline(incidents, statements, Filters(actor="peskov"))[0]["items"][0]["kind"] == "statement"


def test_paraphrased_reports_of_one_handover_merge_across_articles_but_not_within_one() -> None:
    first = ("Besides several swaps of captives, the talks led to the handover of fallen servicemen's bodies, "
             "according to officials in both capitals who spoke on condition of anonymity.")
    second = ("A separate exchange of 4,000 soldiers' remains is continuing, although the delegation head "
              "declined to confirm the figure when asked by journalists.")
    both = [PARTY_UA, PARTY_RU]

    def handover(sentence: str, body: str) -> dict[str, Any]:
        return event(sentence, body, kind="RETREAT", mode="release", place={}, day="2025-06-06",
                     source="publication", actor=both)

    a = mentions_of(record("a", "Wire One", first, [handover(first, first)], published="2025-06-06"))[0]
    b = mentions_of(record("b", "Wire Two", second, [handover(second, second)], published="2025-06-04"))[0]
    a, b = (replace(m, recipients=[], recipient_names=[], recipient_countries=[]) for m in (a, b))
    assert same_incident(a, b)
    b_in_a = replace(b, doc="a", event_id="e-other", evidence_start=500)
    assert not same_incident(a, b_in_a)


def test_a_day_inside_the_month_another_report_gives_adds_support() -> None:
    sentences = {"2025-03-14": "The envoys met in Oslo on 14 March.", "2025-03": "The envoys met in Oslo in March.",
                 "2025-04": "The envoys met in Oslo in April."}
    body = " ".join(sentences.values())
    events = [event(text, body, kind="CONSULT", day=day, mode=None) for day, text in sentences.items()]
    on_day, in_month, in_april = mentions_of(record("d", "X", body, events))
    assert support(on_day, in_month) - support(on_day, replace(in_month, precision="year")) == pytest.approx(0.5)
    assert not same_incident(on_day, in_april)


def test_events_sharing_a_sentence_are_compared_by_their_own_phrases() -> None:
    sentence = "The sides agreed to free wounded captives, while shelling has grown since the talks in March."
    lone = "Both governments agreed to free wounded captives."
    agree = event(sentence, sentence, kind="AGREE", mode=None, day="2025-03")
    agree["phrase"] = {"start": 10, "end": 40, "text": "agreed to free wounded captives"}
    shell = event(sentence, sentence, mode=None, day="2025-03")
    shell["phrase"] = {"start": 48, "end": 92, "text": "shelling has grown since the talks in March"}
    first, shelling = mentions_of(record("d1", "X", sentence, [agree, shell]))
    (single,) = mentions_of(record("d2", "Y", lone, [event(lone, lone, kind="AGREE", mode=None, day="2025-03")]))
    assert first.phrase_words and "~agreed" in first.phrase_words and "shelling" not in first.phrase_words
    assert "~attack" in shelling.phrase_words and "~agreed" not in shelling.phrase_words
    assert not single.phrase_words  # alone in its sentence: the sentence is its wording
    twin = replace(single, phrase_words=single.words)
    assert support(first, twin) > support(first, single)  # like with like: phrase against phrase
