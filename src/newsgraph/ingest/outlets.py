"""The outlet table: abbreviations as posts write them (``WP:``) resolved to outlets."""

from __future__ import annotations

from functools import cache

from ..model import Outlet
from ..resources import read_table

__all__ = ["all_outlets", "find_outlet"]

# Abbreviations this short are matched case-sensitively: "AP:" is the agency, "Ap:" is not.
_CASE_SENSITIVE_MAX = 3


@cache
def _index() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    exact: dict[str, Outlet] = {}
    folded: dict[str, Outlet] = {}
    for row in read_table("outlets.tsv"):
        outlet = Outlet(name=row["name"], abbreviation=row["abbreviation"], country=row["country"])
        keys = [row["abbreviation"], row["name"], *filter(None, row["aliases"].split("|"))]
        for key in keys:
            if len(key) <= _CASE_SENSITIVE_MAX:
                exact.setdefault(key, outlet)
            else:
                folded.setdefault(key.casefold(), outlet)
    return exact, folded


def find_outlet(name: str) -> Outlet | None:
    """The outlet written as ``name`` (abbreviation, name or alias), or None if unknown."""
    name = name.strip()
    exact, folded = _index()
    return exact.get(name) or folded.get(name.casefold())


def all_outlets() -> list[Outlet]:
    exact, folded = _index()
    unique = {o.name: o for o in [*exact.values(), *folded.values()]}
    return sorted(unique.values(), key=lambda o: o.name.casefold())
