"""Atom feeds of events per tag (``#Venezuela``, ``#Russia/USA``), as a channel publishes them.

Entry ids are ``urn:newsgraph:event:<event id>``: stable across runs, so a feed reader shows an
event once however often the feed is fetched or the input re-ingested.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from urllib.parse import quote

from ..dates import format_date, format_time
from ..errors import MissingExtraError
from .queries import EventQuery, list_events
from .store import Store
from .tags import parse_tag, tags_of_row

__all__ = ["event_title", "event_when", "tag_feed"]


def event_title(row: dict[str, Any]) -> str:
    """A one-line summary of an event row: ``REQUEST: Venezuela -> Russia (asked)``."""
    actors = ", ".join(a["name"] for a in row["actors"]) or "?"
    recipients = ", ".join(r["name"] for r in row["recipients"])
    parties = f"{actors} -> {recipients}" if recipients else actors
    negated = " (negated)" if row.get("negated") else ""
    return f"{row['type']}{negated}: {parties} ({row['trigger_text']})"


def event_when(row: dict[str, Any]) -> str:
    """When an event row happened, in words, and the time it refers to: ``14 Oct 2025, for
    spring 2026``; the publication date when the text gives no time."""
    if row.get("time_value"):
        when = format_time(row["time_value"])
    elif row.get("event_date"):
        when = format_date(row["event_date"])
    else:
        return ""
    if row.get("time_source") == "publication":
        when += " (published)"
    if row.get("target_time_value"):
        when += f", for {format_time(row['target_time_value'])}"
    return when


def _utc(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time(), tzinfo=UTC)


def tag_feed(store: Store, tag: str, *, base_url: str, limit: int = 50) -> bytes:
    """The Atom document of the newest ``limit`` events carrying ``tag``; links point into the
    web UI at ``base_url`` (``http://127.0.0.1:8321``)."""
    try:
        from feedgen.feed import FeedGenerator
    except ImportError as exc:  # an optional extra
        raise MissingExtraError("feedgen", "api") from exc
    spec = parse_tag(tag)
    rows = list_events(store, EventQuery(tag=spec.name, limit=limit, order="date"))
    root = base_url.rstrip("/")
    feed = FeedGenerator()
    feed.id(f"urn:newsgraph:tag:{quote(spec.name)}")
    feed.title(f"#{spec.name} — newsgraph events")
    feed.link(href=f"{root}/feeds/tag/{quote(spec.name)}.atom", rel="self")
    feed.link(href=f"{root}/tags/{quote(spec.name)}", rel="alternate")
    feed.generator("newsgraph")
    feed.language("en")
    newest = max((_utc(r["ingested_at"]) for r in rows), default=datetime(1970, 1, 1, tzinfo=UTC))
    feed.updated(newest)
    # feedgen puts the entry added last first; add oldest first to keep newest on top.
    for row in reversed(rows):
        entry = feed.add_entry()
        entry.id(f"urn:newsgraph:event:{row['event_id']}")
        entry.title(event_title(row))
        entry.link(href=f"{root}/events/{row['event_id']}")
        entry.updated(_utc(row["ingested_at"]))
        if row.get("event_date"):
            entry.published(_utc(row["event_date"]))
        source = row.get("outlet") or row.get("outlet_abbreviation")
        entry.author({"name": source or "newsgraph"})
        when = event_when(row)
        entry.summary(f"{when}: {row['sentence']}" if when else row["sentence"])
        for name in tags_of_row(row):
            entry.category(term=name, label=f"#{name}")
    return bytes(feed.atom_str(pretty=True))
