"""The seed post of ../shared/examples end to end (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> dict[str, Any]:
    path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_post.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = result.stdout.splitlines()
    data: dict[str, Any] = json.loads(line)
    return data


def test_seed_metadata(seed: dict[str, Any]) -> None:
    assert seed["tags"] == ["Venezuela", "Russia/USA"]
    assert seed["outlet"] == "The Washington Post"
    assert seed["outlet_abbreviation"] == "WP"
    assert seed["headline"] == "Venezuela turned to Putin for help amid US threats"
    assert seed["published"] == "2025-10-31"
    assert seed["credit"] == "AFP"
    assert not seed["text"].rstrip().endswith("\na")


def test_seed_annotations_are_present_and_truthful(seed: dict[str, Any]) -> None:
    text = seed["text"]
    assert seed["entities"] and seed["times"] and seed["events"]
    for item in seed["entities"] + seed["times"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for event in seed["events"]:
        for span in [event["trigger"], *event["actors"], *event["recipients"]]:
            assert text[span["start"] : span["end"]] == span["text"]
        time = event["time"]
        if time and time["start"] is not None:
            assert text[time["start"] : time["end"]] == time["text"]


def test_seed_times(seed: dict[str, Any]) -> None:
    values = {t["text"]: t["value"] for t in seed["times"]}
    assert values["Sunday"] == "2025-10-26"
    assert values["Wednesday"] == "2025-10-29"
    assert values["this month"] == "2025-10"
    assert values["2023"] == "2023"


@pytest.mark.parametrize(
    ("name", "code", "sector", "role"),
    [
        ("Nicolás Maduro", "VEN", "GOV", "President"),
        ("Putin", "RUS", "GOV", "President"),
        ("Xi Jinping", "CHN", "GOV", "President"),
        ("Ramón Celestino Velásquez", "VEN", "GOV", "Transport Minister"),
        ("Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman"),
    ],
)
def test_seed_people_resolve_on_the_publication_date(
    seed: dict[str, Any], name: str, code: str, sector: str, role: str
) -> None:
    actors = [e["actor"] for e in seed["entities"] if e["text"] == name and e["actor"]]
    assert actors, f"{name} has no resolved actor"
    assert {(a["code"], a["sector"], a["role"]) for a in actors} == {(code, sector, role)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Russians", "RUS"),
        ("US", "USA"),
        ("Washington", "USA"),
        ("Caracas", "VEN"),
        ("Iran", "IRN"),
    ],
)
def test_seed_places_and_peoples_resolve(seed: dict[str, Any], text: str, code: str) -> None:
    codes = {e["actor"]["code"] for e in seed["entities"] if e["text"] == text and e["actor"]}
    assert codes == {code}


def test_seed_american_troops_are_us_military(seed: dict[str, Any]) -> None:
    found = [
        a
        for event in seed["events"]
        for a in event["actors"] + event["recipients"]
        if a["text"] == "American troops"
    ]
    assert found and {(a["code"], a["sector"]) for a in found} == {("USA", "MIL")}
