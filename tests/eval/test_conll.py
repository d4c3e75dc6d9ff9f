"""CoNLL reading, tag spans and detokenisation (token files written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import EvalError
from newsgraph.eval.conll import TokenSpan, detokenize, read_conll, tagged_spans


def test_tagged_spans_iob1_and_bio() -> None:
    # IOB1: I- continues, B- only splits neighbours of the same type.
    assert tagged_spans(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]) == [
        TokenSpan("PER", 0, 2),
        TokenSpan("PER", 2, 3),
        TokenSpan("LOC", 4, 5),
        TokenSpan("ORG", 5, 6),
    ]
    assert tagged_spans(["B-S", "I-S", "O", "B-T", "I-T", "I-T"]) == [
        TokenSpan("S", 0, 2),
        TokenSpan("T", 3, 6),
    ]
    assert tagged_spans(["O", "O"]) == []


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["Zed", "did", "n't", "come", "."], "Zed didn't come."),
        (
            ["The", "Duchy", "'s", "army", "(", "DA", ")", ",", "10", "%"],
            "The Duchy's army (DA), 10%",
        ),
        (["He", "said", '"', "go", '"', "twice"], 'He said "go" twice'),
        (["Ostland", "’", "s", "envoy", "paid", "$", "5"], "Ostland’s envoy paid $5"),
    ],
)
def test_detokenize_writes_text_and_offsets(tokens: list[str], text: str) -> None:
    built, offsets = detokenize(tokens)
    assert built == text
    assert [built[a:b] for a, b in offsets] == tokens


def test_read_conll_sentences_and_documents(tmp_path: Path) -> None:
    path = tmp_path / "toy.conll"
    path.write_text(
        "Zed I-PER\nsang O\n\nLoud O\n.O O\n\n-DOCSTART- O\n\nOstland I-LOC\nwon O\n",
        encoding="utf-8",
    )
    sentences = list(read_conll(path))
    assert [s.tokens for s in sentences] == [("Zed", "sang"), ("Loud", ".O"), ("Ostland", "won")]
    assert [s.document for s in sentences] == [0, 0, 1]
    assert sentences[0].tags == ("I-PER", "O")


def test_read_conll_rejects_a_line_without_tag(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("Zed I-PER\nlonely\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.conll:2"):
        list(read_conll(path))
