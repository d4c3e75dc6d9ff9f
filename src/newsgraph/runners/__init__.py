"""Where the NLP runs: in this process, in local worker processes, or (later) on Spark.

Every runner has the same shape (:class:`Runner`): batches of documents in, annotated batches
out, in input order. The choice is a setting (``runner``, :mod:`.backends`), not a fork of the
pipeline: ``"local"`` runs in this process or a pool of worker processes (by ``workers``);
``"spark"`` is registered and says which extra it needs.
"""

from __future__ import annotations

from . import backends
from .base import Runner, WorkItem
from .local import LocalRunner, ProcessRunner, make_runner

__all__ = ["LocalRunner", "ProcessRunner", "Runner", "WorkItem", "backends", "make_runner"]
