"""Access to the data files shipped inside the package (lexicons, tables, patterns)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["data_path", "read_table", "read_text"]


def data_path(name: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("outlets.tsv")``."""
    return Path(str(resources.files("newsgraph") / "data" / name))


@cache
def read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header; ``#`` lines are comments."""
    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield {key: (value or "").strip() for key, value in row.items() if key is not None}
