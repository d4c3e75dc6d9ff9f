"""Worker processes die with their parent, however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsgraph.runners import local
from newsgraph.runners.lifeline import orphaned, watch_parent

# A parent with a pool of two spawned workers set up as newsgraph sets up its own; it prints the
# workers' ids and waits to be killed.
PARENT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from newsgraph.runners.lifeline import die_with_parent

if __name__ == "__main__":
    pool = ProcessPoolExecutor(
        2,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )
    for future in [pool.submit(time.sleep, 0.2) for _ in range(6)]:
        future.result()
    print(" ".join(str(pid) for pid in pool._processes), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_do_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    # stderr: the killed parent's resource tracker complains of its semaphores, as it should.
    with subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
    ) as parent:
        try:
            assert parent.stdout is not None
            workers = [int(pid) for pid in parent.stdout.readline().split()]
            assert len(workers) == 2 and all(_alive(pid) for pid in workers)
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            # Not a timing claim: the deadline only keeps a failure from hanging the suite.
            deadline = time.monotonic() + 60
            while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(_alive(pid) for pid in workers)
        finally:
            parent.kill()


def test_watchdog_acts_once_the_parent_is_gone() -> None:
    assert not orphaned(os.getppid())
    called = threading.Event()
    # A parent id that is not this process's parent: as if the parent had died.
    thread = watch_parent(os.getppid() + 1_000_000, interval=0.01, on_orphan=called.set)
    thread.join(timeout=60)
    assert called.is_set()


def test_worker_initialiser_ties_the_worker_to_its_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    tied: list[int] = []
    monkeypatch.setattr(local, "die_with_parent", tied.append)
    monkeypatch.setattr("newsgraph.nlp.Annotator", lambda **_: object())
    local._init_worker("", None, "full", "rules", -1.0, 4242)
    assert tied == [4242]
    monkeypatch.setattr(local, "_WORKER", None)
