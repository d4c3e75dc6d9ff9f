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
