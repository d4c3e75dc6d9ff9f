"""Read-side queries over a store: the events listing with its filters, and summary statistics.

Every value from a user goes in as a bound parameter; only fixed SQL fragments are joined.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import orjson

from ..errors import StoreError
from .event_index import CODE_MARK, SEPARATOR
from .store import Store
from .tags import parse_tag

__all__ = ["EVENT_ORDERS", "EventQuery", "iter_events", "list_events", "store_stats"]

# Orders over the event index; {a} is the table's alias. Ties break on (doc_id, idx): stable pages.
_ORDER = {
    "date": "{a}.event_date DESC NULLS LAST, {a}.doc_id, {a}.idx",
    "-date": "{a}.event_date ASC NULLS LAST, {a}.doc_id, {a}.idx",
    "confidence": "{a}.confidence DESC, {a}.doc_id, {a}.idx",
    "score": "{a}.score ASC NULLS LAST, {a}.doc_id, {a}.idx",
    "document": "{a}.ingested_at, {a}.doc_id, {a}.idx",
}
#: The orders :class:`EventQuery` knows: newest first, oldest first, most confident, most
#: conflictual, in ingestion order.
EVENT_ORDERS = tuple(_ORDER)
# Values of the listing's rows that JSON gives as text.
_DATES = (
    "event_date",
    "published",
    "time_start",
    "time_end",
    "target_time_start",
    "target_time_end",
)
# A newest-first (oldest-first) page is looked for among the events of the newest (oldest) 8
# days first, then 128 days, then all: a window only scans the row groups its dates can be in.
# It is kept only when it holds the whole page, so the page is exactly the whole store's.
_WINDOWS: tuple[int, ...] = (8, 128)
# ... but only in a store of more than one row group (DuckDB's default size): a window skips
# nothing in a smaller one, and its failed tries were more than half a small store's listing.
_WINDOWED_FROM_ROWS = 122_880


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
    # Words anywhere in a name or its text, or a code by its prefix (RUS finds RUSGOV): one
    # column, so DuckDB filters it while scanning. The separators occur in no name.
    if SEPARATOR in value or CODE_MARK in value:
        return "false"
    params.extend([value, CODE_MARK + value])
    return f"(contains(i.{role}_key, lower(?)) OR contains(i.{role}_key, upper(?)))"


def _filters(query: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``event_index i``) of ``query`` and its bound values."""
    where: list[str] = []
    params: list[Any] = []
    if not query.all_versions:
        where.append("i.current")
    if query.actor:
        where.append(_party_clause("actor", query.actor, params))
    if query.recipient:
        where.append(_party_clause("recipient", query.recipient, params))
    if query.dyad:
        first, second = query.dyad
        # Each side's own condition first (one column each: DuckDB filters it while scanning),
        # then the pairing, which needs both columns.
        for role in ("actor", "recipient"):
            either = [_party_clause(role, first, params), _party_clause(role, second, params)]
            where.append(f"({' OR '.join(either)})")
        forward = " AND ".join(
            [_party_clause("actor", first, params), _party_clause("recipient", second, params)]
        )
        backward = " AND ".join(
            [_party_clause("actor", second, params), _party_clause("recipient", first, params)]
        )
        where.append(f"(({forward}) OR ({backward}))")
    if query.type:
        where.append("i.type_key = ?")
        params.append(query.type.upper())
    if query.mode:
        where.append("i.mode_key = ?")
        params.append(query.mode.lower())
    if query.quad is not None:
        where.append("i.quad = ?")
        params.append(query.quad)
    if query.status:
        where.append("i.status = ?")
        params.append(query.status.lower())
    if query.certainty:
        where.append("i.certainty = ?")
        params.append(query.certainty.lower())
    if query.since:
        where.append("i.date_to >= ?")
        params.append(query.since)
    if query.until:
        where.append("i.date_from <= ?")
        params.append(query.until)
    if query.outlet:
        where.append("(contains(i.outlet_key, lower(?)) OR i.abbreviation_key = lower(?))")
        params.extend([query.outlet, query.outlet])
    if query.doc_id:
        where.append("starts_with(i.doc_id, ?)")
        params.append(query.doc_id.lower())
    if query.tag:
        # The tags stored with each event are the ones shown (tags.event_tags): match one.
        name = parse_tag(query.tag).name
        where.append("false" if SEPARATOR in name else "contains(i.tag_key, ?)")
        params.extend([] if SEPARATOR in name else [SEPARATOR + name.lower() + SEPARATOR])
    if query.text:
        where.append("contains(i.sentence_key, lower(?))")
        params.append(query.text)
    if not query.include_negated:
        where.append("NOT i.negated")
    return ("WHERE " + " AND ".join(where)) if where else "", params


def _row(payload: str) -> dict[str, Any]:
    # orjson: a fifth of the standard library's time on a page of payloads.
    row: dict[str, Any] = orjson.loads(payload)
    for key in _DATES:
        if row[key] is not None:
            row[key] = date.fromisoformat(row[key])
    row["ingested_at"] = datetime.fromisoformat(row["ingested_at"])
    return row


def _edge(store: Store, function: str) -> date | None:
    """The newest (``max``) or oldest (``min``) event date; None when windows cannot help."""
    rows = store.con.execute(f"SELECT {function}(event_date), count(*) FROM event_index").fetchall()
    if not rows or rows[0][1] < _WINDOWED_FROM_ROWS:
        return None
    edge: date | None = rows[0][0]
    return edge


def _windows(store: Store, query: EventQuery) -> list[tuple[str, date]]:
    """Date bounds to look for a page within, narrowest first (see _WINDOWS), from the newest
    (oldest) event or the query's own last (first) day; none for orders other than by date, in
    a store of one row group, nor any that would not narrow the query's own dates."""
    if query.order not in ("date", "-date"):
        return []
    if query.order == "date":
        edge = store.memo("event_index.max", lambda: _edge(store, "max"))
        if edge is None:
            return []
        anchor = min(edge, query.until) if query.until else edge
        bounds = [anchor - timedelta(days=days) for days in _WINDOWS]
        return [(">=", b) for b in bounds if not query.since or b > query.since]
    edge = store.memo("event_index.min", lambda: _edge(store, "min"))
    if edge is None:
        return []
    anchor = max(edge, query.since) if query.since else edge
    bounds = [anchor + timedelta(days=days) for days in _WINDOWS]
    return [("<=", b) for b in bounds if not query.until or b < query.until]


def _page_positions(store: Store, query: EventQuery) -> list[int]:
    """The positions (event_index.pos) of the page's events, in order: the filters and the
    sort read only their own narrow columns."""
    where, params = _filters(query)
    order = _ORDER.get(query.order, _ORDER["date"]).format(a="i")
    sql = "SELECT i.pos FROM event_index i {where} ORDER BY {order} LIMIT ? OFFSET ?"
    for comparison, bound in _windows(store, query):
        within = f"{where or 'WHERE true'} AND i.event_date {comparison} ?"
        rows = store.con.execute(
            sql.format(where=within, order=order), [*params, bound, query.limit, query.offset]
        ).fetchall()
        if len(rows) == query.limit:
            return [row[0] for row in rows]
    rows = store.con.execute(
        sql.format(where=where, order=order), [*params, query.limit, query.offset]
    ).fetchall()
    return [row[0] for row in rows]


def _fetch_sql(positions: list[int]) -> str:
    """The page's rows by position. Integers from the store itself, written as literals: DuckDB
    looks a literal list up in the index, while a bound list becomes a join that scans the table;
    consecutive positions (a newest-first page, written in date order) are one range, cheaper
    to plan than a list."""
    low, high = min(positions), max(positions)
    if high - low + 1 == len(positions):
        return f"SELECT pos, payload FROM event_index WHERE pos BETWEEN {int(low)} AND {int(high)}"
    listed = ", ".join(str(int(p)) for p in positions)
    return f"SELECT pos, payload FROM event_index WHERE pos IN ({listed})"


def list_events(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """Events matching ``query``, newest first by default, each with its actors, recipients,
    sources, tags, document metadata and the sentence it was found in.

    Two steps over ``event_index``: pick the page's positions (a filtered top-N over narrow
    columns, tried first among the newest dates), then fetch those rows' JSON through the
    index on ``pos``. Reading every column of every matching event before the top-N was most
    of the cost."""
    if query.limit <= 0:
        return []
    try:
        for _ in range(3):
            positions = _page_positions(store, query)
            if not positions:
                return []
            found = dict(store.con.execute(_fetch_sql(positions)).fetchall())
            # Rows renumbered between the two steps (a rebuild by a writer): pick again.
            if len(found) == len(positions):
                return [_row(found[p]) for p in positions]
    except duckdb.Error as exc:
        raise StoreError(f"listing events failed: {exc}") from exc
    raise StoreError("listing events failed: the event index changed under every attempt")


def iter_events(store: Store, query: EventQuery, *, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    """Every event matching ``query`` (its limit and offset ignored), in its order, fetched
    ``chunk`` rows at a time: what exports read."""
    where, params = _filters(query)
    order = _ORDER.get(query.order, _ORDER["date"]).format(a="i")
    cursor = store.con.cursor()
    try:
        cursor.execute(f"SELECT i.payload FROM event_index i {where} ORDER BY {order}", params)
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield _row(row[0])
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
