"""Commands that read the store: ``events``, ``show``, ``stats``, ``export``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..dates import format_date, format_time
from ..errors import ConfigError
from ..model import AnnotatedDocument, EventTime
from ..store import EXPORT_FORMATS, EventQuery, Store, export_store, list_events, store_stats
from .app import (
    DbOption,
    OutputFormat,
    app,
    err,
    out,
    parse_date,
    parties_text,
    print_rows,
    settings_from,
)
from .terminal import escape, safe_text


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["time_value"] or (row["published"].isoformat() if row["published"] else None),
        "date_source": row["time_source"],
        "target_date": row["target_time_value"],
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad": row["quad"],
        "score": row["score"],
        "actors": parties_text(row["actors"]),
        "recipients": parties_text(row["recipients"]),
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
    settings = settings_from(db=db)
    query = EventQuery(
        actor=actor,
        recipient=recipient,
        type=type,
        status=status,
        certainty=certainty,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        outlet=outlet,
        doc_id=doc,
        text=text,
        limit=limit,
    )
    with Store(settings.db, read_only=True) as store:
        rows = [_event_row(row) for row in list_events(store, query)]
    print_rows(rows, format, title="events")


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
    shown, at = safe_text(item.document.text)
    text = Text(shown)
    for ent in item.entities:
        style = _LABEL_STYLES.get(ent.label)
        if style:
            text.stylize(style, at[ent.start], at[ent.end])
    for event in item.events:
        text.stylize("underline", at[event.trigger.start], at[event.trigger.end])
    return text


def _when(time: EventTime | None) -> str:
    if time is None or time.value is None:
        return ""
    return format_time(time.value, type=time.type, start=time.start_date, end=time.end_date)


@app.command("show")
def show_command(
    doc_id: Annotated[str, typer.Argument(help="Document id, or a unique prefix of it.")],
    db: DbOption = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="The annotated-document JSON.")
    ] = False,
) -> None:
    """A document with its annotations, readable in a terminal."""
    settings = settings_from(db=db)
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
        ("published", format_date(doc.published) if doc.published else "-"),
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
        for column in ("text", "when", "granularity", "type", "reason"):
            table.add_column(column, overflow="fold")
        for t in item.times:
            when = format_time(t.value, type=t.type, start=t.start_date, end=t.end_date)
            table.add_row(
                escape(t.text),
                when if t.value else "",
                t.granularity or "",
                t.type,
                escape(t.reason),
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
            "refers to",
            "status",
            "certainty",
            "attribution",
        ):
            table.add_column(column, overflow="fold")
        for e in item.events:
            table.add_row(
                e.type + (f"/{e.mode}" if e.mode else "") + (" (neg)" if e.negated else ""),
                escape(e.trigger.text),
                escape(parties_text([a.to_dict() for a in e.actors])),
                escape(parties_text([r.to_dict() for r in e.recipients])),
                _when(e.time) + ("*" if e.time and e.time.source == "publication" else ""),
                _when(e.target_time),
                e.status or "",
                e.certainty or "",
                escape(" > ".join(s.name for s in e.attribution)),
            )
        out.print(table)


@app.command("stats")
def stats_command(db: DbOption = None) -> None:
    """What the store holds."""
    settings = settings_from(db=db)
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
        Path,
        typer.Argument(
            metavar="OUT", help="Folder (parquet, csv) or file (jsonl, gdelt, plover, graphml)."
        ),
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=", ".join(EXPORT_FORMATS))
    ] = "parquet",
    db: DbOption = None,
) -> None:
    """Export the store: Parquet or CSV (one file per table, plus event_list), JSON lines, or
    for other tools: GDELT 2.0 event TSV, PLOVER JSON lines, GraphML (docs/exports.md)."""
    if format not in EXPORT_FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, got {format!r}")
    settings = settings_from(db=db)
    with Store(settings.db, read_only=True) as store:
        written = export_store(store, format, out_path)
    for path in written:
        err.print(f"wrote {path}")
