"""What the entity scorers (re3d, WikiGold) share: mapping labels, and span P/R/F1 per label.

A prediction matches exactly when it has the gold span's offsets and mapped label; under
overlap, when it shares a character with a gold span of the same mapped label. Matching is
one-to-one (see :mod:`.spans`): with nested gold spans a prediction may match any one of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .metrics import PRF
from .spans import Mention, count_exact, count_matches, overlaps

__all__ = ["EntityScores", "predicted_mentions"]


def predicted_mentions(record: dict[str, Any] | None, mapping: Mapping[str, str]) -> list[Mention]:
    """The record's entities with labels mapped; labels without a mapping are left out."""
    if record is None:
        return []
    return [
        Mention.of(e["start"], e["end"], label=mapping[e["label"]])
        for e in record["entities"]
        if e["label"] in mapping
    ]


def _same_label_overlap(gold: Mention, predicted: Mention) -> bool:
    return gold.label == predicted.label and overlaps(gold, predicted)


class EntityScores:
    """Exact and overlap counts, per label and over all labels (micro)."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        self.exact = {label: PRF() for label in self.labels}
        self.overlap = {label: PRF() for label in self.labels}

    def add(self, gold: Sequence[Mention], predicted: Sequence[Mention]) -> None:
        """Add one document; gold and predicted must use the labels given (mapped)."""
        for label in self.labels:
            g = [m for m in gold if m.label == label]
            p = [m for m in predicted if m.label == label]
            self.exact[label].add(predicted=len(p), gold=len(g), matched=count_exact(g, p))
            self.overlap[label].add(
                predicted=len(p),
                gold=len(g),
                matched=count_matches(g, p, related=_same_label_overlap),
            )

    @staticmethod
    def _micro(table: dict[str, PRF]) -> PRF:
        total = PRF()
        for scores in table.values():
            total += scores
        return total

    def metrics(self, *, per_label: bool = True, overlap: bool = True) -> dict[str, float]:
        """``exact_micro_*``, optionally ``overlap_micro_*`` and ``exact_f1_<label>``."""
        found = self._micro(self.exact).metrics("exact_micro")
        if overlap:
            found |= self._micro(self.overlap).metrics("overlap_micro")
        if per_label:
            found |= {f"exact_f1_{label}": self.exact[label].f1 for label in self.labels}
        return found

    def counts(self) -> dict[str, int]:
        micro = self._micro(self.exact)
        return {"gold_mentions": micro.gold, "predicted_mentions": micro.predicted}

    def table(self) -> list[dict[str, Any]]:
        """Per label: exact counts and figures, then the overlap F1."""
        return [
            self.exact[label].row(type=label) | {"overlap_f1": round(self.overlap[label].f1, 4)}
            for label in self.labels
        ]
