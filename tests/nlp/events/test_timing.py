"""Act time and target time of events (newsgraph.nlp.events.timing)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.ingest import parse_record, read_paths
from newsgraph.model import AnnotatedDocument, Document, Event
from newsgraph.nlp import Annotator

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 10, 31)
REPO = Path(__file__).resolve().parents[3]


def _event(annotator: Annotator, text: str, trigger: str) -> Event:
    record = {"text": text, "published": PUBLISHED.isoformat()}
    result: AnnotatedDocument = annotator.annotate_one(parse_record(record, origin="t"))
    (event,) = [e for e in result.events if e.trigger.text == trigger]
    return event


@pytest.mark.parametrize(
    ("text", "trigger", "act", "target"),
    [
        # asked now, for something next spring: the asking is dated by the dateline
        (
            "Ruritania has asked Freedonia to supply radars ahead of exercises planned for "
            "next spring.",
            "asked",
            ("2025-10-31", "publication"),
            "2026-SP",
        ),
        # the act dated by the text, the agreement running to the end of the next decade
        (
            "Ruritania and Freedonia agreed on Thursday to extend the treaty until the end of "
            "the next decade.",
            "agreed",
            ("2025-10-30", "sentence"),
            "203",
        ),
        # a deadline: "by 2030" is what the offer refers to, not when it was made
        (
            "Ruritania offered to deliver patrol boats to Freedonia by 2030.",
            "offered",
            ("2025-10-31", "publication"),
            "2030",
        ),
        # a deadline publication has passed dates a done act
        (
            "Freedonia delivered the radars to Ruritania by the end of 2023.",
            "delivered",
            ("2023", "sentence"),
            None,
        ),
        (
            "Ruritania sanctioned Freedonia last week.",
            "sanctioned",
            ("2025-W43", "sentence"),
            None,
        ),
        # a deadline a threat sets lies ahead of the threat
        (
            "Ruritania sanctioned Freedonia last week and threatened more sanctions by December.",
            "threatened",
            ("2025-W43", "sentence"),
            "2025-12",
        ),
    ],
)
def test_timing_act_and_target(
    annotator: Annotator, text: str, trigger: str, act: tuple[str, str], target: str | None
) -> None:
    event = _event(annotator, text, trigger)
    assert event.time is not None
    assert (event.time.value, event.time.source) == act
    assert (event.target_time.value if event.target_time else None) == target
    if event.target_time is not None:
        assert event.target_time.source == "sentence"
        assert event.target_time.text and event.target_time.text in text


def test_timing_scheduled_act_keeps_its_future_time(annotator: Annotator) -> None:
    event = _event(annotator, "The Ruritanian president will visit Freedonia next week.", "visit")
    assert event.time is not None and event.time.value == "2025-W45"
    assert "scheduled" in event.time.reason
    assert event.target_time is None


def test_timing_context_skips_a_target_time(annotator: Annotator) -> None:
    text = "Ruritania will hold exercises next spring. Freedonia condemned the plan."
    event = _event(annotator, text, "condemned")
    # "next spring" dates the exercises, not the condemnation
    assert event.time is not None and event.time.source == "publication"
    assert event.target_time is None


def test_timing_target_of_another_clause_is_not_taken(annotator: Annotator) -> None:
    text = "Ruritania sanctioned Freedonia last week, and Freedonia plans elections in 2027."
    event = _event(annotator, text, "sanctioned")
    assert event.time is not None and event.time.value == "2025-W43"
    assert event.target_time is None


def test_timing_bundled_posts_acts_never_after_publication(annotator: Annotator) -> None:
    """On the bundled posts, an act time after the publication date is a scheduled act."""
    documents = [d for d in read_paths([REPO / "examples" / "posts"]) if isinstance(d, Document)]
    assert len(documents) >= 10
    checked = 0
    for result in annotator.annotate(documents):
        published = result.document.published
        for event in result.events:
            if published is None or event.time is None or event.time.start_date is None:
                continue
            checked += 1
            if event.time.start_date > published:
                assert "scheduled" in event.time.reason, (event.trigger.text, event.time)
            target = event.target_time
            if target is not None:
                assert target.source == "sentence" and target.start_date is not None
    assert checked > 50
