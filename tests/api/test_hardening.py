"""The API's small guarantees: a strict token scheme, links from the configured address, actor
names with a slash, and every documented error in the OpenAPI description."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import ApiConfig, create_app
from newsgraph.store import Store
from tests.store.factory import D, E, build, built


@pytest.mark.parametrize(
    "header",
    ["s3cret", "Basic s3cret", "Token s3cret", "Bearer", "Bearer wrong", "Bearers3cret"],
)
def test_ingest_token_needs_the_bearer_scheme(tmp_path: Path, header: str) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    with TestClient(create_app(ApiConfig(db=db, token="s3cret"))) as client:
        answer = client.post(
            "/api/ingest", json={"text": "Talks resumed."}, headers={"Authorization": header}
        )
        assert answer.status_code == 403
        assert answer.json()["error"]["code"] == "NG603"


def _feed_links(client: TestClient, host: str) -> set[str]:
    response = client.get("/feeds/tag/USA/Russia.atom", headers={"Host": host})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    return {link.get("href") or "" for link in feed.iter("{http://www.w3.org/2005/Atom}link")}


def test_feed_links_use_the_configured_address_not_the_host_header(api_db: Path) -> None:
    with TestClient(create_app(ApiConfig(db=api_db))) as client:
        links = _feed_links(client, "evil.example")
    assert links and all(link.startswith("http://127.0.0.1:8321/") for link in links)
    config = ApiConfig(db=api_db, base_url="https://news.example.org")
    with TestClient(create_app(config)) as client:
        links = _feed_links(client, "evil.example")
    assert links and all(link.startswith("https://news.example.org/") for link in links)


def test_actor_name_with_a_slash(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    spec = D(
        text="Hamas/PIJ fighters attacked the crossing on Monday.",
        published="2025-03-14",
        events=[E(trigger="attacked", type="ASSAULT", actors=(("Hamas/PIJ", "PSE"),))],
    )
    with Store(db) as store:
        store.write_batch([build(spec)])
    with TestClient(create_app(ApiConfig(db=db))) as client:
        answer = client.get("/api/actors/Hamas/PIJ")
        assert answer.status_code == 200, answer.text
        assert answer.json()["events"] == 1
        missing = client.get("/api/actors/No/Such")
        assert missing.status_code == 404
        assert "nothing at" not in missing.json()["error"]["message"]  # the actor, not the route


def test_openapi_lists_the_documented_errors(tmp_path: Path) -> None:
    db = tmp_path / "o.duckdb"
    with Store(db) as store:
        store.write_batch(built())
    with TestClient(create_app(ApiConfig(db=db, token="s3cret"))) as client:
        paths = client.get("/openapi.json").json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            if path.startswith(("/api", "/feeds")) and method == "get":
                assert {"400", "404", "500", "503"} <= statuses, (path, statuses)
    ingest = paths["/api/ingest"]["post"]["responses"]
    assert {"400", "403", "422", "500", "503"} <= set(ingest)
    body = ingest["403"]["content"]["application/json"]["schema"]
    assert body["properties"]["error"]["required"] == ["code", "message"]
