"""A time limit on the NLP of one document, so that no single input stalls a run.

:func:`time_limit` raises :class:`TooSlow` in the code it wraps once ``seconds`` have passed,
by a real-time interval timer (``SIGALRM``). It works in a process's main thread, which is
where the local runner and its worker processes annotate; elsewhere (a thread of the API
server, a platform without ``setitimer``) it sets no limit. The exception arrives when the
interpreter next runs Python code: between pipeline components and inside newsgraph's own, so a
document is stopped within one component's time of its limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["TooSlow", "time_limit"]


class TooSlow(Exception):
    """The wrapped work took longer than its limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` inside the block after ``seconds`` (0 or less: no limit)."""
    if (
        seconds <= 0
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def _expire(signum: int, frame: FrameType | None) -> None:
        raise TooSlow(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
