"""The worker pool splits each batch into parts and gives the results back in input order; the
runner is chosen by name."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.config import Settings
from newsgraph.errors import ConfigError, MissingExtraError
from newsgraph.model import Document
from newsgraph.pipeline import annotate_documents
from newsgraph.runners import backends
from newsgraph.runners.local import ProcessRunner, local_runner


def _documents(n: int) -> list[Document]:
    return [
        Document(id=f"d{i}", text=f"text {i}", raw_text=f"text {i}", origin=f"{i}", source_kind="t")
        for i in range(n)
    ]


def test_parts_keep_every_document_in_order() -> None:
    runner = ProcessRunner.__new__(ProcessRunner)  # no pool: only the splitting is tested
    runner.workers = 2
    for n in (0, 1, 3, 4, 17, 64):
        documents = _documents(n)
        parts = runner._parts(documents)
        assert [d for part in parts for d in part] == documents
        assert len(parts) <= 4 and all(parts)
        if n >= 4:
            assert max(len(p) for p in parts) - min(len(p) for p in parts) <= -(-n // 4)


def test_backends_local_and_spark_are_registered() -> None:
    assert {"local", "spark"} <= set(backends.names())
    assert backends.get("local") is local_runner


def test_backends_spark_names_the_extra() -> None:
    with pytest.raises(MissingExtraError, match=re.escape("pip install 'newsgraph[spark]'")):
        backends.get("spark")(Settings(), workers=1)


def test_backends_unknown_runner_lists_the_registered_ones() -> None:
    with pytest.raises(ConfigError, match=r"'cluster'.*local, spark"):
        backends.get("cluster")


def test_backends_unknown_runner_fails_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="runner"):
        list(annotate_documents(_documents(3), settings=Settings(runner="cluster")))


def test_backends_spark_from_the_command_line(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Germany met France on Tuesday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(post), "--runner", "spark"])
    assert result.exit_code == MissingExtraError.exit_code
    assert "pip install 'newsgraph[spark]'" in result.output


def test_backends_local_passes_the_coder_to_worker_processes() -> None:
    settings = Settings(coder="mine", parse="selective")
    runner = local_runner(settings, workers=2)  # no process starts before the first batch
    try:
        assert isinstance(runner, ProcessRunner)
        initargs = runner.pool._initargs  # type: ignore[attr-defined]
        # ... and this process's id, for the workers to die with it (runners.lifeline)
        assert initargs == ("", None, "selective", "mine", -1.0, os.getpid())
    finally:
        runner.close()
