"""The event lexicon: the shipped data files load, agree with each other and code PLOVER."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events.codes import cameo_root, plover_of
from newsgraph.nlp.events.lexicon import FRAME_KINDS, lexicon
from newsgraph.resources import read_text


def test_lexicon_loads_the_dictionary_and_newsgraph_entries() -> None:
    lex = lexicon()
    assert len(lex.verbs) > 1500 and len(lex.patterns) > 300
    # newsgraph's own entry wins over the dictionary's ("prepare a letter" is no intent).
    assert lex.verb("prepare") is not None and lex.verb("prepare").code == ""  # type: ignore[union-attr]
    assert lex.verb("prepare").ours  # type: ignore[union-attr]
    assert lex.verb("call", "off") is not None


def test_every_code_in_the_data_makes_a_plover_event_or_is_a_statement() -> None:
    lex = lexicon()
    codes = {e.code for e in lex.verbs.values() if e.code}
    codes |= {p.code for found in lex.patterns.values() for p in found if p.code}
    codes |= {e.code for entries in lex.nouns.values() for e in entries if e.code}
    codes |= {f.code for f in lex.frames.values() if f.code}
    unmapped = sorted(c for c in codes if plover_of(c) is None and cameo_root(c) != 1)
    assert not unmapped, f"codes with no PLOVER type: {unmapped}"


def test_frames_use_known_kinds() -> None:
    assert {f.kind for f in lexicon().frames.values()} <= FRAME_KINDS


@pytest.mark.parametrize(
    ("lemma", "modifiers", "code"),
    [
        ("strike", {"hunger"}, "142"),
        ("strike", {"air"}, "195"),
        ("strike", {">against"}, "195"),
        ("strike", {"+carry"}, "195"),
        ("strike", {"general"}, "143"),
        ("release", {"press"}, ""),
        ("exercise", {"joint", "military"}, "062"),
    ],
)
def test_noun_entries_depend_on_what_goes_with_the_noun(
    lemma: str, modifiers: set[str], code: str
) -> None:
    entry = lexicon().noun(lemma, modifiers)
    assert entry is not None and entry.code == code


def test_patterns_are_ordered_most_specific_first() -> None:
    for found in lexicon().patterns.values():
        weights = [p.weight for p in found]
        assert weights == sorted(weights, reverse=True)


def test_own_patterns_outrank_the_dictionary() -> None:
    send = lexicon().patterns["send"]
    assert send[0].ours and not send[-1].ours


def test_synsets_and_labels_expand_in_patterns() -> None:
    ask = lexicon().patterns["ask"]
    heads = {word for p in ask for phrase in p.objects for word in (phrase[-1] if phrase else ())}
    assert "=WEAPON" in heads  # an entity label slot
    assert "missile" in heads or "missiles" in heads  # from the @weapon synonym set


@pytest.mark.parametrize(
    "name", ["cameo_verbs.tsv", "cameo_patterns.tsv", "cameo_synsets.tsv", "actor_heads.txt"]
)
def test_converted_data_keeps_the_mit_notice(name: str) -> None:
    text = read_text(name)
    assert "MIT" in text and "Open Event Data Alliance" in text


def test_pattern_index_finds_every_pattern_whose_needs_can_be_met() -> None:
    """The index may only skip patterns a plain scan would reject on their first need."""
    lex = lexicon()
    for block, patterns in list(lex.patterns.items())[:400]:
        index = lex.pattern_index[block]
        words = sorted({w for p in patterns for need in p.needs for w in need})
        for available in ({*words[:3]}, {*words[-2:], "of"}, set()):
            scan = [
                i
                for i, p in enumerate(patterns)
                if not p.needs or not p.needs[0].isdisjoint(available)
            ]
            assert index.candidates(available) == scan, block
    # The patterns come most specific first, which lets the coder stop at a lower weight.
    for patterns in lex.patterns.values():
        weights = [p.weight for p in patterns]
        assert weights == sorted(weights, reverse=True)
