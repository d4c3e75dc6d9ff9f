"""How many of something, as the text says it: "eight engines", "14 sets of missiles", "several
aircraft", "dozens of drones", "more than 300 strikes", "what are believed to be missiles".

:func:`quantity_before` reads the words before an item: the count (``None`` when the text gives
none, or only a vague one: "several", "dozens of"), the unit it counts in ("sets of"), whether
it is approximate ("more than 300", "several"), and a hedge on the item itself ("believed to
be"). :func:`tidy_numbers` trims the NER's CARDINAL and QUANTITY spans to the number: without
the qualifier before it ("more than 300" -> "300"; the qualifier is recorded on materiel, not
lost), and without spans that are not quantities: phone numbers, coordinates, the first day of
a range of dates, "one" of "one of them", a number naming a known set ("our two countries")
and words the model took for numbers; a count the NER left without its unit of measure takes it
in and is a QUANTITY ("84 MW"). The words live in ``data/quantity_words.tsv``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ...resources import read_table

__all__ = ["Quantity", "QuantityWords", "number_value", "quantity_before", "quantity_words"]

_KINDS = ("number", "scale", "vague", "approximate", "unit", "hedge", "measure")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_PHONE = re.compile(r"^\+?\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}$")
# Words before a number that make it name a known set, not count one: "our two countries".
_KNOWN_SET = frozenset({"our", "their", "its", "his", "her", "my", "your", "all"})
# Decimal degrees: "33.783; 44.500", "35.0325, 43.6463889".
_COORDINATES = re.compile(r"-?\d{1,3}\.\d{3,}[;,]\s*-?\d{1,3}\.\d{3,}")
# Words before a number that are not part of it, besides the approximate ones ("an additional 125").
_QUALIFIERS = frozenset(
    {("an", "additional"), ("additional",), ("another",), ("a", "further"), ("only",), ("just",)}
)
#: The model's labels for counts and measures.
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """The tables of ``data/quantity_words.tsv``: phrases as tuples of lower-case words."""

    numbers: dict[tuple[str, ...], float]
    scales: dict[str, float]
    vague: frozenset[tuple[str, ...]]
    approximate: frozenset[tuple[str, ...]]
    units: dict[str, str]
    hedges: frozenset[tuple[str, ...]]
    measures: dict[str, str]

    @property
    def longest(self) -> int:
        phrases = [*self.numbers, *self.vague, *self.approximate, *self.hedges]
        return max(len(p) for p in phrases)


@cache
def quantity_words() -> QuantityWords:
    rows: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for row in read_table("quantity_words.tsv"):
        if row["kind"] not in _KINDS:
            raise ValueError(f"quantity_words.tsv: unknown kind {row['kind']!r}")
        rows[row["kind"]].append((tuple(row["words"].lower().split()), row["value"]))
    return QuantityWords(
        numbers={words: float(value) for words, value in rows["number"]},
        scales={words[0]: float(value) for words, value in rows["scale"]},
        vague=frozenset(words for words, _ in rows["vague"]),
        approximate=frozenset(words for words, _ in rows["approximate"]),
        units={words[0]: value for words, value in rows["unit"]},
        hedges=frozenset(words for words, _ in rows["hedge"]),
        measures={words[0]: value for words, value in rows["measure"]},
    )


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity before an item: tokens ``start:end`` of the doc ("14 sets of")."""

    start: int
    end: int
    count: float | None
    unit: str | None
    approximate: bool


@dataclass(frozen=True, slots=True)
class Hedge:
    """Words that make the item uncertain: tokens ``start:end`` ("what are believed to be")."""

    start: int
    end: int


def _lower(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[start:end])


_Phrases = frozenset[tuple[str, ...]] | dict[tuple[str, ...], float]


def _phrase_ending(doc: Doc, end: int, phrases: _Phrases, floor: int) -> int | None:
    """The start of the longest phrase of ``phrases`` that ends at token ``end``."""
    for size in range(min(6, end - floor), 0, -1):
        if _lower(doc, end - size, end) in phrases:
            return end - size
    return None


def number_value(words: list[str]) -> float | None:
    """The value of a number written in digits or words ("1,200", "2.5 million", "twenty five",
    "two hundred and fifty"); None if it is not one."""
    table = quantity_words()
    words = [w for w in words if w not in ("-", "and")]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
            seen = True
        elif word in table.scales and seen:
            scale = table.scales[word]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0.0
        elif (word,) in table.numbers and word not in ("a", "an", "both"):
            current += table.numbers[(word,)]
            seen = True
        else:
            return None
    return total + current if seen else None


def _number_start(doc: Doc, end: int, floor: int) -> int | None:
    """The first token of a number (digits or words) that ends at token ``end``."""
    table = quantity_words()
    start = end
    while start > floor:
        token = doc[start - 1]
        lower = token.lower_
        numeric = (
            bool(_DIGITS.match(lower))
            or (lower,) in table.numbers
            or lower in table.scales
            or (lower in ("-", "and") and start < end)
        )
        if not numeric or lower in ("a", "an", "both", "single"):
            break
        start -= 1
    while start < end and doc[start].lower_ in ("-", "and"):
        start += 1
    return start if start < end else None


def _skip_modifiers(doc: Doc, end: int, floor: int) -> int:
    """Move left over words between a count and its item: "several *Russian* aircraft"."""
    while end > floor:
        token = doc[end - 1]
        if token.pos_ == "ADJ" or token.ent_type_ == "NORP" or token.text in ("-",):
            if (token.lower_,) in quantity_words().numbers or token.lower_ in ("several", "many"):
                break
            end -= 1
            continue
        break
    return end


def quantity_before(doc: Doc, start: int, *, floor: int) -> tuple[Quantity | None, Hedge | None]:
    """The quantity and hedge in the words before the item at token ``start``, not reading
    before token ``floor`` (the sentence start)."""
    table = quantity_words()
    end = _skip_modifiers(doc, start, floor)
    hedge = None
    hedge_start = _phrase_ending(doc, end, table.hedges, floor)
    if hedge_start is not None:
        hedge = Hedge(hedge_start, end)
        end = _skip_modifiers(doc, hedge_start, floor)
    unit = None
    quantity_end = end
    if end > floor and doc[end - 1].lower_ == "of":
        vague = _phrase_ending(doc, end, table.vague, floor)
        if vague is not None:
            return Quantity(vague, end, None, None, True), hedge
        numbered = _phrase_ending(doc, end, table.numbers, floor)
        if numbered is not None:  # "a couple of", "a pair of"
            pair = table.numbers[_lower(doc, numbered, end)]
            return Quantity(numbered, end, pair, None, False), hedge
        if end - 1 > floor and doc[end - 2].lower_ in table.units:
            unit = table.units[doc[end - 2].lower_]
            end -= 2
        else:
            return None, hedge
    number = _number_start(doc, end, floor)
    if number is not None:
        vague = _phrase_ending(doc, number, table.vague, floor)
        if vague is not None:  # "several hundred", "a few thousand"
            return Quantity(vague, quantity_end, None, unit, True), hedge
        value = number_value([t.lower_ for t in doc[number:end]])
        approximate = _phrase_ending(doc, number, table.approximate, floor)
        first = approximate if approximate is not None else number
        return Quantity(first, quantity_end, value, unit, approximate is not None), hedge
    vague = _phrase_ending(doc, end, table.vague, floor)
    if vague is not None:
        return Quantity(vague, quantity_end, None, unit, True), hedge
    single = _phrase_ending(doc, end, table.numbers, floor)
    if single is not None and unit is None:  # "an Il-76", "a single aircraft"
        return Quantity(single, end, table.numbers[_lower(doc, single, end)], None, False), hedge
    if unit is not None:
        return Quantity(end, quantity_end, None, unit, False), hedge
    return None, hedge


def _is_number(span: Span) -> bool:
    table = quantity_words()
    return any(
        t.like_num
        or (t.lower_,) in table.numbers
        or t.lower_ in table.scales
        or t.lower_ in ("dozens", "hundreds", "thousands", "millions", "scores", "multiple")
        for t in span
    )


def _written_with(span: Span) -> str:
    """The span with the tokens written onto it (no space between): "910" of
    "910-432-3383." is "910-432-3383". (Tokens, not ``doc.text``: that is built anew on each
    call, and this runs for every number.)"""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_:
        end += 1
    return doc[start:end].text.rstrip(".,;:)").lstrip("(")


def _not_a_count(span: Span) -> bool:
    """Numbers the NER takes for counts that are not: a phone number ("910-432-3383"), one
    of a pair of coordinates ("33.783; 44.500"), the first day of a range of dates ("5-6
    April"), "one" of "one of them" and "number one", and a number after a possessive ("our
    two countries", "all five chapters"): the set is known already, its size is no news."""
    doc = span.doc
    if _PHONE.match(_written_with(span)):
        return True
    window = doc[max(0, span.start - 3) : span.end + 3]
    for match in _COORDINATES.finditer(window.text):
        start, end = window.start_char + match.start(), window.start_char + match.end()
        if start <= span.start_char and span.end_char <= end:
            return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in ("-", "–") and not span[-1].whitespace_:
        following = after.i + 1
        if following < len(doc) and doc[following].like_num and not after.whitespace_:
            following += 1  # "5-6 April": the other end of the range, then the month
        if following < len(doc) and doc[following].ent_type_ == "DATE":
            return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _KNOWN_SET:
        return True
    if span.text.lower() == "one":
        return (after is not None and after.lower_ == "of") or (
            before is not None and before.lower_ == "number"
        )
    return False


def tidy_numbers(spans: list[Span]) -> list[Span]:
    """The NER's entities with CARDINAL/QUANTITY spans trimmed to the number ("more than 300"
    -> "300") and non-quantities dropped (:func:`_not_a_count`, words that are not
    numbers); other entities unchanged."""
    table = quantity_words()
    tidy: list[Span] = []
    extents = {(span.start, span.end) for span in spans}
    units: set[tuple[int, int]] = set()
    for span in spans:
        if span.label_ not in NUMBER_LABELS:
            tidy.append(span)
            continue
        doc = span.doc
        following = doc[span.end].text if span.end < len(doc) else ""
        if following.startswith("°") or "°" in span.text or not _is_number(span):
            continue
        if _not_a_count(span):
            continue
        start = span.start
        for size in range(min(4, len(span) - 1), 0, -1):
            words = _lower(doc, start, start + size)
            if words in table.approximate or words in _QUALIFIERS:
                start += size
                break
        end, label = span.end, span.label_
        if label == "CARDINAL" and end < len(doc) and doc[end].lower_ in table.measures:
            unit_end = _measure_end(doc, end)
            # The unit alone may be the NER's name ("MW" an ORG): then it is the unit.
            if (end, unit_end) in extents or not any(t.ent_type_ for t in doc[end:unit_end]):
                units.add((end, unit_end))
                end, label = unit_end, "QUANTITY"  # "84 MW", "7,000 m3/s"
        if (start, end) == (span.start, span.end):
            tidy.append(span)
        else:
            tidy.append(Span(doc, start, end, label))
    return [span for span in tidy if (span.start, span.end) not in units]


def _measure_end(doc: Doc, unit: int) -> int:
    """The end of a unit of measure at token ``unit``, with what is written onto it after a
    slash ("m3/s", "km/h")."""
    end = unit + 1
    while (
        end + 1 < len(doc)
        and doc[end].text == "/"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end
