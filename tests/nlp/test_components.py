"""The spaCy components on small hand-written documents (needs the English model)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument
from newsgraph.nlp import COMPONENTS, Annotator
from newsgraph.nlp.extensions import prepare_doc

pytestmark = pytest.mark.model


def _annotate(
    annotator: Annotator, text: str, published: str | None = "2025-10-31"
) -> AnnotatedDocument:
    return annotator.annotate_one(parse_record({"text": text, "published": published}, origin="t"))


def test_pipeline_has_components_in_order(annotator: Annotator) -> None:
    names = annotator.nlp.pipe_names
    assert names.index("ner") < names.index("newsgraph_materiel")
    ours = [n for n in names if n.startswith("newsgraph_")]
    faster = {"newsgraph_attribute_rules", "newsgraph_lemmas"}  # in place of spaCy's two
    assert [c for c, _ in COMPONENTS] == [n for n in ours if n not in faster]


def test_factories_work_in_a_blank_pipeline() -> None:
    import newsgraph.nlp  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_materiel")
    doc = nlp("They bought S-400 systems and Shahed-136 drones.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("S-400 systems", "WEAPON", "air_defence"),
        ("Shahed-136 drones", "PLATFORM", "drone"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The air force received two Su-35S jets.", ("Su-35S jets", "PLATFORM")),
        ("An Il-76 landed in the capital.", ("Il-76", "PLATFORM")),
        ("They fired cruise missiles at the port.", ("cruise missiles", "WEAPON")),
        ("Patriot batteries were moved north.", ("Patriot batteries", "WEAPON")),
        ("Engineers repaired five radars.", ("radars", "EQUIPMENT")),
        ("Dozens of drones crossed the border.", ("drones", "PLATFORM")),
    ],
)
def test_materiel_entities(annotator: Annotator, text: str, expected: tuple[str, str]) -> None:
    result = _annotate(annotator, text)
    assert expected in [(e.text, e.label) for e in result.entities]


def test_ambiguous_name_needs_context(annotator: Annotator) -> None:
    result = _annotate(annotator, "He called himself a patriot. The Patriot missiles arrived.")
    found = [(e.text, e.label) for e in result.entities if e.label == "WEAPON"]
    assert found == [("Patriot missiles", "WEAPON")]


def test_times_resolved_against_publication_date(annotator: Annotator) -> None:
    result = _annotate(annotator, "The plane arrived on Sunday. Talks began this month.")
    values = {t.text: t.value for t in result.times}
    assert values["Sunday"] == "2025-10-26"
    assert values["this month"] == "2025-10"
    for time in result.times:
        assert result.document.text[time.start : time.end] == time.text


def test_future_tense_moves_weekday_forward(annotator: Annotator) -> None:
    result = _annotate(annotator, "The minister will travel to Rome on Sunday.")
    (sunday,) = [t for t in result.times if "Sunday" in t.text]
    assert sunday.value == "2025-11-02"


def test_times_without_publication_date(annotator: Annotator) -> None:
    result = _annotate(annotator, "Talks were held on Sunday and in 2023.", published=None)
    by_text = {t.text: t for t in result.times}
    assert by_text["Sunday"].type == "unresolved"
    assert by_text["2023"].value == "2023"


def test_event_with_actor_and_recipient(annotator: Annotator) -> None:
    result = _annotate(annotator, "Ruritania asked Freedonia to send engineers on Tuesday.")
    requests = [e for e in result.events if e.type == "REQUEST"]
    assert len(requests) == 1
    event = requests[0]
    assert [a.text for a in event.actors] == ["Ruritania"]
    assert [r.text for r in event.recipients] == ["Freedonia"]
    assert event.trigger.text == "asked"
    assert event.time is not None and event.time.value == "2025-10-28"
    assert event.time.source == "sentence"
    assert event.quad == 3 and event.score is not None


def test_passive_agent_is_the_actor(annotator: Annotator) -> None:
    result = _annotate(annotator, "The convoy was attacked by rebels near the town.")
    (attack,) = [e for e in result.events if e.type == "ASSAULT"]
    assert [a.text for a in attack.actors] == ["rebels"]
    assert [r.text for r in attack.recipients] == ["convoy"]


def test_negation_is_recorded(annotator: Annotator) -> None:
    result = _annotate(annotator, "Ruritania did not attack Freedonia.")
    (attack,) = [e for e in result.events if e.type == "ASSAULT"]
    assert attack.negated is True


def test_event_without_time_uses_publication_date(annotator: Annotator) -> None:
    result = _annotate(annotator, "Ruritania condemned the decision.")
    (event,) = result.events
    assert event.time is not None
    assert (event.time.source, event.time.value, event.time.start) == (
        "publication",
        "2025-10-31",
        None,
    )


def test_event_ids_are_stable(annotator: Annotator) -> None:
    text = "Ruritania asked Freedonia for help. Freedonia sent troops."
    first = [e.id for e in _annotate(annotator, text).events]
    second = [e.id for e in _annotate(annotator, text).events]
    assert first == second and len(set(first)) == len(first) >= 2


def test_every_span_points_into_the_text(annotator: Annotator) -> None:
    text = (
        "Officials said Ruritania deployed 300 troops and two Mi-8 helicopters to the border "
        "last week, while Freedonia's foreign minister threatened sanctions."
    )
    result = _annotate(annotator, text)
    data = result.to_dict()
    body = data["text"]
    for ent in data["entities"]:
        assert body[ent["start"] : ent["end"]] == ent["text"]
    for event in data["events"]:
        trigger = event["trigger"]
        assert body[trigger["start"] : trigger["end"]] == trigger["text"]
        for party in event["actors"] + event["recipients"]:
            assert body[party["start"] : party["end"]] == party["text"]
        assert 0 <= event["sentence"]["start"] < event["sentence"]["end"] <= len(body)


def test_prepare_doc_gives_fresh_lists(annotator: Annotator) -> None:
    a = prepare_doc(annotator.nlp.make_doc("x"), doc_id="a", published=date(2025, 1, 1))
    b = prepare_doc(annotator.nlp.make_doc("y"), doc_id="b", published=None)
    a._.ng_events.append("marker")
    assert b._.ng_events == []
