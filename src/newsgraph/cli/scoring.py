"""``newsgraph eval``: score the pipeline on a gold set."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import CoderOption, MinConfidenceOption, ModelOption, app, out, settings_from


@app.command("eval")
def eval_command(
    name: Annotated[str, typer.Argument(help="Gold set, or 'all'.")],
    data: Annotated[Path, typer.Option("--data", help="Folder holding the gold sets.")] = Path(
        "../shared/data"
    ),
    model: ModelOption = None,
    coder: CoderOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N items (a quick look, not a figure).")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON object per report, a line each.")
    ] = False,
) -> None:
    """Score the pipeline on a gold set of ../shared/data (see docs/evaluation.md)."""
    from ..eval import run_eval  # the scorers are only imported when asked for

    settings = settings_from(model=model, coder=coder, min_confidence=min_confidence)
    for report in run_eval(name, data=data, settings=settings, limit=limit):
        if json_output:
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.print(report.render())
