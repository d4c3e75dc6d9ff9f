"""Resolve a time expression against an anchor date (the publication date).

Pure functions, no spaCy: ``resolve("on Sunday", anchor=date(2025, 10, 31))`` gives
``2025-10-26`` with granularity ``day``, type ``exact`` and a readable reason. Values follow
TimeML/ISO-8601 at the expression's granularity (``2025-10-26``, ``2025-W43``, ``2025-10``,
``2025-Q4``, ``2025-SU``, ``2025``, ``199`` for a decade, ``PAST_REF``/``PRESENT_REF``/
``FUTURE_REF``; durations as ``P3D``). What cannot be resolved stays unresolved: never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..ingest.dates import MONTHS, parse_date_line

__all__ = ["Direction", "Resolution", "resolve"]

Direction = Literal["past", "future", "auto"]

WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "several": -1,
    "a few": -1,
    "few": -1,
    "some": -1,
    "many": -1,
    "couple of": 2,
    "a couple of": 2,
}
_UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "10Y",
    "century": "100Y",
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2}
_ORDINALS |= {"3rd": 3, "4th": 4}

_PAST_REF = (
    "recently",
    "lately",
    "previously",
    "formerly",
    "in the past",
    "the past",
    "earlier",
    "once",
    "in recent days",
    "in recent weeks",
    "in recent months",
    "in recent years",
    "recent days",
    "recent weeks",
    "recent months",
    "recent years",
    "in the past few days",
    "in the past few weeks",
    "in the past few months",
    "in the past few years",
    "historically",
    "at the time",
)
_PRESENT_REF = (
    "now",
    "currently",
    "at present",
    "presently",
    "nowadays",
    "these days",
    "right now",
    "at the moment",
    "for now",
    "today's",
    "the present",
    "present",
    "current",
    "so far",
    "to date",
    "as yet",
)
_FUTURE_REF = (
    "soon",
    "in the future",
    "the future",
    "future",
    "in the coming days",
    "in the coming weeks",
    "in the coming months",
    "in the coming years",
    "the coming days",
    "the coming weeks",
    "the coming months",
    "the coming years",
    "shortly",
    "eventually",
    "later",
    "in the near future",
    "the near future",
)
# Expressions that point at another event, not at the publication date.
_ANAPHORIC = (
    "the day before",
    "the previous day",
    "the day after",
    "the next day",
    "the following day",
    "that day",
    "the same day",
    "the week before",
    "the previous week",
    "the following week",
    "the next week",
    "that week",
    "that month",
    "the previous month",
    "the following month",
    "that year",
    "the previous year",
    "the following year",
    "the same year",
    "the year",
    "the day",
    "the time",
    "then",
    "at that time",
    "by then",
)

_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|during|of|for|from|within|throughout|as of|as early as|as late as|"
    r"no later than|before|after|around|about|circa|approximately|some|until|till|through|"
    r"the)\s+)+"
)
_MODIFIER = re.compile(
    r"^(?P<mod>early|mid|late|later|earlier|the end of|end of|the beginning of|beginning of|"
    r"the start of|start of|the middle of|middle of)[\s-]+"
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a time expression means, relative to the anchor."""

    value: str | None
    granularity: str | None
    type: str
    start: date | None = None
    end: date | None = None
    reason: str = ""


def _unresolved(reason: str) -> Resolution:
    return Resolution(None, None, "unresolved", reason=reason)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def _day(day: date, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(day.isoformat(), "day", kind, day, day, reason)


def _week(day: date, reason: str, kind: str = "exact") -> Resolution:
    year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Resolution(f"{year}-W{week:02d}", "week", kind, monday, monday + timedelta(6), reason)


def _month(year: int, month: int, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(
        f"{year:04d}-{month:02d}",
        "month",
        kind,
        date(year, month, 1),
        _month_end(year, month),
        reason,
    )


def _quarter(year: int, quarter: int, reason: str, kind: str = "exact") -> Resolution:
    first = 3 * (quarter - 1) + 1
    return Resolution(
        f"{year:04d}-Q{quarter}",
        "quarter",
        kind,
        date(year, first, 1),
        _month_end(year, first + 2),
        reason,
    )


def _year(year: int, reason: str, kind: str = "exact") -> Resolution:
    return Resolution(f"{year:04d}", "year", kind, date(year, 1, 1), date(year, 12, 31), reason)


def _season(year: int, season: str, reason: str, kind: str = "approximate") -> Resolution:
    code = _SEASONS[season]
    months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}[code]
    start = date(year, months[0], 1)
    end_month = months[1]
    end = _month_end(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
    return Resolution(f"{year:04d}-{code}", "season", kind, start, end, reason)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int, anchor: date, direction: Direction) -> int:
    """The year that puts month/day nearest the anchor, leaning to the past for news."""
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
        return min(future or candidates, key=lambda c: abs((c - anchor).days)).year
    if direction == "past":
        past = [c for c in candidates if c <= anchor]
        return min(past or candidates, key=lambda c: abs((c - anchor).days)).year
    # auto: nearest, but news rarely names a date more than two months ahead without its year.
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    if (best - anchor).days > 60:
        return best.year - 1
    return best.year


def _number(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return _NUMBERS.get(text)


def _weekday(
    name: str, anchor: date, direction: Direction, relation: str | None
) -> tuple[date, str]:
    target = WEEKDAYS[name]
    delta = (anchor.weekday() - target) % 7
    if relation in ("next", "coming", "this coming"):
        # "next Friday" is read as the coming Friday, as most news writers mean it.
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead), f"the {name} after the anchor"
    if relation in ("last", "past", "previous"):
        return anchor - timedelta(days=delta or 7), f"the {name} before the anchor"
    if direction == "future":
        ahead = (target - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead), f"the {name} on or after the anchor (future tense)"
    return anchor - timedelta(days=delta), f"the {name} on or before the anchor"


_RE_AGO = re.compile(
    r"^(?P<n>\d+|a few|a couple of|couple of|[a-z]+)\s+(?P<unit>[a-z]+?)s?\s+(?P<rel>ago|earlier|"
    r"before|later|after|from now|hence|since)$"
)
_RE_RELATIVE_UNIT = re.compile(
    r"^(?P<rel>this|last|next|past|previous|coming|current|the past|the last|the next|the coming|"
    r"this past|this coming)\s+(?P<unit>day|week|weekend|month|quarter|year|decade|century|"
    r"spring|summer|autumn|fall|winter|" + "|".join(WEEKDAYS) + "|" + "|".join(MONTHS) + r")$"
)
_RE_LAST_N = re.compile(
    r"^(?P<rel>past|last|next|coming|previous|first|the past|the last|the next|the coming|"
    r"the previous|the first)\s+(?P<n>\d+|[a-z]+(?: of)?|a few|a couple of)\s+(?P<unit>[a-z]+?)s?$"
)
_RE_DURATION = re.compile(
    r"^(?:(?:more than|less than|nearly|almost|about|around|over|under|some|at least|up to|"
    r"another|the|a further|all)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|a few|a couple of|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")(?:[\s-]+and a half)?[\s-]+"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century)s?"
    r"(?:[\s-]+(?:long|old))?$"
)
_RE_YEAR = re.compile(r"^(?:the\s+)?(?:year\s+)?(?P<year>1[5-9]\d\d|20\d\d)$")
_RE_FISCAL = re.compile(r"^(?:fiscal|fy|financial year)\s*(?P<year>\d{4}|\d{2})$")
_RE_DECADE = re.compile(r"^(?:the\s+)?(?P<decade>1[5-9]\d|20\d)0s$|^(?:the\s+)?'?(?P<short>\d)0s$")
_RE_MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_RE_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$"
)
_RE_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?$")
_RE_QUARTER = re.compile(
    r"^(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$|^q(?P<q>[1-4])\s*(?P<year2>\d{4})?$"
)
_RE_HALF = re.compile(r"^(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
_RE_SEASON = re.compile(
    r"^(?:(?P<rel>this|last|next|past)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_RE_CLOCK = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+[a-z]{2,4})?$"
)
_RE_WEEKDAY_PART = re.compile(
    r"^(?:(?P<rel>last|next|this|past|previous|coming)\s+)?(?P<wd>[a-z]+)\s*"
    r"(?P<part>morning|afternoon|evening|night|overnight)?$"
)
_RE_PART_TODAY = re.compile(
    r"^(?:(?P<which>this|yesterday|tomorrow|today|last|tonight)\s*)"
    r"(?P<part>morning|afternoon|evening|night)?$"
)


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


def resolve(expression: str, *, anchor: date | None, direction: Direction = "auto") -> Resolution:
    """Resolve ``expression`` against ``anchor`` (the publication date).

    ``direction`` says which way an ambiguous expression leans ("on Friday" in a future-tense
    clause is the coming Friday); ``auto`` leans to the past, as news reports mostly do.
    """
    text = " ".join(expression.lower().replace("’", "'").split()).strip(" ,.;:")
    if not text:
        return _unresolved("empty expression")

    # Absolute calendar dates first: they need no anchor.
    full = parse_date_line(text)
    if full is not None:
        return _day(full, "a calendar date")

    if text.startswith(("since ", "from ")) and " to " not in text and " until " not in text:
        inner = resolve(text.split(" ", 1)[1], anchor=anchor, direction="past")
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
    range_match = re.match(
        r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|and|until|till|through)\s+(?P<b>.+)$", text
    )
    if range_match:
        first = resolve(range_match["a"], anchor=anchor, direction=direction)
        second = resolve(range_match["b"], anchor=anchor, direction=direction)
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

    lead = _LEADING.match(text)
    body = text[lead.end() :] if lead else text
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
    result = _resolve_core(body or text, anchor=anchor, direction=direction)
    return _apply_modifier(result, modifier)


def _resolve_core(text: str, *, anchor: date | None, direction: Direction) -> Resolution:
    for table, value, what in (
        (_PAST_REF, "PAST_REF", "the past"),
        (_PRESENT_REF, "PRESENT_REF", "the present"),
        (_FUTURE_REF, "FUTURE_REF", "the future"),
    ):
        if text in table or f"the {text}" in table:
            return Resolution(value, None, "approximate", reason=f"refers to {what} in general")
    if text in _ANAPHORIC or f"the {text}" in _ANAPHORIC:
        return _unresolved("relative to another event in the text, not to the publication date")

    duration = _RE_DURATION.match(text)
    if duration and not text.startswith(("the past", "the last", "the next")):
        n = _number(duration["n"])
        unit = _UNITS[duration["unit"]]
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

    found = _resolve_absolute(text, direction=direction, anchor=anchor)
    if found is not None:
        return found
    for rule in _RELATIVE_RULES:
        found = rule(text, anchor, direction)
        if found is not None:
            return found
    return _unresolved("not a time expression newsgraph can resolve")


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
            start = int(decade["decade"]) * 10
            return Resolution(
                decade["decade"],
                "decade",
                "approximate",
                date(start, 1, 1),
                date(start + 9, 12, 31),
                "a decade",
            )
        if anchor is not None and decade["short"]:
            century = anchor.year // 100 * 100
            start = century + int(decade["short"]) * 10
            if start > anchor.year:
                start -= 100
            return Resolution(
                str(start // 10),
                "decade",
                "approximate",
                date(start, 1, 1),
                date(start + 9, 12, 31),
                "a decade in the anchor's century",
            )
        return None

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
            chosen = _nearest_year(month, 15, anchor, direction)
            return _month(chosen, month, f"a month; year {chosen} from the anchor")
        return None

    quarter = _RE_QUARTER.match(text)
    if quarter:
        number = int(quarter["q"]) if quarter["q"] else _ORDINALS[quarter["ord"]]
        given = quarter["year"] or quarter["year2"]
        if given:
            return _quarter(int(given), number, "a calendar quarter")
        if anchor is None:
            return None
        current = (anchor.month - 1) // 3 + 1
        chosen = anchor.year if number <= current or direction == "future" else anchor.year - 1
        return _quarter(chosen, number, f"a quarter; year {chosen} from the anchor")

    half = _RE_HALF.match(text)
    if half:
        given = half["year"]
        if not given and anchor is None:
            return None
        year_value = int(given) if given else anchor.year  # type: ignore[union-attr]
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
        relation = season["rel"]
        year_value = anchor.year + {"last": -1, "past": -1, "next": 1}.get(relation or "", 0)
        return _season(year_value, season["season"], f"a season relative to {anchor.year}")
    return None


def _rule_today(text: str, anchor: date, direction: Direction) -> Resolution | None:
    simple = {
        "today": (0, "the publication day"),
        "tonight": (0, "the night of the publication day"),
        "yesterday": (-1, "the day before publication"),
        "tomorrow": (1, "the day after publication"),
        "the day before yesterday": (-2, "two days before publication"),
        "day before yesterday": (-2, "two days before publication"),
        "the day after tomorrow": (2, "two days after publication"),
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
    match = _RE_PART_TODAY.match(text)
    if match and match["part"]:
        which = match["which"]
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(which, 0)
        day = anchor + timedelta(days=offset)
        code = _PARTS_OF_DAY[match["part"]]
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
    name = next(n for n, i in WEEKDAYS.items() if i == WEEKDAYS[match["wd"]] and len(n) > 4)
    day, reason = _weekday(name, anchor, direction, match["rel"])
    if match["part"]:
        code = _PARTS_OF_DAY[match["part"]]
        return Resolution(f"{day.isoformat()}T{code}", "part_of_day", "exact", day, day, reason)
    return _day(day, reason)


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
            next(n for n, i in WEEKDAYS.items() if i == WEEKDAYS[unit] and len(n) > 4),
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
        start = (anchor.year // 10 + step) * 10
        return Resolution(
            str(start // 10),
            "decade",
            "approximate",
            date(start, 1, 1),
            date(start + 9, 12, 31),
            what,
        )
    if unit == "century":
        return Resolution(
            str(anchor.year // 100 + step), "century", "approximate", None, None, what
        )
    if unit in _SEASONS:
        return _season(anchor.year + step, unit, what)
    return None


def _rule_ago(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_AGO.match(text)
    if not match or match["unit"] not in _UNITS:
        return None
    relation = match["rel"]
    if relation in ("earlier", "before", "later", "after"):
        return _unresolved("counted from another event in the text, not from the publication date")
    count = _number(match["n"])
    if count is None:
        return None
    sign = 1 if relation in ("from now", "hence") else -1
    unit = match["unit"]
    if count < 0:
        value = {"day": "PAST_REF", "week": "PAST_REF"}.get(
            unit, "PAST_REF" if sign < 0 else "FUTURE_REF"
        )
        return Resolution(
            value if sign < 0 else "FUTURE_REF",
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
        year = anchor.year + sign * 10 * count
        return Resolution(
            str(year // 10),
            "decade",
            "approximate",
            date(year // 10 * 10, 1, 1),
            date(year // 10 * 10 + 9, 12, 31),
            reason,
        )
    if unit == "hour":
        return _day(anchor, reason, "approximate")
    return None


def _rule_last_n(text: str, anchor: date, direction: Direction) -> Resolution | None:
    match = _RE_LAST_N.match(text)
    if not match:
        return None
    unit = match["unit"]
    if unit not in _UNITS or unit in ("weekend",):
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
    value = f"P{count}{_UNITS[unit]}"
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
        "a clock time, taken on the publication day",
    )


_RELATIVE_RULES: tuple[Callable[[str, date, Direction], Resolution | None], ...] = (
    _rule_today,
    _rule_weekday,
    _rule_relative_unit,
    _rule_ago,
    _rule_last_n,
    _rule_clock,
)
