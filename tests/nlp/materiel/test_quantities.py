"""Quantities before materiel, and the count entities tidied."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.nlp import Annotator
from newsgraph.nlp.materiel.quantities import number_value, quantity_before, quantity_words


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["14"], 14),
        (["1,200"], 1200),
        (["2.5", "million"], 2_500_000),
        (["twenty", "-", "five"], 25),
        (["two", "hundred", "and", "fifty"], 250),
        (["eight"], 8),
        (["three", "thousand"], 3000),
        (["several"], None),
        (["dozens"], None),
    ],
)
def test_number_value(words: list[str], value: float | None) -> None:
    assert number_value(words) == value


def test_quantity_words_table_loads() -> None:
    table = quantity_words()
    assert table.units["sets"] == "set"
    assert ("what", "are", "believed", "to", "be") in table.hedges
    assert ("dozens", "of") in table.vague
    assert table.measures["mw"] == "megawatt"


def _doc(annotator: Annotator, text: str) -> Doc:
    from newsgraph.nlp.extensions import prepare_doc

    return annotator.nlp(prepare_doc(annotator.nlp.make_doc(text), doc_id="t", published=None))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "item", "quantity", "count", "unit", "approximate", "hedge"),
    [
        ("Ruritania requested eight engines.", "engines", "eight", 8, None, False, None),
        (
            "They want 14 sets of what are believed to be Russian missiles.",
            "missiles",
            "14 sets of",
            14,
            "set",
            False,
            "what are believed to be",
        ),
        ("Freedonia sent dozens of drones.", "drones", "dozens of", None, None, True, None),
        (
            "It will restore several Russian aircraft.",
            "aircraft",
            "several",
            None,
            None,
            True,
            None,
        ),
        (
            "The army fired more than 300 missiles.",
            "missiles",
            "more than 300",
            300,
            None,
            True,
            None,
        ),
        ("An Il-76 plane landed in the capital.", "Il-76 plane", "An", 1, None, False, None),
        (
            "It bought two batteries of Patriot missiles.",
            "Patriot missiles",
            "two batteries of",
            2,
            "battery",
            False,
            None,
        ),
        (
            "It ordered several hundred interceptor missiles.",
            "interceptor missiles",
            "several hundred",
            None,
            None,
            True,
            None,
        ),
        (
            "It asked for radars and possibly missiles.",
            "missiles",
            None,
            None,
            None,
            False,
            "possibly",
        ),
        ("The missiles were moved.", "missiles", None, None, None, False, None),
    ],
)
def test_quantity_before(
    annotator: Annotator,
    text: str,
    item: str,
    quantity: str | None,
    count: float | None,
    unit: str | None,
    approximate: bool,
    hedge: str | None,
) -> None:
    doc = _doc(annotator, text)
    (mention,) = [m for m in doc._.ng_materiel if doc[m.start : m.end].text == item]
    found, hedged = quantity_before(doc, mention.start, floor=0)
    if quantity is None:
        assert found is None
    else:
        assert found is not None
        assert doc[found.start : found.end].text == quantity
        assert (found.count, found.unit, found.approximate) == (count, unit, approximate)
    assert (doc[hedged.start : hedged.end].text if hedged else None) == hedge


@pytest.mark.model
def test_count_entities_are_trimmed_to_the_number(annotator: Annotator) -> None:
    doc = _doc(annotator, "Officials said more than 300 soldiers and about 20 tanks crossed.")
    numbers = [e.text for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY")]
    assert "300" in numbers and "more than 300" not in numbers
    assert "20" in numbers and "about 20" not in numbers


@pytest.mark.model
def test_phone_numbers_are_not_quantities(annotator: Annotator) -> None:
    doc = _doc(annotator, "For details call the press office at 910-432-3383 today.")
    assert not [e for e in doc.ents if e.label_ == "CARDINAL" and "432" in e.text]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Reporters may call the duty office on 703-555-0199.", "703"),
        ("The village lies at 34.512; 43.208 on the map.", "43.208"),
        ("The envoy toured the region from 12-14 March 2021.", "12"),
        ("One of the soldiers was wounded.", "One"),
        ("Security is our number one concern.", "one"),
        ("Our two governments signed the accord.", "two"),
    ],
)
def test_numbers_that_are_not_counts_are_dropped(
    annotator: Annotator, text: str, number: str
) -> None:
    doc = _doc(annotator, text)
    numbers = [e.text for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY")]
    assert number not in numbers


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The rebels fired 40 rockets at the base.", "40"),
        ("Only one missile reached the port.", "one"),
        ("The army lost 12 tanks in 3 days.", "12"),
    ],
)
def test_counts_are_kept(annotator: Annotator, text: str, number: str) -> None:
    doc = _doc(annotator, text)
    numbers = [e.text for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY")]
    assert number in numbers


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("The dam feeds an 84 MW power station.", "84 MW"),
        ("The gates pass 7,000 m3/s of water.", "7,000 m3/s"),
        ("The missile flew 300 km before it fell.", "300 km"),
    ],
)
def test_a_count_takes_in_its_unit_of_measure(
    annotator: Annotator, text: str, quantity: str
) -> None:
    doc = _doc(annotator, text)
    assert quantity in [e.text for e in doc.ents if e.label_ == "QUANTITY"]
    assert not [e for e in doc.ents if e.label_ == "CARDINAL"]
