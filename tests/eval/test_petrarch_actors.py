"""The PETRARCH validation dictionaries become a user extension file (hand-written records)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsgraph.actors import read_extension, resolver_for
from newsgraph.eval.petrarch_actors import (
    ACTORS_FILE,
    AGENTS_FILE,
    cameo_code,
    write_petrarch_extension,
)


def test_petrarch_dictionaries_become_an_extension_file(tmp_path: Path) -> None:
    (tmp_path / ACTORS_FILE).write_text(
        "ARNOR_  [ARN]\n+ARNORIAN\nLORIEN  [ELR/GAL]\nSMEAGOL\n\t[HOB <950601]\n"
        "\t[HOBREB >950602]\n",
        encoding="utf-8",
    )
    (tmp_path / AGENTS_FILE).write_text("SOLDIER [~MIL]\nHUMAN_RIGHTS_BODY [NGO~]\n")
    path = tmp_path / "ext.csv"
    written, skipped = write_petrarch_extension(tmp_path, path)
    assert (written, skipped) == (7, 1)  # 3 actor rows, 4 agent phrases; ELR/GAL is no code
    entries, agents = read_extension(path)
    assert sorted(e.name for e in entries) == ["ARNOR", "SMEAGOL"]
    assert {a.phrase for a in agents} == {
        "soldier",
        "soldiers",
        "human rights body",
        "human rights bodies",
    }
    resolver = resolver_for(path)
    soldiers = resolver.resolve("Arnorian soldiers", on=date(1999, 1, 1)).actor
    assert soldiers is not None
    assert cameo_code(soldiers.to_dict()) == "ARNMIL"
    smeagol = resolver.resolve("Smeagol", on=date(1999, 1, 1)).actor
    assert smeagol is not None and cameo_code(smeagol.to_dict()) == "HOBREB"
    assert cameo_code({"code": None, "sector": "GOV"}) == ""
