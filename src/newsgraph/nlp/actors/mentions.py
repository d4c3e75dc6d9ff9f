"""Where the actor resolver and the event coder meet.

The actor component fills ``doc._.ng_actors`` with resolved actor mentions (an
:class:`~newsgraph.model.EventActor` each: the actor and the words naming it). The event coder
asks :func:`actor_for` which actor an argument word belongs to; with no resolver in the
pipeline it gets ``None`` and keeps the words alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import EventActor

__all__ = ["actor_for", "mention_at"]


def actor_for(token: Token) -> EventActor | None:
    """The resolved actor mention that contains ``token`` (the head word of an argument)."""
    return mention_at(token.doc._.ng_actors or [], token)


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
