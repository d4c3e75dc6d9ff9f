"""What the store's helper modules need of a :class:`~.store.Store`, as protocols.

``store.py`` imports the helpers (``event_index``, ``tags``); the helpers name only these, so no
module of the package imports back the one that imports it, not even for types.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import duckdb

__all__ = ["Connected", "Queryable"]


class Queryable(Protocol):
    """Runs a query and gives the rows as dicts."""

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> list[dict[str, Any]]: ...


class Connected(Protocol):
    """The open connection of a store, with where it is and whether it may be written."""

    path: Path
    read_only: bool
    con: duckdb.DuckDBPyConnection
