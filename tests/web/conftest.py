"""A live server (uvicorn in a thread, loopback, a free port) and Debian's headless Chromium
driven by Playwright. Browser tests skip, saying why, where Chromium or Playwright is absent;
``make test`` installs Chromium where it can (CI does)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.app import ApiConfig, create_app
from newsgraph.ingest import parse_post
from newsgraph.nlp import Annotator
from newsgraph.store import Store
from tests.conftest import POST, REPO

ARTIFACTS = REPO / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Untrusted text: a post whose headline and body carry markup that must never run.
HOSTILE = """#Ruritania
Reuters: Ruritania <script>window.__pwned = 1; alert(1)</script> asks for radars
2025.03.20
Ruritanian officials asked Freedonia on Monday for radars \
<img src=x onerror="window.__pwned = 2; alert(2)"> and <b>missiles</b>.
"""


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class LiveServer:
    def __init__(self, db: Path) -> None:
        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            create_app(ApiConfig(db=db)), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def fill_store(db: Path, annotator: Annotator, posts: dict[str, str]) -> dict[str, str]:
    """Annotate posts with the real pipeline and store them; returns name -> document id."""
    ids = {}
    with Store(db) as store:
        annotated = []
        for name, text in posts.items():
            item = annotator.annotate_one(parse_post(text, origin=f"{name}.txt"))
            annotated.append(item)
            ids[name] = item.document.id
        store.write_batch(annotated)
    return ids


@pytest.fixture(scope="session")
def web_site(
    tmp_path_factory: pytest.TempPathFactory, annotator: Annotator
) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    ids = fill_store(db, annotator, {"post": POST, "hostile": HOSTILE})
    with LiveServer(db) as server:
        yield server.url, ids


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (Debian: apt-get install chromium chromium-driver; "
            "make test does it where it runs as root)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page()
    try:
        yield opened
    finally:
        opened.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
