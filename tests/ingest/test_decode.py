from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    TooLargeError,
)
from newsgraph.ingest.decode import decode_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain ascii", "plain ascii"),
        ("Nicol\u00e1s".encode(), "Nicol\u00e1s"),
        (codecs.BOM_UTF8 + "caf\u00e9".encode(), "caf\u00e9"),
        (
            codecs.BOM_UTF16_LE + "\u041c\u043e\u0441\u043a\u0432\u0430".encode("utf-16-le"),
            "\u041c\u043e\u0441\u043a\u0432\u0430",
        ),
    ],
)
def test_decodes_text(data: bytes, expected: str) -> None:
    assert decode_bytes(data, origin="t") == expected


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b" \n\t\n", EmptyInputError, "empty"),
        (b"%PDF-1.7 binary", BinaryInputError, "PDF"),
        (b"\x89PNG\r\n\x1a\n....", BinaryInputError, "PNG"),
        (b"abc\x00def\x00", BinaryInputError, "NUL"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, BinaryInputError, "control"),
        ("caf\u00e9".encode("cp1252"), EncodingError, "0xe9"),
    ],
)
def test_rejects_with_reason(data: bytes, error: type[InputError], words: str) -> None:
    with pytest.raises(error) as info:
        decode_bytes(data, origin="file.txt")
    assert words in info.value.message
    assert info.value.origin == "file.txt"


def test_other_encoding_when_asked() -> None:
    data = "\u0412\u0435\u0441\u0442\u0438".encode("cp1251")
    with pytest.raises(EncodingError):
        decode_bytes(data, origin="r.txt")
    assert decode_bytes(data, origin="r.txt", encoding="cp1251") == "\u0412\u0435\u0441\u0442\u0438"


def test_unknown_encoding_name() -> None:
    with pytest.raises(EncodingError, match="unknown encoding"):
        decode_bytes(b"abc", origin="x", encoding="no-such-codec")


def test_too_large() -> None:
    with pytest.raises(TooLargeError, match="over the limit"):
        decode_bytes(b"a" * 101, origin="x", max_bytes=100)
