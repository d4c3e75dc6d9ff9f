from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.store import Store
from newsgraph.store.analytics import actor_graph, actor_profile, dyad_series, period_starts
from newsgraph.store.browse import (
    DocumentQuery,
    event_with_document,
    list_documents,
    search_actors,
)
from newsgraph.store.transfers import list_transfers
from tests.store.factory import built


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_batch(built())
    return store


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("day", [date(2025, 10, 30), date(2025, 10, 31), date(2025, 11, 1)]),
        ("week", [date(2025, 10, 27)]),
        ("month", [date(2025, 10, 1), date(2025, 11, 1)]),
    ],
)
def test_period_starts_cover_the_range(interval: str, expected: list[date]) -> None:
    assert period_starts(date(2025, 10, 30), date(2025, 11, 1), interval) == expected  # type: ignore[arg-type]


def test_actor_profile_series_and_partners(filled: Store) -> None:
    profile = actor_profile(filled, "russia", interval="month")
    by_month = {row["period"]: row for row in profile["series"]}
    assert by_month[date(2025, 10, 1)]["as_recipient"] == 1
    assert by_month[date(2025, 11, 1)]["as_actor"] == 1
    assert by_month[date(2025, 11, 1)]["as_recipient"] == 0  # "Russia on" is another name
    assert by_month[date(2025, 12, 1)]["as_actor"] == 1
    assert profile["events"] == 3
    partners = {p["name"]: p for p in profile["partners"]}
    assert partners["Venezuela"]["acted_by"] == 1
    assert partners["United States"]["acted_on"] == 1


def test_actor_profile_by_code_and_unknown(filled: Store) -> None:
    assert actor_profile(filled, "RUS")["events"] >= 1
    with pytest.raises(NotFoundError):
        actor_profile(filled, "Atlantis")
    with pytest.raises(ConfigError):
        actor_profile(filled, "Russia", interval="fortnight")


def test_dyad_series_splits_directions(filled: Store) -> None:
    result = dyad_series(filled, "RUS", "USA", interval="day")
    rows = [r for r in result["series"] if r["events"]]
    assert [(r["period"], r["forward"], r["backward"]) for r in rows] == [
        (date(2025, 11, 3), 1, 0),
        (date(2025, 11, 4), 0, 1),
    ]
    assert len(result["series"]) == 2  # consecutive days: nothing to fill
    assert rows[1]["conflict"] == 1 and rows[1]["score"] == -6.0


def test_actor_graph_levels(filled: Store) -> None:
    graph = actor_graph(filled)
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("Venezuela", "Russia")]["events"] == 1
    countries = actor_graph(filled, level="country")
    pairs = {(e["source"], e["target"]) for e in countries["edges"]}
    assert pairs == {("VEN", "RUS"), ("RUS", "USA"), ("USA", "RUS"), ("RUS", "VEN")}
    assert {n["label"] for n in countries["nodes"]} == {"Russia", "USA", "Venezuela"}
    narrow = actor_graph(filled, since=date(2025, 12, 1))
    assert {(e["source"], e["target"]) for e in narrow["edges"]} == {
        ("Russia", "Venezuelan troops"),
        ("Ruritania", "Freedonia"),
    }


def test_documents_search_and_tag(filled: Store) -> None:
    assert [d["headline"] for d in list_documents(filled, DocumentQuery(text="moscow"))] == [
        "Venezuela turns to Moscow"
    ]
    assert len(list_documents(filled, DocumentQuery(tag="#ruritania"))) == 1
    newest = list_documents(filled, DocumentQuery(limit=1))[0]
    assert newest["published"] == date(2025, 12, 20) and newest["events"] == 1


def test_event_with_document_and_errors(filled: Store) -> None:
    first = built()[0]
    event, document = event_with_document(filled, first.events[0].id)
    assert event == first.events[0] and document.document.id == first.document.id
    with pytest.raises(NotFoundError, match="hexadecimal"):
        event_with_document(filled, "x'; DROP TABLE events; --")
    with pytest.raises(NotFoundError):
        event_with_document(filled, "abc123")


def test_search_actors_counts_roles(filled: Store) -> None:
    rows = {r["name"]: r for r in search_actors(filled, "russ")}
    assert rows["Russia"]["as_actor"] == 2 and rows["Russia"]["as_recipient"] == 1


def test_transfers_list_the_view(filled: Store) -> None:
    result = list_transfers(filled)
    assert result["source"] == "transfers"
    assert [
        (r["item"], r["count"], r["supplier"], r["recipient"], r["status"]) for r in result["items"]
    ] == [("missile", 14.0, "Russia", "Venezuela", "requested")]


def test_transfers_fall_back_to_materiel(filled: Store) -> None:
    # A store whose schema predates the transfers view (opened read-only, never upgraded).
    filled.con.execute("DROP VIEW transfers")
    result = list_transfers(filled)
    assert result["source"] == "event_materiel"
    assert [(r["item"], r["count"], r["actors"]) for r in result["items"]] == [
        ("missile", 14.0, ["Venezuela"])
    ]
