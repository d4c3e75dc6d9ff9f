"""The ``spark`` runner's place: registered so that ``runner = "spark"`` says what it needs.

It is not part of this version; asking for it raises a
:class:`~newsgraph.errors.MissingExtraError` naming the extra it will come with.
"""

from __future__ import annotations

from ..config import Settings
from ..errors import MissingExtraError
from .backends import register
from .base import Runner

__all__ = ["spark_runner"]


class SparkRunnerMissing(MissingExtraError):
    def __init__(self) -> None:
        super().__init__("newsgraph.runners.spark", "spark")
        self.message = (
            "runner 'spark' is not available in this installation; it comes with the optional "
            "extra: pip install 'newsgraph[spark]' (until then, set runner = 'local')"
        )
        self.args = (self.message,)


@register("spark")
def spark_runner(settings: Settings, *, workers: int) -> Runner:
    raise SparkRunnerMissing()
