"""The trained coder (``coder = "model"``): its weights, its features, and the shipped model in
the pipeline. Texts are written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from newsgraph.ingest import parse_record
from newsgraph.nlp import Annotator
from newsgraph.nlp.events import coders
from newsgraph.nlp.events.features import candidate_tokens, token_features
from newsgraph.nlp.events.learned import EXTRACTOR, ModelCoder, default_cameo
from newsgraph.nlp.events.records import event_record
from newsgraph.nlp.events.weights import MODEL_DIR, NONE, EventModel, load_model

TEXT = (
    "Police in Cairo arrested forty protesters on Monday.\n"
    "The weather was mild and the markets were quiet.\n"
    "The foreign minister of Freedonia condemned the arrests and urged Egypt to free them.\n"
    "The new phone is offered in three colours."
)


def _document(text: str = TEXT) -> object:
    return parse_record({"id": "t", "text": text, "published": "2026-03-02"}, origin="test")


@pytest.fixture(scope="module")
def model_annotator() -> Annotator:
    return Annotator(coder="model")


def test_learned_model_is_registered() -> None:
    assert "model" in coders.names()
    assert coders.get("model") is ModelCoder


def test_learned_default_cameo_agrees_with_the_type() -> None:
    from newsgraph.nlp.events.codes import plover_of

    table = default_cameo()
    assert len(table) == 16
    for kind, code in table.items():
        found = plover_of(code)
        assert found is not None and found[0] == kind, (kind, code)


def _tiny_model(threshold: float = 0.5) -> EventModel:
    classes = (NONE, "ASSAULT")
    vocabulary = {"bias": 0, "lemma=attack": 1}
    weights = np.array([[2.0, -2.0], [-4.0, 4.0]], dtype=np.float32)
    return EventModel(
        classes=classes,
        vocabulary=vocabulary,
        weights=weights,
        vector_weights=np.zeros((96, 2), dtype=np.float32),
        bias=np.zeros(2, dtype=np.float32),
        temperature=1.0,
        threshold=threshold,
        meta={"note": "test"},
    )


def test_learned_scores_are_probabilities_from_the_features() -> None:
    model = _tiny_model()
    scores = model.scores([["bias", "lemma=attack"], ["bias"], ["unknown"]], np.zeros((3, 96)))
    assert scores.shape == (3, 2)
    assert np.allclose(scores.sum(axis=1), 1.0)
    assert scores[0, 1] > 0.8  # "attack" outweighs the bias
    assert scores[1, 1] < 0.05
    assert scores[2, 1] == pytest.approx(0.5)  # no known feature: the bias alone (zero)
    hotter = dataclasses.replace(model, temperature=2.0)
    assert hotter.scores([["bias", "lemma=attack"]], np.zeros((1, 96)))[0, 1] < scores[0, 1]


def test_learned_model_saves_and_loads(tmp_path: Path) -> None:
    model = _tiny_model(threshold=0.3)
    model.save(tmp_path)
    loaded = load_model(tmp_path)
    assert loaded.classes == model.classes
    assert loaded.vocabulary == model.vocabulary
    assert loaded.threshold == 0.3
    features = [["bias", "lemma=attack"]]
    assert np.allclose(
        loaded.scores(features, np.zeros((1, 96))),
        model.scores(features, np.zeros((1, 96))),
        atol=1e-3,
    )


def test_learned_shipped_model_is_calibrated_and_small() -> None:
    model = load_model()
    assert model.classes[0] == NONE and len(model.classes) == 17
    assert 0.05 <= model.threshold <= 0.95
    assert 0.5 <= model.temperature <= 3.0
    corpus = model.meta["corpus"]
    assert corpus["sentences"] >= 5000 and corpus["events"] >= 1500
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 60_000_000


def test_learned_features_see_the_rules_and_the_parse(annotator: Annotator) -> None:
    [(_, doc)] = list(annotator.parse([_document()]))
    sent = next(iter(doc.sents))
    arrested = next(t for t in sent if t.lower_ == "arrested")
    candidates = candidate_tokens(sent, [arrested.i])
    assert arrested in candidates
    features = token_features(
        arrested,
        rule_type="COERCE",
        rule_code="173",
        sentence_types=frozenset({"COERCE"}),
        sentence_index=0,
        coded=frozenset(),
    )
    assert {"lemma=arrest", "rule=COERCE", "rule.cameo=17", "sentence.rule=COERCE"} <= set(features)
    assert "subj=police" in features


def test_learned_coder_codes_acts_and_leaves_the_rest(model_annotator: Annotator) -> None:
    annotated = model_annotator.annotate_one(_document())  # type: ignore[arg-type]
    text = annotated.document.text
    by_sentence: dict[int, set[str]] = {}
    for event in annotated.events:
        assert event.extractor == EXTRACTOR
        assert 0.0 < event.confidence <= 1.0
        line = text[: event.trigger.start].count("\n")
        by_sentence.setdefault(line, set()).add(event.type)
    assert "COERCE" in by_sentence.get(0, set())
    assert 1 not in by_sentence  # weather and markets
    assert 3 not in by_sentence  # "offered" in a product description
    assert by_sentence.get(2, set()) & {"ACCUSE", "REQUEST"}


def test_learned_coder_is_deterministic_and_thresholded(model_annotator: Annotator) -> None:
    first = model_annotator.annotate_one(_document())  # type: ignore[arg-type]
    second = model_annotator.annotate_one(_document())  # type: ignore[arg-type]
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in second.events]
    threshold = load_model().threshold
    assert all(e.confidence >= threshold for e in first.events)
    strict = Annotator(coder="model", min_confidence=0.9)
    kept = strict.annotate_one(_document())  # type: ignore[arg-type]
    assert all(e.confidence >= 0.9 for e in kept.events)
    assert {e.id for e in kept.events} <= {e.id for e in first.events}


def test_learned_event_record_of_a_type_only_decision(annotator: Annotator) -> None:
    [(_, doc)] = list(annotator.parse([_document()]))
    sent = next(iter(doc.sents))
    arrested = next(t for t in sent if t.lower_ == "arrested")
    event = event_record(
        doc,
        sent,
        arrested,
        code=default_cameo()["COERCE"],
        actors=(),
        recipients=(),
        confidence=0.7,
        extractor=EXTRACTOR,
    )
    assert event is not None and event.type == "COERCE" and event.quad == 4
