"""Attributions: source, cue and content of reported statements; quotation ranges."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.nlp import Annotator, find_attributions
from newsgraph.nlp.claims.attribution import ACCORDING_TO, quotations


def _quoted(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [text[a:b] for a, b in quotations(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We will win." Then he left.', ['"We will win."']),
        ("“We will win,” he said, “and soon.”", ["“We will win,”", "“and soon.”"]),
        # Texts mix straight and curly quotes: one family.
        ('"I prefer Kovac,” she said.', ['"I prefer Kovac,”']),
        ("''We will win,'' he said.", ["''We will win,''"]),
        ("«Nous gagnerons», a-t-il dit.", ["«Nous gagnerons»"]),
        # An open quotation closes at the end of its line.
        ('She said: "We will\nwin.', ['"We will']),
        ("Nothing quoted here.", []),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


Triple = tuple[str | None, str, str]


def _found(annotator: Annotator, text: str) -> list[Triple]:
    doc = annotator.nlp(text)
    return [
        (
            a.attribution.source.text if a.attribution.source else None,
            a.attribution.cue.text,
            a.attribution.content.text,
        )
        for a in find_attributions(doc)
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said that the border would reopen.",
            ("The minister", "said", "that the border would reopen"),
        ),
        (
            "The border will reopen on Monday, according to the ministry.",
            ("the ministry", "according to", "The border will reopen on Monday"),
        ),
        (
            "According to internal documents, the army moved north.",
            ("internal documents", "According to", "the army moved north"),
        ),
        (
            '"We are ready to talk," the envoy told reporters.',
            ("the envoy", "told", '"We are ready to talk,"'),
        ),
        (
            '"We are ready to talk," said Anna Kovac, the envoy.',
            ("Anna Kovac", "said", '"We are ready to talk,"'),
        ),
        (
            "The bigger risk, he said, is a clash at sea.",
            ("he", "said", "The bigger risk, he said, is a clash at sea"),
        ),
        (
            "Officials believe the convoy crossed the border.",
            ("Officials", "believe", "the convoy crossed the border"),
        ),
        (
            "It was reported that the convoy crossed the border.",
            (None, "reported", "that the convoy crossed the border"),
        ),
        (
            "Documents obtained by the newspaper show that the deal was signed.",
            ("Documents", "show", "that the deal was signed"),
        ),
    ],
)
def test_find_attributions(annotator: Annotator, text: str, expected: Triple) -> None:
    source, cue, content = expected
    found = _found(annotator, text)
    assert (source, cue) in [(s, c) for s, c, _ in found]
    (match,) = [f for f in found if f[:2] == (source, cue)]
    # Content may or may not keep its final punctuation; it holds the reported words.
    assert match[2].rstrip(".") == content


@pytest.mark.model
def test_find_attributions_takes_the_speaker_after_the_verb(annotator: Annotator) -> None:
    found = _found(annotator, "“The talks failed,” added a senior diplomat. “Nobody came.”")
    assert [(s, c) for s, c, _ in found] == [("a senior diplomat", "added")]


@pytest.mark.model
def test_find_attributions_extends_content_to_the_quotation(annotator: Annotator) -> None:
    text = 'The envoy said: "We are ready. We will sign tomorrow."'
    (found,) = _found(annotator, text)
    assert found == ("The envoy", "said", '"We are ready. We will sign tomorrow."')


@pytest.mark.model
def test_find_attributions_leaves_cues_inside_quotations(annotator: Annotator) -> None:
    found = _found(annotator, '"I think the minister said no," Kovac told reporters.')
    assert [(s, c) for s, c, _ in found] == [("Kovac", "told")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The reported attack killed five people.",  # an adjective, not a statement
        "Documents obtained by the newspaper were burned.",  # no cue: a participle
        "The minister knows Rome well.",  # a cognition verb needs a clause
        "The delegation continued north.",  # "continue" reports only next to a quotation
    ],
)
def test_find_attributions_ignores_non_statements(annotator: Annotator, text: str) -> None:
    assert _found(annotator, text) == []


@pytest.mark.model
def test_find_attributions_headline_colon(annotator: Annotator) -> None:
    found = _found(annotator, "Anna Kovac: We will not give up the radars\n\nShe spoke late.")
    assert ("Anna Kovac", ":", "We will not give up the radars") in found


@pytest.mark.model
def test_attribution_component_fills_the_doc(annotator: Annotator) -> None:
    doc = annotator.nlp("The border will reopen, according to the ministry.")
    (attribution,) = doc._.ng_attributions
    assert (attribution.source.text, attribution.cue.text) == ("the ministry", "according to")
    assert ACCORDING_TO.in_chain
