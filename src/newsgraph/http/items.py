"""The JSON item of an event as the API lists it and the web UI links it."""

from __future__ import annotations

from typing import Any

from ..store.tags import tags_of_row

__all__ = ["EVENT_ITEM_FIELDS", "event_item"]

#: How the item shows each field of :class:`~newsgraph.model.Event` (empty: not in the listing;
#: ``GET /api/events/{id}`` gives the whole record). tests/store/test_drift.py checks it covers
#: every field of the model and that the item has these keys.
EVENT_ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "type": ("type",),
    "trigger": ("trigger",),
    "sentence_start": ("sentence",),
    "sentence_end": ("sentence",),
    "mode": ("mode",),
    "cameo": ("cameo",),
    "quad": ("quad",),
    "score": ("score",),
    "actors": ("actors",),
    "recipients": ("recipients",),
    "time": ("date", "date_source", "time"),
    "target_time": ("target_time", "target_date"),
    "location": (),
    "status": ("status",),
    "certainty": ("certainty",),
    "negated": ("negated",),
    "attribution": ("attribution",),
    "materiel": (),
    "confidence": ("confidence",),
    "extractor": (),
}


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the events listing as the API gives it."""
    return {
        "id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["event_date"],
        "date_source": row["time_source"],
        "time": row["time_value"],
        "target_time": row["target_time_value"],
        "target_date": row["target_time_start"],
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad": row["quad"],
        "score": row["score"],
        "trigger": row["trigger_text"],
        "actors": row["actors"],
        "recipients": row["recipients"],
        "status": row["status"],
        "certainty": row["certainty"],
        "negated": row["negated"],
        "attribution": row["attribution"],
        "confidence": row["confidence"],
        "outlet": row["outlet"],
        "outlet_abbreviation": row["outlet_abbreviation"],
        "headline": row["headline"],
        "published": row["published"],
        "sentence": row["sentence"],
        "tags": tags_of_row(row),
    }
