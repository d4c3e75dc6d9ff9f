"""Readers of the TABARI/PETRARCH dictionary formats, on hand-written records."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors.dictionaries import (
    read_actor_dictionary,
    read_agent_dictionary,
    split_code,
)

ACTORS = """\
<!-- a comment -->
GONDOR_  [GON]
+MINAS_TIRITH
SMEAGOL_  # CountryInfo.txt
+GOLLUM
\t[HOB <950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB >990816]
STINKER_
SLINKER_ [HOB]
NOBODY_ [---]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
ARMY [~MIL]
"""


def test_read_actor_dictionary() -> None:
    records = list(read_actor_dictionary(ACTORS.splitlines()))
    assert [r.phrases for r in records] == [
        ["GONDOR", "MINAS TIRITH"],
        ["SMEAGOL", "GOLLUM"],
        ["STINKER", "SLINKER"],  # a code-less phrase stacked above the next record
    ]
    smeagol = records[1]
    assert smeagol.comment == "CountryInfo.txt"
    assert [(c.code, c.start, c.end) for c in smeagol.codes] == [
        ("HOB", None, date(1995, 6, 1)),
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("HOBREB", date(1999, 8, 16), None),
    ]


def test_read_agent_dictionary_expands_plurals_and_sets() -> None:
    agents = {(a.phrase, a.code) for a in read_agent_dictionary(AGENTS.splitlines())}
    assert agents == {
        ("CONGRESSMAN", "~LEG"),
        ("CONGRESSWOMAN", "~LEG"),
        ("POLICE", "~COP"),
        ("ATTORNEY GENERAL", "~JUD"),
        ("ATTORNEYS GENERAL", "~JUD"),
        ("ARMY", "~MIL"),
        ("ARMIES", "~MIL"),
    }


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("PSEHMSGOV", ("PSE", "GOV")),
        ("USAMED", ("USA", "JRN")),
        ("IGOUNOIAE", ("IGOUNOIAE", None)),
        ("TMP", ("TLS", None)),
        ("SCGGOV", ("SRB", "GOV")),
    ],
)
def test_split_code(code: str, expected: tuple[str, str | None]) -> None:
    assert split_code(code) == expected
