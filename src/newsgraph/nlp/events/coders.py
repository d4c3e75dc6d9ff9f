"""The event-coder seam: what a coder is, and the registry that picks one by name.

A coder is built once per pipeline by its factory, ``factory(nlp)``, and called once per Doc::

    from spacy.language import Language
    from spacy.tokens import Doc

    from newsgraph.model import Event
    from newsgraph.nlp.events import coders

    @coders.register("mine")
    class MyCoder:
        def __init__(self, nlp: Language) -> None: ...

        def code(self, doc: Doc) -> list[Event]: ...

and chosen by the setting ``coder = "mine"`` (``NEWSGRAPH_CODER``, ``--coder``). The Doc it gets
has been through the model, the selective parser, ``newsgraph_times`` (``doc._.ng_times``) and
``newsgraph_actors`` (``doc._.ng_actors``); the coder returns the events of the whole document
in document order, built with :func:`.records.event_record` (which gives id, PLOVER type, mode,
quad class and score from a CAMEO code). The ``newsgraph_events`` component then gives each
event its time (:mod:`.timing`); attributions, claims and materiel are added by the components
after it.

A package registers a coder without touching newsgraph through the entry-point group
``newsgraph_coders`` (``mine = "my_package.coder:MyCoder"``); worker processes find such
coders too, where one registered by a decorator in a script is known in that process only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Event
from ...registry import Registry

__all__ = ["CoderFactory", "EventCoder", "get", "names", "register", "registry"]


class EventCoder(Protocol):
    """Finds the events of a processed Doc."""

    def code(self, doc: Doc) -> list[Event]:
        """The events of ``doc``, in document order, without their time."""
        ...


#: What is registered: called once per pipeline with the pipeline, returns the coder.
CoderFactory = Callable[[Language], EventCoder]
F = TypeVar("F", bound=CoderFactory)

#: The coders by name (newsgraph's own: ``rules``, :mod:`.rules`; ``model``, :mod:`.learned`).
registry: Registry[CoderFactory] = Registry("coders", setting="coder")


def register(name: str) -> Callable[[F], F]:
    """A decorator registering a coder factory (a class taking the pipeline) as ``name``."""

    def decorate(factory: F) -> F:
        registry.register(name)(factory)
        return factory

    return decorate


def get(name: str) -> CoderFactory:
    """The factory registered as ``name``; a :class:`~newsgraph.errors.ConfigError` listing the
    registered names when there is none."""
    _load_builtin()
    return registry.get(name)


def names() -> list[str]:
    """The registered coder names, sorted."""
    _load_builtin()
    return registry.names()


def _load_builtin() -> None:
    from . import learned, rules  # noqa: F401  (register "model" and "rules")
