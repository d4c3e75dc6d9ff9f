"""scripts/convert_cameo.py reproduces the shipped lexicon files from ../shared/data."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.resources import data_path

pytestmark = pytest.mark.shared

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "convert_cameo.py"
OUTPUTS = (
    "cameo_verbs.tsv",
    "cameo_patterns.tsv",
    "cameo_synsets.tsv",
    "cameo_plover.tsv",
    "actor_heads.txt",
)


def test_convert_cameo_reproduces_the_shipped_files(shared: Path, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(shared / "data"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == data_path(name).read_bytes(), name


def test_convert_cameo_reads_verb_lines() -> None:
    spec = importlib.util.spec_from_file_location("convert_cameo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_cameo"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    assert module._verb("+CALL_OFF") == ("call", "off")
    assert module._verb("WIRE_+TAP") is None
    assert module._code("[042:043]") == "042"
    assert module._code("[---]") == ""
    assert module._pattern("* (FOR {FINANCIAL AID})") == ("", "", "for:financial aid")
    assert module._pattern("&MILITARY * EXERCISES") == ("@military", "exercises", "")
