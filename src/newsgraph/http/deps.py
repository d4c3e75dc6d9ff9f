"""What routes share: the store of a request, and parameters parsed into library queries.

Query parameters arrive as strings (web forms send empty fields as ``""``, which means "not
given"); they are checked here and a bad one raises :class:`~newsgraph.errors.ConfigError`
naming the parameter, which the error handlers turn into a 400 answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from ..errors import ConfigError
from ..store import EventQuery, Store
from ..store.browse import DocumentQuery
from ..store.queries import EVENT_ORDERS

__all__ = [
    "MAX_LIMIT",
    "DocumentQueryDep",
    "EventQueryDep",
    "StoreDep",
    "document_query",
    "event_query",
    "int_param",
    "optional_date",
    "optional_text",
    "request_store",
]

MAX_LIMIT = 500


def request_store(request: Request) -> Iterator[Store]:
    """A cursor on the app's store for this request: DuckDB connections are not shared between
    threads, cursors are cheap and see the same open database."""
    cursor = request.app.state.store.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


StoreDep = Annotated[Store, Depends(request_store)]


def optional_text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def optional_date(value: str | None, name: str) -> date | None:
    text = optional_text(value)
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"parameter {name!r} must be a date as YYYY-MM-DD, got {text!r}") from exc


def _int(value: str | None, name: str, *, low: int, high: int) -> int | None:
    text = optional_text(value)
    if text is None:
        return None
    try:
        number = int(text)
    except ValueError as exc:
        raise ConfigError(f"parameter {name!r} must be a whole number, got {text!r}") from exc
    if not low <= number <= high:
        raise ConfigError(f"parameter {name!r} must be between {low} and {high}, got {number}")
    return number


def _dyad(value: str | None) -> tuple[str, str] | None:
    text = optional_text(value)
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise ConfigError(f"parameter 'dyad' must be two actors joined by a comma, got {text!r}")
    return parts[0], parts[1]


def event_query(
    actor: Annotated[
        str | None, Query(description="Actor name, text or code (RUS, RUSGOV).")
    ] = None,
    recipient: Annotated[str | None, Query(description="Recipient name, text or code.")] = None,
    dyad: Annotated[
        str | None, Query(description="Two actors, comma-separated, in either direction.")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. REQUEST.")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. visit.")] = None,
    status: Annotated[str | None, Query(description="requested, planned, done, ...")] = None,
    certainty: Annotated[str | None, Query(description="asserted, reported, ...")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name or abbreviation.")] = None,
    tag: Annotated[str | None, Query(description="A tag: Venezuela, Russia/USA.")] = None,
    since: Annotated[str | None, Query(description="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Events on or before YYYY-MM-DD.")] = None,
    text: Annotated[str | None, Query(description="Words in the event's sentence.")] = None,
    doc: Annotated[str | None, Query(description="Only this document (id prefix).")] = None,
    quad: Annotated[str | None, Query(description="PLOVER quad class, 1-4.")] = None,
    negated: Annotated[
        str | None, Query(description="Include negated events: true (default) or false.")
    ] = None,
    sort: Annotated[
        str | None, Query(description=f"Order: {', '.join(EVENT_ORDERS)} (default date).")
    ] = None,
    limit: Annotated[str | None, Query(description=f"Page size, 1-{MAX_LIMIT}.")] = None,
    offset: Annotated[str | None, Query(description="Events to skip.")] = None,
) -> EventQuery:
    """The events filters of ``/api/events`` and the events page."""
    order = optional_text(sort) or "date"
    if order not in EVENT_ORDERS:
        raise ConfigError(f"parameter 'sort' must be one of {', '.join(EVENT_ORDERS)}")
    include = (optional_text(negated) or "true").lower()
    if include not in ("true", "false"):
        raise ConfigError(f"parameter 'negated' must be true or false, got {include!r}")
    doc_id = optional_text(doc)
    if doc_id and not all(c in "0123456789abcdef" for c in doc_id.lower()):
        raise ConfigError(f"parameter 'doc' must be a document id (hexadecimal), got {doc_id!r}")
    return EventQuery(
        actor=optional_text(actor),
        recipient=optional_text(recipient),
        dyad=_dyad(dyad),
        type=optional_text(type),
        mode=optional_text(mode),
        status=optional_text(status),
        certainty=optional_text(certainty),
        outlet=optional_text(outlet),
        tag=optional_text(tag),
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
        text=optional_text(text),
        doc_id=doc_id,
        quad=_int(quad, "quad", low=1, high=4),
        include_negated=include == "true",
        order=order,
        limit=_int(limit, "limit", low=1, high=MAX_LIMIT) or 50,
        offset=_int(offset, "offset", low=0, high=10_000_000) or 0,
    )


def document_query(
    q: Annotated[str | None, Query(description="Words in the headline or text.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name or abbreviation.")] = None,
    tag: Annotated[str | None, Query(description="A tag the post carries.")] = None,
    since: Annotated[str | None, Query(description="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[str | None, Query(description=f"Page size, 1-{MAX_LIMIT}.")] = None,
    offset: Annotated[str | None, Query(description="Documents to skip.")] = None,
) -> DocumentQuery:
    """The filters of ``/api/documents`` and the documents page."""
    return DocumentQuery(
        text=optional_text(q),
        outlet=optional_text(outlet),
        tag=optional_text(tag),
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
        limit=_int(limit, "limit", low=1, high=MAX_LIMIT) or 50,
        offset=_int(offset, "offset", low=0, high=10_000_000) or 0,
    )


EventQueryDep = Annotated[EventQuery, Depends(event_query)]
DocumentQueryDep = Annotated[DocumentQuery, Depends(document_query)]


def int_param(value: str | None, name: str, *, low: int, high: int, default: int) -> int:
    """A whole-number parameter in ``low..high``; ``default`` when not given."""
    number = _int(value, name, low=low, high=high)
    return default if number is None else number
