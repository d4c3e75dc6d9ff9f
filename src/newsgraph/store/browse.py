"""Read-side lookups the API and web pages browse by: documents (list, search), one event with
its document, actors by name.

Every value from a user goes in as a bound parameter; only fixed SQL fragments are joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import NotFoundError
from ..model import AnnotatedDocument, Event
from .patterns import ESCAPE, contains, literal
from .store import Store

__all__ = ["DocumentQuery", "event_with_document", "list_documents", "search_actors"]

_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """Filters of the documents listing; ``text`` matches the headline or the text."""

    text: str | None = None
    outlet: str | None = None
    tag: str | None = None
    since: date | None = None
    until: date | None = None
    all_versions: bool = False
    limit: int = 50
    offset: int = 0


def list_documents(store: Store, query: DocumentQuery) -> list[dict[str, Any]]:
    """Documents matching ``query``, newest publication first, each with its number of events
    and the first words of its body."""
    where: list[str] = []
    params: list[Any] = []
    if query.text:
        where.append(f"(d.headline ILIKE ? {ESCAPE} OR d.text ILIKE ? {ESCAPE})")
        params.extend([contains(query.text)] * 2)
    if query.outlet:
        where.append(f"(d.outlet ILIKE ? {ESCAPE} OR d.outlet_abbreviation ILIKE ? {ESCAPE})")
        params.extend([contains(query.outlet), literal(query.outlet)])
    if query.tag:
        where.append("list_contains(list_transform(d.tags, lambda t: lower(t)), ?)")
        params.append(query.tag.strip().lstrip("#").lower())
    if query.since:
        where.append("d.published >= ?")
        params.append(query.since)
    if query.until:
        where.append("d.published <= ?")
        params.append(query.until)
    source = "documents" if query.all_versions else "current_documents"
    params.extend([query.limit, query.offset])
    rows = store.query(
        f"""
        WITH page AS (
            SELECT d.doc_id, d.headline, d.outlet, d.outlet_abbreviation, d.published, d.tags,
                   d.origin, d.url, d.version, d.ingested_at,
                   substr(d.text, d.body_start + 1, 240) AS snippet
            FROM {source} d
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY d.published DESC NULLS LAST, d.ingested_at DESC, d.doc_id
            LIMIT ? OFFSET ?
        )
        SELECT p.*, (SELECT count(*) FROM events e WHERE e.doc_id = p.doc_id) AS events
        FROM page p
        ORDER BY p.published DESC NULLS LAST, p.ingested_at DESC, p.doc_id
        """,
        params,
    )
    for row in rows:
        row["tags"] = row["tags"] or []
    return rows


def event_with_document(store: Store, event_id: str) -> tuple[Event, AnnotatedDocument]:
    """One event and the annotated document it was found in."""
    key = event_id.lower()
    if not key or not set(key) <= _HEX:
        raise NotFoundError(f"{event_id!r} is not an event id (hexadecimal)")
    row = store.query("SELECT doc_id FROM events WHERE event_id = ?", [key])
    if not row:
        raise NotFoundError(f"no event with id {event_id!r}; list events with newsgraph events")
    document = store.annotated_document(row[0]["doc_id"])
    for event in document.events:
        if event.id == key:
            return event, document
    raise NotFoundError(f"event {event_id!r} is not in its document any more")


def search_actors(
    store: Store, text: str | None = None, *, limit: int = 50
) -> list[dict[str, Any]]:
    """Actors by name, text or code (all when ``text`` is empty), with how often each acts and
    is acted on, most frequent first."""
    where = ""
    params: list[Any] = []
    if text:
        where = (
            f"WHERE a.name ILIKE ? {ESCAPE} OR a.text ILIKE ? {ESCAPE} "
            "OR starts_with(upper(a.code), ?)"
        )
        params.extend([contains(text), contains(text), text.upper()])
    params.append(limit)
    return store.query(
        f"""
        SELECT a.name, any_value(a.code ORDER BY a.code NULLS LAST) AS code,
               count(DISTINCT a.event_id) FILTER (WHERE a.role = 'actor') AS as_actor,
               count(DISTINCT a.event_id) FILTER (WHERE a.role = 'recipient') AS as_recipient,
               count(DISTINCT a.event_id) AS events
        FROM event_actors a
        JOIN events e USING (event_id) JOIN current_documents d USING (doc_id)
        {where}
        GROUP BY a.name
        ORDER BY events DESC, a.name
        LIMIT ?
        """,
        params,
    )
