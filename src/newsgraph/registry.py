"""Named implementations chosen by a setting: event coders, runners, input readers.

Each :class:`Registry` is a ``catalogue`` registry (the one spaCy uses) under the namespace
``("newsgraph", kind)``, so an implementation is registered either in code::

    from newsgraph.nlp.events import coders

    @coders.register("mine")
    class MyCoder: ...

or, by a package that does not touch newsgraph, as an entry point in the group
``newsgraph_<kind>`` (``newsgraph_coders``, ``newsgraph_runners``, ``newsgraph_readers``)::

    [project.entry-points.newsgraph_coders]
    mine = "my_package.coder:MyCoder"

A name nobody registered is a :class:`~newsgraph.errors.ConfigError` that lists the names
there are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

import catalogue

from .errors import ConfigError

__all__ = ["Registry"]

T = TypeVar("T")
NAMESPACE = "newsgraph"


class Registry(Generic[T]):
    """Implementations of one kind by name; ``setting`` is the setting that names one."""

    def __init__(self, kind: str, *, setting: str) -> None:
        self.kind = kind
        self.setting = setting
        self._names = catalogue.create(NAMESPACE, kind, entry_points=True)

    @property
    def entry_point_group(self) -> str:
        return f"{NAMESPACE}_{self.kind}"

    def register(self, name: str) -> Callable[[T], T]:
        """A decorator registering its argument under ``name`` (a later one replaces it)."""

        def register(implementation: T) -> T:
            self._names.register(name, func=implementation)
            return implementation

        return register

    def get(self, name: str) -> T:
        """The implementation registered as ``name``, in code or as an entry point."""
        if name not in self._names:
            raise ConfigError(
                f"setting {self.setting!r} names {name!r}, which is not registered; registered "
                f"{self.kind}: {', '.join(self.names()) or 'none'} (register one with "
                f"@register({name!r}) or the entry-point group {self.entry_point_group})"
            )
        return cast(T, self._names.get(name))

    def names(self) -> list[str]:
        """Every registered name, entry points included, sorted."""
        return sorted(self._names.get_all())

    def unregister(self, name: str) -> None:
        """Forget a name registered in code (for tests; entry points stay)."""
        key = (NAMESPACE, self.kind, name)
        if key in catalogue.REGISTRY:
            del catalogue.REGISTRY[key]
