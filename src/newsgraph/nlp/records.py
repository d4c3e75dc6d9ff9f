"""From a processed spaCy ``Doc`` to the annotated-document records of :mod:`newsgraph.model`."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import AnnotatedDocument, Document, EntityMention

__all__ = ["to_annotated"]


def to_annotated(doc: Doc, document: Document, *, extractor: str) -> AnnotatedDocument:
    if doc.text != document.text:
        raise ValueError(f"document {document.id}: the Doc's text is not the document's text")
    entities = tuple(
        EntityMention(ent.start_char, ent.end_char, ent.text, ent.label_) for ent in doc.ents
    )
    return AnnotatedDocument(
        document=document,
        entities=entities,
        times=tuple(doc._.ng_times or ()),
        attributions=tuple(doc._.ng_attributions or ()),
        events=tuple(doc._.ng_events or ()),
        extractor=extractor,
    )
