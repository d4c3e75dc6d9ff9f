"""The worker pool splits each batch into parts and gives the results back in input order."""

from __future__ import annotations

from newsgraph.model import Document
from newsgraph.runners.local import ProcessRunner


def _documents(n: int) -> list[Document]:
    return [
        Document(id=f"d{i}", text=f"text {i}", raw_text=f"text {i}", origin=f"{i}", source_kind="t")
        for i in range(n)
    ]


def test_parts_keep_every_document_in_order() -> None:
    runner = ProcessRunner.__new__(ProcessRunner)  # no pool: only the splitting is tested
    runner.workers = 2
    for n in (0, 1, 3, 4, 17, 64):
        documents = _documents(n)
        parts = runner._parts(documents)
        assert [d for part in parts for d in part] == documents
        assert len(parts) <= 4 and all(parts)
        if n >= 4:
            assert max(len(p) for p in parts) - min(len(p) for p in parts) <= -(-n // 4)
