"""Searches match what was typed, ``%`` and ``_`` included, literally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.store import Store
from newsgraph.store.browse import DocumentQuery, list_documents, search_actors
from newsgraph.store.patterns import contains, literal
from newsgraph.store.transfers import TransferQuery, find_transfers
from tests.store.factory import D, build, built


def test_literal_escapes_wildcards_and_the_escape() -> None:
    assert literal("50%_a\\b") == "50\\%\\_a\\\\b"
    assert contains("x_") == "%x\\_%"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("patterns") / "p.duckdb"
    odd = D(text="Turnout reached 100% in al_Qasr on Monday.", published="2025-03-20")
    with Store(path) as writing:
        writing.write_batch([*built(), build(odd)])
    with Store(path, read_only=True) as reading:
        yield reading


@pytest.mark.parametrize(
    ("text", "found"),
    [("%", 1), ("_", 1), ("100%", 1), ("l_Q", 1), ("a%b", 0), ("__", 0), ("convoy", 1)],
)
def test_document_search_is_literal(store: Store, text: str, found: int) -> None:
    assert len(list_documents(store, DocumentQuery(text=text))) == found


@pytest.mark.parametrize("text", ["%", "_", "%%", "_%_"])
def test_transfer_and_actor_filters_are_literal(store: Store, text: str) -> None:
    assert find_transfers(store, TransferQuery(item=text)) == []
    assert find_transfers(store, TransferQuery(supplier=text)) == []
    assert find_transfers(store, TransferQuery(recipient=text)) == []
    assert search_actors(store, text) == []
    assert list_documents(store, DocumentQuery(outlet=text)) == []


def test_plain_words_still_match(store: Store) -> None:
    assert len(find_transfers(store, TransferQuery(item="missile"))) == 1
    assert search_actors(store, "venez")
