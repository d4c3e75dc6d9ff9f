"""The ``newsgraph`` command: a thin adapter over the library.

Each command parses its options, calls one library function and formats the result. Errors are
translated in one place (:func:`main`) into a message on standard error and an exit code.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from . import __version__
from .config import SETTINGS_HELP, Settings, load_settings
from .errors import ConfigError, NewsgraphError
from .ingest import FORMATS, Format
from .model import AnnotatedDocument, Rejection
from .pipeline import IngestReport, extract, ingest
from .store import (
    EXPORT_FORMATS,
    EventQuery,
    Store,
    export_store,
    list_events,
    store_stats,
)

__all__ = ["app", "main"]

# Piped output is read by programs or wide pagers: do not squeeze tables into 80 columns.
out = Console(soft_wrap=False)
if not out.is_terminal:
    out = Console(soft_wrap=False, width=160)
err = Console(stderr=True)


class _Commands(TyperGroup):
    """Translates newsgraph errors into a message and an exit code: the CLI's one place for it."""

    def invoke(self, ctx: Any) -> Any:  # typer.Context; typer types it with vendored click
        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            err.print(f"[red]error[/] {escape(str(exc))}")
            ctx.exit(exc.exit_code)


app = typer.Typer(
    name="newsgraph",
    cls=_Commands,
    help="News reports in, a sourced, time-aware knowledge base of geopolitical events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    Path | None, typer.Option("--db", help=SETTINGS_HELP["db"], show_default="newsgraph.duckdb")
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", "-w", help=SETTINGS_HELP["workers"])
]
ModelOption = Annotated[str | None, typer.Option("--model", help=SETTINGS_HELP["model"])]
FormatOption = Annotated[
    str,
    typer.Option(
        "--input-format",
        help=f"How to read inputs: {', '.join(FORMATS)} (auto: by extension; posts detected).",
    ),
]
EncodingOption = Annotated[str | None, typer.Option("--encoding", help=SETTINGS_HELP["encoding"])]
OutputFormat = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


def _settings(**flags: Any) -> Settings:
    return load_settings(**flags)


def _input_format(value: str) -> Format:
    if value not in FORMATS:
        raise ConfigError(f"--input-format must be one of {', '.join(FORMATS)}, got {value!r}")
    return value


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{option} must be a date as YYYY-MM-DD, got {value!r}") from exc


def _version(value: bool) -> None:
    if value:
        out.print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """newsgraph: who did what to whom, when, where, according to whom, how sure, how many."""


# -- ingest and extract ------------------------------------------------------------------------


def _report_rejections(rejections: list[Rejection], *, limit: int = 20) -> None:
    if not rejections:
        return
    err.print(f"[yellow]{len(rejections)} input(s) rejected[/] (recorded in the store):")
    for rejection in rejections[:limit]:
        err.print(f"  [yellow]{rejection.reason}[/] {escape(rejection.message)}")
    if len(rejections) > limit:
        err.print(f"  ... and {len(rejections) - limit} more: newsgraph stats lists them by reason")


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursively) or - for stdin.")
    ],
    db: DbOption = None,
    workers: WorkersOption = None,
    model: ModelOption = None,
    input_format: FormatOption = "auto",
    encoding: EncodingOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with code 3 when any input was rejected.")
    ] = False,
) -> None:
    """Read, annotate and store documents. Re-running skips what is stored already."""
    settings = _settings(db=db, workers=workers, model=model, encoding=encoding)
    fmt = _input_format(input_format)
    with (
        Store(settings.db) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed:,.0f} docs"),
            TextColumn("[cyan]{task.fields[rate]:,.1f} docs/s"),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        ) as progress,
    ):
        task = progress.add_task("ingesting", total=None, rate=0.0)

        def update(report: IngestReport) -> None:
            progress.update(task, completed=report.read, rate=report.docs_per_second)

        report = ingest(paths, store=store, settings=settings, fmt=fmt, progress=update)
        progress.update(
            task, description="done", completed=report.read, rate=report.docs_per_second
        )
    err.print(
        f"{report.read} document(s) read: {report.stored} stored, "
        f"{report.already_stored} already in the store; {report.events} event(s); "
        f"{len(report.rejections)} rejected; {report.words:,} words in {report.seconds:.1f} s "
        f"({report.words_per_second:,.0f} words/s, {report.workers} worker(s)) -> {settings.db}"
    )
    _report_rejections(report.rejections)
    if strict and report.rejections:
        raise typer.Exit(3)


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSONL on stdin.")],
    workers: WorkersOption = None,
    model: ModelOption = None,
    input_format: FormatOption = "auto",
    encoding: EncodingOption = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
) -> None:
    """Annotated-document JSON lines on stdout (docs/schema.md); no database."""
    settings = _settings(workers=workers, model=model, encoding=encoding)
    rejected = []
    for item in extract(paths, settings=settings, fmt=_input_format(input_format)):
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        sys.stdout.write(
            json.dumps(item.to_dict(), ensure_ascii=False, indent=2 if pretty else None) + "\n"
        )
    sys.stdout.flush()
    _report_rejections(rejected)


# -- reading the store -------------------------------------------------------------------------


def _parties(parties: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{p['name']} [{p['code']}]" if p.get("code") else str(p["name"]) for p in parties
    )


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["time_value"] or (row["published"].isoformat() if row["published"] else None),
        "date_source": row["time_source"],
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad": row["quad"],
        "score": row["score"],
        "actors": _parties(row["actors"]),
        "recipients": _parties(row["recipients"]),
        "trigger": row["trigger_text"],
        "status": row["status"],
        "certainty": row["certainty"],
        "negated": row["negated"],
        "attribution": " > ".join(s["name"] for s in row["attribution"]),
        "confidence": round(row["confidence"], 3),
        "outlet": row["outlet_abbreviation"] or row["outlet"],
        "published": row["published"].isoformat() if row["published"] else None,
        "sentence": row["sentence"],
    }


@app.command("events")
def events_command(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor name, text or code (RUS, RUSGOV).")
    ] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name, text or code.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. REQUEST.")] = None,
    status: Annotated[str | None, typer.Option(help="requested, planned, done, ...")] = None,
    certainty: Annotated[str | None, typer.Option(help="asserted, reported, believed, ...")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name or abbreviation.")] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only this document (id prefix).")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Words in the event's sentence.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    format: OutputFormat = "table",
) -> None:
    """List events, newest first, with filters."""
    settings = _settings(db=db)
    query = EventQuery(
        actor=actor,
        recipient=recipient,
        type=type,
        status=status,
        certainty=certainty,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        outlet=outlet,
        doc_id=doc,
        text=text,
        limit=limit,
    )
    with Store(settings.db, read_only=True) as store:
        rows = [_event_row(row) for row in list_events(store, query)]
    _print_rows(rows, format, title="events")


def _print_rows(rows: list[dict[str, Any]], fmt: str, *, title: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    elif fmt == "table":
        _events_table(rows, title=title)
    else:
        raise ConfigError(f"--format must be table, json or csv, got {fmt!r}")


def _events_table(rows: list[dict[str, Any]], *, title: str) -> None:
    cells = [
        {
            "date": (row["date"] or "") + ("*" if row["date_source"] == "publication" else ""),
            "type": row["type"] + (" (neg)" if row["negated"] else ""),
            "actors": escape(row["actors"]),
            "recipients": escape(row["recipients"]),
            "trigger": escape(row["trigger"]),
            "status": row["status"] or "",
            "certainty": row["certainty"] or "",
            "attribution": escape(row["attribution"]),
            "src": escape(row["outlet"] or ""),
            "doc": row["doc_id"][:8],
        }
        for row in rows
    ]
    # Columns nothing has filled (yet) are left out rather than shown empty.
    optional = {"status", "certainty", "attribution"}
    names = list(cells[0]) if cells else []
    columns = [c for c in names if c not in optional or any(cell[c] for cell in cells)]
    table = Table(title=f"{len(rows)} {title}", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in ("date", "type", "doc"))
    for cell in cells:
        table.add_row(*(cell[c] for c in columns))
    out.print(table)
    if any(r["date_source"] == "publication" for r in rows):
        out.print("* no time in the text: the publication date stands in")


_LABEL_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "yellow",
    "DATE": "blue",
    "TIME": "blue",
    "WEAPON": "bold red",
    "PLATFORM": "bold red",
    "EQUIPMENT": "red",
}


def _highlighted(item: AnnotatedDocument) -> Text:
    text = Text(item.document.text)
    for ent in item.entities:
        style = _LABEL_STYLES.get(ent.label)
        if style:
            text.stylize(style, ent.start, ent.end)
    for event in item.events:
        text.stylize("underline", event.trigger.start, event.trigger.end)
    return text


@app.command("show")
def show_command(
    doc_id: Annotated[str, typer.Argument(help="Document id, or a unique prefix of it.")],
    db: DbOption = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="The annotated-document JSON.")
    ] = False,
) -> None:
    """A document with its annotations, readable in a terminal."""
    settings = _settings(db=db)
    with Store(settings.db, read_only=True) as store:
        item = store.annotated_document(doc_id)
    if json_output:
        sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    doc = item.document
    out.rule(escape(doc.headline or doc.origin))
    meta = [
        ("id", doc.id),
        ("outlet", f"{doc.outlet.name} ({doc.outlet.abbreviation})" if doc.outlet else "-"),
        ("published", doc.published.isoformat() if doc.published else "-"),
        ("tags", ", ".join(doc.tags) or "-"),
        ("credit", doc.credit or "-"),
        ("origin", doc.origin),
    ]
    for key, value in meta:
        out.print(f"[dim]{key:>10}[/] {escape(value)}")
    out.print()
    out.print(_highlighted(item))
    out.print()
    legend = "  ".join(f"[{style}]{label}[/]" for label, style in _LABEL_STYLES.items())
    out.print(f"[dim]entities:[/] {legend}  [underline]event trigger[/]")
    if item.times:
        table = Table(title="time expressions")
        for column in ("text", "value", "granularity", "type", "reason"):
            table.add_column(column, overflow="fold")
        for t in item.times:
            table.add_row(
                escape(t.text), t.value or "", t.granularity or "", t.type, escape(t.reason)
            )
        out.print(table)
    if item.events:
        table = Table(title="events")
        for column in (
            "type",
            "trigger",
            "actors",
            "recipients",
            "time",
            "status",
            "certainty",
            "attribution",
        ):
            table.add_column(column, overflow="fold")
        for e in item.events:
            table.add_row(
                e.type + (f"/{e.mode}" if e.mode else "") + (" (neg)" if e.negated else ""),
                escape(e.trigger.text),
                escape(_parties([a.to_dict() for a in e.actors])),
                escape(_parties([r.to_dict() for r in e.recipients])),
                (e.time.value or "") + ("*" if e.time and e.time.source == "publication" else "")
                if e.time
                else "",
                e.status or "",
                e.certainty or "",
                escape(" > ".join(s.name for s in e.attribution)),
            )
        out.print(table)


@app.command("stats")
def stats_command(db: DbOption = None) -> None:
    """What the store holds."""
    settings = _settings(db=db)
    with Store(settings.db, read_only=True) as store:
        stats = store_stats(store)
        rejected = store.rejections(limit=10)
    counts = Table(title=f"store {escape(stats['path'])}")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, value in stats["counts"].items():
        counts.add_row(name, f"{value:,}")
    out.print(counts)
    first, last = stats["published"]["first"], stats["published"]["last"]
    out.print(f"published: {first or '-'} .. {last or '-'}")
    for key, title in (
        ("events_by_type", "events by type"),
        ("documents_by_outlet", "documents by outlet"),
        ("rejected_by_reason", "rejected inputs by reason"),
    ):
        if stats[key]:
            table = Table(title=title)
            for column in stats[key][0]:
                table.add_column(column)
            for row in stats[key]:
                table.add_row(*(escape(str(v)) for v in row.values()))
            out.print(table)
    for row in rejected:
        out.print(f"[yellow]rejected[/] {escape(row['origin'])}: {escape(row['message'])}")


@app.command("export")
def export_command(
    out_path: Annotated[
        Path, typer.Argument(metavar="OUT", help="Folder (parquet, csv) or file (jsonl).")
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=", ".join(EXPORT_FORMATS))
    ] = "parquet",
    db: DbOption = None,
) -> None:
    """Export the store: Parquet or CSV (one file per table, plus event_list), or JSON lines."""
    if format not in EXPORT_FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, got {format!r}")
    settings = _settings(db=db)
    with Store(settings.db, read_only=True) as store:
        written = export_store(store, format, out_path)
    for path in written:
        err.print(f"wrote {path}")


@app.command("eval")
def eval_command(
    name: Annotated[str, typer.Argument(help="Gold set, or 'all'.")],
    data: Annotated[Path, typer.Option("--data", help="Folder holding the gold sets.")] = Path(
        "../shared/data"
    ),
    model: ModelOption = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N items (a quick look, not a figure).")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score the pipeline on a gold set of ../shared/data (see docs/evaluation.md)."""
    from .eval import run_eval  # the scorers are only imported when asked for

    settings = _settings(model=model)
    for report in run_eval(name, data=data, settings=settings, limit=limit):
        if json_output:
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.print(report.render())


def main() -> None:
    """Entry point of the ``newsgraph`` script."""
    try:
        app()
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.exit(0)


if __name__ == "__main__":
    main()
