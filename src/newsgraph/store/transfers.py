"""The arms-transfer listing: who supplies what to whom, how many, how far along, when, and on
whose word, read from the ``transfers`` view (``sql/0002_transfers.sql`` explains each column).

:func:`find_transfers` filters the view (``newsgraph transfers``); :func:`list_transfers` pages
it for the API, and falls back to the materiel items attached to events in a store opened
read-only before its schema had the view. Every value from a user goes in as a bound
parameter; only fixed SQL fragments are joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ConfigError
from .patterns import ESCAPE, contains
from .store import Store

__all__ = [
    "TRANSFER_STATUSES",
    "TransferQuery",
    "find_transfers",
    "has_transfers_view",
    "list_transfers",
]

#: The statuses the view gives, from a request to a delivery (``sql/0005_transfer_status.sql``).
TRANSFER_STATUSES = (
    "requested",
    "offered",
    "promised",
    "agreed",
    "planned",
    "under_way",
    "delivered",
    "refused",
    "denied",
    "hypothetical",
    "reported",
)


@dataclass(frozen=True, slots=True)
class TransferQuery:
    """Filters of the transfers listing. ``supplier`` and ``recipient`` match a party's name or
    code (``RUS``), ``item`` an item, category or designation ("missile", "S-400"), all
    case-insensitively; ``since``/``until`` compare with the transfer's date range."""

    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None
    item: str | None = None
    since: date | None = None
    until: date | None = None
    doc_id: str | None = None
    include_negated: bool = True
    limit: int = 100
    offset: int = 0


def _party_clause(column: str, value: str, params: list[Any]) -> str:
    params.extend([contains(value), contains(value.upper())])
    return f"({column} ILIKE ? {ESCAPE} OR upper({column}_codes) LIKE ? {ESCAPE})"


def find_transfers(store: Store, query: TransferQuery) -> list[dict[str, Any]]:
    """Transfers matching ``query``, newest first, from the ``transfers`` view."""
    where: list[str] = []
    params: list[Any] = []
    if query.supplier:
        where.append(_party_clause("supplier", query.supplier, params))
    if query.recipient:
        where.append(_party_clause("recipient", query.recipient, params))
    if query.status:
        status = query.status.lower()
        if status not in TRANSFER_STATUSES:
            raise ConfigError(
                f"--status must be one of {', '.join(TRANSFER_STATUSES)}, got {query.status!r}"
            )
        where.append("status = ?")
        params.append(status)
    if query.item:
        where.append(
            f"(item ILIKE ? {ESCAPE} OR category ILIKE ? {ESCAPE} OR designation ILIKE ? {ESCAPE} "
            f"OR item_text ILIKE ? {ESCAPE})"
        )
        params.extend([contains(query.item)] * 4)
    if query.since:
        where.append("date_end >= ?")
        params.append(query.since)
    if query.until:
        where.append("date_start <= ?")
        params.append(query.until)
    if query.doc_id:
        where.append("starts_with(doc_id, ?)")
        params.append(query.doc_id.lower())
    if not query.include_negated:
        where.append("NOT negated")
    sql = f"""
        SELECT * FROM transfers
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY date_start DESC NULLS LAST, doc_id, item_start, event_id
        LIMIT ? OFFSET ?
    """
    params.extend([query.limit, query.offset])
    return store.query(sql, params)


# Materiel attached to events: what a store without the view can still answer.
_MATERIEL = """
SELECT e.event_id, e.doc_id, coalesce(e.time_start, d.published) AS date, e.type, e.status,
       e.certainty, m.text, m.item, m.category, m.designation, m.count, m.unit, m.action,
       (SELECT list(a.name ORDER BY a.idx) FROM event_actors a
         WHERE a.event_id = e.event_id AND a.role = 'actor') AS actors,
       (SELECT list(a.name ORDER BY a.idx) FROM event_actors a
         WHERE a.event_id = e.event_id AND a.role = 'recipient') AS recipients
FROM event_materiel m JOIN events e USING (event_id) JOIN current_documents d USING (doc_id)
{where}
ORDER BY date DESC NULLS LAST, e.event_id, m.idx
LIMIT ? OFFSET ?
"""


def has_transfers_view(store: Store) -> bool:
    """Whether the store's schema has the ``transfers`` view (migration 0002)."""
    found = store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'transfers'"
    )
    return bool(found)


def list_transfers(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """``{"source": "transfers" | "event_materiel", "items": [...]}``, newest first: the
    ``transfers`` view, or the materiel attached to events in a store without it."""
    if has_transfers_view(store):
        query = TransferQuery(since=since, until=until, limit=limit, offset=offset)
        return {"source": "transfers", "items": find_transfers(store, query)}
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append("coalesce(e.time_end, e.time_start, d.published) >= ?")
        params.append(since)
    if until:
        where.append("coalesce(e.time_start, d.published) <= ?")
        params.append(until)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    params.extend([limit, offset])
    return {
        "source": "event_materiel",
        "items": store.query(_MATERIEL.format(where=clause), params),
    }
