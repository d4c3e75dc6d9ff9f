"""A first event detector: trigger words from ``data/event_triggers.tsv`` and their arguments
from the dependency parse.

One event per trigger: the PLOVER type, mode and CAMEO code of the lexicon entry; actors from
the subject (or the ``by`` agent of a passive, or ``of``/``from`` after a nominal trigger),
recipients from the object or a ``to``/``against``/``with`` phrase. Conjoined arguments
("Russia, China and Iran") each count. Negation ("did not attack") is recorded, not dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, EventActor, EventTime, TimeExpression, event_id
from ..model import Span as TextSpan
from ..resources import read_table
from .mentions import actor_for
from .plover import plover_quad, plover_score

__all__ = ["EventTagger", "Trigger", "triggers"]

EXTRACTOR = "rules-v0"
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
_RECIPIENT_PREPS = frozenset({"to", "against", "with", "on", "at", "toward", "towards", "into"})
_NOUN_ACTOR_PREPS = frozenset({"of", "by", "from"})
_ARGUMENT_POS = frozenset({"PROPN", "NOUN", "PRON"})


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    particle: str
    type: str
    mode: str
    cameo: str


@cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """The trigger lexicon, keyed by (lemma, coarse part of speech)."""
    table: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in read_table("event_triggers.tsv"):
        trigger = Trigger(
            row["lemma"], row["pos"], row["particle"], row["type"], row["mode"], row["cameo"]
        )
        table[(trigger.lemma, trigger.pos)].append(trigger)
    # Entries with a particle first: "call on" beats "call".
    return {
        key: tuple(sorted(entries, key=lambda t: not t.particle)) for key, entries in table.items()
    }


def _choose(token: Token, entries: tuple[Trigger, ...]) -> Trigger | None:
    following = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    for entry in entries:
        if not entry.particle or entry.particle in following:
            return entry
    return None


def _phrase(token: Token) -> Span:
    """The words naming an argument: its entity if it is in one, else the head with its
    compounds and adjectives ("American troops", "a senior aide")."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < left:
            left = min(left, child.left_edge.i if child.dep_ == "poss" else child.i)
    return doc[left : token.i + 1]


def _with_conjuncts(token: Token) -> list[Token]:
    found = [token]
    for conj in token.conjuncts:
        if conj.pos_ in _ARGUMENT_POS and conj not in found:
            found.append(conj)
    return found


def _arguments(trigger: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    recipients: list[Token] = []
    if trigger.pos_ == "VERB":
        for child in trigger.children:
            if child.dep_ in _SUBJECTS:
                actors.extend(_with_conjuncts(child))
            elif child.dep_ in _PASSIVE_SUBJECTS:
                recipients.extend(_with_conjuncts(child))
            elif child.dep_ == "agent":
                actors.extend(
                    p for c in child.children if c.dep_ == "pobj" for p in _with_conjuncts(c)
                )
            elif child.dep_ in _OBJECTS:
                recipients.extend(_with_conjuncts(child))
            elif child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
                recipients.extend(
                    p for c in child.children if c.dep_ == "pobj" for p in _with_conjuncts(c)
                )
        # "X plans to visit": the subject of the governing verb acts.
        if (
            not actors
            and trigger.dep_ in ("xcomp", "conj", "advcl")
            and trigger.head.pos_ == "VERB"
        ):
            actors.extend(c for c in trigger.head.children if c.dep_ in _SUBJECTS | {"nsubj"})
    else:
        for child in trigger.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_):
                actors.append(child)
            elif child.dep_ == "prep" and child.lower_ in _NOUN_ACTOR_PREPS:
                actors.extend(
                    p for c in child.children if c.dep_ == "pobj" for p in _with_conjuncts(c)
                )
            elif child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
                recipients.extend(
                    p for c in child.children if c.dep_ == "pobj" for p in _with_conjuncts(c)
                )
    keep = [t for t in actors if t.pos_ in _ARGUMENT_POS]
    return keep, [t for t in recipients if t.pos_ in _ARGUMENT_POS and t not in keep]


def _event_actor(token: Token) -> EventActor:
    resolved = actor_for(token)
    if resolved is not None:
        return resolved
    span = _phrase(token)
    return EventActor(Actor(name=span.text), span.start_char, span.end_char, span.text)


def _time_for(doc: Doc, sent: Span, times: list[TimeExpression]) -> EventTime | None:
    """The first resolved point or range in the sentence, else the publication date."""
    for found in times:
        if sent.start_char <= found.start < sent.end_char and found.start_date is not None:
            return EventTime.from_expression(found, source="sentence")
    published = doc._.ng_published
    return EventTime.from_publication(published) if published else None


class EventTagger:
    """Fill ``doc._.ng_events``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events") -> None:
        self.name = name
        self.lexicon = triggers()

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = []
        seen: set[str] = set()
        times: list[TimeExpression] = doc._.ng_times or []
        for sent in doc.sents:
            for token in sent:
                if token.pos_ not in ("VERB", "NOUN"):
                    continue
                entries = self.lexicon.get((token.lemma_.lower(), token.pos_))
                entry = _choose(token, entries) if entries else None
                if entry is None:
                    continue
                actors, recipients = _arguments(token)
                identifier = event_id(
                    doc._.ng_doc_id,
                    sentence_start=sent.start_char,
                    trigger_start=token.idx,
                    event_type=entry.type,
                )
                if identifier in seen:
                    continue
                seen.add(identifier)
                events.append(
                    Event(
                        id=identifier,
                        type=entry.type,
                        mode=entry.mode or None,
                        cameo=entry.cameo or None,
                        quad=plover_quad(entry.type),
                        score=plover_score(entry.type, entry.mode),
                        trigger=TextSpan(token.idx, token.idx + len(token.text), token.text),
                        sentence_start=sent.start_char,
                        sentence_end=sent.end_char,
                        actors=tuple(_event_actor(t) for t in actors),
                        recipients=tuple(_event_actor(t) for t in recipients),
                        time=_time_for(doc, sent, times),
                        negated=any(c.dep_ == "neg" for c in token.children),
                        confidence=0.4 + 0.3 * bool(actors) + 0.2 * bool(recipients),
                        extractor=EXTRACTOR,
                    )
                )
        doc._.ng_events = events
        return doc
