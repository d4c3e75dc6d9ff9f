"""The time tagger: spans tidied, ranges split, anaphora resolved against the last date named."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from newsgraph.ingest import parse_record
from newsgraph.model import TimeExpression
from newsgraph.nlp import Annotator
from newsgraph.nlp.extensions import prepare_doc

ANCHOR = date(2025, 10, 31)


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_times")
    return nlp


def _times(nlp: Language, text: str, marked: list[tuple[str, str]]) -> list[TimeExpression]:
    """Run the tagger with the NER's spans given by hand: (words, label) in text order."""
    doc = nlp.make_doc(text)
    spans, cursor = [], 0
    for words, label in marked:
        start = text.index(words, cursor)
        cursor = start + len(words)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, words
        spans.append(span)
    doc.ents = spans
    prepare_doc(doc, doc_id="t", published=ANCHOR)
    found: list[TimeExpression] = nlp.get_pipe("newsgraph_times")(doc)._.ng_times
    for time in found:
        assert text[time.start : time.end] == time.text
    return found


def test_time_of_day_joins_its_day(blank: Language) -> None:
    found = _times(
        blank, "Talks broke off at noon Thursday.", [("noon", "TIME"), ("Thursday", "DATE")]
    )
    assert [(t.text, t.value) for t in found] == [("noon Thursday", "2025-10-30T12:00")]


def test_two_dates_are_not_joined(blank: Language) -> None:
    found = _times(blank, "On Monday, Tuesday was calm.", [("Monday", "DATE"), ("Tuesday", "DATE")])
    assert [t.text for t in found] == ["Monday", "Tuesday"]


def test_deictic_word_joins_its_unit(blank: Language) -> None:
    found = _times(blank, "He ran in this year's election.", [("year", "DATE")])
    assert [(t.text, t.value) for t in found] == [("this year", "2025")]


def test_bare_numbers_are_not_dates(blank: Language) -> None:
    found = _times(blank, "Smith, 44, and Jones left in 1998.", [("44", "DATE"), ("1998", "DATE")])
    assert [t.text for t in found] == ["1998"]


def test_range_becomes_its_two_ends(blank: Language) -> None:
    found = _times(
        blank, "Shares were bought Aug. 26 to Oct. 20.", [("Aug. 26 to Oct. 20", "DATE")]
    )
    assert [(t.text, t.value, t.type) for t in found] == [
        ("Aug. 26", "2025-08-26", "range"),
        ("Oct. 20", "2025-10-20", "range"),
    ]
    assert {(t.start_date, t.end_date) for t in found} == {(date(2025, 8, 26), date(2025, 10, 20))}


def test_period_with_its_end_becomes_two_expressions(blank: Language) -> None:
    text = "Profit rose in the third quarter ended Sept. 30."
    found = _times(blank, text, [("the third quarter ended Sept. 30", "DATE")])
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "2025-Q3"),
        ("Sept. 30", "2025-09-30"),
    ]


def test_anaphora_resolved_against_the_last_date_named(blank: Language) -> None:
    text = "The plant opened in 2019. The following year it closed. A year earlier it had grown."
    found = _times(
        blank, text, [("2019", "DATE"), ("The following year", "DATE"), ("A year earlier", "DATE")]
    )
    assert [(t.value, t.type) for t in found] == [
        ("2019", "exact"),
        ("2020", "approximate"),
        # counted from 2019, the last date the text itself named, not from 2020
        ("2018", "approximate"),
    ]
    assert "2019" in found[1].reason


def test_anaphora_without_a_reference_stays_unresolved(blank: Language) -> None:
    found = _times(blank, "The day before, the army withdrew.", [("The day before", "DATE")])
    assert (found[0].type, found[0].value) == ("unresolved", None)


def test_clock_time_moves_to_the_day_named_before(blank: Language) -> None:
    text = "He was shot on Oct. 23. It happened at 10 p.m. near his house."
    found = _times(blank, text, [("Oct. 23", "DATE"), ("10 p.m.", "TIME")])
    assert found[1].value == "2025-10-23T22:00"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "words", "value"),
    [
        ("The minister will travel to Rome on Sunday.", "Sunday", "2025-11-02"),
        ("The minister travelled to Rome on Sunday.", "Sunday", "2025-10-26"),
        ("The vote is scheduled for Tuesday.", "Tuesday", "2025-11-04"),
        ("The hearing was postponed until Tuesday.", "Tuesday", "2025-11-04"),
        ("The company declared a dividend payable Dec. 7.", "Dec. 7", "2025-12-07"),
        ("The court ruled on Dec. 7.", "Dec. 7", "2025-12-07"),
        ("The court ruled on Sept. 7.", "Sept. 7", "2025-09-07"),
        ("Tuesday's ruling angered the opposition.", "Tuesday", "2025-10-28"),
        # a deadline set by a commitment or a demand lies ahead of it, whatever its tense
        ("Ruritania threatened more sanctions by December.", "December", "2025-12"),
        ("Freedonia promised to pay the debt by January.", "January", "2026-01"),
        ("Freedonia delivered the radars by December.", "December", "2024-12"),
    ],
)
def test_tense_decides_the_direction(
    annotator: Annotator, sentence: str, words: str, value: str
) -> None:
    document = parse_record({"text": sentence, "published": ANCHOR.isoformat()}, origin="t")
    result = annotator.annotate_one(document)
    assert {t.text: t.value for t in result.times}[words] == value
