from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.time.periods import Resolution, period_of
from newsgraph.nlp.time.reference import Reference, resolve_against


def _reference(granularity: str, when: date) -> Reference:
    found = period_of(granularity, when, "named in the text")
    assert found is not None
    return Reference(found, "the words")


@pytest.mark.parametrize(
    ("text", "granularity", "when", "value"),
    [
        ("a year earlier", "quarter", date(1989, 7, 1), "1988-Q3"),
        ("a year earlier", "year", date(1995, 1, 1), "1994"),
        ("year ago", "day", date(2025, 3, 5), "2024-03-05"),
        ("the year ago quarter", "quarter", date(1989, 7, 1), "1988-Q3"),
        ("the year earlier third quarter", "year", date(1989, 1, 1), "1988-Q3"),
        ("the quarter", "day", date(1989, 9, 30), "1989-Q3"),
        ("that year", "month", date(2023, 5, 1), "2023"),
        ("the following year", "year", date(1995, 1, 1), "1996"),
        ("the previous day", "day", date(2025, 3, 1), "2025-02-28"),
        ("the day after", "day", date(2025, 3, 1), "2025-03-02"),
        ("two days later", "day", date(2025, 3, 1), "2025-03-03"),
        ("three weeks earlier", "day", date(2025, 3, 22), "2025-03-01"),
        ("earlier that day", "day", date(1998, 10, 23), "1998-10-23"),
    ],
)
def test_resolve_against_a_reference(text: str, granularity: str, when: date, value: str) -> None:
    found = resolve_against(text, _reference(granularity, when))
    assert found is not None
    assert (found.value, found.type) == (value, "approximate")
    assert "the words" in found.reason


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("the next day", "month"),  # which day of March?
        ("two days later", "year"),
        ("that week", "quarter"),
        ("next tuesday", "day"),  # not counted from a reference at all
    ],
)
def test_reference_too_coarse_or_not_anaphoric(text: str, granularity: str) -> None:
    assert resolve_against(text, _reference(granularity, date(2025, 3, 1))) is None


def test_reference_without_a_date_is_not_usable() -> None:
    reference = Reference(Resolution("PAST_REF", None, "approximate"), "recently")
    assert not reference.usable
    assert resolve_against("that year", reference) is None
