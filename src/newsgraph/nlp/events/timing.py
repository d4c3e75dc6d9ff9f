"""When an event happened, and what time it refers to: the one place that gives ``Event.time``
and ``Event.target_time``.

The ``newsgraph_events`` component sets both on every event a coder returns, from the time
expressions of ``newsgraph_times`` (``doc._.ng_times``) and the publication date.

``time`` is when the act happened or was said: for "Minsk has asked Moscow to supply systems
ahead of exercises next spring" the asking's date, for a statement the statement's date.
``target_time`` is the time the act points at: the deadline, the scheduled date of the thing
asked for, offered or agreed ("next spring", "by 2030", "until the end of the decade").

A usable time expression has a resolved start and is not a bare reference ("now", "recently").
Each usable one is an *act* time or a *target* time:

- a target time lies after the publication date ("next spring"), or is a deadline or an end
  ("by", "until", "before", "ahead of", "through" ...) that publication has not passed;
- any other is an act time ("on Thursday", "last week", "in 2023", "this month").

``time`` is then, in this order:

1. An act time in the event's sentence (``source="sentence"``): when there are several, the one
   that modifies the trigger ("planes sanctioned by the US in 2023" is 2023, not the Sunday the
   sentence begins with); else the first.
2. A scheduled act keeps a future time: when the trigger is grammatically scheduled (a "will",
   "is to", "plans to", "is expected to", "a planned visit") and a future time that is not a
   deadline modifies it ("will visit Moscow next week"), that time is ``time``, and the event
   has no ``target_time``. This is the one way ``time`` can lie after the publication date.
3. The nearest act time before the sentence in its paragraph (``source="context"``).
4. The publication date (``source="publication"``): the dateline dates the report of the act.

``target_time`` is the target time of the event's sentence that the trigger governs (it lies in
the trigger's subtree, or in that of the verb governing a noun trigger: "planning a visit");
else None. A target time in the sentence that the trigger does not govern belongs to another
clause and is left to that clause's events.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...model import Event, EventTime, TimeExpression
from ..extensions import doc_text
from ..text.spans import token_at

__all__ = ["event_time", "event_times"]

_REFERENCES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
# Words just before a time expression (or at its start) that make it a deadline or an end.
_DEADLINES = frozenset({"by", "until", "till", "before", "through", "throughout", "into"})
_DEADLINE_PAIRS = frozenset({"ahead of", "later than", "in time for"})
# What makes an act scheduled: a future auxiliary on the trigger, or a governing word of plans.
_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
_SCHEDULE_LEMMAS = frozenset(
    {"plan", "schedule", "expect", "intend", "set", "due", "prepare", "going", "be"}
)
_SCHEDULE_MODIFIERS = frozenset({"planned", "scheduled", "upcoming", "forthcoming", "expected"})


def event_time(doc: Doc, event: Event) -> EventTime | None:
    """The act time of ``event`` in ``doc``: see the module docstring."""
    return event_times(doc, event)[0]


def event_times(doc: Doc, event: Event) -> tuple[EventTime | None, EventTime | None]:
    """``(time, target_time)`` of ``event`` in ``doc``: see the module docstring."""
    published: date | None = doc._.ng_published
    times: list[TimeExpression] = doc._.ng_times or []
    start, end = event.sentence_start, event.sentence_end
    text = doc_text(doc)
    trigger = token_at(doc, event.trigger.start)
    in_sentence = [t for t in times if start <= t.start < end]
    usable = [t for t in in_sentence if _usable(t)]
    targets = [t for t in usable if _is_target(text, t, published)]
    acts = [t for t in usable if t not in targets]
    governed = [t for t in targets if trigger is not None and _governs(doc, trigger, t)]

    if acts:
        chosen = None
        if len(acts) > 1 and trigger is not None:
            chosen = _attached_time(doc, trigger, acts)
        return EventTime.from_expression(chosen or acts[0], source="sentence"), _target(governed)

    if trigger is not None and _scheduled(trigger):
        for found in governed:
            if not _deadline(text, found) and _attached_time(doc, trigger, [found]) is not None:
                scheduled = EventTime.from_expression(found, source="sentence")
                why = "the act is scheduled for then"
                return replace(scheduled, reason=f"{scheduled.reason}; {why}"), None

    # A reference the sentence resolves ("now"), as before: only one not in the future.
    resolved = next(
        (
            t
            for t in in_sentence
            if t.start_date is not None
            and t.value != "FUTURE_REF"
            and t not in targets
            and not (published is not None and t.start_date > published)
        ),
        None,
    )
    if resolved is not None:
        return EventTime.from_expression(resolved, source="sentence"), _target(governed)
    context = _context_time(text, start, [t for t in times if _usable(t)], published)
    if context is not None:
        return EventTime.from_expression(context, source="context"), _target(governed)
    act = EventTime.from_publication(published) if published else None
    return act, _target(governed)


def _target(governed: list[TimeExpression]) -> EventTime | None:
    return EventTime.from_expression(governed[0], source="sentence") if governed else None


def _usable(found: TimeExpression) -> bool:
    return found.start_date is not None and found.value not in _REFERENCES


def _words_before(text: str, offset: int, count: int) -> str:
    return " ".join(text[max(0, offset - 40) : offset].lower().split()[-count:])


def _deadline(text: str, found: TimeExpression) -> bool:
    """Written as a deadline or an end: "by 2030", "until the end of the decade", "ahead of"."""
    first = found.text.lower().split(maxsplit=1)[0] if found.text.strip() else ""
    if first in _DEADLINES or _words_before(text, found.start, 1) in _DEADLINES:
        return True
    leading = " ".join(found.text.lower().split()[:3])
    return _words_before(text, found.start, 2) in _DEADLINE_PAIRS or any(
        leading.startswith(pair) for pair in _DEADLINE_PAIRS
    )


def _is_target(text: str, found: TimeExpression, published: date | None) -> bool:
    """A time the act points at, not the act's own: after publication, or a deadline not yet
    past at publication (a deadline wholly before it dates a done act: "delivered by 2023")."""
    assert found.start_date is not None
    if published is not None and found.start_date > published:
        return True
    if not _deadline(text, found):
        return False
    last = found.end_date or found.start_date
    return published is None or last >= published


def _span(doc: Doc, found: TimeExpression) -> Span | None:
    return doc.char_span(found.start, found.end, alignment_mode="expand")


def _governs(doc: Doc, trigger: Token, found: TimeExpression) -> bool:
    """The trigger (or the verb above a noun trigger) has the expression in its subtree, not
    in a clause coordinated with it ("sanctioned X last week, and plans elections in 2027")."""
    span = _span(doc, found)
    if span is None:
        return False
    heads = {trigger}
    if trigger.pos_ not in ("VERB", "AUX"):
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            heads.add(verb)
    node = span.root
    while node not in heads:
        if node.head == node:
            return False
        if node.head in heads and node.dep_ in ("conj", "parataxis"):
            return False
        node = node.head
    return True


def _scheduled(trigger: Token) -> bool:
    """The text puts the act itself in the future: "will visit", "is to visit", "plans to
    visit", "is expected to visit ... when he visits", "planning a visit", "a planned visit"."""
    node: Token | None = trigger
    for _ in range(4):
        if node is None:
            return False
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUXILIARIES:
                return True
            if child.dep_ == "amod" and child.lower_ in _SCHEDULE_MODIFIERS:
                return True
        head = node.head
        if head == node:
            return False
        lemma = head.lemma_.lower()
        if node.dep_ in ("xcomp", "dobj", "nsubjpass") and lemma in _SCHEDULE_LEMMAS - {"be"}:
            return True
        if node.dep_ == "xcomp" and lemma == "be" and _is_infinitive(node):
            return True  # "is to visit"
        if node.dep_ not in ("xcomp", "advcl", "conj", "dobj", "pobj", "prep"):
            return False
        node = head
    return False


def _is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _attached_time(doc: Doc, trigger: Token, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the trigger's sentence that modifies the trigger itself: its
    first verb above it is the trigger."""
    for found in times:
        span = _span(doc, found)
        if span is None:
            continue
        for ancestor in span.root.ancestors:
            if ancestor == trigger:
                return found
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "aux":
                break
    return None


def _context_time(
    text: str, sentence_start: int, times: list[TimeExpression], published: date | None
) -> TimeExpression | None:
    """The nearest act time before the event's sentence, in its paragraph: a target time
    there ("planned for next spring") dates another act, not this one."""
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    before = [
        t
        for t in times
        if paragraph_start <= t.start
        and t.end <= sentence_start
        and not _is_target(text, t, published)
    ]
    return before[-1] if before else None
