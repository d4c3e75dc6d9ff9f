"""The materiel tagger and its lexicon."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import Annotator
from newsgraph.nlp.extensions import prepare_doc
from newsgraph.nlp.materiel.tagger import MATERIEL_LABELS, materiel_entries, plural


def test_lexicon_rows_are_complete() -> None:
    entries = materiel_entries()
    assert {e.kind for e in entries} == {
        "family",
        "name",
        "noun",
        "prefix",
        "hull",
        "place",
        "exclude",
    }
    for entry in entries:
        if entry.kind in ("place", "exclude"):
            continue
        assert entry.label in MATERIEL_LABELS, entry
        assert entry.category and entry.item, entry
        if entry.kind == "family":
            re.compile(entry.pattern)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("missile", "missiles"),
        ("torpedo", "torpedoes"),
        ("lorry", "lorries"),
        ("aircraft", "aircraft"),
        ("ammunition", "ammunition"),
        ("gunship", "gunships"),
    ],
)
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_materiel")
    return nlp


def _tagged(nlp: Language, text: str) -> Doc:
    return nlp(prepare_doc(nlp.make_doc(text), doc_id="t", published=None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "USS Hopper (DDG 70) sailed with FS Charles de Gaulle.",
            [
                ("USS Hopper", "PLATFORM"),
                ("DDG 70", "PLATFORM"),
                ("FS Charles de Gaulle", "PLATFORM"),
            ],
        ),
        (
            "They saw 20 anti-aircraft artillery systems.",
            [("anti-aircraft artillery systems", "WEAPON")],
        ),
        ("They came under anti-aircraft fire.", []),
        ("A think tank wrote about the economy.", []),
        ("The rebels used surface-to-air missiles.", [("surface-to-air missiles", "WEAPON")]),
        (
            "It ordered interceptor missiles and tank shells.",
            [("interceptor missiles", "WEAPON"), ("tank shells", "WEAPON")],
        ),
        ("An Il-76 plane landed.", [("Il-76 plane", "PLATFORM")]),
        ("Sukhoi said its profits rose.", []),
        ("The police found two weapons caches.", []),
        (
            "Later HMS Valiant (F 88) escorted RFS Admiral Orlov (D 21).",
            [
                ("HMS Valiant", "PLATFORM"),
                ("F 88", "PLATFORM"),
                ("RFS Admiral Orlov", "PLATFORM"),
                ("D 21", "PLATFORM"),
            ],
        ),
        (
            "Crews of USS Kestrel said that Kestrel would sail, not Admiral Kestrel.",
            [("USS Kestrel", "PLATFORM"), ("Kestrel", "PLATFORM")],
        ),
        ("Crews of HMS Ocean crossed the Indian Ocean.", [("HMS Ocean", "PLATFORM")]),
        ("Raids hit an IED factory and a counter-IED course.", []),
        ("They found IEDs.", [("IEDs", "WEAPON")]),
        (
            "The group used suicide vehicles and technical vehicles.",
            [("suicide vehicles", "WEAPON"), ("technical vehicles", "PLATFORM")],
        ),
        (
            "Tankers refuel fighters, bombers, and airlifters.",
            [("fighters", "PLATFORM"), ("bombers", "PLATFORM"), ("airlifters", "PLATFORM")],
        ),
        ("Tehran waits for Su-35 fighters.", [("Su-35 fighters", "PLATFORM")]),
        ("The fighters and bombers.", [("fighters", "PLATFORM"), ("bombers", "PLATFORM")]),
        (
            "A fighter crossed with weapons and drones.",
            [("weapons", "WEAPON"), ("drones", "PLATFORM")],
        ),
        (
            "Four F/A-18F Super Hornets and an E-7A Wedgetail left.",
            [("F/A-18F Super Hornets", "PLATFORM"), ("E-7A Wedgetail", "PLATFORM")],
        ),
        ("Two Tornado GR4 jets flew.", [("Tornado GR4 jets", "PLATFORM")]),
        ("A tornado hit the town.", []),
        (
            "Gunmen fired Scud missiles and M16 rifles from armoured cars.",
            [("Scud missiles", "WEAPON"), ("M16 rifles", "WEAPON"), ("armoured cars", "PLATFORM")],
        ),
        (
            "Inspectors found sarin and chlorine gas near military vehicles.",
            [("sarin", "WEAPON"), ("chlorine gas", "WEAPON"), ("military vehicles", "PLATFORM")],
        ),
        (
            "A spy plane and an AC-130 gunship.",
            [("spy plane", "PLATFORM"), ("AC-130 gunship", "PLATFORM")],
        ),
        (
            "Rebels fired TOW anti-tank missiles at Super Hornet fighter jets.",
            [("TOW anti-tank missiles", "WEAPON"), ("Super Hornet fighter jets", "PLATFORM")],
        ),
        ("A KC-30A refuelling aircraft.", [("KC-30A refuelling aircraft", "PLATFORM")]),
        ("The TOW report was late.", []),
    ],
)
def test_materiel_spans(blank: Language, text: str, expected: list[tuple[str, str]]) -> None:
    doc = _tagged(blank, text)
    found = [(e.text, e.label_) for e in doc.ents if e.label_ in MATERIEL_LABELS]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "words", "category", "item", "designation"),
    [
        (
            "It restored Sukhoi Su-30MK2 aircraft.",
            "Sukhoi Su-30MK2 aircraft",
            "combat_aircraft",
            "aircraft",
            "Su-30MK2",
        ),
        (
            "Patriot batteries arrived.",
            "Patriot batteries",
            "air_defence",
            "air defence system",
            "Patriot",
        ),
        ("It sent S-400s.", "S-400s", "air_defence", "air defence system", "S-400s"),
        (
            "It sent KC-135R Stratotanker support.",
            "KC-135R Stratotanker",
            "tanker_aircraft",
            "aircraft",
            "KC-135R",
        ),
        ("Eight engines were repaired.", "engines", "engine", "engine", None),
        ("F/A-18F jets left.", "F/A-18F jets", "combat_aircraft", "aircraft", "F/A-18F"),
        ("Troops moved artillery pieces.", "artillery pieces", "artillery", "artillery", None),
    ],
)
def test_mentions_say_what_they_are(
    blank: Language, text: str, words: str, category: str, item: str, designation: str | None
) -> None:
    doc = _tagged(blank, text)
    (mention,) = [m for m in doc._.ng_materiel if doc[m.start : m.end].text == words]
    assert (mention.category, mention.item, mention.designation) == (category, item, designation)


@pytest.mark.model
def test_capitalised_noun_in_a_name_is_left_to_the_ner(annotator: Annotator) -> None:
    doc = annotator.nlp("Soldiers of the 321st Field Artillery Regiment trained with mortars.")
    weapons = [e.text for e in doc.ents if e.label_ == "WEAPON"]
    assert weapons == ["mortars"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets bombed the town at dawn.", ["Jets"]),
        ("Warplanes struck the bridge.", ["Warplanes"]),
        ("Artillery Regiment soldiers arrived.", []),
    ],
)
def test_first_word_of_a_sentence_is_not_a_name_for_its_capital(
    annotator: Annotator, text: str, expected: list[str]
) -> None:
    doc = annotator.nlp(text)
    assert [e.text for e in doc.ents if e.label_ in MATERIEL_LABELS] == expected


@pytest.mark.model
def test_coordinated_modifiers_name_their_own_items(annotator: Annotator) -> None:
    doc = annotator.nlp(
        "Coalition forces conducted strikes using attack, bomber, fighter and remotely piloted "
        "aircraft against the targets."
    )
    platforms = [e.text for e in doc.ents if e.label_ == "PLATFORM"]
    assert platforms == ["attack", "bomber", "fighter", "remotely piloted aircraft"]


@pytest.mark.model
def test_title_case_headline_keeps_its_materiel(annotator: Annotator) -> None:
    doc = annotator.nlp("Ruritania Delivers Drones And Radars To Freedonia")
    assert [e.text for e in doc.ents if e.label_ in MATERIEL_LABELS] == ["Drones", "Radars"]


@pytest.mark.model
def test_serial_comma_list_of_modifiers_names_each_item(annotator: Annotator) -> None:
    doc = annotator.nlp("The squadron flew attack, fighter, and remotely piloted aircraft.")
    platforms = [e.text for e in doc.ents if e.label_ == "PLATFORM"]
    assert platforms == ["attack", "fighter", "remotely piloted aircraft"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck a drone assembly plant near the coast.", ["Jets"]),
        ("Jets struck a drone near the assembly plant.", ["Jets", "drone"]),
        ("Rebels burned a dump truck and two police vehicles.", ["dump truck", "vehicles"]),
    ],
)
def test_materiel_needs_tags_for_places_and_vehicle_kinds(
    annotator: Annotator, text: str, expected: list[str]
) -> None:
    doc = annotator.nlp(text)
    assert [e.text for e in doc.ents if e.label_ in MATERIEL_LABELS] == expected
