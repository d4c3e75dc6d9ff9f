from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import EventQuery, Store, export_store
from newsgraph.store.interchange import GDELT_COLUMNS, gdelt_lines, graphml_chunks, plover_lines
from tests.store.factory import built


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_batch(built())
    return store


def _gdelt(store: Store, query: EventQuery | None = None) -> list[dict[str, str]]:
    return [
        dict(zip(GDELT_COLUMNS, line.rstrip("\n").split("\t"), strict=True))
        for line in gdelt_lines(store, query)
    ]


def test_gdelt_has_61_columns_and_maps_fields(filled: Store) -> None:
    assert len(GDELT_COLUMNS) == 61
    rows = _gdelt(filled, EventQuery(type="REQUEST"))
    assert len(rows) == 1
    row = rows[0]
    event = built()[0].events[0]
    assert int(row["GLOBALEVENTID"]) // 100 == int(event.id[:13], 16)
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20251031", "202510", "2025")
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "VENGOV",
        "Venezuela",
        "VEN",
    )
    assert row["Actor1Type1Code"] == "GOV"
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("RUS", "RUS")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("020", "020", "02")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "-1")
    assert row["SOURCEURL"] == f"newsgraph:{built()[0].document.id}"
    assert len(row["DATEADDED"]) == 14


def test_gdelt_root_event_and_action_geo(filled: Store) -> None:
    rows = {r["EventCode"]: r for r in _gdelt(filled)}
    assert rows["111"]["IsRootEvent"] == "1"  # first sentence
    assert rows["163"]["IsRootEvent"] == "1"  # same paragraph
    aid = rows["070"]
    assert (aid["ActionGeo_Type"], aid["ActionGeo_FullName"], aid["ActionGeo_CountryCode"]) == (
        "1",
        "Caracas",
        "VEN",
    )
    assert aid["Actor1Geo_Type"] == "0"


def test_plover_lines_carry_the_manual_fields(filled: Store) -> None:
    records = [json.loads(line) for line in plover_lines(filled)]
    assert len(records) == 5
    request = next(r for r in records if r["event"] == ["REQUEST"])
    assert request["id"] == built()[0].events[0].id
    assert request["date"] == "2025-10-31"
    assert request["actor"][0]["code"] == "VEN" and request["actor"][0]["sector"] == "GOV"
    assert request["recipient"][0]["entity_text"] == "Russia"
    assert request["quad_code"] == 1 and request["event_scale"] == -1.0
    assert request["status"] == "requested" and request["certainty"] == "reported"
    assert [s["kind"] for s in request["attribution"]] == ["outlet", "anonymous"]
    assert request["text"].endswith("according to officials.")
    aid = next(r for r in records if r["event"] == ["AID"])
    assert aid["event_loc"]["country_code"] == "VEN"


def test_graphml_is_valid_and_weighted(filled: Store) -> None:
    root = ET.fromstring("".join(graphml_chunks(filled, level="country")))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    labels = {
        node.get("id"): node.find("g:data[@key='node_label']", ns).text  # type: ignore[union-attr]
        for node in root.iterfind(".//g:node", ns)
    }
    assert sorted(labels.values()) == ["Russia", "USA", "Venezuela"]
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == 4
    weights = {e.find("g:data[@key='edge_weight']", ns).text for e in edges}  # type: ignore[union-attr]
    assert weights == {"1.0"}


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "graphml"])
def test_export_store_writes_one_file(filled: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    assert export_store(filled, fmt, out) == [out]  # type: ignore[arg-type]
    assert out.stat().st_size > 100
    with pytest.raises(StoreError, match="folder"):
        export_store(filled, fmt, tmp_path)  # type: ignore[arg-type]
