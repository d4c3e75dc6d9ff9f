"""The model's lemmas, looked up once per word form: what spaCy's rule ``lemmatizer`` sets, faster.

spaCy's rule lemmatizer walks the Doc token by token in Python, asks its cache (keyed by the form,
the part of speech and the morphology) and sets ``token.lemma_`` through the string store.
:class:`Lemmas` reads those three values for the whole Doc in one array, asks spaCy's lemmatizer
itself only for a combination it has not met yet, and writes the lemmas back in one array: the
same lemmas (the lemmatizer's answer depends on nothing else), at a fraction of the cost. The
lemmatizer's word index per part of speech is a list (57,000 nouns), which it scans for each
candidate form of a word it has not met: the lists are given a set to answer those tests from.

Only a rule lemmatizer that keeps lemmas already set (``overwrite = False``, the models' setting)
is served; :func:`fast_lemmas` returns ``None`` for anything else, and spaCy's runs.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["Lemmas", "fast_lemmas"]


class _IndexedList(list[str]):
    """A list that answers ``in`` from a set of its items (it is not changed afterwards)."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _index_words(lemmatizer: Lemmatizer) -> None:
    """Give the lemmatizer's ``lemma_index`` lists a set (same members, same order)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if type(words) is list:
            table[pos] = _IndexedList(words)


class Lemmas:
    """Lemmas for every token without one, from ``lemmatizer``'s rules and tables."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        _index_words(lemmatizer)
        self._known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        # spaCy's arrays are uint64; its stubs say Ints2d.
        lemmas: Any = rows[:, 3:4].copy()
        known, strings = self._known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                known[key] = value
            lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def fast_lemmas(lemmatizer: object) -> Lemmas | None:
    """:class:`Lemmas` for a rule lemmatizer that keeps preset lemmas, else None."""
    if not isinstance(lemmatizer, Lemmatizer):
        return None
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return None
    return Lemmas(lemmatizer)
