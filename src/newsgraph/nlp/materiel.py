"""WEAPON, PLATFORM and EQUIPMENT entities from the materiel lexicon (``data/materiel.tsv``).

Designations (``Su-30MK2``, ``S-400``) are matched by one compiled regular expression over the
tokens that contain a digit; names and generic nouns by phrase matchers. The component overrides
the statistical NER where they overlap ("S-400" is not an ORG). Each entity's ``ent_id_`` is its
category (``missile``, ``drone``, ``air_defence``, ...).

A spaCy ``EntityRuler`` over the same lexicon did the job at about a quarter of the whole
pipeline's time; this does it at a small fraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import read_table, read_text

__all__ = ["MATERIEL_LABELS", "MaterielEntry", "MaterielTagger", "materiel_entries"]

MATERIEL_LABELS = frozenset({"WEAPON", "PLATFORM", "EQUIPMENT"})
_INVARIANT = frozenset({"aircraft", "ammunition", "artillery", "uav"})


@dataclass(frozen=True, slots=True)
class MaterielEntry:
    """One lexicon row: what to match and what it is."""

    kind: str
    pattern: str
    label: str
    category: str
    context: frozenset[str]


def plural(word: str) -> str:
    """The English plural of a materiel noun ("torpedo" -> "torpedoes")."""
    if word.lower() in _INVARIANT:
        return word
    if word.endswith(("o", "s", "sh", "ch")):
        return word + "es"
    return word + "s"


@cache
def materiel_entries() -> tuple[MaterielEntry, ...]:
    entries = []
    for row in read_table("materiel.tsv"):
        if row["kind"] not in ("family", "name", "noun"):
            raise ValueError(f"materiel.tsv: unknown kind {row['kind']!r}")
        entries.append(
            MaterielEntry(
                kind=row["kind"],
                pattern=row["pattern"],
                label=row["label"],
                category=row["category"],
                context=frozenset(c.lower() for c in row["context"].split("|") if c),
            )
        )
    return tuple(entries)


@cache
def _modifiers() -> frozenset[str]:
    lines = read_text("materiel_modifiers.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class MaterielTagger:
    """Add materiel entities to ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_materiel") -> None:
        self.name = name
        entries = materiel_entries()
        self.families = [e for e in entries if e.kind == "family"]
        alternatives = "|".join(f"(?P<f{i}>{e.pattern})" for i, e in enumerate(self.families))
        self.designation = re.compile(rf"(?:{alternatives})s?")
        self.modifiers = _modifiers()
        self.entries: dict[str, MaterielEntry] = {}
        # Generic nouns match in any case; names as written (a "patriot" is not a "Patriot").
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, entry in enumerate(entries):
            key = f"materiel{index}"
            if entry.kind == "noun":
                *lead, last = entry.pattern.lower().split()
                forms = {" ".join([*lead, w]) for w in (last, plural(last))}
                self.nouns.add(key, [nlp.make_doc(form) for form in sorted(forms)])
            elif entry.kind == "name":
                self.names.add(key, [nlp.make_doc(entry.pattern)])
            else:
                continue
            self.entries[key] = entry

    def _span(self, doc: Doc, start: int, end: int, entry: MaterielEntry) -> Span:
        return Span(doc, start, end, label=entry.label, span_id=entry.category)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for token in doc:
            if not any(ch.isdigit() for ch in token.text):
                continue
            match = self.designation.fullmatch(token.text)
            if match and match.lastgroup:
                entry = self.families[int(match.lastgroup[1:])]
                found.append(self._span(doc, token.i, token.i + 1, entry))
        vocab = doc.vocab.strings
        for match_id, start, end in self.names(doc):
            entry = self.entries[vocab[match_id]]
            if entry.context:
                if end >= len(doc) or doc[end].lower_ not in entry.context:
                    continue
                end += 1  # "Patriot batteries": the word that disambiguates is part of the name
            found.append(self._span(doc, start, end, entry))
        for match_id, start, end in self.nouns(doc):
            entry = self.entries[vocab[match_id]]
            while start > 0 and doc[start - 1].lower_ in self.modifiers:
                start -= 1
            found.append(self._span(doc, start, end, entry))
        if not found:
            return doc
        ours = filter_spans(found)
        taken = {i for span in ours for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted([*kept, *ours], key=lambda span: span.start)
        return doc
