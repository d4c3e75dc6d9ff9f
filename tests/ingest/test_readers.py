"""Input formats are a registry: each reader declares its extensions and how to recognise its
content; every reader builds its documents in one place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ConfigError
from newsgraph.ingest import FORMATS, parse_post, parse_record, read_paths, readers
from newsgraph.ingest.documents import Parts, build_document
from newsgraph.model import Document

POST = "#Ruritania\nReuters: Ruritania closes its border\n2025.03.14\nThe border closed today.\n"


def test_readers_formats_in_reader_order() -> None:
    assert FORMATS == ("auto", "post", "text", "jsonl")
    assert readers.formats() == FORMATS


@pytest.mark.parametrize(
    ("suffix", "names"),
    [(".jsonl", ["jsonl"]), (".ndjson", ["jsonl"]), (".txt", ["post", "text"]), (".pdf", [])],
)
def test_readers_claim_extensions(suffix: str, names: list[str]) -> None:
    assert sorted(r.name for r in readers.reader_for_path_suffix(suffix)) == names


@pytest.mark.parametrize(
    ("text", "name"), [(POST, "post"), ("Plain words about a border.\n", "text")]
)
def test_readers_sniff_text(text: str, name: str) -> None:
    assert readers.sniff_text(text).name == name


def test_readers_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"'rss'.*jsonl, post, text"):
        readers.get("rss")


def test_readers_reader_needs_exactly_one_way_to_read() -> None:
    with pytest.raises(ValueError, match="either parse or stream"):
        readers.Reader(name="broken", extensions=frozenset({".x"}))


def _shout(text: str, *, origin: str) -> Document:
    parts = Parts(body=text.upper().strip(), raw_text=text, source_kind="shout")
    return build_document(parts, origin=origin)


@pytest.fixture
def shout() -> Iterator[str]:
    readers.register(readers.Reader(name="shout", extensions=frozenset({".shout"}), parse=_shout))
    yield "shout"
    readers.registry.unregister("shout")


def test_readers_a_new_format_is_one_registration(tmp_path: Path, shout: str) -> None:
    (tmp_path / "a.shout").write_text("the border closed\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(POST, encoding="utf-8")
    found = list(read_paths([tmp_path], settings=Settings()))
    assert [type(item).__name__ for item in found] == ["Document", "Document"]
    first, second = found
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.source_kind, first.text) == ("shout", "THE BORDER CLOSED")
    assert second.source_kind == "post"


def test_readers_one_builder_for_every_reader() -> None:
    post = parse_post("Ruritania closes its border\n\nThe border closed today.\n", origin="p")
    record = parse_record(
        {"title": "Ruritania closes its border", "text": "The border closed today."}, origin="r"
    )
    assert (post.id, post.text, post.body_start) == (record.id, record.text, record.body_start)
