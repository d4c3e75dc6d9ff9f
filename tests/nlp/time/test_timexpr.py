from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.time.expressions import (
    COUNTED_FROM_EVENT,
    ON_PUBLICATION_DAY,
    RELATIVE_TO_EVENT,
    resolve,
)

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
        ("last summer", "2025-SU", "season", "approximate"),
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
    [
        ("three days", "P3D"),
        ("48 hours", "PT48H"),
        ("a week", "P1W"),
        ("six months", "P6M"),
        ("three days of talks", "P3D"),
    ],
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


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("nineteen ninety-six", "1996", "exact"),
        ("the year two thousand", "2000", "exact"),
        ("January nineteen ninety-seven", "1997-01", "exact"),
        ("the nineties", "199", "approximate"),
        ("March eighth", "2025-03-08", "exact"),
        ("last month's", "2025-09", "exact"),
        ("next week's", "2025-W45", "exact"),
        ("next week", "2025-W45", "exact"),
        ("third-quarter", "2025-Q3", "exact"),
        ("this year's third quarter", "2025-Q3", "exact"),
        ("next year's first quarter", "2026-Q1", "exact"),
        ("the 1988 second quarter", "1988-Q2", "exact"),
        ("the fiscal first quarter", "2025-Q1", "approximate"),
        ("the latest quarter", "2025-Q3", "exact"),
        ("June last year", "2024-06", "exact"),
        ("January this year", "2025-01", "exact"),
        ("10 p.m. Wednesday", "2025-10-29T22:00", "exact"),
        ("noon Thursday", "2025-10-30T12:00", "exact"),
        ("midnight Friday", "2025-10-31T24:00", "exact"),
        ("5 p.m. EST, Nov. 6", "2025-11-06T17:00", "exact"),
        ("Thursday evening", "2025-10-30TEV", "exact"),
        ("mid-afternoon yesterday", "2025-10-30TAF", "approximate"),
        ("Saturday, April 25", "2025-04-25", "exact"),
        ("the 20th century", "19", "approximate"),
        ("the eleventh century", "10", "approximate"),
        ("nearly four years ago", "2021", "approximate"),
        ("a week or so ago", "2025-W43", "approximate"),
        ("as early as next week", "2025-W45", "approximate"),
        ("the first nine months of 1997", "1997", "approximate"),
        ("an Aug. 10, 1988", "1988-08-10", "approximate"),
        ("year-end", "2025-12-31", "approximate"),
        ("the current fiscal year", "2025", "approximate"),
        ("this past spring", "2025-SP", "approximate"),
        ("next summer", "2026-SU", "approximate"),
        ("last winter", "2024-WI", "approximate"),
        ("Easter", "2025-04-20", "exact"),
        ("Christmas Eve", "2025-12-24", "exact"),
    ],
)
def test_resolves_written_forms(text: str, value: str, kind: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert (found.value, found.type) == (value, kind)


@pytest.mark.parametrize(
    ("text", "direction", "anchor", "value"),
    [
        # A day without its year is a recent or a coming one, not one eleven months back ...
        ("Dec. 7", "past", ANCHOR, "2025-12-07"),
        ("Oct. 5", "past", ANCHOR, "2025-10-05"),
        # ... nor one eleven months ahead ("by Jan. 14" written on Jan. 15).
        ("Jan. 14", "future", date(2000, 1, 15), "2000-01-14"),
        ("Jan. 14", "future", date(1999, 12, 20), "2000-01-14"),
        # The anchor's own month is this year's, whatever the tense.
        ("October", "future", ANCHOR, "2025-10"),
        ("October", "past", ANCHOR, "2025-10"),
        ("December", "past", ANCHOR, "2024-12"),
        ("December", "auto", ANCHOR, "2025-12"),
        ("March", "future", ANCHOR, "2026-03"),
    ],
)
def test_direction_picks_the_year(text: str, direction: str, anchor: date, value: str) -> None:
    assert resolve(text, anchor=anchor, direction=direction).value == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["the quarter", "a year earlier", "the year-ago quarter", "the following year"]
)
def test_anaphoric_expressions_need_a_reference(text: str) -> None:
    found = resolve(text, anchor=ANCHOR)
    assert (found.type, found.value) == ("unresolved", None)
    assert found.reason in (RELATIVE_TO_EVENT, COUNTED_FROM_EVENT)


def test_clock_without_day_is_marked_as_taken_on_the_publication_day() -> None:
    found = resolve("at 10 p.m.", anchor=ANCHOR)
    assert found.value == "2025-10-31T22:00"
    assert found.type == "approximate"
    assert ON_PUBLICATION_DAY in found.reason
