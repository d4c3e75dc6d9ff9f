"""Fuzzing every reader and the ingest API (hypothesis, bounded): whatever an input holds, each
item comes out as a document or a rejection with a reason, and nothing raises.

Examples are few (``max_examples``) and untimed (``deadline=None``): the suite stays a few
seconds on a shared machine and a slow example is not a failure.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.app import ApiConfig, create_app
from newsgraph.config import Settings
from newsgraph.ingest import read_paths, read_stream, readers
from newsgraph.model import AnnotatedDocument, Document, Rejection
from newsgraph.runners import WorkItem
from newsgraph.store import Store

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LIMITS = Settings(max_document_bytes=20_000)

# Strings with what breaks naive code: lone surrogates, controls, escapes, markup, long digits.
_HOSTILE = st.sampled_from(
    ["\ud800", "\udfff", "\x00", "\x1b]0;t\x07", "\u202e", "%_", "<script>", "9" * 5000, "\n"]
)
_TEXT = st.lists(st.one_of(st.text(max_size=40), _HOSTILE), max_size=6).map("".join)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_FIELDS = ("id", "text", "published", "title", "url", "outlet", "tags", "language")
_RECORD = st.dictionaries(st.sampled_from(_FIELDS) | _TEXT, _JSON | _TEXT, max_size=6)
_DEEP = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)


def _line(value: object) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError):
        return b"{broken"


_LINE = st.one_of(
    _RECORD.map(_line),
    _JSON.map(_line),
    _DEEP.map(str.encode),
    st.binary(max_size=200).filter(lambda b: b"\n" not in b),
)


def _only_documents_and_rejections(items: Iterable[object]) -> list[Document | Rejection]:
    found = list(items)
    for item in found:
        assert isinstance(item, (Document, Rejection)), item
        if isinstance(item, Rejection):
            assert item.reason and item.code.startswith("NG") and item.message
            item.origin.encode("utf-8")  # storable and printable
        else:
            item.id.encode("utf-8")
            item.text.encode("utf-8")
    return found


@pytest.mark.parametrize("fmt", [name for name in readers.formats() if name != readers.AUTO])
@FUZZ
@given(data=st.binary(max_size=2_000) | _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_every_reader_answers_any_bytes(fmt: str, data: bytes) -> None:
    _only_documents_and_rejections(
        read_stream(io.BytesIO(data), origin="fuzz", fmt=fmt, settings=LIMITS)
    )


@FUZZ
@given(lines=st.lists(_LINE, max_size=8))
def test_json_lines_answer_each_line(lines: list[bytes]) -> None:
    items = _only_documents_and_rejections(
        read_stream(io.BytesIO(b"\n".join(lines)), origin="f", fmt="jsonl", settings=LIMITS)
    )
    # One answer for each line that is not blank, in order.
    expected = [f"f:{n}" for n, line in enumerate(lines, start=1) if line.strip()]
    assert [item.origin for item in items] == expected


def _safe_name(raw: bytes) -> bytes:
    name = raw.replace(b"/", b"_").replace(b"\x00", b"_").lstrip(b".")[:100]
    return name or b"x"


@FUZZ
@given(files=st.lists(st.tuples(st.binary(min_size=1, max_size=30), st.binary(max_size=300))))
def test_folders_of_any_names_and_bytes(
    tmp_path_factory: pytest.TempPathFactory, files: Any
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    written = set()
    for raw_name, content in files:
        name = _safe_name(raw_name) + b".txt"
        written.add(name)
        (folder / os.fsdecode(name)).write_bytes(content)
    items = _only_documents_and_rejections(read_paths([folder], settings=LIMITS))
    assert len(items) == len(written)


class _NoNlp:
    """A runner that annotates nothing: the API's reading and storing are what is fuzzed."""

    def run(self, items: Iterable[WorkItem]) -> Iterator[WorkItem]:
        for item in items:
            item.annotated = [AnnotatedDocument(document=d) for d in item.documents]
            yield item

    def close(self) -> None:
        return None


@pytest.fixture(scope="module")
def ingest_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("fuzz-api") / "f.duckdb"
    Store(db).close()
    app = create_app(
        ApiConfig(db=db, token="t", settings=Settings(db=db, max_document_bytes=20_000))
    )
    with TestClient(app) as client:
        app.state.runner = _NoNlp()
        yield client


_BODY = st.one_of(
    st.lists(_RECORD, max_size=5).map(_line),
    _RECORD.map(_line),
    _DEEP.map(str.encode),
    st.lists(_LINE, max_size=5).map(b"\n".join),
    st.binary(max_size=300),
)


@FUZZ
@given(
    body=_BODY,
    content_type=st.sampled_from(["application/json", "application/x-ndjson", "text/plain"]),
)
def test_ingest_api_never_fails_on_a_body(
    ingest_client: TestClient, body: bytes, content_type: str
) -> None:
    answer = ingest_client.post(
        "/api/ingest",
        content=body,
        headers={"Authorization": "Bearer t", "Content-Type": content_type},
    )
    assert answer.status_code in (200, 422), answer.text
    report = answer.json()
    if answer.status_code == 422:
        assert report["error"]["code"].startswith("NG1")
        return
    assert all(r["reason"] and r["code"].startswith("NG") for r in report["rejected"])
    if content_type == "application/json" and body.lstrip().startswith(b"["):
        records = len(json.loads(body)) if _parses(body) else None
        if records is not None:
            assert len(report["doc_ids"]) + len(report["rejected"]) == records


def _parses(body: bytes) -> bool:
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True
