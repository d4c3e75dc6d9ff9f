"""The runner protocol."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..model import AnnotatedDocument, Document, Rejection

__all__ = ["Runner", "WorkItem"]


@dataclass(slots=True)
class WorkItem:
    """One batch: documents to annotate, plus what travels with them to the store unchanged."""

    documents: list[Document]
    rejections: list[Rejection] = field(default_factory=list)
    skipped: int = 0
    annotated: list[AnnotatedDocument] = field(default_factory=list)


class Runner(Protocol):
    """Annotates the documents of each work item; yields the items in input order, filled."""

    def run(self, items: Iterable[WorkItem]) -> Iterator[WorkItem]: ...

    def close(self) -> None: ...
