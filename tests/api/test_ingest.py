"""The token-guarded ingest endpoint (runs the NLP: needs the model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import ApiConfig, create_app
from newsgraph.config import Settings
from newsgraph.store import Store
from tests.conftest import POST

pytestmark = pytest.mark.model


def test_ingest_needs_the_token_and_stores_once(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    config = ApiConfig(db=db, token="s3cret", settings=Settings(db=db, workers=1))
    with TestClient(create_app(config)) as client:
        denied = client.post("/api/ingest", content=POST, headers={"Content-Type": "text/plain"})
        assert denied.status_code == 403 and denied.json()["error"]["code"] == "NG603"
        wrong = client.post(
            "/api/ingest",
            content=POST,
            headers={"Content-Type": "text/plain", "Authorization": "Bearer nope"},
        )
        assert wrong.status_code == 403
        auth = {"Authorization": "Bearer s3cret"}
        first = client.post(
            "/api/ingest", content=POST, headers={**auth, "Content-Type": "text/plain"}
        ).json()
        assert first["stored"] == 1 and first["events"] >= 1 and first["rejected"] == []
        again = client.post(
            "/api/ingest", content=POST, headers={**auth, "Content-Type": "text/plain"}
        ).json()
        assert again["stored"] == 0 and again["already_stored"] == 1
        records = client.post(
            "/api/ingest",
            json=[{"text": "Sylvania condemned Latveria.", "published": "2025-03-16"}, {"nope": 1}],
            headers=auth,
        ).json()
        assert records["stored"] == 1
        assert [r["reason"] for r in records["rejected"]] == ["malformed"]
        # the new documents are readable through the same app at once
        listed = client.get("/api/documents").json()["items"]
        assert {d["doc_id"] for d in listed} == {first["doc_ids"][0], records["doc_ids"][0]}
