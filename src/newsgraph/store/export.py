"""Exports of a store: Parquet or CSV (a folder, one file per table) and JSON lines (one
annotated document per line, the same JSON as ``newsgraph extract``); the other tools' formats
(GDELT TSV, PLOVER JSON lines, GraphML) come from :mod:`.interchange`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from ..errors import StoreError
from .interchange import gdelt_lines, graphml_chunks, plover_lines
from .store import Store

__all__ = ["EXPORT_FORMATS", "EXPORT_TABLES", "ExportFormat", "export_store"]

ExportFormat = Literal["parquet", "csv", "jsonl", "gdelt", "plover", "graphml"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "jsonl", "gdelt", "plover", "graphml")
#: Formats written as one file, chunk by chunk.
_STREAMED: dict[str, Callable[[Store], Iterator[str]]] = {
    "gdelt": gdelt_lines,
    "plover": plover_lines,
    "graphml": graphml_chunks,
}
EXPORT_TABLES = (
    "documents",
    "entities",
    "time_expressions",
    "attributions",
    "events",
    "event_actors",
    "event_attributions",
    "event_materiel",
    "rejected",
)

# One row per event with its parties flattened: the table most analysts want first.
_EVENT_LIST = """
SELECT e.event_id, e.doc_id, d.published, d.outlet, e.type, e.mode, e.cameo, e.quad, e.score,
       e.status, e.certainty, e.negated, e.confidence, e.time_value, e.time_start, e.time_end,
       e.time_source, e.target_time_value, e.target_time_start, e.target_time_end,
       e.trigger_text,
       (SELECT string_agg(coalesce(a.code, '?') || ':' || a.name, '; ' ORDER BY a.idx)
          FROM event_actors a WHERE a.event_id = e.event_id AND a.role = 'actor') AS actors,
       (SELECT string_agg(coalesce(a.code, '?') || ':' || a.name, '; ' ORDER BY a.idx)
          FROM event_actors a WHERE a.event_id = e.event_id AND a.role = 'recipient') AS recipients,
       substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM events e JOIN current_documents d USING (doc_id)
ORDER BY d.published, e.doc_id, e.idx
"""


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_store(store: Store, fmt: ExportFormat, out: Path) -> list[Path]:
    """Write the store to ``out``; returns the files written."""
    if fmt in _STREAMED:
        if out.is_dir():
            raise StoreError(f"{out} is a folder; a {fmt} export is one file: name it")
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="\n") as handle:
            for chunk in _STREAMED[fmt](store):
                handle.write(chunk)
        return [out]
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for item in store.annotated_documents(current_only=True):
                handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        return [out]
    if fmt not in ("parquet", "csv"):
        raise StoreError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
    if out.exists() and not out.is_dir():
        raise StoreError(
            f"{out} exists and is not a folder; {fmt} exports write one file per table"
        )
    out.mkdir(parents=True, exist_ok=True)
    options = "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
    written = []
    for name, sql in [
        *((t, f"SELECT * FROM {t}") for t in EXPORT_TABLES),
        ("event_list", _EVENT_LIST),
        ("transfers", "SELECT * FROM transfers"),
    ]:
        target = out / f"{name}.{fmt}"
        store.con.execute(f"COPY ({sql}) TO {_literal(target)} {options}")
        written.append(target)
    return written
