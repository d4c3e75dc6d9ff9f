"""``newsgraph actors search|show``: look names and codes up in the actor knowledge base."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..actors import Entry, knowledge_base, resolver_for
from ..actors.kb import KnowledgeBase
from ..actors.names import fold
from ..config import SETTINGS_HELP
from ..errors import ConfigError, NotFoundError
from .app import app, out, parse_date, settings_from
from .terminal import escape

actors_app = typer.Typer(
    name="actors",
    help="Look up the actor knowledge base: who a name is on a date, what a code covers.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(actors_app)

ActorsFileOption = Annotated[
    Path | None, typer.Option("--actors-file", help=SETTINGS_HELP["actors_file"])
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="The day to resolve on, YYYY-MM-DD (default: today)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]


def _terms(entry: Entry, day: date | None, *, every: bool) -> list[dict[str, Any]]:
    rows = []
    for term in entry.terms:
        if not every and day is not None and term.dated and not term.covers(day):
            continue
        rows.append(
            {
                "name": entry.name,
                "kind": entry.kind,
                "code": term.code,
                "sector": term.sector,
                "role": term.role,
                "start": term.start.isoformat() if term.start else None,
                "end": term.end.isoformat() if term.end else None,
                "source": entry.source.partition(":")[0],
                "wikidata": entry.wikidata,
                "aliases": list(entry.aliases[:6]),
            }
        )
    return rows


def _print(rows: list[dict[str, Any]], *, title: str, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=title)
    columns = ("name", "kind", "code", "sector", "role", "start", "end", "source", "aliases")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = [", ".join(row[c]) if c == "aliases" else (row[c] or "") for c in columns]
        table.add_row(*(escape(str(cell)) for cell in cells))
    out.print(table)


def _matches(kb: KnowledgeBase, name: str, *, limit: int) -> list[Entry]:
    key = fold(name)
    found: list[Entry] = []
    for entry in [*kb.named(key), *kb.people(key), *kb.acronym(name.replace(".", ""))]:
        if entry not in found:
            found.append(entry)
    if len(found) < limit:
        words = key.split()
        for entry in kb:
            if len(found) >= limit:
                break
            keys = [fold(entry.name), *(fold(a) for a in entry.aliases)]
            if entry not in found and any(all(w in k.split() for w in words) for k in keys):
                found.append(entry)
    return found[:limit]


@actors_app.command("search")
def search_command(
    name: Annotated[str, typer.Argument(help="A name or phrase: 'Peskov', 'Iranian police'.")],
    on: DateOption = None,
    actors_file: ActorsFileOption = None,
    limit: Annotated[int, typer.Option(help="Most entries to list.")] = 20,
    every: Annotated[bool, typer.Option("--all", help="Every period, not the date's.")] = False,
    as_json: JsonOption = False,
) -> None:
    """How NAME resolves on a date, and the knowledge-base entries it matches."""
    settings = settings_from(actors_file=actors_file)
    day = parse_date(on, "--date") or date.today()
    resolver = resolver_for(settings.actors_file)
    found = resolver.resolve(name, on=day)
    rows = [
        r for e in _matches(resolver.kb, name, limit=limit) for r in _terms(e, day, every=every)
    ]
    if as_json:
        resolved = found.actor.to_dict() if found.actor else None
        sys.stdout.write(
            json.dumps({"resolved": resolved, "how": found.how, "entries": rows}, indent=2) + "\n"
        )
        return
    if found.actor is None:
        out.print(f"{escape(name)!r} on {day}: not resolved")
    else:
        actor = found.actor
        parts = [actor.code or "no code", actor.sector or "", actor.role or ""]
        out.print(
            f"{escape(name)!r} on {day}: [bold]{escape(actor.name)}[/] "
            f"{escape(' '.join(p for p in parts if p))} ({found.how})"
        )
    if rows:
        _print(rows, title=f"{len(rows)} knowledge-base entries", as_json=False)


@actors_app.command("show")
def show_command(
    code: Annotated[str, typer.Argument(help="A country or organisation code: RUS, IGOUNO.")],
    on: DateOption = None,
    actors_file: ActorsFileOption = None,
    every: Annotated[bool, typer.Option("--all", help="Every period, not the date's.")] = False,
    as_json: JsonOption = False,
) -> None:
    """What CODE covers: the country or organisation, its institutions, and who held office
    with it on a date."""
    settings = settings_from(actors_file=actors_file)
    day = parse_date(on, "--date") or date.today()
    code = code.strip().upper()
    if not code:
        raise ConfigError("give a code such as RUS or IGOUNO")
    kb = knowledge_base(settings.actors_file)
    entries = kb.with_code(code)
    if not entries:
        raise NotFoundError(
            f"no actor has the code {code!r}; codes are ISO-3166 alpha-3 (RUS) or organisation "
            "codes (IGOUNO): try newsgraph actors search NAME"
        )
    order = {"country": 0, "organisation": 1, "group": 2, "capital": 3, "institution": 4}
    entries = sorted(entries, key=lambda e: (order.get(e.kind, 5), e.source != "newsgraph"))
    rows = [
        row
        for entry in entries
        for row in _terms(entry, day, every=every)
        if row["code"] == code
        and (every or entry.kind != "person" or _current(entry, day))
        # The Phoenix people stop around 2015 with open terms: only with --all.
        and (every or entry.kind != "person" or entry.source != "phoenix")
    ]
    when = "all periods" if every else f"on {day}"
    _print(rows, title=f"{code}: {len(rows)} entries, {when}", as_json=as_json)


def _current(entry: Entry, day: date) -> bool:
    return entry.term_on(day)[1]
