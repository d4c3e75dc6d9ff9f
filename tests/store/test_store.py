from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import NotFoundError, StoreError
from newsgraph.ingest import parse_post, parse_record
from newsgraph.model import (
    Actor,
    AnnotatedDocument,
    Attribution,
    AttributionSource,
    EntityMention,
    Event,
    EventActor,
    EventTime,
    Location,
    MaterielItem,
    Rejection,
    Span,
    TimeExpression,
    event_id,
)
from newsgraph.store import EventQuery, Store, export_store, list_events, store_stats
from newsgraph.store.migrations import migrations
from tests.conftest import POST


def _annotated(
    text: str = "Ruritania asked Freedonia for radars.", **record: object
) -> AnnotatedDocument:
    doc = parse_record({"text": text, "published": "2025-03-14", **record}, origin="mem:1")
    trigger = Span(10, 15, "asked")
    event = Event(
        id=event_id(doc.id, sentence_start=0, trigger_start=10, event_type="REQUEST"),
        type="REQUEST",
        mode="assist",
        cameo="103",
        quad=3,
        score=0.5,
        trigger=trigger,
        sentence_start=0,
        sentence_end=len(text),
        actors=(
            EventActor(Actor("Ruritania", "RUR", "GOV", "President", "Q1"), 0, 9, "Ruritania"),
        ),
        recipients=(EventActor(Actor("Freedonia"), 16, 25, "Freedonia"),),
        time=EventTime.from_publication(date(2025, 3, 14)),
        location=Location("Freedonia", 16, 25, name="Freedonia", country="FRE"),
        status="requested",
        certainty="reported",
        attribution=(
            AttributionSource("outlet", "Reuters"),
            AttributionSource("anonymous", "officials", 0, 9),
        ),
        materiel=(MaterielItem(30, 36, "radars", "radar", "radar", None, None, None, "acquire"),),
        confidence=0.8,
        extractor="test",
    )
    return AnnotatedDocument(
        document=doc,
        entities=(EntityMention(0, 9, "Ruritania", "GPE", Actor("Ruritania", "RUR")),),
        times=(TimeExpression(0, 4, "Ruri", None, None, "unresolved", reason="test"),),
        attributions=(
            Attribution(
                cue=Span(10, 15, "asked"),
                content=Span(16, 25, "Freedonia"),
                source=Span(0, 9, "Ruritania"),
            ),
        ),
        events=(event,),
        extractor="test",
    )


def test_migrations_are_recorded(store: Store) -> None:
    rows = store.query("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [(r["version"], r["name"]) for r in rows] == [(m.version, m.name) for m in migrations()]


def test_reopening_applies_nothing_twice(settings_db: Path) -> None:
    with Store(settings_db):
        pass
    with Store(settings_db) as again:
        assert again.scalar("SELECT count(*) FROM schema_migrations") == len(migrations())


@pytest.fixture
def settings_db(tmp_path: Path) -> Path:
    return tmp_path / "s.duckdb"


def test_store_newer_than_code_is_refused(settings_db: Path) -> None:
    with Store(settings_db) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer"):
        Store(settings_db)


def test_round_trip_is_lossless(store: Store) -> None:
    item = _annotated()
    store.write_batch([item])
    assert store.annotated_document(item.document.id).to_dict() == item.to_dict()


def test_writes_are_idempotent(store: Store) -> None:
    item = _annotated()
    rejection = Rejection("bad.txt", "binary", "NG102", "bad.txt: binary", "abc")
    first = store.write_batch([item], [rejection])
    second = store.write_batch([item], [rejection])
    assert (first.documents, first.events, first.rejected) == (1, 1, 1)
    assert (second.documents, second.events, second.rejected, second.skipped) == (0, 0, 0, 1)
    counts = store_stats(store)["counts"]
    assert counts["documents"] == 1 and counts["events"] == 1 and counts["rejected"] == 1
    assert counts["event_actors"] == 2


def test_duplicates_inside_one_batch_are_written_once(store: Store) -> None:
    item = _annotated()
    assert store.write_batch([item, item]).documents == 1


def test_changed_input_becomes_a_new_version(store: Store) -> None:
    v1 = _annotated("Ruritania asked Freedonia for radars.", id="story-7")
    v2 = _annotated("Ruritania asked Freedonia for radars and jets.", id="story-7")
    store.write_batch([v1])
    store.write_batch([v2])
    rows = store.query("SELECT doc_id, version FROM documents ORDER BY version")
    assert [(r["doc_id"], r["version"]) for r in rows] == [(v1.document.id, 1), (v2.document.id, 2)]
    current = store.query("SELECT doc_id FROM current_documents")
    assert [r["doc_id"] for r in current] == [v2.document.id]
    assert len(list_events(store, EventQuery())) == 1
    assert len(list_events(store, EventQuery(all_versions=True))) == 2


def test_failed_batch_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    item = _annotated()
    real_execute = store.con.execute

    def failing(sql: str, *args: object) -> object:
        if sql.startswith("INSERT INTO event_actors"):
            raise duckdb.Error("disk on fire")
        return real_execute(sql, *args)

    monkeypatch.setattr(store, "con", _Proxy(store.con, failing))
    with pytest.raises(StoreError, match="disk on fire"):
        store.write_batch([item])
    monkeypatch.undo()
    assert store.scalar("SELECT count(*) FROM documents") == 0
    assert store.scalar("SELECT count(*) FROM events") == 0


class _Proxy:
    def __init__(self, con: duckdb.DuckDBPyConnection, execute: object) -> None:
        self._con = con
        self.execute = execute

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)


def test_read_only_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store(plain, read_only=True)
    with Store(tmp_path / "ok.duckdb") as store:
        store.write_batch([_annotated()])
    with Store(tmp_path / "ok.duckdb", read_only=True) as reader, pytest.raises(StoreError):
        reader.write_batch([_annotated("Another text entirely.")])


def test_doc_id_prefix(store: Store) -> None:
    item = _annotated()
    store.write_batch([item])
    assert store.resolve_doc_id(item.document.id[:6]) == item.document.id
    with pytest.raises(NotFoundError):
        store.resolve_doc_id("ffffffffff")
    with pytest.raises(NotFoundError, match="not a document id"):
        store.resolve_doc_id("'; DROP TABLE documents; --")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), 1),
        (EventQuery(actor="ruritania"), 1),
        (EventQuery(actor="RUR"), 1),
        (EventQuery(actor="Freedonia"), 0),
        (EventQuery(recipient="freedonia"), 1),
        (EventQuery(type="request"), 1),
        (EventQuery(type="ASSAULT"), 0),
        (EventQuery(status="requested"), 1),
        (EventQuery(certainty="alleged"), 0),
        (EventQuery(since=date(2025, 3, 14), until=date(2025, 3, 14)), 1),
        (EventQuery(since=date(2025, 3, 15)), 0),
        (EventQuery(text="radars"), 1),
        (EventQuery(actor="%' OR 1=1 --"), 0),
    ],
)
def test_event_filters(store: Store, query: EventQuery, expected: int) -> None:
    store.write_batch([_annotated()])
    rows = list_events(store, query)
    assert len(rows) == expected
    if rows:
        row = rows[0]
        assert row["sentence"] == "Ruritania asked Freedonia for radars."
        assert row["actors"][0]["code"] == "RUR"
        assert [s["name"] for s in row["attribution"]] == ["Reuters", "officials"]


def test_outlet_filter(store: Store) -> None:
    doc = parse_post(POST, origin="p.txt")
    store.write_batch([AnnotatedDocument(document=doc, events=_annotated().events)])
    assert store_stats(store)["documents_by_outlet"][0]["outlet"] == "Reuters"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_tables(store: Store, tmp_path: Path, fmt: str) -> None:
    store.write_batch([_annotated()])
    written = export_store(store, fmt, tmp_path / "out")  # type: ignore[arg-type]
    names = {p.name for p in written}
    assert f"events.{fmt}" in names and f"event_list.{fmt}" in names
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    target = tmp_path / "out" / f"event_list.{fmt}"
    count = duckdb.connect().execute(f"SELECT count(*) FROM {reader}('{target}')").fetchone()
    assert count == (1,)


def test_export_jsonl_is_extract_json(store: Store, tmp_path: Path) -> None:
    item = _annotated()
    store.write_batch([item])
    (path,) = export_store(store, "jsonl", tmp_path / "docs.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [item.to_dict()]


def test_export_refuses_file_for_table_formats(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "file.parquet"
    target.write_text("x")
    with pytest.raises(StoreError, match="not a folder"):
        export_store(store, "parquet", target)


def test_migrations_run_a_shared_backfill_once_with_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backfill reads today's schema: of the pending migrations naming it, only the last
    runs it (an earlier one would read columns a later one adds)."""
    from newsgraph.store import migrations as module

    ran: list[str] = []
    monkeypatch.setattr(module, "_backfill", lambda name: lambda con: ran.append(name))
    con = duckdb.connect(str(tmp_path / "fresh.duckdb"))
    applied = module.apply_migrations(con)
    con.close()
    assert [m.name for m in applied] == [m.name for m in migrations()]
    named = [m.name for m in migrations() if m.name in module.BACKFILLS]
    assert len(named) >= 2 and ran == [named[-1]]


def test_target_time_is_kept_and_listed(store: Store) -> None:
    annotated = _annotated()
    (event,) = annotated.events
    target = EventTime(
        value="2026-SP",
        granularity="season",
        type="approximate",
        source="sentence",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 5, 31),
        text="next spring",
    )
    store.write_batch([replace(annotated, events=(replace(event, target_time=target),))])
    (row,) = list_events(store, EventQuery())
    assert (row["target_time_value"], row["target_time_start"]) == ("2026-SP", date(2026, 3, 1))
    assert row["event_date"] == date(2025, 3, 14)  # ordered by the act, not the target
    (back,) = store.annotated_document(annotated.document.id).events
    assert back.target_time == target
