"""PLOVER facts as data: the 16 event types, their modes, scores and quad classes."""

from __future__ import annotations

from functools import cache

from ...resources import read_table

__all__ = ["PLOVER_TYPES", "cameo_quad", "plover_quad", "plover_score"]

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@cache
def _table() -> dict[tuple[str, str], tuple[float, int]]:
    return {
        (row["type"], row["mode"]): (float(row["score"]), int(row["quad"]))
        for row in read_table("plover.tsv")
    }


def plover_score(event_type: str, mode: str | None = None) -> float | None:
    """The manual's conflict/cooperation score of a type (and mode, where it has its own)."""
    table = _table()
    found = table.get((event_type, mode or "")) or table.get((event_type, ""))
    return found[0] if found else None


def plover_quad(event_type: str) -> int | None:
    """PLOVER's quad class: 1 verbal coop., 2 material coop., 3 verbal confl., 4 material confl."""
    found = _table().get((event_type, ""))
    return found[1] if found else None


def cameo_quad(cameo: str | None) -> int:
    """The quad class of a CAMEO code by its root: none/01 -> 0, 02-05 -> 1, 06-09 -> 2,
    10-14 -> 3, 15-20 -> 4 (the convention of EVAL.md for ConfliBERT's labels)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return 0
    root = int(cameo[:2])
    if root <= 1:
        return 0
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4
