"""The ``newsgraph_events`` component: events of each parsed sentence, as records.

:class:`.coder.EventCoder` finds the candidates of a sentence (see :mod:`.coder` for how triggers,
frames and arguments are coded); here each becomes an :class:`~newsgraph.model.Event`: PLOVER
type and mode from its CAMEO code (:mod:`.codes`), score and quad class (:mod:`.plover`), stable
id, trigger and sentence spans, time, and its actors and recipients, each resolved through
:func:`.mentions.actor_for` (the actor resolver's mention that contains the argument's head
word) or else kept as its words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, EventActor, EventTime, TimeExpression, event_id
from ..model import Span as TextSpan
from .arguments import with_conjuncts
from .coder import EventCoder
from .codes import bridged, plover_of
from .mentions import actor_for
from .parsing import is_parsed
from .plover import plover_quad, plover_score

__all__ = ["EXTRACTOR", "EventTagger", "code_sentence"]

EXTRACTOR = "rules-v1"


def _phrase(token: Token) -> Span:
    """The words naming an argument: its entity if it is in one, else the head with its
    compounds, adjectives and possessor ("American troops", "a senior aide")."""
    doc = token.doc
    if token.ent_iob_ != "O" and token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and child.i < left:
            left = child.left_edge.i if child.dep_ == "poss" else child.i
    return doc[left : token.i + 1]


def _event_actor(token: Token) -> EventActor:
    resolved = actor_for(token)
    if resolved is not None:
        return resolved
    span = _phrase(token)
    # "the Russian capital", "Russian planes": a resolved name modifying the head stands for
    # the phrase's actor when the head itself names none.
    for word in span:
        if word.i != token.i and word.head.i == token.i and word.dep_ in _NAMING_MODIFIERS:
            modifier = actor_for(word)
            if modifier is not None:
                return EventActor(modifier.actor, span.start_char, span.end_char, span.text)
    return EventActor(Actor(name=span.text), span.start_char, span.end_char, span.text)


_NAMING_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})


def _time_for(doc: Doc, sent: Span, times: list[TimeExpression]) -> EventTime | None:
    """The first resolved point or range in the sentence, else the publication date."""
    for found in times:
        if sent.start_char <= found.start < sent.end_char and found.start_date is not None:
            return EventTime.from_expression(found, source="sentence")
    published = doc._.ng_published
    return EventTime.from_publication(published) if published else None


def _unique(tokens: list[Token]) -> list[EventActor]:
    found: list[EventActor] = []
    for token in with_conjuncts(tokens):
        actor = _event_actor(token)
        if all((a.start, a.end) != (actor.start, actor.end) for a in found):
            found.append(actor)
    return found


def code_sentence(
    doc: Doc, sent: Span, *, coder: EventCoder, times: list[TimeExpression]
) -> list[Event]:
    """The events of one parsed sentence, as records."""
    events: list[Event] = []
    seen: set[str] = set()
    for candidate in sorted(coder.candidates(sent), key=lambda c: c.trigger.i):
        plover = plover_of(candidate.code)
        if plover is None:
            continue
        kind, mode = plover
        trigger = candidate.trigger
        identifier = event_id(
            doc._.ng_doc_id,
            sentence_start=sent.start_char,
            trigger_start=trigger.idx,
            event_type=kind,
        )
        if identifier in seen:
            continue
        seen.add(identifier)
        actors = _unique(candidate.actors)
        recipients = [
            r
            for r in _unique(
                [
                    t
                    for t in candidate.recipients
                    if t.lemma_.lower() not in coder.lex.words["tools"]
                ]
            )
            if all(r.start != a.start for a in actors)
        ]
        if candidate.code.startswith("043"):
            # PLOVER: "the visitor will always be coded as the actor and the host will be the
            # recipient"; CAMEO's 043 (host a visit) has the host as source.
            actors, recipients = recipients, actors
        events.append(
            Event(
                id=identifier,
                type=kind,
                mode=mode,
                cameo=bridged(candidate.code),
                quad=plover_quad(kind),
                score=plover_score(kind, mode),
                trigger=TextSpan(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                actors=tuple(actors),
                recipients=tuple(recipients),
                time=_time_for(doc, sent, times),
                negated=candidate.negated,
                confidence=coder.confidence(candidate),
                extractor=EXTRACTOR,
            )
        )
    return events


class EventTagger:
    """Fill ``doc._.ng_events`` from the parsed sentences."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events") -> None:
        self.name = name
        self.coder = EventCoder()

    def __call__(self, doc: Doc) -> Doc:
        times: list[TimeExpression] = doc._.ng_times or []
        events: list[Event] = []
        for sent in doc.sents:
            if is_parsed(sent):
                events.extend(code_sentence(doc, sent, coder=self.coder, times=times))
        doc._.ng_events = events
        return doc
