"""The user extension file: actors and agent words an analyst adds or corrects, without touching
code (``--actors-file``, ``NEWSGRAPH_ACTORS_FILE`` or ``actors_file`` in newsgraph.toml).

A CSV file (or tab-separated, ``.tsv``) in UTF-8 with a header row. Columns, in any order:

========  ========================================================================
name      required: the actor's name, or the agent phrase for ``kind`` agent
kind      person, group, organisation, institution, outlet, country, capital, place
          or agent; default organisation
code      ISO-3166 alpha-3 country code or organisation code; required except for agents
sector    PLOVER sector (GOV, MIL, COP, REB, ...); required for agents
role      a title ("Defence Minister")
start     first day the row applies (YYYY, YYYY-MM or YYYY-MM-DD); empty = always
end       last day the row applies; empty = still
aliases   other names, separated by ``|``
wikidata  Wikidata QID
notes     free text
========  ========================================================================

Rows with the same name and kind are one actor with several periods (a minister who changed
office). The file's entries are trusted above the built-in tables: a name it gives wins over the
same name there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError
from .entries import KINDS, Agent, Entry
from .kb import entry_from_rows

__all__ = ["COLUMNS", "read_extension", "write_extension"]

COLUMNS = ("name", "kind", "code", "sector", "role", "start", "end", "aliases", "wikidata", "notes")
_KINDS = (*KINDS, "agent")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")


def _fail(path: Path, line: int, message: str) -> ConfigError:
    where = f"{path}:{line}" if line else str(path)
    return ConfigError(
        f"actors file {where}: {message}; see the column list with "
        "python -c 'import newsgraph.actors.extension as e; print(e.__doc__)' or docs/actors.md"
    )


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise _fail(path, 0, "the file does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, 0, f"cannot read it as UTF-8 text ({exc})") from exc
    first = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        raise _fail(path, 1, f"the header must have a 'name' column, got {header or 'nothing'}")
    unknown = sorted(set(header) - set(COLUMNS))
    if unknown:
        raise _fail(path, 1, f"unknown column(s) {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        if None in raw:
            raise _fail(path, number, "more values than columns (a delimiter inside a value?)")
        row = {key.strip().lower(): (value or "").strip() for key, value in raw.items()}
        if not any(row.values()) or row.get("name", "").startswith("#"):
            continue
        rows.append((number, row))
    return rows


def read_extension(path: Path) -> tuple[list[Entry], list[Agent]]:
    """The entries and agents of a user extension file; raises
    :class:`~newsgraph.errors.ConfigError` naming the line and column of the first problem."""
    grouped: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = {}
    agents: list[Agent] = []
    source = f"user:{path}"
    for number, row in _rows(path):
        name = row.get("name", "")
        kind = (row.get("kind") or "organisation").lower()
        if not name:
            raise _fail(path, number, "the name is empty")
        if kind not in _KINDS:
            raise _fail(path, number, f"kind {kind!r} is not one of {', '.join(_KINDS)}")
        row["code"] = row.get("code", "").upper()
        row["sector"] = row.get("sector", "").upper()
        if kind == "agent":
            if not row["sector"]:
                raise _fail(path, number, f"agent {name!r} needs a sector (GOV, MIL, ...)")
            agents.append(Agent(name, row["sector"], row.get("role") or None, source=source))
            continue
        if not _CODE.match(row["code"]):
            code = row["code"]
            raise _fail(path, number, f"code {code!r} of {name!r} is not like RUS or IGOUNO")
        grouped.setdefault((kind, name), []).append((number, row))
    entries = []
    for (kind, name), numbered in grouped.items():
        try:
            entries.append(
                entry_from_rows(kind, name, [row for _, row in numbered], source=source, key="user")
            )
        except ValueError as exc:
            raise _fail(path, numbered[0][0], f"{name!r}: {exc}") from exc
        for number, row in numbered:
            if row.get("start") and row.get("end") and row["start"] > row["end"]:
                raise _fail(path, number, f"{name!r} starts after it ends")
    return entries, agents


def write_extension(path: Path, rows: Iterable[dict[str, str]]) -> None:
    """Write rows (dicts with keys among :data:`COLUMNS`) as an extension file."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)
