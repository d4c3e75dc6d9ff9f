"""The API in-process: listings, filters, pagination, errors as JSON with codes, headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import ApiConfig, create_app
from newsgraph.errors import StoreError
from tests.store.factory import built


def test_events_listing_shape_and_order(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert [e["date"] for e in body["items"]] == [
        "2025-12-20",
        "2025-12-02",
        "2025-11-04",
        "2025-11-03",
        "2025-10-31",
    ]
    assert body["next_offset"] is None and body["limit"] == 50
    first = body["items"][0]
    assert {"id", "doc_id", "type", "actors", "recipients", "sentence", "tags"} <= set(first)


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"actor": "RUS"}, {"ACCUSE", "AID"}),
        ({"recipient": "russia"}, {"REQUEST", "SANCTION"}),
        ({"dyad": "USA,RUS"}, {"ACCUSE", "SANCTION"}),
        ({"type": "sanction"}, {"SANCTION"}),
        ({"status": "done"}, {"AID"}),
        ({"certainty": "reported"}, {"REQUEST"}),
        ({"outlet": "Reuters"}, {"ACCUSE", "SANCTION"}),
        ({"tag": "Russia/Venezuela"}, {"REQUEST", "AID"}),
        ({"since": "2025-11-04", "until": "2025-12-02"}, {"SANCTION", "SUPPORT"}),
        ({"text": "aid convoy"}, {"SUPPORT"}),
        ({"quad": "4"}, {"SANCTION"}),
        ({"since": "", "type": ""}, {"REQUEST", "ACCUSE", "SANCTION", "SUPPORT", "AID"}),
    ],
)
def test_events_filters(client: TestClient, params: dict[str, str], types: set[str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert {e["type"] for e in response.json()["items"]} == types


def test_events_pagination_and_sorting(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2, "sort": "-date"}).json()
    assert [e["date"] for e in first["items"]] == ["2025-10-31", "2025-11-03"]
    assert first["next_offset"] == 2
    rest = client.get("/api/events", params={"limit": 2, "offset": 4, "sort": "-date"}).json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    scored = client.get("/api/events", params={"sort": "score"}).json()["items"]
    assert scored[0]["type"] == "SANCTION"


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events?since=yesterday", 400, "NG601"),
        ("/api/events?limit=0", 400, "NG601"),
        ("/api/events?sort=random", 400, "NG601"),
        ("/api/events?dyad=RUS", 400, "NG601"),
        ("/api/events/ffff", 404, "NG401"),
        ("/api/events/not-hex", 404, "NG401"),
        ("/api/documents/zz", 404, "NG401"),
        ("/api/actors/Atlantis", 404, "NG401"),
        ("/api/dyads?a=RUS", 400, "NG601"),
        ("/api/dyads?a=RUS&b=USA&interval=year", 400, "NG601"),
        ("/api/export/pdf", 404, "NG401"),
        ("/api/nowhere", 404, "NG401"),
        ("/feeds/tag/Russia", 404, "NG401"),
    ],
)
def test_errors_are_json_with_a_code(client: TestClient, url: str, status: int, code: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_ingest_does_not_exist_without_a_token(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": "Ruritania asked Freedonia for help."})
    assert response.status_code in (404, 405)


def test_event_detail_and_document(client: TestClient) -> None:
    event = built()[0].events[0]
    body = client.get(f"/api/events/{event.id}").json()
    assert body["event"]["id"] == event.id
    assert body["sentence"].startswith("Venezuela asked Russia")
    assert body["tags"] == ["Russia", "Venezuela", "Russia/Venezuela"]
    document = client.get(f"/api/documents/{body['document']['doc_id'][:8]}").json()
    assert document["schema_version"] == "1" and document["events"][0]["id"] == event.id


def test_documents_actors_dyads_graph_tags(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"q": "convoy"}).json()["items"]
    assert [d["doc_id"] for d in docs] == [built()[2].document.id]
    actors = client.get("/api/actors", params={"q": "venez"}).json()["items"]
    assert {a["name"] for a in actors} == {"Venezuela", "Venezuelan troops"}
    profile = client.get("/api/actors/Russia", params={"interval": "week"}).json()
    assert profile["interval"] == "week" and profile["events"] == 3
    dyad = client.get("/api/dyads", params={"a": "RUS", "b": "USA", "interval": "day"}).json()
    assert dyad["events"] == 2
    graph = client.get("/api/graph", params={"level": "country"}).json()
    assert len(graph["edges"]) == 4
    tags = {t["tag"]: t["events"] for t in client.get("/api/tags").json()["items"]}
    assert tags["Russia/USA"] == 2


def test_atom_feed_per_tag(client: TestClient) -> None:
    response = client.get("/feeds/tag/USA/Russia.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    assert feed.findtext("a:title", namespaces=ns) == "#Russia/USA — newsgraph events"
    entries = feed.findall("a:entry", ns)
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    sanction = built()[1].events[1].id
    # Newest first, ids stable (urn of the event id).
    assert ids[0] == f"urn:newsgraph:event:{sanction}"
    assert len(ids) == 2
    terms = {c.get("term") for c in entries[0].findall("a:category", ns)}
    assert terms == {"Russia", "USA", "Russia/USA"}


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("gdelt", "text/tab-separated-values"),
        ("plover", "application/x-ndjson"),
        ("graphml", "application/graphml+xml"),
    ],
)
def test_exports_stream(client: TestClient, fmt: str, media: str) -> None:
    response = client.get(f"/api/export/{fmt}", params={"tag": "Russia/USA"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "plover":
        assert {json.loads(line)["event"][0] for line in response.text.splitlines()} == {
            "ACCUSE",
            "SANCTION",
        }
    if fmt == "gdelt":
        assert len(response.text.splitlines()) == 2


def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/dyads", "/api/export/{fmt}"} <= set(
        schema["paths"]
    )
    docs = client.get("/docs").text
    assert "/static-offline-docs/swagger-ui-bundle.js" in docs and "cdn." not in docs
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200


def test_pages_forbid_scripts_and_cors_is_off(client: TestClient) -> None:
    response = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "access-control-allow-origin" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_cors_only_for_named_origins(api_db: Path) -> None:
    app = create_app(ApiConfig(db=api_db, cors_origins=("http://localhost:3000",)))
    with TestClient(app) as client:
        allowed = client.get("/api/tags", headers={"Origin": "http://localhost:3000"})
        other = client.get("/api/tags", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert "access-control-allow-origin" not in other.headers


def test_missing_store_fails_before_serving(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        create_app(ApiConfig(db=tmp_path / "absent.duckdb"))


@pytest.mark.parametrize(
    "url",
    [
        "/events",
        "/events?tag=Venezuela",
        "/documents",
        "/actors",
        "/actors/Russia",
        "/dyads?a=RUS&b=USA",
        "/graph",
        "/graph?level=country&weight=score",
        "/tags",
        "/tags/Russia/USA",
    ],
)
def test_pages_render(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and "<h1>" in response.text


def test_page_errors_are_pages(client: TestClient) -> None:
    response = client.get("/events/ffff")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "NG401" in response.text
