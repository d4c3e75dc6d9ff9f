"""P/R/F1, accuracy, macro-F1 and confusions on hand-counted examples."""

from __future__ import annotations

import pytest

from newsgraph.eval.metrics import (
    PRF,
    accuracy,
    confusion_matrix,
    confusion_pairs,
    macro_f1,
    per_label_prf,
    ratio,
)


def test_prf_counts_give_precision_recall_f1() -> None:
    scores = PRF()
    scores.add(predicted=4, gold=5, matched=3)
    scores.add(predicted=0, gold=1, matched=0)
    assert scores.precision == pytest.approx(3 / 4)
    assert scores.recall == pytest.approx(3 / 6)
    assert scores.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert scores.metrics("span") == {
        "span_precision": scores.precision,
        "span_recall": scores.recall,
        "span_f1": scores.f1,
    }


def test_prf_empty_is_zero_not_an_error() -> None:
    scores = PRF()
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
    assert ratio(1, 0) == 0.0


def test_prf_keeps_matched_sides_apart_for_any_overlap() -> None:
    # One prediction covering two gold units: 1 of 1 predicted right, 2 of 3 gold found.
    scores = PRF()
    scores.add(predicted=1, gold=3, matched=(1, 2))
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx(2 / 3)


def test_prf_sums_with_iadd() -> None:
    total = PRF(predicted=1, gold=2, matched_predicted=1, matched_gold=1)
    total += PRF(predicted=3, gold=2, matched_predicted=2, matched_gold=2)
    assert (total.predicted, total.gold, total.matched_gold) == (4, 4, 3)


def test_accuracy_and_length_check() -> None:
    assert accuracy(["A", "B", "C", "A"], ["A", "B", "A", "NONE"]) == 0.5
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        accuracy(["A", "B"], ["A"])


def test_macro_f1_averages_over_gold_labels_present() -> None:
    gold = ["A", "A", "B", "B"]
    predicted = ["A", "B", "B", "NONE"]
    # A: P=1 R=.5 F=2/3; B: P=.5 R=.5 F=.5; NONE is not a gold label so has no F1 of its own.
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 0.5) / 2)
    # With a fixed label set, a label never seen counts as F1 0.
    assert macro_f1(gold, predicted, labels=["A", "B", "C"]) == pytest.approx((2 / 3 + 0.5) / 3)


def test_per_label_prf_counts() -> None:
    table = per_label_prf([0, 1, 1], [1, 1, 0], labels=[0, 1])
    assert (table[1].gold, table[1].predicted, table[1].matched_gold) == (2, 2, 1)
    assert table[0].f1 == 0.0


def test_confusion_pairs_most_frequent_errors_first() -> None:
    gold = ["A", "A", "A", "B", "B", "C"]
    predicted = ["B", "B", "A", "C", "A", "C"]
    assert confusion_pairs(gold, predicted, top=2) == [("A", "B", 2), ("B", "C", 1)]


def test_confusion_matrix_rows_per_gold_label() -> None:
    rows = confusion_matrix([0, 0, 1], [0, 1, 1], labels=[0, 1])
    assert rows == [{"gold": 0, "pred_0": 1, "pred_1": 1}, {"gold": 1, "pred_0": 0, "pred_1": 1}]
