"""Arms transfers from text, end to end (coder, status model, materiel, the transfers view): a
transfer is delivered only when the text says the materiel moved.

``data/transfer_statuses.jsonl`` holds sentences written here, one transfer each, with the
status a reader gives it (``not delivered``: anything but delivered, e.g. a negated or only
possible transfer). The set was used while building the statuses (docs/evaluation.md says so),
so it is a development set: its figures are a floor against regressions, not a test of
generalisation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument
from newsgraph.nlp.pipeline import Annotator
from newsgraph.store import Store, TransferQuery, find_transfers

DATA = Path(__file__).parent / "data" / "transfer_statuses.jsonl"


ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def annotated() -> list[AnnotatedDocument]:
    """The sentences through the pipeline once for the module (loading it is the slow part)."""
    documents = [
        parse_record({"id": f"s{i}", "text": r["text"], "published": "2025-11-01"}, origin="mem:tr")
        for i, r in enumerate(ROWS)
    ]
    return list(Annotator(coder="model").annotate(documents))


@pytest.fixture
def listed(store: Store, annotated: list[AnnotatedDocument]) -> list[tuple[str, str, set[str]]]:
    rows = ROWS
    store.write_batch(annotated)
    found: dict[str, set[str]] = {r["text"]: set() for r in rows}
    for row in find_transfers(store, TransferQuery(limit=1000)):
        for text in found:
            if row["evidence"] and row["evidence"] in text:
                found[text].add(row["status"])
    return [(r["text"], r["status"], found[r["text"]]) for r in rows]


def test_no_non_delivery_is_shown_as_delivered(listed: list[tuple[str, str, set[str]]]) -> None:
    wrong = [
        text for text, status, shown in listed if status != "delivered" and "delivered" in shown
    ]
    assert wrong == []


def test_most_transfer_statuses_are_right(listed: list[tuple[str, str, set[str]]]) -> None:
    right = [
        text
        for text, status, shown in listed
        if (status in shown if status != "not delivered" else "delivered" not in shown)
    ]
    # 25 of the 30 when written (2026-12-08); the misses are transfers the coder or the
    # materiel tagger does not find ("signed a contract for", "urged ... to provide")
    assert len(right) >= 24, len(right)
