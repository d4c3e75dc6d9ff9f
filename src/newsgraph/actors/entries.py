"""What the knowledge base holds: actors with time-bounded codes, and agent words.

An :class:`Entry` is one actor (a country, a place, an institution, an organisation, an armed
group, an outlet, a person) with its aliases and :class:`Term` s: which code, sector and role it
carries between which dates. A person who held several offices has several terms; a term without
dates is the default that applies when no dated term does. :meth:`Entry.actor_on` picks the term
for a date: the resolver is time-aware through it.

An :class:`Agent` is a word for a kind of actor ("troops" MIL, "police" COP, "spokesman" GOV),
combined with a country or organisation in compound actors ("Iranian police").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..model import Actor

__all__ = [
    "KINDS",
    "PRIORITY",
    "Agent",
    "Entry",
    "Term",
    "parse_partial_date",
]

#: Kinds of entries, from most to least specific: the resolver prefers a person to an
#: organisation to a country when one mention names several.
KINDS = (
    "person",
    "group",
    "organisation",
    "institution",
    "outlet",
    "country",
    "capital",
    "place",
)
#: Where an entry comes from, and how much it is trusted when two disagree.
PRIORITY = {"user": 3, "newsgraph": 2, "phoenix": 1}
#: Sector of people out of office (PLOVER's "elites": former officials and their families).
OUT_OF_OFFICE = "ELI"

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_partial_date(value: str, *, end: bool = False) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date means its first day (or its last,
    with ``end``). Empty gives None; anything else raises ValueError."""
    value = value.strip()
    if not value:
        return None
    found = _PARTIAL.match(value)
    if not found:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year = int(found.group(1))
    month = int(found.group(2) or (12 if end else 1))
    if found.group(3):
        return date(year, month, int(found.group(3)))
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


@dataclass(frozen=True, slots=True)
class Term:
    """A code assignment valid from ``start`` to ``end`` (both inclusive, either open)."""

    code: str | None
    sector: str | None = None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    note: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the knowledge base. ``key`` is unique within its source."""

    key: str
    name: str
    kind: str
    terms: tuple[Term, ...]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    source: str = "newsgraph"

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.source.partition(":")[0], 0)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(t.code for t in self.terms if t.code)

    def term_on(self, day: date | None) -> tuple[Term | None, bool]:
        """The term that applies on ``day`` and whether it is current then (False: the nearest
        term, the person being out of office). Without a day: the current term (open-ended,
        latest start), else the one that ended last."""
        if not self.terms:
            return None, False
        dated = [t for t in self.terms if t.dated]
        defaults = [t for t in self.terms if not t.dated]
        if day is None:
            open_ended = [t for t in dated if t.end is None]
            if open_ended:
                return max(open_ended, key=lambda t: t.start or date.min), True
            if defaults:
                return defaults[0], True
            return max(dated, key=lambda t: t.end or date.max), False
        covering = [t for t in dated if t.covers(day)]
        if covering:
            # The latest appointment wins where terms overlap (a successor named before the
            # predecessor's end was recorded).
            return max(covering, key=lambda t: t.start or date.min), True
        if defaults:
            return defaults[0], True
        before = [t for t in dated if t.end is not None and t.end < day]
        if before:
            return max(before, key=lambda t: t.end or date.min), False
        return min(dated, key=lambda t: t.start or date.max), False

    def actor_on(self, day: date | None) -> Actor | None:
        """The actor this entry is on ``day``: the code, sector and role of its term then; a
        person out of office keeps the country with sector ELI ("former President" after)."""
        term, current = self.term_on(day)
        if term is None or not term.code:
            return None
        sector, role = term.sector, term.role
        if not current and self.kind == "person":
            after = term.end is not None and day is not None and term.end < day
            sector = OUT_OF_OFFICE
            role = f"former {term.role}" if after and term.role else None
        return Actor(
            name=self.name, code=term.code, sector=sector, role=role, wikidata=self.wikidata
        )


@dataclass(frozen=True, slots=True)
class Agent:
    """A word for a kind of actor: "troops" (MIL), "foreign minister" (GOV, role)."""

    phrase: str
    sector: str
    role: str | None = None
    source: str = "newsgraph"

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.source.partition(":")[0], 0)
