"""The events listing's table, ``event_index``: one row per event with what the listing filters
and sorts by, in narrow columns, and what it shows, as one JSON text; kept in step with the base
tables.

Why: a listing over ``events JOIN documents`` that looks up each event's parties and sources
scans and joins every table on every request (seconds at a million events). Here a page is a
filtered top-N over a few narrow columns of one table, then an index lookup of the page's rows.

One derivation, used three ways: :data:`_GATHER` (SQL) puts each event together with its
document, parties and sources; :func:`_tags` (Python) gives it its tags with
:func:`~newsgraph.store.tags.event_tags`, the function that shows them (once per distinct
input, not per event). ``Store.write_batch`` adds a batch's events in the batch's own
transaction (:func:`add_batch`); the migration that creates the table fills it from the stored
events in its transaction (:func:`backfill`); :func:`rebuild_event_index` does the same on
demand (after a change to the country table, or to put an out-of-order store back in date
order).

Rows are written in date order: the backfill sorts them all, a batch sorts its own, and
ingestion mostly follows publication, so DuckDB's zone maps let a newest-first page skip the
older row groups. The ``current`` flag is kept at write time (a new version of an input clears
it on the older ones' events) instead of a window over every document at query time.
"""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .handles import Connected
from .tags import event_tags

__all__ = ["CODE_MARK", "SEPARATOR", "add_batch", "backfill", "rebuild_event_index"]

#: Ends every item of a search key (and starts the key): the unit separator, never in text.
SEPARATOR = "\x1f"
#: Starts each code in a party's search key: the record separator.
CODE_MARK = "\x1e"

# An event with its document, parties and sources, from the tables named in braces (the base
# tables, or a batch's Arrow tables); `documents` must have a boolean column `current`. Lists
# are sorted with list_sort on a leading idx: ordered aggregates (ORDER BY inside list()) sort
# per group and made this ten times slower. `shown` is the listing's row but its tags;
# country_key and document_key are the inputs of the tags, as JSON text (see _tags).
_GATHER = """
WITH party_lists AS (
    SELECT a.event_id,
           list_sort(list({{'idx': a.idx, 'side': a.role, 'name': a.name, 'code': a.code,
                            'sector': a.sector, 'role': a.actor_role, 'text': a.text}})) AS items
    FROM {event_actors} a
    GROUP BY a.event_id
),
parties AS (
    SELECT event_id,
           list_filter(items, lambda x: x.side = 'actor') AS actor_items,
           list_filter(items, lambda x: x.side = 'recipient') AS recipient_items
    FROM party_lists
),
sources AS (
    SELECT s.event_id, list_sort(list({{'idx': s.idx, 'kind': s.kind, 'name': s.name}})) AS items
    FROM {event_attributions} s
    GROUP BY s.event_id
),
gathered AS (
    SELECT e.event_id, e.doc_id, e.idx, d.current,
           coalesce(e.time_start, d.published) AS event_date,
           coalesce(e.time_start, e.time_end, d.published) AS date_from,
           coalesce(e.time_end, e.time_start, d.published) AS date_to,
           d.ingested_at, e.type, e.mode, e.quad, e.score, e.status, e.certainty, e.negated,
           e.confidence, e.cameo, e.trigger_text, e.trigger_start, e.trigger_end, e.time_value,
           e.time_start, e.time_end, e.time_source, e.time_text, e.time_granularity,
           e.target_time_value, e.target_time_start, e.target_time_end, e.target_time_text,
           e.target_time_granularity,
           CAST(e.location AS VARCHAR) AS location,
           upper(json_extract_string(e.location, '$.country')) AS location_country,
           d.published, d.outlet, d.outlet_abbreviation, d.headline, d.url,
           coalesce(d.tags, []) AS doc_tags, e.sentence_start, e.sentence_end,
           substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
           coalesce(p.actor_items, []) AS actor_items,
           coalesce(p.recipient_items, []) AS recipient_items,
           coalesce(list_transform(s.items, lambda x: {{'kind': x.kind, 'name': x.name}}), [])
               AS attribution
    FROM {events} e
    JOIN {documents} d USING (doc_id)
    LEFT JOIN parties p USING (event_id)
    LEFT JOIN sources s USING (event_id)
)
SELECT event_id, doc_id, idx, current, event_date, date_from, date_to, ingested_at,
       upper(type) AS type_key, lower(mode) AS mode_key, quad, score, status, certainty, negated,
       confidence,
       {actor_key} AS actor_key,
       {recipient_key} AS recipient_key,
       lower(sentence) AS sentence_key,
       lower(coalesce(outlet, '')) AS outlet_key,
       lower(coalesce(outlet_abbreviation, '')) AS abbreviation_key,
       {{'event_id': event_id, 'doc_id': doc_id, 'idx': idx, 'type': type, 'mode': mode,
         'cameo': cameo, 'quad': quad, 'score': score, 'trigger_text': trigger_text,
         'status': status, 'certainty': certainty, 'negated': negated,
         'confidence': confidence, 'time_value': time_value, 'time_start': time_start,
         'time_end': time_end, 'time_source': time_source, 'time_text': time_text,
         'event_date': event_date, 'published': published, 'outlet': outlet,
         'outlet_abbreviation': outlet_abbreviation, 'headline': headline,
         'doc_tags': doc_tags, 'ingested_at': ingested_at, 'url': url, 'location': location,
         'time_granularity': time_granularity, 'location_country': location_country,
         'target_time_value': target_time_value, 'target_time_start': target_time_start,
         'target_time_end': target_time_end, 'target_time_text': target_time_text,
         'target_time_granularity': target_time_granularity,
         'sentence_start': sentence_start, 'sentence_end': sentence_end,
         'trigger_start': trigger_start, 'trigger_end': trigger_end, 'sentence': sentence,
         'actors': {actors}, 'recipients': {recipients}, 'attribution': attribution}} AS shown,
       to_json({{'actors': list_transform(actor_items, lambda x: x.code),
                 'recipients': list_transform(recipient_items, lambda x: x.code),
                 'located': location_country}})::VARCHAR AS country_key,
       to_json(doc_tags)::VARCHAR AS document_key
FROM gathered
"""


def _party_key(items: str) -> str:
    """SQL of a party list's search key: names and words, then codes (see the migration)."""
    words = "lambda x: lower(x.name) || chr(31) || lower(x.text) || chr(31)"
    codes = "lambda x: chr(30) || upper(x.code) || chr(31)"
    return (
        f"chr(31) || coalesce(array_to_string(list_transform({items}, {words}), ''), '') "
        f"|| coalesce(array_to_string(list_transform({items}, {codes}), ''), '')"
    )


def _parties(items: str) -> str:
    return (
        f"list_transform({items}, lambda x: {{'name': x.name, 'code': x.code, "
        "'sector': x.sector, 'role': x.role, 'text': x.text})"
    )


def _gather(**tables: str) -> str:
    """:data:`_GATHER` over ``tables`` (events, documents, event_actors, event_attributions)."""
    return _GATHER.format(
        actor_key=_party_key("actor_items"),
        recipient_key=_party_key("recipient_items"),
        actors=_parties("actor_items"),
        recipients=_parties("recipient_items"),
        **tables,
    )


# The rows gathered, with their tags, into the table in date order: zone maps then let a
# newest-first page skip the older row groups. Positions continue from the first parameter.
_INSERT = """
INSERT INTO event_index BY NAME
SELECT g.* EXCLUDE (shown, country_key, document_key),
       ? + row_number() OVER (ORDER BY g.event_date NULLS FIRST, g.doc_id, g.idx) AS pos,
       CASE WHEN len(c.tags) > 0 THEN c.tag_key ELSE t.tag_key END AS tag_key,
       to_json(struct_insert(g.shown,
                             tags := CASE WHEN len(c.tags) > 0 THEN c.tags ELSE t.tags END))
           ::VARCHAR AS payload
FROM ng_gathered g
JOIN ng_country_tags c ON c.key = g.country_key
JOIN ng_document_tags t ON t.key = g.document_key
ORDER BY pos
"""


def _arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    # A relation is refused while the connection holds a result of execute() not read to its
    # end (DuckDB 2.0); the callers' scalar reads leave one.
    con.complete()
    return con.sql(sql).to_arrow_table()


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0] or 0) if rows else 0


def _tag_table(keys: list[str], tags: list[list[str]]) -> pa.Table:
    return pa.table(
        {
            "key": pa.array(keys, type=pa.string()),
            "tags": pa.array(tags, type=pa.list_(pa.string())),
            "tag_key": pa.array(
                [SEPARATOR + "".join(tag.lower() + SEPARATOR for tag in row) for row in tags],
                type=pa.string(),
            ),
        }
    )


def _tags(con: duckdb.DuckDBPyConnection) -> tuple[pa.Table, pa.Table]:
    """The tags of the gathered events, by :func:`.tags.event_tags`: the countries' tags per
    distinct (actor codes, recipient codes, location), and the document's tags (what an event
    without countries takes) per distinct list of document tags. Far fewer than the events."""
    countries = _arrow(con, "SELECT DISTINCT country_key FROM ng_gathered").column(0).to_pylist()
    documents = _arrow(con, "SELECT DISTINCT document_key FROM ng_gathered").column(0).to_pylist()
    country_tags = []
    for key in countries:
        parts = json.loads(key)
        country_tags.append(
            event_tags(parts["actors"], parts["recipients"], location_country=parts["located"])
        )
    document_tags = [event_tags((), (), document_tags=json.loads(key)) for key in documents]
    return _tag_table(countries, country_tags), _tag_table(documents, document_tags)


def _derive(con: duckdb.DuckDBPyConnection, gather: str, *, first: int) -> None:
    """Insert into ``event_index`` the rows of the events ``gather`` selects, numbered from
    ``first``, in the caller's transaction."""
    # No cleanup on failure: the caller rolls back, which drops the temporary table, and a
    # statement on an aborted transaction would only hide the error.
    con.execute(f"CREATE OR REPLACE TEMP TABLE ng_gathered AS {gather}")
    by_countries, by_document = _tags(con)
    con.register("ng_country_tags", by_countries)
    con.register("ng_document_tags", by_document)
    con.execute(_INSERT, [first - 1])
    con.unregister("ng_country_tags")
    con.unregister("ng_document_tags")
    con.execute("DROP TABLE ng_gathered")


def _next_position(con: duckdb.DuckDBPyConnection) -> int:
    return _count(con, "SELECT max(pos) FROM event_index") + 1


def add_batch(con: duckdb.DuckDBPyConnection) -> None:
    """Index the events of the batch being written: its Arrow tables are registered as
    ``batch_documents``, ``batch_events``, ``batch_event_actors`` and
    ``batch_event_attributions``, and its documents are in ``documents`` already (with their
    versions). Runs inside the batch's transaction."""
    gather = _gather(
        events="batch_events",
        documents="(SELECT *, true AS current FROM batch_documents)",
        event_actors="batch_event_actors",
        event_attributions="batch_event_attributions",
    )
    _derive(con, gather, first=_next_position(con))
    # A new version of an input: its older versions' events are no longer current. Only a
    # batch holding a second (or later) version pays for the update.
    newer = _count(
        con,
        "SELECT count(*) FROM documents WHERE version > 1 "
        "AND doc_id IN (SELECT doc_id FROM batch_documents)",
    )
    if newer:
        con.execute(
            """
            UPDATE event_index SET current = false
            WHERE current AND doc_id IN (
                SELECT d.doc_id FROM documents d
                WHERE d.version_key IN (SELECT version_key FROM batch_documents)
                QUALIFY d.version < max(d.version) OVER (PARTITION BY d.version_key)
            )
            """
        )


def backfill(con: duckdb.DuckDBPyConnection) -> None:
    """Fill ``event_index`` from the stored events, in date order, replacing what it holds.
    Runs in the caller's transaction (the migration's, or :func:`rebuild_event_index`'s)."""
    # New positions after the old ones: a position is never given to two rows.
    first = _next_position(con)
    con.execute("DELETE FROM event_index")
    gather = _gather(
        events="events",
        documents=(
            "(SELECT *, version = max(version) OVER (PARTITION BY version_key) AS current "
            "FROM documents)"
        ),
        event_actors="event_actors",
        event_attributions="event_attributions",
    )
    _derive(con, gather, first=first)


def rebuild_event_index(store: Connected) -> int:
    """Derive ``event_index`` anew from the base tables, in one transaction; returns its rows."""
    if store.read_only:
        raise StoreError(f"{store.path} is open read-only; the event index cannot be rebuilt")
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        backfill(con)
        count = _count(con, "SELECT count(*) FROM event_index")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"rebuilding the event index of {store.path} failed: {exc}") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count
