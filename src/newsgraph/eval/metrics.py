"""Precision, recall, F1, accuracy, macro-F1 and confusions: the arithmetic every scorer shares.

Each figure is computed from counts kept alongside it, so a report can show both; an empty
denominator gives 0.0 rather than an error (nothing predicted means no precision, not a crash).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PRF",
    "accuracy",
    "confusion_matrix",
    "confusion_pairs",
    "macro_f1",
    "per_label_prf",
    "ratio",
]


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


@dataclass(slots=True)
class PRF:
    """Counts behind precision and recall.

    ``matched_predicted`` and ``matched_gold`` are kept apart because some definitions (any
    overlap, as for TempEval) let one prediction find two gold units; under a one-to-one
    matching both are the number of matched pairs.
    """

    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return ratio(2 * precision * recall, precision + recall)

    def add(self, *, predicted: int, gold: int, matched: int | tuple[int, int]) -> None:
        """Add one item's counts; ``matched`` is pairs, or (matched predicted, matched gold)."""
        self.predicted += predicted
        self.gold += gold
        if isinstance(matched, tuple):
            self.matched_predicted += matched[0]
            self.matched_gold += matched[1]
        else:
            self.matched_predicted += matched
            self.matched_gold += matched

    def __iadd__(self, other: PRF) -> PRF:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched_predicted += other.matched_predicted
        self.matched_gold += other.matched_gold
        return self

    def metrics(self, prefix: str) -> dict[str, float]:
        """``{prefix}_precision``, ``{prefix}_recall`` and ``{prefix}_f1``."""
        return {
            f"{prefix}_precision": self.precision,
            f"{prefix}_recall": self.recall,
            f"{prefix}_f1": self.f1,
        }

    def row(self, **labels: Any) -> dict[str, Any]:
        """One table row: the labels given, then counts and rounded figures."""
        return {
            **labels,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched_gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Share of positions where the predicted label equals the gold one."""
    _check_lengths(gold, predicted)
    return ratio(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold))


def per_label_prf(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], *, labels: Iterable[Hashable]
) -> dict[Hashable, PRF]:
    """Single-label classification seen per label: a prediction of L is matched when the gold
    label is L too."""
    _check_lengths(gold, predicted)
    table = {label: PRF() for label in labels}
    for g, p in zip(gold, predicted, strict=True):
        if g in table:
            table[g].gold += 1
        if p in table:
            table[p].predicted += 1
        if g == p and g in table:
            table[g].matched_gold += 1
            table[g].matched_predicted += 1
    return table


def macro_f1(
    gold: Sequence[Hashable],
    predicted: Sequence[Hashable],
    *,
    labels: Iterable[Hashable] | None = None,
) -> float:
    """Unweighted mean of per-label F1 over ``labels`` (default: the labels present in gold).

    A predicted label outside ``labels`` still costs the gold label its recall; it just has
    no F1 of its own in the mean.
    """
    chosen = list(dict.fromkeys(gold)) if labels is None else list(labels)
    if not chosen:
        return 0.0
    table = per_label_prf(gold, predicted, labels=chosen)
    return sum(table[label].f1 for label in chosen) / len(chosen)


def confusion_pairs(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], *, top: int = 5
) -> list[tuple[Hashable, Hashable, int]]:
    """The ``top`` most frequent (gold, predicted, count) errors; ties in first-seen order."""
    _check_lengths(gold, predicted)
    errors = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in errors.most_common(top)]


def confusion_matrix(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], *, labels: Sequence[Hashable]
) -> list[dict[str, Any]]:
    """One row per gold label: ``{"gold": label, "pred_<label>": count, ...}``."""
    _check_lengths(gold, predicted)
    cells = Counter(zip(gold, predicted, strict=True))
    return [{"gold": g, **{f"pred_{p}": cells[(g, p)] for p in labels}} for g in labels]


def _check_lengths(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
