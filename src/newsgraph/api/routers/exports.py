"""Exports streamed to the response (no file is written on the server), and transfers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from ...errors import ConfigError, NotFoundError
from ...http.deps import EventQueryDep, StoreDep, int_param, optional_date
from ...store import Store
from ...store.interchange import gdelt_lines, graphml_chunks, plover_lines
from ...store.transfers import list_transfers
from ..errors import error_responses

__all__ = ["router"]

router = APIRouter(
    prefix="/api", tags=["exports"], responses=error_responses(400, 404, 500, 501, 503)
)

_MEDIA = {
    "gdelt": ("text/tab-separated-values; charset=utf-8", "events.gdelt.tsv"),
    "plover": ("application/x-ndjson; charset=utf-8", "events.plover.jsonl"),
    "graphml": ("application/graphml+xml; charset=utf-8", "actors.graphml"),
}


def _stream(store: Store, chunks: Iterator[str]) -> Iterator[bytes]:
    """Chunks from a store cursor of its own, closed when the stream ends or is abandoned."""
    try:
        for chunk in chunks:
            yield chunk.encode("utf-8")
    finally:
        store.close()


@router.get("/export/{fmt}", summary="Export events: gdelt, plover or graphml")
def export(
    fmt: str,
    request: Request,
    query: EventQueryDep,
    level: Annotated[str, Query(description="graphml: actor or country nodes.")] = "actor",
) -> StreamingResponse:
    """The events matching the filters (all of them: ``limit`` and ``offset`` do not apply) as
    a GDELT 2.0 event TSV or PLOVER JSON lines; or the actor graph of the date range as
    GraphML. See docs/exports.md."""
    if fmt not in _MEDIA:
        raise NotFoundError(f"no export format {fmt!r}; choose one of {', '.join(_MEDIA)}")
    if level not in ("actor", "country"):
        raise ConfigError(f"parameter 'level' must be actor or country, got {level!r}")
    # The stream outlives this function: it gets a cursor of its own, closed by the stream.
    store: Store = request.app.state.store.cursor()
    chunks: Iterator[str]
    if fmt == "gdelt":
        chunks = gdelt_lines(store, query)
    elif fmt == "plover":
        chunks = plover_lines(store, query)
    else:
        chunks = graphml_chunks(store, since=query.since, until=query.until, level=level)
    media, filename = _MEDIA[fmt]
    return StreamingResponse(
        _stream(store, chunks),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/transfers", summary="Arms transfers")
def transfers(
    store: StoreDep,
    since: Annotated[str | None, Query(description="From YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="To YYYY-MM-DD.")] = None,
    limit: Annotated[str | None, Query(description="Page size, 1-500.")] = None,
    offset: Annotated[str | None, Query(description="Rows to skip.")] = None,
) -> dict[str, Any]:
    """The store's arms-transfer view (``transfers``) when its schema has one; else the
    materiel items attached to events (who, what, how many, which action)."""
    size = int_param(limit, "limit", low=1, high=500, default=50)
    start = int_param(offset, "offset", low=0, high=10_000_000, default=0)
    result = list_transfers(
        store,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
        limit=size + 1,
        offset=start,
    )
    rows = result["items"]
    return {
        "source": result["source"],
        "items": rows[:size],
        "limit": size,
        "offset": start,
        "next_offset": start + size if len(rows) > size else None,
    }
