"""WEAPON, PLATFORM, EQUIPMENT and VEHICLE entities from the materiel lexicon
(``data/materiel.tsv``), and the count entities tidied (:func:`.quantities.tidy_numbers`).

Designations (``Su-30MK2``, ``S-400``) are matched by one compiled regular expression over the
tokens that contain a digit; names and generic nouns by phrase matchers; ship names by their
prefix (``USS Hopper``), with the hull or pennant number in brackets after it ("HMS Ocean (L
12)") and the name alone later in the text ("Forbin" after "FS Forbin"). A mention takes in the
modifiers before a noun ("surface-to-air missiles"), the nouns that say what kind of vehicle it
is ("dump truck", but not an owner: "police vehicles"), the generic noun after a name ("Il-76
plane", "S-300 systems") and the words that name one system together ("Sukhoi Su-30MK2
aircraft"; an ambiguous name is materiel before a generic noun: "TOW anti-tank missiles"). A
name or noun before a place or group is not the item ("VBIED factory", "drone assembly plant",
"counter-IED training"). A noun marked ``<list>`` in the lexicon is materiel only when listed
with another of its kind ("fighters, bombers and airlifters"; a "fighter" alone is more often
a person). The component overrides the statistical NER where they overlap ("S-400" is not an
ORG), but a capitalised common noun inside a name ("Field Artillery Regiment") is left to the
NER. Each entity's ``ent_id_`` is its category;
``doc._.ng_materiel`` holds every mention with its category, item and designation.

A spaCy ``EntityRuler`` over the same lexicon did the job at about a quarter of the whole
pipeline's time; this does it at a small fraction.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...resources import read_table, read_text
from .quantities import tidy_numbers

__all__ = [
    "MATERIEL_LABELS",
    "MaterielEntry",
    "MaterielMention",
    "MaterielTagger",
    "materiel_entries",
]

MATERIEL_LABELS = frozenset({"WEAPON", "PLATFORM", "EQUIPMENT", "VEHICLE"})
_KINDS = ("family", "name", "noun", "prefix", "hull", "place", "exclude")
_INVARIANT = frozenset({"aircraft", "ammunition", "artillery", "weaponry", "hardware", "equipment"})
# Words after a mention that belong to it: "S-300 systems", "Il-76 plane", "mortar rounds".
_HEADS = {
    "system": None,
    "systems": None,
    "complex": None,
    "complexes": None,
    "battery": None,
    "batteries": None,
    "round": None,
    "rounds": None,
    "plane": None,
    "planes": None,
    "airplane": None,
    "airplanes": None,
    "launcher": "launcher",
    "launchers": "launcher",
}
# A name in capitals stops at these words when reading a ship's name after its prefix ...
_NAME_STOP = frozenset({"The", "A", "An", "And", "Of", "In", "On", "At"})
# ... and goes on over these ("FS Charles de Gaulle").
_NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "der", "al"})
# Labels of names a capitalised common noun should not be taken out of.
_NAME_LABELS = frozenset({"ORG", "FAC", "PERSON", "EVENT", "WORK_OF_ART", "LAW", "GPE"})
_DESIGNATION = "<designation>"
# A noun that is materiel only in a list of its kind: "fighters, bombers and airlifters" (a
# "fighter" alone is more often a person).
_IN_A_LIST = "<list>"
_LIST_WORDS = frozenset({",", "and", "or"})


@dataclass(frozen=True, slots=True)
class MaterielEntry:
    """One lexicon row: what to match and what it is."""

    kind: str
    pattern: str
    label: str
    category: str
    item: str
    context: frozenset[str]


@dataclass(frozen=True, slots=True)
class MaterielMention:
    """A materiel entity: tokens ``start:end`` of the doc, and what it is."""

    start: int
    end: int
    label: str
    category: str
    item: str
    designation: str | None = None
    kind: str = "noun"


def plural(word: str) -> str:
    """The English plural of a materiel noun ("torpedo" -> "torpedoes", "lorry" -> "lorries")."""
    if word.lower() in _INVARIANT:
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("o", "s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


@cache
def materiel_entries() -> tuple[MaterielEntry, ...]:
    entries = []
    for row in read_table("materiel.tsv"):
        if row["kind"] not in _KINDS:
            raise ValueError(f"materiel.tsv: unknown kind {row['kind']!r}")
        entries.append(
            MaterielEntry(
                kind=row["kind"],
                pattern=row["pattern"],
                label=row["label"],
                category=row["category"],
                item=row["item"],
                context=frozenset(
                    c if c in (_DESIGNATION, _IN_A_LIST) else c.lower()
                    for c in row["context"].split("|")
                    if c
                ),
            )
        )
    return tuple(entries)


@cache
def _modifiers() -> frozenset[str]:
    lines = read_text("materiel_modifiers.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _actor_heads() -> frozenset[str]:
    lines = read_text("actor_heads.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class MaterielTagger:
    """Add materiel entities to ``doc.ents`` and ``doc._.ng_materiel``; tidy count entities."""

    def __init__(self, nlp: Language, name: str = "newsgraph_materiel") -> None:
        self.name = name
        entries = materiel_entries()
        self.families = [e for e in entries if e.kind == "family"]
        alternatives = "|".join(f"(?P<f{i}>{e.pattern})" for i, e in enumerate(self.families))
        self.designation = re.compile(rf"(?:{alternatives})s?")
        self.prefixes = {e.pattern: e for e in entries if e.kind == "prefix"}
        self.hulls = {e.pattern: e for e in entries if e.kind == "hull"}
        self.places = frozenset(
            form for e in entries if e.kind == "place" for form in (e.pattern, plural(e.pattern))
        )
        self.modifiers = _modifiers()
        self.entries: dict[str, MaterielEntry] = {}
        # Generic nouns match in any case; names as written (a "patriot" is not a "Patriot").
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.excluded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, entry in enumerate(entries):
            key = f"materiel{index}"
            if entry.kind == "noun":
                *lead, last = entry.pattern.lower().split()
                forms = {" ".join([*lead, w]) for w in (last, plural(last))}
                self.nouns.add(key, [nlp.make_doc(form) for form in sorted(forms)])
            elif entry.kind == "name":
                self.names.add(key, [nlp.make_doc(entry.pattern)])
            elif entry.kind == "exclude":
                self.excluded.add(key, [nlp.make_doc(entry.pattern)])
            else:
                continue
            self.entries[key] = entry

    def _before_a_place(self, doc: Doc, end: int) -> bool:
        """Whether the words from ``end`` make the item before them a place or a group:
        "weapons caches", or over one more noun, "UAV launch site", "VBIED storage facility"."""
        if end >= len(doc):
            return False
        if doc[end].lower_ in self.places:
            return True
        following = doc[end]
        return (
            end + 1 < len(doc)
            and following.is_lower
            and following.pos_ == "NOUN"
            and doc[end + 1].lower_ in self.places
        )

    def _is_designation(self, text: str) -> bool:
        return any(ch.isdigit() for ch in text) and self.designation.fullmatch(text) is not None

    def _modifier_start(self, doc: Doc, start: int) -> int:
        """Where a noun's modifiers begin: "cruise missiles", "anti-aircraft artillery"."""
        while start > 0:
            if doc[start - 1].lower_ in self.modifiers:
                start -= 1
                continue
            # A hyphenated modifier is several tokens with no space between them.
            first = start - 1
            while (
                first > 0
                and not doc[first - 1].whitespace_
                and (doc[first - 1].is_alpha or doc[first - 1].text == "-")
            ):
                first -= 1
            if first < start - 1 and doc[first:start].text.lower() in self.modifiers:
                start = first
                continue
            break
        return start

    def _mentions(self, doc: Doc) -> list[MaterielMention]:
        found: list[MaterielMention] = []
        ships: dict[str, MaterielMention] = {}
        for token in doc:
            if any(ch.isdigit() for ch in token.text):
                match = self.designation.fullmatch(token.text)
                if match and match.lastgroup:
                    entry = self.families[int(match.lastgroup[1:])]
                    start = _slashed_start(doc, token.i)
                    found.append(
                        self._mention(start, token.i + 1, entry, doc[start : token.i + 1].text)
                    )
            elif token.text in self.prefixes and token.i + 1 < len(doc):
                end = _name_end(doc, token.i + 1)
                if end > token.i + 1:
                    entry = self.prefixes[token.text]
                    found.append(self._mention(token.i, end, entry, doc[token.i : end].text))
                    ships[doc[token.i + 1 : end].text] = found[-1]
                    if _pennant_at(doc, end):
                        # "HMS Ocean (L 12)": the number in brackets is the ship's too
                        found.append(replace(found[-1], start=end + 1, end=end + 3))
            elif token.text in self.hulls and token.i + 1 < len(doc) and doc[token.i + 1].is_digit:
                entry = self.hulls[token.text]
                found.append(
                    self._mention(token.i, token.i + 2, entry, doc[token.i : token.i + 2].text)
                )
        vocab = doc.vocab.strings
        noun_matches = self.nouns(doc)
        # Where the generic nouns begin with their modifiers: a name before one is the item's
        # ("TOW anti-tank missiles", "Super Hornet fighter jets").
        noun_starts = {self._modifier_start(doc, start) for _, start, _ in noun_matches}
        name_matches = self.names(doc)
        for match_id, start, end in name_matches:
            entry = self.entries[vocab[match_id]]
            if _inside_hyphenated(doc, start, end) or self._before_a_place(doc, end):
                continue  # "counter-IED training", "a VBIED factory"
            if any(s <= start and end <= e and e - s > end - start for _, s, e in name_matches):
                continue  # "Hornet" of "Super Hornet"
            if entry.context:
                following = doc[end] if end < len(doc) else None
                if following is None:
                    continue
                if _DESIGNATION in entry.context and self._is_designation(following.text):
                    pass  # "Sukhoi Su-30MK2": merged with the designation below
                elif following.lower_ in entry.context:
                    end += 1  # "Patriot batteries": the word that disambiguates is part of it
                elif end not in noun_starts:
                    continue
            found.append(self._mention(start, end, entry, entry.pattern))
        nouns: dict[tuple[int, int], tuple[int, MaterielMention]] = {}
        in_lists: set[MaterielMention] = set()
        for match_id, start, end in noun_matches:
            entry = self.entries[vocab[match_id]]
            if _inside_hyphenated(doc, start, end):
                continue  # "anti-aircraft fire", "vehicle-borne": part of another word
            if self._before_a_place(doc, end):
                continue  # "weapons caches", "drone factory": a place, not the item
            first = self._modifier_start(doc, start)
            if entry.label == "VEHICLE":
                first = _compound_start(doc, first)
            mention = self._mention(first, end, entry, None)
            if _IN_A_LIST in entry.context:
                in_lists.add(mention)
            words = len(entry.pattern.split())
            same = nouns.get((mention.start, mention.end))
            # "suicide vehicle" over "vehicle" with its modifier: the longer entry says more
            if same is None or words > same[0]:
                nouns[(mention.start, mention.end)] = (words, mention)
        listed = [m for _, m in nouns.values() if m in in_lists]
        for _, mention in nouns.values():
            if mention not in in_lists:
                found.append(mention)
                found.extend(self._elliptical(doc, mention))
        if ships:
            found.extend(_ships_named_again(doc, ships, prefixes=self.prefixes.keys()))
        found.extend(m for m in listed if _listed_with(doc, m, found))
        excluded = [(s, e) for _, s, e in self.excluded(doc)]
        found = [
            m
            for m in found
            if not any(s < m.end and m.start < e for s, e in excluded)
            and not (m.kind == "noun" and _in_a_name(doc, m))
        ]
        starts = {m.start for m in found}
        return _merge([self._with_head(doc, m, starts=starts) for m in found])

    def _elliptical(self, doc: Doc, mention: MaterielMention) -> list[MaterielMention]:
        """Modifiers coordinated before a noun name items of their own: "attack, fighter and
        remotely piloted aircraft" has attack aircraft and fighter aircraft too."""
        head = doc[mention.end - 1]
        if head.dep_ == "":
            return self._elliptical_surface(doc, mention)
        candidates = [*head.conjuncts]
        for child in head.children:
            if child.dep_ in ("nmod", "amod", "compound") and child.i < mention.start:
                candidates.extend([child, *child.conjuncts])
        return [
            replace(mention, start=token.i, end=token.i + 1)
            for token in candidates
            if token.i < mention.start
            and token.lower_ in self.modifiers
            and token.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "det" for c in token.children)
        ]

    def _elliptical_surface(self, doc: Doc, mention: MaterielMention) -> list[MaterielMention]:
        """The same without a parse (selective parsing leaves most sentences unparsed): the
        words of the lexicon's modifiers listed just before the item, "X, Y and" or "X or"."""
        i = mention.start - 1
        if i < 1 or doc[i].lower_ not in ("and", "or"):
            return []
        found: list[MaterielMention] = []
        i -= 1
        if doc[i].text == "," and i > 0:
            i -= 1  # the serial comma: "attack, fighter, and remotely piloted aircraft"
        while i >= 0:
            token = doc[i]
            if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            if i > 0 and doc[i - 1].pos_ == "DET":
                break
            # Items of their own in the list ("bomber") are tagged elsewhere; walk past them.
            if token.lower_ in self.modifiers:
                found.append(replace(mention, start=i, end=i + 1))
            if i < 2 or doc[i - 1].text != ",":
                break
            i -= 2
        return found[::-1]

    def _mention(
        self, start: int, end: int, entry: MaterielEntry, designation: str | None
    ) -> MaterielMention:
        return MaterielMention(
            start, end, entry.label, entry.category, entry.item, designation, entry.kind
        )

    @staticmethod
    def _with_head(
        doc: Doc, mention: MaterielMention, *, starts: Collection[int]
    ) -> MaterielMention:
        if mention.end < len(doc) and doc[mention.end].lower_ in _HEADS:
            item = _HEADS[doc[mention.end].lower_] or mention.item
            return replace(mention, end=mention.end + 1, item=item)
        # "Su-35 fighters": after a type's name, "fighter" is the aircraft, never a person
        if (
            mention.kind in ("family", "name")
            and mention.end not in starts
            and mention.end < len(doc)
            and doc[mention.end].lower_ in ("fighter", "fighters")
        ):
            return replace(mention, end=mention.end + 1)
        return mention

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        spans = filter_spans(
            [Span(doc, m.start, m.end, label=m.label, span_id=m.category) for m in mentions]
        )
        kept_spans = {(s.start, s.end) for s in spans}
        doc._.ng_materiel = [m for m in mentions if (m.start, m.end) in kept_spans]
        taken = {i for span in spans for i in range(span.start, span.end)}
        others = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        numbers = [s for s in tidy_numbers(others) if not taken.intersection(range(s.start, s.end))]
        doc.ents = sorted([*numbers, *spans], key=lambda span: span.start)
        return doc


def _name_end(doc: Doc, start: int) -> int:
    """The end of a name in capitals beginning at token ``start`` (at most four words)."""
    end = start
    while end < len(doc) and end - start < 4:
        token = doc[end]
        in_name = token.is_title and token.text not in _NAME_STOP
        particle = (
            token.lower_ in _NAME_PARTICLES
            and end > start
            and end + 1 < len(doc)
            and doc[end + 1].is_title
        )
        if not (in_name or particle):
            break
        end += 1
    return end


def _listed_with(doc: Doc, mention: MaterielMention, others: list[MaterielMention]) -> bool:
    """Whether another mention of the same item is listed next to this one, with only commas,
    "and" or "or" between them: "fighters, bombers, and airlifters"."""
    for other in others:
        if other.item != mention.item or other is mention:
            continue
        if other.start >= mention.end:
            between = doc[mention.end : other.start]
        elif other.end <= mention.start:
            between = doc[other.end : mention.start]
        else:
            continue
        if 0 < len(between) <= 2 and all(t.lower_ in _LIST_WORDS for t in between):
            return True
    return False


def _compound_start(doc: Doc, start: int) -> int:
    """Where a vehicle's name begins with the nouns that say what kind it is: "dump truck",
    "oil tanker trucks" (at most two). A noun naming an actor is its owner, not its kind
    ("police vehicles", "army trucks"), and stays out."""
    first = start
    while first > 0 and start - first < 2:
        token = doc[first - 1]
        if not (
            token.tag_ in ("NN", "NNS")
            and token.is_lower
            and not token.ent_type_
            and not (token.whitespace_ == "" and token.i + 1 < len(doc))
            and token.lower_ not in _actor_heads()
            and token.lemma_ not in _actor_heads()
        ):
            break
        first -= 1
    return first


def _slashed_start(doc: Doc, i: int) -> int:
    """Where a designation the tokenizer split at a slash begins: "F/A-18F" is "F", "/",
    "A-18F"."""
    if (
        i >= 2
        and doc[i - 1].text == "/"
        and doc[i - 2].is_upper
        and doc[i - 2].is_alpha
        and len(doc[i - 2]) <= 2
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return i - 2
    return i


def _pennant_at(doc: Doc, start: int) -> bool:
    """Whether a hull or pennant number in brackets begins at token ``start``: "(L 12)"."""
    return (
        start + 3 < len(doc)
        and doc[start].text == "("
        and doc[start + 3].text == ")"
        and doc[start + 1].is_upper
        and doc[start + 1].is_alpha
        and len(doc[start + 1]) <= 4
        and doc[start + 2].is_digit
    )


def _ships_named_again(
    doc: Doc, ships: dict[str, MaterielMention], *, prefixes: Collection[str]
) -> list[MaterielMention]:
    """A ship named with its prefix once ("FS Forbin") and later by its name alone ("Forbin
    is joining ..."). The bare name must stand alone among capitalised words ("Ocean" of "HMS
    Ocean" is not the one in "Indian Ocean") and, first in a sentence, be a name to the NER
    ("Daring raids" is not HMS Daring)."""
    found = []
    by_first = {name.split()[0]: (name, mention) for name, mention in ships.items()}
    for token in doc:
        if token.text not in by_first:
            continue
        name, ship = by_first[token.text]
        end = token.i + len(name.split())
        if doc[token.i : end].text != name or ship.start <= token.i < ship.end:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[end] if end < len(doc) else None
        if before is not None and (before.is_title or before.text in prefixes):
            continue
        if after is not None and after.is_title:
            continue
        if token.is_sent_start and not token.ent_type_:
            continue
        found.append(replace(ship, start=token.i, end=end))
    return found


def _inside_hyphenated(doc: Doc, start: int, end: int) -> bool:
    before = start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
    after = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    return before or after


def _in_a_name(doc: Doc, mention: MaterielMention) -> bool:
    """A capitalised common noun inside a name ("321st Field Artillery Regiment", "Explosive
    Ordnance Disposal"): inside a name the NER found, or between capitalised words in a
    sentence that is not capitalised throughout (a headline in title case is). One word that
    begins a sentence is capitalised for that ("Jets bombed the town"), unless a name goes on
    after it."""
    words = doc[mention.start : mention.end]
    if not all(t.is_title for t in words if t.is_alpha):
        return False
    sentence = words.sent if doc.has_annotation("SENT_START") else doc[:]
    alpha = [t for t in sentence if t.is_alpha and not t.is_stop]
    if alpha and sum(t.is_title for t in alpha) / len(alpha) >= 0.8:
        return False  # a headline in title case: the NER's names are unreliable there
    before = doc[mention.start - 1] if mention.start > sentence.start else None
    after = doc[mention.end] if mention.end < sentence.end else None
    if (
        before is None
        and len(words) == 1
        and not (after is not None and (after.is_title or after.ent_iob_ == "I"))
    ):
        return False  # capitalised because it begins the sentence: "Jets bombed the town"
    if any(t.ent_type_ in _NAME_LABELS for t in words):
        return True
    return any(t is not None and t.is_title and t.is_alpha for t in (before, after))


def _merge(mentions: list[MaterielMention]) -> list[MaterielMention]:
    """Mentions that name one system together, as one: a name or designation followed by
    another name, designation or generic noun ("Sukhoi Su-30MK2 aircraft", "KC-135R
    Stratotanker", "Shahed-136 drones"), or two generic nouns ("interceptor missiles")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    merged: list[MaterielMention] = []
    for mention in ordered:
        if merged:
            previous = merged[-1]
            if previous.end == mention.start and previous.kind == mention.kind == "noun":
                # "interceptor missiles", "tank shells": the first noun says what kind
                merged[-1] = replace(mention, start=previous.start)
                continue
            if previous.end == mention.start and previous.kind in ("family", "name", "prefix"):
                designation = (previous.designation if previous.kind == "family" else None) or (
                    mention.designation if mention.kind == "family" else None
                )
                designation = designation or previous.designation
                merged[-1] = MaterielMention(
                    previous.start,
                    mention.end,
                    previous.label if previous.kind == "family" else mention.label,
                    previous.category if previous.kind == "family" else mention.category,
                    mention.item if mention.kind == "noun" else previous.item,
                    designation,
                    "family" if "family" in (previous.kind, mention.kind) else previous.kind,
                )
                continue
        merged.append(mention)
    return merged
