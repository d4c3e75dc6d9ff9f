"""Selective parsing: only sentences that can hold an event are parsed, and every sentence keeps
its boundaries, tags and lemmas (needs the English model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import Annotator, load_nlp
from newsgraph.nlp.extensions import prepare_doc
from newsgraph.nlp.parsing import is_parsed, reset_tree

pytestmark = pytest.mark.model

TEXT = (
    "Ruritania asked Freedonia to supply two air defence systems.\n"
    "The weather was mild and the harvest was good.\n"
    "Freedonian troops shelled the border town of Ostrava on Monday."
)


def _run(nlp: Language, text: str) -> Doc:
    return nlp(prepare_doc(nlp.make_doc(text), doc_id="t", published=None))


@pytest.fixture(scope="module")
def full() -> Language:
    return load_nlp(parse="full", coder="rules")


@pytest.fixture(scope="module")
def annotator(selective_annotator: Annotator) -> Annotator:
    """This module is about ``parse="selective"`` (the default is ``full``)."""
    return selective_annotator


def test_default_parses_every_sentence() -> None:
    doc = _run(load_nlp(), TEXT)
    assert all(is_parsed(s) for s in doc.sents)


def test_selective_parse_skips_sentences_without_candidates(annotator: Annotator) -> None:
    doc = _run(annotator.nlp, TEXT)
    sents = list(doc.sents)
    assert [is_parsed(s) for s in sents] == [True, False, True]
    unparsed = sents[1]
    assert all(t.dep_ == "" and t.head.i == t.i for t in unparsed)
    assert all(list(t.children) == [] for t in unparsed)
    # Tags, lemmas and boundaries are there all the same.
    assert all(t.pos_ and t.lemma_ for t in unparsed)
    assert unparsed.text.startswith("The weather")


def test_selective_parse_matches_the_full_parse(annotator: Annotator, full: Language) -> None:
    selective = _run(annotator.nlp, TEXT)
    complete = _run(full, TEXT)
    for sent, reference in zip(selective.sents, complete.sents, strict=True):
        if is_parsed(sent):
            assert [(t.dep_, t.head.i) for t in sent] == [(t.dep_, t.head.i) for t in reference]
    assert [e.to_dict() for e in selective._.ng_events] == [
        e.to_dict() for e in complete._.ng_events
    ]


def test_full_parse_parses_everything(full: Language) -> None:
    doc = _run(full, TEXT)
    assert all(is_parsed(s) for s in doc.sents)
    assert "parser" in full.pipe_names and "senter" not in full.pipe_names


def test_selective_pipeline_layout(annotator: Annotator) -> None:
    names = annotator.nlp.pipe_names
    assert "parser" not in names and "senter" in names
    assert names.index("ner") < names.index("newsgraph_parser") < names.index("newsgraph_events")


def test_document_without_candidates_is_safe_to_walk(annotator: Annotator) -> None:
    # A dash is a tokenizer special case whose cached tree edges used to leak into new texts.
    doc = _run(annotator.nlp, "The weather — mild — was good. The harvest was late.")
    assert not doc.has_annotation("DEP")
    assert all(list(t.children) == [] and t.left_edge.i == t.i for t in doc)
    assert [s.text for s in doc.sents] == [
        "The weather — mild — was good.",
        "The harvest was late.",
    ]


def test_reset_tree_keeps_sentence_boundaries() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("A — B. C d.")
    doc[0].is_sent_start = True
    doc[3].is_sent_start = True
    reset_tree(doc)
    assert [s.text for s in doc.sents] == ["A — B.", "C d."]
    assert all(t.left_edge.i == t.i == t.right_edge.i for t in doc)


def test_load_nlp_rejects_unknown_parse_mode() -> None:
    with pytest.raises(ValueError, match="selective"):
        load_nlp(parse="sometimes")
