"""Parts of a Doc found without building the whole list: spaCy makes ``doc.ents`` afresh, token by
token, on every access, which costs the length of the document each time; and the token at a
character offset."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["entity_at", "token_at"]


def entity_at(token: Token) -> Span | None:
    """The entity ``token`` is part of, as ``doc.ents`` has it (its B token, then the Is, with
    the B token's label), or None outside entities."""
    if token.ent_iob_ == "O" or not token.ent_type_:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id)


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token holding the character at ``offset`` (None past the end)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
