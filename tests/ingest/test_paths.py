from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.ingest import read_paths
from newsgraph.model import Document, Rejection
from tests.conftest import POST


def _split(items: list[Document | Rejection]) -> tuple[list[Document], list[Rejection]]:
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Rejection)],
    )


def test_folder_recursive_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "post.txt").write_text(POST, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n", encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("Plain article text. Second sentence.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    docs, rejected = _split(list(read_paths([tmp_path])))
    assert sorted(d.source_kind for d in docs) == ["jsonl", "jsonl", "post", "text"]
    assert [r.reason for r in rejected] == ["unsupported"]
    assert rejected[0].origin.endswith("image.png")


def test_missing_path_is_recorded(tmp_path: Path) -> None:
    _, rejected = _split(list(read_paths([tmp_path / "nope.txt"])))
    assert rejected[0].reason == "unreadable"
    assert "no such file" in rejected[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    _, rejected = _split(list(read_paths([path])))
    assert rejected[0].reason == "unreadable"


def test_hostile_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 2)
    (tmp_path / "latin1.txt").write_bytes("r\u00e9sum\u00e9 of talks".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * 300)
    (tmp_path / "good.txt").write_text("Leaders met in Oslo on Monday.", encoding="utf-8")
    settings = Settings(max_document_bytes=1000)
    docs, rejected = _split(list(read_paths([tmp_path], settings=settings)))
    assert [d.origin.rsplit("/", 1)[-1] for d in docs] == ["good.txt"]
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in rejected}
    assert reasons == {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "huge.txt": "too_large",
        "latin1.txt": "encoding",
    }
    assert all(r.content_hash for r in rejected if r.reason != "empty")


def test_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("WP: Looks like a post\n2025.01.01\nBody.", encoding="utf-8")
    (doc,) = read_paths([path], fmt="text")
    assert isinstance(doc, Document)
    assert doc.headline is None and doc.source_kind == "text"
