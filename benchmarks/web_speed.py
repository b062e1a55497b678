"""Latency of the timeline page and its API on a store of 100,000 synthetic incidents.

    python benchmarks/web_speed.py [--incidents 100000] [--runs 40] [--db PATH]

Builds (or reuses, with --db) a store of synthetic articles: each has five events and two dated
statements; every event is one incident (the corpus-stage `incidents` and `incident_members`
tables, written through `dossier.store.corpus`), spread over three years.  Then it serves the store
over HTTP (uvicorn on 127.0.0.1) and prints the median and 95th-percentile latency of `/` and
`/api/timeline`, unfiltered and with each filter (a month, an event type, an actor, a place, an actor
and a type), and writes them to benchmarks/results/web_speed.json with the machine's load average,
since on a shared machine the load moves every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from dossier.record import Published, Record
from dossier.store import Incoming, Store
from dossier.store import corpus as corpus_sql
from dossier.web.app import create_app
from dossier.web.server import running

RESULTS = Path(__file__).resolve().parent / "results" / "web_speed.json"
EVENTS_PER_DOC = 5
START = date(2023, 1, 1)
DAYS = 3 * 365
PARTIES = [("gpe:russia", "Russia", "RUS"), ("gpe:ukraine", "Ukraine", "UKR"), ("gpe:poland", "Poland", "POL"),
           ("person:anna-kovalenko", "Anna Kovalenko", "UKR"), ("person:ivan-petrov", "Ivan Petrov", "RUS"),
           ("org:united-nations", "United Nations", None), ("gpe:turkey", "Turkey", "TUR")]
PLACES = [("Kyiv", 703448, 50.45, 30.52, "UA"), ("Kharkiv", 706483, 49.98, 36.25, "UA"),
          ("Odesa", 698740, 46.48, 30.73, "UA"), ("Istanbul", 745044, 41.01, 28.95, "TR"),
          (None, None, None, None, None)]
TYPES = ["ASSAULT", "CONSULT", "AGREE", "ACCUSE", "THREATEN", "SANCTION", "REQUEST", "AID"]
OUTLETS = ["Harbour Times", "Capital Courier", "Alpine Times", "Gulf Dispatch", "Eastbound Herald"]


def synthetic_record(n: int, rng: random.Random) -> tuple[Record, list[tuple[int, int]]]:
    day = START + timedelta(days=rng.randrange(DAYS))
    sentences, events, statements = [], [], []
    body = ""
    for k in range(EVENTS_PER_DOC):
        actor, recipient = rng.sample(PARTIES, 2)
        place = rng.choice(PLACES)
        kind = rng.choice(TYPES)
        where = place[0] or "the front"
        text = f"{actor[1]} and {recipient[1]} were reported in event {n}-{k} ({kind.lower()}) near {where}."
        start = len(body)
        body += text + " "
        sentences.append((start, start + len(text)))
        when = (day - timedelta(days=rng.randrange(3))).isoformat()
        events.append({
            "id": f"e{k + 1}", "event": kind, "mode": None, "context": [],
            "actor": [{"entity_id": actor[0], "name": actor[1], "country": actor[2], "sector": None}],
            "recipient": [{"entity_id": recipient[0], "name": recipient[1], "country": recipient[2], "sector": None}],
            "event_loc": {"resolved_place": place[0], "geonameid": place[1], "lat": place[2], "lon": place[3],
                          "country_code": place[4]} if place[0] else None,
            "date": {"value": when, "source": "text"},
            "size": {"dead": rng.choice([None, None, 1, 2, 5]), "injured": None, "arrested": None, "people": None},
            "status": "occurred", "text_info": {"start": start, "end": start + len(text), "text": text},
            "confidence": 0.8,
        })
    for k in range(2):
        speaker = rng.choice(PARTIES[3:5])
        quote = f"statement {n}-{k} on the ceasefire talks and the prisoner exchange"
        text = f"{speaker[1]} said {quote}."
        start = len(body)
        body += text + " "
        sentences.append((start, start + len(text)))
        q0 = start + len(speaker[1]) + 6
        statements.append({
            "id": f"s{k + 1}", "kind": "indirect", "quote": {"start": q0, "end": q0 + len(quote), "text": quote},
            "speaker": {"entity_id": speaker[0], "name": speaker[1],
                        "mention": {"start": start, "end": start + len(speaker[1]), "text": speaker[1]}},
            "cue": "said", "act": rng.choice(["CLAIM", "DEMAND", "REJECT"]), "date": day.isoformat(),
            "date_source": "publication", "confidence": 0.8,
            "evidence": {"start": start, "end": start + len(text), "text": text},
        })
    entities = [{"id": p[0], "name": p[1], "type": p[0].split(":")[0].upper(), "country": p[2], "sector": None,
                 "roles": [], "mentions": [{"start": m, "end": m + len(p[1]), "text": p[1]}
                                           for m in _find_all(body, p[1])]} for p in PARTIES if p[1] in body]
    record = Record(id=f"syn-{n:06d}", body=body.strip(), outlet=OUTLETS[n % len(OUTLETS)],
                    title=f"Synthetic report {n}", published=Published(day.isoformat(), "day", "given"),
                    entities=entities, statements=statements, events=events)
    return record, sentences


def _find_all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def incident_of(record: Record, ev: dict, rng: random.Random) -> dict:
    outlets = rng.choice([1, 1, 1, 2, 3, 5])
    loc = ev.get("event_loc") or {}
    return {
        "id": "inc-" + hashlib.sha256(f"{record.id}/{ev['id']}".encode()).hexdigest()[:12],
        "event": ev["event"], "mode": None, "status": "occurred", "date": ev["date"]["value"],
        "actor": [p["name"] for p in ev["actor"]], "recipient": [p["name"] for p in ev["recipient"]],
        "place": (loc.get("resolved_place") or "").lower() or None,
        "size": {k: v for k, v in ev["size"].items() if v},
        "members": [{"doc": record.id, "event_id": ev["id"], "evidence": ev["text_info"]["text"]}],
        "outlets": outlets, "summary": ev["text_info"]["text"], "disagreements": [],
        "base_salience": round(1 + outlets * 0.7 + rng.random(), 3),
    }


def build(db: Path, incidents: int) -> None:
    rng = random.Random(7)
    docs = incidents // EVENTS_PER_DOC
    started = time.perf_counter()
    with Store.open(db) as store:
        for first in range(0, docs, 500):
            batch, rows, members, keys = [], [], [], []
            for n in range(first, min(first + 500, docs)):
                record, sentences = synthetic_record(n, rng)
                batch.append(Incoming(f"synthetic:{n}", f"raw-{n}", record, sentences))
                for ev in record.events:
                    inc = incident_of(record, ev, rng)
                    rows.append(inc)
                    members.append((record.id, ev["id"], inc["id"], "{}"))
            store.add_batch(batch)
            with store.conn:
                corpus_sql.add_members(store.conn, members, keys)
                corpus_sql.put_incidents(store.conn, rows)
        store.conn.execute("ANALYZE")
    print(f"built {db}: {docs} articles, {incidents} incidents in {time.perf_counter() - started:.0f}s")


def measure(client: httpx.Client, path: str, params: dict, runs: int) -> dict:
    client.get(path, params=params).raise_for_status()  # warm up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(path, params=params)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    times.sort()
    return {"path": path, "params": params, "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "bytes": len(r.content)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--db", help="reuse (or build once into) this store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "speed.db"
        if not db.exists():
            build(db, args.incidents)
        with Store.open(db, readonly=True) as store:
            count = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        filtered = [{"since": "2024-03-01", "until": "2024-03-31"}, {"event": "ASSAULT"}, {"actor": "Kovalenko"},
                    {"place": "kharkiv"}, {"actor": "Russia", "event": "ASSAULT"}]
        cases = [("/", {}), ("/api/timeline", {}), ("/", {"offset": 500}), ("/api/timeline", {"order": "desc"}),
                 *[(path, params) for params in filtered for path in ("/", "/api/timeline")]]
        with running(create_app(str(db))) as base, httpx.Client(base_url=base, timeout=30) as client:
            results = [measure(client, path, params, args.runs) for path, params in cases]
    print(f"{count} incidents; median / p95 over {args.runs} requests")
    for r in results:
        query = "&".join(f"{k}={v}" for k, v in r["params"].items())
        print(f"  {r['path'] + ('?' + query if query else ''):45} {r['median_ms']:7.1f} ms  {r['p95_ms']:7.1f} ms")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    load = [round(x, 2) for x in os.getloadavg()]
    print(f"load average {load[0]} {load[1]} {load[2]} on {os.cpu_count()} cores")
    RESULTS.write_text(json.dumps({"incidents": count, "runs": args.runs, "load_average": load,
                                   "cpus": os.cpu_count(), "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
