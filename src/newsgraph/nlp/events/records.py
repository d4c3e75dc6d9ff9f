"""An event record from what a coder found: a CAMEO code, a trigger word in a sentence, and the
actors and recipients.

Every coder builds its events here, so type, mode, quad class, score and id mean the same
whichever coder found the event: PLOVER type and mode from the CAMEO code (:mod:`.codes`), quad
class and score (:mod:`.plover`), the stable id of :func:`newsgraph.model.event_id`. The time
is not a coder's to set: the ``newsgraph_events`` component gives every event its time
(:mod:`.timing`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...model import Event, EventActor, event_id
from ...model import Span as TextSpan
from .codes import bridged, plover_of
from .plover import plover_quad, plover_score

__all__ = ["event_record", "sentence_event_id"]


def sentence_event_id(doc: Doc, sent: Span, trigger: Token, *, event_type: str) -> str:
    """The stable id of the event of type ``event_type`` that ``trigger`` names in ``sent``."""
    return event_id(
        doc._.ng_doc_id,
        sentence_start=sent.start_char,
        trigger_start=trigger.idx,
        event_type=event_type,
    )


def event_record(
    doc: Doc,
    sent: Span,
    trigger: Token,
    *,
    code: str,
    actors: Sequence[EventActor],
    recipients: Sequence[EventActor],
    negated: bool = False,
    confidence: float = 0.0,
    extractor: str,
) -> Event | None:
    """The event ``trigger`` names with the CAMEO ``code``; None when PLOVER codes no event for
    the code (CAMEO 01, statements) or does not know it. Actors and recipients are records
    already (:func:`.participants.event_actors` makes them from argument words)."""
    plover = plover_of(code)
    if plover is None:
        return None
    kind, mode = plover
    return Event(
        id=sentence_event_id(doc, sent, trigger, event_type=kind),
        type=kind,
        mode=mode,
        cameo=bridged(code),
        quad=plover_quad(kind),
        score=plover_score(kind, mode),
        trigger=TextSpan(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        actors=tuple(actors),
        recipients=tuple(recipients),
        negated=negated,
        confidence=confidence,
        extractor=extractor,
    )
