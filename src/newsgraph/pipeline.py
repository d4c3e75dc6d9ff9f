"""ingest -> nlp -> store, whatever runs the NLP.

:func:`ingest` reads inputs, skips documents the store already holds, annotates the rest with a
runner and writes each batch in one transaction with the inputs it rejected. :func:`extract` does
the same without a store and yields annotated documents.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .actors import read_extension
from .config import Settings
from .ingest import Format, read_paths
from .model import AnnotatedDocument, Document, Rejection
from .runners import Runner, WorkItem, backends
from .store import Store

__all__ = [
    "IngestReport",
    "annotate_documents",
    "choose_workers",
    "extract",
    "ingest",
    "ingest_documents",
]

# With workers = 0 (auto), inputs of fewer batches than this run in-process: starting worker
# processes (one model load each) costs more than it saves on a small input.
_AUTO_POOL_MIN_BATCHES = 4


@dataclass(slots=True)
class IngestReport:
    """What a run did. ``rejections`` lists every input that could not be read, with why."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    workers: int = 1
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _batches(
    items: Iterable[Document | Rejection], size: int
) -> Iterator[list[Document | Rejection]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def choose_workers(settings: Settings, pending_batches: int) -> int:
    """The number of worker processes: as set, or for ``0`` one per core on large inputs."""
    if settings.workers > 0:
        return settings.workers
    if pending_batches < _AUTO_POOL_MIN_BATCHES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _work_items(
    items: Iterable[Document | Rejection],
    *,
    settings: Settings,
    store: Store | None,
    report: IngestReport,
) -> Iterator[WorkItem]:
    seen: set[str] = set()
    for batch in _batches(items, settings.batch_size):
        documents = [item for item in batch if isinstance(item, Document)]
        rejections = [item for item in batch if isinstance(item, Rejection)]
        report.read += len(documents)
        if store is None:
            # Extraction answers every input, duplicates included.
            yield WorkItem(documents=documents, rejections=rejections)
            continue
        known = store.existing_ids(d.id for d in documents)
        fresh = []
        for document in documents:
            if document.id in known or document.id in seen:
                continue
            seen.add(document.id)
            fresh.append(document)
        yield WorkItem(documents=fresh, rejections=rejections, skipped=len(documents) - len(fresh))


def _start_runner(
    items: Iterator[WorkItem], settings: Settings, runner: Runner | None
) -> tuple[Runner, Iterator[WorkItem], int]:
    """Pick the runner; with auto workers, look ahead for the first few batches with work to
    size the pool. Batches stored already hold no documents and are passed over in the count,
    so a resumed run gets the pool its remaining work needs."""
    if runner is not None:
        return runner, items, 1
    factory = backends.get(settings.runner)  # an unknown runner fails before any work
    head: list[WorkItem] = []
    pending = 0
    for item in items:
        head.append(item)
        pending += bool(item.documents)
        if pending >= _AUTO_POOL_MIN_BATCHES:
            break
    workers = choose_workers(settings, pending)
    if settings.actors_file is not None:
        # A broken extension file is reported here, once, not by every worker process.
        read_extension(settings.actors_file)
    made = factory(settings, workers=workers)
    return made, itertools.chain(head, items), workers


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    settings: Settings | None = None,
    fmt: Format = "auto",
    runner: Runner | None = None,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, annotate and store; returns what happened. Safe to re-run: stored documents are
    skipped, so an interrupted run completes where it stopped."""
    settings = settings or Settings()
    own_files = [store.path, Path(f"{store.path}.wal")]
    return ingest_documents(
        read_paths(paths, fmt=fmt, settings=settings, exclude=own_files),
        store=store,
        settings=settings,
        runner=runner,
        progress=progress,
    )


def ingest_documents(
    items: Iterable[Document | Rejection],
    *,
    store: Store,
    settings: Settings | None = None,
    runner: Runner | None = None,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Annotate and store documents read already (rejections are recorded as they come): what
    :func:`ingest` does after reading, and what the API's ingest endpoint calls."""
    settings = settings or Settings()
    report = IngestReport()
    started = time.perf_counter()
    work = _work_items(items, settings=settings, store=store, report=report)
    active, work, report.workers = _start_runner(work, settings, runner)
    try:
        for item in active.run(work):
            result = store.write_batch(item.annotated, item.rejections)
            report.stored += result.documents
            report.events += result.events
            report.already_stored += item.skipped + result.skipped
            report.words += sum(len(a.document.text.split()) for a in item.annotated)
            report.rejections.extend(item.rejections)
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(report)
    finally:
        if runner is None:
            active.close()
    report.seconds = time.perf_counter() - started
    return report


def extract(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    fmt: Format = "auto",
    runner: Runner | None = None,
) -> Iterator[AnnotatedDocument | Rejection]:
    """Annotated documents (and rejections, in input order) without touching a store."""
    settings = settings or Settings()
    yield from annotate_documents(
        read_paths(paths, fmt=fmt, settings=settings), settings=settings, runner=runner
    )


def annotate_documents(
    documents: Iterable[Document | Rejection],
    *,
    settings: Settings | None = None,
    runner: Runner | None = None,
) -> Iterator[AnnotatedDocument | Rejection]:
    """Annotate documents (and pass rejections through) in input order, with the runner the
    settings choose; what ``extract`` and the scorers use."""
    settings = settings or Settings()
    report = IngestReport()
    items = _work_items(documents, settings=settings, store=None, report=report)
    active, items, _ = _start_runner(items, settings, runner)
    try:
        for item in active.run(items):
            yield from item.rejections
            yield from item.annotated
    finally:
        if runner is None:
            active.close()
