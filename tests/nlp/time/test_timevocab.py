from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.time.vocabulary import holiday_date, spell_out_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nineteen ninety six", "1996"),
        ("in nineteen oh five", "in 1905"),
        ("the year two thousand", "the year 2000"),
        ("two thousand and three", "2003"),
        ("twenty twenty five", "2025"),
        ("the eighties", "the '80s"),
        ("march eighth", "march 8th"),
        ("the twenty first of may", "the 21st of may"),
        ("the twentieth century", "the 20th century"),
        # Counts and other ordinals stay words: "two days ago", "the second day".
        ("two days ago", "two days ago"),
        ("the second day", "the second day"),
        ("nineteen", "nineteen"),
    ],
)
def test_spell_out_numbers(text: str, expected: str) -> None:
    assert spell_out_numbers(text) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("easter", 2024, date(2024, 3, 31)),
        ("easter", 2025, date(2025, 4, 20)),
        ("easter sunday", 2000, date(2000, 4, 23)),
        ("thanksgiving", 2025, date(2025, 11, 27)),
        ("thanksgiving day", 1999, date(1999, 11, 25)),
        ("christmas", 2023, date(2023, 12, 25)),
    ],
)
def test_holiday_date(name: str, year: int, expected: date) -> None:
    assert holiday_date(name, year) == expected
