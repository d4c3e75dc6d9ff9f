from __future__ import annotations

import pytest

from newsgraph.store import EventQuery, Store, list_events
from newsgraph.store.tags import canonical_tag, event_tags, parse_tag, tag_counts
from tests.store.factory import built


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_batch(built())
    return store


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("#Russia/USA", "Russia/USA"),
        ("usa/russia", "Russia/USA"),
        ("#venezuela", "Venezuela"),
        ("Ruritania", "Ruritania"),
        ("Ruritania/Freedonia", "Freedonia/Ruritania"),
        (" # UK ", "UK"),
    ],
)
def test_canonical_tag_one_spelling(written: str, canonical: str) -> None:
    assert canonical_tag(written) == canonical


def test_parse_tag_countries_and_spellings() -> None:
    spec = parse_tag("USA/Russia")
    assert spec.countries == ("RUS", "USA")
    assert set(spec.spellings) == {"russia/usa", "usa/russia"}
    assert parse_tag("Ruritania").countries == ()


def test_event_tags_from_countries_then_document() -> None:
    tags = event_tags(["VENGOV"], ["RUS", "IGOUNO"], location_country="ven")
    assert tags == ["Russia", "Venezuela", "Russia/Venezuela"]
    assert event_tags([None], [None], document_tags=["#Ruritania", "ruritania"]) == ["Ruritania"]


def test_tag_filter_matches_countries_either_direction(filled: Store) -> None:
    pair = list_events(filled, EventQuery(tag="USA/Russia"))
    assert {r["type"] for r in pair} == {"ACCUSE", "SANCTION"}
    single = list_events(filled, EventQuery(tag="Venezuela"))
    # the request (actor VEN) and the delivery (recipient VEN, place VEN)
    assert {r["type"] for r in single} == {"REQUEST", "AID"}


def test_tag_filter_falls_back_to_document_tags(filled: Store) -> None:
    rows = list_events(filled, EventQuery(tag="#ruritania"))
    assert [r["type"] for r in rows] == ["SUPPORT"]
    # A coded event does not take its post's tags: doc-1 is tagged Russia/USA, its event is not.
    assert "REQUEST" not in {r["type"] for r in list_events(filled, EventQuery(tag="Russia/USA"))}


def test_tag_counts_count_each_event_once_per_tag(filled: Store) -> None:
    counts = {row["tag"]: row["events"] for row in tag_counts(filled)}
    assert counts["Russia"] == 4
    assert counts["Russia/USA"] == 2
    assert counts["Russia/Venezuela"] == 2
    assert counts["Venezuela"] == 2
    assert counts["Ruritania"] == 1 and counts["Freedonia/Ruritania"] == 1
    assert "USA" in counts and counts["USA"] == 2
