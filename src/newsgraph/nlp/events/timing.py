"""When an event happened: the one place that gives ``Event.time``.

The ``newsgraph_events`` component sets it on every event a coder returns, from the time
expressions of ``newsgraph_times`` (``doc._.ng_times``):

1. A time expression in the event's sentence (``source="sentence"``): when the sentence names
   several usable ones, the one that modifies the trigger wins ("planes sanctioned by the US in
   2023" is 2023, not the Sunday the sentence begins with); else the first resolved one.
2. Else the nearest usable time expression before the sentence in its paragraph
   (``source="context"``).
3. Else the publication date (``source="publication"``).

A usable expression has a resolved start and is not a bare reference ("now", "recently").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Event, EventTime, TimeExpression
from ..extensions import doc_text
from ..text.spans import token_at

__all__ = ["event_time"]

_REFERENCES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def event_time(doc: Doc, event: Event) -> EventTime | None:
    """The time of ``event`` in ``doc``: see the module docstring."""
    times: list[TimeExpression] = doc._.ng_times or []
    start, end = event.sentence_start, event.sentence_end
    resolved = next((t for t in times if start <= t.start < end and t.start_date is not None), None)
    usable = [t for t in times if _usable(t)]
    in_sentence = [t for t in usable if start <= t.start < end]
    if in_sentence:
        trigger = token_at(doc, event.trigger.start)
        if len(in_sentence) > 1 and trigger is not None:
            attached = _attached_time(doc, trigger, in_sentence)
            if attached is not None:
                return EventTime.from_expression(attached, source="sentence")
        return EventTime.from_expression(resolved or in_sentence[0], source="sentence")
    if resolved is not None:
        return EventTime.from_expression(resolved, source="sentence")
    context = _context_time(doc_text(doc), start, usable)
    if context is not None:
        return EventTime.from_expression(context, source="context")
    published = doc._.ng_published
    return EventTime.from_publication(published) if published else None


def _usable(found: TimeExpression) -> bool:
    return found.start_date is not None and found.value not in _REFERENCES


def _attached_time(doc: Doc, trigger: Token, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the trigger's sentence that modifies the trigger itself: its
    first verb above it is the trigger."""
    for found in times:
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        for ancestor in span.root.ancestors:
            if ancestor == trigger:
                return found
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "aux":
                break
    return None


def _context_time(
    text: str, sentence_start: int, times: list[TimeExpression]
) -> TimeExpression | None:
    """The nearest time expression before the event's sentence, in its paragraph."""
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    before = [t for t in times if paragraph_start <= t.start and t.end <= sentence_start]
    return before[-1] if before else None
