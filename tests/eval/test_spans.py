"""Span matching and the mapping of gold offsets onto normalised text."""

from __future__ import annotations

import pytest

from newsgraph.eval.spans import (
    Mention,
    TextAlignment,
    count_exact,
    count_matches,
    overlaps,
    same_extent,
    same_words,
)
from newsgraph.model import normalise_text


def test_overlap_needs_a_shared_character() -> None:
    assert overlaps(Mention.of(0, 5), Mention.of(4, 9))
    assert not overlaps(Mention.of(0, 5), Mention.of(5, 9))
    # Discontinuous: the gap does not count.
    assert not overlaps(Mention(((0, 3), (10, 12))), Mention.of(4, 9))
    assert overlaps(Mention(((0, 3), (10, 12))), Mention.of(11, 20))


def test_same_extent_compares_fragments() -> None:
    assert same_extent(Mention.of(2, 4, label="A"), Mention.of(2, 4, label="B"))
    assert not same_extent(Mention(((0, 3), (5, 8))), Mention.of(0, 8))


def test_count_exact_needs_label_and_counts_duplicates_once_each() -> None:
    gold = [
        Mention.of(0, 4, label="PER"),
        Mention.of(6, 9, label="LOC"),
        Mention.of(6, 9, label="LOC"),
    ]
    predicted = [Mention.of(0, 4, label="ORG"), Mention.of(6, 9, label="LOC")]
    assert count_exact(gold, predicted) == 1


def test_count_matches_nested_gold_one_prediction_matches_one() -> None:
    # Gold "Hamlet" (0-6) nested in "Hamlet Village" (0-14); one prediction overlaps both.
    gold = [Mention.of(0, 6), Mention.of(0, 14)]
    assert count_matches(gold, [Mention.of(0, 14)], related=overlaps) == 1
    assert count_matches(gold, [Mention.of(0, 14), Mention.of(0, 6)], related=overlaps) == 2


def test_count_matches_finds_the_maximum_not_the_greedy_matching() -> None:
    # Greedy would give gold 0 the wide prediction and leave gold 1 unmatched.
    gold = [Mention.of(0, 10), Mention.of(20, 25)]
    predicted = [Mention.of(5, 22), Mention.of(0, 3)]
    assert count_matches(gold, predicted, related=overlaps) == 2


@pytest.mark.parametrize(
    "original",
    [
        "plain text, nothing to change",
        "\n\n  Title line  \r\n\r\nBody\u00a0text with trailing   \nspaces.\n\n",
        "Cafe\u0301 au lait\u200b and na\u0308ive \r old Mac line end",
        "tabs\t\t\nzero\ufeffwidth and soft\xadhyphen\n \n \nend",
        "mojibake na\xc3 \u0304ve \u0308 \xa0\u0301 end",
    ],
)
def test_alignment_maps_every_word_onto_normalised_text(original: str) -> None:
    target = normalise_text(original)
    alignment = TextAlignment(original, target)
    assert alignment.ok
    position = 0
    for word in original.split():
        start = original.index(word, position)
        position = start + len(word)
        mapped = alignment.span(start, position)
        assert mapped is not None
        assert same_words(word, target[mapped[0] : mapped[1]])


def test_alignment_of_a_span_that_vanishes_is_none() -> None:
    original = "Word   \nnext"
    alignment = TextAlignment(original, normalise_text(original))
    assert alignment.span(4, 7) is None  # only the trailing spaces, which are dropped
    assert alignment.span(8, 12) == (5, 9)


def test_alignment_refuses_a_text_it_cannot_reproduce() -> None:
    alignment = TextAlignment("one text", "another text")
    assert not alignment.ok
    assert alignment.span(0, 3) is None
    assert alignment.mention(Mention.of(0, 3)) is None


def test_alignment_maps_mentions_fragment_by_fragment() -> None:
    original = "\n\nAnn said  \n\nthat"
    alignment = TextAlignment(original, normalise_text(original))
    mapped = alignment.mention(Mention(((2, 5), (14, 18)), "Cue"))
    assert mapped == Mention(((0, 3), (10, 14)), "Cue")


def test_alignment_with_blank_lines_only_at_the_ends_shifts_offsets() -> None:
    original = "\n\nAnn sang.\nBo hummed.\n\n\n"
    target = normalise_text(original)
    alignment = TextAlignment(original, target)
    assert alignment.span(2, 5) == (0, 3)
    assert alignment.span(12, 21) == (10, 19)
    assert target[10:19] == "Bo hummed"
    assert alignment.span(0, 2) is None  # only the leading blank lines
    assert alignment.span(21, 25) == (19, 20)  # the full stop survives, the newlines do not
