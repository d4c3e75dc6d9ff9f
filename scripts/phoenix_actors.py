"""Regenerate newsgraph's Phoenix-derived actor and agent tables from the MIT-licensed Phoenix
dictionaries (openeventdata/petrarch2), which developers have at ../shared/data:

    .venv/bin/python scripts/phoenix_actors.py ../shared/data/phoenix-dictionaries

Writes src/newsgraph/data/actors/phoenix_actors.tsv and phoenix_agents.tsv. Facts only (names,
aliases, codes, dates), converted into newsgraph's format, with the MIT notice kept. Users do not
need this script: the generated files ship in the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.actors.dictionaries import (
    SECTORS,
    DictionaryActor,
    read_actor_dictionary,
    read_agent_dictionary,
    split_code,
)
from newsgraph.actors.names import acronym_key, fold

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "actors"
ACTOR_FILES = (
    ("Phoenix.Countries.actors.txt", "countries"),
    ("Phoenix.International.actors.txt", "international"),
    ("Phoenix.MilNonState.actors.txt", "nonstate"),
)
NOTICE = """\
# Derived from the Phoenix/PETRARCH dictionaries (github.com/openeventdata/petrarch2,
# petrarch2/data/dictionaries, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by
# scripts/phoenix_actors.py: facts (names, aliases, codes, dates) in newsgraph's format.
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
# BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
"""
# One-word aliases that are ordinary English words or generic titles: as names they would code
# any sentence that starts with them.
_GENERIC = frozenset(
    [
        "organization",
        "organisation",
        "group",
        "party",
        "front",
        "movement",
        "army",
        "council",
        "committee",
        "union",
        "league",
        "government",
        "ministry",
        "office",
        "agency",
        "bureau",
        "commission",
        "assembly",
        "congress",
        "court",
        "police",
        "forces",
        "president",
        "minister",
        "chairman",
        "leader",
        "king",
        "queen",
        "prince",
        "emir",
        "general",
        "governor",
        "mayor",
        "senator",
        "state",
        "states",
        "republic",
        "kingdom",
        "federation",
        "national",
        "people",
        "nation",
        "international",
        "islamic",
        "world",
        "global",
        "united",
        "new",
        "north",
        "south",
        "east",
        "west",
        "central",
        "the",
        "and",
        "for",
        "all",
        "one",
        "democratic",
        "liberation",
        "revolutionary",
        "popular",
        "patriotic",
        "resistance",
        "brigade",
        "brigades",
        "martyrs",
        "council",
        "justice",
        "freedom",
        "unity",
        "independence",
        "alliance",
        "coalition",
        "company",
        "corporation",
        "bank",
    ]
)


# Words that mark an institution's name, not a person's.
_INSTITUTIONAL = frozenset(
    [
        "ministry",
        "ministries",
        "council",
        "party",
        "army",
        "forces",
        "front",
        "committee",
        "court",
        "assembly",
        "government",
        "bank",
        "agency",
        "union",
        "police",
        "office",
        "department",
        "commission",
        "authority",
        "administration",
        "parliament",
        "congress",
        "senate",
        "duma",
        "federation",
        "republic",
        "soviet",
        "navy",
        "guard",
        "guards",
        "service",
        "services",
        "organization",
        "organisation",
        "corporation",
        "company",
        "group",
        "movement",
        "institute",
        "university",
        "national",
        "state",
        "people's",
        "peoples",
        "security",
        "directorate",
        "board",
        "fund",
        "association",
        "command",
    ]
)


def _looks_like_a_name(phrase: str) -> bool:
    words = fold(phrase).split()
    return 2 <= len(words) <= 5 and not any(w in _INSTITUTIONAL for w in words)


def _kind(record: DictionaryActor, source: str) -> str:
    comment = record.comment.casefold()
    codes = [c.code for c in record.codes]
    if source == "nonstate":
        return "group"
    if "countryinfo" in comment or "ruler" in comment:
        return "person"
    if any(split_code(c)[1] == "ELI" for c in codes):
        return "person"
    if any(c.start or c.end for c in record.codes) and _looks_like_a_name(record.phrases[-1]):
        return "person"
    if source == "international":
        return "organisation"
    if all(len(c) == 3 for c in codes):
        return "place"
    return "institution"


def _keep_alias(phrase: str, *, kind: str) -> bool:
    key = fold(phrase)
    if not key or len(key) < 3:
        return False
    if " " not in key:
        if acronym_key(phrase) is not None and kind in ("organisation", "group"):
            return True
        if key in _GENERIC or len(key) < 4:
            return False
        if kind == "organisation" and key.isalpha() and len(key) < 6:
            return False
    return True


def _date(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def actor_rows(folder: Path) -> list[list[str]]:
    """One row per actor: kind, display name, terms and folded alias keys."""
    rows: list[list[str]] = []
    for file_name, source in ACTOR_FILES:
        text = (folder / file_name).read_text(encoding="utf-8", errors="replace")
        for record in read_actor_dictionary(text.splitlines()):
            kind = _kind(record, source)
            if source == "international" and all(c.code.startswith("MNC") for c in record.codes):
                # Multinational companies: keep multi-word names only.
                phrases = [p for p in record.phrases if " " in fold(p)]
            else:
                phrases = [p for p in record.phrases if _keep_alias(p, kind=kind)]
            if not phrases:
                continue
            name = phrases[0].title() if not acronym_key(phrases[0]) else phrases[0]
            keys = sorted({fold(p) for p in phrases} - {""})
            terms = []
            for code in record.codes:
                country, sector = split_code(code.code)
                terms.append(f"{country}/{sector or ''}/{_date(code.start)}/{_date(code.end)}")
            rows.append([kind, name, ";".join(terms), "|".join(keys)])
    return rows


def agent_rows(folder: Path) -> list[list[str]]:
    seen: dict[str, list[str]] = {}
    for file_name in ("Phoenix.agents.txt",):
        lines = (folder / file_name).read_text(encoding="utf-8", errors="replace").splitlines()
        for agent in read_agent_dictionary(lines):
            code = agent.code.replace("~", "")
            sector = SECTORS.get(code[:3])
            if sector is None:
                continue
            phrase = agent.phrase.casefold()
            seen.setdefault(fold(phrase), [phrase, sector, code])
    return sorted(seen.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the phoenix-dictionaries folder")
    args = parser.parse_args(argv)
    actors = actor_rows(args.folder)
    header = "kind\tname\tterms\tkeys\n"
    with (OUT / "phoenix_actors.tsv").open("w", encoding="utf-8") as stream:
        stream.write(NOTICE)
        stream.write(
            "# One row per actor: kind, name, its codes as CODE/SECTOR/START/END (;-separated;\n"
            "# dates inclusive, empty = open; no dates = the default code) and its aliases in\n"
            "# folded form (newsgraph.actors.names.fold), |-separated.\n"
        )
        stream.write(header)
        stream.writelines("\t".join(row) + "\n" for row in actors)
    agents = agent_rows(args.folder)
    with (OUT / "phoenix_agents.tsv").open("w", encoding="utf-8") as stream:
        stream.write(NOTICE)
        stream.write(
            "# Agent words (plurals expanded) with their PLOVER sector and the CAMEO agent code.\n"
        )
        stream.write("phrase\tsector\tcameo\n")
        stream.writelines("\t".join(row) + "\n" for row in agents)
    sys.stdout.write(f"{len(actors)} actor rows, {len(agents)} agent rows -> {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
