"""Actors: a time-aware knowledge base of countries, organisations, armed groups, outlets and
office-holders, and a resolver from the words of a text to coded actors.

A library first (no spaCy needed)::

    from datetime import date
    from newsgraph.actors import resolver_for

    resolver = resolver_for()
    resolver.resolve("Venezuelan President Nicolás Maduro", on=date(2025, 10, 31)).actor
    # Actor(name='Nicolás Maduro', code='VEN', sector='GOV', role='President', ...)

The ``newsgraph_actors`` spaCy component (:mod:`newsgraph.nlp.actors.tagger`) runs it on every
document; ``newsgraph actors search`` and ``show`` look things up from the command line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .entries import KINDS, Agent, Entry, Term
from .extension import read_extension
from .kb import KnowledgeBase, base_knowledge_base
from .resolver import DocumentResolver, Resolution, Resolver

__all__ = [
    "KINDS",
    "Agent",
    "DocumentResolver",
    "Entry",
    "KnowledgeBase",
    "Resolution",
    "Resolver",
    "Term",
    "base_knowledge_base",
    "knowledge_base",
    "read_extension",
    "resolver_for",
]


def knowledge_base(actors_file: Path | None = None) -> KnowledgeBase:
    """The built-in knowledge base, with the user extension file ``actors_file`` over it."""
    return resolver_for(actors_file).kb


def resolver_for(actors_file: Path | None = None) -> Resolver:
    """A resolver over the built-in knowledge base and, if given, a user extension file; made
    once per process and file version (an edited file is read again)."""
    if actors_file is None:
        return _resolver(None, 0, 0)
    try:
        stat = Path(actors_file).stat()
    except OSError:
        # read_extension reports the missing file with its path.
        return _resolver(str(actors_file), 0, 0)
    return _resolver(str(Path(actors_file).resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _resolver(path: str | None, _mtime: int, _size: int) -> Resolver:
    base = base_knowledge_base()
    if path is None:
        return Resolver(base)
    entries, agents = read_extension(Path(path))
    return Resolver(KnowledgeBase(entries, agents, base=base))
