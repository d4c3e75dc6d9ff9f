"""The docs match the code: docs/cli.md is generated from --help (run this file to regenerate)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"
HEADER = """# CLI reference

Generated from `newsgraph --help` by `python -m tests.test_docs` (a test checks it is current).
"""


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


def _subcommands(name: str) -> list[str]:
    group = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    return sorted(getattr(group, "commands", {}))


def render_cli_reference() -> str:
    parts = [HEADER, "## newsgraph\n", "```", _help(), "```\n"]
    for name in _commands():
        parts += [f"## newsgraph {name}\n", "```", _help(name), "```\n"]
        for sub in _subcommands(name):
            parts += [f"## newsgraph {name} {sub}\n", "```", _help(name, sub), "```\n"]
    return "\n".join(parts)


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == render_cli_reference(), "docs/cli.md is stale: run python -m tests.test_docs"


def test_every_command_is_in_the_readme() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"newsgraph {name}" in readme or name in ("serve",), name


@pytest.mark.model
def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```python\n(.*?)```", readme, flags=re.S)
    assert found is not None, "the README has no Python example"
    assert "import newsgraph\n" in found.group(1)
    monkeypatch.chdir(DOCS.parent)
    exec(compile(found.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed and all(line.split()[0].isupper() for line in printed)


if __name__ == "__main__":
    (DOCS / "cli.md").write_text(render_cli_reference(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOCS / 'cli.md'}\n")
