"""The event-coder seam: the registry, entry points, and a coder of a test's own in the pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import EntryPoint, EntryPoints

import catalogue
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import load_settings
from newsgraph.errors import ConfigError
from newsgraph.ingest import parse_record
from newsgraph.model import Event, EventActor
from newsgraph.nlp import Annotator, load_nlp
from newsgraph.nlp.events import EventCoder, coders
from newsgraph.nlp.events.records import event_record
from newsgraph.nlp.events.rules import RuleCoder


class FirstVerbCoder:
    """Codes the first verb of each sentence as a consultation (CAMEO 040), nothing else."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def code(self, doc: Doc) -> list[Event]:
        events = []
        for sent in doc.sents:
            verb = next((t for t in sent if t.pos_ == "VERB"), None)
            if verb is None:
                continue
            # the actor tagger's resolved mentions: the first before the verb acts
            mentions: list[EventActor] = doc._.ng_actors or []
            actors = [m for m in mentions if sent.start_char <= m.start < verb.idx][:1]
            event = event_record(
                doc, sent, verb, code="040", actors=actors, recipients=(), extractor="first-verb"
            )
            assert event is not None
            events.append(event)
        return events


@pytest.fixture
def first_verb() -> Iterator[str]:
    coders.register("test-first-verb")(FirstVerbCoder)
    yield "test-first-verb"
    coders.registry.unregister("test-first-verb")


def test_coders_rules_is_registered() -> None:
    assert "rules" in coders.names()
    assert coders.get("rules") is RuleCoder


def test_coders_register_then_get(first_verb: str) -> None:
    assert coders.get(first_verb) is FirstVerbCoder
    assert first_verb in coders.names()
    coder: EventCoder = FirstVerbCoder(Language())
    assert hasattr(coder, "code")


def test_coders_unknown_name_lists_the_registered_ones() -> None:
    with pytest.raises(ConfigError) as caught:
        coders.get("no-such-coder")
    message = str(caught.value)
    assert "'no-such-coder'" in message
    assert "rules" in message
    assert "newsgraph_coders" in message


def test_coders_entry_point_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    group = coders.registry.entry_point_group
    assert group == "newsgraph_coders"
    points = EntryPoints(
        [EntryPoint(name="from-a-package", value=f"{__name__}:FirstVerbCoder", group=group)]
    )
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", points)
    assert coders.get("from-a-package") is FirstVerbCoder
    assert "from-a-package" in coders.names()


def test_coders_unknown_setting_fails_before_the_model_loads() -> None:
    with pytest.raises(ConfigError, match="no-such-coder"):
        load_nlp("no-such-model", coder="no-such-coder")


def test_coders_setting_from_environment() -> None:
    settings = load_settings(
        environ={"NEWSGRAPH_CODER": "mine", "NEWSGRAPH_CONFIG": "/nonexistent"}
    )
    assert settings.coder == "mine"
    assert load_settings(environ={"NEWSGRAPH_CONFIG": "/nonexistent"}).coder == "model"


@pytest.mark.model
def test_coders_pipeline_uses_the_registered_coder(first_verb: str) -> None:
    annotator = Annotator(coder=first_verb)
    assert annotator.nlp.get_pipe_config("newsgraph_events")["coder"] == first_verb
    text = "Germany met France on Tuesday.\n\nThe talks ended."
    record = {"text": text, "published": "2025-10-31"}
    result = annotator.annotate_one(parse_record(record, origin="t"))
    assert [e.trigger.text for e in result.events] == ["met", "ended"]
    assert {e.extractor for e in result.events} == {"first-verb"}
    assert {e.type for e in result.events} == {"CONSULT"}
    assert [a.actor.code for a in result.events[0].actors] == ["DEU"]
    # the component, not the coder, gives the time: the sentence's, else the publication date
    assert result.events[0].time is not None and result.events[0].time.source == "sentence"
    assert result.events[1].time is not None and result.events[1].time.source == "publication"
