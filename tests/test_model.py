from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import SCHEMA_VERSION, document_id, event_id, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("\n\nline  \n\n", "line"),
        ("to\u00a0Kyiv", "to Kyiv"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("Cafe\u0301", "Caf\u00e9"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_document_id_depends_on_metadata_that_changes_meaning() -> None:
    base = document_id("Talks on Sunday.", published=date(2025, 1, 1))
    assert base == document_id("Talks on Sunday.\r\n", published=date(2025, 1, 1))
    assert base != document_id("Talks on Sunday.", published=date(2025, 1, 2))
    assert base != document_id("Talks on Sunday.", published=date(2025, 1, 1), outlet="AP")


def test_event_id_is_deterministic() -> None:
    one = event_id("d1", sentence_start=0, trigger_start=5, event_type="AID")
    assert one == event_id("d1", sentence_start=0, trigger_start=5, event_type="AID")
    assert one != event_id("d1", sentence_start=0, trigger_start=5, event_type="ASSAULT")
    assert len(one) == 24


def test_schema_version() -> None:
    assert SCHEMA_VERSION == "1"
