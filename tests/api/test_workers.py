"""Serving from several processes: the configuration handed to the workers, the app each builds
from it, refusal with a token, and a live ``newsgraph serve --workers 2``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import CONFIG_ENVIRONMENT, ApiConfig, app_from_environment
from newsgraph.cli import app as cli
from newsgraph.config import Settings
from newsgraph.errors import ConfigError


def test_api_config_round_trips_through_json_without_the_token(tmp_path: Path) -> None:
    settings = Settings(db=tmp_path / "x.duckdb", batch_size=7, min_confidence=0.25)
    config = ApiConfig(
        db=tmp_path / "x.duckdb",
        cors_origins=("https://a.example",),
        settings=settings,
        base_url="https://news.example",
    )
    assert ApiConfig.from_json(config.to_json()) == config
    secret = ApiConfig(db=config.db, token="s3cret", settings=settings.replace(api_token="s3cret"))
    assert "s3cret" not in secret.to_json()
    assert ApiConfig.from_json(secret.to_json()).token == ""


def test_app_from_environment_serves_as_the_app_it_was_given(
    api_db: Path, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENVIRONMENT, ApiConfig(db=api_db).to_json())
    with TestClient(app_from_environment()) as worker:
        answer = worker.get("/api/events", params={"actor": "RUS"})
        assert answer.status_code == 200
        assert answer.content == client.get("/api/events", params={"actor": "RUS"}).content
        assert worker.post("/api/ingest", json={}).status_code in (404, 405)


def test_app_from_environment_without_a_configuration_says_how(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CONFIG_ENVIRONMENT, raising=False)
    with pytest.raises(ConfigError, match="--workers"):
        app_from_environment()


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--workers", "2"], {"NEWSGRAPH_API_TOKEN": "t"}, "read-only only"),
        (["--workers", "0"], {}, "at least 1"),
    ],
)
def test_serve_refuses_workers_it_cannot_honour(
    api_db: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(api_db), *args], env=env)
    assert result.exit_code != 0
    assert message in result.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_serve_with_two_workers_answers_the_listing(api_db: Path, client: TestClient) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", str(api_db), "--workers", "2"]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.content == client.get("/api/events").content
    finally:
        server.terminate()
        server.communicate(timeout=30)
