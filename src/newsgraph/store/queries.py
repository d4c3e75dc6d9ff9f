"""Read-side queries over a store: the events listing with its filters, and summary statistics.

Every value from a user goes in as a bound parameter; only fixed SQL fragments are joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .store import Store

__all__ = ["EventQuery", "list_events", "store_stats"]

_ORDER = {
    "date": "event_date DESC NULLS LAST, e.doc_id, e.idx",
    "-date": "event_date ASC NULLS LAST, e.doc_id, e.idx",
    "confidence": "e.confidence DESC, e.doc_id, e.idx",
    "score": "e.score ASC NULLS LAST, e.doc_id, e.idx",
    "document": "d.ingested_at, e.doc_id, e.idx",
}


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of the events listing. Text filters match case-insensitively; an actor filter
    matches an actor's name, its text in the document, or its code (``RUS``, ``RUSGOV``)."""

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    status: str | None = None
    certainty: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    doc_id: str | None = None
    text: str | None = None
    include_negated: bool = True
    all_versions: bool = False
    order: str = "date"
    limit: int = 100
    offset: int = 0


def _party_clause(role: str, value: str, params: list[Any]) -> str:
    params.extend([role, f"%{value}%", f"%{value}%", value.upper(), value.upper()])
    return (
        "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id AND a.role = ? AND "
        "(a.name ILIKE ? OR a.text ILIKE ? OR upper(a.code) = ? OR starts_with(upper(a.code), ?)))"
    )


def list_events(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """Events matching ``query``, newest first by default, each with its actors, recipients,
    document metadata and the sentence it was found in."""
    where: list[str] = []
    params: list[Any] = []
    if query.actor:
        where.append(_party_clause("actor", query.actor, params))
    if query.recipient:
        where.append(_party_clause("recipient", query.recipient, params))
    if query.type:
        where.append("upper(e.type) = ?")
        params.append(query.type.upper())
    if query.status:
        where.append("e.status = ?")
        params.append(query.status.lower())
    if query.certainty:
        where.append("e.certainty = ?")
        params.append(query.certainty.lower())
    if query.since:
        where.append("coalesce(e.time_end, e.time_start, d.published) >= ?")
        params.append(query.since)
    if query.until:
        where.append("coalesce(e.time_start, e.time_end, d.published) <= ?")
        params.append(query.until)
    if query.outlet:
        where.append("(d.outlet ILIKE ? OR d.outlet_abbreviation ILIKE ?)")
        params.extend([f"%{query.outlet}%", query.outlet])
    if query.doc_id:
        where.append("starts_with(e.doc_id, ?)")
        params.append(query.doc_id.lower())
    if query.text:
        where.append(
            "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ?"
        )
        params.append(f"%{query.text}%")
    if not query.include_negated:
        where.append("NOT e.negated")
    source = "documents" if query.all_versions else "current_documents"
    order = _ORDER.get(query.order, _ORDER["date"])
    sql = f"""
        SELECT e.event_id, e.doc_id, e.type, e.mode, e.cameo, e.quad, e.score,
               e.trigger_text, e.status, e.certainty, e.negated, e.confidence,
               e.time_value, e.time_start, e.time_end, e.time_source, e.time_text,
               coalesce(e.time_start, d.published) AS event_date,
               d.published, d.outlet, d.outlet_abbreviation, d.headline,
               substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
               (SELECT list({{'name': a.name, 'code': a.code, 'sector': a.sector,
                              'role': a.actor_role, 'text': a.text}} ORDER BY a.idx)
                  FROM event_actors a WHERE a.event_id = e.event_id AND a.role = 'actor')
                  AS actors,
               (SELECT list({{'name': a.name, 'code': a.code, 'sector': a.sector,
                              'role': a.actor_role, 'text': a.text}} ORDER BY a.idx)
                  FROM event_actors a WHERE a.event_id = e.event_id AND a.role = 'recipient')
                  AS recipients,
               (SELECT list({{'kind': s.kind, 'name': s.name}} ORDER BY s.idx)
                  FROM event_attributions s WHERE s.event_id = e.event_id) AS attribution
        FROM events e JOIN {source} d USING (doc_id)
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {order}
        LIMIT ? OFFSET ?
    """
    params.extend([query.limit, query.offset])
    rows = store.query(sql, params)
    for row in rows:
        for key in ("actors", "recipients", "attribution"):
            row[key] = row[key] or []
    return rows


def store_stats(store: Store) -> dict[str, Any]:
    """Counts per table and the breakdowns a first look wants."""
    tables = (
        "documents",
        "entities",
        "time_expressions",
        "attributions",
        "events",
        "event_actors",
        "event_materiel",
        "rejected",
    )
    counts = {name: int(store.scalar(f"SELECT count(*) FROM {name}")) for name in tables}
    counts["current_documents"] = int(store.scalar("SELECT count(*) FROM current_documents"))
    return {
        "path": str(store.path),
        "counts": counts,
        "published": store.query(
            "SELECT min(published) AS first, max(published) AS last FROM documents"
        )[0],
        "events_by_type": store.query(
            "SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC, type"
        ),
        "documents_by_outlet": store.query(
            "SELECT coalesce(outlet, '(none)') AS outlet, count(*) AS documents FROM documents "
            "GROUP BY ALL ORDER BY documents DESC, outlet LIMIT 20"
        ),
        "rejected_by_reason": store.query(
            "SELECT reason, count(*) AS inputs FROM rejected GROUP BY reason ORDER BY inputs DESC"
        ),
    }
