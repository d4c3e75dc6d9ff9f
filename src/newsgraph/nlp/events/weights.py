"""The weights of the trained event coder: a multinomial logistic regression over a candidate
word's features (:mod:`.features`).

Classes are the 16 PLOVER types and NONE. Weights are plain arrays shipped in the package
(``data/models/events/``), read with numpy: no scikit-learn, torch or download at run time, and
the same output on every run. ``training/train.py`` (``make train``) makes them from the coded
corpus in ``training/``.

Scores are softmax probabilities after temperature scaling fitted on cross-validated
predictions, so a confidence of 0.7 is right about 70% of the time on the corpus
(docs/evaluation.md, reliability table).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ..model_files import read_model_files, write_model_files

__all__ = ["MODEL_DIR", "NONE", "EventModel", "load_model"]

NONE = "NONE"
MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models" / "events"


@dataclass(frozen=True, slots=True)
class EventModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    #: (features, classes) weights of the string features; (width, classes) of the vector.
    weights: np.ndarray
    vector_weights: np.ndarray
    bias: np.ndarray
    temperature: float
    threshold: float
    meta: dict[str, Any]

    def scores(self, features: list[list[str]], vectors: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities, one row per candidate."""
        if not features:
            return np.zeros((0, len(self.classes)), dtype=np.float64)
        vocabulary = self.vocabulary
        rows: list[int] = []
        columns: list[int] = []
        for row, names in enumerate(features):
            # each feature once, as in training (a feature is present or not)
            found = {vocabulary[n] for n in names if n in vocabulary}
            rows.extend([row] * len(found))
            columns.extend(found)
        logits = np.zeros((len(features), len(self.classes)), dtype=np.float64)
        np.add.at(logits, np.asarray(rows, dtype=np.intp), self.weights[columns])
        logits += vectors.astype(np.float64) @ self.vector_weights + self.bias
        logits /= self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return probabilities

    def save(self, directory: Path) -> None:
        meta = dict(self.meta)
        meta.update(
            classes=list(self.classes), temperature=self.temperature, threshold=self.threshold
        )
        write_model_files(
            directory,
            self.vocabulary,
            {
                "weights": self.weights.astype(np.float16),
                "vector_weights": self.vector_weights.astype(np.float32),
                "bias": self.bias.astype(np.float32),
            },
            meta,
        )


def load_model(directory: Path = MODEL_DIR) -> EventModel:
    """Read a saved model (the shipped one by default)."""
    return _load(str(directory))


@cache
def _load(directory: str) -> EventModel:
    vocabulary, arrays, meta = read_model_files(Path(directory))
    return EventModel(
        classes=tuple(meta["classes"]),
        vocabulary=vocabulary,
        weights=arrays["weights"].astype(np.float32),
        vector_weights=arrays["vector_weights"],
        bias=arrays["bias"],
        temperature=float(meta["temperature"]),
        threshold=float(meta["threshold"]),
        meta=meta,
    )
