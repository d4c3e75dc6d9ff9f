"""Actors (search, profile), dyads (time series), the actor graph, tags and their Atom feeds."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...errors import NotFoundError
from ...http.deps import StoreDep, int_param, optional_date, optional_text
from ...store.analytics import INTERVALS, actor_graph, actor_profile, dyad_series
from ...store.browse import search_actors
from ...store.feeds import tag_feed
from ...store.tags import tag_counts
from ..errors import READ_ERRORS

__all__ = ["feeds_router", "router"]

router = APIRouter(prefix="/api", tags=["actors, dyads, tags"], responses=READ_ERRORS)
feeds_router = APIRouter(prefix="/feeds", tags=["feeds"], responses=READ_ERRORS)

Since = Annotated[str | None, Query(description="From YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="To YYYY-MM-DD.")]
IntervalParam = Annotated[str, Query(description=f"Period: {', '.join(INTERVALS)}.")]


@router.get("/actors", summary="Search actors")
def actors(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Name, text or code.")] = None,
    limit: Annotated[str | None, Query(description="At most this many, 1-500.")] = None,
) -> dict[str, Any]:
    """Actors by name, with how often each acts and is acted on, most frequent first."""
    size = int_param(limit, "limit", low=1, high=500, default=50)
    return {"items": search_actors(store, optional_text(q), limit=size)}


@router.get("/actors/{actor:path}", summary="An actor's profile")
def actor(
    actor: str,
    store: StoreDep,
    interval: IntervalParam = "month",
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Events as actor and as recipient per period, event types, top partners. ``actor`` is a
    name (any case) or a code (``RUS``)."""
    return actor_profile(
        store,
        actor,
        interval=interval,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
    )


@router.get("/dyads", summary="A dyad's time series")
def dyad(
    store: StoreDep,
    a: Annotated[str, Query(description="First actor: name, text or code.")],
    b: Annotated[str, Query(description="Second actor.")],
    interval: IntervalParam = "week",
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Events between ``a`` and ``b`` per period, each direction apart, with mean scores."""
    return dyad_series(
        store,
        a,
        b,
        interval=interval,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
    )


@router.get("/graph", summary="Who acts on whom")
def graph(
    store: StoreDep,
    since: Since = None,
    until: Until = None,
    level: Annotated[str, Query(description="actor or country.")] = "actor",
    type: Annotated[str | None, Query(description="Only this PLOVER type.")] = None,
    limit: Annotated[str | None, Query(description="The heaviest edges, 1-5000.")] = None,
) -> dict[str, Any]:
    """Nodes and directed edges (events, mean PLOVER score) for a date range."""
    return actor_graph(
        store,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
        level=level,
        event_type=optional_text(type),
        limit=int_param(limit, "limit", low=1, high=5000, default=100),
    )


@router.get("/tags", summary="Tags and their event counts")
def tags(store: StoreDep) -> dict[str, Any]:
    """Tags computed from each event's countries (documents' own tags where an event has no
    country), most frequent first."""
    return {"items": tag_counts(store)}


@feeds_router.get(
    "/tag/{name:path}",
    summary="Atom feed of a tag",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def feed(name: str, request: Request, store: StoreDep) -> Response:
    """The newest events of a tag: ``/feeds/tag/Venezuela.atom``, ``/feeds/tag/Russia/USA.atom``."""
    if not name.endswith(".atom"):
        raise NotFoundError(f"feeds end in .atom: /feeds/tag/{name}.atom")
    # Links point at the configured address: a Host header is the client's to write.
    body = tag_feed(store, name.removesuffix(".atom"), base_url=request.app.state.config.base_url)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
