"""The `dossier` command line.  Every command that reads the store takes `--db`; listings take `--json`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dossier import __version__
from dossier.batch import Repeats, raw_hash, read_inputs, run_batches, teaser_hash, to_incoming
from dossier.corpus.export import (
    MissingParquet,
    corpus_view,
    plover_events,
    positions_and_contradictions,
    summarize_store_days,
    table_rows,
    timelinejs,
    write_csv,
    write_parquet,
)
from dossier.corpus.export import timeline as corpus_timeline
from dossier.corpus.timeline import Filters, build_timeline, incident_summary
from dossier.nlp import ModelMissing
from dossier.pipeline import ArticleState
from dossier.read import DEFAULT_MAX_BYTES, Failure
from dossier.record import Article
from dossier.store import DEFAULT_DB, Incoming, Outcome, Store, StoreError, StoreTooNew

app = typer.Typer(
    help="Dossier: turn news articles about a developing story into a sourced, dated record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output keeps whole lines: a table is not squeezed to 80 columns.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite store file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON array instead of a table.")]
PathsArgument = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin.")]
MaxSizeOption = Annotated[
    float, typer.Option("--max-size", help="Largest single article to accept, in MB.")
]
NotAfterOption = Annotated[
    str | None,
    typer.Option("--not-after", help="No article was published after this date (YYYY-MM-DD): bounds date inference."),
]
RawOption = Annotated[
    bool, typer.Option("--raw", help="Input text is already the article body: no cleaning, offsets index it.")
]
BroadOption = Annotated[
    bool,
    typer.Option("--broad-attribution", help="Also attribute beliefs and evidence ('X believes', 'the poll shows'), "
                 "as PolNeAR annotates them; by default only speech is attributed."),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(code)


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        err.print(f"error: {failure}", markup=False, highlight=False)


def _report_warnings(articles: list[Article], *, quiet: bool = False) -> None:
    if quiet:
        return
    for article in articles:
        for warning in article.warnings:
            err.print(f"warning: {article.origin}: {warning}", markup=False, highlight=False)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(__version__)
        raise typer.Exit()


@app.command()
def extract(
    paths: PathsArgument,
    raw: RawOption = False,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1e6,
    not_after: NotAfterOption = None,
    broad: BroadOption = False,
) -> None:
    """Write one dossier-record/1 JSON object per article to stdout (JSONL)."""
    inputs = read_inputs(paths, max_bytes=int(max_size * 1e6), not_after=_parse_day(not_after, "--not-after"))
    _report_warnings(inputs.articles)
    failures = list(inputs.failures)
    emitted = 0
    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=len(inputs.articles))
            for batch in run_batches(inputs.articles, raw=raw, repeats=Repeats(inputs.articles), broad=broad):
                for state in batch:
                    if state.failure or state.record is None:
                        _failed(state, failures)
                        continue
                    sys.stdout.write(json.dumps(state.record.to_dict(), ensure_ascii=False) + "\n")
                    emitted += 1
                sys.stdout.flush()
                progress.advance(task, _inputs_in(batch))
    except ModelMissing as exc:
        raise _fail(str(exc)) from None
    _report_failures(failures)
    if failures and not emitted:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    raw: RawOption = False,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1e6,
    not_after: NotAfterOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the summary line.")] = False,
    broad: BroadOption = False,
) -> None:
    """Extract articles and store them (idempotent: a re-run stores nothing twice)."""
    inputs = read_inputs(paths, max_bytes=int(max_size * 1e6), not_after=_parse_day(not_after, "--not-after"))
    _report_warnings(inputs.articles, quiet=quiet)
    counts: Counter[str] = Counter(read=len(inputs.articles) + len(inputs.failures))
    failures = list(inputs.failures)
    try:
        with Store.open(db) as store:
            hashes = {id(a): raw_hash(a) for a in inputs.articles}
            known = store.known_sources(hashes.values())
            todo = [a for a in inputs.articles if hashes[id(a)] not in known]
            counts["already stored"] = len(inputs.articles) - len(todo)
            repeats = Repeats(todo, store)
            with _progress() as progress:
                task = progress.add_task("ingesting", total=len(todo))
                for batch in run_batches(todo, raw=raw, repeats=repeats, broad=broad):
                    incoming = []
                    for state in batch:
                        if state.failure or state.record is None:
                            _failed(state, failures, quiet=quiet)
                        else:
                            incoming.append(_incoming(state, hashes, raw=raw))
                    for item, outcome in zip(incoming, store.add_batch(incoming), strict=True):
                        _count_outcome(item, outcome, counts, quiet=quiet)
                    progress.advance(task, _inputs_in(batch))
            total = store.count()
            corpus = _update_corpus(store)
    except (StoreError, StoreTooNew, ModelMissing) as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail(f"interrupted after storing {counts['stored']} articles; run again to finish", 130) from None
    counts["failed"] = len(failures)
    _report_failures(failures)
    err.print(
        f"read {counts['read']}, stored {counts['stored']}{_teasers_stored(counts[TEASER])}, "
        f"duplicates {counts['duplicate']}, "
        f"already stored {counts['already stored']}, failed {counts['failed']} "
        f"— {total} documents in {db}",
        markup=False,
        highlight=False,
    )
    if corpus and not quiet:
        err.print(f"corpus: {corpus.documents} new documents, {corpus.events} events, "
                  f"{corpus.incidents_changed} incidents updated", markup=False, highlight=False)
    if failures and not (counts["stored"] or counts["duplicate"] or counts["already stored"]):
        raise typer.Exit(1)


TEASER = "related-article teaser"


def _failed(state: ArticleState, failures: list[Failure], *, quiet: bool = False) -> None:
    """An input's failure is an error; a related-article teaser's only a warning (its host is fine), which
    --quiet leaves out."""
    failure = state.failure or Failure(state.article.origin, "not processed")
    if state.host is None:
        failures.append(failure)
    elif not quiet:
        err.print(f"warning: skipped {failure}", markup=False, highlight=False)


def _inputs_in(batch: list[ArticleState]) -> int:
    return sum(1 for state in batch if state.host is None)


def _incoming(state: ArticleState, hashes: dict[int, str], *, raw: bool) -> Incoming:
    if state.host is None:
        return to_incoming(state, hashes[id(state.article)], raw=raw)
    return to_incoming(state, teaser_hash(hashes[id(state.host.article)], state.article), raw=True)


def _count_outcome(item: Incoming, outcome: Outcome, counts: Counter[str], *, quiet: bool) -> None:
    """Inputs count as stored or duplicate; a teaser counts only when stored (one seen before is no news)."""
    if item.record.related_to is not None:
        counts[TEASER] += int(outcome.status == "stored")
        return
    counts[outcome.status] += 1
    if outcome.status == "duplicate" and not quiet:
        err.print(f"duplicate: {outcome.origin} (same text as {outcome.doc_id})", markup=False, highlight=False)


def _teasers_stored(n: int) -> str:
    return f" (+{n} {TEASER}{'s' if n != 1 else ''})" if n else ""


def _update_corpus(store: Store) -> Any:
    """The incremental corpus update after a store write; a bad alias file is a one-line error."""
    try:
        return store.update_corpus()
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _corpus_store(db: str) -> Store:
    """The store with its corpus tables up to date (an ingest killed before its corpus update is caught up)."""
    store = _open_readonly(db)
    if store.corpus_pending():
        store.close()
        try:
            with Store.open(db) as writable:
                _update_corpus(writable)
        except (StoreError, StoreTooNew) as exc:
            raise _fail(str(exc)) from None
        store = _open_readonly(db)
    return store


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option}: not a date (YYYY-MM-DD): {value!r}", 2) from None


def _open_readonly(db: str) -> Store:
    try:
        return Store.open(db, readonly=True)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def one_line(text: str) -> str:
    """Evidence as one terminal line: line breaks and runs of spaces become single spaces."""
    return " ".join(text.split())


def _print_json(rows: Any) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


@app.command()
def docs(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many (0: all).")] = 0,
) -> None:
    """List stored documents: date, outlet, title."""
    with _open_readonly(db) as store:
        rows = store.documents(limit=limit or None)
    if as_json:
        _print_json(rows)
        return
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=12)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, max_width=28, overflow="ellipsis")
    table.add_column("title", no_wrap=True, overflow="ellipsis")
    for row in rows:
        shown = row["published"] or "—"
        if row["published_method"] in ("text",):
            shown += " (inferred)"
        table.add_row(row["id"][:12], shown, row["outlet"] or "—", row["title"] or "—")
    out.print(table)
    err.print(f"{len(rows)} documents", highlight=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata, clean body, and what was removed as boilerplate."""
    with _open_readonly(db) as store:
        record = store.record(doc_id)
    if record is None:
        raise _fail(f"no document {doc_id!r} in {db}")
    if as_json:
        _print_json(record.to_dict())
        return
    pub = record.published
    out.print(f"[bold]{record.title or '(no title)'}[/bold]", highlight=False)
    out.print(f"id: {record.id}", highlight=False)
    out.print(f"outlet: {record.outlet or '—'}    authors: {', '.join(record.authors) or '—'}", highlight=False)
    out.print(f"published: {pub.date or '—'} ({pub.precision or 'no precision'}, {pub.method})", highlight=False)
    out.print(f"source: {record.path or record.url or '—'}", highlight=False)
    if record.related_to:
        host = record.related_to
        out.print(f"teaser of a related article, found on {host['id']} ({host.get('path') or '—'})", highlight=False)
    out.print("")
    out.print(record.body, markup=False, highlight=False)
    if record.removed:
        out.print(f"\n[bold]removed ({len(record.removed)}):[/bold]")
        for item in record.removed:
            out.print(f"  [{item.reason}] {item.text[:120]}", markup=False, highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (FTS5 syntax allowed).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many sentences.")] = 20,
) -> None:
    """Full-text search over the sentences of stored articles."""
    with _open_readonly(db) as store:
        try:
            hits = store.search(query, limit=limit)
        except StoreError as exc:
            raise _fail(str(exc)) from None
    if as_json:
        _print_json(hits)
        return
    for hit in hits:
        head = f"{hit['published'] or '—'}  {hit['outlet'] or '—'}  {hit['doc_id'][:12]}"
        out.print(head, style="dim", highlight=False)
        out.print(f"  {hit['snippet']}", markup=False, highlight=False)
    err.print(f"{len(hits)} sentences", highlight=False)


SinceOption = Annotated[str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option(help="Show at most this many (0: all).")]


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Canonical name, alias or entity id.")] = None,
    since: SinceOption = None,
    query: Annotated[str | None, typer.Option("--search", help="Words the quotation must contain.")] = None,
    as_json: JsonOption = False,
    limit: LimitOption = 0,
) -> None:
    """Who said what: statements with speaker, act and date, newest first."""
    _parse_day(since, "--since")
    with _open_readonly(db) as store:
        try:
            rows = store.statements(speaker=speaker, since=since, query=query, limit=limit or None)
        except StoreError as exc:
            raise _fail(str(exc)) from None
    if as_json:
        _print_json(rows)
        return
    for row in rows:
        when = row["date"] or "—"
        if row["date_source"] == "publication":
            when += " (published)"
        who = row["speaker_name"] or row["speaker_mention"] or "(unattributed)"
        out.print(f"{when}  {who}  {row['act'] or ''}  [{row['kind']}, {row['cue'] or '—'}]", style="dim",
                  markup=False, highlight=False)
        out.print(f"  {row['quote']}", markup=False, highlight=False)
    err.print(f"{len(rows)} statements", highlight=False)


@app.command()
def actors(db: DbOption = DEFAULT_DB, as_json: JsonOption = False, limit: LimitOption = 0) -> None:
    """Canonical entities across the store: type, country, mentions, documents, statements, roles."""
    with _open_readonly(db) as store:
        rows = store.actors(limit=limit or None)
    if as_json:
        _print_json(rows)
        return
    table = Table(box=None, header_style="bold")
    for column in ("name", "type", "country", "mentions", "docs", "statements", "roles"):
        table.add_column(column, no_wrap=column != "roles", overflow="ellipsis")
    for row in rows:
        table.add_row(row["name"], row["type"], row["country"] or "—", str(row["mentions"]), str(row["documents"]),
                      str(row["statements"]), ", ".join(row["roles"][:4]) or "—")
    out.print(table)
    err.print(f"{len(rows)} actors", highlight=False)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="A party's name or entity id.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="A place name.")] = None,
    since: SinceOption = None,
    as_json: JsonOption = False,
    limit: LimitOption = 0,
) -> None:
    """Who did what to whom, where and when (PLOVER), newest first, with the evidence sentence."""
    _parse_day(since, "--since")
    with _open_readonly(db) as store:
        rows = store.events(event_type=event_type, actor=actor, place=place, since=since, limit=limit or None)
    if as_json:
        _print_json([json.loads(r.pop("event_json")) | {"doc_id": r["doc_id"]} for r in rows])
        return
    for row in rows:
        when = row["date"] or "—"
        if row["date_source"] == "publication":
            when += " (published)"
        head = f"{when}  {row['event']}/{row['mode'] or '—'} {row['status'] or ''}  {row['actor'] or '?'} → "
        head += f"{row['recipient'] or '?'}  @ {row['place'] or '—'}"
        out.print(head, style="dim", markup=False, highlight=False)
        out.print(f"  {one_line(row['evidence'])}", markup=False, highlight=False)
    err.print(f"{len(rows)} events", highlight=False)


UntilOption = Annotated[str | None, typer.Option("--until", help="Only up to this date (YYYY-MM-DD).")]
ActorOption = Annotated[str | None, typer.Option("--actor", help="A party's name or entity id.")]
PlaceOption = Annotated[str | None, typer.Option("--place", help="A place name.")]


@app.command()
def incidents(
    db: DbOption = DEFAULT_DB,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
    limit: LimitOption = 0,
) -> None:
    """Incidents: one real-world happening merged from the reports of many outlets, most salient first."""
    _parse_day(since, "--since")
    _parse_day(until, "--until")
    with _corpus_store(db) as store:
        rows = store.incidents()
    filters = Filters(since=since, until=until, actor=actor, place=place)
    rows = [i for i in rows if _incident_wanted(i, filters, event_type)]
    rows.sort(key=lambda i: (-i.get("salience", 0.0), i.get("date") or "", i["id"]))
    rows = rows[:limit] if limit else rows
    if as_json:
        _print_json(rows)
        return
    for inc in rows:
        flags = "; ".join(
            f"{d['field']}: " + " vs ".join(str(v["value"]) for v in d["values"])
            for d in inc.get("disagreements") or []
        )
        head = f"{inc.get('date') or '—'}  {inc['salience']:.2f}  {incident_summary(inc).split(': ', 1)[0]}"
        out.print(head, style="dim", markup=False, highlight=False)
        out.print(f"  {one_line(inc.get('summary') or inc['members'][0]['evidence'])}", markup=False, highlight=False)
        if flags:
            out.print(f"  sources disagree — {flags}", markup=False, highlight=False)
    err.print(f"{len(rows)} incidents", highlight=False)


def _incident_wanted(inc: dict[str, Any], filters: Filters, event_type: str | None) -> bool:
    if event_type and inc["event"] != event_type.upper():
        return False
    day = inc.get("date") or ""
    if (filters.since or filters.until) and not (day and filters.day_ok(day)):
        return False
    return bool(build_timeline([inc | {"date": "0000-00-00"}], [], Filters(actor=filters.actor, place=filters.place)))


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    days: Annotated[int, typer.Option("--days", help="Only the N most salient days (0: every day).")] = 0,
    sentences: Annotated[
        int, typer.Option("--sentences", help="With --days: the N most central sentences of each day.")
    ] = 2,
    as_json: JsonOption = False,
) -> None:
    """The story day by day: incidents ranked by salience, with the statements of the day."""
    _parse_day(since, "--since")
    _parse_day(until, "--until")
    filters = Filters(since=since, until=until, actor=actor, place=place)
    with _corpus_store(db) as store:
        entries = corpus_timeline(store, filters)
        if days:
            entries = summarize_store_days(store, entries, filters, days, sentences)
    if as_json:
        _print_json(entries)
        return
    for entry in entries:
        out.print(f"[bold]{entry['date']}[/bold]", highlight=False)
        for item in entry.get("items", []):
            out.print(f"  {item['salience']:.2f} {item['kind']:<9} {item['summary']}", markup=False, highlight=False)
        for sentence in entry.get("sentences", []):
            out.print(f"  {sentence}", markup=False, highlight=False)
    err.print(f"{len(entries)} days", highlight=False)


@app.command()
def positions(
    db: DbOption = DEFAULT_DB,
    holder: Annotated[str | None, typer.Option("--holder", help="A party: country, government or person.")] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="An issue, e.g. ceasefire or territory.")] = None,
    as_json: JsonOption = False,
) -> None:
    """What each party demands, proposes, accepts or rejects on each issue, with date and evidence."""
    with _corpus_store(db) as store:
        rows, _ = positions_and_contradictions(list(store.records()), [], want_contradictions=False)
    rows = [p for p in rows if _position_wanted(p, holder, issue)]
    rows.sort(key=lambda p: (p["holder"], p["issue"], p.get("date") or ""))
    if as_json:
        _print_json(rows)
        return
    for p in rows:
        out.print(f"{p.get('date') or '—'}  {p['holder']}  {p['stance']}  {p['issue']}", style="dim",
                  markup=False, highlight=False)
        out.print(f"  {one_line(p['evidence'])}", markup=False, highlight=False)
    err.print(f"{len(rows)} positions", highlight=False)


def _position_wanted(position: dict[str, Any], holder: str | None, issue: str | None) -> bool:
    who = f"{position['holder']} {position.get('holder_country') or ''}".lower()
    return (not holder or holder.lower() in who) and (not issue or issue.lower() in position["issue"].lower())


@app.command()
def contradictions(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Statements or reports that conflict, each with both evidence sentences and the reason."""
    with _corpus_store(db) as store:
        _, rows = positions_and_contradictions(list(store.records()), store.incidents())
    if as_json:
        _print_json(rows)
        return
    for c in rows:
        out.print(f"{c.get('kind') or 'contradiction'}: {c['reason']}", style="dim", markup=False, highlight=False)
        for side in ("a", "b"):
            who = c[side].get("speaker") or c[side]["doc"][:12]
            out.print(f"  {side}. {who}: {one_line(c[side]['evidence'])}", markup=False, highlight=False)
    err.print(f"{len(rows)} contradictions", highlight=False)


class ExportFormat(StrEnum):
    corpus = "corpus"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    timelinejs = "timelinejs"


class ExportTable(StrEnum):
    incidents = "incidents"
    events = "events"
    statements = "statements"
    documents = "documents"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="corpus: one dossier-corpus/1 JSON object; jsonl: the records; csv / parquet: one table "
        "(--table); plover: one PLOVER event per line; timelinejs: a TimelineJS3 JSON file.")] = ExportFormat.corpus,
    table: Annotated[ExportTable, typer.Option("--table", help="For csv and parquet: which rows.")]
    = ExportTable.incidents,
    out_file: Annotated[str | None, typer.Option("--out", help="Write to this file instead of stdout "
                                                 "(required for parquet).")] = None,
) -> None:
    """Export the store: the corpus view, the records, a table as CSV or Parquet, PLOVER events, or TimelineJS."""
    if fmt is ExportFormat.parquet:
        _export_parquet(db, table.value, out_file)
        return
    with _corpus_store(db) as store:
        lines: Iterable[str] = ()
        if fmt is ExportFormat.corpus:
            lines = [json.dumps(corpus_view(store), ensure_ascii=False, indent=1)]
        elif fmt is ExportFormat.jsonl:
            lines = (json.dumps(r.to_dict(), ensure_ascii=False) for r in store.records())
        elif fmt is ExportFormat.timelinejs:
            lines = [json.dumps(timelinejs(store), ensure_ascii=False, indent=1)]
        elif fmt is ExportFormat.plover:
            lines = (json.dumps(e, ensure_ascii=False) for e in plover_events(store))
        target = _open_out(out_file)
        try:
            if fmt is ExportFormat.csv:
                write_csv(table_rows(store, table.value), table.value, target)
            else:
                for line in lines:
                    target.write(line + "\n")
        finally:
            if out_file:
                target.close()


def _open_out(out_file: str | None) -> TextIO:
    if not out_file:
        return sys.stdout
    try:
        return open(out_file, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _fail(f"{out_file}: cannot write ({exc.strerror})") from None


def _export_parquet(db: str, table: str, out_file: str | None) -> None:
    if not out_file:
        raise _fail("--format parquet writes a binary file: give --out FILE.parquet", code=2)
    with _corpus_store(db) as store:
        try:
            count = write_parquet(table_rows(store, table), table, out_file)
        except MissingParquet as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            raise _fail(f"{out_file}: cannot write ({exc.strerror or exc})") from None
    err.print(f"{count} {table} rows to {out_file}", highlight=False)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="DOSSIER_TOKEN", help="Required on every request.")] = None,
) -> None:
    """Browse the store in a web browser (read-only); JSON API under /api/, docs at /docs."""
    from dossier.web.server import UnsafeBind
    from dossier.web.server import serve as run_server

    _corpus_store(db).close()  # bring the corpus tables up to date first
    try:
        run_server(db, host=host, port=port, token=token)
    except (UnsafeBind, StoreError) as exc:
        raise _fail(str(exc)) from None


@app.command()
def report(
    out: Annotated[str, typer.Option("--out", help="HTML file to write.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """One self-contained HTML file (timeline, positions, sources) to share by email."""
    from dossier.web.report import write_report

    _corpus_store(db).close()
    try:
        write_report(db, out)
    except (StoreError, OSError) as exc:
        raise _fail(str(exc)) from None


def run() -> None:  # pragma: no cover - console entry for `python -m dossier`
    app()


if __name__ == "__main__":  # pragma: no cover
    run()

