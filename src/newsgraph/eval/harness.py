"""Drive the user's code path over gold items: text in as a JSON-lines record, annotated-document
JSON out, paired back with the gold it came from.

Every scorer goes through :class:`Annotation`, so a figure is what ``newsgraph extract`` gives a
user: :func:`newsgraph.ingest.parse_record` builds the document and
:func:`newsgraph.pipeline.annotate_documents` annotates it with the runner the settings choose.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..config import Settings
from ..errors import EvalError, InputError
from ..ingest import parse_record
from ..model import Document, Rejection
from ..pipeline import annotate_documents

__all__ = [
    "Annotation",
    "Item",
    "limit_note",
    "limited",
    "require_dir",
    "require_file",
    "top_event",
]

G = TypeVar("G")
T = TypeVar("T")

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Item(Generic[G]):
    """One gold unit fed to the pipeline as one document: ``key`` is unique within a run,
    ``published`` is ``YYYY-MM-DD`` or None."""

    key: str
    text: str
    gold: G
    published: str | None = None


class Annotation(Generic[G]):
    """Iterate to get ``(item, record)`` pairs in input order; ``record`` is the annotated
    document's JSON, or None when the input was rejected (then its gold counts as missed:
    a user would get nothing for it either)."""

    def __init__(self, items: Iterable[Item[G]], *, settings: Settings, dataset: str) -> None:
        self._items = items
        self._settings = settings
        self._dataset = dataset
        self.fed = 0
        #: One line per rejected input: its key and why.
        self.rejected: list[str] = []

    def _documents(self, pending: dict[str, Item[G]]) -> Iterator[Document | Rejection]:
        for item in self._items:
            origin = f"{self._dataset}:{item.key}"
            if origin in pending:
                raise EvalError(f"{self._dataset}: two gold items share the key {item.key!r}")
            pending[origin] = item
            self.fed += 1
            record = {"id": item.key, "text": item.text, "published": item.published}
            try:
                yield parse_record(record, origin=origin)
            except InputError as exc:
                yield Rejection(
                    origin=origin, reason=exc.reason, code=exc.code, message=exc.message
                )

    def __iter__(self) -> Iterator[tuple[Item[G], Record | None]]:
        # Filled by the generator as annotate_documents reads ahead; emptied as results come.
        pending: dict[str, Item[G]] = {}
        results = annotate_documents(self._documents(pending), settings=self._settings)
        for result in results:
            if isinstance(result, Rejection):
                item = pending.pop(result.origin)
                self.rejected.append(f"{item.key}: {result.message}")
                yield item, None
            else:
                item = pending.pop(result.document.origin)
                yield item, result.to_dict()

    def notes(self) -> list[str]:
        """Report notes on rejected inputs (none when every input was annotated)."""
        if not self.rejected:
            return []
        shown = "; ".join(self.rejected[:3])
        more = f" (and {len(self.rejected) - 3} more)" if len(self.rejected) > 3 else ""
        return [
            f"{len(self.rejected)} input(s) rejected by the pipeline, scored as finding "
            f"nothing: {shown}{more}"
        ]


def top_event(record: Record | None) -> Record | None:
    """The event with the highest ``confidence``; on a tie the first in document order."""
    if not record or not record["events"]:
        return None
    events: list[Record] = record["events"]
    return max(events, key=lambda event: float(event.get("confidence") or 0.0))


def limited(items: Iterable[T], limit: int | None) -> Iterator[T]:
    """The first ``limit`` items (all when ``limit`` is None)."""
    if limit is not None and limit < 0:
        raise EvalError(f"limit must be 0 or more, got {limit}")
    return iter(items) if limit is None else itertools.islice(items, limit)


def limit_note(limit: int | None, *, unit: str) -> list[str]:
    if limit is None:
        return []
    return [f"limited to the first {limit} {unit}: a quick look, not a figure to report"]


def require_dir(path: Path, *, what: str) -> Path:
    if not path.is_dir():
        raise EvalError(f"{what}: expected a folder at {path}, found {_found(path)}")
    return path


def require_file(path: Path, *, what: str) -> Path:
    if not path.is_file():
        raise EvalError(f"{what}: expected a file at {path}, found {_found(path)}")
    return path


def _found(path: Path) -> str:
    if path.is_dir():
        return "a folder"
    if path.exists():
        return "something that is not a regular file"
    if path.parent.is_dir():
        listing = sorted(p.name for p in path.parent.iterdir())[:8]
        return f"nothing (the parent holds: {', '.join(listing) or 'nothing'})"
    return "nothing"
