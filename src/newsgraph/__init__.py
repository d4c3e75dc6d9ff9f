"""newsgraph: news reports in, a sourced, time-aware knowledge base of geopolitical events out.

The library surface, by what it is for::

    read      read_paths, parse_record            files, folders, JSON-lines records -> Document
    annotate  Annotator, annotate_documents,      Documents -> AnnotatedDocuments (events, ...)
              extract, load_nlp, assess
    store     Store, ingest_documents             annotate and keep in one DuckDB file
              (files to the store: newsgraph.pipeline.ingest; newsgraph.ingest is the readers)
    query     EventQuery, list_events, iter_events, TransferQuery, list_transfers,
              store_stats, export_store
    records   Document, AnnotatedDocument, Event, Actor, Rejection; Settings, load_settings;
              NewsgraphError (the root of every error)

Names load on first use: ``import newsgraph`` does not load spaCy or DuckDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Settings, load_settings
    from .errors import NewsgraphError
    from .ingest import parse_record, read_paths
    from .model import Actor, AnnotatedDocument, Document, Event, Rejection
    from .nlp import Annotator, assess, load_nlp
    from .pipeline import annotate_documents, extract, ingest_documents
    from .store import (
        EventQuery,
        Store,
        TransferQuery,
        export_store,
        iter_events,
        list_events,
        list_transfers,
        store_stats,
    )

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "AnnotatedDocument",
    "Annotator",
    "Document",
    "Event",
    "EventQuery",
    "NewsgraphError",
    "Rejection",
    "Settings",
    "Store",
    "TransferQuery",
    "annotate_documents",
    "assess",
    "export_store",
    "extract",
    "ingest_documents",
    "iter_events",
    "list_events",
    "list_transfers",
    "load_nlp",
    "load_settings",
    "parse_record",
    "read_paths",
    "store_stats",
]

#: Where each public name lives.
_HOMES = {
    "Actor": ".model",
    "AnnotatedDocument": ".model",
    "Annotator": ".nlp",
    "Document": ".model",
    "Event": ".model",
    "EventQuery": ".store",
    "NewsgraphError": ".errors",
    "Rejection": ".model",
    "Settings": ".config",
    "Store": ".store",
    "TransferQuery": ".store",
    "annotate_documents": ".pipeline",
    "assess": ".nlp",
    "export_store": ".store",
    "extract": ".pipeline",
    "ingest_documents": ".pipeline",
    "iter_events": ".store",
    "list_events": ".store",
    "list_transfers": ".store",
    "load_nlp": ".nlp",
    "load_settings": ".config",
    "parse_record": ".ingest",
    "read_paths": ".ingest",
    "store_stats": ".store",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
