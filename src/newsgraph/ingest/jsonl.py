"""JSON lines, one object a line:
``{id?, text, published?, title?, url?, outlet?, tags?, language?}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError, MalformedInputError
from ..model import Document, Outlet, normalise_text
from .dates import parse_published
from .decode import check_text, decode_bytes
from .documents import Parts, build_document
from .outlets import find_outlet

__all__ = ["parse_record", "read_jsonl"]

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


def read_jsonl(
    lines: Iterable[bytes], *, origin: str, encoding: str = "utf-8", max_bytes: int = 5_000_000
) -> Iterator[Document | InputError]:
    """Documents of a JSONL stream; a bad line yields its error (``path:line``), the rest go on."""
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            line = decode_bytes(raw, origin=where, encoding=encoding, max_bytes=max_bytes)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedInputError(
                    f"{where}: not valid JSON ({exc.msg} at column {exc.colno})", origin=where
                ) from exc
            yield parse_record(record, origin=where)
        except InputError as exc:
            yield exc
