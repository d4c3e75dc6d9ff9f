from __future__ import annotations

import json
from datetime import date

import pytest

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError
from newsgraph.ingest import parse_record
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.model import Document


def test_record_with_every_field() -> None:
    record = {
        "id": 42,
        "text": "Troops crossed the river on Monday.",
        "published": "2024-05-06",
        "title": "Crossing",
        "url": "https://example.org/a",
        "outlet": "AP",
        "tags": ["#Ruritania", "Ruritania/Freedonia"],
        "language": "en",
    }
    doc = parse_record(record, origin="f.jsonl:1")
    assert doc.external_id == "42"
    assert doc.published == date(2024, 5, 6)
    assert doc.outlet is not None and doc.outlet.name == "Associated Press"
    assert doc.tags == ("Ruritania", "Ruritania/Freedonia")
    assert doc.text == "Crossing\n\nTroops crossed the river on Monday."
    assert doc.text[doc.body_start :] == record["text"]
    assert doc.source_kind == "jsonl"


def test_unknown_outlet_is_kept_by_name() -> None:
    doc = parse_record({"text": "A sentence.", "outlet": "The Daily Planet"}, origin="x")
    assert doc.outlet is not None and doc.outlet.name == "The Daily Planet"
    assert doc.outlet.country is None


@pytest.mark.parametrize(
    ("record", "error"),
    [
        ([1, 2], MalformedInputError),
        ({"id": 1}, MalformedInputError),
        ({"text": 5}, MalformedInputError),
        ({"text": "   "}, EmptyInputError),
        ({"text": "ok", "published": "yesterday-ish"}, MalformedInputError),
        ({"text": "ok", "tags": [1, 2]}, MalformedInputError),
        ({"text": "ok", "title": {"a": 1}}, MalformedInputError),
    ],
)
def test_bad_records_raise_with_origin(record: object, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        parse_record(record, origin="f.jsonl:7")
    assert info.value.origin == "f.jsonl:7"
    assert "f.jsonl:7" in info.value.message


def test_stream_goes_on_after_bad_lines() -> None:
    lines = [
        json.dumps({"text": "First report."}).encode(),
        b"{not json",
        b"",
        b"\x00\x01garbage",
        json.dumps({"text": "Second report."}).encode(),
    ]
    items = list(read_jsonl(lines, origin="s.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "MalformedInputError", "BinaryInputError", "Document"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.origin for e in errors] == ["s.jsonl:2", "s.jsonl:4"]
    docs = [i for i in items if isinstance(i, Document)]
    assert docs[1].origin == "s.jsonl:5"


def test_oversized_line_is_rejected_not_read() -> None:
    big = json.dumps({"text": "word " * 1000}).encode()
    items = list(read_jsonl([big], origin="big.jsonl", max_bytes=100))
    assert isinstance(items[0], InputError)
    assert items[0].reason == "too_large"
