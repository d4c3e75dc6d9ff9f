from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import pytest

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import read_paths, read_stream
from newsgraph.ingest.paths import walk
from newsgraph.model import Document, Rejection
from newsgraph.store import Store
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


def test_file_name_not_utf8_is_read_and_stored(tmp_path: Path) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates (os.fsdecode).
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Envoys met in Oslo on Monday.")
    (tmp_path / os.fsdecode(b"bad\xff.png")).write_bytes(b"\x89PNG\r\n\x1a\n")
    docs, rejected = _split(list(read_paths([tmp_path])))
    assert [d.origin.rsplit("/", 1)[-1] for d in docs] == ["caf\\xe9.txt"]
    assert [r.origin.rsplit("/", 1)[-1] for r in rejected] == ["bad\\xff.png"]
    with Store(tmp_path / "s.duckdb") as store:
        written = store.write_batch([], rejected)
        assert written.rejected == 1
        assert store.rejections()[0]["origin"].endswith("bad\\xff.png")


def test_unreadable_sub_folder_is_recorded_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads every folder, so the refusal is the operating system's answer, simulated.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Envoys met in Oslo.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text("Never read.", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Talks resumed on Friday.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Path) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("newsgraph.ingest.paths.os.scandir", scandir)
    docs, rejected = _split(list(read_paths([tmp_path])))
    assert sorted(d.origin.rsplit("/", 1)[-1] for d in docs) == ["one.txt", "z.txt"]
    assert [(r.origin.rsplit("/", 1)[-1], r.reason) for r in rejected] == [("locked", "unreadable")]
    assert "Permission denied" in rejected[0].message


def test_unforeseen_error_in_one_file_is_its_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.ingest import readers

    (tmp_path / "a.txt").write_text("Envoys met in Oslo.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM in this one.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Talks resumed on Friday.", encoding="utf-8")
    text_reader = readers.get("text")
    assert text_reader.parse is not None
    parse = text_reader.parse

    def fragile(text: str, *, origin: str) -> Document:
        if "BOOM" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return parse(text, origin=origin)

    monkeypatch.setattr(readers, "sniff_text", lambda text: replace(text_reader, parse=fragile))
    docs, rejected = _split(list(read_paths([tmp_path])))
    assert [d.origin.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "c.txt"]
    assert [(r.origin.rsplit("/", 1)[-1], r.reason) for r in rejected] == [("b.txt", "unreadable")]
    assert "RecursionError" in rejected[0].message


def test_walk_reads_each_folder_once_through_link_loops(tmp_path: Path) -> None:
    # Two loops back to the top: without a record of folders read, the walk grows exponentially.
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("Envoys met in Oslo.", encoding="utf-8")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "again").symlink_to(tmp_path / "a" / "b", target_is_directory=True)
    items = list(walk(tmp_path))
    files = [p for p in items if isinstance(p, Path)]
    skipped = [e for e in items if isinstance(e, InputError)]
    assert [p.name for p in files] == ["one.txt"]
    assert sorted(e.origin.rsplit("/", 1)[-1] for e in skipped) == ["again", "loop", "up"]
    assert all(e.reason == "skipped" and "read already" in e.message for e in skipped)


def test_entries_not_read_are_recorded_with_why(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Envoys met in Oslo.", encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "null.txt").symlink_to("/dev/null")
    docs, rejected = _split(list(read_paths([tmp_path])))
    assert [d.origin.rsplit("/", 1)[-1] for d in docs] == ["good.txt"]
    why = {r.origin.rsplit("/", 1)[-1]: (r.reason, r.message) for r in rejected}
    assert set(why) == {"broken.txt", "self.txt", "pipe.txt", "null.txt"}
    assert all(reason == "skipped" for reason, _ in why.values())
    assert "broken link" in why["broken.txt"][1]
    assert "loop of links" in why["self.txt"][1]
    assert "FIFO" in why["pipe.txt"][1]
    assert "character device" in why["null.txt"][1]
    # Given by name, a FIFO is named as one too (not "no such file").
    (only,) = read_paths([tmp_path / "pipe.txt"])
    assert isinstance(only, Rejection) and "FIFO" in only.message


def test_stream_reader_failing_part_way_keeps_what_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.ingest import parse_record, readers

    def failing(stream: BinaryIO, *, origin: str, **_: object) -> Iterator[Document]:
        yield parse_record({"text": stream.read().decode()}, origin=f"{origin}:1")
        raise ZeroDivisionError("a bug in a plug-in reader")

    plug_in = readers.Reader(name="failing", extensions=frozenset({".fail"}), stream=failing)
    monkeypatch.setattr(readers, "get", lambda name: plug_in)
    # A stream (standard input, an API body), then a file: each keeps what it gave.
    stream = io.BytesIO(b"Envoys met in Oslo.")
    items = list(read_stream(stream, origin="<stdin>", fmt="failing", settings=Settings()))
    (tmp_path / "b.fail").write_text("Talks resumed on Friday.", encoding="utf-8")
    items += read_paths([tmp_path / "b.fail"], fmt="failing")
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"] * 2
    assert isinstance(items[1], Rejection) and "ZeroDivisionError" in items[1].message
    assert items[1].origin == "<stdin>" and items[3].origin.endswith("b.fail")
