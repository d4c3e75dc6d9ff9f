"""Span matching, and mapping gold offsets onto the text the pipeline annotated.

A gold span may be discontinuous (brat ``0 4;9 12``), so a :class:`Mention` holds fragments.
Matching is one-to-one: each gold unit and each prediction is used at most once, and the number
of matched pairs is the largest possible, so nested or overlapping gold spans (re3d) let a
prediction match any one of them but never two.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from ..model import normalise_text

__all__ = [
    "Mention",
    "TextAlignment",
    "count_exact",
    "count_matches",
    "overlaps",
    "same_extent",
    "same_words",
]

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled stretch of text, in one or more ``(start, end)`` fragments."""

    fragments: tuple[tuple[int, int], ...]
    label: str = ""

    @classmethod
    def of(cls, start: int, end: int, *, label: str = "") -> Mention:
        return cls(((start, end),), label)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def overlaps(a: Mention, b: Mention) -> bool:
    """At least one character in common (labels are not compared)."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.fragments for s2, e2 in b.fragments)


def same_extent(a: Mention, b: Mention) -> bool:
    """The same characters, fragment for fragment (labels are not compared)."""
    return a.fragments == b.fragments


def count_exact(gold: Sequence[Mention], predicted: Sequence[Mention]) -> int:
    """Matched pairs when a match needs the same fragments and the same label."""
    return sum((Counter(gold) & Counter(predicted)).values())


def count_matches(
    gold: Sequence[G], predicted: Sequence[P], *, related: Callable[[G, P], bool]
) -> int:
    """The size of a maximum one-to-one matching between gold and predicted units, where a
    pair may match when ``related(gold_unit, predicted_unit)``.

    Kuhn's augmenting paths: a greedy first-come matching would undercount when one
    prediction overlaps two nested gold spans and takes the one another prediction needed.
    """
    edges = [[j for j, p in enumerate(predicted) if related(g, p)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if edges[i]:
            augment(i, set())
    return len(owner)


@cache
def _char_map(char: str) -> str:
    """What ``normalise_text`` makes of one character. The NUL guards stop it being stripped
    as an end-of-line space; a letter would compose with a stray combining mark."""
    return normalise_text(f"\x00{char}\x00")[1:-1]


def _track_normalise(text: str) -> tuple[str, list[int]]:
    """``normalise_text(text)``, step by step, keeping for each output character the index
    of the input character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    # NFC composes within a run of a starter and its combining marks; compose run by run.
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        chars.extend(composed)
        # Unchanged: one to one; else every output character comes from the run's start.
        origin.extend(range(i, j) if composed == text[i:j] else [i] * len(composed))
        i = j
    mapped: list[tuple[str, int]] = []
    for char, index in zip(chars, origin, strict=True):
        if char in "\r\n":
            mapped.append((char, index))
        else:
            mapped.extend((out, index) for out in _char_map(char))
    lines: list[list[tuple[str, int]]] = [[]]
    for k, (char, index) in enumerate(mapped):
        if char == "\r" and k + 1 < len(mapped) and mapped[k + 1][0] == "\n":
            continue
        if char in "\r\n":
            lines.append([("\n", index)])
        else:
            lines[-1].append((char, index))
    kept: list[tuple[str, int]] = []
    for line in lines:
        end = len(line)
        while end > 0 and line[end - 1][0] != "\n" and line[end - 1][0].isspace():
            end -= 1
        kept.extend(line[:end])
    first, last = 0, len(kept)
    while first < last and kept[first][0] == "\n":
        first += 1
    while last > first and kept[last - 1][0] == "\n":
        last -= 1
    kept = kept[first:last]
    return "".join(c for c, _ in kept), [index for _, index in kept]


class TextAlignment:
    """Maps offsets in an original text to offsets in the text the pipeline annotated.

    ``ok`` is False when replaying the normalisation does not give ``target``; then no span
    maps, and the scorer counts its gold units as alignment failures rather than guessing.
    """

    def __init__(self, original: str, target: str) -> None:
        self.ok = True
        self._origin: list[int] = []
        # Most files differ from their normalised text only by blank lines at the ends: then
        # every offset just shifts, and replaying the normalisation would be wasted time.
        self._shift: int | None = len(original) - len(original.lstrip("\n"))
        rest = original[self._shift + len(target) :]
        if original[self._shift : self._shift + len(target)] != target or rest.strip("\n"):
            self._shift = None
            produced, self._origin = _track_normalise(original)
            self.ok = produced == target
        self._length = len(target)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The target span of the original characters ``start:end`` that survived
        normalisation, or None when none did (or the texts could not be aligned)."""
        if self._shift is not None:
            first = min(max(start - self._shift, 0), self._length)
            after = min(max(end - self._shift, 0), self._length)
            return (first, after) if first < after else None
        if not self.ok:
            return None
        first = bisect.bisect_left(self._origin, start)
        after = bisect.bisect_left(self._origin, end)
        return (first, after) if first < after else None

    def mention(self, mention: Mention) -> Mention | None:
        """The mention with every fragment mapped; None if any fragment does not map."""
        fragments = []
        for start, end in mention.fragments:
            mapped = self.span(start, end)
            if mapped is None:
                return None
            fragments.append(mapped)
        return Mention(tuple(fragments), mention.label)


def same_words(a: str, b: str) -> bool:
    """The two texts read the same once white space and Unicode forms are evened out."""
    return normalise_text(" ".join(a.split())) == normalise_text(" ".join(b.split()))
