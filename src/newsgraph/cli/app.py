"""The Typer application, its shared options and output helpers.

Every command module adds its commands to :data:`app`; errors are translated into a message and
an exit code in one place, :class:`_Commands`.
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
from rich.table import Table
from typer.core import TyperGroup

from .. import __version__
from ..config import SETTINGS_HELP, Settings, load_settings
from ..dates import format_time
from ..errors import ConfigError, NewsgraphError
from ..ingest import FORMATS, Format
from ..model import Rejection
from .terminal import escape

__all__ = [
    "CoderOption",
    "DbOption",
    "EncodingOption",
    "FormatOption",
    "ModelOption",
    "OutputFormat",
    "RunnerOption",
    "WorkersOption",
    "app",
    "err",
    "out",
    "parse_date",
    "parse_input_format",
    "parties_text",
    "print_rows",
    "report_rejections",
    "settings_from",
]

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
CoderOption = Annotated[str | None, typer.Option("--coder", help=SETTINGS_HELP["coder"])]
MinConfidenceOption = Annotated[
    float | None, typer.Option("--min-confidence", help=SETTINGS_HELP["min_confidence"])
]
RunnerOption = Annotated[str | None, typer.Option("--runner", help=SETTINGS_HELP["runner"])]
FormatOption = Annotated[
    str,
    typer.Option(
        "--input-format",
        help=f"How to read inputs: {', '.join(FORMATS)} (auto: by extension; posts detected).",
    ),
]
EncodingOption = Annotated[str | None, typer.Option("--encoding", help=SETTINGS_HELP["encoding"])]
OutputFormat = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


def settings_from(**flags: Any) -> Settings:
    return load_settings(**flags)


def parse_input_format(value: str) -> Format:
    if value not in FORMATS:
        raise ConfigError(f"--input-format must be one of {', '.join(FORMATS)}, got {value!r}")
    return value


def parse_date(value: str | None, option: str) -> date | None:
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


def report_rejections(rejections: list[Rejection], *, limit: int = 20) -> None:
    if not rejections:
        return
    err.print(f"[yellow]{len(rejections)} input(s) rejected[/] (recorded in the store):")
    for rejection in rejections[:limit]:
        err.print(f"  [yellow]{rejection.reason}[/] {escape(rejection.message)}")
    if len(rejections) > limit:
        err.print(f"  ... and {len(rejections) - limit} more: newsgraph stats lists them by reason")


def parties_text(parties: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{p['name']} [{p['code']}]" if p.get("code") else str(p["name"]) for p in parties
    )


def print_rows(rows: list[dict[str, Any]], fmt: str, *, title: str) -> None:
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
            "date": (format_time(row["date"]) if row["date"] else "")
            + ("*" if row["date_source"] == "publication" else ""),
            "refers to": format_time(row["target_date"]) if row.get("target_date") else "",
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
    optional = {"refers to", "status", "certainty", "attribution"}
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
