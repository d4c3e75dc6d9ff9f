"""entity_at finds the entity of doc.ents that holds a token."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.nlp.text.spans import entity_at


def test_entity_at_agrees_with_doc_ents() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Royal Ruritanian Navy met Freedonia and Sylvania in New Carthage on Tuesday .")
    doc.ents = [
        Span(doc, 1, 4, label="ORG", kb_id="navy"),
        Span(doc, 5, 6, label="GPE"),
        Span(doc, 7, 8, label="GPE"),  # right after another entity of the same label
        Span(doc, 9, 11, label="GPE"),
        Span(doc, 12, 13, label="DATE"),
    ]
    expected = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    for token in doc:
        found = entity_at(token)
        if token.i not in expected:
            assert found is None, token.text
            continue
        ent = expected[token.i]
        assert found is not None
        assert (found.start, found.end, found.label_, found.kb_id_) == (
            ent.start,
            ent.end,
            ent.label_,
            ent.kb_id_,
        )
