"""Runners by name: the setting ``runner`` picks one (``"local"`` today).

A runner factory takes the settings and the number of worker processes chosen for the run and
returns a :class:`~.base.Runner`. Packages register theirs through the entry-point group
``newsgraph_runners``; an unknown name is a :class:`~newsgraph.errors.ConfigError` listing the
registered ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from ..config import Settings
from ..registry import Registry
from .base import Runner

__all__ = ["RunnerFactory", "get", "names", "register", "registry"]


class RunnerFactory(Protocol):
    def __call__(self, settings: Settings, *, workers: int) -> Runner: ...


F = TypeVar("F", bound=RunnerFactory)

registry: Registry[RunnerFactory] = Registry("runners", setting="runner")


def register(name: str) -> Callable[[F], F]:
    """A decorator registering a runner factory as ``name``."""

    def decorate(factory: F) -> F:
        registry.register(name)(factory)
        return factory

    return decorate


def get(name: str) -> RunnerFactory:
    """The runner factory registered as ``name``."""
    _load_builtin()
    return registry.get(name)


def names() -> list[str]:
    _load_builtin()
    return registry.names()


def _load_builtin() -> None:
    from . import local, spark  # noqa: F401  (register "local" and "spark")
