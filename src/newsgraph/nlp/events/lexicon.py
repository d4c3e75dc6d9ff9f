"""The event coder's lexicon, loaded once from the data files.

- ``cameo_verbs.tsv`` / ``cameo_patterns.tsv`` / ``cameo_synsets.tsv``: the CAMEO verb dictionary
  (PETRARCH-2, MIT), converted by ``scripts/convert_cameo.py``: verbs grouped in blocks, each
  block with argument patterns ("ask" + "for aid" -> 023).
- ``event_verbs.tsv`` / ``event_patterns.tsv``: newsgraph's own verbs and patterns, in the same
  shape, read first: they add what the dictionary lacks ("urge", "sanction") and silence what
  over-fires in news ("prepare a letter" is not an intent to cooperate).
- ``event_nouns.tsv``: nominal triggers ("the delivery of drones from Iran") and the roles of
  their prepositions.
- ``event_words.tsv``: word lists of the argument rules (themes, support verbs, ...).
- ``event_frames.tsv``: words that govern another event and change it ("asked X to supply" is a
  request, "threatened to shell" a threat, "refused to meet" a rejection).

A *phrase* is a list of slots, head last; each slot is a set of word tuples (a synonym set
contributes all its entries; a multi-word entry is matched head-last too).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ...resources import read_table

__all__ = [
    "FRAME_KINDS",
    "STATEMENT_KINDS",
    "Frame",
    "Lexicon",
    "NounEntry",
    "Pattern",
    "Phrase",
    "Slot",
    "VerbEntry",
    "lexicon",
]

#: Word tuples a slot accepts, indexed by their last word (the one compared with a token).
Slot = dict[str, tuple[tuple[str, ...], ...]]
Phrase = tuple[Slot, ...]

FRAME_KINDS = frozenset(
    {
        "intent",
        "agree",
        "refuse",
        "threaten",
        "appeal",
        "demand",
        "accuse",
        "report",
        "claim",
        "hypothetical",
        "deny",
        "pass",
    }
)


#: Frame kinds that make no event of their own: they change or cancel the event they govern.
STATEMENT_KINDS = frozenset({"report", "claim", "hypothetical", "deny", "pass"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """Argument words that, found around a verb of the block, give ``code``."""

    subject: tuple[Phrase, ...]
    objects: tuple[Phrase, ...]
    preps: tuple[tuple[str, Phrase | None], ...]
    code: str
    #: More constraints = more specific; the most specific matching pattern wins.
    weight: int
    ours: bool
    #: The code is written ``:073`` (PETRARCH's notation): the subject receives, the ``from``
    #: phrase acts ("Iran received jets from Russia").
    reverse: bool = False
    #: For a quick rejection: per phrase, the words its head can be; and the prepositions.
    needs: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    particle: str
    block: str
    #: The code of the verb alone ("" when only its patterns make an event).
    code: str
    ours: bool


@dataclass(frozen=True, slots=True)
class NounEntry:
    lemma: str
    #: Words one of which must modify the noun ("*air* strike"); empty: any.
    modifiers: frozenset[str]
    code: str
    #: What an ``of`` phrase names: ``actor`` ("the visit of the minister"), ``recipient`` ("the
    #: release of prisoners") or ``theme`` ("the delivery of drones": neither).
    of_role: str
    #: What a ``from`` phrase names: ``actor`` ("drones from Iran") or ``recipient``
    #: ("withdrawal from Panama").
    from_role: str


@dataclass(frozen=True, slots=True)
class Frame:
    lemma: str
    kind: str
    #: The CAMEO code of the governing word when it heads no other event ("urged restraint").
    code: str
    #: Whether it governs event nouns too ("rejected the request"), not only verbs.
    nouns: bool


def _slot(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> Slot:
    # "@weapon": a synonym set; "=WEAPON": any word of that entity label; else the word.
    entries = synsets.get(text[1:], []) if text.startswith("@") else [(text,)]
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in entries:
        index[words[-1]].append(words[:-1])
    return {last: tuple(prefixes) for last, prefixes in index.items()}


def _phrase(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> Phrase:
    """The slots of a phrase; ``_`` (no slots) is a wildcard: any word will do."""
    if text.strip() == "_":
        return ()
    return tuple(_slot(word, synsets) for word in text.split())


@dataclass(frozen=True, slots=True)
class PatternIndex:
    """A block's patterns by the words their first need can be, so the patterns a verb's
    arguments can satisfy are found without testing every pattern of the block."""

    by_word: dict[str, tuple[int, ...]]
    always: tuple[int, ...]  # patterns that need no word

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...]) -> PatternIndex:
        by_word: dict[str, list[int]] = defaultdict(list)
        always = []
        for position, pattern in enumerate(patterns):
            if not pattern.needs:
                always.append(position)
            for word in pattern.needs[0] if pattern.needs else ():
                by_word[word].append(position)
        return cls({w: tuple(p) for w, p in by_word.items()}, tuple(always))

    def candidates(self, available: set[str]) -> list[int]:
        """Positions (in the block's order) of the patterns whose first need ``available``
        meets, and of those that need nothing."""
        found = set(self.always)
        for word in available:
            found.update(self.by_word.get(word, ()))
        return sorted(found)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[tuple[str, str], VerbEntry]
    patterns: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[NounEntry, ...]]
    frames: dict[str, Frame]
    #: Per verb block, every word its patterns could need (phrase heads, bare prepositions):
    #: a verb whose block needs none of a sentence's words cannot be coded there.
    block_words: dict[str, frozenset[str]]
    #: The word lists of ``event_words.tsv`` by group.
    words: dict[str, frozenset[str]]
    #: Per verb block, its patterns indexed by the words they need.
    pattern_index: dict[str, PatternIndex]

    def verb(self, lemma: str, particle: str = "") -> VerbEntry | None:
        if particle:
            found = self.verbs.get((lemma, particle))
            if found is not None:
                return found
        return self.verbs.get((lemma, ""))

    def noun(self, lemma: str, modifiers: set[str]) -> NounEntry | None:
        """The entry of an event noun given the words that modify it."""
        for entry in self.nouns.get(lemma, ()):
            if not entry.modifiers or not entry.modifiers.isdisjoint(modifiers):
                return entry
        return None


def _synsets() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in read_table("cameo_synsets.tsv"):
        table[row["synset"]].append(tuple(row["phrase"].split()))
    return dict(table)


def _patterns(
    name: str, synsets: dict[str, list[tuple[str, ...]]], *, ours: bool
) -> dict[str, list[Pattern]]:
    table: dict[str, list[Pattern]] = defaultdict(list)
    for row in read_table(name):
        subject = tuple(_phrase(p, synsets) for p in row["subject"].split(";") if p)
        objects = tuple(_phrase(p, synsets) for p in row["object"].split(";") if p)
        preps: list[tuple[str, Phrase | None]] = []
        for item in row["preps"].split(";"):
            if not item:
                continue
            prep, _, noun = item.partition(":")
            preps.append((prep, _phrase(noun, synsets) if noun else None))
        weight = (
            sum(len(p) for p in subject)
            + sum(len(p) for p in objects)
            + sum(1 + (len(p) if p else 0) for _, p in preps)
        )
        code = row["code"]
        reverse = code.startswith(":")
        needs = tuple(
            frozenset(phrase[-1])
            for phrase in (*subject, *objects, *(n for _, n in preps if n))
            if phrase
        ) + tuple(frozenset((prep,)) for prep, _ in preps)
        table[row["block"]].append(
            Pattern(
                subject,
                objects,
                tuple(preps),
                code.lstrip(":"),
                weight + 100 * ours,
                ours,
                reverse,
                needs,
            )
        )
    return table


@cache
def lexicon() -> Lexicon:
    """The lexicon (loaded once per process)."""
    synsets = _synsets()
    verbs: dict[tuple[str, str], VerbEntry] = {}
    for name, ours in (("event_verbs.tsv", True), ("cameo_verbs.tsv", False)):
        for row in read_table(name):
            key = (row["verb"], row["particle"])
            if key not in verbs:
                verbs[key] = VerbEntry(
                    row["verb"], row["particle"], row["block"], row["code"], ours
                )
    patterns: dict[str, list[Pattern]] = defaultdict(list)
    for name, ours in (("event_patterns.tsv", True), ("cameo_patterns.tsv", False)):
        for block, found in _patterns(name, synsets, ours=ours).items():
            patterns[block].extend(found)
    ordered = {
        block: tuple(sorted(found, key=lambda p: -p.weight)) for block, found in patterns.items()
    }
    noun_rows: dict[str, list[NounEntry]] = defaultdict(list)
    for row in read_table("event_nouns.tsv"):
        modifiers = frozenset(w for w in row["with"].split("|") if w)
        entry = NounEntry(row["noun"], modifiers, row["code"], row["of"], row["from"])
        noun_rows[row["noun"]].append(entry)
    nouns = {
        lemma: tuple(sorted(rows, key=lambda e: not e.modifiers))
        for lemma, rows in noun_rows.items()
    }
    frames: dict[str, Frame] = {}
    for row in read_table("event_frames.tsv"):
        if row["kind"] not in FRAME_KINDS:
            raise ValueError(f"event_frames.tsv: unknown kind {row['kind']!r}")
        frames[row["lemma"]] = Frame(row["lemma"], row["kind"], row["code"], row["nouns"] == "yes")
    words = {row["group"]: frozenset(row["words"].split()) for row in read_table("event_words.tsv")}
    index = {block: PatternIndex.of(found) for block, found in ordered.items()}
    return Lexicon(verbs, ordered, nouns, frames, _block_words(ordered), words, index)


def _block_words(patterns: dict[str, tuple[Pattern, ...]]) -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for block, found in patterns.items():
        needed: set[str] = set()
        for pattern in found:
            for phrase in (*pattern.subject, *pattern.objects):
                # "*": a wildcard pattern can match any sentence the verb is in.
                needed.update(phrase[-1] if phrase else ("*",))
            for prep, noun in pattern.preps:
                needed.update(noun[-1] if noun else (prep,))
        table[block] = frozenset(needed)
    return table
