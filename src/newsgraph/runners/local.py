"""Runners on this machine: in-process, or a pool of worker processes (one model each)."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_CODER, Settings
from ..errors import ModelError, NewsgraphError
from ..model import AnnotatedDocument, Document, Rejection
from .backends import register
from .base import Runner, WorkItem
from .lifeline import die_with_parent
from .limits import TooSlow, time_limit

if TYPE_CHECKING:  # spaCy is imported where the NLP runs: a pool's parent never needs it
    from ..nlp import Annotator

__all__ = ["LocalRunner", "ProcessRunner", "annotate_safely", "local_runner", "make_runner"]


def annotate_safely(
    annotator: Annotator,
    documents: list[Document],
    *,
    batch_size: int,
    document_seconds: float = 0.0,
) -> tuple[list[AnnotatedDocument], list[Rejection]]:
    """Annotate a batch; if the batch fails or takes longer than ``document_seconds`` per
    document, retry one by one and reject only the bad documents: those that fail
    (``nlp_error``) and those that take longer than ``document_seconds`` each (``too_slow``;
    0: no limit)."""
    try:
        with time_limit(document_seconds * len(documents)):
            return list(annotator.annotate(documents, batch_size=batch_size)), []
    except NewsgraphError:
        raise
    except Exception:
        done: list[AnnotatedDocument] = []
        failed: list[Rejection] = []
        for document in documents:
            try:
                with time_limit(document_seconds):
                    done.append(annotator.annotate_one(document))
            except TooSlow:
                failed.append(
                    Rejection(
                        origin=document.origin,
                        reason="too_slow",
                        code="NG203",
                        message=f"{document.origin}: the NLP pipeline took longer than "
                        f"{document_seconds:g} s (setting document_seconds)",
                        content_hash=document.id,
                    )
                )
            except Exception as exc:
                failed.append(
                    Rejection(
                        origin=document.origin,
                        reason="nlp_error",
                        code="NG202",
                        message=f"{document.origin}: the NLP pipeline failed: "
                        f"{type(exc).__name__}: {exc}",
                        content_hash=document.id,
                    )
                )
        return done, failed


class LocalRunner:
    """Annotate in this process."""

    def __init__(
        self,
        *,
        model: str = "",
        batch_size: int = 64,
        actors_file: Path | None = None,
        parse: str = "full",
        coder: str = DEFAULT_CODER,
        min_confidence: float = -1.0,
        document_seconds: float = 0.0,
    ) -> None:
        from ..nlp import Annotator

        self.annotator = Annotator(
            model=model,
            actors_file=actors_file,
            parse=parse,
            coder=coder,
            min_confidence=min_confidence,
        )
        self.batch_size = batch_size
        self.document_seconds = document_seconds

    def run(self, items: Iterable[WorkItem]) -> Iterator[WorkItem]:
        for item in items:
            if item.documents:
                item.annotated, failed = annotate_safely(
                    self.annotator,
                    item.documents,
                    batch_size=self.batch_size,
                    document_seconds=self.document_seconds,
                )
                item.rejections.extend(failed)
            yield item

    def close(self) -> None:
        return None


_WORKER: Annotator | None = None


def _init_worker(
    model: str,
    actors_file: Path | None = None,
    parse: str = "full",
    coder: str = DEFAULT_CODER,
    min_confidence: float = -1.0,
    parent_pid: int | None = None,
) -> None:
    global _WORKER
    if parent_pid is not None:
        die_with_parent(parent_pid)  # before the model loads: no orphan holding one
    # One thread per process: the processes are the parallelism.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from ..nlp import Annotator

    _WORKER = Annotator(
        model=model,
        actors_file=actors_file,
        parse=parse,
        coder=coder,
        min_confidence=min_confidence,
    )


def _work(
    documents: list[Document], batch_size: int, document_seconds: float = 0.0
) -> tuple[list[AnnotatedDocument], list[Rejection]]:
    if _WORKER is None:
        raise ModelError("worker process was not initialised")
    return annotate_safely(
        _WORKER, documents, batch_size=batch_size, document_seconds=document_seconds
    )


_Result = tuple[list[AnnotatedDocument], list[Rejection]]


class ProcessRunner:
    """Annotate in ``workers`` processes; results come back in input order. The workers die
    with this process, however it ends (:mod:`.lifeline`).

    Each batch goes to the workers in ``2 * workers`` parts, so the cores stay busy to the end
    of a run (with whole batches, one worker is left finishing the last batch alone) and a
    batch is stored as soon as its parts are back. At most ``2 * workers`` batches are in
    flight, so a huge input never sits in memory.
    """

    def __init__(
        self,
        *,
        workers: int,
        model: str = "",
        batch_size: int = 64,
        actors_file: Path | None = None,
        parse: str = "full",
        coder: str = DEFAULT_CODER,
        min_confidence: float = -1.0,
        document_seconds: float = 0.0,
    ) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self.document_seconds = document_seconds
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(model, actors_file, parse, coder, min_confidence, os.getpid()),
        )

    def _parts(self, documents: list[Document]) -> list[list[Document]]:
        size = max(1, -(-len(documents) // (2 * self.workers)))
        return [documents[i : i + size] for i in range(0, len(documents), size)]

    def run(self, items: Iterable[WorkItem]) -> Iterator[WorkItem]:
        window: deque[tuple[WorkItem, list[Future[_Result]]]] = deque()
        try:
            for item in items:
                futures = [
                    self.pool.submit(_work, part, self.batch_size, self.document_seconds)
                    for part in self._parts(item.documents)
                ]
                window.append((item, futures))
                while len(window) > 2 * self.workers:
                    yield self._finish(*window.popleft())
            while window:
                yield self._finish(*window.popleft())
        except BrokenProcessPool as exc:
            raise NewsgraphError(
                "an NLP worker process died (out of memory?); what was written so far is kept, "
                "re-run the same command to finish"
            ) from exc

    @staticmethod
    def _finish(item: WorkItem, futures: list[Future[_Result]]) -> WorkItem:
        for future in futures:
            annotated, failed = future.result()
            item.annotated.extend(annotated)
            item.rejections.extend(failed)
        return item

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_runner(
    *,
    workers: int,
    model: str = "",
    batch_size: int = 64,
    actors_file: Path | None = None,
    parse: str = "full",
    coder: str = DEFAULT_CODER,
    min_confidence: float = -1.0,
    document_seconds: float = 0.0,
) -> Runner:
    """In-process for one worker, a process pool for more."""
    if workers <= 1:
        return LocalRunner(
            model=model,
            batch_size=batch_size,
            actors_file=actors_file,
            parse=parse,
            coder=coder,
            min_confidence=min_confidence,
            document_seconds=document_seconds,
        )
    return ProcessRunner(
        workers=workers,
        model=model,
        batch_size=batch_size,
        actors_file=actors_file,
        parse=parse,
        coder=coder,
        min_confidence=min_confidence,
        document_seconds=document_seconds,
    )


@register("local")
def local_runner(settings: Settings, *, workers: int) -> Runner:
    """The ``local`` runner: in this process for one worker, a process pool for more."""
    return make_runner(
        workers=workers,
        model=settings.model,
        batch_size=settings.batch_size,
        actors_file=settings.actors_file,
        parse=settings.parse,
        coder=settings.coder,
        min_confidence=settings.min_confidence,
        document_seconds=settings.document_seconds,
    )
