"""Worker processes die with the process that started them.

A worker holds a loaded model (hundreds of MB). When its parent is killed outright (``kill -9``,
the out-of-memory killer) nothing tells it to stop, and it would wait for work forever. On Linux
the kernel is asked to kill it with its parent (``prctl(PR_SET_DEATHSIG, SIGKILL)``); everywhere,
a watchdog thread also checks that the parent is still the same process and exits when it is
not. Call :func:`die_with_parent` first thing in the worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections.abc import Callable

__all__ = ["die_with_parent", "orphaned", "watch_parent"]

_PR_SET_DEATHSIG = 1
#: Seconds between the watchdog's looks at the parent.
WATCH_INTERVAL = 1.0


def _set_death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent exits; False where that is impossible."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return bool(libc.prctl(_PR_SET_DEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    return False


def orphaned(parent_pid: int) -> bool:
    """Whether the process that started this one (``parent_pid``) is gone: this process then
    has a new parent (init, or a sub-reaper)."""
    return os.getppid() != parent_pid


def watch_parent(
    parent_pid: int,
    *,
    interval: float = WATCH_INTERVAL,
    on_orphan: Callable[[], object] = lambda: os._exit(1),
) -> threading.Thread:
    """A daemon thread that calls ``on_orphan`` (by default: exit at once) once the parent is
    gone."""

    def watch() -> None:
        stop = threading.Event()
        while not orphaned(parent_pid):
            stop.wait(interval)
        on_orphan()

    thread = threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True)
    thread.start()
    return thread


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid``, its parent, ends (see the module docstring)."""
    _set_death_signal()
    if orphaned(parent_pid):  # the parent died before the death signal was set
        os._exit(1)
    watch_parent(parent_pid)
