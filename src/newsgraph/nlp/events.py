"""The ``newsgraph_events`` component: events of each parsed sentence, as records.

:class:`.coder.EventCoder` finds the candidates of a sentence (see :mod:`.coder` for how triggers,
frames and arguments are coded); here each becomes an :class:`~newsgraph.model.Event`: PLOVER
type and mode from its CAMEO code (:mod:`.codes`), score and quad class (:mod:`.plover`), stable
id, trigger and sentence spans, time, and its actors and recipients, each resolved through
:func:`.mentions.actor_for` (the actor resolver's mention that contains the argument's head
word), else coded by the name that places a generic phrase ("opposition groups in Zimbabwe",
docs/schema.md "How events are coded"), else kept as its words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, EventActor, EventTime, TimeExpression, event_id
from ..model import Span as TextSpan
from .arguments import with_conjuncts
from .coder import EventCoder
from .codes import bridged, plover_of
from .lexicon import lexicon
from .mentions import actor_for
from .parsing import is_parsed, trigger_index
from .plover import plover_quad, plover_score
from .spans import entity_at

__all__ = ["EXTRACTOR", "EventTagger", "code_sentence"]

EXTRACTOR = "rules-v1"


def _phrase(token: Token) -> Span:
    """The words naming an argument: its entity if it is in one, else the head with its
    compounds, adjectives and possessor ("American troops", "a senior aide")."""
    doc = token.doc
    entity = entity_at(token)
    if entity is not None:
        return entity
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and child.i < left:
            left = child.left_edge.i if child.dep_ == "poss" else child.i
    return doc[left : token.i + 1]


def _event_actor(token: Token, trigger: Token) -> EventActor:
    resolved = actor_for(token)
    span = _phrase(token)
    if _ethnic(token):
        # CAMEO codes an ethnic group by the country it lives in: "ethnic Albanians in
        # Serbia" are SRB.
        home = next((found for w in token.rights for found in _placed_in(w)), None)
        home = home or _local_place(token, trigger, anyone=True)
        if home is not None:
            start = min(c.i for c in token.children if c.dep_ == "amod" and c.lower_ == "ethnic")
            return _standing_for(resolved, home, token.doc[min(start, span.start) : span.end])
    if resolved is not None and resolved.actor.code:
        return resolved
    larger = _coded_at(token)
    if larger is not None:
        return larger
    # "the Russian capital", "Russian planes": a resolved name modifying the head stands for
    # the phrase's actor when the head itself names none.
    for word in span:
        if word.i != token.i and word.head.i == token.i and word.dep_ in _NAMING_MODIFIERS:
            modifier = actor_for(word)
            if modifier is not None and modifier.actor.code:
                return _standing_for(resolved, modifier.actor, span)
    # "opposition groups in Zimbabwe", "a member of the Syrian parliament", "the minister,
    # Aftab Sherpao": a generic head is placed by the name after it, the way PETRARCH codes
    # an agent by the country it is in or belongs to.
    for word in token.rights:
        named = _apposed_or_placed(word)
        if named is not None:
            actor, last = named
            return _standing_for(resolved, actor, token.doc[span.start : last.i + 1])
    local = _local_place(token, trigger)
    if local is not None:
        return _standing_for(resolved, local, span)
    if resolved is not None:
        return resolved
    return EventActor(Actor(name=span.text), span.start_char, span.end_char, span.text)


def _coded_at(token: Token) -> EventActor | None:
    """The smallest resolved mention with a code that contains ``token``: "Forces" alone
    names no one, "Forces for Defence of Democracy" does."""
    found = actor_for(token)
    if found is not None and found.actor.code:
        return found
    mentions: list[EventActor] = token.doc._.ng_actors or []
    coded = [m for m in mentions if m.actor.code and m.start <= token.idx < m.end]
    return min(coded, key=lambda m: m.end - m.start, default=None)


def _ethnic(token: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children)


def _placed_in(word: Token) -> list[Actor]:
    if word.dep_ != "prep" or word.lower_ != "in":
        return []
    return [actor for actor, pobj in _placed(word) if pobj.ent_type_ == "GPE"]


def _local_place(token: Token, trigger: Token, *, anyone: bool = False) -> Actor | None:
    """For people named only by what they are ("protesters", "residents"), the country where
    the event happens: "people blocked streets in Hong Kong" are people of Hong Kong."""
    locals_ = _words("locals")
    if not anyone and token.lemma_.lower() not in locals_ and token.lower_ not in locals_:
        return None
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for pobj in prep.children:
                found = actor_for(pobj) if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE" else None
                if found is not None and found.actor.code:
                    return found.actor
    return None


_NAMING_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
#: "workers affiliated with the union", "militias allied to the government": whose side.
_SIDING = frozenset({"loyal", "affiliated", "allied"})


def _words(group: str) -> frozenset[str]:
    return lexicon().words[group]


_PLACING_PREPS = frozenset({"in", "of"})


def _apposed_or_placed(word: Token) -> tuple[Actor, Token] | None:
    """The coded actor of an apposition ("..., Mohammed Mamoun"), of the object of "in" or
    "of", or of whom "loyal to" or "affiliated with" names, after a head word, with the last
    word naming it."""
    if word.dep_ == "appos":
        found = _coded_at(word)
        return (found.actor, word.right_edge) if found is not None else None
    if word.dep_ in ("amod", "acl") and word.lower_ in _SIDING:
        # "militants loyal to X", "workers affiliated with X": whose side they are on.
        return next(
            (
                found
                for prep in word.children
                if prep.lower_ in ("to", "with")
                for found in _placed(prep)
            ),
            None,
        )
    if word.dep_ != "prep" or word.lower_ not in _PLACING_PREPS:
        return None
    return next(iter(_placed(word)), None)


def _placed(prep: Token) -> list[tuple[Actor, Token]]:
    """The coded actor of the object of ``prep`` (or of a name modifying it: "the West Bank
    city of Hebron"), with the object."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj" or pobj.ent_type_ in _NOT_NAMES:
            continue
        found = _coded_at(pobj)
        if found is None:
            found = next(
                (
                    m
                    for c in pobj.children
                    if c.dep_ in _NAMING_MODIFIERS and c.i < pobj.i
                    for m in (actor_for(c),)
                    if m is not None and m.actor.code
                ),
                None,
            )
        if found is not None:
            # the phrase runs to the end of the name ("of the Forces for Defence of Democracy")
            last = max((t for t in pobj.subtree if t.idx < found.end), key=lambda t: t.i)
            return [(found.actor, max(last, pobj, key=lambda t: t.i))]
    return []


# "workers *of the month*", "a man *in his forties*": amounts and times place nobody.
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _standing_for(resolved: EventActor | None, actor: Actor, span: Span) -> EventActor:
    """``actor`` standing for the phrase ``span``; a sector the head word gave ("opposition
    groups": OPP) is kept over the name's own."""
    sector = resolved.actor.sector if resolved is not None and resolved.actor.sector else None
    if sector is not None and sector != actor.sector:
        actor = Actor(name=actor.name, code=actor.code, sector=sector)
    return EventActor(actor, span.start_char, span.end_char, span.text)


def _time_for(doc: Doc, sent: Span, times: list[TimeExpression]) -> EventTime | None:
    """The first resolved point or range in the sentence, else the publication date."""
    for found in times:
        if sent.start_char <= found.start < sent.end_char and found.start_date is not None:
            return EventTime.from_expression(found, source="sentence")
    published = doc._.ng_published
    return EventTime.from_publication(published) if published else None


def _unique(tokens: list[Token], trigger: Token) -> list[EventActor]:
    found: list[EventActor] = []
    for token in with_conjuncts(tokens):
        actor = _event_actor(token, trigger)
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
        actors = _unique(candidate.actors, trigger)
        recipients = [
            r
            for r in _unique(
                [
                    t
                    for t in candidate.recipients
                    if t.lemma_.lower() not in coder.lex.words["tools"]
                ],
                trigger,
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
                confidence=_ranked(coder.confidence(candidate), actors),
                extractor=EXTRACTOR,
            )
        )
    return events


class EventTagger:
    """Fill ``doc._.ng_events`` from the parsed sentences."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events") -> None:
        self.name = name
        self.coder = EventCoder()
        self.index = trigger_index()

    def __call__(self, doc: Doc) -> Doc:
        times: list[TimeExpression] = doc._.ng_times or []
        events: list[Event] = []
        for sent in doc.sents:
            # Only sentences with a trigger and an actor candidate, whether or not the parser
            # ran on the others: the same events with every sentence parsed as with selective
            # parsing ("Shells crashed into the port" names no actor and holds no event).
            if is_parsed(sent) and self.index.is_candidate(sent):
                events.extend(code_sentence(doc, sent, coder=self.coder, times=times))
        doc._.ng_events = events
        return doc


def _ranked(confidence: float, actors: list[EventActor]) -> float:
    """The coder's confidence, a little higher when an actor is resolved to a code: PETRARCH
    codes no event without a coded source, and an event whose actor is known is the likelier
    reading of its sentence."""
    if any(a.actor.code for a in actors):
        confidence += 0.05
    return round(min(confidence, 0.99), 4)
