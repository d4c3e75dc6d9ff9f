"""Match a verb's arguments in the dependency parse against the lexicon's patterns.

A pattern ("ask" + object "help", "appeal" + "for aid", subject "@military" + "arrive") names
words that must head (or modify) the verb's subject, objects or prepositional phrases. The
most specific pattern that matches gives the CAMEO code; with none, the verb's own code does.
The words a pattern used are returned too, so that a nominal trigger among them ("imposed
*sanctions*") is not coded a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon, Pattern, Phrase, Slot, VerbEntry, lexicon

__all__ = ["VerbCode", "code_verb", "counted", "particle_of", "words"]

#: Dependents that PETRARCH's patterns read as the verb's (post-verb) nouns.
_OBJECT_DEPS = frozenset(
    {"dobj", "obj", "attr", "oprd", "dative", "acomp", "npadvmod", "prt", "advmod", "nsubjpass"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_WHEN = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class VerbCode:
    code: str
    entry: VerbEntry
    pattern: Pattern | None
    #: Token indices the pattern matched (argument heads).
    used: frozenset[int]


def words(token: Token) -> tuple[str, ...]:
    """The forms a lexicon word is compared with: the lemma, the lower-case text and, for an
    entity, ``=LABEL`` ("=WEAPON" matches "S-400")."""
    if token.ent_type_:
        return token.lemma_.lower(), token.lower_, "=" + token.ent_type_
    return token.lemma_.lower(), token.lower_


def _np_words(head: Token) -> frozenset[str]:
    doc = head.doc
    found: set[str] = set()
    for token in doc[head.left_edge.i : head.i + 1]:
        found.update(words(token))
    return frozenset(found)


def _slot_has(slot: Slot, forms: tuple[str, ...], context: frozenset[str]) -> bool:
    for form in forms:
        prefixes = slot.get(form)
        if prefixes is None:
            continue
        for prefix in prefixes:
            if all(word in context for word in prefix):
                return True
    return False


def _phrase_match(phrase: Phrase, head: Token) -> int:
    """-1: no match; 1: the head word matched as written; 0: only through its lemma (the
    dictionary lists "sanction" and "sanctions" with different codes)."""
    if not phrase:
        return 0  # the wildcard: any word
    context = _np_words(head)
    if not _slot_has(phrase[-1], words(head), context):
        return -1
    for slot in phrase[:-1]:
        if not any(_slot_has(slot, (word,), context) for word in context):
            return -1
    return 1 if head.lower_ in phrase[-1] else 0


def _expand(tokens: list[Token]) -> list[Token]:
    found = [counted(t) for t in tokens]
    for token in list(found):
        found.extend(c for c in token.conjuncts if c not in found)
    return found


def counted(token: Token) -> Token:
    """ "Dozens *of drones*", "hundreds of *prisoners*": the counted noun, not the count."""
    if (
        token.ent_type_ in ("CARDINAL", "QUANTITY")
        or token.pos_ == "NUM"
        or (token.lower_ in lexicon().words["counts"])
    ):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


def particle_of(token: Token) -> str:
    """The particle or bare preposition right after a verb ("call *off*", "ask *for*")."""
    for child in token.rights:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            return child.lower_
    return ""


@dataclass(slots=True)
class _Arguments:
    subjects: list[Token]
    objects: list[Token]
    preps: list[tuple[str, list[Token]]]
    #: Every form of every argument head and every preposition: a pattern needing a word
    #: not in here cannot match.
    available: set[str]


def _arguments(verb: Token) -> _Arguments:
    subjects = _expand([c for c in verb.children if c.dep_ in _SUBJECT_DEPS])
    objects = _expand(
        [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.ent_type_ not in _WHEN]
    )
    # "ended *mediation* efforts": the noun that says what the effort is counts as the object.
    objects += [
        c
        for o in objects
        if o.lemma_.lower() in lexicon().words["light_nouns"]
        for c in o.children
        if c.dep_ == "compound"
    ]
    preps: list[tuple[str, list[Token]]] = []
    holders = [verb, *(o for o in objects if o.pos_ in ("NOUN", "PROPN"))]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in _PREP_DEPS and child.pos_ == "ADP":
                pobjs = _expand([c for c in child.children if c.dep_ == "pobj"])
                if any(t.ent_type_ in _WHEN for t in pobjs):
                    continue  # "on Tuesday" is no "call on"
                preps.append((child.lower_, pobjs))
    available: set[str] = set()
    for token in (*subjects, *objects, *(t for _, pobjs in preps for t in pobjs)):
        available.update(words(token))
    available.update(word for word, _ in preps)
    return _Arguments(subjects, objects, preps, available)


def _first_match(phrase: Phrase, tokens: list[Token]) -> tuple[Token, int] | None:
    for token in tokens:
        exact = _phrase_match(phrase, token)
        if exact >= 0:
            return token, exact
    return None


def _match(pattern: Pattern, arguments: _Arguments) -> tuple[set[int], int] | None:
    """The argument words a pattern uses and how many matched as written, or None."""
    used: set[int] = set()
    exact = 0
    for phrase in pattern.subject:
        found = _first_match(phrase, arguments.subjects)
        if found is None:
            return None
        exact += found[1]
    for phrase in pattern.objects:
        found = _first_match(phrase, arguments.objects)
        if found is None:
            return None
        used.add(found[0].i)
        exact += found[1]
    for prep, noun in pattern.preps:
        hit = False
        for word, pobjs in arguments.preps:
            if word != prep:
                continue
            if noun is None:
                hit = True
                break
            found = _first_match(noun, pobjs)
            if found is not None:
                used.add(found[0].i)
                exact += found[1]
                hit = True
                break
        if not hit:
            return None
    return used, exact


def code_verb(verb: Token, lexicon: Lexicon) -> VerbCode | None:
    """The CAMEO code of a verb in its sentence, or None when it makes no event."""
    lemma = verb.lemma_.lower()
    entry = lexicon.verb(lemma, particle_of(verb))
    if entry is None:
        return None
    patterns = lexicon.patterns.get(entry.block, ())
    if patterns:
        arguments = _arguments(verb)
        available = arguments.available
        best: tuple[Pattern, set[int], int] | None = None
        # Most specific first; a pattern whose first need is absent is not even looked at.
        for position in lexicon.pattern_index[entry.block].candidates(available):
            pattern = patterns[position]
            if best is not None and pattern.weight < best[0].weight:
                break
            if any(need.isdisjoint(available) for need in pattern.needs[1:]):
                continue
            found = _match(pattern, arguments)
            if found is not None and (best is None or found[1] > best[2]):
                best = (pattern, found[0], found[1])
        if best is not None:
            pattern, used, _ = best
            if not pattern.code:
                return None
            return VerbCode(pattern.code, entry, pattern, frozenset(used))
    if not entry.code:
        return None
    return VerbCode(entry.code, entry, None, frozenset())
