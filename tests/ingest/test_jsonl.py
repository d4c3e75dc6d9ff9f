from __future__ import annotations

import io
import json
from datetime import date

import pytest

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError
from newsgraph.ingest import parse_record
from newsgraph.ingest.jsonl import read_array, read_jsonl, read_records
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


GOOD_FIRST = json.dumps({"text": "Envoys met in Oslo."}).encode()
GOOD_LAST = json.dumps({"text": "Talks resumed on Friday."}).encode()


@pytest.mark.parametrize(
    ("line", "reason", "words"),
    [
        (b"[" * 5000 + b"]" * 5000, "malformed", "nested too deeply"),
        (b'{"text": "A.", "nested": ' + b"[" * 5000 + b"]" * 5000 + b"}", "malformed", "nested"),
        (b'{"text": "A.", "id": ' + b"9" * 5000 + b"}", "malformed", "digits"),
        (b'{"text": "bad \\ud800 text"}', "encoding", "lone surrogate"),
        (b'{"text": "ok", "title": "\\udfff"}', "encoding", "headline"),
        (b'{"text": "ok", "extra": "\\ud800"}', "encoding", "raw text"),
    ],
)
def test_hostile_line_is_rejected_and_the_stream_goes_on(
    line: bytes, reason: str, words: str
) -> None:
    items = list(read_jsonl([GOOD_FIRST, line, GOOD_LAST], origin="h.jsonl"))
    assert [type(i).__name__ for i in items][::2] == ["Document", "Document"]
    error = items[1]
    assert isinstance(error, InputError)
    assert (error.origin, error.reason) == ("h.jsonl:2", reason)
    assert words in error.message


def test_unforeseen_error_in_one_record_is_its_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.ingest.jsonl as jsonl

    real = jsonl.parse_record

    def fragile(record: object, *, origin: str) -> Document:
        if isinstance(record, dict) and record.get("boom"):
            raise RuntimeError("a bug in a reader")
        return real(record, origin=origin)

    monkeypatch.setattr(jsonl, "parse_record", fragile)
    lines = [GOOD_FIRST, b'{"text": "x", "boom": true}', GOOD_LAST]
    items = list(read_jsonl(lines, origin="b.jsonl"))
    assert [type(i).__name__ for i in items] == ["Document", "MalformedInputError", "Document"]
    assert "RuntimeError: a bug in a reader" in items[1].message  # type: ignore[union-attr]


def test_records_each_on_their_own() -> None:
    records: list[object] = [{"text": "One."}, {"text": "\ud800"}, 5, {"text": "Two."}]
    items = list(read_records(records, origin="api:x", max_bytes=1000))
    assert [getattr(i, "reason", "document") for i in items] == [
        "document",
        "encoding",
        "malformed",
        "document",
    ]
    assert [i.origin for i in items] == ["api:x:1", "api:x:2", "api:x:3", "api:x:4"]
    big = list(read_records([{"text": "word " * 500}], origin="api:y", max_bytes=1000))
    assert isinstance(big[0], InputError) and big[0].reason == "too_large"


def test_array_with_a_record_too_deep_keeps_the_others() -> None:
    deep = "[" * 3000 + "]" * 3000
    text = (
        '[{"text": "One, [with] {brackets}."}, {"text": "x", "d": ' + deep + "},"
        ' {"text": "Two \\"quoted\\", [not] a cut."}]'
    )
    items = list(read_array(text, origin="api:z"))
    assert [getattr(i, "reason", "document") for i in items] == [
        "document",
        "malformed",
        "document",
    ]
    assert isinstance(items[2], Document) and items[2].text == 'Two "quoted", [not] a cut.'
    with pytest.raises(MalformedInputError):
        list(read_array(deep + "garbage", origin="api:z"))
    assert list(read_array("[]", origin="api:z")) == []


class _Watched(io.BytesIO):
    """A stream that remembers the longest piece it ever handed out."""

    longest = 0

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        self.longest = max(self.longest, len(line))
        return line

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.longest = max(self.longest, len(data))
        return data

    def __next__(self) -> bytes:
        line = super().__next__()
        self.longest = max(self.longest, len(line))
        return line


def test_long_line_of_a_stream_is_not_read_whole() -> None:
    huge = json.dumps({"text": "word " * 400_000}).encode()  # 2 MB on one line
    stream = _Watched(b"\n".join([GOOD_FIRST, huge, GOOD_LAST, huge + b"x"]))
    items = list(read_jsonl(stream, origin="l.jsonl", max_bytes=10_000))
    kinds = [getattr(i, "reason", "document") for i in items]
    assert kinds == ["document", "too_large", "document", "too_large"]
    assert f"{len(huge):,} bytes" in items[1].message  # type: ignore[union-attr]
    assert f"{len(huge) + 1:,} bytes" in items[3].message  # type: ignore[union-attr]
    assert [i.origin for i in items] == ["l.jsonl:1", "l.jsonl:2", "l.jsonl:3", "l.jsonl:4"]
    assert stream.longest <= 65_536


def test_line_of_exactly_the_limit_is_read() -> None:
    line = json.dumps({"text": "a" * 100}).encode()
    stream = io.BytesIO(line + b"\n" + line)
    items = list(read_jsonl(stream, origin="e.jsonl", max_bytes=len(line)))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
