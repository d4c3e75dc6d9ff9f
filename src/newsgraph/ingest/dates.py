"""Publication dates as posts and metadata write them: ``2025.10.31``, ``31 October 2025``, ..."""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["MONTHS", "parse_date_line", "parse_published"]

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2}|Z)?)?"
)

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 2025.10.31, 2025-10-31, 2025/10/31, ISO datetimes
        r"(?P<year>\d{4})[./-](?P<mon>\d{1,2})[./-](?P<day>\d{1,2})(?:T\S*)?" + _TIME,
        # 31.10.2025, 31/10/2025, 31-10-2025 (day first, as most of the world writes it)
        r"(?P<day>\d{1,2})[./-](?P<mon>\d{1,2})[./-](?P<year>\d{4})" + _TIME,
        # 31 October 2025, Friday, 31 Oct. 2025
        _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME,
        # October 31, 2025, Fri Oct 31 2025
        _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})" + _TIME,
    )
]


def _build(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date_line(line: str) -> date | None:
    """The date if the whole line is a calendar date (with an optional time), else None.

    Numeric dates with the year last are read day first (``03.04.2025`` is 3 April), unless the
    first number cannot be a day but the second can (``04/30/2025`` is 30 April).
    """
    line = line.strip()
    if not line or len(line) > 60:
        return None
    for pattern in _PATTERNS:
        match = pattern.fullmatch(line)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("month"):
            return _build(groups["year"], MONTHS[groups["month"].lower()], groups["day"])
        day, month = int(groups["day"]), int(groups["mon"])
        if month > 12 and day <= 12:
            day, month = month, day
        return _build(groups["year"], month, str(day))
    return None


def parse_published(value: object) -> date | None:
    """A publication date from metadata: ``date``, ISO strings, or any form of a date line."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        return parse_date_line(text)
    return None
