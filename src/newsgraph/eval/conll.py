"""CoNLL-style token files ("token TAG" a line): sentences, tagged spans, and text rebuilt from
the tokens so that gold token spans become character offsets into what the pipeline reads."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError

__all__ = ["Sentence", "TokenSpan", "detokenize", "read_conll", "tagged_spans"]

DOCSTART = "-DOCSTART-"

# Tokens written against the previous one ("Iraq ,", "did n't", "Hungary 's").
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "''", "'", "n't", "'s", "'re"}
    | {"'ve", "'ll", "'d", "'m", "ʼs", "’s"}
)
# Tokens written against the next one ("( APEC", "$ 5").
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#", "``", "£", "€"})
_QUOTES = frozenset({'"', "“", "”"})
# Some tokenisers split "Baghdad’s" into "Baghdad ’ s": an apostrophe before one of these is
# a clitic, written against both neighbours.
_APOSTROPHES = frozenset({"'", "’", "ʼ"})
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    #: Index of the document (``-DOCSTART-`` block) the sentence belongs to.
    document: int = 0


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """Tokens ``start:end`` (end exclusive) tagged ``label``."""

    label: str
    start: int
    end: int


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of a "token TAG" file; blank lines end sentences, ``-DOCSTART-`` documents."""
    try:
        stream = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror or exc}") from exc
    document = 0
    seen_content = False
    tokens: list[str] = []
    tags: list[str] = []
    with stream:
        for number, raw in enumerate(stream, start=1):
            line = raw.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield Sentence(tuple(tokens), tuple(tags), document)
                    tokens, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                raise EvalError(f"{path}:{number}: expected 'token TAG', got {line!r}")
            if parts[0] == DOCSTART:
                if tokens:
                    yield Sentence(tuple(tokens), tuple(tags), document)
                    tokens, tags = [], []
                # The file may or may not open with -DOCSTART-; count documents either way.
                if seen_content:
                    document += 1
                    seen_content = False
                continue
            tokens.append(" ".join(parts[:-1]))
            tags.append(parts[-1])
            seen_content = True
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags), document)


def tagged_spans(tags: Sequence[str]) -> list[TokenSpan]:
    """Spans of IOB1 (``I-`` continues the same type, ``B-`` only between neighbours of one
    type, as in WikiGold) or BIO (ConfliBERT) tags; a stray ``I-`` starts a span."""
    spans: list[TokenSpan] = []
    label: str | None = None
    start = 0
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and kind != label)
        if label is not None and (prefix not in ("B", "I") or begins):
            spans.append(TokenSpan(label, start, index))
            label = None
        if prefix in ("B", "I") and (begins or label is None):
            label, start = kind, index
    return spans


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text a person would write for the tokens, and each token's character offsets in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    open_quote = False
    glue_next = False
    for index, token in enumerate(tokens):
        is_quote = token in _QUOTES
        closing = is_quote and (token == "”" or (token == '"' and open_quote))
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        clitic = token in _APOSTROPHES and following in _CLITICS
        glue = glue_next or (token in _NO_SPACE_BEFORE or token.lower() in _NO_SPACE_BEFORE)
        glue = glue or closing or clitic
        if parts and not glue:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
        glue_next = token in _NO_SPACE_AFTER or (is_quote and not closing) or clitic
        if is_quote:
            open_quote = not closing
    return "".join(parts), offsets
