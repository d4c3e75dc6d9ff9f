"""The user extension file: rows become actors over the built-in base; bad rows are refused
with the line and the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors import read_extension, resolver_for
from newsgraph.actors.extension import write_extension
from newsgraph.errors import ConfigError

HEADER = "name,kind,code,sector,role,start,end,aliases,wikidata,notes\n"


def _file(tmp_path: Path, body: str, *, name: str = "actors.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_extension_adds_actors_and_agents(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "Anna Kovac,person,RUR,GOV,Defence Minister,2024-03,,Kovac,,invented\n"
        "Ruritania,country,RUR,,,,,Ruritanian|Ruritanians,,\n"
        "frontier guards,agent,,MIL,,,,,,\n",
    )
    entries, agents = read_extension(path)
    assert [e.name for e in entries] == ["Anna Kovac", "Ruritania"]
    assert [a.phrase for a in agents] == ["frontier guards"]
    resolver = resolver_for(path)
    day = date(2025, 1, 1)
    kovac = resolver.resolve("Kovac", on=day).actor
    assert kovac is not None
    assert (kovac.code, kovac.sector, kovac.role) == ("RUR", "GOV", "Defence Minister")
    guards = resolver.resolve("Ruritanian frontier guards", on=day).actor
    assert guards is not None and (guards.code, guards.sector) == ("RUR", "MIL")
    # Before her term she is not the minister.
    before = resolver.resolve("Anna Kovac", on=date(2023, 1, 1)).actor
    assert before is not None and before.sector == "ELI"


def test_extension_overrides_the_builtin_base(tmp_path: Path) -> None:
    path = _file(tmp_path, "Sergey Lavrov,person,RUS,GOV,Envoy,2025-01-01,,Lavrov,,\n")
    actor = resolver_for(path).resolve("Lavrov", on=date(2025, 6, 1)).actor
    assert actor is not None and actor.role == "Envoy"
    builtin = resolver_for().resolve("Lavrov", on=date(2025, 6, 1)).actor
    assert builtin is not None and builtin.role == "Foreign Minister"


def test_extension_reads_tab_separated_files(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text("name\tcode\nFreedonia\tFRD\n", encoding="utf-8")
    entries, _ = read_extension(path)
    assert entries[0].codes == frozenset({"FRD"})


def test_extension_is_read_again_when_edited(tmp_path: Path) -> None:
    path = _file(tmp_path, "Freedonia,country,FRD,,,,,,,\n")
    assert resolver_for(path).resolve("Freedonia").actor is not None
    path.write_text(HEADER + "Sylvania,country,SYL,,,,,,,\n", encoding="utf-8")
    edited = resolver_for(path)
    assert edited.resolve("Freedonia").actor is None
    assert edited.resolve("Sylvania").actor is not None


def test_write_extension_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_extension(path, [{"name": "Gondor", "code": "GON", "aliases": "Minas Tirith"}])
    entries, _ = read_extension(path)
    assert entries[0].aliases == ("Minas Tirith",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (",person,RUR,,,,,,,\n", ":2: the name is empty"),
        ("X,wizard,RUR,,,,,,,\n", "kind 'wizard'"),
        ("X,person,,,,,,,,\n", "code '' of 'X'"),
        ("X,person,R U,,,,,,,\n", "code 'R U'"),
        ("guards,agent,,,,,,,,\n", "needs a sector"),
        ("X,person,RUR,,,31.12.2024,,,,\n", "expected YYYY"),
        ("X,person,RUR,,,2025,2024,,,\n", "starts after it ends"),
        ("X,person,RUR,,,,,,,,extra\n", "more values than columns"),
    ],
)
def test_extension_refuses_bad_rows(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        read_extension(_file(tmp_path, body))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [("nom,code\nX,RUR\n", "'name' column"), ("name,colour\nX,red\n", "unknown column")],
)
def test_extension_refuses_bad_headers(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_extension(path)


def test_extension_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        read_extension(tmp_path / "nope.csv")
