"""The newsgraph_actors component on hand-written documents (needs the English model)."""

from __future__ import annotations

import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument
from newsgraph.nlp import Annotator
from newsgraph.nlp.actors.mentions import actor_for

pytestmark = pytest.mark.model

TEXT = (
    "Venezuelan President Nicolás Maduro asked the Russians to strengthen his country's air "
    "defence. American troops arrived in Caracas on Sunday. Kremlin spokesman Dmitry Peskov "
    "said Moscow respects Venezuela's sovereignty, and a senior aide flew to Iran to visit "
    "that country's leaders. Maduro also wrote to Beijing."
)


def _annotate(annotator: Annotator, text: str, published: str = "2025-10-31") -> AnnotatedDocument:
    return annotator.annotate_one(parse_record({"text": text, "published": published}, origin="t"))


@pytest.fixture(scope="module")
def result(annotator: Annotator) -> AnnotatedDocument:
    return _annotate(annotator, TEXT)


def _entity(result: AnnotatedDocument, text: str) -> tuple[str | None, str | None, str | None]:
    for entity in result.entities:
        if entity.text == text and entity.actor is not None:
            return entity.actor.code, entity.actor.sector, entity.actor.role
    raise AssertionError(f"{text!r} has no resolved actor: {result.entities}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicolás Maduro", ("VEN", "GOV", "President")),
        ("Russians", ("RUS", None, None)),
        ("Dmitry Peskov", ("RUS", "GOV", "Kremlin spokesman")),
        ("Kremlin", ("RUS", "GOV", None)),
        ("Moscow", ("RUS", "GOV", None)),
        ("Maduro", ("VEN", "GOV", "President")),
        ("Iran", ("IRN", None, None)),
    ],
)
def test_entities_carry_actors(
    result: AnnotatedDocument, text: str, expected: tuple[str | None, ...]
) -> None:
    assert _entity(result, text) == expected


def test_capital_as_place_keeps_no_government_sector(result: AnnotatedDocument) -> None:
    assert _entity(result, "Caracas") == ("VEN", None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his country", ("VEN", None, None)),  # the subject's country
        ("that country's leaders", ("IRN", "GOV", "Leader")),  # the country named last
        ("a senior aide", (None, "GOV", "Aide")),
    ],
)
def test_actor_mentions_the_ner_missed(
    result: AnnotatedDocument, text: str, expected: tuple[str | None, ...]
) -> None:
    assert _entity(result, text) == expected
    (entity,) = [e for e in result.entities if e.text == text]
    assert entity.label == "ACTOR"
    assert result.document.text[entity.start : entity.end] == text


def test_actor_for_finds_the_compound_of_a_head_word(annotator: Annotator) -> None:
    doc = annotator.nlp("American troops arrived in the Caribbean.")
    (troops,) = [t for t in doc if t.text == "troops"]
    found = actor_for(troops)
    assert found is not None
    assert (found.text, found.actor.code, found.actor.sector) == ("American troops", "USA", "MIL")


def test_unknown_actors_keep_their_text(annotator: Annotator) -> None:
    result = _annotate(annotator, "Ruritanian officials met Anna Kovac in Zenda.")
    assert all(e.actor is None or e.actor.code is None for e in result.entities)


def test_roles_follow_the_publication_date(annotator: Annotator) -> None:
    early = _annotate(annotator, "Vladimir Putin met the delegation.", published="2010-06-01")
    late = _annotate(annotator, "Vladimir Putin met the delegation.", published="2025-06-01")
    assert _entity(early, "Vladimir Putin")[2] == "Prime Minister"
    assert _entity(late, "Vladimir Putin")[2] == "President"


def test_component_runs_without_a_parse(selective_annotator: Annotator) -> None:
    nlp = selective_annotator.nlp
    with nlp.select_pipes(disable=["newsgraph_parser", "newsgraph_events"]):
        doc = nlp("Iranian police arrested protesters in Tehran.")
    assert any(m.actor.code == "IRN" for m in doc._.ng_actors)
