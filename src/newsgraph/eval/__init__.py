"""Scorers for the gold sets of ../shared/data (the definitions are in EVAL.md).

Each scorer reads one dataset folder, feeds its gold items through the same code path a user
runs (:mod:`.harness`) and returns an :class:`EvalReport`. :func:`run_eval` picks scorers by
name; ``all`` runs every one whose folder is present.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from .conflibert import score_conflibert
from .meantime import score_meantime
from .news_events import score_news_events
from .petrarch import score_petrarch
from .plover_gsr import score_plover_gsr
from .polnear import score_polnear
from .re3d import score_re3d
from .report import EvalReport
from .tempeval import score_tempeval
from .wikigold import score_wikigold

__all__ = ["DATASETS", "SCORERS", "EvalReport", "Scorer", "run_eval"]

Scorer = Callable[..., EvalReport]

#: Dataset name (also its folder under the data folder) -> scorer.
SCORERS: dict[str, Scorer] = {
    "plover-gsr": score_plover_gsr,
    "conflibert-cameo": score_conflibert,
    "petrarch2-unittest": score_petrarch,
    "re3d": score_re3d,
    "wikigold": score_wikigold,
    "polnear": score_polnear,
    "tempeval3": score_tempeval,
    "meantime-factuality": score_meantime,
    "news-events": score_news_events,
}
DATASETS: tuple[str, ...] = tuple(SCORERS)
ALL = "all"


def run_eval(
    name: str, *, data: Path, settings: Settings, limit: int | None = None
) -> Iterator[EvalReport]:
    """Reports for the dataset ``name`` (or every dataset present, for ``all``) found in
    ``data``; raises :class:`EvalError` when a dataset is unknown, missing or malformed."""
    if name != ALL and name not in SCORERS:
        raise EvalError(
            f"unknown gold set {name!r}; known: {', '.join(DATASETS)} (or {ALL!r} for every "
            "one present)"
        )
    if not data.is_dir():
        raise EvalError(
            f"the data folder {data} does not exist; pass --data with the folder that holds "
            f"the gold sets ({', '.join(DATASETS)})"
        )
    if limit is not None and limit < 0:
        raise EvalError(f"limit must be 0 or more, got {limit}")
    if name == ALL:
        names = [n for n in DATASETS if (data / n).is_dir()]
        if not names:
            raise EvalError(f"none of the gold sets ({', '.join(DATASETS)}) is in {data}")
    else:
        if not (data / name).is_dir():
            raise EvalError(f"{name}: expected its folder at {data / name}, found nothing")
        names = [name]
    for chosen in names:
        started = time.perf_counter()
        report = SCORERS[chosen](data / chosen, settings=settings, limit=limit)
        report.seconds = time.perf_counter() - started
        yield report
