"""Where the NLP runs: in this process, in local worker processes, or (later) on Spark.

Every runner has the same shape (:class:`Runner`): batches of documents in, annotated batches
out, in input order. The choice is a setting, not a fork of the pipeline.
"""

from __future__ import annotations

from .base import Runner, WorkItem
from .local import LocalRunner, ProcessRunner, make_runner

__all__ = ["LocalRunner", "ProcessRunner", "Runner", "WorkItem", "make_runner"]
