"""Selective parsing: run the dependency parser only on sentences that can hold an event.

The parser is about a sixth of the English pipeline's time and most sentences of a news text
hold no event. ``load_nlp`` therefore runs spaCy's ``senter`` (sentence boundaries without the
parser) and disables the ``parser``; this component, placed after the NER and the materiel
tagger, parses each *candidate* sentence on its own and writes the heads and labels back into the
document. A sentence is a candidate when it has a trigger candidate (a lemma of the event lexicon:
a coded verb, a frame word, an event noun, or a verb whose argument patterns could match words of
the sentence) and an actor candidate (a PERSON/NORP/ORG/GPE/LOC/FAC entity, a proper noun, a
personal pronoun or an agent noun such as "officials" or "troops").

The guarantee every later component can rely on:

- every sentence has its boundaries (``doc.sents``: the line-break rule, then ``senter``), part of
  speech tags, lemmas and entities, whether parsed or not;
- a sentence is parsed in full or not at all, and an unparsed sentence has no parse rather than
  a wrong one: ``token.dep_ == ""`` and ``token.head is token`` for each of its tokens. Check
  with :func:`is_parsed` (``sent[0].dep_ != ""``); ``doc.noun_chunks`` skips unparsed sentences
  but raises when no sentence of the document was parsed (``doc.has_annotation("DEP")`` is then
  False);
- parsing a sentence alone gives the same parse as parsing it in its document for about 99% of
  tokens (the parser reads the document's own token vectors, sliced).

With a model that has no ``senter``, or when ``load_nlp(parse="full")`` is asked for, the parser
runs on everything and this component does nothing.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .arguments import is_actorlike
from .lexicon import Lexicon, lexicon

__all__ = [
    "SelectiveParser",
    "candidate_sentences",
    "is_candidate",
    "is_parsed",
    "parse_spans",
    "reset_tree",
]


def is_parsed(sent: Span) -> bool:
    """Whether the parser ran on this sentence."""
    return bool(len(sent)) and sent[0].dep_ != ""


def is_candidate(sent: Span, lex: Lexicon) -> bool:
    """Whether a sentence can hold an event: a trigger candidate and an actor candidate."""
    if not any(is_actorlike(token) for token in sent):
        return False
    forms: set[str] | None = None
    for token in sent:
        pos = token.pos_
        if pos not in ("VERB", "NOUN", "ADJ", "AUX", "PROPN"):
            continue
        lemma = token.lemma_.lower()
        if lemma in lex.nouns or lemma in lex.frames:
            return True
        if pos != "VERB":
            continue
        entry = lex.verb(lemma)
        if entry is None:
            continue
        if entry.code:
            return True
        needed = lex.block_words.get(entry.block)
        if needed and "*" in needed:
            return True
        if needed:
            if forms is None:
                forms = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            if not needed.isdisjoint(forms):
                return True
    return False


def candidate_sentences(doc: Doc, lex: Lexicon | None = None) -> list[Span]:
    lex = lex if lex is not None else lexicon()
    return [sent for sent in doc.sents if is_candidate(sent, lex)]


def reset_tree(doc: Doc) -> None:
    """Give every token an empty tree of its own (no head, no children, no label).

    Tokens the tokenizer copied from its cache can carry the tree edges of the text they were
    cached from ("—" in a long text), and spaCy walks those edges for ``token.children``:
    without a parser to overwrite them they must be reset, or reading a child can read past the
    document. spaCy rebuilds the edges only when labels are set, so a placeholder label is set
    and then cleared; sentence boundaries are restored.
    """
    size = len(doc)
    if not size:
        return
    boundaries = doc.to_array([SENT_START])
    array = numpy.zeros((size, 2), dtype=numpy.uint64)
    array[:, 1] = doc.vocab.strings.add("dep")
    doc.from_array([HEAD, DEP], array)
    doc.from_array([DEP], numpy.zeros((size, 1), dtype=numpy.uint64))
    doc.from_array([SENT_START], boundaries)


def parse_spans(doc: Doc, spans: list[Span], parser: object) -> None:
    """Parse each span as a document of its own and copy the parse into ``doc``; sentence
    boundaries stay as they were."""
    if not spans:
        return
    pieces = []
    for span in spans:
        piece = Doc(
            doc.vocab,
            words=[t.text for t in span],
            spaces=[bool(t.whitespace_) for t in span],
            sent_starts=[True] + [False] * (len(span) - 1),
        )
        if doc.tensor is not None and len(doc.tensor) == len(doc):
            piece.tensor = doc.tensor[span.start : span.end]
        pieces.append(piece)
    array = doc.to_array([HEAD, DEP])
    heads = array[:, 0].astype(numpy.int64)
    for span, piece in zip(spans, parser.pipe(pieces), strict=True):  # type: ignore[attr-defined]
        parsed = piece.to_array([HEAD, DEP])
        heads[span.start : span.end] = parsed[:, 0].astype(numpy.int64)
        array[span.start : span.end, 1] = parsed[:, 1]
    array[:, 0] = heads.astype(numpy.uint64)
    boundaries = doc.to_array([SENT_START])
    doc.from_array([HEAD, DEP], array)
    # from_array re-derives sentence starts from the trees, which unparsed sentences lack.
    doc.from_array([SENT_START], boundaries)


class SelectiveParser:
    """Parse the candidate sentences of each document (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_parser") -> None:
        self.name = name
        self.nlp = nlp
        self.lex = lexicon()

    def _parser(self) -> object | None:
        if "parser" not in self.nlp.component_names or "parser" in self.nlp.pipe_names:
            return None  # no parser, or it already ran on everything
        return self.nlp.get_pipe("parser")

    def __call__(self, doc: Doc) -> Doc:
        parser = self._parser()
        if parser is None or doc.has_annotation("DEP"):
            return doc
        reset_tree(doc)
        parse_spans(doc, candidate_sentences(doc, self.lex), parser)
        return doc
