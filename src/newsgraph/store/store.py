"""The store: one DuckDB file holding documents, annotations, events and rejected inputs.

Writes are keyed by stable ids and made one transaction per batch, so re-ingesting changes
nothing and a crash loses at most the batch in flight. One writer at a time (DuckDB's rule);
readers may open the file read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb

from ..errors import NotFoundError, StoreError
from ..model import AnnotatedDocument, Rejection
from .event_index import add_batch
from .migrations import apply_migrations, migrations, schema_version
from .rows import annotated_from_rows, to_arrow_tables

__all__ = ["ANNOTATION_TABLES", "Store", "WriteResult"]

T = TypeVar("T")

#: Tables written per batch, in write order.
ANNOTATION_TABLES = (
    "entities",
    "time_expressions",
    "attributions",
    "events",
    "event_actors",
    "event_attributions",
    "event_materiel",
)


@dataclass(frozen=True, slots=True)
class WriteResult:
    documents: int
    events: int
    rejected: int
    skipped: int


class Store:
    """A newsgraph DuckDB store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = "newsgraph.duckdb", *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and str(path) != ":memory:" and not self.path.exists():
            raise StoreError(
                f"no store at {self.path}; create one with: newsgraph ingest PATH --db {self.path}"
            )
        # Values derived from a read-only store, computed once (see memo); shared by cursors.
        self._memo: dict[str, Any] = {}
        self.con = self._connect()
        try:
            if read_only:
                version = schema_version(self.con)
                if version == 0:
                    raise StoreError(f"{self.path} is not a newsgraph store (no schema)")
                if version < len(migrations()):
                    self._upgrade()
            else:
                apply_migrations(self.con)
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"{self.path}: {exc}") from exc
        except StoreError:
            self.con.close()
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def _upgrade(self) -> None:
        """Bring a store written by an older newsgraph up to date before reading it: the
        migrations are the store's own business, and a reader of an old schema would fail on
        the first new table. Needs the file for writing for a moment."""
        self.con.close()
        try:
            Store(self.path).close()
        except StoreError as exc:
            raise StoreError(
                f"{self.path} was written by an older newsgraph and must be upgraded, which "
                f"needs it for writing: close the programs using it and retry ({exc.message})"
            ) from exc
        self.con = self._connect()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """The same store on a new connection to the open database (DuckDB's ``cursor``): one
        per thread or request, sharing the database's cache; closing it leaves this one open."""
        clone = object.__new__(Store)
        clone.path = self.path
        clone.read_only = self.read_only
        clone._memo = self._memo
        clone.con = self.con.cursor()
        return clone

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per open store when it is read-only (nothing can change
        it meanwhile: DuckDB lets no process write a file another one reads), every time
        otherwise. Cursors share the values."""
        if not self.read_only:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    # -- reading helpers ---------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts."""
        try:
            cursor = self.con.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- writing -----------------------------------------------------------------------------

    def existing_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of ``doc_ids`` are stored already."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def write_batch(
        self, annotated: Sequence[AnnotatedDocument], rejections: Sequence[Rejection] = ()
    ) -> WriteResult:
        """Write one batch in one transaction; documents stored already are skipped."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        present = self.existing_ids(a.document.id for a in annotated)
        fresh: dict[str, AnnotatedDocument] = {}
        for item in annotated:
            if item.document.id not in present:
                fresh.setdefault(item.document.id, item)
        batch = list(fresh.values())
        tables = to_arrow_tables(batch, rejections, now=datetime.now(UTC).replace(tzinfo=None))
        before = self.scalar("SELECT count(*) FROM rejected")
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.register("batch_documents", tables["documents"])
            self.con.execute(
                """
                INSERT INTO documents BY NAME
                SELECT n.* EXCLUDE (ord),
                       coalesce((SELECT max(d.version) FROM documents d
                                 WHERE d.version_key = n.version_key), 0)
                       + row_number() OVER (PARTITION BY n.version_key ORDER BY n.ord) AS version
                FROM batch_documents n
                """
            )
            for name in ANNOTATION_TABLES:
                self.con.register(f"batch_{name}", tables[name])
                self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM batch_{name}")
            add_batch(self.con)
            self.con.register("batch_rejected", tables["rejected"])
            self.con.execute("INSERT OR IGNORE INTO rejected BY NAME SELECT * FROM batch_rejected")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing a batch of {len(batch)} documents failed: {exc}") from exc
        except BaseException:  # an interrupt mid-batch: the batch is written whole or not at all
            self.con.execute("ROLLBACK")
            raise
        finally:
            for name in ("documents", "rejected", *ANNOTATION_TABLES):
                self.con.unregister(f"batch_{name}")
        return WriteResult(
            documents=len(batch),
            events=sum(len(a.events) for a in batch),
            rejected=self.scalar("SELECT count(*) FROM rejected") - before,
            skipped=len(annotated) - len(batch),
        )

    # -- documents ---------------------------------------------------------------------------

    def resolve_doc_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix``."""
        if not prefix or not all(c in "0123456789abcdef" for c in prefix.lower()):
            raise NotFoundError(f"{prefix!r} is not a document id (hexadecimal)")
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2", [prefix.lower()]
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no document with id {prefix!r}; list them with newsgraph stats")
        if len(rows) > 1:
            raise NotFoundError(f"document id prefix {prefix!r} is ambiguous; give more of it")
        return str(rows[0][0])

    def annotated_document(self, doc_id: str) -> AnnotatedDocument:
        """A stored document with all its annotations (``doc_id`` may be a unique prefix)."""
        full = self.resolve_doc_id(doc_id)
        return next(self.annotated_documents([full]))

    def annotated_documents(
        self, doc_ids: Sequence[str] | None = None, *, current_only: bool = False
    ) -> Iterator[AnnotatedDocument]:
        """Stored documents with their annotations, in ingestion order."""
        source = "current_documents" if current_only else "documents"
        if doc_ids is None:
            ids = [
                r[0]
                for r in self.con.execute(
                    f"SELECT doc_id FROM {source} ORDER BY ingested_at, doc_id"
                ).fetchall()
            ]
        else:
            ids = list(doc_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            yield from self._load(chunk)

    def _load(self, ids: list[str]) -> Iterator[AnnotatedDocument]:
        def grouped(sql: str, key: str) -> dict[str, list[dict[str, Any]]]:
            out: dict[str, list[dict[str, Any]]] = {}
            for row in self.query(sql, [ids]):
                out.setdefault(row[key], []).append(row)
            return out

        in_ids = "IN (SELECT unnest(?))"
        documents = {
            r["doc_id"]: r
            for r in self.query(f"SELECT * FROM documents WHERE doc_id {in_ids}", [ids])
        }
        entities = grouped(f"SELECT * FROM entities WHERE doc_id {in_ids}", "doc_id")
        times = grouped(f"SELECT * FROM time_expressions WHERE doc_id {in_ids}", "doc_id")
        attributions = grouped(f"SELECT * FROM attributions WHERE doc_id {in_ids}", "doc_id")
        events = grouped(f"SELECT * FROM events WHERE doc_id {in_ids}", "doc_id")
        event_ids = [e["event_id"] for rows in events.values() for e in rows]
        parts: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for table in ("event_actors", "event_attributions", "event_materiel"):
            parts[table] = {}
            for row in self.query(
                f"SELECT * FROM {table} WHERE event_id IN (SELECT unnest(?))", [event_ids]
            ):
                parts[table].setdefault(row["event_id"], []).append(row)
        for doc_id in ids:
            if doc_id not in documents:
                raise NotFoundError(f"no document with id {doc_id!r}")
            doc_events = events.get(doc_id, [])
            mine = {e["event_id"] for e in doc_events}

            def pick(table: str, mine: set[str] = mine) -> list[dict[str, Any]]:
                return [row for eid in mine for row in parts[table].get(eid, [])]

            yield annotated_from_rows(
                documents[doc_id],
                entities=entities.get(doc_id, []),
                times=times.get(doc_id, []),
                attributions=attributions.get(doc_id, []),
                events=doc_events,
                event_actors=pick("event_actors"),
                event_attributions=pick("event_attributions"),
                event_materiel=pick("event_materiel"),
            )

    def rejections(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        return self.query(
            "SELECT origin, reason, code, message, seen_at FROM rejected "
            "ORDER BY seen_at DESC, origin LIMIT ?",
            [limit],
        )
