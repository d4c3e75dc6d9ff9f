"""The rule coder (``coder = "rules"``): the events of each parsed sentence, as records.

:class:`.candidates.CandidateFinder` finds the candidates of a sentence (see :mod:`.candidates`
for how triggers, frames and arguments are coded); here each becomes an
:class:`~newsgraph.model.Event` (:func:`.records.event_record`) with its actors and recipients
(:func:`.participants.event_actors`) and the coder's confidence. The component gives it its time.

Other coders can reuse this one's work: :meth:`RuleCoder.candidates` gives a sentence's rule
candidates (trigger, CAMEO code, argument words) and :meth:`RuleCoder.code_sentence` its events.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...model import Event, EventActor
from ..parsing import is_parsed, trigger_index
from .candidates import Candidate, CandidateFinder
from .categories import HOST_VISIT
from .coders import register
from .codes import plover_of
from .lexicon import Lexicon
from .participants import event_actors
from .records import event_record, sentence_event_id

__all__ = ["EXTRACTOR", "RuleCoder"]

EXTRACTOR = "rules-v1"


@register("rules")
class RuleCoder:
    """Codes events by the CAMEO verb dictionary, event nouns and frames (:mod:`.candidates`)."""

    name = "rules"

    def __init__(self, nlp: Language | None = None, *, lex: Lexicon | None = None) -> None:
        self.finder = CandidateFinder(lex)
        self.index = trigger_index()

    def code(self, doc: Doc) -> list[Event]:
        events: list[Event] = []
        for sent in doc.sents:
            # Only sentences with a trigger and an actor candidate, whether or not the parser
            # ran on the others: the same events with every sentence parsed as with selective
            # parsing ("Shells crashed into the port" names no actor and holds no event).
            if is_parsed(sent) and self.index.is_candidate(sent):
                events.extend(self.code_sentence(doc, sent))
        return events

    def candidates(self, sent: Span) -> list[Candidate]:
        """The rule candidates of one parsed sentence, in trigger order: proposals another
        coder can rescore or relabel."""
        return sorted(self.finder.candidates(sent), key=lambda c: c.trigger.i)

    def code_sentence(self, doc: Doc, sent: Span) -> list[Event]:
        """The events of one parsed sentence, as records (without their time)."""
        events: list[Event] = []
        seen: set[str] = set()
        tools = self.finder.lex.words["tools"]
        for candidate in self.candidates(sent):
            plover = plover_of(candidate.code)
            if plover is None:
                continue
            trigger = candidate.trigger
            identifier = sentence_event_id(doc, sent, trigger, event_type=plover[0])
            if identifier in seen:
                continue
            seen.add(identifier)
            actors = event_actors(candidate.actors, trigger)
            recipients = [
                r
                for r in event_actors(
                    [t for t in candidate.recipients if t.lemma_.lower() not in tools], trigger
                )
                if all(r.start != a.start for a in actors)
            ]
            if candidate.code.startswith(HOST_VISIT):
                # PLOVER: "the visitor will always be coded as the actor and the host will be
                # the recipient"; CAMEO's 043 (host a visit) has the host as source.
                actors, recipients = recipients, actors
            event = event_record(
                doc,
                sent,
                trigger,
                code=candidate.code,
                actors=actors,
                recipients=recipients,
                negated=candidate.negated,
                confidence=_ranked(self.finder.confidence(candidate), actors),
                extractor=EXTRACTOR,
            )
            if event is not None:
                events.append(event)
        return events


def _ranked(confidence: float, actors: list[EventActor]) -> float:
    """The coder's confidence, a little higher when an actor is resolved to a code: PETRARCH
    codes no event without a coded source, and an event whose actor is known is the likelier
    reading of its sentence."""
    if any(a.actor.code for a in actors):
        confidence += 0.05
    return round(min(confidence, 0.99), 4)
