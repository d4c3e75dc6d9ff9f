"""The DuckDB store: schema with recorded migrations, idempotent batch writes, queries, exports."""

from __future__ import annotations

from .export import EXPORT_FORMATS, ExportFormat, export_store
from .queries import EventQuery, iter_events, list_events, store_stats
from .store import Store, WriteResult
from .transfers import TRANSFER_STATUSES, TransferQuery, find_transfers, list_transfers

__all__ = [
    "EXPORT_FORMATS",
    "TRANSFER_STATUSES",
    "EventQuery",
    "ExportFormat",
    "Store",
    "TransferQuery",
    "WriteResult",
    "export_store",
    "find_transfers",
    "iter_events",
    "list_events",
    "list_transfers",
    "store_stats",
]
