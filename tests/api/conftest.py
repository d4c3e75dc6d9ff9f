"""An app over a store of hand-built documents (no model needed), in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import ApiConfig, create_app
from newsgraph.store import Store
from tests.store.factory import built


@pytest.fixture(scope="module")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as store:
        store.write_batch(built())
    return path


@pytest.fixture(scope="module")
def client(api_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=api_db))) as opened:
        yield opened
