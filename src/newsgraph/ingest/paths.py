"""Paths of inputs: the name a path is recorded under, and the walk of a folder.

A file name is bytes to the operating system; one that is not valid UTF-8 reaches Python with
lone surrogates in it, which no database or terminal can take. :func:`origin_of` writes such
bytes as ``\\xNN`` escapes, so the file is still read (by its real path) and recorded by a name
that can be stored and printed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, SkippedEntryError

__all__ = ["not_a_file", "origin_of", "walk"]


def origin_of(path: str | Path) -> str:
    """The name ``path`` is recorded under: itself, with undecodable bytes as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _cannot_read(path: Path, exc: OSError) -> InputError:
    origin = origin_of(path)
    return InputError(f"{origin}: cannot read: {exc.strerror or exc}", origin=origin)


def _skipped(path: Path, why: str) -> SkippedEntryError:
    origin = origin_of(path)
    return SkippedEntryError(f"{origin}: not read: {why}", origin=origin)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe), not a file"),
    (stat.S_ISSOCK, "a socket, not a file"),
    (stat.S_ISCHR, "a character device, not a file"),
    (stat.S_ISBLK, "a block device, not a file"),
)


def not_a_file(path: Path) -> InputError:
    """Why ``path``, neither a folder nor a regular file, is not read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return _skipped(path, f"a broken link (to {origin_of(path.readlink())})")
        origin = origin_of(path)
        return InputError(f"{origin}: no such file or folder", origin=origin)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _skipped(path, "a link that leads back to itself (a loop of links)")
        return _cannot_read(path, exc)
    for test, what in _KINDS:
        if test(mode):
            return _skipped(path, what)
    return _skipped(path, "not a regular file")


def walk(folder: Path) -> Iterator[Path | InputError]:
    """Files below ``folder`` in a stable order (by name), skipping hidden files and folders.

    Links are followed, but each folder is read once, by its identity on disk (device and
    inode): a link back to a folder above it, or a second link to a folder read already, is
    recorded, not walked again. Every entry not read (a broken link, a loop, a FIFO, a device,
    a folder that cannot be listed) comes out as its error, and the walk goes on.
    """
    seen: set[tuple[int, int]] = set()
    try:
        info = folder.stat()
    except OSError as exc:
        yield _cannot_read(folder, exc)
        return
    seen.add((info.st_dev, info.st_ino))
    yield from _walk(folder, seen)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _cannot_read(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
            key = (entry.stat().st_dev, entry.stat().st_ino) if is_dir else (0, 0)
        except OSError:
            yield not_a_file(path)  # a loop of links, say: says why
            continue
        if is_dir:
            if key in seen:
                real = origin_of(path.resolve())
                yield _skipped(path, f"a link to the folder {real}, read already (a loop?)")
                continue
            seen.add(key)
            yield from _walk(path, seen)
        elif is_file:
            yield path
        else:
            yield not_a_file(path)
