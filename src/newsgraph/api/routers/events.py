"""Events: the filtered listing, and one event with its evidence and its document."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from ...http.deps import EventQueryDep, StoreDep
from ...http.items import event_item
from ...store import list_events
from ...store.browse import event_with_document
from ...store.tags import event_tags
from ..errors import READ_ERRORS
from ..responses import json_response
from .documents import page

__all__ = ["event_item", "router"]

router = APIRouter(prefix="/api/events", tags=["events"], responses=READ_ERRORS)


@router.get("", summary="List events with filters")
def events(store: StoreDep, query: EventQueryDep) -> Response:
    """Events newest first (``sort`` for other orders), with their parties, sources, document
    and sentence. Pages: ``limit`` and ``offset``; ``next_offset`` is null on the last page."""
    rows = list_events(store, replace(query, limit=query.limit + 1))
    return json_response(
        page([event_item(r) for r in rows], limit=query.limit, offset=query.offset)
    )


@router.get("/{event_id}", summary="One event with its document")
def event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """The event as in docs/schema.md, its sentence, its tags and its document's metadata."""
    found, annotated = event_with_document(store, event_id)
    doc = annotated.document
    location = found.location.country if found.location else None
    return {
        "event": found.to_dict(),
        "sentence": doc.text[found.sentence_start : found.sentence_end],
        "tags": event_tags(
            (a.actor.code for a in found.actors),
            (r.actor.code for r in found.recipients),
            location_country=location,
            document_tags=doc.tags,
        ),
        "document": {
            "doc_id": doc.id,
            "headline": doc.headline,
            "outlet": doc.outlet.name if doc.outlet else None,
            "outlet_abbreviation": doc.outlet.abbreviation if doc.outlet else None,
            "published": doc.published,
            "tags": list(doc.tags),
            "url": doc.url,
        },
    }
