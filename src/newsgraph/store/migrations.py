"""Recorded schema migrations: ``sql/NNNN_name.sql`` files applied in order, each once.

Every applied migration is a row of ``schema_migrations``; opening a store applies the missing
ones in one transaction each. A store newer than this code is refused rather than damaged.
A migration whose new table is derived from the others names, in :data:`BACKFILLS`, the
function that fills it from a populated store; it runs after the SQL, in the same transaction.
A backfill is today's code, which reads today's schema: when several pending migrations name
the same function, it runs once, with the last of them (until then the derived table stays
empty, and a store left there by a crash still has that last migration pending).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module, resources

import duckdb

from ..errors import StoreError

__all__ = ["BACKFILLS", "Migration", "apply_migrations", "migrations", "schema_version"]

_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)\.sql$")

#: Migration name (not number: numbers change when branches merge) -> ``module:function`` that
#: fills the migration's derived table from the stored rows, given the connection. Imported
#: when it runs: those modules import the store, which imports this one.
BACKFILLS: dict[str, str] = {
    "event_index": "newsgraph.store.event_index:backfill",
    "target_time": "newsgraph.store.event_index:backfill",
}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    folder = resources.files("newsgraph.store") / "sql"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(
                Migration(int(match["version"]), match["name"], entry.read_text(encoding="utf-8"))
            )
    found.sort(key=lambda m: m.version)
    unknown = set(BACKFILLS) - {m.name for m in found}
    if unknown:
        raise StoreError(f"backfills name no migration: {', '.join(sorted(unknown))}")
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise StoreError("migration files are not numbered 0001, 0002, ... without gaps")
    return tuple(found)


def _backfill(name: str) -> Callable[[duckdb.DuckDBPyConnection], None]:
    module, _, function = BACKFILLS[name].partition(":")
    found: Callable[[duckdb.DuckDBPyConnection], None] = getattr(import_module(module), function)
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The newest migration applied; 0 for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply every migration newer than the store's schema; returns those applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    current = schema_version(con)
    known = migrations()
    if current > len(known):
        raise StoreError(
            f"the store's schema is version {current}, newer than this newsgraph knows "
            f"({len(known)}); upgrade newsgraph"
        )
    pending = known[current:]
    last_backfill = {BACKFILLS[m.name]: m.name for m in pending if m.name in BACKFILLS}
    applied = []
    for migration in pending:
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(migration.sql)
            if last_backfill.get(BACKFILLS.get(migration.name, "")) == migration.name:
                _backfill(migration.name)(con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration {migration.version:04d}_{migration.name} failed: {exc}"
            ) from exc
        except BaseException:  # a backfill's own error, or an interrupt: nothing half-done
            con.execute("ROLLBACK")
            raise
        applied.append(migration)
    return applied
