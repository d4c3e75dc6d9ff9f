"""Resolve expressions that count from a date named earlier in the text, not from the
publication date: "a year earlier", "the following year", "that quarter", "two days later".

TimeML calls that date the reference time; here it is the last time expression before the one
being resolved that has a calendar value. Results are ``approximate`` and their reason names
the reference, so a reader can check it. Expressions that point at an event rather than a date
("the day before the election") are not sent here: :mod:`.tagger` keeps them unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .periods import GRANULARITY_ORDER, Resolution, period_of, shift_months
from .vocabulary import NUMBERS

__all__ = ["Reference", "resolve_against"]

_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_UNIT_DAYS = {"day": 1, "week": 7}
_UNIT = r"(?P<unit>day|week|month|quarter|year)"
_SAME = re.compile(r"^(?:that|the same|the)\s+(?:full\s+|fiscal\s+)?" + _UNIT + r"$")
_NAMED_SHIFT = re.compile(
    r"^(?:the\s+)?(?P<rel>previous|next|following|preceding|prior)\s+" + _UNIT + r"$"
    r"|^(?:the\s+)?" + _UNIT.replace("unit", "unit2") + r"\s+(?P<rel2>before|after)$"
)
_YEAR_AGO = re.compile(
    r"^(?:the\s+)?(?:comparable\s+)?(?:year\s+ago|year\s+earlier|prior\s+year|previous\s+year)"
    r"(?:\s+(?P<ordinal>first|second|third|fourth))?(?:\s+(?P<unit>quarter|period|month))?$"
)
_COUNT = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
    + _UNIT
    + r"s?\s+(?P<rel>earlier|before|later|after)$"
)
_WITHIN = re.compile(r"^(?P<which>earlier|later)\s+that\s+" + _UNIT + r"$")


@dataclass(frozen=True, slots=True)
class Reference:
    """The date an anaphoric expression counts from, and the words that named it."""

    resolution: Resolution
    text: str

    @property
    def usable(self) -> bool:
        found = self.resolution
        return found.start is not None and found.granularity in GRANULARITY_ORDER


def _finer_or_equal(granularity: str, unit: str) -> bool:
    return GRANULARITY_ORDER.index(granularity) <= GRANULARITY_ORDER.index(unit)


def _shift(when: date, unit: str, count: int) -> date:
    if unit in _UNIT_DAYS:
        return when + timedelta(days=_UNIT_DAYS[unit] * count)
    year, month = shift_months(when, _UNIT_MONTHS[unit] * count)
    return date(year, month, min(when.day, 28))


def resolve_against(text: str, reference: Reference) -> Resolution | None:
    """``text`` (normalised: lower case, one space between words) resolved against
    ``reference``; None when it is not an expression of that kind, or the reference is too
    coarse for it ("the next day" after "in March")."""
    if not reference.usable:
        return None
    ref = reference.resolution
    assert ref.start is not None and ref.granularity is not None
    base = ref.start
    named = f"{ref.value} ('{reference.text}', the last date named before it)"

    def at(granularity: str, when: date, what: str) -> Resolution | None:
        return period_of(granularity, when, f"{what} {named}", "approximate")

    within = _WITHIN.match(text)
    if within and _finer_or_equal(ref.granularity, within["unit"]):
        return at(within["unit"], base, f"{within['which']} in the same {within['unit']} as")
    same = _SAME.match(text)
    if same and _finer_or_equal(ref.granularity, same["unit"]):
        return at(same["unit"], base, f"the same {same['unit']} as")
    shift = _NAMED_SHIFT.match(text)
    if shift:
        unit = shift["unit"] or shift["unit2"]
        relation = shift["rel"] or shift["rel2"]
        if not _finer_or_equal(ref.granularity, unit):
            return None
        step = -1 if relation in ("previous", "preceding", "prior", "before") else 1
        return at(unit, _shift(base, unit, step), f"the {unit} {relation}")
    year_ago = _YEAR_AGO.match(text)
    if year_ago:
        if year_ago["ordinal"]:
            number = ("first", "second", "third", "fourth").index(year_ago["ordinal"])
            when = date(base.year - 1, 3 * number + 1, 1)
            return at("quarter", when, "that quarter of the year before")
        unit = year_ago["unit"]
        granularity = "quarter" if unit == "quarter" else "month" if unit == "month" else None
        granularity = granularity or ref.granularity
        if not _finer_or_equal(ref.granularity, granularity):
            granularity = ref.granularity
        return at(granularity, _shift(base, "year", -1), "a year before")
    count = _COUNT.match(text)
    if count:
        number = int(count["n"]) if count["n"].isdigit() else NUMBERS.get(count["n"], -1)
        unit = count["unit"]
        if number < 0 or not _finer_or_equal(ref.granularity, unit):
            return None
        step = -number if count["rel"] in ("earlier", "before") else number
        return at(ref.granularity, _shift(base, unit, step), f"{number} {unit}(s) {count['rel']}")
    return None
