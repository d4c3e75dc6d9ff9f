"""The knowledge base: the actor and agent tables of ``data/actors/`` loaded once, with the
indexes the resolver looks names up in.

Sources, most trusted first: a user extension file (:mod:`.extension`), newsgraph's own tables
(``countries.tsv``, ``institutions.tsv``, ``organisations.tsv``, ``people.tsv``, ``agents.tsv``
and the outlet table of the post reader, ``data/outlets.tsv``), and the tables derived from the
Phoenix dictionaries (``phoenix_actors.tsv``, ``phoenix_agents.tsv``). A user file is a layer
over the built-in base, which is built once per process (:func:`base_knowledge_base`).

Indexes: every alias by its folded key (:func:`~.names.fold`); short acronyms ("US", "UN") by
their exact spelling; people also by surname and by first and last name, which the resolver uses
only for mentions that look like a person's name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from ..resources import read_table, read_text
from .entries import KINDS, Agent, Entry, Term, parse_partial_date
from .names import acronym_key, fold

__all__ = ["KnowledgeBase", "base_knowledge_base", "builtin_agents", "builtin_entries"]

_FOLDER = "actors"
#: Sector of news outlets (PLOVER: journalists, newspapers, broadcasters).
OUTLET_SECTOR = "JRN"
_MAX_WORDS = 8
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _or_none(value: str) -> str | None:
    return value.strip() or None


class _Lazy:
    """A Phoenix row, made into an :class:`Entry` when first looked at: most of the 27,000
    historical entries are never needed, and building them all would cost most of the load."""

    __slots__ = ("entry", "row")

    def __init__(self, row: list[str]) -> None:
        self.row = row
        self.entry: Entry | None = None

    def get(self) -> Entry:
        if self.entry is None:
            kind, name, terms, keys = self.row
            self.entry = Entry(
                key=f"phoenix:{name}",
                name=name,
                kind=kind,
                terms=tuple(_phoenix_term(t) for t in terms.split(";") if t),
                aliases=tuple(k for k in keys.split("|") if k and k != name.casefold()),
                source="phoenix",
            )
        return self.entry


def _phoenix_term(value: str) -> Term:
    code, sector, start, end = value.split("/")
    return Term(
        code=code or None,
        sector=sector or None,
        start=parse_partial_date(start),
        end=parse_partial_date(end, end=True),
    )


@dataclass(slots=True)
class _Layer:
    """One source's entries and indexes."""

    entries: list[Entry | _Lazy] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    acronyms: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    people: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    codes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, Agent] = field(default_factory=dict)
    max_words: int = 1

    def add(self, entry: Entry) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        curated = not entry.source.startswith("phoenix")
        for alias in (entry.name, *entry.aliases):
            key = fold(alias)
            acronym = acronym_key(alias) if curated else None
            if acronym is not None:
                _append(self.acronyms[acronym], index)
                if len(acronym) <= 3:
                    # "US", "IS", "AU": folded, these are ordinary words.
                    continue
            if key:
                _append(self.names[key], index)
                self.max_words = min(_MAX_WORDS, max(self.max_words, key.count(" ") + 1))
        if entry.kind == "person":
            for alias in (entry.name, *entry.aliases):
                words = fold(alias).split()
                if len(words) >= 2:
                    _append(self.people[words[-1]], index)
                    _append(self.people[f"{words[0]} {words[-1]}"], index)
        for code in entry.codes:
            _append(self.codes[code], index)

    def add_folded(self, lazy: _Lazy, keys: list[str], *, kind: str, codes: set[str]) -> None:
        """Index an entry whose alias keys are already folded (the Phoenix table)."""
        index = len(self.entries)
        self.entries.append(lazy)
        for key in keys:
            _append(self.names[key], index)
            self.max_words = min(_MAX_WORDS, max(self.max_words, key.count(" ") + 1))
            if kind == "person":
                words = key.split()
                if len(words) >= 2:
                    _append(self.people[words[-1]], index)
                    _append(self.people[f"{words[0]} {words[-1]}"], index)
        for code in codes:
            _append(self.codes[code], index)

    def entry(self, index: int) -> Entry:
        item = self.entries[index]
        return item.get() if isinstance(item, _Lazy) else item

    def add_agent(self, agent: Agent) -> None:
        key = fold(agent.phrase)
        known = self.agents.get(key)
        if key and (known is None or agent.priority > known.priority):
            self.agents[key] = agent
            self.max_words = min(_MAX_WORDS, max(self.max_words, key.count(" ") + 1))


def _append(bucket: list[int], index: int) -> None:
    if not bucket or bucket[-1] != index:
        bucket.append(index)


class KnowledgeBase:
    """Entries and agents from one or more sources; lookups answer from every layer, the most
    trusted first."""

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        agents: Iterable[Agent] = (),
        *,
        base: KnowledgeBase | None = None,
        phoenix: bool = False,
    ) -> None:
        layer = _Layer()
        for entry in entries:
            layer.add(entry)
        if phoenix:
            _add_phoenix(layer)
        for agent in agents:
            layer.add_agent(agent)
        self._layers: tuple[_Layer, ...] = (layer, *(base._layers if base else ()))
        self.max_words = max(item.max_words for item in self._layers)

    def __len__(self) -> int:
        return sum(len(layer.entries) for layer in self._layers)

    def __iter__(self) -> Iterator[Entry]:
        for layer in self._layers:
            for index in range(len(layer.entries)):
                yield layer.entry(index)

    def _lookup(self, index: str, key: str) -> list[Entry]:
        found: list[Entry] = []
        for layer in self._layers:
            positions = getattr(layer, index).get(key)
            if positions:
                found.extend(layer.entry(i) for i in positions)
        return found

    def named(self, key: str) -> list[Entry]:
        """Entries with an alias whose folded form is ``key``."""
        return self._lookup("names", key)

    def acronym(self, key: str) -> list[Entry]:
        """Entries with an acronym alias spelt exactly ``key`` ("US", "NATO")."""
        return self._lookup("acronyms", key)

    def people(self, key: str) -> list[Entry]:
        """People whose surname, or first and last name, fold to ``key``."""
        return self._lookup("people", key)

    def with_code(self, code: str) -> list[Entry]:
        """Entries that carry ``code`` in any of their terms."""
        return self._lookup("codes", code)

    def agent(self, key: str) -> Agent | None:
        """The agent whose folded phrase is ``key`` (the most trusted source's)."""
        for layer in self._layers:
            found = layer.agents.get(key)
            if found is not None:
                return found
        return None

    def is_known(self, key: str) -> bool:
        return any(key in layer.names or key in layer.agents for layer in self._layers)

    @property
    def agents(self) -> list[Agent]:
        merged: dict[str, Agent] = {}
        for layer in reversed(self._layers):
            merged.update(layer.agents)
        return list(merged.values())

    def vocabulary(self) -> frozenset[str]:
        """Every word of every alias (folded): what a misspelt word is corrected towards."""
        words: set[str] = set()
        for layer in self._layers:
            for key in layer.names:
                words.update(key.split())
        return frozenset(words)


def kind_rank(kind: str) -> int:
    return _KIND_RANK.get(kind, len(KINDS))


def _countries() -> Iterator[Entry]:
    for row in read_table(f"{_FOLDER}/countries.tsv"):
        code = row["code"]
        yield Entry(
            key=f"country:{code}",
            name=row["name"],
            kind="country",
            terms=(Term(code),),
            aliases=tuple(_split(row["aliases"]) + _split(row["demonyms"])),
            wikidata=_or_none(row["wikidata"]),
        )
        # A capital stands for the government in "Moscow said"; the resolver drops the sector
        # where the text uses it as a place ("arrived in Caracas").
        for capital in _split(row["capitals"]):
            yield Entry(
                key=f"capital:{code}:{capital}",
                name=capital,
                kind="capital",
                terms=(Term(code, "GOV"),),
            )


def _table_entries(name: str, *, kind: str | None = None) -> Iterator[Entry]:
    """Entries of a curated table with one row per term; rows with the same name (and kind)
    are one entry."""
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in read_table(f"{_FOLDER}/{name}"):
        grouped.setdefault((row.get("kind") or kind or "organisation", row["name"]), []).append(row)
    for (entry_kind, entry_name), rows in grouped.items():
        yield entry_from_rows(entry_kind, entry_name, rows, source="newsgraph", key=name)


def entry_from_rows(
    kind: str, name: str, rows: list[dict[str, str]], *, source: str, key: str
) -> Entry:
    """One entry from its rows (aliases and QIDs are merged; each row is a term). Raises
    ValueError on a bad date."""
    aliases: list[str] = []
    wikidata = None
    terms = []
    for row in rows:
        aliases.extend(a for a in _split(row.get("aliases", "")) if a not in aliases)
        wikidata = wikidata or _or_none(row.get("wikidata", ""))
        terms.append(
            Term(
                code=_or_none(row.get("code", "")),
                sector=_or_none(row.get("sector", "")),
                role=_or_none(row.get("role", "")),
                start=parse_partial_date(row.get("start", "")),
                end=parse_partial_date(row.get("end", ""), end=True),
                note=row.get("notes", ""),
            )
        )
    return Entry(
        key=f"{key}:{kind}:{name}",
        name=name,
        kind=kind,
        terms=tuple(terms),
        aliases=tuple(aliases),
        wikidata=wikidata,
        source=source,
    )


def _outlets() -> Iterator[Entry]:
    for row in read_table("outlets.tsv"):
        aliases = [row["abbreviation"], *_split(row["aliases"])]
        yield Entry(
            key=f"outlet:{row['name']}",
            name=row["name"],
            kind="outlet",
            terms=(Term(_or_none(row["country"]), OUTLET_SECTOR),),
            aliases=tuple(a for a in aliases if a and a != row["name"]),
        )


def _add_phoenix(layer: _Layer) -> None:
    # Read as plain lines: this table is generated, and csv's per-row dicts cost most of a
    # second here.
    lines = read_text(f"{_FOLDER}/phoenix_actors.tsv").splitlines()
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    next(rows)  # the header
    for row in rows:
        codes = {t.split("/", 1)[0] for t in row[2].split(";") if t}
        keys = row[3].split("|")
        if "(" in row[1]:
            keys += [k for k in _parenthesised_keys(row[1]) if k not in keys]
        layer.add_folded(_Lazy(row), keys, kind=row[0], codes=codes - {""})


_PARENTHESISED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")


def _parenthesised_keys(name: str) -> list[str]:
    """Phoenix names carry their acronym in brackets ("Liberation Tigers Of Tamil Eelam
    (Ltte)"), and their folded keys run the two together: the name alone and the acronym (of
    four letters or more: shorter ones are ordinary words) are keys too."""
    match = _PARENTHESISED.match(name)
    if match is None:
        return []
    keys = [fold(match["name"])]
    inner = fold(match["inner"])
    if len(inner.replace(" ", "")) >= 4 and " " not in inner:
        keys.append(inner)
    return [k for k in keys if k]


def builtin_entries() -> Iterator[Entry]:
    """newsgraph's own entries (the Phoenix-derived table is indexed apart, lazily)."""
    yield from _countries()
    yield from _table_entries("institutions.tsv", kind="institution")
    yield from _table_entries("organisations.tsv")
    yield from _table_entries("people.tsv", kind="person")
    yield from _outlets()


def builtin_agents() -> Iterator[Agent]:
    for row in read_table(f"{_FOLDER}/agents.tsv"):
        agent = Agent(row["phrase"], row["sector"], _or_none(row["role"]))
        yield agent
        if row["plural"]:
            yield Agent(row["plural"], row["sector"], agent.role)
    for row in read_table(f"{_FOLDER}/phoenix_agents.tsv"):
        yield Agent(row["phrase"], row["sector"], source="phoenix")


@cache
def base_knowledge_base() -> KnowledgeBase:
    """The built-in knowledge base, loaded once per process."""
    return KnowledgeBase(builtin_entries(), builtin_agents(), phoenix=True)
