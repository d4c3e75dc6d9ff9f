"""Tie materiel to events.

For every materiel mention of the materiel tagger (``doc._.ng_materiel``) this component reads
the quantity before it ("14 sets of", "several"), a hedge on it ("what are believed to be"),
and the action done with it: the nearest word above it in the parse that the action table
(``data/materiel_actions.tsv``) knows ("acquiring 14 sets of missiles" -> acquire, "the
delivery of drones" -> deliver), and the parties that word names: its subject, its "from" and
"to" objects and its dative are the item's supplier or recipient, as the table's ``transfer``
column says what the subject is ("Kyiv asked to buy launchers from the US manufacturer": Kyiv
receives, the manufacturer supplies; a verb with no subject of its own takes the subject of
the verb it completes). A mention belongs to an event when the event's trigger is
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

from ...model import Event, EventActor, MaterielItem
from ...resources import read_table
from ..events.participants import event_actor
from ..extensions import doc_text
from ..text.spans import token_at
from .quantities import quantity_before, quantity_words
from .tagger import MaterielMention

__all__ = ["Action", "MaterielLinker", "materiel_actions", "materiel_item"]

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


def _governor(root: Token, *, skip: set[int]) -> tuple[Token, Action] | None:
    """The nearest word above ``root`` that the action table knows, with its action; None
    when a verb the table does not know comes first ("missiles hit the city"). Words in
    ``skip`` (the mention itself, a hedge) are passed over, and so is the first conjunct of a
    list the item is in ("radars, repairs and missiles": the missiles are not repaired)."""
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
            return token, known
        if token.pos_ == "VERB":
            return None
    return None


# Relations by which a verb completes another and shares its subject ("asked to buy",
# "agreed to send", "launchers that Kyiv asked to buy").
_COMPLETES = frozenset({"xcomp", "ccomp", "conj"})


def _subject(word: Token) -> Token | None:
    """The doer of ``word``: its subject, the agent of a passive ("by X"), a noun's possessor
    ("Iran's purchase"), else the doer of the verb it completes: that verb's object where it
    has one ("asked Russia to supply": Russia), else its subject ("agreed to send")."""
    node = word
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "nsubj" or (word.pos_ == "NOUN" and child.dep_ == "poss"):
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if node.dep_ not in _COMPLETES or node.head.i == node.i:
            return None
        if node.dep_ == "xcomp":
            # object control: in "asked Russia to supply" Russia supplies, not the asker
            controller = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None:
                return controller
        node = node.head
    return None


def _object_of(word: Token, prepositions: tuple[str, ...]) -> Token | None:
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _dative(word: Token, item_root: Token) -> Token | None:
    """The indirect object ("send Ukraine four systems", "supply Kyiv with tanks")."""
    for child in word.children:
        if child.dep_ == "dative" or (
            child.dep_ == "dobj" and child.i != item_root.i and child.ent_type_ in _PARTY_ENTITIES
        ):
            return child
    return None


_PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _named(token: Token | None, governor: Token) -> EventActor | None:
    """The party ``token`` names, if it names one (an entity, a resolved actor)."""
    if token is None:
        return None
    party = event_actor(token, governor)
    if party.actor.code is None and token.ent_type_ not in _PARTY_ENTITIES:
        return None
    return party


def _parties(
    governor: Token, action: Action, item_root: Token
) -> tuple[EventActor | None, EventActor | None]:
    """(supplier, recipient) the governing word names, or None for each it does not."""
    # the parse may hang "from France" on the item ("bought jets from France")
    if action.transfer == "supplier":
        to = (
            _object_of(governor, ("to", "for"))
            or _dative(governor, item_root)
            or _object_of(item_root, ("to",))
        )
        return _named(_subject(governor), governor), _named(to, governor)
    if action.transfer == "recipient":
        source = _object_of(governor, ("from",)) or _object_of(item_root, ("from",))
        return _named(source, governor), _named(_subject(governor), governor)
    return None, None


def materiel_item(doc: Doc, mention: MaterielMention) -> MaterielItem:
    """The item of ``mention``: its quantity, hedge, action and parties."""
    span = doc[mention.start : mention.end]
    quantity, hedge = quantity_before(doc, mention.start, floor=span.sent.start)
    unit = quantity.unit if quantity else None
    last = doc[mention.end - 1].lower_
    if unit is None and last in quantity_words().units and mention.end - mention.start > 1:
        unit = quantity_words().units[last]  # "two Patriot batteries"
    skip = set(range(mention.start, mention.end))
    if hedge:
        skip.update(range(hedge.start, hedge.end))
    governed = _governor(span.root, skip=skip)
    supplier, recipient = _parties(*governed, span.root) if governed else (None, None)
    return MaterielItem(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        item=mention.item,
        category=mention.category,
        designation=mention.designation,
        count=quantity.count if quantity else None,
        unit=unit,
        action=governed[1].action if governed else None,
        quantity=doc[quantity.start : quantity.end].text if quantity else None,
        approximate=quantity.approximate if quantity else False,
        hedge=doc[hedge.start : hedge.end].text if hedge else None,
        supplier=supplier.text if supplier else None,
        supplier_code=supplier.actor.code if supplier else None,
        recipient=recipient.text if recipient else None,
        recipient_code=recipient.actor.code if recipient else None,
    )


# Clauses that stand on their own: an item in one is not what a verb above it is about
# ("condemned Freedonia after its drones hit a school") ...
_OWN_CLAUSES = frozenset({"advcl", "relcl", "parataxis", "csubj"})
# ... unless it is an adjunct without a subject or a conjunction of its own, which goes on
# about the same thing ("requested help overhauling engines, acquiring missiles").
_CLAUSE_MARKS = frozenset({"nsubj", "nsubjpass", "mark", "expl"})


def _own_clause(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") and token.dep_ == "conj":
        # a coordinated clause with its own subject tells of another act ("Iran received the
        # jets, and the two countries are negotiating the supply of missiles")
        return any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
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
            ((materiel_item(doc, m), doc[m.start : m.end].root) for m in mentions),
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
