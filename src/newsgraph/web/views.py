"""The web UI's pages: HTML views over the same library calls as the API.

Every value from the store is untrusted news text: templates autoescape everything, pages carry
no script, and a Content-Security-Policy forbids scripts anyway (see :mod:`newsgraph.app`).
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..dates import format_date, format_period, format_time
from ..http.deps import (
    DocumentQueryDep,
    EventQueryDep,
    StoreDep,
    int_param,
    optional_date,
    optional_text,
)
from ..http.items import event_item
from ..model import EVENT_CERTAINTIES, EVENT_STATUSES, EventTime
from ..resources import read_table
from ..store import EventQuery, list_events, store_stats
from ..store.analytics import INTERVALS, actor_graph, actor_profile, dyad_series
from ..store.browse import event_with_document, list_documents, search_actors
from ..store.queries import EVENT_ORDERS
from ..store.tags import event_tags, parse_tag, tag_counts
from .charts import graph_view, timeline
from .highlight import document_marks, event_marks, segments

__all__ = ["router", "templates"]

router = APIRouter(include_in_schema=False)
# From the data file rather than newsgraph.nlp, which would load spaCy into a read-only server.
PLOVER_TYPES = tuple(dict.fromkeys(row["type"] for row in read_table("plover.tsv")))


class _Environment(Environment):
    """Jinja's environment, reading a dict's keys without first trying (and failing) an
    attribute: ``event.type`` on the listing's rows (dicts) raised and caught an
    AttributeError for every field of every row, 6-8% of an events page's CPU. A key that is
    also a dict method ("items", "keys") still gives the method, as in Jinja."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj and not hasattr(dict, attribute):
            return obj[attribute]
        return super().getattr(obj, attribute)


def _environment() -> Environment:
    folder = str(resources.files("newsgraph.web") / "templates")
    env = _Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        # Templates ship in the package: checking each file's time on every render (Jinja's
        # default) was about a twentieth of an events page's CPU.
        auto_reload=False,
    )
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v})
    env.filters["path"] = lambda value: quote(str(value), safe="/")
    env.filters["when"] = _when
    env.filters["day"] = lambda value: format_date(value) if value else ""
    env.filters["period"] = format_period
    return env


def _when(value: EventTime | str | None) -> str:
    """A time in words (newsgraph.dates): an event's time, or a value of the listing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return format_time(value)
    if value.value is None:
        return "unresolved"
    return format_time(value.value, type=value.type, start=value.start_date, end=value.end_date)


templates = Jinja2Templates(env=_environment())


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _params(request: Request, **changes: Any) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    params.update(changes)
    return params


@router.get("/")
def home() -> Response:
    return RedirectResponse("/events", status_code=303)


@router.get("/events")
def events_page(request: Request, store: StoreDep, query: EventQueryDep) -> HTMLResponse:
    rows = list_events(store, replace(query, limit=query.limit + 1))
    more = len(rows) > query.limit
    return _render(
        request,
        "events.html",
        {
            "title": "Events",
            "events": [event_item(r) for r in rows[: query.limit]],
            "query": query,
            "form": dict(request.query_params),
            "types": PLOVER_TYPES,
            "statuses": EVENT_STATUSES,
            "certainties": EVENT_CERTAINTIES,
            "orders": EVENT_ORDERS,
            "next": _params(request, offset=query.offset + query.limit) if more else None,
            "previous": _params(request, offset=max(0, query.offset - query.limit))
            if query.offset
            else None,
            "stats": store_stats(store)["counts"] if not request.query_params else None,
        },
    )


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    event, annotated = event_with_document(store, event_id)
    doc = annotated.document
    marks = event_marks(event)
    # Sentences keep the line breaks after them; pre-wrap would show them as blank lines.
    shown = doc.text[event.sentence_start : event.sentence_end].rstrip()
    return _render(
        request,
        "event.html",
        {
            "title": f"{event.type}: {event.trigger.text}",
            "event": event,
            "doc": doc,
            "sentence": segments(
                doc.text, marks, start=event.sentence_start, end=event.sentence_start + len(shown)
            ),
            "tags": event_tags(
                (a.actor.code for a in event.actors),
                (r.actor.code for r in event.recipients),
                location_country=event.location.country if event.location else None,
                document_tags=doc.tags,
            ),
            "snippet": lambda start, end: doc.text[start:end],
        },
    )


@router.get("/documents")
def documents_page(request: Request, store: StoreDep, query: DocumentQueryDep) -> HTMLResponse:
    rows = list_documents(store, replace(query, limit=query.limit + 1))
    more = len(rows) > query.limit
    return _render(
        request,
        "documents.html",
        {
            "title": "Documents",
            "documents": rows[: query.limit],
            "form": dict(request.query_params),
            "next": _params(request, offset=query.offset + query.limit) if more else None,
        },
    )


@router.get("/documents/{doc_id}")
def document_page(doc_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    annotated = store.annotated_document(doc_id)
    doc = annotated.document
    return _render(
        request,
        "document.html",
        {
            "title": doc.headline or doc.id,
            "item": annotated,
            "doc": doc,
            "text": segments(doc.text, document_marks(annotated)),
            "labels": sorted({e.label for e in annotated.entities}),
        },
    )


@router.get("/actors")
def actors_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    return _render(
        request,
        "actors.html",
        {"title": "Actors", "actors": search_actors(store, optional_text(q)), "q": q or ""},
    )


def _series_chart(
    rows: list[dict[str, Any]], names: list[tuple[str, str]], *, interval: str
) -> Any:
    periods = [row["period"] for row in rows]
    series = [(label, [row[key] for row in rows]) for key, label in names]
    return timeline(periods, series, interval=interval)


@router.get("/actors/{actor:path}")
def actor_page(
    actor: str,
    request: Request,
    store: StoreDep,
    interval: Annotated[str, Query()] = "month",
    since: Annotated[str | None, Query()] = None,
    until: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    profile = actor_profile(
        store,
        actor,
        interval=interval,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
    )
    chart = _series_chart(
        profile["series"],
        [("as_actor", "as actor"), ("as_recipient", "as recipient")],
        interval=interval,
    )
    return _render(
        request,
        "actor.html",
        {
            "title": actor,
            "profile": profile,
            "chart": chart,
            "intervals": INTERVALS,
            "form": dict(request.query_params),
        },
    )


@router.get("/dyads")
def dyad_page(
    request: Request,
    store: StoreDep,
    a: Annotated[str | None, Query()] = None,
    b: Annotated[str | None, Query()] = None,
    interval: Annotated[str, Query()] = "week",
    since: Annotated[str | None, Query()] = None,
    until: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    first, second = optional_text(a), optional_text(b)
    series = None
    chart = None
    if first and second:
        series = dyad_series(
            store,
            first,
            second,
            interval=interval,
            since=optional_date(since, "since"),
            until=optional_date(until, "until"),
        )
        chart = _series_chart(
            series["series"],
            [("forward", f"{first} on {second}"), ("backward", f"{second} on {first}")],
            interval=interval,
        )
    return _render(
        request,
        "dyad.html",
        {
            "title": f"{first} and {second}" if first and second else "Dyads",
            "series": series,
            "chart": chart,
            "intervals": INTERVALS,
            "form": dict(request.query_params),
            "first": first,
            "second": second,
        },
    )


@router.get("/graph")
def graph_page(
    request: Request,
    store: StoreDep,
    since: Annotated[str | None, Query()] = None,
    until: Annotated[str | None, Query()] = None,
    level: Annotated[str, Query()] = "actor",
    weight: Annotated[str, Query()] = "count",
    type: Annotated[str | None, Query()] = None,
    limit: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    graph = actor_graph(
        store,
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
        level=level,
        event_type=optional_text(type),
        limit=int_param(limit, "limit", low=1, high=300, default=60),
    )
    return _render(
        request,
        "graph.html",
        {
            "title": "Who acts on whom",
            "view": graph_view(graph, weight="score" if weight == "score" else "count"),
            "graph": graph,
            "form": dict(request.query_params),
            "types": PLOVER_TYPES,
        },
    )


@router.get("/tags")
def tags_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(request, "tags.html", {"title": "Tags", "tags": tag_counts(store)})


@router.get("/tags/{name:path}")
def tag_page(
    name: str,
    request: Request,
    store: StoreDep,
    offset: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    spec = parse_tag(name)
    start = int_param(offset, "offset", low=0, high=10_000_000, default=0)
    rows = list_events(store, EventQuery(tag=spec.name, offset=start, limit=51))
    return _render(
        request,
        "tag.html",
        {
            "title": f"#{spec.name}",
            "tag": spec,
            "events": [event_item(r) for r in rows[:50]],
            "next": {"offset": start + 50} if len(rows) > 50 else None,
        },
    )
