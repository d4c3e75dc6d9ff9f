"""The cue lexicons of the claims layer: loading, checks, and the certainty order."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from newsgraph.errors import ConfigError
from newsgraph.nlp.claims import cues


def test_lexicons_load_with_known_entries() -> None:
    (say,) = cues.reporting_verbs()["say"]
    assert (say.kind, say.certainty, say.in_chain) == ("speech", "reported", True)
    assert not cues.reporting_verbs()["want"][0].in_chain
    call = [entry.particle for entry in cues.reporting_verbs()["call"]]
    assert call[-1] == ""  # "call for" and "call on" come before plain "call"
    refuse = cues.modality_cues()[("refuse", "infinitive")]
    assert (refuse.status, refuse.negates) == ("refused", True)
    assert cues.source_kinds()["document"] == "document"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], "asserted"),
        ([None, ""], "asserted"),
        (["reported", "asserted"], "reported"),
        (["reported", "uncertain", "believed"], "uncertain"),
        (["alleged", "believed"], "believed"),
    ],
)
def test_weakest(values: list[str | None], expected: str) -> None:
    assert cues.weakest(values) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("hopes", "hope"), ("stated", "state"), ("denied", "deny"), ("asking", "ask")],
)
def test_lemmas_include_the_deinflected_word(word: str, expected: str) -> None:
    token = spacy.blank("en")(word)[0]
    assert expected in cues.lemmas(token)


@pytest.mark.parametrize(
    ("loader", "row", "message"),
    [
        (
            cues.reporting_verbs,
            {"lemma": "say", "kind": "gossip", "certainty": "", "status": "", "content": "any"},
            "'say' has kind 'gossip'",
        ),
        (
            cues.modality_cues,
            {"word": "will", "role": "modal", "certainty": "sure", "status": "", "negates": "0"},
            "'will' has certainty 'sure'",
        ),
        (cues.source_kinds, {"word": "memo", "kind": "paper"}, "'memo' has kind 'paper'"),
    ],
)
def test_bad_lexicon_rows_are_config_errors(
    monkeypatch: pytest.MonkeyPatch, loader: Any, row: dict[str, str], message: str
) -> None:
    monkeypatch.setattr(cues, "read_table", lambda name: iter([row]))
    loader.cache_clear()
    try:
        with pytest.raises(ConfigError, match=message):
            loader()
    finally:
        loader.cache_clear()
