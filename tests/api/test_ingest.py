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


def test_ingest_isolates_each_record_of_a_body(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    Store(db).close()
    config = ApiConfig(db=db, token="s3cret", settings=Settings(db=db, workers=1))
    auth = {"Authorization": "Bearer s3cret"}
    deep = b"[" * 5000 + b"]" * 5000
    with TestClient(create_app(config)) as client:
        # One record the parser cannot take is a clear client error, not a server error.
        one = b'{"text": "x", "id": ' + b"9" * 5000 + b"}"
        answer = client.post(
            "/api/ingest", content=one, headers={**auth, "Content-Type": "application/json"}
        )
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "NG105"
        answer = client.post(
            "/api/ingest", content=deep, headers={**auth, "Content-Type": "application/json"}
        )
        assert answer.status_code == 200
        assert [r["reason"] for r in answer.json()["rejected"]] == ["malformed"]
        body = (
            b'[{"text": "Sylvania condemned Latveria.", "published": "2025-03-16"},'
            b' {"text": "bad \\ud800"}, {"text": "x", "deep": ' + deep[:3000] + deep[-3000:] + b"},"
            b' {"text": "y", "id": ' + b"9" * 5000 + b'}, {"text": "Latveria replied, \\"no\\"."}]'
        )
        answer = client.post(
            "/api/ingest", content=body, headers={**auth, "Content-Type": "application/json"}
        )
        assert answer.status_code == 200
        report = answer.json()
        assert report["stored"] == 2
        assert [r["reason"] for r in report["rejected"]] == ["encoding", "malformed", "malformed"]
        lines = b"\n".join(
            [b'{"text": "Latveria thanked Sylvania."}', deep, b'{"text": "\\ud800"}']
        )
        answer = client.post(
            "/api/ingest", content=lines, headers={**auth, "Content-Type": "application/x-ndjson"}
        )
        assert answer.status_code == 200
        assert answer.json()["stored"] == 1
        assert [r["reason"] for r in answer.json()["rejected"]] == ["malformed", "encoding"]
        assert answer.json()["rejected"][0]["origin"].endswith(":2")
