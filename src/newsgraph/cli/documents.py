"""Commands that read inputs: ``ingest`` and ``extract``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import SETTINGS_HELP
from ..model import Rejection
from ..pipeline import IngestReport, extract, ingest
from ..store import Store
from .app import (
    CoderOption,
    DbOption,
    EncodingOption,
    FormatOption,
    MinConfidenceOption,
    ModelOption,
    RunnerOption,
    WorkersOption,
    app,
    err,
    parse_input_format,
    report_rejections,
    settings_from,
)


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursively) or - for stdin.")
    ],
    db: DbOption = None,
    workers: WorkersOption = None,
    model: ModelOption = None,
    coder: CoderOption = None,
    min_confidence: MinConfidenceOption = None,
    runner: RunnerOption = None,
    input_format: FormatOption = "auto",
    encoding: EncodingOption = None,
    actors_file: Annotated[
        Path | None, typer.Option("--actors-file", help=SETTINGS_HELP["actors_file"])
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with code 3 when any input was rejected.")
    ] = False,
) -> None:
    """Read, annotate and store documents. Re-running skips what is stored already."""
    settings = settings_from(
        db=db,
        workers=workers,
        model=model,
        coder=coder,
        min_confidence=min_confidence,
        runner=runner,
        encoding=encoding,
        actors_file=actors_file,
    )
    fmt = parse_input_format(input_format)
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
    report_rejections(report.rejections)
    if strict and report.rejections:
        raise typer.Exit(3)


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSONL on stdin.")],
    workers: WorkersOption = None,
    model: ModelOption = None,
    coder: CoderOption = None,
    min_confidence: MinConfidenceOption = None,
    runner: RunnerOption = None,
    input_format: FormatOption = "auto",
    encoding: EncodingOption = None,
    actors_file: Annotated[
        Path | None, typer.Option("--actors-file", help=SETTINGS_HELP["actors_file"])
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
) -> None:
    """Annotated-document JSON lines on stdout (docs/schema.md); no database."""
    settings = settings_from(
        workers=workers,
        model=model,
        coder=coder,
        min_confidence=min_confidence,
        runner=runner,
        encoding=encoding,
        actors_file=actors_file,
    )
    rejected = []
    for item in extract(paths, settings=settings, fmt=parse_input_format(input_format)):
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        sys.stdout.write(
            json.dumps(item.to_dict(), ensure_ascii=False, indent=2 if pretty else None) + "\n"
        )
    sys.stdout.flush()
    report_rejections(rejected)
