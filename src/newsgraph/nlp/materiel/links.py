"""Tie materiel to events.

For every materiel mention of the materiel tagger (``doc._.ng_materiel``) this component reads
the quantity before it ("14 sets of", "several"), a hedge on it ("what are believed to be"),
and the action done with it: the nearest word above it in the parse that the action table
(``data/materiel_actions.tsv``) knows ("acquiring 14 sets of missiles" -> acquire, "the
delivery of drones" -> deliver). A mention belongs to an event when the event's trigger is
above it in the parse ("requesting Russia to supply missiles": the request and the supply) or
when it is one of the event's arguments.

An event's time is not decided here: :mod:`newsgraph.nlp.events.timing` gives it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Event, MaterielItem
from ...resources import read_table
from ..extensions import doc_text
from ..text.spans import token_at
from .quantities import quantity_before, quantity_words
from .tagger import MaterielMention

__all__ = ["Action", "MaterielLinker", "materiel_actions"]

_TRANSFER_ROLES = frozenset({"supplier", "recipient", ""})
# How far up the parse an item's action may be.
_MAX_STEPS = 8


@dataclass(frozen=True, slots=True)
class Action:
    """What is done with materiel, and the role the doer has in a transfer (if it is one)."""

    action: str
    transfer: str


@cache
def materiel_actions() -> dict[str, Action]:
    """The action table: lemma -> action."""
    table = {}
    for row in read_table("materiel_actions.tsv"):
        if row["transfer"] not in _TRANSFER_ROLES:
            raise ValueError(f"materiel_actions.tsv: unknown transfer role {row['transfer']!r}")
        table[row["lemma"]] = Action(row["action"], row["transfer"])
    return table


def _action(root: Token, *, skip: set[int]) -> str | None:
    """The action of the nearest known word above ``root``; None when a verb the table does
    not know comes first ("missiles hit the city"). Words in ``skip`` (the mention itself, a
    hedge) are passed over, and so is the first conjunct of a list the item is in ("radars,
    repairs and missiles": the missiles are not repaired)."""
    actions = materiel_actions()
    token = root
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i:
            return None
        coordinated = token.dep_ == "conj"
        token = token.head
        if coordinated or token.i in skip or token.pos_ == "AUX":
            continue
        known = actions.get(token.lemma_.lower())
        if known is not None and token.pos_ in ("VERB", "NOUN"):
            return known.action
        if token.pos_ == "VERB":
            return None
    return None


def _item(doc: Doc, mention: MaterielMention) -> MaterielItem:
    span = doc[mention.start : mention.end]
    quantity, hedge = quantity_before(doc, mention.start, floor=span.sent.start)
    unit = quantity.unit if quantity else None
    last = doc[mention.end - 1].lower_
    if unit is None and last in quantity_words().units and mention.end - mention.start > 1:
        unit = quantity_words().units[last]  # "two Patriot batteries"
    skip = set(range(mention.start, mention.end))
    if hedge:
        skip.update(range(hedge.start, hedge.end))
    return MaterielItem(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        item=mention.item,
        category=mention.category,
        designation=mention.designation,
        count=quantity.count if quantity else None,
        unit=unit,
        action=_action(span.root, skip=skip),
        quantity=doc[quantity.start : quantity.end].text if quantity else None,
        approximate=quantity.approximate if quantity else False,
        hedge=doc[hedge.start : hedge.end].text if hedge else None,
    )


# Clauses that stand on their own: an item in one is not what a verb above it is about
# ("condemned Freedonia after its drones hit a school") ...
_OWN_CLAUSES = frozenset({"advcl", "relcl", "parataxis", "csubj"})
# ... unless it is an adjunct without a subject or a conjunction of its own, which goes on
# about the same thing ("requested help overhauling engines, acquiring missiles").
_CLAUSE_MARKS = frozenset({"nsubj", "nsubjpass", "mark", "expl"})


def _own_clause(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in _OWN_CLAUSES:
        return False
    if token.dep_ == "advcl":
        return any(child.dep_ in _CLAUSE_MARKS for child in token.children)
    return True


def _above(token: Token, trigger: Token) -> bool:
    """Whether ``trigger`` is ``token`` or above it in the parse, within one clause (verbs that
    complete the trigger, "asked them to supply", count as part of it)."""
    while True:
        if token == trigger:
            return True
        if token.head.i == token.i or _own_clause(token):
            return False
        token = token.head


def _belongs(item: MaterielItem, root: Token, event: Event, trigger: Token | None) -> bool:
    if not event.sentence_start <= item.start < event.sentence_end:
        return False
    if trigger is not None and _above(root, trigger):
        return True
    return any(
        party.start < item.end and item.start < party.end
        for party in (*event.actors, *event.recipients)
    )


_LIST_GLUE = frozenset({",", "and", "or", "as well as", ", and", ", or", ", as well as"})


def _with_list_mates(
    text: str, items: list[MaterielItem], attached: list[MaterielItem]
) -> tuple[MaterielItem, ...]:
    """``attached`` and the items listed right after one of them ("missiles, radars, and
    upgraded aircraft", "drones and what are believed to be missiles"), which a misparse may
    have hung elsewhere; a list mate without an action of its own takes its neighbour's."""
    if not attached:
        return ()
    chosen = list(attached)
    for previous, item in itertools.pairwise(items):
        if item in chosen or previous not in chosen:
            continue
        glue = " ".join(text[previous.end : item.start].split())
        if item.hedge and glue.endswith(item.hedge):
            glue = glue.removesuffix(item.hedge).strip()  # "and what are believed to be"
        if glue in _LIST_GLUE:
            chosen.append(item if item.action else replace(item, action=previous.action))
    return tuple(sorted(chosen, key=lambda item: item.start))


class MaterielLinker:
    """Fill ``Event.materiel`` in ``doc._.ng_events``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_materiel_links") -> None:
        self.name = name
        materiel_actions()  # load and check the table once, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = doc._.ng_events or []
        if not events:
            return doc
        text = doc_text(doc)
        mentions: list[MaterielMention] = doc._.ng_materiel or []
        items = sorted(
            ((_item(doc, m), doc[m.start : m.end].root) for m in mentions),
            key=lambda pair: pair[0].start,
        )
        doc._.ng_events = [self._link(doc, text, event, items) for event in events]
        return doc

    @staticmethod
    def _link(
        doc: Doc,
        text: str,
        event: Event,
        items: list[tuple[MaterielItem, Token]],
    ) -> Event:
        trigger = token_at(doc, event.trigger.start)
        here = [
            (item, root)
            for item, root in items
            if event.sentence_start <= item.start < event.sentence_end
        ]
        materiel = _with_list_mates(
            text,
            [item for item, _ in here],
            [item for item, root in here if _belongs(item, root, event, trigger)],
        )
        known = materiel_actions().get(trigger.lemma_.lower()) if trigger is not None else None
        if known is not None:
            # An item the parse gives no action of its own gets its event's ("delivered drones
            # and what are believed to be missiles").
            materiel = tuple(m if m.action else replace(m, action=known.action) for m in materiel)
        return replace(event, materiel=materiel or event.materiel)
