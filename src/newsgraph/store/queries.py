"""Read-side queries over a store: the events listing with its filters, and summary statistics.

Every value from a user goes in as a bound parameter; only fixed SQL fragments are joined.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .store import Store

__all__ = ["EVENT_ORDERS", "EventQuery", "iter_events", "list_events", "store_stats"]

_ORDER = {
    "date": "event_date DESC NULLS LAST, e.doc_id, e.idx",
    "-date": "event_date ASC NULLS LAST, e.doc_id, e.idx",
    "confidence": "e.confidence DESC, e.doc_id, e.idx",
    "score": "e.score ASC NULLS LAST, e.doc_id, e.idx",
    "document": "d.ingested_at, e.doc_id, e.idx",
}
#: The orders :class:`EventQuery` knows: newest first, oldest first, most confident, most
#: conflictual, in ingestion order.
EVENT_ORDERS = tuple(_ORDER)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of the events listing. Text filters match case-insensitively; an actor filter
    matches an actor's name, its text in the document, or its code (``RUS``, ``RUSGOV``).
    ``dyad`` is a pair of such filters, matched in either direction (A on B, or B on A); ``tag``
    is a tag as channels write them (``Venezuela``, ``Russia/USA``, see :mod:`.tags`)."""

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
    mode: str | None = None
    dyad: tuple[str, str] | None = None
    tag: str | None = None
    quad: int | None = None


def _party_clause(role: str, value: str, params: list[Any]) -> str:
    params.extend([role, f"%{value}%", f"%{value}%", value.upper(), value.upper()])
    return (
        "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id AND a.role = ? AND "
        "(a.name ILIKE ? OR a.text ILIKE ? OR upper(a.code) = ? OR starts_with(upper(a.code), ?)))"
    )


def _filters(query: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (``events e JOIN documents d``) of ``query`` and its bound values."""
    where: list[str] = []
    params: list[Any] = []
    if query.actor:
        where.append(_party_clause("actor", query.actor, params))
    if query.recipient:
        where.append(_party_clause("recipient", query.recipient, params))
    if query.dyad:
        first, second = query.dyad
        forward = " AND ".join(
            [_party_clause("actor", first, params), _party_clause("recipient", second, params)]
        )
        backward = " AND ".join(
            [_party_clause("actor", second, params), _party_clause("recipient", first, params)]
        )
        where.append(f"(({forward}) OR ({backward}))")
    if query.type:
        where.append("upper(e.type) = ?")
        params.append(query.type.upper())
    if query.mode:
        where.append("lower(e.mode) = ?")
        params.append(query.mode.lower())
    if query.quad is not None:
        where.append("e.quad = ?")
        params.append(query.quad)
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
    if query.tag:
        from .tags import parse_tag, tag_clause  # tags reads this module's store; no cycle

        where.append(tag_clause(parse_tag(query.tag), params))
    if query.text:
        where.append(
            "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ?"
        )
        params.append(f"%{query.text}%")
    if not query.include_negated:
        where.append("NOT e.negated")
    return ("WHERE " + " AND ".join(where)) if where else "", params


def _documents_source(store: Store, *, all_versions: bool) -> str:
    """``current_documents`` (a window over every document) only when some input has several
    versions; a store of first versions reads ``documents`` directly, which is much cheaper."""
    if all_versions or int(store.scalar("SELECT coalesce(max(version), 1) FROM documents")) <= 1:
        return "documents"
    return "current_documents"


def _events_sql(store: Store, query: EventQuery, *, paged: bool) -> tuple[str, list[Any]]:
    """The listing in two steps: pick the page (ids and sort keys only: filters, order, limit)
    from the events and documents, then fetch the columns, parties and sources of that page
    alone. A page of a million-event store then costs one filtered scan of narrow columns, not
    the sentences and party lists of every event."""
    where, params = _filters(query)
    source = _documents_source(store, all_versions=query.all_versions)
    order = _ORDER.get(query.order, _ORDER["date"])
    page_limit = "LIMIT ? OFFSET ?" if paged else ""
    if paged:
        params.extend([query.limit, query.offset])
    parties = """
        SELECT a.event_id,
               list({{'name': a.name, 'code': a.code, 'sector': a.sector,
                      'role': a.actor_role, 'text': a.text}} ORDER BY a.idx)
                   FILTER (WHERE a.role = 'actor') AS actors,
               list({{'name': a.name, 'code': a.code, 'sector': a.sector,
                      'role': a.actor_role, 'text': a.text}} ORDER BY a.idx)
                   FILTER (WHERE a.role = 'recipient') AS recipients
        FROM event_actors a {restrict} GROUP BY a.event_id
    """
    sources = """
        SELECT s.event_id, list({{'kind': s.kind, 'name': s.name}} ORDER BY s.idx) AS attribution
        FROM event_attributions s {restrict} GROUP BY s.event_id
    """
    restrict = "WHERE {alias}.event_id IN (SELECT event_id FROM page)" if paged else ""
    outer_order = order.replace("d.", "p.").replace("e.", "p.")
    sql = f"""
        WITH page AS MATERIALIZED (
            SELECT e.event_id, e.doc_id, e.idx, e.confidence, e.score, d.ingested_at,
                   coalesce(e.time_start, d.published) AS event_date
            FROM events e JOIN {source} d USING (doc_id)
            {where}
            ORDER BY {order}
            {page_limit}
        ),
        parties AS ({parties.format(restrict=restrict.format(alias="a"))}),
        sources AS ({sources.format(restrict=restrict.format(alias="s"))})
        SELECT e.event_id, e.doc_id, e.idx, e.type, e.mode, e.cameo, e.quad, e.score,
               e.trigger_text, e.status, e.certainty, e.negated, e.confidence,
               e.time_value, e.time_start, e.time_end, e.time_source, e.time_text,
               p.event_date, d.published, d.outlet, d.outlet_abbreviation, d.headline,
               d.tags AS doc_tags, d.ingested_at, d.url, e.location, e.time_granularity,
               upper(json_extract_string(e.location, '$.country')) AS location_country,
               e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end,
               substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
                   AS sentence,
               pa.actors, pa.recipients, s.attribution
        FROM page p JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
        LEFT JOIN parties pa ON pa.event_id = p.event_id
        LEFT JOIN sources s ON s.event_id = p.event_id
        ORDER BY {outer_order}
    """
    return sql, params


def _tidy(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("actors", "recipients", "attribution", "doc_tags"):
        row[key] = row[key] or []
    return row


def list_events(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """Events matching ``query``, newest first by default, each with its actors, recipients,
    document metadata and the sentence it was found in."""
    sql, params = _events_sql(store, query, paged=True)
    return [_tidy(row) for row in store.query(sql, params)]


def iter_events(store: Store, query: EventQuery, *, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    """Every event matching ``query`` (its limit and offset ignored), in its order, fetched
    ``chunk`` rows at a time: what exports read."""
    sql, params = _events_sql(store, query, paged=False)
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield _tidy(dict(zip(names, row, strict=True)))
    finally:
        cursor.close()


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
