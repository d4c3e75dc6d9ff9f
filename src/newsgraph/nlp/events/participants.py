"""Who an event is between: the record of each argument word of an event.

Each argument word is resolved through :func:`~newsgraph.nlp.actors.mentions.actor_for` (the
actor resolver's mention that contains the word), else coded by the name that places a generic
phrase ("opposition groups in Zimbabwe", docs/schema.md "How events are coded"), else kept as
its words. Any coder can use :func:`event_actors` to turn the argument words it found into the
event's actors and recipients.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Actor, EventActor
from ..actors.mentions import actor_for
from ..text.spans import entity_at
from .arguments import with_conjuncts
from .lexicon import lexicon

__all__ = ["event_actor", "event_actors"]


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


def event_actor(token: Token, trigger: Token) -> EventActor:
    """The record of the argument word ``token`` of the event ``trigger`` names."""
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


def event_actors(tokens: list[Token], trigger: Token) -> list[EventActor]:
    """The records of argument words and their conjuncts, each phrase once, in order."""
    found: list[EventActor] = []
    for token in with_conjuncts(tokens):
        actor = event_actor(token, trigger)
        if all((a.start, a.end) != (actor.start, actor.end) for a in found):
            found.append(actor)
    return found
