"""From a processed spaCy ``Doc`` to the annotated-document records of :mod:`newsgraph.model`."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import AnnotatedDocument, Document, EntityMention, EventActor

__all__ = ["ACTOR_LABEL", "to_annotated"]

#: Label of an actor mention the NER did not find ("American troops" is found, "a senior aide"
#: or "his country" is not): resolved noun phrases that overlap no entity.
ACTOR_LABEL = "ACTOR"


def to_annotated(doc: Doc, document: Document, *, extractor: str) -> AnnotatedDocument:
    if doc.text != document.text:
        raise ValueError(f"document {document.id}: the Doc's text is not the document's text")
    mentions: list[EventActor] = doc._.ng_actors or []
    by_span = {(m.start, m.end): m.actor for m in mentions}
    entities = [
        EntityMention(
            ent.start_char,
            ent.end_char,
            ent.text,
            ent.label_,
            by_span.get((ent.start_char, ent.end_char)),
        )
        for ent in doc.ents
    ]
    # Characters covered by an entity so far: an actor mention overlapping none is added. One
    # flag a character keeps this linear in the document's length.
    taken = bytearray(len(doc.text) + 1)
    for entity in entities:
        taken[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
    for mention in mentions:
        if not any(taken[mention.start : mention.end]):
            entities.append(
                EntityMention(mention.start, mention.end, mention.text, ACTOR_LABEL, mention.actor)
            )
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return AnnotatedDocument(
        document=document,
        entities=tuple(sorted(entities, key=lambda e: (e.start, e.end))),
        times=tuple(doc._.ng_times or ()),
        attributions=tuple(doc._.ng_attributions or ()),
        events=tuple(doc._.ng_events or ()),
        extractor=extractor,
    )
