"""ingest -> nlp -> store end to end, including a crash in the middle of a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

import pytest

from newsgraph.config import Settings
from newsgraph.ingest import parse_record
from newsgraph.model import AnnotatedDocument, Rejection
from newsgraph.pipeline import extract, ingest
from newsgraph.runners import LocalRunner
from newsgraph.store import Store, store_stats
from newsgraph.store.migrations import migrations
from tests.conftest import POST

pytestmark = pytest.mark.model

COUNTED = ("documents", "entities", "time_expressions", "events", "event_actors", "rejected")
_COUNTRIES = ("Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia")


def _corpus(folder: Path, n: int) -> Path:
    """``n`` distinct small posts, plus one binary and one empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = _COUNTRIES[i % 6], _COUNTRIES[(i + 1) % 6]
        (folder / f"post{i:04d}.txt").write_text(
            f"#{a}\nAP: {a} and {b} talk, round {i}\n2025.02.{1 + i % 27:02d}\n"
            f"{a} asked {b} on Monday to deliver {i + 2} radars. {b} refused the request "
            f"last week, officials said. Troops from {a} were deployed near the border.\n",
            encoding="utf-8",
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        counts = store_stats(store)["counts"]
        ids = {r["event_id"] for r in store.query("SELECT event_id FROM events")}
    return {name: counts[name] for name in COUNTED} | {"event_ids": hash(frozenset(ids))}


@pytest.fixture(scope="module")
def runner() -> LocalRunner:
    return LocalRunner()


def test_ingest_twice_gives_identical_counts(tmp_path: Path, runner: LocalRunner) -> None:
    folder = _corpus(tmp_path / "in", 6)
    db = tmp_path / "db.duckdb"
    settings = Settings(db=db, batch_size=4)
    with Store(db) as store:
        first = ingest([folder], store=store, settings=settings, runner=runner)
    counts = _counts(db)
    with Store(db) as store:
        second = ingest([folder], store=store, settings=settings, runner=runner)
    assert (first.read, first.stored, len(first.rejections)) == (6, 6, 2)
    assert (second.read, second.stored, second.already_stored) == (6, 0, 6)
    assert _counts(db) == counts
    assert counts["rejected"] == 2 and counts["events"] >= 12


def test_two_workers_give_the_same_store(tmp_path: Path, runner: LocalRunner) -> None:
    folder = _corpus(tmp_path / "in", 10)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Store(one) as store:
        ingest([folder], store=store, settings=Settings(db=one, batch_size=3), runner=runner)
    with Store(two) as store:
        report = ingest([folder], store=store, settings=Settings(db=two, batch_size=3, workers=2))
    assert report.workers == 2
    assert _counts(one) == _counts(two)


def test_extract_answers_every_input_in_order(tmp_path: Path, runner: LocalRunner) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "Ruritania threatened Freedonia."},
        {"id": "b", "text": "Ruritania threatened Freedonia."},
        "not an object",
        {"id": "c", "text": "Sylvania praised Latveria.", "published": "2024-01-02"},
    ]
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = list(extract([source], settings=Settings(batch_size=2), runner=runner))
    kinds = [
        i.document.external_id if isinstance(i, AnnotatedDocument) else i.reason for i in items
    ]
    assert kinds == ["a", "b", "malformed", "c"]


def test_kill_during_ingest_then_rerun_equals_clean_run(
    tmp_path: Path, runner: LocalRunner
) -> None:
    folder = _corpus(tmp_path / "in", 120)
    clean = tmp_path / "clean.duckdb"
    with Store(clean) as store:
        ingest([folder], store=store, settings=Settings(db=clean, batch_size=2), runner=runner)

    crashed = tmp_path / "crashed.duckdb"
    command = [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(crashed)]
    env = {**os.environ, "NEWSGRAPH_BATCH_SIZE": "2", "NEWSGRAPH_WORKERS": "1"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # The write-ahead log first takes the schema (about two steps per migration); each later
    # growth is a batch: kill after about three batches.
    wal = Path(f"{crashed}.wal")
    deadline = time.monotonic() + 120
    sizes = {0}
    wanted = 1 + 2 * len(migrations()) + 3
    while time.monotonic() < deadline and process.poll() is None and len(sizes) < wanted:
        sizes.add(wal.stat().st_size if wal.exists() else 0)
        time.sleep(0.01)
    assert process.poll() is None, "the run finished before it could be killed; enlarge the corpus"
    process.send_signal(signal.SIGKILL)
    process.wait()

    partial = _counts(crashed)
    assert 0 < partial["documents"] < 120

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "already in the store" in rerun.stderr
    assert _counts(crashed) == _counts(clean)


def test_rejections_are_reported(tmp_path: Path, runner: LocalRunner) -> None:
    folder = _corpus(tmp_path / "in", 1)
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        report = ingest([folder], store=store, settings=Settings(db=db), runner=runner)
    assert sorted(r.reason for r in report.rejections) == ["binary", "empty"]
    assert all(isinstance(r, Rejection) and r.message for r in report.rejections)


def test_seed_like_post_end_to_end(tmp_path: Path, runner: LocalRunner) -> None:
    path = tmp_path / "post.txt"
    path.write_text(POST, encoding="utf-8")
    (item,) = extract([path], runner=runner)
    assert isinstance(item, AnnotatedDocument)
    data = item.to_dict()
    assert data["schema_version"] == "1"
    assert data["outlet"] == "Reuters" and data["credit"] == "AFP"
    assert {e["type"] for e in data["events"]} >= {"REQUEST", "MOBILIZE"}


def test_resumed_run_sizes_the_pool_by_the_work_left(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph import pipeline
    from newsgraph.runners import WorkItem

    made: list[int] = []

    def factory(settings: Settings, *, workers: int) -> LocalRunner:
        made.append(workers)
        return cast(LocalRunner, object())

    monkeypatch.setattr(pipeline.backends, "get", lambda name: factory)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    document = parse_record({"text": "Talks resumed."}, origin="t")
    # Ten batches stored already (nothing left in them), then four with work.
    items = [WorkItem(documents=[], skipped=64) for _ in range(10)]
    items += [WorkItem(documents=[document]) for _ in range(4)]
    _, rest, workers = pipeline._start_runner(iter(items), Settings(workers=0), None)
    assert workers == made[0] == 2
    assert list(rest) == items  # nothing lost or reordered by looking ahead
