from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.timexpr import resolve

ANCHOR = date(2025, 10, 31)  # a Friday


@pytest.mark.parametrize(
    ("text", "value", "granularity", "kind"),
    [
        ("on Sunday", "2025-10-26", "day", "exact"),
        ("Wednesday", "2025-10-29", "day", "exact"),
        ("last Friday", "2025-10-24", "day", "exact"),
        ("next Tuesday", "2025-11-04", "day", "exact"),
        ("late Tuesday", "2025-10-28", "day", "approximate"),
        ("Tuesday night", "2025-10-28TNI", "part_of_day", "exact"),
        ("today", "2025-10-31", "day", "exact"),
        ("yesterday", "2025-10-30", "day", "exact"),
        ("tomorrow", "2025-11-01", "day", "exact"),
        ("this morning", "2025-10-31TMO", "part_of_day", "exact"),
        ("two days ago", "2025-10-29", "day", "exact"),
        ("three weeks ago", "2025-W41", "week", "exact"),
        ("a year ago", "2024", "year", "exact"),
        ("this week", "2025-W44", "week", "exact"),
        ("last week", "2025-W43", "week", "exact"),
        ("this month", "2025-10", "month", "exact"),
        ("last month", "2025-09", "month", "exact"),
        ("next month", "2025-11", "month", "exact"),
        ("mid-October", "2025-10", "month", "approximate"),
        ("in March", "2025-03", "month", "exact"),
        ("December", "2025-12", "month", "exact"),
        ("February", "2025-02", "month", "exact"),
        ("November", "2025-11", "month", "exact"),
        ("October 2024", "2024-10", "month", "exact"),
        ("Oct. 5", "2025-10-05", "day", "exact"),
        ("March 5, 2024", "2024-03-05", "day", "exact"),
        ("5 March 2024", "2024-03-05", "day", "exact"),
        ("2025-10-12", "2025-10-12", "day", "exact"),
        ("in 2023", "2023", "year", "exact"),
        ("this year", "2025", "year", "exact"),
        ("last year", "2024", "year", "exact"),
        ("early 2024", "2024", "year", "approximate"),
        ("the first quarter", "2025-Q1", "quarter", "exact"),
        ("the fourth quarter of 2024", "2024-Q4", "quarter", "exact"),
        ("last quarter", "2025-Q3", "quarter", "exact"),
        ("the 1990s", "199", "decade", "approximate"),
        ("last summer", "2024-SU", "season", "approximate"),
    ],
)
def test_resolves_against_the_anchor(text: str, value: str, granularity: str, kind: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert (found.value, found.granularity, found.type) == (value, granularity, kind)
    assert found.reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("recently", "PAST_REF"),
        ("in recent weeks", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("soon", "FUTURE_REF"),
        ("in the coming weeks", "FUTURE_REF"),
    ],
)
def test_references(text: str, value: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert found.value == value
    assert found.type == "approximate"


@pytest.mark.parametrize(
    ("text", "value"),
    [("three days", "P3D"), ("48 hours", "PT48H"), ("a week", "P1W"), ("six months", "P6M")],
)
def test_durations_are_not_offsets(text: str, value: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert (found.value, found.type, found.start) == (value, "duration", None)


@pytest.mark.parametrize(
    "text", ["the day before", "the next day", "two days later", "that year", "then", "blah"]
)
def test_unresolvable_stays_unresolved(text: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert found.type == "unresolved"
    assert found.value is None
    assert found.reason


def test_ranges() -> None:
    since = resolve("since March", anchor=ANCHOR)
    assert (since.type, since.start, since.end) == ("range", date(2025, 3, 1), ANCHOR)
    span = resolve("from March to May", anchor=ANCHOR)
    assert (span.start, span.end) == (date(2025, 3, 1), date(2025, 5, 31))
    past = resolve("the past two weeks", anchor=ANCHOR)
    assert (past.type, past.start, past.end) == ("range", date(2025, 10, 17), ANCHOR)


def test_past_direction_takes_last_years_month() -> None:
    assert resolve("in December", anchor=ANCHOR, direction="past").value == "2024-12"


def test_future_direction_takes_the_coming_day() -> None:
    assert resolve("on Sunday", anchor=ANCHOR, direction="future").value == "2025-11-02"
    assert resolve("on Sunday", anchor=ANCHOR, direction="past").value == "2025-10-26"


def test_without_anchor_only_absolute_expressions_resolve() -> None:
    assert resolve("in 2023", anchor=None).value == "2023"
    assert resolve("March 5, 2024", anchor=None).value == "2024-03-05"
    found = resolve("on Sunday", anchor=None)
    assert found.type == "unresolved"
    assert "no publication date" in found.reason
