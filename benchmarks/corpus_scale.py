"""Scale of the corpus stage: synthetic events at 10k, 30k and 100k, timed and checked against their truth.

    python benchmarks/corpus_scale.py [--sizes 10000 30000 100000]

A generator makes synthetic incidents (a type, a day, a place, two parties, casualty figures) and has
one to four outlets report each, every report a document of five events with its own wording and now
and then its own figures; the story runs as many days as the corpus needs at a steady rate of
incidents per day, as a real story does.  The documents go into a temporary store (no NLP) and
`Store.update_corpus` runs the corpus stage over them (dedup, day mentions, incidents, entity linking;
story clustering, quadratic in documents, is left out and timed separately on a sample).  Prints the
seconds per size and the B-cubed F1 of the incidents against the generated truth.
Writes benchmarks/results/corpus_scale.json.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import write_result
from dossier.corpus import update  # noqa: F401  (imported before timing: spaCy's stop words, datasketch)
from dossier.corpus.linking import Aliases
from dossier.record import Published, Record
from dossier.store import Incoming, Store

TYPES = ["ASSAULT", "CONSULT", "AGREE", "REJECT", "SANCTION", "RETREAT", "ACCUSE", "REQUEST"]
VERBS = {"ASSAULT": ["struck", "attacked", "shelled", "hit"], "CONSULT": ["met", "held talks with", "hosted"],
         "AGREE": ["agreed with", "signed a deal with"], "REJECT": ["rejected", "dismissed"],
         "SANCTION": ["sanctioned", "imposed sanctions on"], "RETREAT": ["released", "withdrew from"],
         "ACCUSE": ["accused", "blamed"], "REQUEST": ["urged", "called on"]}
WORDS = ("officials", "said", "reports", "according", "local", "authorities", "residents", "witnesses",
         "overnight", "morning", "evening", "district", "region", "border", "city", "capital", "troops",
         "delegation", "ministry", "statement", "spokesman")
EVENTS_PER_DOC = 5
INCIDENTS_PER_DAY = 40


def day_of(index: int) -> str:
    start = 738000  # a proleptic ordinal in 2021
    from datetime import date

    return date.fromordinal(start + index // INCIDENTS_PER_DAY).isoformat()


def truth_incidents(n_events: int, rng: random.Random) -> list[dict[str, Any]]:
    """Incidents with their reports, until the reports hold `n_events` events."""
    places = [f"Town{i:03d}" for i in range(300)]
    countries = [f"C{i:02d}" for i in range(24)]
    incidents, total = [], 0
    while total < n_events:
        k = len(incidents)
        kind = rng.choice(TYPES)
        a, b = rng.sample(countries, 2)
        inc = {"id": k, "event": kind, "day": day_of(k), "place": rng.choice(places), "actor": a, "recipient": b,
               "dead": rng.randint(0, 9) if kind == "ASSAULT" else None,
               "reports": min(rng.randint(1, 4), n_events - total)}
        incidents.append(inc)
        total += inc["reports"]
    return incidents


def sentence(inc: dict[str, Any], rng: random.Random) -> tuple[str, int | None]:
    dead = inc["dead"]
    if dead is not None and rng.random() < 0.2:
        dead += 1  # outlets disagree now and then
    tail = " ".join(rng.sample(WORDS, 6))
    killing = f", killing {dead} people" if dead else ""
    return (f"{inc['actor']} forces {rng.choice(VERBS[inc['event']])} {inc['recipient']} targets in {inc['place']} "
            f"on {inc['day']}{killing}, {tail}."), dead


def documents(incidents: list[dict[str, Any]], rng: random.Random) -> tuple[list[Record], dict[tuple[str, str], int]]:
    reports = [inc for inc in incidents for _ in range(inc["reports"])]
    rng.shuffle(reports)
    reports.sort(key=lambda inc: inc["day"])  # a document reports the events of about one day
    records, truth = [], {}
    for start in range(0, len(reports), EVENTS_PER_DOC):
        doc_id = f"doc{start // EVENTS_PER_DOC:07d}"
        body, events = "", []
        for j, inc in enumerate(reports[start : start + EVENTS_PER_DOC]):
            text, dead = sentence(inc, rng)
            events.append(event(f"e{j + 1}", inc, text, len(body), dead))
            truth[(doc_id, f"e{j + 1}")] = inc["id"]
            body += text + " "
        published = Published(reports[start]["day"], "day", "given")
        records.append(Record(id=doc_id, body=body, outlet=f"Outlet{rng.randint(0, 49)}", title=doc_id,
                              published=published, events=events, entities=entities(reports[start:start + 5])))
    return records, truth


def event(event_id: str, inc: dict[str, Any], text: str, start: int, dead: int | None) -> dict[str, Any]:
    return {"id": event_id, "event": inc["event"], "mode": None, "status": "occurred",
            "actor": [{"entity_id": f"gpe:{inc['actor'].lower()}", "name": inc["actor"], "country": inc["actor"]}],
            "recipient": [{"entity_id": f"gpe:{inc['recipient'].lower()}", "name": inc["recipient"],
                           "country": inc["recipient"]}],
            "event_loc": {"extracted_place": inc["place"], "resolved_place": inc["place"]},
            "date": {"value": inc["day"], "source": "text"}, "size": {"dead": dead},
            "text_info": {"start": start, "end": start + len(text), "text": text}}


def entities(incs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = sorted({i["actor"] for i in incs} | {i["recipient"] for i in incs})
    return [{"id": f"gpe:{n.lower()}", "name": n, "type": "GPE", "country": n, "mentions": []} for n in names]


def bcubed(truth: dict[tuple[str, str], int], pred: dict[tuple[str, str], str]) -> float:
    by_truth: dict[int, set[tuple[str, str]]] = {}
    by_pred: dict[str, set[tuple[str, str]]] = {}
    for key, t in truth.items():
        by_truth.setdefault(t, set()).add(key)
        by_pred.setdefault(pred[key], set()).add(key)
    p = sum(len(by_truth[truth[k]] & by_pred[pred[k]]) / len(by_pred[pred[k]]) for k in truth) / len(truth)
    r = sum(len(by_truth[truth[k]] & by_pred[pred[k]]) / len(by_truth[truth[k]]) for k in truth) / len(truth)
    return round(2 * p * r / (p + r), 4)


def run(size: int, tmp: Path) -> dict[str, Any]:
    rng = random.Random(size)
    records, truth = documents(truth_incidents(size, rng), rng)
    with Store.open(tmp / f"scale{size}.db") as store:
        for i in range(0, len(records), 500):
            store.add_batch([Incoming(r.id, r.id, r, [(0, len(r.body))]) for r in records[i : i + 500]])
        start = time.perf_counter()
        result = store.update_corpus(aliases=Aliases(), stories=False)
        seconds = time.perf_counter() - start
        pred = {(m["doc"], m["event_id"]): inc["id"] for inc in store.incidents() for m in inc["members"]}
    row = {"events": result.events, "documents": len(records), "seconds": round(seconds, 1),
           "us_per_event": round(1e6 * seconds / result.events, 1), "incidents_true": len(set(truth.values())),
           "incidents_found": len(set(pred.values())), "bcubed_f1": bcubed(truth, pred)}
    print(row, file=sys.stderr)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = {str(size): run(size, Path(tmp)) for size in args.sizes}
    write_result("corpus_scale", rows)


if __name__ == "__main__":
    main()
