"""The import arrows of the package point one way: the front ends do not import each other, the
store has no cycle (not even for types), and the text helpers of nlp/ sit below its subsystems.

Every import counts, including those under ``TYPE_CHECKING`` and inside functions.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsgraph"


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


@cache
def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p)[0] for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name, is_package = _module_name(path)
        base = name.split(".") if is_package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = base[: len(base) - (node.level - 1)]
                    prefix = ".".join([*anchor, *([node.module] if node.module else [])])
                else:
                    prefix = node.module or ""
                found = [prefix, *(f"{prefix}.{alias.name}" for alias in node.names)]
            else:
                continue
            targets |= {t for t in found if t in modules}
        graph[name] = targets - {name}
    return graph


def _imports_of(prefix: str) -> set[tuple[str, str]]:
    return {
        (source, target)
        for source, targets in _graph().items()
        if source == prefix or source.startswith(prefix + ".")
        for target in targets
    }


def _inside(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("newsgraph.api", "newsgraph.web"),
        ("newsgraph.api", "newsgraph.app"),
        ("newsgraph.web", "newsgraph.api"),
        ("newsgraph.web", "newsgraph.app"),
        ("newsgraph.http", "newsgraph.api"),
        ("newsgraph.http", "newsgraph.web"),
        ("newsgraph.store", "newsgraph.api"),
        ("newsgraph.store", "newsgraph.web"),
        ("newsgraph.nlp.text", "newsgraph.nlp.events"),
        ("newsgraph.nlp.text", "newsgraph.nlp.claims"),
        ("newsgraph.nlp.text", "newsgraph.nlp.time"),
        ("newsgraph.nlp.text", "newsgraph.nlp.materiel"),
        ("newsgraph.nlp.time", "newsgraph.nlp.events"),
        ("newsgraph.nlp.time", "newsgraph.nlp.claims"),
    ],
)
def test_layers_no_import_upwards(lower: str, upper: str) -> None:
    arrows = sorted((s, t) for s, t in _imports_of(lower) if _inside(t, upper))
    assert not arrows, f"{lower} must not import {upper}: {arrows}"


def test_layers_app_assembles_api_and_web() -> None:
    targets = _graph()["newsgraph.app"]
    assert any(_inside(t, "newsgraph.api") for t in targets)
    assert any(_inside(t, "newsgraph.web") for t in targets)


def test_layers_store_modules_have_no_cycle() -> None:
    graph = {
        source: {t for t in targets if t.startswith("newsgraph.store.")}
        for source, targets in _graph().items()
        if source.startswith("newsgraph.store.")
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in visiting, " -> ".join([*visiting[visiting.index(node) :], node])
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            visit(target)
        visiting.pop()
        done.add(node)

    for node in sorted(graph):
        visit(node)
