"""The DuckDB store: schema with recorded migrations, idempotent batch writes, queries, exports."""

from __future__ import annotations

from .export import EXPORT_FORMATS, ExportFormat, export_store
from .queries import EventQuery, iter_events, list_events, store_stats
from .store import Store, WriteResult

__all__ = [
    "EXPORT_FORMATS",
    "EventQuery",
    "ExportFormat",
    "Store",
    "WriteResult",
    "export_store",
    "iter_events",
    "list_events",
    "store_stats",
]
