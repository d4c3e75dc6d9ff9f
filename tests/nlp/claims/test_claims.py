"""Events as claims: attribution chains, the certainty they imply, and the claims component.

Events here are made by hand on a parsed Doc (the event coder is not the point): a trigger word
and its sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from newsgraph.ingest import parse_record
from newsgraph.model import Event, Outlet, Span
from newsgraph.nlp import Annotator
from newsgraph.nlp.claims.sources import source_links
from newsgraph.nlp.claims.tagger import claims_of, refine_event

pytestmark = pytest.mark.model


def _parse(annotator: Annotator, text: str, outlet: str | None = "WP") -> Doc:
    document = parse_record({"text": text, "outlet": outlet}, origin="test")
    ((_, doc),) = annotator.parse([document])
    return doc


def _event(doc: Doc, word: str, *, nth: int = 0, negated: bool = False) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(word, start + 1)
    sent = doc.char_span(start, start + len(word), alignment_mode="expand")[0].sent
    return Event(
        id=word,
        type="AID",
        trigger=Span(start, start + len(word), word),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        negated=negated,
    )


def _refined(annotator: Annotator, text: str, word: str, **kwargs: Any) -> Event:
    outlet = kwargs.pop("outlet", "WP")
    doc = _parse(annotator, text, outlet)
    known: Outlet | None = doc._.ng_outlet
    return refine_event(
        doc, _event(doc, word, **kwargs), claims_of(doc, outlet=known), outlet=known
    )


def _chain(event: Event) -> list[tuple[str, str]]:
    return [(link.kind, link.name) for link in event.attribution]


def test_chain_runs_from_the_outlet_through_provenance(annotator: Annotator) -> None:
    text = "The president asked Freedonia for radars, according to documents obtained by Reuters."
    event = _refined(annotator, text, "asked")
    assert _chain(event) == [
        ("outlet", "The Washington Post"),
        ("outlet", "Reuters"),
        ("document", "documents"),
    ]
    assert (event.status, event.certainty) == ("done", "reported")


def test_chain_link_offsets_point_at_the_source(annotator: Annotator) -> None:
    text = "The convoy crossed the border, according to local officials."
    doc = _parse(annotator, text)
    event = refine_event(doc, _event(doc, "crossed"), claims_of(doc, outlet=doc._.ng_outlet))
    (link,) = event.attribution  # no outlet given to refine_event: the chain starts in the text
    assert (link.kind, text[link.start : link.end]) == ("anonymous", "local officials")


def test_chain_folds_mentions_of_the_outlet(annotator: Annotator) -> None:
    text = "The newspaper notes that the frigate arrived on Sunday."
    event = _refined(annotator, text, "arrived")
    assert _chain(event) == [("outlet", "The Washington Post")]
    assert event.certainty == "reported"


def test_chain_nests_speakers_outermost_first(annotator: Annotator) -> None:
    text = "Officials said the envoy claimed that the talks had failed."
    event = _refined(annotator, text, "failed")
    assert _chain(event) == [
        ("outlet", "The Washington Post"),
        ("anonymous", "Officials"),
        ("person", "envoy"),
    ]
    assert event.certainty == "alleged"


def test_sentence_borrows_its_paragraphs_source(annotator: Annotator) -> None:
    text = (
        "The army moved north. The convoy crossed the border, according to the documents.\n\n"
        "The army moved south."
    )
    north = _refined(annotator, text, "moved")
    south = _refined(annotator, text, "moved", nth=1)
    assert _chain(north) == [("outlet", "The Washington Post"), ("document", "documents")]
    assert north.certainty == "reported"
    assert _chain(south) == [("outlet", "The Washington Post")]
    assert south.certainty == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The president wants Freedonia to supply radars.", "supply"),  # a wish, not a claim
        ("The president wrote a letter requesting radars.", "requesting"),  # the letter is his act
    ],
)
def test_chain_skips_cues_that_are_not_claims(annotator: Annotator, text: str, word: str) -> None:
    event = _refined(annotator, text, word)
    assert _chain(event) == [("outlet", "The Washington Post")]
    assert event.certainty == "asserted"


def test_refine_event_fills_status_and_negation(annotator: Annotator) -> None:
    event = _refined(annotator, "Freedonia did not deliver the radars.", "deliver")
    assert (event.status, event.negated) == ("done", True)
    kept = _refined(annotator, "Freedonia delivered the radars.", "delivered", negated=True)
    assert kept.negated  # the coder's negation is kept


def test_refine_event_without_outlet(annotator: Annotator) -> None:
    event = _refined(annotator, "Freedonia delivered the radars.", "delivered", outlet=None)
    assert event.attribution == ()
    assert event.certainty == "asserted"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Anna Kovac arrived. Later she said the talks failed.", "she", ("person", "Anna Kovac")),
        ("Officials said the talks failed.", "Officials", ("anonymous", "Officials")),
        (
            "A senior official said the talks failed.",
            "A senior official",
            ("anonymous", "senior official"),
        ),
        ("The spokesman said the talks failed.", "The spokesman", ("person", "spokesman")),
        ("Reuters reported that the talks failed.", "Reuters", ("outlet", "Reuters")),
        ("The report says the talks failed.", "The report", ("document", "report")),
        ("The ministry said the talks failed.", "The ministry", ("organisation", "ministry")),
    ],
)
def test_source_links_kinds(
    annotator: Annotator, text: str, source: str, expected: tuple[str, str]
) -> None:
    doc = _parse(annotator, text, outlet=None)
    start = text.index(source)
    (link,) = source_links(doc, start, start + len(source), outlet=None)
    assert (link.kind, link.name) == expected
    assert (link.start, link.end) == (start, start + len(source))


def test_claims_component_refines_pipeline_events(annotator: Annotator) -> None:
    text = "Ruritania asked Freedonia to supply six radars, according to the documents."
    document = parse_record({"text": text, "outlet": "WP"}, origin="test")
    annotated = annotator.annotate_one(document)
    assert annotated.attributions
    for event in annotated.events:
        assert event.status is not None and event.certainty is not None
        assert event.attribution[0].name == "The Washington Post"
