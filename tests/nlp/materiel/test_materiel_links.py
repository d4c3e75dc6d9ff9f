"""Materiel tied to events, with quantities and actions; event times from context."""

from __future__ import annotations

import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument, Event
from newsgraph.nlp import Annotator
from newsgraph.nlp.materiel.links import materiel_actions, materiel_item

pytestmark = pytest.mark.model


def _annotate(annotator: Annotator, text: str) -> AnnotatedDocument:
    record = {"text": text, "published": "2025-10-31"}
    return annotator.annotate_one(parse_record(record, origin="t"))


def _event(result: AnnotatedDocument, trigger: str) -> Event:
    (event,) = [e for e in result.events if e.trigger.text == trigger]
    return event


def test_action_table_loads() -> None:
    table = materiel_actions()
    assert table["deliver"].transfer == "supplier"
    assert table["buy"].action == "acquire" and table["buy"].transfer == "recipient"
    assert table["overhaul"].transfer == ""


def test_items_with_counts_units_and_actions(annotator: Annotator) -> None:
    result = _annotate(
        annotator, "Ruritania asked Freedonia to supply eight radars and 14 sets of missiles."
    )
    request = _event(result, "asked")
    items = {m.text: m for m in request.materiel}
    assert set(items) == {"radars", "missiles"}
    assert (items["radars"].count, items["radars"].unit, items["radars"].action) == (
        8,
        None,
        "supply",
    )
    assert (items["missiles"].count, items["missiles"].unit, items["missiles"].quantity) == (
        14,
        "set",
        "14 sets of",
    )
    for item in request.materiel:
        assert result.document.text[item.start : item.end] == item.text
    # The supply the request asks for is no event of its own (the request frame holds it).
    assert not [e for e in result.events if e.trigger.text == "supply"]


def test_vague_quantity_and_hedge(annotator: Annotator) -> None:
    result = _annotate(
        annotator,
        "Freedonia delivered dozens of drones and what are believed to be cruise missiles.",
    )
    items = {m.text: m for m in _event(result, "delivered").materiel}
    drones, missiles = items["drones"], items["cruise missiles"]
    assert (drones.count, drones.approximate, drones.quantity) == (None, True, "dozens of")
    assert missiles.hedge == "what are believed to be"
    assert drones.action == missiles.action == "deliver"


def test_items_of_another_clause_are_not_attached(annotator: Annotator) -> None:
    result = _annotate(
        annotator, "Ruritania condemned Freedonia after its drones hit a school in the north."
    )
    assert _event(result, "condemned").materiel == ()


def test_event_time_from_context(annotator: Annotator) -> None:
    result = _annotate(
        annotator,
        "On Sunday, Freedonia attacked the port. Ruritania condemned the attack.\n\n"
        "Ruritania also condemned the blockade.",
    )
    condemned = [e for e in result.events if e.trigger.text == "condemned"]
    first, second = condemned
    assert first.time is not None and (first.time.source, first.time.value) == (
        "context",
        "2025-10-26",
    )
    # A new paragraph does not inherit: the publication date stands in, marked as such.
    assert second.time is not None and second.time.source == "publication"


def test_event_time_is_the_one_that_modifies_the_trigger(annotator: Annotator) -> None:
    result = _annotate(
        annotator,
        "On Sunday, a plane sanctioned by Freedonia in 2023 landed in the capital.",
    )
    sanction = [e for e in result.events if e.type == "SANCTION"]
    assert sanction and sanction[0].time is not None
    assert (sanction[0].time.value, sanction[0].time.source) == ("2023", "sentence")


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        # the subject of a supplying word supplies; "to" and the dative receive
        ("Poland handed over 14 Leopard tanks to Ukraine on Friday.", "POL", "UKR"),
        ("Germany will send Ukraine four more IRIS-T systems.", "DEU", "UKR"),
        # the subject of an acquiring word receives; "from" supplies
        ("India bought 36 Rafale jets from France in 2016.", "FRA", "IND"),
        # a verb that completes another: the asked party supplies (object control) ...
        ("Belarus asked Russia to supply two S-400 battalions.", "RUS", None),
        # ... the one who agrees or refuses does (subject control)
        ("Germany has refused to send Taurus missiles to Ukraine.", "DEU", "UKR"),
        # a noun: its "to" object receives
        ("Israel warned against any transfer of air defence systems to Iran.", None, "IRN"),
    ],
)
def test_item_parties_from_the_governing_word(
    annotator: Annotator, text: str, supplier: str | None, recipient: str | None
) -> None:
    # the items of the sentence, whether or not an event carries them
    doc = annotator.nlp(text)
    items = [materiel_item(doc, mention) for mention in doc._.ng_materiel]
    assert items, "no materiel found"
    assert {(m.supplier_code, m.recipient_code) for m in items} == {(supplier, recipient)}


def test_item_parties_are_left_empty_when_the_text_names_none(annotator: Annotator) -> None:
    items = [
        m
        for e in _annotate(annotator, "The drones were delivered on Sunday.").events
        for m in e.materiel
    ]
    assert all(m.supplier is None and m.recipient is None for m in items)
