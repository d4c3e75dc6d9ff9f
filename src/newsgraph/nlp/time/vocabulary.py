"""The words time expressions are made of: weekdays, counts, units, seasons, parts of the day,
general references ("recently", "soon"), anaphoric expressions ("the day before"), and spoken
numbers ("nineteen ninety-six", "March eighth").

Tables only, plus :func:`spell_out_numbers`, which rewrites spoken years, decades and ordinals
as digits so that the resolver's patterns see one form.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...ingest.dates import MONTHS

__all__ = [
    "ANAPHORIC",
    "CLOCK_WORDS",
    "FUTURE_REF",
    "HOLIDAYS",
    "NUMBERS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "PAST_REF",
    "PRESENT_REF",
    "SEASONS",
    "TIME_ZONES",
    "UNITS",
    "WEEKDAYS",
    "holiday_date",
    "spell_out_numbers",
    "weekday_name",
]


def _words(text: str) -> list[str]:
    return text.split()


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
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_name(word: str) -> str:
    """The full name of a weekday written in any of its forms ("thurs" -> "thursday")."""
    return _WEEKDAY_NAMES[WEEKDAYS[word]]


#: Counts as they appear in "two days ago", "the past three weeks"; -1 = an unspecified number.
NUMBERS = {
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
UNITS = {
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
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
#: Clock words and the time they name ("midnight Friday" is the end of Friday, as TimeML has it).
CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
TIME_ZONES = frozenset(
    _words("est edt cst cdt mst mdt pst pdt gmt utc bst cet cest eet eest msk ist jst")
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
ORDINALS |= {"4th": 4}

PAST_REF = frozenset(
    {
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
        "past years",
    }
)
PRESENT_REF = frozenset(
    {
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
    }
)
FUTURE_REF = frozenset(
    {
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
        "a later date",
        "coming quarters",
        "future quarters",
    }
)
#: Expressions that point at another event, not at the publication date: never resolved
#: against it ("the day before" the what?).
ANAPHORIC = frozenset(
    {
        "the day before",
        "the previous day",
        "the day after",
        "the next day",
        "the following day",
        "that day",
        "the same day",
        "that same day",
        "earlier that day",
        "later that day",
        "the week before",
        "the previous week",
        "the following week",
        "that week",
        "that month",
        "the previous month",
        "the following month",
        "that year",
        "later that year",
        "earlier that year",
        "the previous year",
        "the following year",
        "the same year",
        "the year before",
        "the year after",
        "the year",
        "the full year",
        "the day",
        "the time",
        "the quarter",
        "that quarter",
        "the same quarter",
        "the year ago quarter",
        "the year earlier quarter",
        "the year ago period",
        "the year earlier period",
        "the year ago",
        "year ago",
        "year earlier",
        "then",
        "at that time",
        "by then",
    }
)

# Holidays with a date computable from the year (as written after normalising: no "'s").
_FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year day": (1, 1),
    "new year eve": (12, 31),
    "new years day": (1, 1),
    "new years eve": (12, 31),
    "boxing day": (12, 26),
    "halloween": (10, 31),
}
HOLIDAYS = frozenset(
    {*_FIXED_HOLIDAYS, "easter", "easter sunday", "thanksgiving", "thanksgiving day"}
)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(name: str, year: int) -> date:
    """The date of a holiday of :data:`HOLIDAYS` in ``year``."""
    if name in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("easter"):
        return _easter(year)
    # Thanksgiving (United States): the fourth Thursday of November.
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


# -- spoken numbers -------------------------------------------------------------------------

_UNIT_WORDS = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS_WORDS = {
    w: 10 * i
    for i, w in enumerate(_words("_ _ twenty thirty forty fifty sixty seventy eighty ninety"))
}
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        _words(
            "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        )
    )
    if w != "_"
} | {"twentieth": 20, "thirtieth": 30}
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else _SUFFIX.get(number % 10, "th")
    return f"{number}{suffix}"


def _two_digits(words: list[str], at: int) -> tuple[int, int] | None:
    """A number 10..99 spoken at ``words[at:]`` ("ninety six", "twelve"): (value, words used)."""
    if at >= len(words):
        return None
    word = words[at]
    if word in _TENS_WORDS and word != "_":
        value = _TENS_WORDS[word]
        if at + 1 < len(words) and 1 <= _UNIT_WORDS.get(words[at + 1], 0) <= 9:
            return value + _UNIT_WORDS[words[at + 1]], 2
        return value, 1
    if 10 <= _UNIT_WORDS.get(word, 0) <= 19:
        return _UNIT_WORDS[word], 1
    return None


def _spoken_year(words: list[str], at: int) -> tuple[int, int] | None:
    """A year spoken at ``words[at:]``: "nineteen ninety six", "two thousand and one"."""
    if words[at] == "two" and at + 1 < len(words) and words[at + 1] == "thousand":
        used = 2
        rest = at + 2
        if rest < len(words) and words[rest] == "and":
            rest += 1
        tail = _two_digits(words, rest)
        if tail is not None:
            return 2000 + tail[0], rest - at + tail[1]
        if rest < len(words) and 1 <= _UNIT_WORDS.get(words[rest], 0) <= 9:
            return 2000 + _UNIT_WORDS[words[rest]], rest - at + 1
        return 2000, used
    head = _two_digits(words, at)
    if head is None or not 11 <= head[0] <= 20 or head[1] != 1:
        return None
    nxt = at + 1
    if nxt < len(words) and words[nxt] == "hundred":
        return head[0] * 100, 2
    if nxt < len(words) and words[nxt] == "oh" and nxt + 1 < len(words):
        unit = _UNIT_WORDS.get(words[nxt + 1], 0)
        if 1 <= unit <= 9:
            return head[0] * 100 + unit, 3
    tail = _two_digits(words, nxt)
    if tail is not None:
        return head[0] * 100 + tail[0], 1 + tail[1]
    return None


def _spoken_ordinal(words: list[str], at: int) -> tuple[int, int] | None:
    """An ordinal 1..31 spoken at ``words[at:]``: "eighth", "twenty first"."""
    word = words[at]
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word], 1
    if word in ("twenty", "thirty") and at + 1 < len(words):
        unit = _ORDINAL_WORDS.get(words[at + 1], 0)
        if 1 <= unit <= 9:
            return _TENS_WORDS[word] + unit, 2
    return None


_MONTH_WORDS = frozenset(MONTHS)
_HAS_NUMBER_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        [*_UNIT_WORDS, *(w for w in _TENS_WORDS if w != "_"), *_ORDINAL_WORDS, *_DECADE_WORDS]
    )
    + r")\b"
)


def spell_out_numbers(text: str) -> str:
    """``text`` (lower case, words separated by spaces) with spoken years, decades and the
    ordinals of dates and centuries as digits: "january nineteen ninety seven" -> "january
    1997", "the nineties" -> "the '90s", "march eighth" -> "march 8th", "the twentieth century"
    -> "the 20th century". Other number words are left alone ("two days ago")."""
    if not _HAS_NUMBER_WORD.search(text):
        return text
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _DECADE_WORDS:
            out.append(f"'{_DECADE_WORDS[word]}0s")
            i += 1
            continue
        year = _spoken_year(words, i)
        if year is not None:
            out.append(str(year[0]))
            i += year[1]
            continue
        ordinal = _spoken_ordinal(words, i)
        if ordinal is not None:
            before = words[i - 1] if i else ""
            after = words[i + ordinal[1]] if i + ordinal[1] < len(words) else ""
            following = words[i + ordinal[1] + 1] if i + ordinal[1] + 1 < len(words) else ""
            if (
                before in _MONTH_WORDS
                or after == "century"
                or (after == "of" and following in _MONTH_WORDS)
            ):
                out.append(_ordinal(ordinal[0]))
                i += ordinal[1]
                continue
        out.append(word)
        i += 1
    return " ".join(out)
