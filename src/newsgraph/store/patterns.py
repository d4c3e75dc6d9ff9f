"""LIKE patterns that match what a user typed, literally.

In SQL ``LIKE``, ``%`` and ``_`` are wildcards: a search for ``100%`` or ``al_assad`` would match
far more than it says. :func:`contains` escapes them (and the escape character) for a pattern
used with ``ESCAPE '\\'`` (:data:`ESCAPE`).
"""

from __future__ import annotations

__all__ = ["ESCAPE", "contains", "literal"]

#: The clause to put after every ``LIKE ?`` / ``ILIKE ?`` given a pattern from here.
ESCAPE = "ESCAPE '\\'"


def literal(text: str) -> str:
    """``text`` with the LIKE wildcards and the escape character escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> str:
    """The pattern of values that contain ``text``."""
    return f"%{literal(text)}%"
