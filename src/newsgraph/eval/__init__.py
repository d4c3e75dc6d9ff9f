"""Scorers for the gold sets of ../shared/data (docs/evaluation.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from .report import EvalReport

__all__ = ["DATASETS", "EvalReport", "run_eval"]

DATASETS: tuple[str, ...] = ()


def run_eval(
    name: str, *, data: Path, settings: Settings, limit: int | None = None
) -> Iterator[EvalReport]:
    raise EvalError(f"no scorer for {name!r} yet")
