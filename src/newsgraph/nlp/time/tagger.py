"""Time expressions: found by the NER (DATE, TIME) and a few adverbs; resolved by ``timexpr``.

Before resolving, the NER's spans are tidied the way TimeML reads them: a time of day joins its
day ("noon" + "Thursday", "Friday" + "evening"), a deictic word the NER left out joins its unit
("this" + "year" in "this year's election"), bare numbers (ages, counts) are dropped, and a
range of two dates ("Aug. 26 to Oct. 20") becomes its two ends, each of type ``range``. Which way
an ambiguous expression leans (last Friday or next?) comes from the tense of its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...model import TimeExpression
from .expressions import (
    COUNTED_FROM_EVENT,
    ON_PUBLICATION_DAY,
    RELATIVE_TO_EVENT,
    Direction,
    Resolution,
    normalise,
    resolve,
)
from .reference import Reference, resolve_against

__all__ = ["TimeTagger", "direction_of"]

# Time adverbs the NER leaves out but TimeML counts as time expressions.
_ADVERBS = (
    "now",
    "currently",
    "recently",
    "lately",
    "nowadays",
    "at present",
    "presently",
    "previously",
    "formerly",
    "in the past",
    "in the future",
    "in recent weeks",
    "in recent days",
    "in recent months",
    "in recent years",
    "in the coming days",
    "in the coming weeks",
    "in the coming months",
    "soon",
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "is scheduled to", "are expected in", "is due": a plan, so its date lies ahead.
_PLAN_LEMMAS = frozenset(
    {"schedule", "expect", "set", "plan", "slate", "due", "intend", "aim", "prepare", "hope"}
)
# "by Dec. 15", "until Tuesday", "as soon as Tuesday", "effective Feb. 1": a deadline or a start,
# ahead unless the verb is past.
_DEADLINE_WORDS = frozenset(
    {"by", "until", "till", "through", "effective", "payable", "as soon as", "as early as"}
)
# "postponed until Tuesday", "extended to Nov. 16": the new date lies ahead.
_RESCHEDULE_LEMMAS = frozenset({"postpone", "delay", "extend", "defer", "adjourn", "push"})
_PAST_AUX = frozenset({"had", "has", "have", "was", "were", "did"})
# "promised delivery by December", "threatened sanctions by January", "asked them to leave by
# Friday": a deadline set by a commitment or a demand lies ahead of it, whatever its tense.
_COMMITMENT_LEMMAS = frozenset(
    {
        "promise", "pledge", "vow", "threaten", "agree", "offer", "ask", "request", "demand",
        "urge", "order", "commit", "undertake", "guarantee", "warn", "instruct",
    }
)  # fmt: skip
_DEICTIC = frozenset({"this", "last", "next", "that", "coming", "past"})
_UNIT_WORDS = frozenset({"year", "month", "week", "quarter", "weekend", "decade", "century"})
_JOINABLE_GAP = frozenset({"", ",", "at", "on"})
_SPLIT = re.compile(
    r"^(?P<between>(?:from|between)\s+)?(?P<a>.+?)\s+"
    r"(?P<sep>to|through|until|till|and|-|–|ended|ending)\s+(?P<b>.+)$",
    re.IGNORECASE,
)
_REFS = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_YEARISH = re.compile(r"^(1\d{3}|20\d{2})$")


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    text: str
    label: str


def _governing_verb(token: Token) -> Token | None:
    """The verb the expression modifies: its head, or the head of its preposition ("on
    Sunday"). An expression inside a noun phrase ("Friday's ruling") has none."""
    head = token.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.i != token.i:
        return head
    return None


def direction_of(span: Span) -> Direction:
    """Which way the clause of ``span`` leans: ``future`` for "will meet on Sunday", "is
    scheduled to close Monday", "to be completed by Dec. 15", "meets Monday" (the present tense
    of news announcing a plan); ``past`` for a past tense; else ``auto``."""
    verb = _governing_verb(span.root)
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if span.start >= 3 and doc[span.start - 3 : span.start].text.lower() in _DEADLINE_WORDS:
        before = doc[span.start - 3 : span.start].text.lower()
    if verb is None:
        return "future" if before in _DEADLINE_WORDS else "auto"
    children = list(verb.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if verb.lower_ in _FUTURE_AUX or auxiliaries & _FUTURE_AUX:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return "future"
    if verb.lemma_ in _PLAN_LEMMAS or (
        verb.lemma_ in _RESCHEDULE_LEMMAS and before in ("to", "until", "till")
    ):
        return "future"
    if (
        before in _DEADLINE_WORDS
        and "had" not in auxiliaries
        and (
            verb.lemma_ in _COMMITMENT_LEMMAS
            or ("to" in auxiliaries and verb.head.lemma_ in _COMMITMENT_LEMMAS)
        )
    ):
        return "future"
    if "to" in auxiliaries:
        # An infinitive: what is to be done lies ahead of the clause it depends on, which may
        # itself be past ("asked them to send engineers on Tuesday": either side of now).
        matrix = verb.head
        return "auto" if matrix.i != verb.i and matrix.tag_ == "VBD" else "future"
    if verb.tag_ == "VBD" or auxiliaries & _PAST_AUX:
        return "past"
    if before in _DEADLINE_WORDS:
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        return "future"
    return "auto"


def _pieces(doc: Doc, spans: list[Span]) -> list[_Piece]:
    """The NER's DATE/TIME spans, tidied (see the module docstring)."""
    ordered = sorted(spans, key=lambda s: s.start)
    merged: list[tuple[int, int, str]] = []
    for span in ordered:
        label = span.label_ or "DATE"
        if merged:
            start, end, previous = merged[-1]
            gap = doc[end : span.start].text.strip().lower()
            if gap in _JOINABLE_GAP and "TIME" in (previous, label) and previous != label:
                merged[-1] = (start, span.end, "DATE")
                continue
        merged.append((span.start, span.end, label))
    pieces: list[_Piece] = []
    for start, end, label in merged:
        if start > 0 and doc[start].lower_ in _UNIT_WORDS and doc[start - 1].lower_ in _DEICTIC:
            start -= 1
        span = doc[start:end]
        text = span.text
        if text.isdigit() and not _YEARISH.match(text):
            continue  # a bare number the NER took for a date: an age, a count
        pieces.append(_Piece(span.start_char, span.end_char, text, label))
    return pieces


def _expression(piece: _Piece, found: Resolution, *, start: int, end: int) -> TimeExpression:
    return TimeExpression(
        start=start,
        end=end,
        text=piece.text[start - piece.start : end - piece.start],
        value=found.value,
        granularity=found.granularity,
        type=found.type,
        start_date=found.start,
        end_date=found.end,
        reason=found.reason,
    )


def _split(piece: _Piece, anchor: date | None, direction: Direction) -> list[TimeExpression]:
    """A range of two dates ("Aug. 26 to Oct. 20", "between 1994 and 1997") as its two ends,
    each of type ``range``; a period with its end ("the quarter ended Sept. 30") as the period
    and the date. Empty when ``piece`` is neither."""
    match = _SPLIT.match(piece.text)
    if not match or (match["sep"] == "and" and not match["between"]):
        return []
    if match["sep"] in ("ended", "ending"):
        period = resolve(match["a"], anchor=anchor, direction=direction)
        end = resolve(
            match["b"], anchor=anchor, direction="past" if match["sep"] == "ended" else "auto"
        )
        if end.start is None:
            return []
        parts = ((match["a"], period, match.start("a")), (match["b"], end, match.start("b")))
        return [
            _expression(piece, found, start=piece.start + at, end=piece.start + at + len(text))
            for text, found, at in parts
        ]
    first = resolve(match["a"], anchor=anchor, direction=direction)
    second = resolve(match["b"], anchor=anchor, direction=direction)
    if first.start is None or second.end is None or first.start > second.end:
        return []
    reason = f"one end of the range '{piece.text}'"
    found = []
    for part, resolution, at in (
        (match["a"], first, match.start("a")),
        (match["b"], second, match.start("b")),
    ):
        end_of_range = Resolution(
            resolution.value,
            resolution.granularity,
            "range",
            first.start,
            second.end,
            f"{resolution.reason}; {reason}",
        )
        begin = piece.start + at
        found.append(_expression(piece, end_of_range, start=begin, end=begin + len(part)))
    return found


class TimeTagger:
    """Fill ``doc._.ng_times``: every time expression, resolved against ``doc._.ng_published``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_times") -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("TIME_ADVERB", [nlp.make_doc(text) for text in _ADVERBS])

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.ng_published
        spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        taken = {i for span in spans for i in range(span.start, span.end)}
        for _, start, end in self.matcher(doc):
            if not taken.intersection(range(start, end)):
                spans.append(doc[start:end])
                taken.update(range(start, end))
        times: list[TimeExpression] = []
        reference: Reference | None = None
        for piece in _pieces(doc, spans):
            span = doc.char_span(piece.start, piece.end)
            direction = direction_of(span) if span is not None else "auto"
            found_parts = _split(piece, anchor, direction) if " " in piece.text else []
            anaphoric = False
            if not found_parts:
                found = resolve(piece.text, anchor=anchor, direction=direction)
                if (
                    found.reason in (RELATIVE_TO_EVENT, COUNTED_FROM_EVENT)
                    and reference is not None
                    and not (span is not None and _points_at_event(span))
                ):
                    found = resolve_against(normalise(piece.text), reference) or found
                    anaphoric = True
                elif ON_PUBLICATION_DAY in found.reason and reference is not None:
                    found = _on_reference_day(found, reference)
                    anaphoric = True
                found_parts = [_expression(piece, found, start=piece.start, end=piece.end)]
            times.extend(found_parts)
            if anaphoric:
                continue  # the reference time stays the last date the text itself named
            for part in found_parts:
                candidate = Reference(_resolution(part), part.text)
                if candidate.usable and part.value not in _REFS:
                    reference = candidate
                    break
        doc._.ng_times = times
        return doc


def _points_at_event(span: Span) -> bool:
    """ "the day before the election", "two days after his death": counted from an event the
    words name, not from a date."""
    if span.end >= len(span.doc) or span[-1].lower_ not in ("before", "after"):
        return False
    following = span.doc[span.end]
    return following.pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ")


def _on_reference_day(found: Resolution, reference: Reference) -> Resolution:
    """A time of day named alone ("at 10 p.m.") on the day named just before it, if that is a
    day; else as it was (on the publication day)."""
    day = reference.resolution
    if day.granularity != "day" or day.start is None or found.value is None:
        return found
    what = found.reason.split(",")[0]
    reason = f"{what}, on {day.value} ('{reference.text}', the last date named before it)"
    return Resolution(
        day.start.isoformat() + found.value[10:],
        found.granularity,
        "approximate",
        day.start,
        day.end,
        reason,
    )


def _resolution(found: TimeExpression) -> Resolution:
    return Resolution(
        found.value, found.granularity, found.type, found.start_date, found.end_date, found.reason
    )
