"""Input formats by name: each reader says which file extensions it takes and how to recognise
its content, and reads it. A new format is one module and one registration::

    from newsgraph.ingest.readers import Reader, register

    register(Reader(name="rss", extensions=frozenset({".rss"}), parse=parse_rss))

(or an entry point in the group ``newsgraph_readers`` naming a :class:`Reader`).

Two kinds of reader: ``parse`` turns the text of one input into one document (posts, plain
text); ``stream`` reads many documents from a binary stream, one bad record at a time (JSON
lines). With the format ``auto`` a file goes to the readers that claim its extension; among
text readers the first whose ``sniff`` accepts the text reads it (a post when its first lines
carry a post header, else plain text), and standard input is JSON lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..model import Document
from ..registry import Registry
from .jsonl import read_jsonl
from .post import looks_like_post, parse_post, parse_text

__all__ = [
    "AUTO",
    "Reader",
    "default_stream_reader",
    "formats",
    "get",
    "known_extensions",
    "reader_for_path_suffix",
    "register",
    "registry",
    "sniff_text",
    "text_readers",
]

AUTO = "auto"

#: ``(lines, origin=, encoding=, max_bytes=)`` -> documents, or the error of each bad record.
StreamReader = Callable[..., Iterator[Document | InputError]]


def _anything(text: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format. ``order`` ranks text readers for sniffing (lower first)."""

    name: str
    extensions: frozenset[str]
    parse: Callable[..., Document] | None = None
    stream: StreamReader | None = None
    sniff: Callable[[str], bool] = _anything
    order: int = 100

    def __post_init__(self) -> None:
        if (self.parse is None) == (self.stream is None):
            raise ValueError(f"reader {self.name!r}: give either parse or stream, not both")


registry: Registry[Reader] = Registry("readers", setting="input format")


def register(reader: Reader) -> Reader:
    """Register ``reader`` under its name."""
    registry.register(reader.name)(reader)
    return reader


def get(name: str) -> Reader:
    return registry.get(name)


def _all() -> list[Reader]:
    return [registry.get(name) for name in registry.names()]


def formats() -> tuple[str, ...]:
    """``auto`` and every registered format, in reader order."""
    return (AUTO, *(r.name for r in sorted(_all(), key=lambda r: (r.order, r.name))))


def default_stream_reader() -> Reader:
    """The reader of standard input and streams under ``auto``: the first stream reader."""
    return next(r for r in sorted(_all(), key=lambda r: (r.order, r.name)) if r.stream)


def text_readers() -> list[Reader]:
    """The readers of whole texts, in sniffing order."""
    return sorted((r for r in _all() if r.parse is not None), key=lambda r: (r.order, r.name))


def reader_for_path_suffix(suffix: str) -> list[Reader]:
    """The readers that claim a file extension (lower case, with the dot)."""
    return [r for r in _all() if suffix in r.extensions]


def sniff_text(text: str) -> Reader:
    """The text reader for ``text``: the first whose ``sniff`` accepts it."""
    return next(r for r in text_readers() if r.sniff(text))


def known_extensions() -> Iterable[str]:
    return sorted({e for r in _all() for e in r.extensions})


_TEXT_EXTENSIONS = frozenset({".txt", ".text", ".post", ".md"})

register(
    Reader(name="jsonl", extensions=frozenset({".jsonl", ".ndjson"}), stream=read_jsonl, order=30)
)
register(
    Reader(
        name="post", extensions=_TEXT_EXTENSIONS, parse=parse_post, sniff=looks_like_post, order=10
    )
)
register(Reader(name="text", extensions=_TEXT_EXTENSIONS, parse=parse_text, order=20))
