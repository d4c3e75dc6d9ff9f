"""Dates for people: ISO-8601 and TimeML values (``docs/schema.md``, ``times[].value``) as a
reader writes them, at their own granularity: ``12 Oct 2025``, ``Oct 2025``, ``spring 2026``,
``2030s``. The one place the CLI, the web pages and the feeds word a date; the JSON, the API and
the exports keep the values themselves.

No internal code reaches a reader: a value this module does not know is shown as "unknown
date", not as itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["format_date", "format_period", "format_time"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_REFERENCES = {"PAST_REF": "the past", "PRESENT_REF": "now", "FUTURE_REF": "the future"}
_UNITS = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "H": "hour",
    "S": "second",
    "DE": "decade",
    "CE": "century",
}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:(MO|AF|EV|NI)|(\d{2}:\d{2}))$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])(\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^\d{4}$")
_DECADE = re.compile(r"^\d{3}$")
_CENTURY = re.compile(r"^\d{2}$")
_DURATION = re.compile(r"^PT?(\d+|X)(Y|M|W|D|H|S|DE|CE)$")

UNKNOWN = "unknown date"


def format_date(day: date) -> str:
    """``12 Oct 2025``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_period(start: date, interval: str) -> str:
    """A period of a time series by its first day: ``12 Oct 2025`` (day), ``week of 6 Oct
    2025`` (week), ``Oct 2025`` (month), ``2025`` (year)."""
    if interval == "week":
        return f"week of {format_date(start)}"
    if interval == "month":
        return _month(start.year, start.month)
    if interval == "year":
        return str(start.year)
    return format_date(start)


def _month(year: int, month: int) -> str:
    return f"{_MONTHS[month - 1]} {year}"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _part(words: str, first: date, last: date, start: date | None, end: date | None) -> str:
    """``words`` of the period ``first`` .. ``last``, with "early", "mid" or "late" when the
    days ``start`` .. ``end`` cover only that part of it (the time tagger narrows "the end of
    the decade", "later this month" and "early 2024" to a third of the period)."""
    if start is None or end is None or not (first <= start <= end <= last):
        return words
    later, sooner = start > first, end < last
    if later and sooner:
        return f"mid {words}"
    if later:
        return f"late {words}"
    if sooner:
        return f"early {words}"
    return words


def _duration(amount: str, unit: str) -> str:
    name = _UNITS[unit]
    if amount == "X":
        return f"some {name}s"
    count = int(amount)
    return f"{count} {name}" + ("" if count == 1 else "s")


def _value(value: str, start: date | None, end: date | None) -> str | None:
    """The words of one value, or None when it is not a value this module knows."""
    if value in _REFERENCES:
        return _REFERENCES[value]
    if match := _DAY.match(value):
        return format_date(date(int(match[1]), int(match[2]), int(match[3])))
    if match := _DAY_TIME.match(value):
        day = format_date(date.fromisoformat(match[1]))
        return f"{day}, {_PARTS_OF_DAY[match[2]]}" if match[2] else f"{day}, {match[3]}"
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match[3]:
            return f"weekend of {format_date(monday + timedelta(days=5))}"
        return f"week of {format_date(monday)}"
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        first = date(year, month, 1)
        return _part(_month(year, month), first, _month_end(first), start, end)
    if match := _QUARTER.match(value):
        return f"{match[2]}{match[3]} {match[1]}"
    if match := _SEASON.match(value):
        year, season = int(match[1]), _SEASONS[match[2]]
        return f"winter {year}/{(year + 1) % 100:02d}" if match[2] == "WI" else f"{season} {year}"
    if _YEAR.match(value):
        year = int(value)
        return _part(value, date(year, 1, 1), date(year, 12, 31), start, end)
    if _DECADE.match(value):
        decade = int(value) * 10
        return _part(f"{decade}s", date(decade, 1, 1), date(decade + 9, 12, 31), start, end)
    if _CENTURY.match(value):
        return f"{_ordinal(int(value) + 1)} century"
    if match := _DURATION.match(value):
        return _duration(match[1], match[2])
    return None


def format_time(
    value: str | None,
    *,
    type: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> str:
    """``value`` (ISO-8601 / TimeML) in words at its own granularity. A ``range`` with both ends
    known is shown from its first day to its last at the value's granularity ("since March":
    ``Mar 2025 – 31 Oct 2025``). Without a value, the days ``start`` .. ``end`` stand in."""
    if value is None:
        if start is None:
            return UNKNOWN
        if end is None or end == start:
            return format_date(start)
        return f"{format_date(start)} – {format_date(end)}"
    words = _value(value, start, end)
    if words is None:
        return UNKNOWN if start is None else format_time(None, start=start, end=end)
    if type == "range" and start is not None and end is not None:
        last = format_date(end)
        if _MONTH.match(value) and end.day == _month_end(end).day:
            last = _month(end.year, end.month)
        if _YEAR.match(value) and (end.month, end.day) == (12, 31):
            last = str(end.year)
        if _DURATION.match(value):
            words = format_date(start)
        return words if words == last else f"{words} – {last}"
    return words


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)
