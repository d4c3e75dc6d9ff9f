"""Where the actor resolver and the event coder meet.

The actor component fills ``doc._.ng_actors`` with resolved actor mentions (an
:class:`~newsgraph.model.EventActor` each: the actor and the words naming it). The event coder
asks :func:`actor_for` which actor an argument word belongs to; with no resolver in the
pipeline it gets ``None`` and keeps the words alone.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ...model import EventActor

__all__ = ["Mentions", "actor_for", "mention_at"]


class Mentions(list[EventActor]):
    """Actor mentions in the order they were found, indexed by the characters they cover, so
    that "is this span taken?" and "which mentions hold this word?" are answered without looking
    through every mention (which made a long document's cost quadratic)."""

    def __init__(self, mentions: list[EventActor] | None = None) -> None:
        super().__init__()
        self._spans: set[tuple[int, int]] = set()
        self._covering: dict[int, list[int]] = {}
        for mention in mentions or ():
            self.add(mention, unique=False)

    def add(self, mention: EventActor, *, unique: bool = True) -> bool:
        """Add ``mention``; with ``unique``, not when one with the same offsets is there."""
        key = (mention.start, mention.end)
        if unique and key in self._spans:
            return False
        self._spans.add(key)
        index = len(self)
        self.append(mention)
        for position in range(mention.start, mention.end):
            self._covering.setdefault(position, []).append(index)
        return True

    def taken(self, start: int, end: int) -> bool:
        return (start, end) in self._spans

    def at(self, position: int) -> EventActor | None:
        """The shortest mention holding the character at ``position`` (the first of equals)."""
        best: EventActor | None = None
        for index in self._covering.get(position, ()):
            mention = self[index]
            if best is None or mention.end - mention.start < best.end - best.start:
                best = mention
        return best

    def within(self, start: int, end: int) -> Iterator[EventActor]:
        """The mentions that start at or after ``start`` and end before ``end``, in order."""
        found = {
            index
            for position in range(start, end)
            for index in self._covering.get(position, ())
            if self[index].start >= start and self[index].end < end
        }
        return (self[index] for index in sorted(found))


# The index of each Doc's ``ng_actors``, with the list it was built from (rebuilt when the
# component replaced the list); gone with the Doc.
_INDEXES: weakref.WeakKeyDictionary[Doc, tuple[list[EventActor], int, Mentions]] = (
    weakref.WeakKeyDictionary()
)


def actor_for(token: Token) -> EventActor | None:
    """The resolved actor mention that contains ``token`` (the head word of an argument)."""
    doc = token.doc
    mentions: list[EventActor] = doc._.ng_actors or []
    cached = _INDEXES.get(doc)
    if cached is None or cached[0] is not mentions or cached[1] != len(mentions):
        cached = (mentions, len(mentions), Mentions(mentions))
        _INDEXES[doc] = cached
    return cached[2].at(token.idx)


def mention_at(mentions: list[EventActor], token: Token) -> EventActor | None:
    """The shortest of ``mentions`` that contains ``token``."""
    position = token.idx
    best: EventActor | None = None
    for mention in mentions:
        if mention.start <= position < mention.end and (
            best is None or mention.end - mention.start < best.end - best.start
        ):
            best = mention
    return best
