"""Calendar periods as resolved time values: a day, an ISO week, a month, a quarter, a year,
a decade, a season, each with its TimeML value, granularity and first and last day.

Shared by the resolver against the publication date (:mod:`.expressions`) and the one against a
date named earlier in the text (:mod:`.reference`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .vocabulary import SEASONS

__all__ = [
    "GRANULARITY_ORDER",
    "Resolution",
    "approximate",
    "day",
    "decade",
    "month",
    "month_end",
    "period_of",
    "quarter",
    "season",
    "shift_months",
    "unresolved",
    "week",
    "year",
]

#: Granularities from fine to coarse, for the ones a date can be written at.
GRANULARITY_ORDER = ("day", "week", "month", "quarter", "half", "season", "year")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a time expression means, relative to the anchor."""

    value: str | None
    granularity: str | None
    type: str
    start: date | None = None
    end: date | None = None
    reason: str = ""


def unresolved(reason: str) -> Resolution:
    return Resolution(None, None, "unresolved", reason=reason)


def approximate(result: Resolution, why: str) -> Resolution:
    if result.type != "exact":
        return result
    return replace(result, type="approximate", reason=f"{result.reason}; {why}")


def month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def day(day: date, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(day.isoformat(), "day", kind, day, day, reason)


def week(day: date, reason: str, kind: str = "exact") -> Resolution:
    year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Resolution(f"{year}-W{week:02d}", "week", kind, monday, monday + timedelta(6), reason)


def month(year: int, month: int, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(
        f"{year:04d}-{month:02d}",
        "month",
        kind,
        date(year, month, 1),
        month_end(year, month),
        reason,
    )


def quarter(year: int, quarter: int, reason: str, kind: str = "exact") -> Resolution:
    first = 3 * (quarter - 1) + 1
    return Resolution(
        f"{year:04d}-Q{quarter}",
        "quarter",
        kind,
        date(year, first, 1),
        month_end(year, first + 2),
        reason,
    )


def year(year: int, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(f"{year:04d}", "year", kind, date(year, 1, 1), date(year, 12, 31), reason)


def decade(start: int, reason: str) -> Resolution:
    return Resolution(
        str(start // 10),
        "decade",
        "approximate",
        date(start, 1, 1),
        date(start + 9, 12, 31),
        reason,
    )


def season(year: int, season: str, reason: str, kind: str = "approximate") -> Resolution:
    code = SEASONS[season]
    months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}[code]
    start = date(year, months[0], 1)
    end_month = months[1]
    end = month_end(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
    return Resolution(f"{year:04d}-{code}", "season", kind, start, end, reason)


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def period_of(granularity: str, when: date, reason: str, kind: str = "exact") -> Resolution | None:
    """The period of ``granularity`` that contains ``when`` (None for granularities without a
    calendar period, such as a decade or a part of a day)."""
    if granularity == "day":
        return day(when, reason, kind)
    if granularity == "week":
        return week(when, reason, kind)
    if granularity == "month":
        return month(when.year, when.month, reason, kind)
    if granularity == "quarter":
        return quarter(when.year, (when.month - 1) // 3 + 1, reason, kind)
    if granularity == "half":
        first = when.month <= 6
        return Resolution(
            f"{when.year:04d}-H{1 if first else 2}",
            "half",
            kind,
            date(when.year, 1 if first else 7, 1),
            date(when.year, 6, 30) if first else date(when.year, 12, 31),
            reason,
        )
    if granularity == "year":
        return year(when.year, reason, kind)
    return None
