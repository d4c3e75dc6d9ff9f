"""How names are compared: diacritics folded, case and punctuation ignored, acronyms kept exact.

Every alias of the knowledge base and every mention the resolver looks up go through the same
functions, so "Nicolás Maduro", "NICOLAS MADURO" and "Nicolas  Maduro" meet at one key
(``nicolas maduro``), and "al-Qaeda" meets "Al Qaeda". Short all-capital aliases ("US", "UN",
"IS") are kept apart in their exact spelling: folded, they would collide with ordinary words
("us", "is").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

__all__ = [
    "LEADING_WORDS",
    "acronym_key",
    "fold",
    "fold_word",
    "is_capitalised",
    "split_words",
    "trim_words",
]

# Typographic variants that must not make two spellings differ.
_CHAR_MAP = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "_": " ",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)
# Hyphens and slashes join parts of one name ("al-Qaeda", "SPLM/A"); dots abbreviate ("U.S.").
_JOINERS = re.compile(r"[-/]")
_DROPPED = re.compile(r"[.,;:!?\"'()\[\]{}«»“”„]")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(\w)('s)\b")
_WORDS = re.compile(r"'s\b|[^\W_]+(?:[.'&-][^\W_]+)*\.?|[^\w\s]", re.UNICODE)

#: Words that may open a mention without being part of the name ("the Kremlin", "some 30
#: Syrians", "several Russian aircraft").
LEADING_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "few",
        "about",
        "around",
        "nearly",
        "almost",
        "more",
        "than",
        "over",
        "up",
        "to",
        "at",
        "least",
        "most",
        "all",
        "both",
        "each",
        "every",
        "other",
        "another",
        "any",
        "no",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "of",
    }
)
_TRAILING = frozenset({"'s", "'", ",", ".", ";", ":", ")", "(", '"', "»", "«", "-"})


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_CHAR_MAP))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word in comparable form: no diacritics, lower case, no dots or brackets."""
    plain = word.translate(_CHAR_MAP) if word.isascii() else _strip_marks(word)
    text = _JOINERS.sub(" ", plain).casefold()
    return _SPACES.sub(" ", _DROPPED.sub("", text)).strip()


def fold(text: str) -> str:
    """A phrase in comparable form (the key aliases and mentions are indexed by); a leading
    "the" is dropped, so "The Hague" and "Hague" meet."""
    key = _SPACES.sub(" ", " ".join(fold_word(w) for w in text.split())).strip()
    return key[4:] if key.startswith("the ") else key


def acronym_key(text: str) -> str | None:
    """The exact-case key of an acronym ("U.S." -> "US", "UN"), or None when ``text`` is not
    one: 2-6 capital letters (dots and ampersands allowed), or a short mixed form like "HTS"."""
    stripped = _strip_marks(text).replace(".", "").replace(" ", "").replace("&", "")
    if 2 <= len(stripped) <= 6 and stripped.isalpha() and stripped.isupper():
        return stripped
    return None


def split_words(text: str) -> list[str]:
    """Words of a phrase roughly as spaCy's English tokenizer cuts them ("Venezuela's" ->
    "Venezuela", "'s"); used when the resolver is called on plain text."""
    return _WORDS.findall(_POSSESSIVE.sub(r"\1 \2", text.translate(_CHAR_MAP)))


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def trim_words(words: Sequence[str]) -> tuple[int, int]:
    """The ``(start, end)`` of ``words`` without leading determiners, numbers and quantifiers and
    without a trailing possessive or punctuation."""
    start, end = 0, len(words)
    while start < end and (
        words[start].casefold() in LEADING_WORDS
        or words[start].replace(",", "").replace(".", "").isdigit()
        or not any(c.isalnum() for c in words[start])
    ):
        start += 1
    while end > start and (words[end - 1] in _TRAILING or words[end - 1].casefold() == "'s"):
        end -= 1
    return start, end
