"""The per-document time limit: one slow document is rejected as too_slow, the rest kept."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument, Document
from newsgraph.runners.limits import TooSlow, time_limit
from newsgraph.runners.local import annotate_safely


def test_time_limit_interrupts_python_work() -> None:
    with pytest.raises(TooSlow), time_limit(0.05):
        while True:
            time.sleep(0.01)


def test_no_limit_when_zero_or_off_the_main_thread() -> None:
    with time_limit(0):
        time.sleep(0.02)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.01):
                time.sleep(0.05)
        except BaseException as exc:  # pragma: no cover - the failure this test looks for
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []


class _SlowOnSome:
    """An annotator that hangs on documents whose text says "hang"."""

    def annotate(self, documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Any]:
        for document in documents:
            yield self.annotate_one(document)

    def annotate_one(self, document: Document) -> AnnotatedDocument:
        while "hang" in document.text:
            time.sleep(0.01)
        return AnnotatedDocument(document=document)


def test_a_slow_document_is_rejected_and_the_others_kept() -> None:
    documents = [
        parse_record({"id": str(i), "text": text}, origin=f"mem:{i}")
        for i, text in enumerate(["A quiet day.", "This one will hang forever.", "Rain later."])
    ]
    done, failed = annotate_safely(
        _SlowOnSome(),  # type: ignore[arg-type]
        documents,
        batch_size=8,
        document_seconds=0.2,
    )
    assert [d.document.text for d in done] == ["A quiet day.", "Rain later."]
    assert [(r.reason, r.code, r.origin) for r in failed] == [("too_slow", "NG203", "mem:1")]
    assert "longer than 0.2 s" in failed[0].message
