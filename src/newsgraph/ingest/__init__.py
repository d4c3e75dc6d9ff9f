"""Readers: posts, plain text, JSON lines and folders of them, each yielding Documents.

:func:`read_paths` is the entry point; every input that cannot be read comes out as a
:class:`~newsgraph.model.Rejection` with its reason instead of being dropped. The formats are a
registry (:mod:`.readers`: each reader declares its extensions and how to recognise its
content); every reader builds its documents in one place (:mod:`.documents`).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError, UnsupportedInputError
from ..model import Document, Rejection
from . import readers
from .decode import decode_bytes, too_large
from .jsonl import parse_record
from .outlets import find_outlet
from .paths import not_a_file, origin_of, walk
from .post import parse_post, parse_text

__all__ = [
    "FORMATS",
    "Format",
    "find_outlet",
    "parse_post",
    "parse_record",
    "parse_text",
    "read_file",
    "read_paths",
    "read_stream",
]

#: An input format: ``auto`` or the name of a registered reader (:mod:`.readers`).
Format = str
FORMATS: tuple[Format, ...] = readers.formats()

STDIN = "-"


def rejection(error: InputError, *, content: bytes = b"") -> Rejection:
    """The record of an unreadable input, keyed so that re-reading it never duplicates it."""
    return Rejection(
        origin=error.origin,
        reason=error.reason,
        code=error.code,
        message=error.message,
        content_hash=hashlib.sha256(content).hexdigest()[:20] if content else "",
    )


def unexpected(exc: Exception, *, origin: str) -> InputError:
    """An input error for what no reader foresaw, so that one input never stops a run."""
    return InputError(
        f"{origin}: could not be read ({type(exc).__name__}: {exc}); the run went on without it",
        origin=origin,
    )


def _format_of(path: Path, requested: Format) -> Format | None:
    """The format of a file: as requested, else a stream reader claiming its extension, else the
    one text reader claiming it, else ``auto`` (sniffed) when several do; None when none does."""
    if requested != readers.AUTO:
        return requested
    claiming = readers.reader_for_path_suffix(path.suffix.lower())
    streaming = [r for r in claiming if r.stream is not None]
    if streaming:
        return streaming[0].name
    if len(claiming) == 1:
        return claiming[0].name
    return readers.AUTO if claiming else None


def _text_document(text: str, *, origin: str, fmt: Format) -> Document:
    reader = readers.sniff_text(text) if fmt == readers.AUTO else readers.get(fmt)
    if reader.parse is None:
        raise UnsupportedInputError(
            f"{origin}: {fmt} is not a format of whole texts", origin=origin
        )
    return reader.parse(text, origin=origin)


def _stream_reader(fmt: Format) -> readers.Reader | None:
    reader = readers.default_stream_reader() if fmt == readers.AUTO else readers.get(fmt)
    return reader if reader.stream is not None else None


def read_stream(
    stream: BinaryIO, *, origin: str, fmt: Format, settings: Settings
) -> Iterator[Document | Rejection]:
    """Read an open binary stream: JSON lines by default (``auto``), or one post/text document."""
    reader = _stream_reader(fmt)
    if reader is not None and reader.stream is not None:
        try:
            for item in reader.stream(
                stream,
                origin=origin,
                encoding=settings.encoding,
                max_bytes=settings.max_document_bytes,
            ):
                yield item if isinstance(item, Document) else rejection(item)
        except OSError as exc:
            # The stream failed part way: what it gave so far stands, the failure is recorded.
            reason = exc.strerror or str(exc)
            yield rejection(InputError(f"{origin}: cannot read: {reason}", origin=origin))
        except Exception as exc:  # a reader's own failure (a plug-in's, say) stops only this input
            yield rejection(unexpected(exc, origin=origin))
        return
    data = b""
    try:
        data = stream.read(settings.max_document_bytes + 1)
        text = decode_bytes(
            data, origin=origin, encoding=settings.encoding, max_bytes=settings.max_document_bytes
        )
        yield _text_document(text, origin=origin, fmt=fmt)
    except InputError as exc:
        yield rejection(exc, content=data)
    except Exception as exc:
        yield rejection(unexpected(exc, origin=origin), content=data)


def read_file(
    path: Path, *, fmt: Format = "auto", settings: Settings
) -> Iterator[Document | Rejection]:
    """Documents of one file (several for JSON lines), or its rejection."""
    origin = origin_of(path)
    chosen = _format_of(path, fmt) or readers.AUTO
    data = b""
    try:
        if chosen != readers.AUTO and _stream_reader(chosen) is not None:
            with path.open("rb") as stream:
                yield from read_stream(stream, origin=origin, fmt=chosen, settings=settings)
            return
        size = path.stat().st_size
        if size > settings.max_document_bytes:
            # Hash only the head: a huge file is not read into memory just to be rejected.
            with path.open("rb") as stream:
                data = stream.read(65536)
            raise too_large(origin, size, settings.max_document_bytes)
        data = path.read_bytes()
        text = decode_bytes(
            data, origin=origin, encoding=settings.encoding, max_bytes=settings.max_document_bytes
        )
        yield _text_document(text, origin=origin, fmt=chosen)
    except InputError as exc:
        yield rejection(exc, content=data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield rejection(InputError(f"{origin}: cannot read: {reason}", origin=origin))
    except Exception as exc:
        yield rejection(unexpected(exc, origin=origin), content=data)


def read_paths(
    paths: Iterable[str | Path],
    *,
    fmt: Format = "auto",
    settings: Settings | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Document | Rejection]:
    """Documents from files, folders (recursively, by extension) and ``-`` (standard input).

    Files in ``exclude`` (the store being written, say) are passed over inside folders.
    """
    settings = settings or Settings()
    skip = {p.resolve() for p in exclude}
    for given in paths:
        if str(given) == STDIN:
            yield from read_stream(sys.stdin.buffer, origin="<stdin>", fmt=fmt, settings=settings)
            continue
        path = Path(given)
        if path.is_dir():
            for child in walk(path):
                if isinstance(child, InputError):
                    yield rejection(child)
                elif child.resolve() not in skip:
                    yield from _read_entry(child, fmt=fmt, settings=settings)
        elif path.is_file():
            yield from read_file(path, fmt=fmt, settings=settings)
        else:
            yield rejection(not_a_file(path))


def _read_entry(path: Path, *, fmt: Format, settings: Settings) -> Iterator[Document | Rejection]:
    """A file found in a folder: read when a reader takes it, else its rejection."""
    if _format_of(path, fmt) is None:
        origin = origin_of(path)
        yield rejection(
            UnsupportedInputError(
                f"{origin}: no reader for {origin_of(path.suffix) or 'files without an extension'} "
                f"(readable: {', '.join(readers.known_extensions())})",
                origin=origin,
            )
        )
        return
    yield from read_file(path, fmt=fmt, settings=settings)
