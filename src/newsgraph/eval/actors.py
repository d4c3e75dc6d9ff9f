"""Actor resolution as the user sees it: what the annotated document says about a gold actor's
words.

The annotated-document JSON carries a resolved actor on its entity mentions (NER entities and
the ``ACTOR`` mentions of noun phrases the NER missed). For a gold actor text, the predicted
actor is that of the mention overlapping it most (on a tie, the later one: English puts the head
of a noun phrase last); codes are compared on their first three letters, as EVAL.md compares
actor codes.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["code_root", "locate", "predicted_actor"]


def code_root(code: object) -> str:
    return str(code or "")[:3].upper()


_GAP = 2


def locate(text: str, words: str) -> tuple[int, int] | None:
    """Character offsets of ``words`` in ``text``, spacing ignored; failing that, the words in
    order with at most two others between each ("Jordan's King" in "Jordan's visiting King").
    None if absent."""
    parts = words.split()
    if not parts:
        return None
    pattern = r"\s*".join(re.escape(part) for part in parts)
    found = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    if found is None:
        gap = rf"(?:\s+\S+){{0,{_GAP}}}\s+"
        found = re.search(gap.join(re.escape(part) for part in parts), text)
    return (found.start(), found.end()) if found else None


def predicted_actor(record: dict[str, Any] | None, start: int, end: int) -> dict[str, Any] | None:
    """The resolved actor (with a code) of the entity mention that overlaps ``start:end`` most."""
    if record is None:
        return None
    best: tuple[int, int] | None = None
    chosen: dict[str, Any] | None = None
    for entity in record["entities"]:
        actor = entity.get("actor")
        if not actor or not actor.get("code"):
            continue
        overlap = min(end, entity["end"]) - max(start, entity["start"])
        if overlap <= 0:
            continue
        rank = (overlap, entity["start"])
        if best is None or rank > best:
            best, chosen = rank, actor
    return chosen
