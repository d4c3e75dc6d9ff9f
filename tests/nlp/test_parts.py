"""Long documents: parsed in parts, annotated whole, with the same result."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsgraph.ingest import parse_record
from newsgraph.nlp import Annotator
from newsgraph.nlp.parts import split_text
from tests.conftest import POST

PARAGRAPHS = [
    "Ruritanian President Anna Kovac asked Freedonia on Tuesday to supply six radars.",
    "Freedonian troops were deployed to the border last week, officials said.",
    "The foreign minister of Sylvania condemned the deployment in a statement on Friday.",
    "Latveria offered to mediate talks between the two governments in Geneva.",
]


@pytest.mark.parametrize("max_chars", [1, 7, 50, 200, 10_000])
def test_split_text_keeps_every_character_within_the_limit(max_chars: int) -> None:
    text = "\n\n".join(PARAGRAPHS * 3) + "\nlast line with words"
    parts = split_text(text, max_chars)
    assert "".join(parts) == text
    assert all(0 < len(part) <= max_chars for part in parts)


def test_split_text_cuts_between_paragraphs() -> None:
    text = "\n\n".join(PARAGRAPHS)
    parts = split_text(text, 180)
    assert parts[0] == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n\n"
    assert all(part.endswith("\n\n") for part in parts[:-1])


def test_split_text_rejects_a_zero_limit() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        split_text("text", 0)


def _agreement(first: Sequence[object], second: Sequence[object], *fields: str) -> float:
    """Shared annotations over all annotations (1.0: the same), by the given fields."""
    keys = [{tuple(getattr(item, f) for f in fields) for item in side} for side in (first, second)]
    union = keys[0] | keys[1]
    return len(keys[0] & keys[1]) / len(union) if union else 1.0


@pytest.mark.model
def test_long_document_in_parts_annotates_as_a_whole(annotator: Annotator) -> None:
    body = "\n\n".join([POST.split("\n", 4)[4], *PARAGRAPHS] * 3)
    document = parse_record({"text": body, "published": "2025-03-14"}, origin="long")
    whole = annotator.annotate_one(document)
    saved = annotator.max_part_chars
    try:
        annotator.max_part_chars = 400
        parted = annotator.annotate_one(document)
    finally:
        annotator.max_part_chars = saved
    assert whole.events, "the text should hold events"
    assert parted.document == whole.document
    # The model sees a few words across a paragraph break; at a cut it does not, so a label
    # next to a cut may differ. Cut every 400 characters (in use: every 100,000), nearly all
    # annotations still agree.
    assert _agreement(whole.entities, parted.entities, "start", "end", "label") >= 0.9
    assert _agreement(whole.times, parted.times, "start", "end", "value") >= 0.9
    assert _agreement(whole.events, parted.events, "id") >= 0.8


@pytest.mark.model
def test_document_over_the_model_length_limit_is_annotated(annotator: Annotator) -> None:
    body = "\n\n".join(PARAGRAPHS * 10)
    document = parse_record({"text": body}, origin="over")
    saved = annotator.nlp.max_length
    try:
        annotator.nlp.max_length = 1_000  # spaCy refuses a longer text in one piece
        annotated = annotator.annotate_one(document)
    finally:
        annotator.nlp.max_length = saved
    assert len(document.text) > 1_000
    assert annotated.document.text == document.text
    assert sum(e.label == "GPE" for e in annotated.entities) >= 10
    assert len(annotated.events) >= 10
