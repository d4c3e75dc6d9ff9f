"""newsgraph.nlp.assess: status, certainty and negation of the event a span names."""

from __future__ import annotations

import pytest

from newsgraph.model import EVENT_CERTAINTIES, EVENT_STATUSES
from newsgraph.nlp import Annotator, Assessment, assess

pytestmark = pytest.mark.model


def test_assess_refuses_an_unparsed_sentence(selective_annotator: Annotator) -> None:
    doc = selective_annotator.nlp("The weather was mild.")
    with pytest.raises(ValueError, match="not parsed"):
        assess(doc[1:2])


def _assess(annotator: Annotator, sentence: str, word: str) -> Assessment:
    """Assess the word ``word`` (a whole word, first occurrence) of ``sentence``."""
    doc = annotator.nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return assess(doc[token.i : token.i + 1])


@pytest.mark.parametrize(
    ("sentence", "word", "status"),
    [
        ("The army shelled the bridge on Monday.", "shelled", "done"),
        ("The army has shelled the bridge.", "shelled", "done"),
        ("The army is shelling the bridge.", "shelling", "under_way"),
        ("The army will shell the bridge.", "shell", "planned"),
        ("The army would shell the bridge if provoked.", "shell", "hypothetical"),
        ("If the army shells the bridge, the town falls.", "shells", "hypothetical"),
        ("Ruritania asked Freedonia to supply six radars.", "supply", "requested"),
        ("Ruritania wants Freedonia to supply six radars.", "supply", "requested"),
        ("Ruritania wants to buy six radars.", "buy", "planned"),
        ("Freedonia promised to deliver the radars.", "deliver", "promised"),
        ("The radars were to be delivered in March.", "delivered", "planned"),
        ("The minister is planning a visit to Rome.", "visit", "planned"),
        ("They signed a contract to supply twelve jets.", "supply", "promised"),
        ("Freedonia called for talks with Ruritania.", "talks", "requested"),
        ("The general said the troops would withdraw.", "withdraw", "planned"),
        ("A coup would be a serious blow to the alliance.", "blow", "hypothetical"),
        ("The army refused to shell the bridge.", "shell", "refused"),
        ("The ministry denied that the army shelled the bridge.", "shelled", "denied"),
        ("The drones were deployed to protect the border.", "protect", "planned"),
        ("The frigate arrived in the port on Sunday.", "arrived", "done"),
        ("Freedonia coordinated the delivery of the drones.", "delivery", "done"),
        ("The delivery of the radars was postponed.", "delivery", "planned"),
        # A verb coordinated with a participle continues it, not the infinitive in between.
        (
            "The president is reaching out to Rome to renew ties and requesting loans.",
            "requesting",
            "under_way",
        ),
    ],
)
def test_assess_status(annotator: Annotator, sentence: str, word: str, status: str) -> None:
    assert _assess(annotator, sentence, word).status == status


@pytest.mark.parametrize(
    ("sentence", "word", "certainty"),
    [
        ("The army shelled the bridge.", "shelled", "asserted"),
        ("Officials said the army shelled the bridge.", "shelled", "reported"),
        ("The army reportedly shelled the bridge.", "shelled", "reported"),
        ("The army allegedly shelled the bridge.", "shelled", "alleged"),
        ("The alleged attack killed five people.", "attack", "alleged"),
        ("The rebels claimed that the army shelled the bridge.", "shelled", "alleged"),
        ("The army probably shelled the bridge.", "shelled", "believed"),
        ("The missiles are believed to be Freedonian.", "be", "believed"),
        ("The radars are expected to arrive next week.", "arrive", "believed"),
        ("The army possibly shelled the bridge.", "shelled", "uncertain"),
        ("The army may shell the bridge.", "shell", "uncertain"),
        ("The strike may have killed ten soldiers.", "killed", "uncertain"),
        ("It is unclear how the army responded.", "responded", "uncertain"),
        ("It is not clear whether the army responded.", "responded", "uncertain"),
    ],
)
def test_assess_certainty(annotator: Annotator, sentence: str, word: str, certainty: str) -> None:
    assert _assess(annotator, sentence, word).certainty == certainty


@pytest.mark.parametrize(
    ("sentence", "word", "negated"),
    [
        ("The army shelled the bridge.", "shelled", False),
        ("The army did not shell the bridge.", "shell", True),
        ("The army never shelled the bridge.", "shelled", True),
        ("The army failed to capture the bridge.", "capture", True),
        ("The army refused to shell the bridge.", "shell", True),
        ("They entered the port without asking permission.", "asking", True),
        ("The minister cancelled his visit to Rome.", "visit", True),
        # Negation of the governing verb does not negate the event it reports.
        ("The ministry did not say that the army shelled the bridge.", "shelled", False),
    ],
)
def test_assess_negation(annotator: Annotator, sentence: str, word: str, negated: bool) -> None:
    assert _assess(annotator, sentence, word).negated is negated


def test_assess_names_its_cues(annotator: Annotator) -> None:
    found = _assess(annotator, "The army allegedly shelled the bridge.", "shelled")
    assert [cue.text for cue in found.cues] == ["allegedly"]


def test_assess_values_are_in_the_model_vocabulary(annotator: Annotator) -> None:
    doc = annotator.nlp("Officials may have said that the radars were not to be delivered soon.")
    for token in doc:
        found = assess(doc[token.i : token.i + 1])
        assert found.status in EVENT_STATUSES
        assert found.certainty in EVENT_CERTAINTIES


@pytest.mark.parametrize(
    ("status", "future"),
    [("planned", True), ("requested", True), ("refused", True), ("done", False)],
)
def test_assessment_future(status: str, future: bool) -> None:
    assert Assessment(certainty="asserted", status=status, negated=False).future is future


@pytest.mark.parametrize(
    "sentence",
    [
        "A plan that would send troops to the border.",
        "The reports of a deal which could supply drones.",
    ],
)
def test_assess_walks_up_to_a_nominal_root(annotator: Annotator, sentence: str) -> None:
    # A clause under a noun that heads its sentence: the walk up the tree stops at the root.
    doc = annotator.nlp(sentence)
    verb = next(t for t in doc if t.lower_ in ("send", "supply"))
    assert assess(doc[verb.i : verb.i + 1]).status == "hypothetical"
