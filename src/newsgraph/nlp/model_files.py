"""The files of a trained linear model shipped in the package: ``vocabulary.json.gz`` (feature
names in column order), ``weights.npz`` (its arrays) and ``meta.json`` (classes, settings and
figures). Written so that retraining on the same data rewrites the same bytes (gzip mtime 0,
sorted JSON keys); read with numpy only."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["read_model_files", "write_model_files"]


def write_model_files(
    directory: Path, vocabulary: dict[str, int], arrays: dict[str, np.ndarray], meta: dict[str, Any]
) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    with (
        (directory / "vocabulary.json.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed,
    ):
        packed.write(json.dumps(names).encode("utf-8"))
    np.savez_compressed(directory / "weights.npz", **arrays)  # type: ignore[arg-type]
    (directory / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")


def read_model_files(
    directory: Path,
) -> tuple[dict[str, int], dict[str, np.ndarray], dict[str, Any]]:
    """(vocabulary, arrays, meta) of a model saved by :func:`write_model_files`."""
    meta: dict[str, Any] = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    with gzip.open(directory / "vocabulary.json.gz", "rt", encoding="utf-8") as handle:
        names = json.load(handle)
    with np.load(directory / "weights.npz") as saved:
        arrays = {name: saved[name] for name in saved.files}
    return {name: i for i, name in enumerate(names)}, arrays, meta
