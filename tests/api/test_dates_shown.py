"""Dates shown to people: the web pages, the feeds and the CLI word them (newsgraph.dates);
the API and the JSON keep the ISO/TimeML values. Over a hand-built store (no model)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import ApiConfig, create_app
from newsgraph.cli import app as cli
from newsgraph.model import AnnotatedDocument, EventTime
from newsgraph.store import Store
from tests.store.factory import D, E, build

TEXT = (
    "Ruritania asked Freedonia this winter to extend the treaty until the end of the next decade."
)
# Codes that must not reach a reader (the ISO day of the listing is allowed in the API only).
CODES = re.compile(r"2025-WI|>203<|\b203\b(?!0)|2036-08-31")


def _document() -> AnnotatedDocument:
    built = build(
        D(
            TEXT,
            "2025-12-10",
            [
                E(
                    "asked",
                    "REQUEST",
                    actors=(("Ruritania", "RUR"),),
                    recipients=(("Freedonia", "FRE"),),
                )
            ],
            tags=("#Ruritania",),
            id="dates-1",
        )
    )
    (event,) = built.events
    start = TEXT.index("this winter")
    act = EventTime(
        value="2025-WI",
        granularity="season",
        type="approximate",
        source="sentence",
        start_date=date(2025, 12, 1),
        end_date=date(2026, 2, 28),
        reason="test",
        text="this winter",
        start=start,
        end=start + len("this winter"),
    )
    start = TEXT.index("the end of the next decade")
    target = EventTime(
        value="203",
        granularity="decade",
        type="approximate",
        source="sentence",
        start_date=date(2036, 8, 31),
        end_date=date(2039, 12, 31),
        reason="test",
        text="the end of the next decade",
        start=start,
        end=start + len("the end of the next decade"),
    )
    return replace(built, events=(replace(event, time=act, target_time=target),))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dates") / "dates.duckdb"
    with Store(path) as store:
        store.write_batch([_document()])
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=db))) as opened:
        yield opened


def test_dates_shown_in_the_web_listing(client: TestClient) -> None:
    page = client.get("/events").text
    assert "winter 2025/26" in page and "for 2030s" in page
    assert not CODES.search(page), CODES.search(page)


def test_dates_shown_on_the_event_page(client: TestClient) -> None:
    (event,) = _document().events
    page = client.get(f"/events/{event.id}").text
    assert "winter 2025/26" in page
    assert "refers to" in page and "late 2030s" in page
    assert "10 Dec 2025" in page  # the publication date
    assert not CODES.search(page), CODES.search(page)


def test_dates_api_keeps_the_values(client: TestClient) -> None:
    (item,) = client.get("/api/events").json()["items"]
    assert (item["time"], item["target_time"], item["target_date"]) == (
        "2025-WI",
        "203",
        "2036-08-31",
    )
    (event,) = _document().events
    record = client.get(f"/api/events/{event.id}").json()
    assert record["event"]["target_time"]["value"] == "203"


def test_dates_shown_in_the_feed(client: TestClient) -> None:
    feed = ET.fromstring(client.get("/feeds/tag/Ruritania.atom").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (entry,) = feed.findall("a:entry", ns)
    summary = entry.findtext("a:summary", namespaces=ns) or ""
    assert summary.startswith("winter 2025/26, for 2030s: ")
    assert "asked Freedonia this winter" in summary


def test_dates_shown_in_the_cli(db: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "winter 2025/26" in result.output and "2030s" in result.output
    assert "2025-WI" not in result.output
    as_json = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "json"])
    assert '"date": "2025-WI"' in as_json.output and '"target_date": "203"' in as_json.output
