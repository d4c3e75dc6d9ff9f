"""The seed post of ../shared/examples end to end (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from newsgraph.ingest import read_paths
from newsgraph.model import Document, Event, Span
from newsgraph.nlp import Annotator
from newsgraph.nlp.claims import claims_of, refine_event

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


# The claims layer on every item of PRODUCT.md's seed example (status, certainty, attribution
# chain). Each item is a word of the post and its occurrence; the expectations are checked on
# an event made at that word (whatever the event coder finds) and on every event the pipeline
# itself made there.
WP = "The Washington Post"
INTERNAL = [WP, "internal US government documents"]
DOCUMENTS = [WP, "documents"]
SEED_CLAIMS = [
    # word, occurrence, status, certainty, chain
    ("requesting", 0, "done", "asserted", [WP]),  # the sub-headline: WP's own words
    ("supply", 0, "requested", "asserted", [WP]),
    ("buildup", 0, "under_way", "reported", INTERNAL),
    ("reaching", 0, "under_way", "reported", INTERNAL),
    ("requesting", 1, "under_way", "reported", INTERNAL),
    ("requests", 0, "done", "reported", DOCUMENTS),
    ("delivered", 0, "planned", "reported", DOCUMENTS),  # "was to be delivered"
    ("visit", 0, "planned", "reported", DOCUMENTS),  # "during a visit ... this month"
    ("asked", 0, "done", "reported", DOCUMENTS),
    ("help", 1, "requested", "reported", DOCUMENTS),
    ("requested", 0, "done", "reported", DOCUMENTS),
    ("requesting", 2, "done", "reported", DOCUMENTS),  # the letter to Xi Jinping
    ("cooperation", 0, "requested", "reported", DOCUMENTS),
    ("delivery", 0, "done", "reported", DOCUMENTS),  # from Iran
    ("visit", 1, "planned", "reported", DOCUMENTS),  # "planning a visit to that country"
    ("alleged", 0, "done", "alleged", [WP, "US documents"]),
    ("responded", 0, "done", "uncertain", [WP, "US documents"]),  # "it is unclear ... how"
    ("arrived", 0, "done", "reported", [WP]),  # "the publication notes": WP itself
    ("sanctioned", 0, "done", "reported", [WP]),
    ("stated", 0, "done", "reported", [WP]),
    ("respects", 0, "done", "reported", [WP, "Dmitry Peskov"]),
    ("blow", 0, "hypothetical", "uncertain", [WP]),  # "would be a serious blow"
]


@pytest.fixture(scope="module")
def seed_doc(annotator: Annotator) -> Doc:
    path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_post.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    (document,) = read_paths([path])
    assert isinstance(document, Document)
    ((_, doc),) = annotator.parse([document])
    return doc


def _occurrence(text: str, word: str, nth: int) -> int:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    return starts[nth]


@pytest.mark.parametrize(("word", "nth", "status", "certainty", "chain"), SEED_CLAIMS)
def test_seed_claims(
    seed_doc: Doc, word: str, nth: int, status: str, certainty: str, chain: list[str]
) -> None:
    start = _occurrence(seed_doc.text, word, nth)
    sent = seed_doc.char_span(start, start + len(word))[0].sent
    event = Event(
        id=word,
        type="AID",
        trigger=Span(start, start + len(word), word),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )
    outlet = seed_doc._.ng_outlet
    refined = refine_event(seed_doc, event, claims_of(seed_doc, outlet=outlet), outlet=outlet)
    assert (refined.status, refined.certainty) == (status, certainty)
    assert [link.name for link in refined.attribution] == chain


def test_seed_pipeline_events_carry_the_claims(seed: dict[str, Any]) -> None:
    expected = {
        _occurrence(seed["text"], word, nth): (status, certainty, chain)
        for word, nth, status, certainty, chain in SEED_CLAIMS
    }
    checked = 0
    for event in seed["events"]:
        want = expected.get(event["trigger"]["start"])
        if want is None:
            continue
        names = [link["name"] for link in event["attribution"]]
        assert (event["status"], event["certainty"], names) == want, event["trigger"]
        checked += 1
    assert checked >= 5  # the event coder finds most of these items


def test_seed_attributions(seed: dict[str, Any]) -> None:
    text = seed["text"]
    found = {
        (a["source"]["text"] if a["source"] else None, a["cue"]["text"])
        for a in seed["attributions"]
    }
    assert ("internal US government documents", "according to") in found
    assert ("The documents", "state") in found
    assert ("the US documents", "state") in found
    assert ("Kremlin spokesman Dmitry Peskov", "stated") in found
    assert ("WP", "according to") in found
    for attribution in seed["attributions"]:
        for part in ("source", "cue"):
            span = attribution[part]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
