"""Paths of inputs: the name a path is recorded under, and the walk of a folder.

A file name is bytes to the operating system; one that is not valid UTF-8 reaches Python with
lone surrogates in it, which no database or terminal can take. :func:`origin_of` writes such
bytes as ``\\xNN`` escapes, so the file is still read (by its real path) and recorded by a name
that can be stored and printed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

__all__ = ["origin_of", "walk"]


def origin_of(path: str | Path) -> str:
    """The name ``path`` is recorded under: itself, with undecodable bytes as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _cannot_read(path: Path, exc: OSError) -> InputError:
    origin = origin_of(path)
    return InputError(f"{origin}: cannot read: {exc.strerror or exc}", origin=origin)


def walk(folder: Path) -> Iterator[Path | InputError]:
    """Files below ``folder`` in a stable order (by name), skipping hidden files and folders;
    a folder that cannot be listed comes out as its error and the walk goes on."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _cannot_read(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from walk(path)
        elif entry.is_file():
            yield path
