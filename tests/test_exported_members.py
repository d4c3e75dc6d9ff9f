"""The public surface of ``import newsgraph`` is pinned: changing it is a deliberate edit here."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newsgraph

PUBLIC = [
    "Actor",
    "AnnotatedDocument",
    "Annotator",
    "Document",
    "Event",
    "EventQuery",
    "NewsgraphError",
    "Rejection",
    "Settings",
    "Store",
    "TransferQuery",
    "annotate_documents",
    "assess",
    "export_store",
    "extract",
    "ingest_documents",
    "iter_events",
    "list_events",
    "list_transfers",
    "load_nlp",
    "load_settings",
    "parse_record",
    "read_paths",
    "store_stats",
]


def test_exported_members_are_pinned_and_sorted() -> None:
    assert newsgraph.__all__ == PUBLIC
    assert sorted(newsgraph.__all__) == newsgraph.__all__


@pytest.mark.parametrize("name", PUBLIC)
def test_exported_member_resolves(name: str) -> None:
    member = getattr(newsgraph, name)
    assert member.__module__.startswith("newsgraph.")
    assert name in dir(newsgraph)


def test_exported_members_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        newsgraph.no_such_name  # noqa: B018


def test_exported_members_import_loads_no_spacy() -> None:
    code = "import sys, newsgraph; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    run = [sys.executable, "-c", code]
    result = subprocess.run(run, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
