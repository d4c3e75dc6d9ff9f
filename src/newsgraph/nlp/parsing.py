"""Selective parsing: run the dependency parser only on sentences that can hold an event.

Used with ``load_nlp(parse="selective")`` (setting ``parse``; the default is ``full``: on news text
about 80% of sentences are candidates and it saves little, see docs/evaluation.md). ``load_nlp``
then runs spaCy's ``senter`` (sentence boundaries without the parser) and disables the ``parser``;
this component, placed after the NER and the materiel tagger, parses each *candidate* sentence on
its own and writes the heads and labels back into the document. A sentence is a candidate when it
has a reporting cue ("said", "according to": the attribution component reads sources in the parse),
when its dates name no year (the time component reads the tense of the clause: "is scheduled for
Tuesday"), or when it has a trigger candidate (a lemma of the event lexicon: a coded verb, a frame
word, an event noun, or a verb whose argument patterns could match words of the sentence) and an
actor candidate (a PERSON/NORP/ORG/GPE/LOC/FAC entity, a proper noun, a personal pronoun or an
agent noun such as "officials" or "troops").

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

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from .claims.cues import reporting_verbs
from .events.arguments import is_actorlike
from .events.categories import CameoRoot
from .events.codes import cameo_root
from .events.lexicon import STATEMENT_KINDS, Lexicon, VerbEntry, lexicon

__all__ = [
    "SelectiveParser",
    "TriggerIndex",
    "candidate_sentences",
    "is_parsed",
    "needs_tense",
    "parse_spans",
    "reset_tree",
    "trigger_index",
]


def is_parsed(sent: Span) -> bool:
    """Whether the parser ran on this sentence."""
    return bool(len(sent)) and sent[0].dep_ != ""


class TriggerIndex:
    """What makes a word a trigger candidate, indexed by lemma (built once per pipeline)."""

    def __init__(self, lex: Lexicon) -> None:
        self.nouns = frozenset(lex.nouns)
        # Frames that make an event of their own ("asked", "agreed", "rejected"); reporting
        # and similar frames only change other events.
        self.frames = frozenset(
            lemma.split()[0]
            for lemma, frame in lex.frames.items()
            if frame.code and frame.kind not in STATEMENT_KINDS
        )
        self.verbs: dict[str, list[VerbEntry]] = defaultdict(list)
        for (lemma, _), entry in lex.verbs.items():
            self.verbs[lemma].append(entry)
        self.block_words = lex.block_words
        # Attribution cues: a reported statement is found in the parse of its sentence.
        self.reporting = frozenset(reporting_verbs()) | {"according"}

    def has_report_cue(self, sent: Span) -> bool:
        """Whether the sentence can report a statement ("X said", "according to X")."""
        return any(
            token.lemma_.lower() in self.reporting or token.lower_ == "according" for token in sent
        )

    def is_candidate(self, sent: Span) -> bool:
        """Whether a sentence can hold an event: a trigger candidate and an actor candidate.

        A verb of the dictionary with only its bare code needs two actor candidates (it is
        coded only with an actor on both sides) unless it is force or coercion (CAMEO 14-20);
        a verb whose block has patterns needs one of the words they name.
        """
        actors = 0  # none, one or more: counted no further
        for token in sent:
            if is_actorlike(token):
                actors += 1
                if actors > 1:
                    break
        if not actors:
            return False
        forms: set[str] | None = None
        for token in sent:
            pos = token.pos_
            if pos not in ("VERB", "NOUN", "ADJ"):
                continue
            lemma = token.lemma_.lower()
            if pos == "NOUN":
                if lemma in self.nouns:
                    return True
                continue
            if lemma in self.frames:
                return True
            for entry in self.verbs.get(lemma, ()):
                if entry.code and (
                    entry.ours or actors > 1 or cameo_root(entry.code) >= CameoRoot.PROTEST
                ):
                    return True
                needed = self.block_words.get(entry.block)
                if not needed:
                    continue
                if "*" in needed:
                    return True
                if forms is None:
                    forms = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
                if not needed.isdisjoint(forms):
                    return True
        return False


@cache
def trigger_index() -> TriggerIndex:
    """The index of the event lexicon, built once: the parser and the event coder share it."""
    return TriggerIndex(lexicon())


_YEAR = re.compile(r"\b(1\d|20)\d\d\b")


def needs_tense(sent: Span) -> bool:
    """Whether a time expression of the sentence is resolved by its clause's tense: a date or
    time the NER found that names no year ("on Tuesday", "in March", "next week"). The time
    component reads the verb it modifies ("is scheduled for Tuesday" lies ahead)."""
    return any(ent.label_ in ("DATE", "TIME") and not _YEAR.search(ent.text) for ent in sent.ents)


def candidate_sentences(doc: Doc, index: TriggerIndex) -> list[Span]:
    """The sentences to parse: those that can hold an event, those that can report a
    statement, and those whose dates need the tense of their clause."""
    return [
        sent
        for sent in doc.sents
        if index.is_candidate(sent) or needs_tense(sent) or index.has_report_cue(sent)
    ]


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
    boundaries: Any = doc.to_array([SENT_START])
    array: Any = numpy.zeros((size, 2), dtype=numpy.uint64)
    array[:, 1] = doc.vocab.strings.add("dep")
    cleared: Any = numpy.zeros((size, 1), dtype=numpy.uint64)
    doc.from_array([HEAD, DEP], array)
    doc.from_array([DEP], cleared)
    doc.from_array([SENT_START], boundaries)


def parse_spans(doc: Doc, spans: list[Span], parser: Callable[[Doc], Doc]) -> None:
    """Parse the spans (whole sentences) and copy the parse into ``doc``; sentence boundaries
    stay as they were.

    The spans go to the parser as one document of their own, each a preset sentence, carrying
    the token vectors the document already has (the parser reads those, not the text), so a
    sentence is parsed as it would be in its document for about 99% of its tokens.
    """
    if not spans:
        return
    attributes = doc.to_array([ORTH, SPACY])
    index = numpy.concatenate([numpy.arange(s.start, s.end) for s in spans])
    strings = doc.vocab.strings
    starts = numpy.zeros(len(index), dtype=bool)
    offset = 0
    for span in spans:
        starts[offset] = True
        offset += len(span)
    piece = Doc(
        doc.vocab,
        words=[strings[int(orth)] for orth in attributes[index, 0]],
        spaces=[bool(space) for space in attributes[index, 1]],
        sent_starts=[bool(start) for start in starts],
    )
    if doc.tensor is not None and len(doc.tensor) == len(doc):
        piece.tensor = doc.tensor[index]
    parsed = parser(piece).to_array([HEAD, DEP])
    # spaCy's arrays are uint64 (heads as two's-complement offsets); its stubs say Ints2d.
    array: Any = doc.to_array([HEAD, DEP])
    # Heads are relative offsets and each sentence is contiguous in both documents.
    array[index] = parsed
    boundaries: Any = doc.to_array([SENT_START])
    doc.from_array([HEAD, DEP], array)
    # from_array re-derives sentence starts from the trees, which unparsed sentences lack.
    doc.from_array([SENT_START], boundaries)


class SelectiveParser:
    """Parse the candidate sentences of each document (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_parser") -> None:
        self.name = name
        self.nlp = nlp
        self.index = trigger_index()

    def _parser(self) -> Callable[[Doc], Doc] | None:
        if "parser" not in self.nlp.component_names or "parser" in self.nlp.pipe_names:
            return None  # no parser, or it already ran on everything
        parser: Callable[[Doc], Doc] = self.nlp.get_pipe("parser")
        return parser

    def __call__(self, doc: Doc) -> Doc:
        parser = self._parser()
        if parser is None or doc.has_annotation("DEP"):
            return doc
        reset_tree(doc)
        parse_spans(doc, candidate_sentences(doc, self.index), parser)
        return doc
