"""The trained status model: shipped, loadable, deciding how far along an event is, and wired
into the claims component (``status="model"``, the default) with the rules as the other choice.

The sentences are written here; Sylvania and Ruritania are invented countries.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import EVENT_STATUSES
from newsgraph.nlp.claims.certainty import assess_token
from newsgraph.nlp.claims.status import (
    STATUS_MODEL_DIR,
    StatusModel,
    load_status_model,
    status_features,
)
from newsgraph.nlp.claims.tagger import ClaimsTagger
from newsgraph.nlp.pipeline import Annotator


@pytest.fixture(scope="module")
def model_annotator() -> Annotator:
    return Annotator(coder="model")


def _events(annotator: Annotator, text: str) -> list[tuple[str, str, str | None]]:
    document = parse_record({"text": text, "published": "2025-03-14"}, origin="mem:status")
    return [(e.type, e.trigger.text, e.status) for e in annotator.annotate_one(document).events]


def test_shipped_model_loads_with_the_protocol_statuses() -> None:
    model = load_status_model()
    assert model is not None
    assert set(model.classes) <= set(EVENT_STATUSES)
    assert {"done", "requested", "refused", "planned", "promised", "offered", "agreed"} <= set(
        model.classes
    )
    assert model.weights.shape == (len(model.vocabulary), len(model.classes))
    # measured on articles it never saw (training/status.py), and better than the rules there
    test = model.meta["test"]
    assert test["events"] >= 300
    assert 0.0 <= test["accuracy"] <= 1.0


def test_no_saved_model_means_none(tmp_path: Path) -> None:
    assert load_status_model(tmp_path) is None


def test_probabilities_sum_to_one_and_unknown_features_leave_the_prior() -> None:
    model = load_status_model()
    assert model is not None
    p = model.probabilities(["bias", "type=AID", "rule=done", "lemma=deliver"])
    assert p.shape == (len(model.classes),)
    assert np.isclose(p.sum(), 1.0)
    unknown = model.probabilities(["never-seen-feature"])
    assert np.allclose(unknown, model.probabilities([]))


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    weights = np.array([[2.0, -1.0], [-1.0, 2.0]], dtype=np.float32)
    model = StatusModel(
        ("done", "planned"), {"a": 0, "b": 1}, weights, np.zeros(2, np.float32), {"C": 1.0}
    )
    model.save(tmp_path)
    loaded = load_status_model(tmp_path)
    assert loaded is not None
    assert loaded.classes == ("done", "planned")
    assert loaded.decide(["a"]) == "done"
    assert loaded.decide(["b"]) == "planned"


def test_features_read_the_governing_verb(annotator: Annotator) -> None:
    doc = annotator.nlp("Sylvania plans to deliver forty drones to Ruritania.")
    deliver = next(t for t in doc if t.lower_ == "deliver")
    assessment = assess_token(deliver)
    features = status_features(
        deliver, event_type="AID", rule_status=assessment.status, negated=assessment.negated
    )
    assert "h1=plan" in features
    assert "lemma=deliver" in features
    assert f"rule={assessment.status}" in features
    assert "type=AID" in features


@pytest.mark.parametrize(
    ("text", "trigger", "allowed"),
    [
        ("Sylvania delivered forty drones to Ruritania on Monday.", "delivered", {"done"}),
        ("Ruritania asked Sylvania to supply air defence radars.", "asked", {"requested"}),
        ("Sylvania refused to send tanks to Ruritania.", "refused", {"refused"}),
        ("Sylvania offered to sell patrol boats to Ruritania.", "offered", {"offered"}),
        ("Sylvania promised to send artillery shells to Ruritania.", "promised", {"promised"}),
        ("Sylvania denied that it had sent weapons to the rebels.", "denied", {"denied"}),
        ("Sylvania plans to deliver forty drones to Ruritania next year.", "plans", {"planned"}),
    ],
)
def test_model_statuses_on_written_sentences(
    model_annotator: Annotator, text: str, trigger: str, allowed: set[str]
) -> None:
    found = [status for _, word, status in _events(model_annotator, text) if word == trigger]
    if not found:
        # whether there is an event is the coder's business (tests/nlp/events); a plan that is
        # no public commitment is not coded (NEWS_EVENTS.md)
        pytest.skip(f"the coder makes no event of {trigger!r}")
    assert set(found) <= allowed


def test_a_headline_infinitive_is_not_done(model_annotator: Annotator) -> None:
    model = load_status_model()
    assert model is not None
    doc = model_annotator.nlp("Sylvania to send Ruritania four more radars before winter")
    send = next(t for t in doc if t.lower_ == "send")
    features = status_features(send, event_type="AID", rule_status="done", negated=False)
    if not {"child:aux=to", "dep=ROOT", "tag=VB"} <= set(features):
        pytest.skip("the parser does not read this headline as a bare infinitive")
    assert model.decide(features) not in ("done", "under_way")
    # the same verb in a finite past clause may be done
    doc = model_annotator.nlp("Sylvania sent Ruritania four more radars last week.")
    sent = next(t for t in doc if t.lower_ == "sent")
    assert (
        model.decide(status_features(sent, event_type="AID", rule_status="done", negated=False))
        == "done"
    )


def test_a_possible_act_stays_hypothetical() -> None:
    model = load_status_model()
    assert model is not None
    base = ["bias", "type=AID", "lemma=send", "tag=VB"]
    assert model.decide([*base, "rule=hypothetical", "child:aux=may"]) == "hypothetical"
    assert model.decide([*base, "rule=hypothetical", "child:mark=if"]) == "hypothetical"
    # the rules' reading alone does not decide: the model has no such class
    assert model.decide([*base, "rule=hypothetical"]) in model.classes


def test_rules_decide_when_asked(annotator: Annotator) -> None:
    tagger = annotator.nlp.get_pipe("newsgraph_claims")
    assert isinstance(tagger, ClaimsTagger)
    # the component tests' annotator keeps the default: the trained model
    assert tagger.status_model is not None
    rules = ClaimsTagger(annotator.nlp, status="rules")
    assert rules.status_model is None
    with pytest.raises(ValueError, match="status must be one of"):
        ClaimsTagger(annotator.nlp, status="guess")


def test_shipped_files_are_small() -> None:
    size = sum(p.stat().st_size for p in STATUS_MODEL_DIR.iterdir())
    assert size < 2_000_000
