"""The arms-transfer listing: the store's ``transfers`` view where its schema has one (issue 5b
adds it), else the materiel items attached to events, with their parties and actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from .store import Store

__all__ = ["list_transfers"]

_DATE_COLUMNS = ("event_date", "date", "published")

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


def list_transfers(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """``{"source": "transfers" | "event_materiel", "items": [...]}``, newest first."""
    columns = [
        row["column_name"]
        for row in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'transfers' "
            "ORDER BY ordinal_position"
        )
    ]
    day = next((c for c in _DATE_COLUMNS if c in columns), None)
    where: list[str] = []
    params: list[Any] = []
    column = f'"{day}"' if columns else "coalesce(e.time_start, d.published)"
    if since and (day or not columns):
        where.append(f"{column} >= ?")
        params.append(since)
    if until and (day or not columns):
        where.append(f"{column} <= ?")
        params.append(until)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    params.extend([limit, offset])
    if columns:
        order = f"{column} DESC NULLS LAST" if day else "1"
        sql = f"SELECT * FROM transfers {clause} ORDER BY {order} LIMIT ? OFFSET ?"
        return {"source": "transfers", "items": store.query(sql, params)}
    return {
        "source": "event_materiel",
        "items": store.query(_MATERIEL.format(where=clause), params),
    }
