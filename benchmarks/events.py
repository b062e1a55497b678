"""PLOVER event coding on the dev sets and the seed articles.

    python benchmarks/events.py

Sentence sets (../shared/eval/events/{plover_gsr,zsp_train}.jsonl): only `text` is fed; `find_events` runs on the
spaCy parse and its events are scored with `score.py events`, twice: with every event found ("all") and with the
sentence's most salient event only ("first"; GSR and PLV annotate one event per sentence, so extra true events
count as false positives in the set-based scores).  Seeds: the articles go through the real pipeline
(`dossier extract`'s stages, entities and dating included) and are scored like `score_events` in
../shared/eval/score_seeds.py; find_events is timed on its own.  Prints one JSON line per part and writes
benchmarks/results/events.json.  Nothing here is learned from these sets; the lexicon is hand-written.

Adapter (benchmark only): the PLOVER manual codes a future meeting (or aid, cooperation, support, release,
withdrawal, concession: CAMEO 03x "express intent to ...") as AGREE, and both sentence sets follow it, while the
product codes it CONSULT (AID, RETREAT, ...) with status "planned" (the record has a status field).
`as_scored_event` maps those planned events to AGREE for the sentence sets; the seed gold accepts both codings.
Zero-Shot-PLOVER annotates one (source, target) pair per sentence, so a joint act ("X and Y agreed", PLOVER's
compound actor [X, Y] with no recipient) is scored there as the pair it annotates: actor [X], recipient [Y]
(PAIR_SETS; GSR keeps PLOVER's compound actors and is scored as extracted).

Party names are scored twice ("all"/"first" with canonical names only, "all+mentions"/"first+mentions" with names
plus mentions).  Each party has a canonical `name` ("Nigeria") and a `mention`, the words of the sentence that
name it ("Nigerian army").  The gold actors and recipients of both sets are mention texts ("the Nigerian army",
"Iranian Foreign Minister Mohammad Javad Zarif"), and score.py matches names by shared words with a small demonym
table, so a correct canonical name often fails against a correct mention.  Offering the scorer both the name and
the mention of each party we output (never a word we did not extract for that party) is a fair reading of the
gold; the canonical-only score is the strict lower bound, and both are reported.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared, score, write_jsonl, write_result
from dossier.batch import Repeats, read_inputs, run_batches
from dossier.extract.events import find_events
from dossier.nlp import load_nlp

SETS = ("plover_gsr", "zsp_train")
# planned, PLOVER codes them AGREE (CAMEO2PLOVER: 03x "express intent to" meet, cooperate, aid, yield, release)
PROMISED_AS_AGREE = ("CONSULT", "AID", "COOPERATE", "SUPPORT", "RETREAT", "CONCEDE")
PAIR_SETS = ("zsp_train",)  # annotated as one (source, target) pair per sentence
MAIN_METRICS = ("type_top1_acc", "type_set_acc", "macro_f1", "micro_f1", "actor_match", "recipient_match",
                "dead_acc", "injured_acc", "location_match", "mode_acc")


def as_scored_event(event: dict[str, Any], mentions: bool = False, pairs: bool = False) -> dict[str, Any]:
    """The sentence-set prediction format: canonical names for parties (with `mentions`, each party's mention
    text too; with `pairs`, a joint act as a source-target pair), the place as extracted."""
    promised = event["event"] in PROMISED_AS_AGREE and event["status"] == "planned"
    actors, recipients = event["actor"], event["recipient"]
    if pairs and len(actors) > 1 and not recipients:  # 'X and Y agreed': source X, target Y
        actors, recipients = actors[:1], actors[1:]
    return {
        "event": "AGREE" if promised else event["event"],
        "mode": event["mode"],
        "actor": _party_names(actors, mentions),
        "recipient": _party_names(recipients, mentions),
        "location": (event["event_loc"] or {}).get("extracted_place"),
        "dead": event["size"]["dead"],
        "injured": event["size"]["injured"],
    }


def _party_names(parties: list[dict[str, Any]], mentions: bool) -> list[str]:
    names = [p["name"] for p in parties]
    if mentions:
        names += [p["mention"] for p in parties if p.get("mention") and p["mention"] not in names]
    return names


def run_set(name: str, shared: Path, tmp: Path) -> dict[str, Any]:
    gold = shared / "eval" / "events" / f"{name}.jsonl"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(load_nlp().pipe([r["text"] for r in rows], batch_size=64))
    start = time.perf_counter()
    found = [find_events(doc) for doc in docs]
    seconds = time.perf_counter() - start
    result: dict[str, Any] = {"set": name, "n": len(rows), "ms_per_sentence": round(1000 * seconds / len(rows), 2)}
    for variant, keep in (("all", None), ("first", 1)):
        for mentions in (False, True):
            pred = tmp / f"{name}_{variant}_{mentions}.jsonl"
            scored = [[as_scored_event(e, mentions, name in PAIR_SETS) for e in events[:keep]] for events in found]
            write_jsonl(pred, [{"id": r["id"], "events": events} for r, events in zip(rows, scored, strict=True)])
            metrics = score("events", gold, pred)
            if mentions:  # only the party scores differ
                result[f"{variant}+mentions"] = {k: _round(metrics.get(k)) for k in ("actor_match", "recipient_match")}
                continue
            result[variant] = {k: _round(metrics.get(k)) for k in MAIN_METRICS} | {
                "f1_per_class": {k: _round(v) for k, v in metrics.get("f1_per_class", {}).items()}}
    print(json.dumps(result))
    return result


def run_seeds(shared: Path) -> dict[str, Any]:
    inputs = read_inputs(map(str, sorted((shared / "seeds").glob("*.txt"))))
    states = [s for batch in run_batches(inputs.articles, repeats=Repeats(inputs.articles)) for s in batch
              if s.record is not None and s.doc is not None]
    start = time.perf_counter()
    for state in states:
        assert state.record is not None and state.doc is not None
        state.record.events = find_events(state.doc, state.entities, state.dating)
    seconds = time.perf_counter() - start
    records = [state.record.to_dict() for state in states if state.record is not None]
    metrics = _score_seed_events(shared, records)
    metrics["ms_per_article"] = round(1000 * seconds / len(records), 2)
    metrics["events_per_article"] = round(sum(len(r["events"]) for r in records) / len(records), 1)
    print(json.dumps({"set": "seeds", **metrics}))
    return metrics


def _score_seed_events(shared: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("score_seeds", shared / "eval" / "score_seeds.py")
    assert spec is not None and spec.loader is not None
    referee = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(referee)
    gold = [g for g in referee.load_jsonl(str(shared / "gold" / "seeds.jsonl")) if g["id"] != "_corpus"]
    names = referee.Names(gold)
    by_key = {referee.record_key(r): r for r in records}
    counts: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []
    for g in gold:
        referee.score_events(g, by_key.get(g["id"], {}), names, counts, misses)
    for kind, doc, what in misses:
        print(f"{kind}\t{doc}\t{what}", file=sys.stderr)
    ratio = referee.ratio
    return {
        "event_recall": ratio(counts["ev_found"], counts["ev_gold"]),
        "event_actor_acc": ratio(counts["ev_actor_ok"], counts["ev_found"]),
        "event_recipient_acc": ratio(counts["ev_recipient_ok"], counts["ev_found"]),
        "event_numbers_acc": ratio(counts["ev_num_ok"], counts["ev_num_total"]),
        "event_status_acc": ratio(counts["ev_status_ok"], counts["ev_status_total"]),
        "event_place_acc": ratio(counts["ev_loc_ok"], counts["ev_loc_total"]),
        "n_gold": counts["ev_gold"],
    }


def _round(value: Any) -> Any:
    return round(value, 3) if isinstance(value, float) else value


def main() -> None:
    shared = require_shared()
    find_events(load_nlp()("Warm-up: troops shelled the town."))  # load lexicon and gazetteer outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[str, Any] = {name: run_set(name, shared, Path(tmp)) for name in SETS}
    results["seeds"] = run_seeds(shared)
    write_result("events", results)


if __name__ == "__main__":
    main()
