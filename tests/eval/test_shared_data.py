"""Each scorer on the real gold sets with ``limit``: the layout is read, the pipeline runs, and
the report is well formed. Skipped where ../shared/data is absent."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.eval import DATASETS, run_eval

pytestmark = [pytest.mark.model, pytest.mark.shared]

LIMIT = 3
# Which count holds the number of items scored, per dataset.
ITEM_COUNTS = {"conflibert-cameo": ("class_items", "ner_items"), "news-events": ("articles",)}


@pytest.mark.parametrize("name", DATASETS)
def test_scorer_runs_on_shared_data(name: str, shared_data: Path, eval_settings: Settings) -> None:
    if not (shared_data / name).is_dir():
        pytest.skip(f"{name} is not in {shared_data}")
    [report] = run_eval(name, data=shared_data, settings=eval_settings, limit=LIMIT)
    assert report.name == name
    assert report.split
    for key in ITEM_COUNTS.get(name, ("items",)):
        assert report.counts[key] == LIMIT
    assert report.metrics
    for key, value in report.metrics.items():
        assert 0.0 <= value <= 1.0 and not math.isnan(value), key
    for key, value in report.counts.items():
        if "alignment_failures" in key:
            assert value == 0, key
    assert any(f"first {LIMIT}" in note for note in report.notes)
    assert not any("rejected" in note for note in report.notes)
