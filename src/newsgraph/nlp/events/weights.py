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

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

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
        directory.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        # mtime 0: retraining on the same corpus rewrites the same bytes (make train)
        with (
            (directory / "vocabulary.json.gz").open("wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed,
        ):
            packed.write(json.dumps(names).encode("utf-8"))
        np.savez_compressed(
            directory / "weights.npz",
            weights=self.weights.astype(np.float16),
            vector_weights=self.vector_weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )
        meta = dict(self.meta)
        meta.update(
            classes=list(self.classes), temperature=self.temperature, threshold=self.threshold
        )
        (directory / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")


def load_model(directory: Path = MODEL_DIR) -> EventModel:
    """Read a saved model (the shipped one by default)."""
    return _load(str(directory))


@cache
def _load(directory: str) -> EventModel:
    path = Path(directory)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    with gzip.open(path / "vocabulary.json.gz", "rt", encoding="utf-8") as handle:
        names = json.load(handle)
    arrays = np.load(path / "weights.npz")
    return EventModel(
        classes=tuple(meta["classes"]),
        vocabulary={name: i for i, name in enumerate(names)},
        weights=arrays["weights"].astype(np.float32),
        vector_weights=arrays["vector_weights"],
        bias=arrays["bias"],
        temperature=float(meta["temperature"]),
        threshold=float(meta["threshold"]),
        meta=meta,
    )
