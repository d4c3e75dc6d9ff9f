"""The news-events scorer (NEWS_EVENTS.md "Scoring") on articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import EvalError
from newsgraph.eval.news_events import (
    SentenceScore,
    predicted_by_sentence,
    read_articles,
    score_sentences,
)

TEXT = "Troops shelled the town. Rain fell all day. The minister blamed the rebels."
SENTENCES = [(0, 24), (25, 43), (44, 76)]


def _write(
    root: Path, labels: list[list[dict[str, Any]]], article: str = "polnear/outlet_2016-01-02_a"
) -> None:
    root.mkdir(parents=True, exist_ok=True)
    sentences = [
        {"i": i, "start": s, "end": e, "text": TEXT[s:e]} for i, (s, e) in enumerate(SENTENCES)
    ]
    (root / "articles.jsonl").write_text(
        json.dumps({"article": article, "text": TEXT, "sentences": sentences}) + "\n"
    )
    (root / "labels.jsonl").write_text(
        "".join(
            json.dumps({"article": article, "i": i, "events": events}) + "\n"
            for i, events in enumerate(labels)
        )
    )


def _event(kind: str, start: int, code: str | None = None) -> dict[str, Any]:
    return {
        "type": kind,
        "trigger": {"start": start, "end": start + 3, "text": "..."},
        "actors": [{"code": code}] if code else [],
    }


GOLD = [
    [{"type": "ASSAULT", "trigger": "shelled", "actor_code": "FRE"}],
    [],
    [{"type": "ACCUSE", "trigger": "blamed", "actor_code": None}],
]


def test_news_events_reads_articles_and_the_date(tmp_path: Path) -> None:
    _write(tmp_path, GOLD)
    [article] = read_articles(tmp_path)
    assert article.sentences == tuple(SENTENCES)
    assert article.types == (frozenset({"ASSAULT"}), frozenset(), frozenset({"ACCUSE"}))
    assert article.coded[0] == frozenset({("ASSAULT", "FRE")})
    assert article.published == "2016-01-02"


def test_news_events_malformed_labels_are_an_eval_error(tmp_path: Path) -> None:
    _write(tmp_path, GOLD)
    (tmp_path / "labels.jsonl").write_text("{not json\n")
    with pytest.raises(EvalError):
        read_articles(tmp_path)


def test_news_events_predictions_go_to_the_sentence_of_their_trigger() -> None:
    types, coded = predicted_by_sentence(
        [_event("ASSAULT", 7, "FREMIL"), _event("PROTEST", 30), _event("ACCUSE", 57)],
        tuple(SENTENCES),
    )
    assert types == [{"ASSAULT"}, {"PROTEST"}, {"ACCUSE"}]
    assert coded == [{("ASSAULT", "FRE")}, set(), set()]


def test_news_events_scores_pairs_and_clean_sentences(tmp_path: Path) -> None:
    _write(tmp_path, GOLD)
    [article] = read_articles(tmp_path)
    record = {
        "events": [
            _event("ASSAULT", 7, "FRE"),  # right type, right actor code
            _event("COERCE", 7),  # a wrong second type in the same sentence
            _event("PROTEST", 30),  # a false alarm in the clean sentence
        ]
    }
    score = score_sentences([(article, record)])
    assert (score.tp, score.fp, score.fn) == (1, 2, 1)
    metrics = score.metrics()
    assert metrics["type_precision"] == pytest.approx(1 / 3)
    assert metrics["type_recall"] == pytest.approx(1 / 2)
    assert metrics["clean_false_alarm_rate"] == 1.0
    assert metrics["actor_coded_f1"] == 1.0  # one coded gold pair, found exactly
    rows = {row["type"]: row for row in score.table()}
    assert rows["ACCUSE"]["recall"] == 0.0 and rows["ASSAULT"]["f1"] == 1.0


def test_news_events_a_rejected_document_finds_nothing(tmp_path: Path) -> None:
    _write(tmp_path, GOLD)
    [article] = read_articles(tmp_path)
    score = score_sentences([(article, None)])
    assert (score.tp, score.fp, score.fn) == (0, 0, 2)
    assert score.metrics()["clean_false_alarm_rate"] == 0.0


def test_news_events_empty_score_is_zero_not_nan() -> None:
    assert all(value == 0.0 for value in SentenceScore().metrics().values())
