"""Who acts and who is acted on, from the dependency parse around a trigger.

Verbs: the actor is the subject (shared along conjoined and ``to``-infinitive verbs: "X plans to
visit"; the ``by`` agent of a passive: "was attacked by rebels"; for a participle modifying a
noun, "a letter requesting ...", the one who wrote the letter); the recipient is the object, or
the noun a passive participle modifies ("planes sanctioned by the US"), or a ``to`` /
``against`` / ``with`` / ``on`` phrase. Nominal triggers: the possessor or an entity modifier
("US threats"), a ``by`` phrase, and ``of`` / ``from`` as the noun's lexicon entry says ("the
buildup of American troops", "the delivery of drones from Iran"). Conjoined arguments ("Russia,
China, and Iran") each count.

Words that name things rather than actors ("supply *missiles*", "requested *assistance*") are
not recipients of cooperative events; an object that is itself an event ("rejected the US
*request*") gives its own actor instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from ...resources import read_text
from .lexicon import NounEntry, lexicon
from .matching import counted

__all__ = [
    "ACTOR_LABELS",
    "is_actorlike",
    "noun_arguments",
    "owners",
    "subjects",
    "verb_recipients",
    "with_conjuncts",
]

#: Entity labels that can name an actor (places such as LOC and FAC are where, not who).
ACTOR_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
_RECIPIENT_PREPS = frozenset({"to", "against", "with", "on", "toward", "towards", "at", "upon"})
# "rallied *on Rustaveli Avenue*": streets and regions after a preposition are where, not whom.
_PLACES = frozenset({"LOC", "FAC"})
_NOUN_RECIPIENT_PREPS = frozenset({"to", "against", "with", "on", "toward", "towards", "upon"})
_NOT_ACTORS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "WEAPON",
        "PLATFORM",
        "EQUIPMENT",
    }
)
# Pronouns that point at something else and name nothing by themselves.
_POINTERS = frozenset({"that", "which", "what", "this", "these", "those", "whom", "whatever"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
# "it" is left out: it names a thing more often than a state or a party.
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})


def _words(group: str) -> frozenset[str]:
    return lexicon().words[group]


@cache
def _actor_heads() -> frozenset[str]:
    return frozenset(
        line.strip()
        for line in read_text("actor_heads.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


def is_actorlike(token: Token) -> bool:
    """Whether a word can name an actor: a person, group, place or organisation entity, a
    proper noun, a personal pronoun, or an agent noun ("officials", "troops")."""
    if token.ent_type_ in ACTOR_LABELS:
        return True
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL
    if token.lemma_.lower() in _actor_heads() or token.lower_ in _actor_heads():
        return True
    # "Chinese peacekeepers", "UK negotiators": a noun a nationality or place modifies.
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ACTOR_LABELS for c in token.children
    )


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The words and those conjoined with them ("Russia, China, and Iran"), leaving out
    dates, numbers and amounts ("on *Tuesday*" names no recipient)."""
    found: list[Token] = []
    for token in (counted(t) for t in tokens):
        for item in (token, *token.conjuncts):
            if (
                item not in found
                and item.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM")
                and item.ent_type_ not in _NOT_ACTORS
                and not item.is_punct
                and item.lower_ not in _POINTERS
            ):
                found.append(item)
    return found


def owners(token: Token) -> list[Token]:
    """Who a statement- or event-noun belongs to: "Iraq's *proposal*", "the US *request*",
    "a *call* by the UN"."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            found.extend(with_conjuncts([child]))
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ACTOR_LABELS:
            found.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            found.extend(_pobjs(child))
    return found


def _bare_forces(token: Token) -> bool:
    """Armed forces named by no one's name ("some invasion forces", not "Russian troops")."""
    return (
        token.lemma_.lower() in _words("bare_forces")
        and not token.ent_type_
        and not any(
            c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ACTOR_LABELS)
            for c in token.children
        )
    )


def _is_eventlike(token: Token) -> bool:
    lemma = token.lemma_.lower()
    lex = lexicon()
    return lemma in _words("statements") or lemma in lex.nouns or lemma in lex.frames


def _pobjs(prep: Token) -> list[Token]:
    return with_conjuncts(c for c in prep.children if c.dep_ == "pobj")


def _agents(verb: Token) -> list[Token]:
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(_pobjs(child))
    return found


def _origin(token: Token) -> Token:
    """Who is behind a thing that acts: "a freighter flight *from Tehran* delivered", "*RSF*
    drones struck"."""
    if is_actorlike(token) and token.ent_type_ not in _NOT_ACTORS:
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and is_actorlike(pobj):
                    return pobj
        elif child.dep_ in ("compound", "amod") and child.ent_type_ in ACTOR_LABELS:
            return child
    return token


def _stative(verb: Token, passive: list[Token]) -> bool:
    """Whether a passive says how its subject stands ("Israel is *opposed to* ...", "is
    *committed to*"): a state participle with no ``by`` agent and an actor as subject."""
    return (
        bool(passive)
        and verb.lemma_.lower() in _words("states")
        and not _agents(verb)
        and any(is_actorlike(t) for t in passive)
    )


def _relative_head(verb: Token) -> Token | None:
    """The noun a relative clause modifies ("the rebels who attacked")."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def subjects(verb: Token, *, depth: int = 0) -> list[Token]:
    """The actor words of a verb (see the module docstring)."""
    direct = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    passive = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
    if passive and _stative(verb, passive):
        return with_conjuncts(passive)
    if passive or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")):
        return with_conjuncts(_agents(verb))
    if direct:
        relative = _relative_head(verb)
        if relative is not None and all(t.lower_ in _RELATIVE for t in direct):
            return with_conjuncts([relative])
        return with_conjuncts([_origin(t) for t in direct])
    if depth > 3:
        return []
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head  # "requesting assistance *by asking* for radars"
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i:
        if head.pos_ in ("VERB", "AUX"):
            return subjects(head, depth=depth + 1)
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            return subjects(head.head, depth=depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "a letter requesting X": whoever wrote or prepared the letter.
        noun = verb.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return with_conjuncts(owners)
        if noun.dep_ in ("dobj", "pobj", "nsubjpass") and noun.head.i != noun.i:
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            if governor.pos_ in ("VERB", "AUX"):
                return subjects(governor, depth=depth + 1)
    relative = _relative_head(verb)
    if relative is not None:
        return with_conjuncts([relative])
    return []


def verb_recipients(
    verb: Token, *, objects_are_recipients: bool, posture: bool = False
) -> list[Token]:
    """The recipient words of a verb; ``objects_are_recipients`` is False for events whose
    object is usually a thing (aid, requests, agreements) unless it names an actor; with
    ``posture`` (mobilising, deploying) the object is one's own forces and only "against" or
    "toward" names a recipient."""
    found: list[Token] = []
    if posture:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("against", "toward", "towards"):
                found.extend(_pobjs(child))
        return found
    passive = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
    if not _stative(verb, passive):
        found.extend(with_conjuncts(passive))
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
        found.extend(with_conjuncts([verb.head]))
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            for token in with_conjuncts([child]):
                if token.lemma_.lower() in _words("themes") and not _is_eventlike(token):
                    continue
                if objects_are_recipients or is_actorlike(token) or child.dep_ == "dative":
                    found.append(token)
        elif child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
            found.extend(
                t
                for t in _pobjs(child)
                if (objects_are_recipients or is_actorlike(t)) and t.ent_type_ not in _PLACES
            )
    if not found:
        # "allowed *Ouattara* to participate", "forced *them* to leave": the one the clause
        # is about.
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp") and child.tag_ == "VB":
                found.extend(
                    t
                    for c in child.children
                    if c.dep_ in _SUBJECT_DEPS
                    for t in with_conjuncts([c])
                    if is_actorlike(t)
                )
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "a letter to Xi requesting ...": the letter's addressee.
        for child in verb.head.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                found.extend(_pobjs(child))
    recipients: list[Token] = []
    for token in found:
        if token.pos_ == "NOUN" and _is_eventlike(token):
            recipients.extend(owners(token))
        elif token.pos_ == "NOUN" and not is_actorlike(token) and owners(token):
            # "respects *Venezuela's* sovereignty", "condemned *Russia's* actions"
            recipients.extend(owners(token))
        else:
            recipients.append(token)
    return recipients


def noun_arguments(noun: Token, entry: NounEntry) -> tuple[list[Token], list[Token]]:
    """Actor and recipient words of a nominal trigger."""
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            actors.extend(with_conjuncts([child]))
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ACTOR_LABELS:
            actors.append(child)
        elif child.dep_ in ("prep", "agent"):
            word = child.lower_
            if word == "by":
                actors.extend(_pobjs(child))
            elif word == "of":
                if entry.of_role == "actor":
                    actors.extend(_pobjs(child))
                elif entry.of_role == "recipient":
                    recipients.extend(_pobjs(child))
                else:
                    # "the delivery of drones from Iran to Caracas": the parser often hangs
                    # the rest of the phrase on the theme.
                    for theme in (c for c in child.children if c.dep_ == "pobj"):
                        for grandchild in theme.children:
                            if grandchild.dep_ != "prep":
                                continue
                            if grandchild.lower_ == "from" and entry.from_role == "actor":
                                actors.extend(_pobjs(grandchild))
                            elif grandchild.lower_ in _NOUN_RECIPIENT_PREPS:
                                recipients.extend(_pobjs(grandchild))
            elif word == "from":
                if entry.from_role == "actor":
                    actors.extend(_pobjs(child))
                elif entry.from_role == "recipient":
                    recipients.extend(_pobjs(child))
            elif word in _NOUN_RECIPIENT_PREPS:
                recipients.extend(_pobjs(child))
    if not recipients:
        # "a visit by a senior aide to the Russian capital": the parser hangs "to" on the aide.
        for actor in actors:
            for child in actor.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "against"):
                    recipients.extend(_pobjs(child))
    holder = noun
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in _words("light_nouns"):
        holder = noun.head  # "undertook a *mediation* mission": the mission's verb acts
    governor = holder.head
    if (
        (not actors or all(_bare_forces(t) for t in actors))
        and holder.dep_ in ("dobj", "attr", "nsubjpass")
        and governor.pos_ == "VERB"
        and governor.lemma_.lower() in _words("support_verbs")
    ):
        # "held talks with X", "launched an attack on X": the support verb's subject acts
        # ("confirmed the delivery" is no delivery by the one who confirms); "sped up the
        # withdrawal of forces": unqualified forces are the subject's.
        actors = subjects(governor) or actors
    if (
        not actors
        and holder.dep_ == "pobj"
        and governor.lower_ == "in"
        and governor.head.pos_ == "VERB"
        and governor.head.lemma_.lower() in _words("participation")
    ):
        # "participated in the attack", "were engaged in ethnic cleansing" (the passive
        # subject of "engaged" and "involved" takes part)
        taking_part = governor.head
        actors.extend(
            subjects(taking_part)
            or with_conjuncts(c for c in taking_part.children if c.dep_ in _PASSIVE_SUBJECT_DEPS)
        )
    return actors, [t for t in recipients if t not in actors]
