"""Documents: list and search, one with all its annotations, and the token-guarded ingest."""

from __future__ import annotations

import hashlib
import io
import secrets
import threading
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool

from ...config import Settings
from ...errors import MalformedInputError, PermissionDeniedError, TooLargeError
from ...http.deps import DocumentQueryDep, StoreDep
from ...ingest import Format, read_stream, readers, rejection
from ...ingest.jsonl import read_array
from ...model import Document, Rejection
from ...store import Store
from ...store.browse import list_documents
from ..errors import READ_ERRORS, error_responses

__all__ = ["ingest_router", "router"]

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=READ_ERRORS)
ingest_router = APIRouter(
    prefix="/api", tags=["ingest"], responses=error_responses(400, 403, 422, 500, 503)
)


def page(items: list[dict[str, Any]], *, limit: int, offset: int) -> dict[str, Any]:
    """A page of a listing fetched with ``limit + 1`` rows: the extra row only says more exist."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


@router.get("", summary="List and search documents")
def documents(store: StoreDep, query: DocumentQueryDep) -> dict[str, Any]:
    """Documents, newest publication first, with their number of events; ``q`` searches the
    headline and text."""
    rows = list_documents(store, replace(query, limit=query.limit + 1))
    return page(rows, limit=query.limit, offset=query.offset)


@router.get("/{doc_id}", summary="One document with all its annotations")
def document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """The annotated-document JSON of docs/schema.md; ``doc_id`` may be a unique prefix."""
    return store.annotated_document(doc_id).to_dict()


# -- ingest ----------------------------------------------------------------------------------

_LOCK = threading.Lock()


def _check_token(request: Request, authorization: str | None) -> None:
    expected: str = request.app.state.config.token
    # The scheme is named (RFC 6750; case-insensitive, as every HTTP auth scheme): a bare token
    # is refused, so it is never sent where a different scheme is expected.
    scheme, _, given = (authorization or "").strip().partition(" ")
    given = given.strip()
    if (
        scheme.lower() != "bearer"
        or not given
        or not secrets.compare_digest(given.encode(), expected.encode())
    ):
        raise PermissionDeniedError(
            "ingest needs the server's token: send the header 'Authorization: Bearer TOKEN' "
            "(the token newsgraph serve was started with, NEWSGRAPH_API_TOKEN)"
        )


async def _body(request: Request, limit: int) -> bytes:
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > limit:
            raise TooLargeError(f"request body over {limit:,} bytes; send fewer documents at once")
    return bytes(data)


def _json_items(data: bytes, *, origin: str, settings: Settings) -> list[Document | Rejection]:
    """The documents of a JSON body (an object or a list of them), each record on its own: a
    bad one is rejected with its reason and the others are stored."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedInputError(f"request body is not UTF-8 JSON: {exc}") from exc
    return [
        item if isinstance(item, Document) else rejection(item)
        for item in read_array(text, origin=origin, max_bytes=settings.max_document_bytes)
    ]


def _ingest(
    store: Store, settings: Settings, request: Request, data: bytes, content_type: str
) -> dict[str, Any]:
    origin = f"api:{hashlib.sha256(data).hexdigest()[:16]}"
    items: list[Document | Rejection]
    if content_type.startswith("application/json"):
        items = _json_items(data, origin=origin, settings=settings)
    else:
        fmt: Format = "jsonl"
        if content_type.startswith("text/plain"):
            # As for a .txt file: a post when its first lines carry a post header, else plain.
            fmt = readers.sniff_text(data.decode("utf-8", errors="replace")).name
        items = list(read_stream(io.BytesIO(data), origin=origin, fmt=fmt, settings=settings))
    # The NLP (spaCy) loads with the first ingest, not with a read-only server.
    from ...pipeline import ingest_documents
    from ...runners import LocalRunner

    with _LOCK:
        state = request.app.state
        if state.runner is None:
            state.runner = LocalRunner(
                model=settings.model,
                batch_size=settings.batch_size,
                coder=settings.coder,
                min_confidence=settings.min_confidence,
            )
        report = ingest_documents(items, store=store, settings=settings, runner=state.runner)
    return {
        "read": report.read,
        "stored": report.stored,
        "already_stored": report.already_stored,
        "events": report.events,
        "doc_ids": [item.id for item in items if isinstance(item, Document)],
        "rejected": [
            {"origin": r.origin, "reason": r.reason, "code": r.code, "message": r.message}
            for r in report.rejections
        ],
    }


@ingest_router.post("/ingest", summary="Annotate and store documents (needs the token)")
async def ingest(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    content_type: Annotated[str, Header()] = "application/json",
) -> dict[str, Any]:
    """Body: a JSON object or a list of them (the JSON-lines record of docs/formats.md),
    ``application/x-ndjson`` lines, or ``text/plain`` holding one post. Only exists when the
    server was started with a token; holds the store's write lock while it runs."""
    _check_token(request, authorization)
    settings: Settings = request.app.state.config.settings
    data = await _body(request, limit=settings.max_document_bytes * 4)
    return await run_in_threadpool(
        _ingest, request.app.state.store, settings, request, data, content_type.lower()
    )
