"""Resolve a time expression against an anchor date (the publication date).

Pure functions, no spaCy: ``resolve("on Sunday", anchor=date(2025, 10, 31))`` gives
``2025-10-26`` with granularity ``day``, type ``exact`` and a readable reason. Values follow
TimeML/ISO-8601 at the expression's granularity (``2025-10-26``, ``2025-W43``, ``2025-10``,
``2025-Q4``, ``2025-SU``, ``2025``, ``199`` for a decade, ``19`` for a century,
``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``; durations as ``P3D``). What cannot be resolved stays
unresolved: never guessed. An expression the rules do not know as a whole is read from its
most specific part ("the first nine months of 1997" -> 1997), marked approximate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from ...ingest.dates import MONTHS, parse_date_line
from .periods import Resolution
from .periods import approximate as _approximate
from .periods import day as _day
from .periods import decade as _decade
from .periods import month as _month
from .periods import quarter as _quarter
from .periods import season as _season
from .periods import shift_months as _shift_months
from .periods import unresolved as _unresolved
from .periods import week as _week
from .periods import year as _year
from .vocabulary import (
    ANAPHORIC,
    CLOCK_WORDS,
    FUTURE_REF,
    HOLIDAYS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_REF,
    PRESENT_REF,
    SEASONS,
    TIME_ZONES,
    UNITS,
    WEEKDAYS,
    holiday_date,
    spell_out_numbers,
    weekday_name,
)

__all__ = [
    "COUNTED_FROM_EVENT",
    "NOT_A_TIME",
    "ON_PUBLICATION_DAY",
    "RELATIVE_TO_EVENT",
    "Direction",
    "Resolution",
    "normalise",
    "resolve",
]

Direction = Literal["past", "future", "auto"]

#: The reason given when no rule knows an expression.
NOT_A_TIME = "not a time expression newsgraph can resolve"
#: In the reason of a time of day named without its day (the tagger may move it to a day
#: named just before).
ON_PUBLICATION_DAY = "taken on the publication day"
#: The reasons given to expressions that count from another event or date in the text; the
#: time tagger resolves them against the last date named before them (:mod:`.reference`).
RELATIVE_TO_EVENT = "relative to another event in the text, not to the publication date"
COUNTED_FROM_EVENT = "counted from another event in the text, not from the publication date"
_REFS = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
# A day named without its year reaches at most this far back in a past-tense clause, or ahead
# in a future one; beyond that the writer meant the nearer occurrence.
_REACH_DAYS = 183
# Words before the time proper that change nothing ...
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|during|of|for|from|within|throughout|as of|no later than|before|after|"
    r"until|till|through|the|its|their|his|her|both|just|only|even|sometime|some time)\s+)+"
)
# ... and words that make it approximate ("nearly four years ago", "as early as next week").
_APPROXIMATE = re.compile(
    r"^(?:(?:around|about|circa|approximately|roughly|nearly|almost|some|more than|less than|"
    r"over|at least|at most|as early as|as late as|as soon as)\s+)+"
)
_MODIFIER = re.compile(
    r"^(?P<mod>early|mid|late|later|earlier|the end of|end of|the beginning of|beginning of|"
    r"the start of|start of|the middle of|middle of)[\s-]+"
)


def _nearest_year(month: int, day: int, anchor: date, direction: Direction) -> int:
    """The year that puts month/day nearest the anchor, leaning to the past for news.

    A date named without its year is a recent or a coming one: in a past-tense clause the last
    occurrence, unless that is more than half a year back (then the writer meant a coming
    date: "declared a dividend payable Dec. 7"); in a future-tense clause the next, unless that
    is more than half a year ahead ("by Jan. 14" written on Jan. 15); otherwise the nearest,
    unless that is more than two months ahead.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    if direction == "future":
        future = [c for c in candidates if c >= anchor]
        soonest = min(future) if future else None
        if soonest is not None and (soonest - anchor).days <= _REACH_DAYS:
            return soonest.year
    if direction == "past":
        past = [c for c in candidates if c <= anchor]
        latest = max(past) if past else None
        if latest is not None and (anchor - latest).days <= _REACH_DAYS:
            return latest.year
    # auto: nearest, but news rarely names a date more than two months ahead without its year.
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    if (best - anchor).days > 60:
        return best.year - 1
    return best.year


def _month_year(month: int, anchor: date, direction: Direction) -> int:
    """The year of a month named without one: the anchor's own month is this year's; in a
    past-tense clause the last such month, in a future one the next; otherwise the nearest,
    unless that is more than two months ahead."""
    if month == anchor.month:
        return anchor.year
    if direction == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "past":
        return anchor.year if month < anchor.month else anchor.year - 1
    ahead = (month - anchor.month) % 12
    if ahead <= 2:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year if month < anchor.month else anchor.year - 1


def _number(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def _weekday(
    name: str, anchor: date, direction: Direction, relation: str | None
) -> tuple[date, str]:
    target = WEEKDAYS[name]
    delta = (anchor.weekday() - target) % 7
    if relation in ("next", "coming", "this coming"):
        # "next Friday" is read as the coming Friday, as most news writers mean it.
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead), f"the {name} after the anchor"
    if relation in ("last", "past", "previous", "this past"):
        return anchor - timedelta(days=delta or 7), f"the {name} before the anchor"
    if direction == "future":
        ahead = (target - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead), f"the {name} on or after the anchor (future tense)"
    return anchor - timedelta(days=delta), f"the {name} on or before the anchor"


_NUMBER_WORDS = "|".join(sorted(NUMBERS, key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL_WORDS = "|".join(ORDINALS)
_RE_AGO = re.compile(
    r"^(?P<n>\d+|a few|a couple of|couple of|[a-z]+)\s+(?P<unit>[a-z]+?)s?\s+(?P<rel>ago|earlier|"
    r"before|later|after|from now|hence|since)$"
)
_RE_RELATIVE_UNIT = re.compile(
    r"^(?P<rel>this|last|next|past|previous|coming|current|the past|the last|the next|the coming|"
    r"this past|this coming)\s+(?P<unit>day|week|weekend|month|quarter|year|decade|century|"
    r"spring|summer|autumn|fall|winter|" + _WEEKDAY_WORDS + "|" + _MONTH_WORDS + r")$"
)
_RE_LAST_N = re.compile(
    r"^(?P<rel>past|last|next|coming|previous|first|the past|the last|the next|the coming|"
    r"the previous|the first)\s+(?P<n>\d+|[a-z]+(?: of)?|a few|a couple of)\s+(?P<unit>[a-z]+?)s?$"
)
_RE_DURATION = re.compile(
    r"^(?:(?:more than|less than|nearly|almost|about|around|over|under|some|at least|up to|"
    r"another|the|a further|all)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|a few|a couple of|" + _NUMBER_WORDS + r")(?:[\s-]+and a half)?[\s-]+"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century)s?"
    r"(?:[\s-]+(?:long|old))?$"
)
_RE_YEAR = re.compile(r"^(?:the\s+)?(?:year\s+)?(?P<year>1[5-9]\d\d|20\d\d)$")
_RE_FISCAL = re.compile(r"^(?:fiscal|fy|financial year)\s*(?P<year>\d{4}|\d{2})$")
_RE_DECADE = re.compile(r"^(?:the\s+)?(?P<decade>1[5-9]\d|20\d)0s$|^(?:the\s+)?'?(?P<short>\d)0s$")
_RE_CENTURY = re.compile(r"^(?P<n>\d{1,2})(?:st|nd|rd|th) century$")
_RE_MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_RE_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$"
)
_RE_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?$")
_RE_MONTH_RELATIVE_YEAR = re.compile(
    r"^(?P<month>" + _MONTH_WORDS + r")\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year$"
)
# "the third quarter", "third-quarter", "the 1988 second quarter", "this year's third quarter",
# "the fiscal first quarter", "q3 2024"
_RE_QUARTER = re.compile(
    r"^(?:(?P<rel>this|last|next)\s+year\s+|(?P<year0>\d{4})\s+)?(?P<fiscal>fiscal\s+)?"
    r"(?P<ord>" + _ORDINAL_WORDS + r")\s+(?:fiscal\s+)?quarter"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$|^q(?P<q>[1-4])\s*(?P<year2>\d{4})?$"
)
_RE_LATEST_QUARTER = re.compile(r"^(?:latest|most recent|last full|last complete)\s+quarter$")
_RE_HALF = re.compile(
    r"^(?P<ord>first|second|last)\s+half(?:\s+(?:of\s+)?(?:the\s+)?(?P<year>\d{4}|year))?$"
)
_RE_SEASON = re.compile(
    r"^(?:(?P<rel>this|last|next|past|this past|this coming|coming)\s+)?"
    r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_RE_YEAR_AGO_PERIOD = re.compile(r"^(?:comparable\s+)?(?:year ago|year earlier|prior year)\s")
_RE_YEAR_END = re.compile(r"^(?:(?P<rel>this|last|next)\s+)?year\s+end$")
_RE_CLOCK = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+[a-z]{2,4})?$"
)
_CLOCK_PART = (
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h2>\d{1,2})[:.](?P<m2>\d{2})|(?P<word>noon|midday|midnight))"
    r"(?:\s+(?P<tz>" + "|".join(sorted(TIME_ZONES)) + r"))?"
)
_RE_CLOCK_THEN_DAY = re.compile(r"^" + _CLOCK_PART + r"[,\s]+(?:on\s+)?(?P<rest>.+)$")
_RE_DAY_THEN_CLOCK = re.compile(r"^(?P<rest>.+?)[,\s]+(?:at\s+)?" + _CLOCK_PART + r"$")
_RE_WEEKDAY_DATE = re.compile(
    r"^(?:(?:this coming|this|next|last|coming)\s+)?(?:"
    + _WEEKDAY_WORDS
    + r")\.?,?\s+(?P<rest>.+)$"
)
_RE_WEEKDAY_PART = re.compile(
    r"^(?:(?P<rel>last|next|this|past|previous|coming|this past|this coming)\s+)?(?P<wd>[a-z]+)\s*"
    r"(?P<part>morning|afternoon|evening|night|overnight)?$"
)
_RE_PART_TODAY = re.compile(
    r"^(?:(?P<which>this|yesterday|tomorrow|today|last|tonight)\s*)"
    r"(?P<part>morning|afternoon|evening|night)?$"
)
_RE_PART_THEN_DAY = re.compile(
    r"^(?P<part>morning|afternoon|evening|night)\s+(?P<which>yesterday|today|tomorrow)$"
)
_RE_PART_OF_DAY = re.compile(r"^(?P<part>morning|afternoon|evening|night|overnight)$")
_RANGE = re.compile(r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|and|until|till|through)\s+(?P<b>.+)$")


def normalise(expression: str) -> str:
    """Lower case, one spelling: no possessive 's, hyphens between words as spaces, spoken
    years and ordinals as digits."""
    text = expression.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[a-z])'s\b", "", text)
    text = re.sub(r"(?<=[a-z]s)'(?=\s|$)", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    text = " ".join(text.split()).strip(' ,.;:!?"()[]_`')
    return spell_out_numbers(text)


def _apply_modifier(result: Resolution, modifier: str | None) -> Resolution:
    if modifier is None or result.type in ("unresolved", "duration"):
        return result
    word = modifier.split()[-1] if modifier.startswith("the") else modifier.split()[0]
    reason = f"{result.reason}; '{modifier}' narrows it"
    start, end = result.start, result.end
    if start and end and end > start:
        span = (end - start).days
        third = timedelta(days=span // 3)
        if word in ("early", "earlier", "beginning", "start"):
            end = start + third
        elif word in ("late", "end", "later"):
            start = end - third
        elif word in ("mid", "middle"):
            start, end = start + third, end - third
    return Resolution(result.value, result.granularity, "approximate", start, end, reason)


@lru_cache(maxsize=8192)
def resolve(expression: str, *, anchor: date | None, direction: Direction = "auto") -> Resolution:
    """Resolve ``expression`` against ``anchor`` (the publication date).

    ``direction`` says which way an ambiguous expression leans ("on Friday" in a future-tense
    clause is the coming Friday); ``auto`` leans to the past, as news reports mostly do.
    """
    text = normalise(expression)
    if not text:
        return _unresolved("empty expression")
    found = _resolve_text(text, anchor=anchor, direction=direction)
    if found.type == "unresolved" and found.reason == NOT_A_TIME:
        part = _resolve_part(text, anchor=anchor, direction=direction)
        if part is not None:
            return part
    return found


def _resolve_part(text: str, *, anchor: date | None, direction: Direction) -> Resolution | None:
    """The longest part of ``text`` that resolves to a date ("the first nine months of 1997",
    "the year ending tomorrow", "an aug. 10, 1988"), as an approximate reading of the whole;
    else the duration it names ("three days of talks"), if any."""
    words = text.split()
    if len(words) < 2 or len(words) > 10:
        return None
    duration = None
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = " ".join(words[first : first + size])
            found = _resolve_text(part, anchor=anchor, direction=direction)
            if found.start is not None and found.value not in _REFS:
                return _approximate(found, f"read from '{part}' in '{text}'")
            if found.type == "duration" and duration is None:
                duration = replace(found, reason=f"{found.reason} ('{part}' in '{text}')")
    # "three days of talks": a length, not an offset
    return duration


def _resolve_text(text: str, *, anchor: date | None, direction: Direction) -> Resolution:
    # Absolute calendar dates first: they need no anchor.
    full = parse_date_line(text)
    if full is not None:
        return _day(full, "a calendar date")

    if text.startswith(("since ", "from ")) and " to " not in text and " until " not in text:
        inner = _resolve_text(text.split(" ", 1)[1], anchor=anchor, direction="past")
        if inner.start is not None and anchor is not None:
            return Resolution(
                inner.value,
                inner.granularity,
                "range",
                inner.start,
                anchor,
                f"from {inner.value} ({inner.reason}) to the anchor",
            )
        return _unresolved(f"start of range not resolved: {inner.reason}")
    range_match = _RANGE.match(text)
    if range_match:
        first = _resolve_text(range_match["a"], anchor=anchor, direction=direction)
        second = _resolve_text(range_match["b"], anchor=anchor, direction=direction)
        if first.start and second.end:
            return Resolution(
                first.value,
                first.granularity,
                "range",
                first.start,
                second.end,
                f"from {first.value} to {second.value}",
            )
        return _unresolved("range ends not resolved")

    vague = None
    if " or so" in text:
        text, vague = text.replace(" or so", ""), "'or so'"
    body = text
    while True:
        lead = _LEADING.match(body) or _APPROXIMATE.match(body)
        if not lead or lead.end() == len(body):
            break
        if _APPROXIMATE.match(body):
            vague = f"'{lead.group(0).strip()}'"
        body = body[lead.end() :]
    if body == "weekend":
        body = "this weekend"
    modifier = None
    mod = _MODIFIER.match(body)
    if mod:
        modifier = mod["mod"]
        body = _LEADING.sub("", body[mod.end() :])
        if body in ("year", "month", "week", "weekend", "day", "quarter", "decade"):
            # "the end of the year" in news means this year's end.
            body = f"this {body}"
    result = _apply_modifier(_resolve_core(body, anchor=anchor, direction=direction), modifier)
    return _approximate(result, f"{vague} makes it approximate") if vague else result


def _resolve_core(text: str, *, anchor: date | None, direction: Direction) -> Resolution:
    for table, value, what in (
        (PAST_REF, "PAST_REF", "the past"),
        (PRESENT_REF, "PRESENT_REF", "the present"),
        (FUTURE_REF, "FUTURE_REF", "the future"),
    ):
        if text in table or f"the {text}" in table:
            return Resolution(value, None, "approximate", reason=f"refers to {what} in general")
    if text in ANAPHORIC or f"the {text}" in ANAPHORIC or _RE_YEAR_AGO_PERIOD.match(text):
        return _unresolved(RELATIVE_TO_EVENT)
    if "fiscal year" in text:
        found = _resolve_core(
            text.replace("fiscal year", "year"), anchor=anchor, direction=direction
        )
        return _approximate(found, "a fiscal year, read as the calendar year")

    duration = _RE_DURATION.match(text)
    if duration and not text.startswith(("the past", "the last", "the next")):
        n = _number(duration["n"])
        unit = UNITS[duration["unit"]]
        amount = "X" if n is None or n < 0 else str(n)
        if unit in ("H", "M", "S") and duration["unit"] in ("hour", "minute", "second"):
            value = f"PT{amount}{unit}"
        else:
            value = f"P{amount}{unit}"
        return Resolution(value, None, "duration", reason="a length of time, not a point in time")

    if anchor is None:
        return _resolve_absolute(text, direction=direction) or _unresolved(
            "relative expression and no publication date to resolve it against"
        )

    absolute = _resolve_absolute(text, direction=direction, anchor=anchor)
    if absolute is not None:
        return absolute
    for rule in _RELATIVE_RULES:
        relative = rule(text, anchor, direction)
        if relative is not None:
            return relative
    return _unresolved(NOT_A_TIME)


def _resolve_absolute(
    text: str, *, direction: Direction, anchor: date | None = None
) -> Resolution | None:
    year = _RE_YEAR.match(text)
    if year:
        return _year(int(year["year"]), "a calendar year")
    fiscal = _RE_FISCAL.match(text)
    if fiscal:
        value = int(fiscal["year"])
        value = value + 2000 if value < 100 else value
        return _year(value, "a fiscal year (read as the calendar year)", "approximate")
    decade = _RE_DECADE.match(text)
    if decade:
        if decade["decade"]:
            return _decade(int(decade["decade"]) * 10, "a decade")
        if anchor is not None and decade["short"]:
            hundreds = anchor.year // 100 * 100
            start = hundreds + int(decade["short"]) * 10
            if start > anchor.year:
                start -= 100
            return _decade(start, "a decade in the anchor's century")
        return None
    century = _RE_CENTURY.match(text)
    if century and 1 <= int(century["n"]) <= 21:
        first = (int(century["n"]) - 1) * 100
        return Resolution(
            f"{first // 100:02d}",
            "century",
            "approximate",
            date(max(first, 1), 1, 1),
            date(first + 99, 12, 31),
            "a century",
        )

    for pattern in (_RE_MONTH_DAY_YEAR, _RE_DAY_MONTH_YEAR):
        match = pattern.match(text)
        if match and match["month"] in MONTHS:
            month, day = MONTHS[match["month"]], int(match["day"])
            if match["year"]:
                try:
                    return _day(date(int(match["year"]), month, day), "a calendar date")
                except ValueError:
                    return None
            if anchor is None:
                return None
            chosen = _nearest_year(month, day, anchor, direction)
            try:
                return _day(
                    date(chosen, month, day), f"month and day; year {chosen} from the anchor"
                )
            except ValueError:
                return None

    match = _RE_MONTH_YEAR.match(text)
    if match and match["month"] in MONTHS:
        month = MONTHS[match["month"]]
        if match["year"]:
            return _month(int(match["year"]), month, "a calendar month")
        if anchor is not None:
            chosen = _month_year(month, anchor, direction)
            return _month(chosen, month, f"a month; year {chosen} from the anchor")
        return None

    quarter = _RE_QUARTER.match(text)
    if quarter:
        return _quarter_of(quarter, anchor, direction)

    half = _RE_HALF.match(text)
    if half:
        given = half["year"]
        if given in (None, "year") and anchor is None:
            return None
        year_value = int(given) if given and given != "year" else anchor.year  # type: ignore[union-attr]
        first = half["ord"] == "first"
        return Resolution(
            f"{year_value:04d}-H{1 if first else 2}",
            "half",
            "exact",
            date(year_value, 1 if first else 7, 1),
            date(year_value, 6, 30) if first else date(year_value, 12, 31),
            "a half year",
        )

    season = _RE_SEASON.match(text)
    if season:
        if season["year"]:
            return _season(int(season["year"]), season["season"], "a season of a given year")
        if anchor is None:
            return None
        return _season_near(season["season"], season["rel"], anchor, direction)
    return None


def _quarter_of(
    match: re.Match[str], anchor: date | None, direction: Direction
) -> Resolution | None:
    number = int(match["q"]) if match["q"] else ORDINALS[match["ord"]]
    kind = "approximate" if match["fiscal"] else "exact"
    what = "a fiscal quarter (read as the calendar quarter)" if kind != "exact" else "a quarter"
    given = match["year"] or match["year2"] or match["year0"]
    if given:
        return _quarter(int(given), number, f"{what} of a given year", kind)
    if anchor is None:
        return None
    if match["rel"]:
        chosen = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]
        return _quarter(chosen, number, f"{what} of {match['rel']} year", kind)
    current = (anchor.month - 1) // 3 + 1
    chosen = anchor.year if number <= current or direction == "future" else anchor.year - 1
    return _quarter(chosen, number, f"{what}; year {chosen} from the anchor", kind)


def _season_near(
    season: str, relation: str | None, anchor: date, direction: Direction
) -> Resolution:
    """ "last summer": the latest summer over by the anchor; "next summer": the first to begin
    after it; "this summer" (or a bare "summer"): the anchor year's, unless the tense says
    otherwise."""
    this_year = _season(anchor.year, season, "")
    if relation in ("last", "past", "this past") or (relation is None and direction == "past"):
        year = (
            anchor.year if this_year.end is not None and this_year.end < anchor else anchor.year - 1
        )
        return _season(year, season, f"the latest {season} over by the anchor")
    if relation in ("next", "coming", "this coming") or (
        relation is None and direction == "future"
    ):
        year = (
            anchor.year
            if this_year.start is not None and this_year.start > anchor
            else anchor.year + 1
        )
        return _season(year, season, f"the first {season} after the anchor")
    return _season(anchor.year, season, f"the {season} of {anchor.year}")


def _rule_today(text: str, anchor: date, direction: Direction) -> Resolution | None:
    simple = {
        "today": (0, "the publication day"),
        "tonight": (0, "the night of the publication day"),
        "yesterday": (-1, "the day before publication"),
        "tomorrow": (1, "the day after publication"),
        "the day before yesterday": (-2, "two days before publication"),
        "day before yesterday": (-2, "two days before publication"),
        "the day after tomorrow": (2, "two days after publication"),
        "day after tomorrow": (2, "two days after publication"),
        "this week": (None, "the week of publication"),
    }
    if text in simple:
        offset, reason = simple[text]
        if offset is None:
            return _week(anchor, reason)
        result = _day(anchor + timedelta(days=offset), reason)
        if text == "tonight":
            return Resolution(
                f"{result.value}TNI", "part_of_day", "exact", result.start, result.end, reason
            )
        return result
    match = _RE_PART_TODAY.match(text) or _RE_PART_THEN_DAY.match(text)
    if match and match["part"]:
        which = match["which"]
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(which, 0)
        day = anchor + timedelta(days=offset)
        code = PARTS_OF_DAY[match["part"]]
        return Resolution(
            f"{day.isoformat()}T{code}",
            "part_of_day",
            "exact",
            day,
            day,
            f"{which} {match['part']} relative to the publication day",
        )
    return None


def _rule_weekday(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_WEEKDAY_PART.match(text)
    if not match or match["wd"] not in WEEKDAYS:
        return None
    day, reason = _weekday(weekday_name(match["wd"]), anchor, direction, match["rel"])
    if match["part"]:
        code = PARTS_OF_DAY[match["part"]]
        return Resolution(f"{day.isoformat()}T{code}", "part_of_day", "exact", day, day, reason)
    return _day(day, reason)


def _rule_weekday_date(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """ "Saturday, April 25": the date decides; the weekday only confirms it."""
    match = _RE_WEEKDAY_DATE.match(text)
    if not match:
        return None
    found = _resolve_absolute(match["rest"], direction=direction, anchor=anchor)
    if found is None or found.granularity != "day":
        return None
    return replace(found, reason=f"{found.reason} (with its weekday)")


def _clock(match: re.Match[str]) -> str | None:
    """HH:MM of a clock match (``_CLOCK_PART``), or None when it is not a time of day."""
    if match["word"]:
        return CLOCK_WORDS[match["word"]]
    hour = int(match["h"] or match["h2"])
    minute = int(match["m"] or match["m2"] or 0)
    ampm = match["ampm"] or ""
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _rule_clock_day(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """A time of day with its day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6",
    "Tuesday at 9:30"."""
    match = _RE_CLOCK_THEN_DAY.match(text) or _RE_DAY_THEN_CLOCK.match(text)
    if not match:
        return None
    clock = _clock(match)
    if clock is None:
        return None
    day = _resolve_core(match["rest"], anchor=anchor, direction=direction)
    if day.granularity != "day" or day.start is None:
        return None
    return Resolution(
        f"{day.start.isoformat()}T{clock}",
        "time",
        day.type,
        day.start,
        day.end,
        f"{clock} on {day.value} ({day.reason})",
    )


def _rule_month_relative_year(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """ "June last year", "January this year", "April next year"."""
    match = _RE_MONTH_RELATIVE_YEAR.match(text)
    if not match:
        return None
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]
    return _month(year, MONTHS[match["month"]], f"a month of {match['rel']} year")


def _rule_year_end(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """ "Year-end", "year's end": the last day of this (or the named) year, approximately."""
    match = _RE_YEAR_END.match(text)
    if not match:
        return None
    year = anchor.year + {"last": -1, "next": 1}.get(match["rel"] or "", 0)
    return _day(date(year, 12, 31), f"the end of {year}", "approximate")


def _rule_latest_quarter(text: str, anchor: date, direction: Direction) -> Resolution | None:
    if not _RE_LATEST_QUARTER.match(text):
        return None
    index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
    return _quarter(index // 4, index % 4 + 1, "the last full quarter before the anchor")


def _rule_part_of_day(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """A part of the day or a clock word alone ("the morning", "overnight", "midday"): of the
    publication day (the time tagger moves it to a day named just before, if any)."""
    if text in CLOCK_WORDS:
        return Resolution(
            f"{anchor.isoformat()}T{CLOCK_WORDS[text]}",
            "time",
            "approximate",
            anchor,
            anchor,
            f"{text}, {ON_PUBLICATION_DAY}",
        )
    match = _RE_PART_OF_DAY.match(text)
    if not match:
        return None
    code = PARTS_OF_DAY[match["part"]]
    return Resolution(
        f"{anchor.isoformat()}T{code}",
        "part_of_day",
        "approximate",
        anchor,
        anchor,
        f"the {match['part']}, {ON_PUBLICATION_DAY}",
    )


def _rule_holiday(text: str, anchor: date, direction: Direction) -> Resolution | None:
    """A holiday with a fixed or computable date ("Christmas", "Easter", "Thanksgiving")."""
    if text not in HOLIDAYS:
        return None
    candidates = []
    for year_value in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidates.append(holiday_date(text, year_value))
    month_day = min(candidates, key=lambda d: abs((d - anchor).days))
    chosen = _nearest_year(month_day.month, month_day.day, anchor, direction)
    found = holiday_date(text, chosen)
    return _day(found, f"{text} of {chosen}")


def _rule_relative_unit(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_RELATIVE_UNIT.match(text)
    if not match:
        return None
    relation = match["rel"].removeprefix("the ").removeprefix("this ").strip()
    unit = match["unit"]
    step = {
        "this": 0,
        "current": 0,
        "last": -1,
        "past": -1,
        "previous": -1,
        "next": 1,
        "coming": 1,
    }.get(relation, 0)
    if match["rel"] in ("the past", "the last", "this past"):
        step = -1
    if match["rel"] in ("the next", "the coming", "this coming"):
        step = 1
    if unit in WEEKDAYS:
        day, reason = _weekday(
            weekday_name(unit),
            anchor,
            direction,
            relation if step else "this coming" if direction == "future" else None,
        )
        return _day(day, reason)
    if unit in MONTHS:
        month = MONTHS[unit]
        if step < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif step > 0:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        return _month(year, month, f"{match['rel']} {unit} relative to the anchor")
    what = f"{match['rel']} {unit} relative to the publication date"
    if relation == "past" and unit in ("day", "week", "month", "year"):
        # "the past year" is the twelve months up to publication, not last calendar year.
        return _rule_last_n(f"past one {unit}", anchor, direction)
    if unit == "day":
        return _day(anchor + timedelta(days=step), what)
    if unit == "week":
        return _week(anchor + timedelta(weeks=step), what)
    if unit == "weekend":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 + 7 * step)
        if step < 0 or (step == 0 and direction == "past"):
            saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        year, week, _ = saturday.isocalendar()
        return Resolution(
            f"{year}-W{week:02d}-WE",
            "weekend",
            "exact",
            saturday,
            saturday + timedelta(days=1),
            what,
        )
    if unit == "month":
        year, month = _shift_months(anchor, step)
        return _month(year, month, what)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return _quarter(index // 4, index % 4 + 1, what)
    if unit == "year":
        return _year(anchor.year + step, what)
    if unit == "decade":
        return replace(_decade((anchor.year // 10 + step) * 10, what), reason=what)
    if unit == "century":
        return Resolution(
            f"{anchor.year // 100 + step:02d}", "century", "approximate", None, None, what
        )
    if unit in SEASONS:
        relation_word = {-1: "last", 1: "next"}.get(step)
        return _season_near(unit, relation_word, anchor, direction)
    return None


def _rule_ago(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_AGO.match(text)
    if not match or match["unit"] not in UNITS:
        return None
    relation = match["rel"]
    if relation in ("earlier", "before", "later", "after"):
        return _unresolved(COUNTED_FROM_EVENT)
    count = _number(match["n"])
    if count is None:
        return None
    sign = 1 if relation in ("from now", "hence") else -1
    unit = match["unit"]
    if count < 0:
        return Resolution(
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            None,
            "approximate",
            reason=f"an unspecified number of {unit}s {relation}",
        )
    reason = f"{count} {unit}(s) {relation} the publication date"
    if unit == "day":
        return _day(anchor + timedelta(days=sign * count), reason)
    if unit == "week":
        return _week(anchor + timedelta(weeks=sign * count), reason)
    if unit == "month":
        year, month = _shift_months(anchor, sign * count)
        return _month(year, month, reason)
    if unit == "year":
        return _year(anchor.year + sign * count, reason)
    if unit == "decade":
        return replace(_decade((anchor.year + sign * 10 * count) // 10 * 10, reason), reason=reason)
    if unit == "hour":
        return _day(anchor, reason, "approximate")
    return None


def _rule_last_n(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_LAST_N.match(text)
    if not match:
        return None
    unit = match["unit"]
    if unit not in UNITS or unit in ("weekend",):
        return None
    count = _number(match["n"].removesuffix(" of"))
    if count is None:
        return None
    relation = match["rel"].removeprefix("the ")
    if count < 0:
        ref = "FUTURE_REF" if relation in ("next", "coming") else "PAST_REF"
        return Resolution(ref, None, "approximate", reason=f"the {relation} few {unit}s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650, "hour": 0}.get(unit)
    if days is None:
        return None
    span = timedelta(days=days * count)
    value = f"P{count}{UNITS[unit]}"
    if relation in ("next", "coming"):
        return Resolution(
            value,
            None,
            "range",
            anchor,
            anchor + span,
            f"the {count} {unit}(s) after the publication date",
        )
    if relation == "first":
        return _unresolved("counted from the start of another period")
    return Resolution(
        value,
        None,
        "range",
        anchor - span,
        anchor,
        f"the {count} {unit}(s) up to the publication date",
    )


def _rule_clock(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_CLOCK.match(text)
    if not match or not (match["m"] or match["ampm"]):
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    if match["ampm"] and match["ampm"].startswith("p") and hour < 12:
        hour += 12
    if match["ampm"] and match["ampm"].startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return Resolution(
        f"{anchor.isoformat()}T{hour:02d}:{minute:02d}",
        "time",
        "approximate",
        anchor,
        anchor,
        f"a clock time, {ON_PUBLICATION_DAY}",
    )


_RELATIVE_RULES: tuple[Callable[[str, date, Direction], Resolution | None], ...] = (
    _rule_today,
    _rule_weekday,
    _rule_weekday_date,
    _rule_relative_unit,
    _rule_month_relative_year,
    _rule_year_end,
    _rule_latest_quarter,
    _rule_ago,
    _rule_last_n,
    _rule_clock_day,
    _rule_clock,
    _rule_part_of_day,
    _rule_holiday,
)
