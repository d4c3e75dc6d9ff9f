"""Dates for people (newsgraph.dates): every value the time tagger writes, in words."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsgraph.dates import format_date, format_time


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-10-12", "12 Oct 2025"),
        ("2025-10-12TEV", "12 Oct 2025, evening"),
        ("2025-10-12TNI", "12 Oct 2025, night"),
        ("2025-10-12T14:30", "12 Oct 2025, 14:30"),
        ("2025-W43", "week of 20 Oct 2025"),
        ("2025-W43-WE", "weekend of 25 Oct 2025"),
        ("2025-10", "Oct 2025"),
        ("2025-Q4", "Q4 2025"),
        ("2025-H1", "H1 2025"),
        ("2026-SP", "spring 2026"),
        ("2025-SU", "summer 2025"),
        ("2025-FA", "autumn 2025"),
        ("2025-WI", "winter 2025/26"),
        ("1999-WI", "winter 1999/00"),
        ("2025", "2025"),
        ("203", "2030s"),
        ("199", "1990s"),
        ("20", "21st century"),
        ("19", "20th century"),
        ("PAST_REF", "the past"),
        ("PRESENT_REF", "now"),
        ("FUTURE_REF", "the future"),
        ("P3D", "3 days"),
        ("P1Y", "1 year"),
        ("PT48H", "48 hours"),
        ("PXY", "some years"),
    ],
)
def test_dates_value_in_words(value: str, shown: str) -> None:
    assert format_time(value) == shown


@pytest.mark.parametrize("value", ["2025-10-12", "2025-WI", "203", "2025-10-12TEV", "2025-W43"])
def test_dates_no_code_reaches_a_reader(value: str) -> None:
    shown = format_time(value)
    assert value not in shown.split()
    assert not re.search(r"\b(?:WI|SP|SU|FA|TEV|TNI|W\d\d)\b", shown)


@pytest.mark.parametrize(
    ("value", "start", "end", "shown"),
    [
        # "until the end of the next decade": the value is the decade, the days its last third
        ("203", date(2036, 8, 31), date(2039, 12, 31), "late 2030s"),
        ("203", date(2030, 1, 1), date(2033, 4, 30), "early 2030s"),
        ("203", date(2030, 1, 1), date(2039, 12, 31), "2030s"),
        ("2025-10", date(2025, 10, 21), date(2025, 10, 31), "late Oct 2025"),
        ("2024", date(2024, 1, 1), date(2024, 4, 30), "early 2024"),
        ("2024", date(2024, 5, 1), date(2024, 8, 31), "mid 2024"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        # days outside the value's period say nothing about its part
        ("2024", date(2023, 5, 1), date(2024, 8, 31), "2024"),
    ],
)
def test_dates_part_of_a_period_from_its_days(
    value: str, start: date, end: date, shown: str
) -> None:
    assert format_time(value, start=start, end=end) == shown


def test_dates_range_shows_both_ends() -> None:
    since_march = format_time(
        "2025-03", type="range", start=date(2025, 3, 1), end=date(2025, 10, 29)
    )
    assert since_march == "Mar 2025 – 29 Oct 2025"
    two_months = format_time(
        "2025-11", type="range", start=date(2025, 11, 1), end=date(2025, 12, 31)
    )
    assert two_months == "Nov 2025 – Dec 2025"
    assert format_time("2025", type="range", start=date(2025, 1, 1), end=date(2025, 12, 31)) == (
        "2025"
    )


def test_dates_unknown_values_are_not_shown_as_codes() -> None:
    assert format_time(None) == "unknown date"
    assert format_time("XXXX-ZZ") == "unknown date"
    assert format_time("XXXX-ZZ", start=date(2025, 1, 2)) == "2 Jan 2025"
    assert format_time(None, start=date(2025, 1, 2), end=date(2025, 1, 5)) == (
        "2 Jan 2025 – 5 Jan 2025"
    )
    assert format_date(date(2025, 10, 31)) == "31 Oct 2025"
