"""Bytes to text, with a clear error for everything that is not readable text."""

from __future__ import annotations

import codecs

from ..errors import BinaryInputError, EmptyInputError, EncodingError, TooLargeError

__all__ = ["check_text", "decode_bytes", "too_large"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of common binary formats, to name what was found instead of text.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"DUCK", "a DuckDB database"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(
    data: bytes, *, origin: str, encoding: str = "utf-8", max_bytes: int = 5_000_000
) -> str:
    """Decode ``data`` as text or raise an :class:`InputError` saying why it is not text."""
    if len(data) > max_bytes:
        raise too_large(origin, len(data), max_bytes)
    if not data.strip():
        raise EmptyInputError(f"{origin}: the input is empty", origin=origin)

    codec = encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec = name
            break
    else:
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise BinaryInputError(f"{origin}: this is {what}, not text", origin=origin)
        if b"\x00" in data[:65536]:
            raise BinaryInputError(
                f"{origin}: contains NUL bytes, so it is binary or UTF-16 without a byte-order "
                "mark; convert it to UTF-8 text",
                origin=origin,
            )

    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise EncodingError(
            f"{origin}: not valid {codec} (byte 0x{bad} at offset {exc.start}); convert it to "
            "UTF-8 or pass --encoding (for example cp1252 or cp1251)",
            origin=origin,
        ) from exc
    except LookupError as exc:
        raise EncodingError(f"{origin}: unknown encoding {codec!r}", origin=origin) from exc

    check_text(text, origin=origin)
    return text


def too_large(origin: str, size: int, max_bytes: int) -> TooLargeError:
    return TooLargeError(
        f"{origin}: {size:,} bytes is over the limit of {max_bytes:,}; split the input "
        "or raise max_document_bytes (NEWSGRAPH_MAX_DOCUMENT_BYTES)",
        origin=origin,
    )


def check_text(text: str, *, origin: str) -> None:
    """Reject text that is empty or mostly control characters (binary decoded by accident)."""
    if not text.strip():
        raise EmptyInputError(f"{origin}: the input has no text, only white space", origin=origin)
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(2, len(sample) * _MAX_CONTROL_SHARE):
        raise BinaryInputError(
            f"{origin}: {controls} control characters in the first {len(sample):,}; "
            "this looks binary, not text",
            origin=origin,
        )
