"""The records of ``newsgraph.model`` are the one definition: the store's Arrow schemas, its SQL
tables, the row mapping and the API's event item are checked against them, so a field added to
a record fails here until every representation has it (or says why not).

A record with every field set to a value unlike its default is written to a store and read back:
a field the row mapping forgets does not come back.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import types
import typing
from datetime import UTC, date, datetime
from typing import Any

import pytest

from newsgraph import model
from newsgraph.http.items import EVENT_ITEM_FIELDS, event_item
from newsgraph.model import AnnotatedDocument, Document, Event
from newsgraph.store import EventQuery, Store, list_events
from newsgraph.store.rows import EVENT_COLUMNS, TABLE_SCHEMAS, to_arrow_tables

_counter = itertools.count(1)


def _sample(kind: Any, name: str) -> Any:
    """A value of type ``kind`` unlike any default: every field set, every one distinct."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in typing.get_args(kind) if a is not type(None)]
        return _sample(inner, name)
    if origin is tuple:
        return (_sample(typing.get_args(kind)[0], name),)
    if dataclasses.is_dataclass(kind):
        return sample_record(kind)  # type: ignore[arg-type]
    n = next(_counter)
    if kind is str:
        return f"{name}-{n}"
    if kind is bool:
        return True
    if kind is int:
        return n
    if kind is float:
        return n + 0.5
    if kind is date:
        return date(2025, 1 + n % 12, 1 + n % 28)
    if kind is datetime:
        return datetime(2025, 1, 1, tzinfo=UTC)
    raise AssertionError(f"no sample for {kind!r} ({name})")


def sample_record(cls: type[Any]) -> Any:
    hints = typing.get_type_hints(cls, vars(model))
    return cls(**{f.name: _sample(hints[f.name], f.name) for f in dataclasses.fields(cls)})


@functools.cache
def _full_document() -> AnnotatedDocument:
    annotated: AnnotatedDocument = sample_record(AnnotatedDocument)
    document: Document = annotated.document
    # What the store keys or derives rather than keeps as given.
    document = dataclasses.replace(document, id="d" * 20, language="en", text="x" * 1000)
    # An attribution's content is kept as offsets: its words come back from the text.
    attributions = tuple(
        dataclasses.replace(
            a,
            content=dataclasses.replace(
                a.content, text=document.text[a.content.start : a.content.end]
            ),
        )
        for a in annotated.attributions
    )
    events = tuple(dataclasses.replace(e, id=f"e{i}" * 12) for i, e in enumerate(annotated.events))
    return dataclasses.replace(
        annotated, document=document, events=events, attributions=attributions
    )


def test_drift_event_fields_have_columns() -> None:
    fields = [f.name for f in dataclasses.fields(Event)]
    assert sorted(EVENT_COLUMNS) == sorted(fields), "map every Event field in rows.EVENT_COLUMNS"
    mapped = [c for columns in EVENT_COLUMNS.values() for c in columns if "." not in c]
    names = TABLE_SCHEMAS["events"].names
    assert sorted(mapped) == sorted(n for n in names if n not in ("doc_id", "idx"))


#: Columns only one side has: the batch order of a document in Arrow becomes its version number
#: in SQL (Store.write_batch numbers the versions of a document).
_ONLY_ARROW = {"documents": ["ord"]}
_ONLY_SQL = {"documents": ["version"]}


def test_drift_arrow_schemas_match_the_sql_tables(tmp_path: Any) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for table, schema in TABLE_SCHEMAS.items():
            described = [r["column_name"] for r in store.query(f"DESCRIBE {table}")]
            sql = [c for c in described if c not in _ONLY_SQL.get(table, [])]
            arrow = [c for c in schema.names if c not in _ONLY_ARROW.get(table, [])]
            assert sql == arrow, table


def test_drift_rows_cover_every_arrow_column() -> None:
    tables = to_arrow_tables([_full_document()], [], now=datetime(2025, 1, 1))
    for table, schema in TABLE_SCHEMAS.items():
        if table in tables:
            assert tables[table].schema.names == schema.names, table


def test_drift_every_field_survives_the_store(tmp_path: Any) -> None:
    annotated = _full_document()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([annotated], [])
        back = store.annotated_document(annotated.document.id)
    assert back.document == annotated.document
    for name in ("entities", "times", "attributions", "extractor"):
        assert getattr(back, name) == getattr(annotated, name), name
    assert len(back.events) == len(annotated.events)
    for got, want in zip(back.events, annotated.events, strict=True):
        for field in dataclasses.fields(Event):
            assert getattr(got, field.name) == getattr(want, field.name), field.name


#: Fields the item shows in another shape (names and codes of parties, chains of sources).
_SHAPED = frozenset({"trigger", "actors", "recipients", "attribution"})


def test_drift_api_event_item_covers_every_event_field(tmp_path: Any) -> None:
    fields = {f.name for f in dataclasses.fields(Event)}
    assert set(EVENT_ITEM_FIELDS) == fields, (
        "say in http.items.EVENT_ITEM_FIELDS how the API shows it"
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_full_document()], [])
        rows = list_events(store, EventQuery(limit=5))
    assert rows
    item = event_item(rows[0])
    shown = {key for keys in EVENT_ITEM_FIELDS.values() for key in keys}
    assert shown <= set(item), sorted(shown - set(item))
    # what the listing (event_index) keeps of a field is the field's value
    (event,) = [e for e in _full_document().events if e.id == item["id"]]
    same = [f for f, keys in EVENT_ITEM_FIELDS.items() if keys == (f,) and f not in _SHAPED]
    assert same, "no field is shown as it is"
    for name in same:
        assert item[name] == getattr(event, name), name
    assert item["trigger"] == event.trigger.text


@pytest.mark.parametrize("record", [Event, Document, AnnotatedDocument])
def test_drift_sample_sets_every_field(record: type[Any]) -> None:
    sample = sample_record(record)
    for field in dataclasses.fields(record):
        default = field.default if field.default is not dataclasses.MISSING else None
        assert getattr(sample, field.name) not in (default, (), None), field.name
