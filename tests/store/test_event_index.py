"""The events listing's table (event_index): the listing it serves equals the same filters
applied to the documents read back from the base tables; the write path, the migration's
backfill and a rebuild derive the same rows; versions move the current flag; a failed batch
leaves no rows. Documents are built by hand (tests/store/factory.py): no model needed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.model import AnnotatedDocument, Event, EventTime
from newsgraph.store import EventQuery, Store, list_events, queries
from newsgraph.store.event_index import rebuild_event_index
from newsgraph.store.migrations import migrations
from newsgraph.store.queries import iter_events
from newsgraph.store.tags import event_tags, parse_tag
from tests.store.factory import DOCUMENTS, D, E, build

# Beyond the factory's small world: versions of one input, a negated event, a mode, an event
# with no date at all, words that look like SQL wildcards, an open-ended time.
EXTRA = [
    D(
        "Freedonia recalled its envoy from Ruritania. Ruritania denied 100% of the claims.",
        "2025-11-20",
        [
            E(
                "recalled",
                "REJECT",
                actors=(("Freedonia", "FRDGOV"),),
                recipients=(("Ruritania", None),),
                score=-4.0,
                quad=3,
                mode="withdraw",
            ),
            E(
                "denied",
                "REJECT",
                actors=(("Ruritania", None),),
                score=-2.0,
                quad=3,
                negated=True,
                certainty="asserted",
            ),
        ],
        tags=("Freedonia/Ruritania",),
        outlet="Reuters",
        id="story-9",
    ),
    D(
        "An undated note said the Ukrainian army moved north.",
        "",
        [E("moved", "MOBILIZE", actors=(("Ukrainian army", "UKRMIL"),), quad=4, score=-7.0)],
        id="undated",
    ),
]
# A second version of story-9: the first one's events leave the listing.
SECOND = D(
    "Freedonia recalled its envoy from Ruritania and closed the border.",
    "2025-11-21",
    [
        E(
            "closed",
            "COERCE",
            actors=(("Freedonia", "FRDGOV"),),
            recipients=(("Ruritania", None),),
            score=-7.0,
            quad=4,
        )
    ],
    tags=("Freedonia/Ruritania",),
    outlet="Reuters",
    id="story-9",
)


def _open_ended(item: AnnotatedDocument) -> AnnotatedDocument:
    """The undated document's event, given an end and no start ("until June")."""
    (event,) = item.events
    time = EventTime(
        value="2025-06",
        granularity="month",
        type="range",
        source="sentence",
        end_date=date(2025, 6, 30),
        reason="test",
    )
    return replace(item, events=(replace(event, time=time),))


def _world() -> list[AnnotatedDocument]:
    items = [build(spec) for spec in [*DOCUMENTS, *EXTRA]]
    return [_open_ended(i) if i.document.external_id == "undated" else i for i in items]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The world written in three batches, the last one a new version (read, never changed)."""
    with Store(tmp_path_factory.mktemp("index") / "index.duckdb") as store:
        world = _world()
        store.write_batch(world[:3])
        store.write_batch(world[3:])
        store.write_batch([build(SECOND)])
        yield store


# -- the oracle: the filters applied to documents read back from the base tables --------------


def _matches_party(members: Any, value: str) -> bool:
    low, up = value.lower(), value.upper()
    return any(
        low in m.actor.name.lower()
        or low in m.text.lower()
        or (m.actor.code or "").upper().startswith(up)
        for m in members
    )


def _tags(item: AnnotatedDocument, event: Event) -> list[str]:
    return event_tags(
        (a.actor.code for a in event.actors),
        (r.actor.code for r in event.recipients),
        location_country=event.location.country if event.location else None,
        document_tags=item.document.tags,
    )


def _keep(item: AnnotatedDocument, event: Event, query: EventQuery) -> bool:
    doc = item.document
    start = event.time.start_date if event.time else None
    end = event.time.end_date if event.time else None
    date_from, date_to = start or end or doc.published, end or start or doc.published
    sentence = doc.text[event.sentence_start : event.sentence_end]
    outlet = doc.outlet
    checks = [
        query.actor is None or _matches_party(event.actors, query.actor),
        query.recipient is None or _matches_party(event.recipients, query.recipient),
        query.dyad is None
        or (
            _matches_party(event.actors, query.dyad[0])
            and _matches_party(event.recipients, query.dyad[1])
        )
        or (
            _matches_party(event.actors, query.dyad[1])
            and _matches_party(event.recipients, query.dyad[0])
        ),
        query.type is None or event.type.upper() == query.type.upper(),
        query.mode is None or (event.mode or "").lower() == query.mode.lower(),
        query.quad is None or event.quad == query.quad,
        query.status is None or event.status == query.status.lower(),
        query.certainty is None or event.certainty == query.certainty.lower(),
        query.since is None or (date_to is not None and date_to >= query.since),
        query.until is None or (date_from is not None and date_from <= query.until),
        query.outlet is None
        or (
            outlet is not None
            and (
                query.outlet.lower() in outlet.name.lower()
                or (outlet.abbreviation or "").lower() == query.outlet.lower()
            )
        ),
        query.doc_id is None or doc.id.startswith(query.doc_id.lower()),
        query.tag is None
        or parse_tag(query.tag).name.lower() in [t.lower() for t in _tags(item, event)],
        query.text is None or query.text.lower() in sentence.lower(),
        query.include_negated or not event.negated,
    ]
    return all(checks)


def _oracle(store: Store, query: EventQuery) -> list[str]:
    found = []
    for item in store.annotated_documents(current_only=not query.all_versions):
        for index, event in enumerate(item.events):
            if _keep(item, event, query):
                start = event.time.start_date if event.time else None
                found.append((start or item.document.published, item.document.id, index, event.id))
    dated = sorted((f for f in found if f[0] is not None), key=lambda f: (f[1], f[2]))
    dated.sort(key=lambda f: f[0], reverse=query.order == "date")
    undated = sorted((f for f in found if f[0] is None), key=lambda f: (f[1], f[2]))
    ordered = [f[3] for f in dated + undated]
    return ordered[query.offset : query.offset + query.limit]


QUERIES = [
    EventQuery(),
    EventQuery(order="-date"),
    EventQuery(limit=2, offset=1),
    EventQuery(limit=3, offset=5),
    EventQuery(all_versions=True),
    EventQuery(actor="rus"),
    EventQuery(actor="RUSGOV"),
    EventQuery(actor="United"),
    EventQuery(actor="venezuelan TROOPS"),
    EventQuery(recipient="ruritania"),
    EventQuery(dyad=("Russia", "USA")),
    EventQuery(dyad=("USA", "Russia")),
    EventQuery(dyad=("Freedonia", "Ruritania"), all_versions=True),
    EventQuery(type="reject"),
    EventQuery(mode="WITHDRAW"),
    EventQuery(quad=4),
    EventQuery(status="REQUESTED"),
    EventQuery(certainty="asserted"),
    EventQuery(since=date(2025, 11, 4)),
    EventQuery(until=date(2025, 11, 3)),
    EventQuery(since=date(2025, 6, 1), until=date(2025, 6, 30)),
    EventQuery(outlet="reut"),
    EventQuery(outlet="wp"),
    EventQuery(outlet="W"),
    EventQuery(tag="Russia/USA"),
    EventQuery(tag="#usa/russia"),
    EventQuery(tag="Venezuela"),
    EventQuery(tag="ruritania"),
    EventQuery(tag="Freedonia/Ruritania", all_versions=True),
    EventQuery(text="AID CONVOY"),
    EventQuery(text="100%"),
    EventQuery(text="%"),
    EventQuery(text="_"),
    EventQuery(actor="%' OR 1=1 --"),
    EventQuery(actor="\x1f"),
    EventQuery(tag="Russia\x1fUSA"),
    EventQuery(include_negated=False, all_versions=True),
    EventQuery(actor="Russia", type="ACCUSE", since=date(2025, 11, 1)),
]


@pytest.mark.parametrize("windowed", [False, True])
@pytest.mark.parametrize("query", QUERIES)
def test_list_events_matches_the_base_tables(
    filled: Store, query: EventQuery, windowed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Date windows are tried only in stores of more than one row group: force them here too.
    if windowed:
        monkeypatch.setattr(queries, "_WINDOWED_FROM_ROWS", 0)
    expected = _oracle(filled, query)
    assert [row["event_id"] for row in list_events(filled, query)] == expected
    assert [row["event_id"] for row in iter_events(filled, replace(query, limit=10_000, offset=0))][
        query.offset : query.offset + query.limit
    ] == expected


def test_list_events_rows_show_the_stored_events(filled: Store) -> None:
    events = {
        event.id: (item, event)
        for item in filled.annotated_documents(current_only=True)
        for event in item.events
    }
    rows = list_events(filled, EventQuery())
    assert len(rows) == len(events)
    for row in rows:
        item, event = events[row["event_id"]]
        doc = item.document
        assert row["sentence"] == doc.text[event.sentence_start : event.sentence_end]
        assert row["actors"] == [
            {"name": a.actor.name, "code": a.actor.code, "sector": a.actor.sector,
             "role": a.actor.role, "text": a.text}
            for a in event.actors
        ]  # fmt: skip
        assert [r["name"] for r in row["recipients"]] == [r.actor.name for r in event.recipients]
        assert row["attribution"] == [{"kind": s.kind, "name": s.name} for s in event.attribution]
        assert row["tags"] == _tags(item, event)
        assert row["doc_tags"] == list(doc.tags)
        assert (row["outlet"], row["headline"], row["published"]) == (
            doc.outlet.name if doc.outlet else None,
            doc.headline,
            doc.published,
        )
        assert (row["type"], row["quad"], row["score"], row["negated"]) == (
            event.type,
            event.quad,
            event.score,
            event.negated,
        )
        located = json.loads(row["location"]) if row["location"] else None
        assert located == (event.location.to_dict() if event.location else None)


def _index_rows(store: Store) -> list[tuple[Any, ...]]:
    """The table's rows but their positions (numbers a rebuild gives anew)."""
    rows = store.query("SELECT * EXCLUDE (pos) FROM event_index ORDER BY event_id")
    return [tuple(r.values()) for r in rows]


def test_rebuild_derives_what_the_writes_did(tmp_path: Path) -> None:
    with Store(tmp_path / "r.duckdb") as store:
        store.write_batch(_world())
        store.write_batch([build(SECOND)])
        written = _index_rows(store)
        assert rebuild_event_index(store) == len(written) == 9
        assert _index_rows(store) == written


@pytest.mark.parametrize("read_only", [False, True])
def test_migration_backfills_a_populated_store(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write_batch(_world())
        store.write_batch([build(SECOND)])
        written = _index_rows(store)
        listed = list_events(store, EventQuery())
        # The store as the code before the migration left it: no table, the migration unapplied.
        (mine,) = [m for m in migrations() if m.name == "event_index"]
        store.con.execute("DROP TABLE event_index")
        store.con.execute("DELETE FROM schema_migrations WHERE version >= ?", [mine.version])
    with Store(path, read_only=read_only) as reopened:
        assert _index_rows(reopened) == written
        assert reopened.scalar("SELECT count(*) FROM event_index WHERE NOT current") == 2
        assert list_events(reopened, EventQuery()) == listed


@pytest.mark.parametrize("together", [False, True])
def test_new_version_clears_the_current_flag(tmp_path: Path, together: bool) -> None:
    first, second = build(EXTRA[0]), build(SECOND)
    with Store(tmp_path / "v.duckdb") as store:
        if together:
            store.write_batch([first, second])
        else:
            store.write_batch([first])
            assert {r["type"] for r in list_events(store, EventQuery())} == {"REJECT"}
            store.write_batch([second])
        assert [r["type"] for r in list_events(store, EventQuery())] == ["COERCE"]
        everything = list_events(store, EventQuery(all_versions=True))
        assert sorted(r["type"] for r in everything) == ["COERCE", "REJECT", "REJECT"]
        again = store.write_batch([first, second])
        assert again.skipped == 2
        assert store.scalar("SELECT count(*) FROM event_index") == 3


def test_failed_index_write_leaves_no_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real_execute = store.con.execute

    def failing(sql: str, *args: object) -> object:
        if "INSERT INTO event_index" in sql:
            raise duckdb.Error("disk on fire")
        return real_execute(sql, *args)

    monkeypatch.setattr(store, "con", _Proxy(store.con, failing))
    with pytest.raises(StoreError, match="disk on fire"):
        store.write_batch(_world())
    monkeypatch.undo()
    for table in ("documents", "events", "event_index"):
        assert store.scalar(f"SELECT count(*) FROM {table}") == 0
    store.write_batch(_world())
    assert store.scalar("SELECT count(*) FROM event_index") == 8


class _Proxy:
    """A connection whose ``execute`` is replaced (DuckDB's own objects take no attributes)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, execute: object) -> None:
        self._con = con
        self.execute = execute

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)
