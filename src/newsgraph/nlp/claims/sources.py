"""Who a source is: the links an attribution's source adds to an event's attribution chain.

A source span becomes one link, or two when it says where a document came from ("documents
obtained by The Washington Post": The Washington Post, then the documents). Each link has a kind
(outlet, document, person, organisation, anonymous) and a name:

- names decide first: a known outlet (``outlets.tsv``) is an outlet, a PERSON a person (its
  name), an ORG, GPE or NORP an organisation;
- else the head word (``source_kinds.tsv``): "the documents" a document, "officials" anonymous,
  "the spokesman" a person, "a senior official" anonymous, "the ministry" an organisation, "the
  newspaper" the outlet last named (else the document's own);
- pronouns: "he"/"she"/"I" a person, named after the nearest PERSON before it (no coreference
  model: a guess, kept with the pronoun's offsets); "who"/"which" the noun they stand for.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span, Token

from ...ingest.outlets import find_outlet
from ...model import AttributionSource, Outlet
from ..extensions import doc_text
from ..text.spans import entity_at
from .cues import source_kinds

__all__ = ["source_links"]

_PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her", "me", "his"})
_GROUP_PRONOUNS = frozenset({"they", "we", "you", "them", "us", "some", "many", "others"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "two", "three", "other", "one"})
_PROVENANCE_VERBS = frozenset(
    {"obtain", "see", "review", "acquire", "receive", "examine", "view", "leak", "get"}
)


def source_links(
    doc: Doc, start: int, end: int, *, outlet: Outlet | None
) -> list[AttributionSource]:
    """The chain links of the source at ``doc.text[start:end]``, outermost first."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return [AttributionSource("anonymous", doc_text(doc)[start:end], start, end)]
    links: list[AttributionSource] = []
    # "documents, obtained by X": X had them first. The participle may lie outside the span.
    for token in span.root.children:
        if token.dep_ == "acl" and token.lemma_.lower() in _PROVENANCE_VERBS:
            agent = _agent(token)
            if agent is not None:
                links.append(_classify(_phrase(agent), outlet=outlet))
    links.append(_classify(span, outlet=outlet, cut=True))
    return links


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _phrase(token: Token) -> Span:
    """The noun phrase of ``token`` without clauses hanging from it."""
    words = [token]
    stack = [c for c in token.children if c.dep_ in ("compound", "det", "amod", "poss", "nmod")]
    while stack:
        child = stack.pop()
        words.append(child)
        stack.extend(c for c in child.children if c.dep_ in ("compound", "amod", "poss", "det"))
    first = min(w.i for w in words)
    return token.doc[first : token.i + 1]


def _core(span: Span) -> Span:
    """The source phrase up to its head word's phrase: "internal US government documents,
    obtained by X" -> "internal US government documents"."""
    root = span.root
    phrase = _phrase(root)
    start = max(phrase.start, span.start)
    return span.doc[start : root.i + 1] if root.i >= start else span


def _name(span: Span) -> str:
    words = list(span)
    while words and (words[0].dep_ == "det" or words[0].is_punct):
        words = words[1:]
    if not words:
        return span.text
    return span.doc[words[0].i : words[-1].i + 1].text


def _classify(span: Span, *, outlet: Outlet | None, cut: bool = False) -> AttributionSource:
    doc = span.doc
    start, end = span.start_char, span.end_char
    core = _core(span) if cut else span
    root = core.root
    lower = root.lower_
    if root.pos_ == "PRON" or lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        if lower in _RELATIVE_PRONOUNS and root.head.dep_ == "relcl":
            antecedent = root.head.head
            link = _classify(_phrase(antecedent), outlet=outlet)
            return AttributionSource(link.kind, link.name, start, end)
        if lower in _PERSON_PRONOUNS:
            return AttributionSource("person", _antecedent(doc, root) or root.text, start, end)
        if lower == "it":
            return AttributionSource("organisation", root.text, start, end)
        return AttributionSource("anonymous", root.text, start, end)
    known = find_outlet(core.text) or find_outlet(_name(core))
    if known is not None:
        return AttributionSource("outlet", known.name, start, end)
    entity = entity_at(root)
    if entity is not None:
        if entity.label_ == "PERSON":
            return AttributionSource("person", entity.text, start, end)
        if entity.label_ in _ORGANISATION_LABELS:
            name = find_outlet(entity.text)
            if name is not None:
                return AttributionSource("outlet", name.name, start, end)
            return AttributionSource("organisation", _name(core), start, end)
    person = _first_person(core)
    kind = source_kinds().get(root.lemma_.lower()) or source_kinds().get(lower)
    if person is not None and kind in (None, "role"):
        return AttributionSource("person", person.text, start, end)
    if kind == "outlet":
        named = _outlet_before(doc, root) or outlet
        return AttributionSource("outlet", named.name if named else _name(core), start, end)
    if kind == "role":
        determiner = next((c.lower_ for c in root.children if c.dep_ == "det"), "")
        plural = root.tag_ in ("NNS", "NNPS")
        kind = "anonymous" if plural or determiner in _INDEFINITE else "person"
    elif kind is None:
        kind = "organisation" if root.pos_ == "PROPN" else "anonymous"
    return AttributionSource(kind, _name(core), start, end)


def _first_person(span: Span) -> Span | None:
    """The first PERSON entity wholly inside ``span`` (as ``span.ents`` would give it, without
    listing the whole document's entities)."""
    for token in span:
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            entity = entity_at(token)
            if entity is not None and entity.end <= span.end:
                return entity
    return None


def _antecedent(doc: Doc, pronoun: Token) -> str | None:
    """The nearest PERSON named before ``pronoun``: what "he said" most often refers to."""
    ends, names = _index(doc).persons
    found = bisect.bisect_right(ends, pronoun.i)  # entities ending at or before the pronoun
    return names[found - 1] if found else None


def _outlet_before(doc: Doc, token: Token) -> Outlet | None:
    """The outlet last named before ``token`` ("... The Times reported. The newspaper ...")."""
    starts, outlets = _index(doc).outlets
    found = bisect.bisect_left(starts, token.i)  # entities starting before the token
    return outlets[found - 1] if found else None


@dataclass(frozen=True, slots=True)
class _Index:
    """Where a document names people and outlets, by token position, to look back from a
    word in logarithmic time (looking through ``doc.ents`` for each source is quadratic)."""

    persons: tuple[list[int], list[str]]
    outlets: tuple[list[int], list[Outlet]]


# Per Doc, gone with it (not in ``doc.user_data``, which a Doc carries into its serialisation).
_INDEXES: weakref.WeakKeyDictionary[Doc, tuple[numpy.ndarray[Any, Any], _Index]] = (
    weakref.WeakKeyDictionary()
)


def _index(doc: Doc) -> _Index:
    """The index of ``doc``, built on first use and again when its entities change (checked on
    the token array, far cheaper than listing ``doc.ents``)."""
    marker = doc.to_array([ENT_IOB, ENT_TYPE])
    cached = _INDEXES.get(doc)
    if cached is not None and numpy.array_equal(cached[0], marker):
        return cached[1]
    persons: tuple[list[int], list[str]] = ([], [])
    outlets: tuple[list[int], list[Outlet]] = ([], [])
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            persons[0].append(entity.end)
            persons[1].append(entity.text)
        if entity.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE"):
            known = find_outlet(entity.text)
            if known is not None:
                outlets[0].append(entity.start)
                outlets[1].append(known)
    index = _Index(persons, outlets)
    _INDEXES[doc] = (marker, index)
    return index
