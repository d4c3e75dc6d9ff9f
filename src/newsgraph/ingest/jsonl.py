"""JSON lines, one object a line:
``{id?, text, published?, title?, url?, outlet?, tags?, language?}``.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, cast

from ..errors import InputError, MalformedInputError
from ..model import Document, Outlet, normalise_text
from .dates import parse_published
from .decode import check_text, decode_bytes, too_large
from .documents import Parts, build_document
from .outlets import find_outlet

__all__ = ["loads", "parse_record", "read_array", "read_jsonl", "read_records"]

_KNOWN_KEYS = frozenset({"id", "text", "published", "title", "url", "outlet", "tags", "language"})


def _optional_str(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value).strip() or None
    raise MalformedInputError(
        f"{origin}: {key!r} must be a string, got {type(value).__name__}", origin=origin
    )


def _tags(value: object, origin: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = value.replace(",", " ").split()
    elif isinstance(value, list) and all(isinstance(t, str) for t in value):
        items = list(value)
    else:
        raise MalformedInputError(
            f"{origin}: 'tags' must be a list of strings or one string", origin=origin
        )
    return tuple(dict.fromkeys(t.strip().lstrip("#") for t in items if t.strip().lstrip("#")))


def parse_record(record: object, *, origin: str) -> Document:
    """One JSON object to a Document; raises :class:`MalformedInputError` saying what is wrong."""
    if not isinstance(record, dict):
        raise MalformedInputError(
            f"{origin}: expected a JSON object, got {type(record).__name__}", origin=origin
        )
    body = record.get("text")
    if not isinstance(body, str):
        raise MalformedInputError(
            f"{origin}: 'text' is missing or not a string (keys: {', '.join(sorted(record))})",
            origin=origin,
        )
    check_text(body, origin=origin)
    published = None
    if record.get("published") not in (None, ""):
        published = parse_published(record["published"])
        if published is None:
            raise MalformedInputError(
                f"{origin}: 'published' {record['published']!r} is not a date (use YYYY-MM-DD)",
                origin=origin,
            )
    headline = _optional_str(record, "title", origin)
    outlet_name = _optional_str(record, "outlet", origin)
    outlet = None
    if outlet_name:
        known = find_outlet(outlet_name)
        outlet = Outlet(known.name, outlet_name, known.country) if known else Outlet(outlet_name)
    found = Parts(
        body=normalise_text(body),
        raw_text=json.dumps(record, ensure_ascii=False, sort_keys=True),
        source_kind="jsonl",
        headline=headline,
        outlet=outlet,
        tags=_tags(record.get("tags"), origin),
        published=published,
        language=_optional_str(record, "language", origin),
        url=_optional_str(record, "url", origin),
        external_id=_optional_str(record, "id", origin),
    )
    return build_document(found, origin=origin)


def loads(line: str, *, origin: str) -> object:
    """One JSON value, or a :class:`MalformedInputError` saying why not; also for what the
    parser itself cannot take (nesting too deep for it, integers of thousands of digits)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            f"{origin}: not valid JSON ({exc.msg} at column {exc.colno})", origin=origin
        ) from exc
    except RecursionError as exc:
        raise MalformedInputError(
            f"{origin}: JSON nested too deeply to read; a record is an object of plain fields",
            origin=origin,
        ) from exc
    except ValueError as exc:  # the only other ValueError: an integer over Python's digit limit
        raise MalformedInputError(
            f"{origin}: a number of more than {sys.get_int_max_str_digits():,} digits; "
            "write long numbers as strings",
            origin=origin,
        ) from exc


def read_records(
    records: Iterable[object], *, origin: str, max_bytes: int = 5_000_000
) -> Iterator[Document | InputError]:
    """Documents of JSON values parsed already (``origin:n`` for the n-th); a bad record yields
    its error and the rest go on."""
    for number, record in enumerate(records, start=1):
        yield _record(record, origin=f"{origin}:{number}", max_bytes=max_bytes)


def read_array(
    text: str, *, origin: str, max_bytes: int = 5_000_000
) -> Iterator[Document | InputError]:
    """Documents of a JSON text holding one record or an array of them (an API body), each
    record on its own: when the parser cannot take the whole text (a record nested too deeply,
    a number too long), the array is cut into its items and only the bad ones are rejected.
    Raises :class:`MalformedInputError` when the text is not JSON at all."""
    try:
        value = loads(text, origin=origin)
    except MalformedInputError:
        items = _array_items(text)
        if items is None:
            raise
        for number, item in enumerate(items, start=1):
            where = f"{origin}:{number}"
            try:
                record = loads(item, origin=where)
            except InputError as exc:
                yield exc
                continue
            yield _record(record, origin=where, max_bytes=max_bytes)
        return
    yield from read_records(
        value if isinstance(value, list) else [value], origin=origin, max_bytes=max_bytes
    )


def _record(record: object, *, origin: str, max_bytes: int) -> Document | InputError:
    try:
        document = parse_record(record, origin=origin)
        size = len(document.raw_text.encode("utf-8"))
        if size > max_bytes:
            raise too_large(origin, size, max_bytes)
        return document
    except InputError as exc:
        return exc
    except Exception as exc:  # one record never stops the rest
        return _unexpected(exc, origin=origin)


# A JSON string (escapes included) or one of the characters that nest or separate values.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')


def _array_items(text: str) -> list[str] | None:
    """The texts of the items of a JSON array, found by counting brackets outside strings (no
    recursion, however deep an item); None when ``text`` is not one array."""
    body = text.strip()
    if not body.startswith("["):
        return None
    depth, cuts = 0, [0]
    for token in _TOKEN.finditer(body):
        mark = token.group()
        if mark in "[{":
            depth += 1
        elif mark in "]}":
            depth -= 1
            if depth == 0:
                if body[token.end() :].strip():
                    return None
                cuts.append(token.start())
                break
        elif mark == "," and depth == 1:
            cuts.append(token.start())
    else:
        return None
    items = [body[a + 1 : b] for a, b in itertools.pairwise(cuts)]
    return [] if len(items) == 1 and not items[0].strip() else items


# Past the limit, the rest of a line is read in chunks of this size, to find its end.
_SKIP_CHUNK = 65536


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def _lines(source: Iterable[bytes] | _Readable, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of ``source``; from a stream, never more than ``max_bytes`` of one line in
    memory: a longer line comes out as its size in bytes (it is not read whole)."""
    if not hasattr(source, "readline"):
        yield from source  # lines in memory already
        return
    stream = cast("_Readable", source)
    while line := stream.readline(max_bytes + 1):
        if line.endswith(b"\n") or len(line) <= max_bytes:
            yield line
            continue
        size = len(line)  # the size of the line, its line ending not counted
        while rest := stream.readline(_SKIP_CHUNK):
            size += len(rest.rstrip(b"\n"))
            if rest.endswith(b"\n"):
                break
        yield size


def read_jsonl(
    lines: Iterable[bytes] | _Readable,
    *,
    origin: str,
    encoding: str = "utf-8",
    max_bytes: int = 5_000_000,
) -> Iterator[Document | InputError]:
    """Documents of JSON lines (a binary stream, or lines in memory); a bad line yields its
    error (``path:line``), the rest go on. A line over ``max_bytes`` is rejected without being
    read into memory."""
    for number, raw in enumerate(_lines(lines, max_bytes), start=1):
        where = f"{origin}:{number}"
        if isinstance(raw, int):
            yield too_large(where, raw, max_bytes)
            continue
        if not raw.strip():
            continue
        try:
            # The limit is on the record: the line ending does not count.
            line = decode_bytes(
                raw.rstrip(b"\r\n"), origin=where, encoding=encoding, max_bytes=max_bytes
            )
            yield parse_record(loads(line, origin=where), origin=where)
        except InputError as exc:
            yield exc
        except Exception as exc:  # one line never stops the stream
            yield _unexpected(exc, origin=where)


def _unexpected(exc: Exception, *, origin: str) -> MalformedInputError:
    return MalformedInputError(
        f"{origin}: the record could not be read ({type(exc).__name__}: {exc})", origin=origin
    )
