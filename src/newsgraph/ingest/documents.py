"""One place that builds a :class:`~newsgraph.model.Document` from what a reader found.

A reader finds the parts of an input (headline, body, outlet, date, tags, credits, ...); here
they become the document: the text the NLP sees (the headline, a blank line, the body), where
the body starts, and the content id (:func:`~newsgraph.model.document_id`), so every reader
gives the same document for the same parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import EncodingError
from ..model import Credit, Document, Outlet, document_id

__all__ = ["Parts", "build_document"]


@dataclass(frozen=True, slots=True)
class Parts:
    """What a reader found in one input; ``raw_text`` is the input as read."""

    body: str
    raw_text: str
    source_kind: str
    headline: str | None = None
    outlet: Outlet | None = None
    tags: tuple[str, ...] = ()
    published: date | None = None
    credits: tuple[Credit, ...] = ()
    language: str | None = None
    url: str | None = None
    external_id: str | None = None


def _check_encodable(parts: Parts, *, origin: str) -> None:
    """Raise :class:`EncodingError` for text that is not Unicode text: a lone surrogate (a JSON
    ``"\\ud800"`` escape, say) cannot be hashed, stored or printed."""
    fields = {
        "text": parts.body,
        "headline": parts.headline,
        "outlet": parts.outlet.name if parts.outlet else None,
        "url": parts.url,
        "id": parts.external_id,
        "language": parts.language,
        "tags": " ".join(parts.tags),
        "raw text": parts.raw_text,  # last: it holds every part, so a named part is reported first
    }
    for name, value in fields.items():
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EncodingError(
                f"{origin}: the {name} holds a lone surrogate "
                f"(U+{ord(exc.object[exc.start]):04X} at offset {exc.start}), which is not "
                "text; fix the escape in the input",
                origin=origin,
            ) from exc


def build_document(parts: Parts, *, origin: str) -> Document:
    """The document of ``parts`` read from ``origin``; raises :class:`EncodingError` when a part
    is not Unicode text."""
    _check_encodable(parts, origin=origin)
    text = "\n\n".join(p for p in (parts.headline, parts.body) if p)
    return Document(
        id=document_id(
            text,
            headline=parts.headline,
            published=parts.published,
            outlet=parts.outlet.name if parts.outlet else None,
        ),
        text=text,
        raw_text=parts.raw_text,
        origin=origin,
        source_kind=parts.source_kind,
        body_start=len(text) - len(parts.body),
        headline=parts.headline,
        outlet=parts.outlet,
        tags=parts.tags,
        published=parts.published,
        credits=parts.credits,
        language=parts.language,
        url=parts.url,
        external_id=parts.external_id,
    )
