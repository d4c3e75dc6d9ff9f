"""The web UI in headless Chromium: filter the events, open one, see its evidence highlighted;
untrusted markup in a post never runs. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.nlp import Annotator
from tests.web.conftest import HOSTILE, LiveServer, fill_store, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.model]


def test_browser_filter_open_event_see_evidence(
    page: Any, web_site: tuple[str, dict[str, str]]
) -> None:
    url, _ = web_site
    page.goto(f"{url}/events")
    assert page.locator("tr.event-row").count() >= 3
    page.select_option("select[name=type]", "REQUEST")
    page.fill("input[name=text]", "12 sets")
    page.click("#apply")
    page.wait_for_url("**/events?*type=REQUEST*")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    # The link reads TYPE or TYPE/mode ("REQUEST/assist").
    links = rows.locator("a.event-link").all_inner_texts()
    assert all(t.split("/")[0] == "REQUEST" for t in links)
    screenshot(page, "events-filtered")
    word = rows.first.locator("td").nth(4).inner_text()
    rows.first.locator("a.event-link").click()
    page.wait_for_url("**/events/*")
    evidence = page.locator("#evidence")
    assert "12 sets of missiles" in evidence.inner_text()
    trigger = evidence.locator("mark.hl-trigger")
    assert trigger.count() == 1 and trigger.inner_text() == word
    assert evidence.locator("mark.hl-actor, mark.hl-recipient").count() >= 1
    # highlighted means drawn differently, not only tagged
    colour = trigger.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(page, "event-page")


def test_browser_untrusted_markup_never_runs(
    page: Any, web_site: tuple[str, dict[str, str]]
) -> None:
    url, ids = web_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (
        f"/documents/{ids['hostile']}",
        "/events?tag=Ruritania",
        "/documents?q=radars",
        "/tags/Ruritania",
    ):
        page.goto(url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        # Escaped, not merely blocked: no element was made from the post's markup.
        assert page.evaluate("document.querySelectorAll('script, img, b').length") == 0, path
    page.goto(f"{url}/documents/{ids['hostile']}")
    assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in page.inner_text("#doctext")
    assert "<script>" in page.inner_text("h1")
    screenshot(page, "hostile-document")
    assert dialogs == []


@pytest.mark.shared
def test_browser_seed_post_event_page(
    page: Any, shared: Path, annotator: Annotator, tmp_path: Path
) -> None:
    """The seed post's request to Russia, screenshot for the closing note."""
    text = (shared / "examples" / "seed_post.txt").read_text(encoding="utf-8")
    db = tmp_path / "seed.duckdb"
    ids = fill_store(db, annotator, {"seed": text})
    assert HOSTILE not in text
    with LiveServer(db) as server:
        body = page.request.get(
            f"{server.url}/api/events", params={"type": "REQUEST", "recipient": "Russia"}
        ).json()
        requests = [e for e in body["items"] if e["doc_id"] == ids["seed"]]
        assert requests, "no request to Russia found in the seed post"
        # Prefer the request with a named actor; among those, the earliest in the text.
        chosen = min(requests, key=lambda e: (not e["actors"], text.find(e["sentence"])))
        page.goto(f"{server.url}/events/{chosen['id']}")
        evidence = page.locator("#evidence")
        assert "Russia" in evidence.locator("mark.hl-recipient").all_inner_texts()[0]
        screenshot(page, "seed-request-to-russia")
