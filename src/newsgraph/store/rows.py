"""Annotated documents to table rows (column lists for Arrow) and back.

Writes go through Arrow tables because DuckDB loads them in bulk; ``executemany`` manages only
a few hundred rows a second.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from ..model import (
    Actor,
    AnnotatedDocument,
    Attribution,
    AttributionSource,
    Credit,
    Document,
    EntityMention,
    Event,
    EventActor,
    EventTime,
    Location,
    MaterielItem,
    Outlet,
    Rejection,
    Span,
    TimeExpression,
)

__all__ = [
    "EVENT_COLUMNS",
    "TABLE_SCHEMAS",
    "annotated_from_rows",
    "to_arrow_tables",
    "version_key",
]

_S, _I, _F, _D, _B = pa.string(), pa.int32(), pa.float64(), pa.date32(), pa.bool_()
# The columns of an event time, after a prefix (time_, target_time_), and their types.
_TIME_PARTS = (
    "text",
    "start_char",
    "end_char",
    "value",
    "start",
    "end",
    "granularity",
    "type",
    "source",
    "reason",
)
_TIME_TYPES = (_S, _I, _I, _S, _D, _D, _S, _S, _S, _S)

#: Where each field of :class:`~newsgraph.model.Event` is kept: columns of ``events``, or
#: ``table.*`` for a child table. tests/store/test_drift.py checks it against the model, the
#: Arrow schema and the SQL table, and writes and reads back an event with every field set.
EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("event_id",),
    "type": ("type",),
    "trigger": ("trigger_start", "trigger_end", "trigger_text"),
    "sentence_start": ("sentence_start",),
    "sentence_end": ("sentence_end",),
    "mode": ("mode",),
    "cameo": ("cameo",),
    "quad": ("quad",),
    "score": ("score",),
    "actors": ("event_actors.*",),
    "recipients": ("event_actors.*",),
    "time": (
        "time_text",
        "time_start_char",
        "time_end_char",
        "time_value",
        "time_start",
        "time_end",
        "time_granularity",
        "time_type",
        "time_source",
        "time_reason",
    ),
    "target_time": tuple(f"target_time_{part}" for part in _TIME_PARTS),
    "location": ("location",),
    "status": ("status",),
    "certainty": ("certainty",),
    "negated": ("negated",),
    "attribution": ("event_attributions.*",),
    "materiel": ("event_materiel.*",),
    "confidence": ("confidence",),
    "extractor": ("extractor",),
}

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", _S),
            ("version_key", _S),
            ("ord", _I),
            ("origin", _S),
            ("source_kind", _S),
            ("external_id", _S),
            ("url", _S),
            ("headline", _S),
            ("outlet", _S),
            ("outlet_abbreviation", _S),
            ("outlet_country", _S),
            ("tags", pa.list_(_S)),
            ("published", _D),
            ("credit", _S),
            ("credits", _S),
            ("language", _S),
            ("body_start", _I),
            ("text", _S),
            ("raw_text", _S),
            ("extractor", _S),
            ("ingested_at", pa.timestamp("us")),
        ]
    ),
    "entities": pa.schema(
        [
            ("doc_id", _S),
            ("idx", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("label", _S),
            ("actor_name", _S),
            ("actor_code", _S),
            ("actor_sector", _S),
            ("actor_role", _S),
            ("actor_wikidata", _S),
        ]
    ),
    "time_expressions": pa.schema(
        [
            ("doc_id", _S),
            ("idx", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("value", _S),
            ("granularity", _S),
            ("type", _S),
            ("start_date", _D),
            ("end_date", _D),
            ("reason", _S),
        ]
    ),
    "attributions": pa.schema(
        [
            ("doc_id", _S),
            ("idx", _I),
            ("source_start", _I),
            ("source_end", _I),
            ("source_text", _S),
            ("cue_start", _I),
            ("cue_end", _I),
            ("cue_text", _S),
            ("content_start", _I),
            ("content_end", _I),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", _S),
            ("doc_id", _S),
            ("idx", _I),
            ("type", _S),
            ("mode", _S),
            ("cameo", _S),
            ("quad", _I),
            ("score", _F),
            ("trigger_start", _I),
            ("trigger_end", _I),
            ("trigger_text", _S),
            ("sentence_start", _I),
            ("sentence_end", _I),
            ("time_text", _S),
            ("time_start_char", _I),
            ("time_end_char", _I),
            ("time_value", _S),
            ("time_start", _D),
            ("time_end", _D),
            ("time_granularity", _S),
            ("time_type", _S),
            ("time_source", _S),
            ("time_reason", _S),
            ("location", _S),
            ("status", _S),
            ("certainty", _S),
            ("negated", _B),
            ("confidence", _F),
            ("extractor", _S),
            # added by a later migration, so after the others
            *(
                (f"target_time_{part}", kind)
                for part, kind in zip(_TIME_PARTS, _TIME_TYPES, strict=True)
            ),
        ]
    ),
    "event_actors": pa.schema(
        [
            ("event_id", _S),
            ("role", _S),
            ("idx", _I),
            ("name", _S),
            ("code", _S),
            ("sector", _S),
            ("actor_role", _S),
            ("wikidata", _S),
            ("start", _I),
            ("end", _I),
            ("text", _S),
        ]
    ),
    "event_attributions": pa.schema(
        [
            ("event_id", _S),
            ("idx", _I),
            ("kind", _S),
            ("name", _S),
            ("start", _I),
            ("end", _I),
        ]
    ),
    "event_materiel": pa.schema(
        [
            ("event_id", _S),
            ("idx", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("item", _S),
            ("category", _S),
            ("designation", _S),
            ("count", _F),
            ("unit", _S),
            ("action", _S),
            ("quantity", _S),
            ("approximate", _B),
            ("hedge", _S),
            ("supplier", _S),
            ("supplier_code", _S),
            ("recipient", _S),
            ("recipient_code", _S),
        ]
    ),
    "rejected": pa.schema(
        [
            ("origin", _S),
            ("content_hash", _S),
            ("reason", _S),
            ("code", _S),
            ("message", _S),
            ("seen_at", pa.timestamp("us")),
        ]
    ),
}


def version_key(document: Document) -> str:
    """What makes two documents versions of one input: the record id, else where it came from."""
    if document.external_id:
        return f"id:{document.external_id}"
    return f"origin:{document.origin}"


def _actor_row(event: Event, role: str, index: int, item: EventActor) -> dict[str, Any]:
    actor = item.actor
    return {
        "event_id": event.id,
        "role": role,
        "idx": index,
        "name": actor.name,
        "code": actor.code,
        "sector": actor.sector,
        "actor_role": actor.role,
        "wikidata": actor.wikidata,
        "start": item.start,
        "end": item.end,
        "text": item.text,
    }


def _time_columns(time: EventTime | None, prefix: str) -> dict[str, Any]:
    values: tuple[Any, ...] = (None,) * len(_TIME_PARTS)
    if time is not None:
        values = (
            *(time.text, time.start, time.end, time.value, time.start_date, time.end_date),
            *(time.granularity, time.type, time.source, time.reason),
        )
    return {f"{prefix}{part}": value for part, value in zip(_TIME_PARTS, values, strict=True)}


def _time_of(row: dict[str, Any], prefix: str) -> EventTime | None:
    if row[f"{prefix}type"] is None:
        return None
    return EventTime(
        value=row[f"{prefix}value"],
        granularity=row[f"{prefix}granularity"],
        type=row[f"{prefix}type"],
        source=row[f"{prefix}source"],
        start_date=row[f"{prefix}start"],
        end_date=row[f"{prefix}end"],
        reason=row[f"{prefix}reason"] or "",
        text=row[f"{prefix}text"],
        start=row[f"{prefix}start_char"],
        end=row[f"{prefix}end_char"],
    )


def _event_row(event: Event, doc_id: str, index: int) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "doc_id": doc_id,
        "idx": index,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad": event.quad,
        "score": event.score,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        **_time_columns(event.time, "time_"),
        "location": json.dumps(event.location.to_dict()) if event.location else None,
        "status": event.status,
        "certainty": event.certainty,
        "negated": event.negated,
        "confidence": event.confidence,
        "extractor": event.extractor,
        **_time_columns(event.target_time, "target_time_"),
    }


def to_arrow_tables(
    annotated: Sequence[AnnotatedDocument], rejections: Sequence[Rejection], *, now: datetime
) -> dict[str, pa.Table]:
    """One Arrow table per store table, holding the rows of this batch."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for order, item in enumerate(annotated):
        doc = item.document
        rows["documents"].append(
            {
                "doc_id": doc.id,
                "version_key": version_key(doc),
                "ord": order,
                "origin": doc.origin,
                "source_kind": doc.source_kind,
                "external_id": doc.external_id,
                "url": doc.url,
                "headline": doc.headline,
                "outlet": doc.outlet.name if doc.outlet else None,
                "outlet_abbreviation": doc.outlet.abbreviation if doc.outlet else None,
                "outlet_country": doc.outlet.country if doc.outlet else None,
                "tags": list(doc.tags),
                "published": doc.published,
                "credit": doc.credit,
                "credits": json.dumps([{"kind": c.kind, "name": c.name} for c in doc.credits]),
                "language": doc.language,
                "body_start": doc.body_start,
                "text": doc.text,
                "raw_text": doc.raw_text,
                "extractor": item.extractor,
                "ingested_at": now,
            }
        )
        for index, ent in enumerate(item.entities):
            actor = ent.actor
            rows["entities"].append(
                {
                    "doc_id": doc.id,
                    "idx": index,
                    "start": ent.start,
                    "end": ent.end,
                    "text": ent.text,
                    "label": ent.label,
                    "actor_name": actor.name if actor else None,
                    "actor_code": actor.code if actor else None,
                    "actor_sector": actor.sector if actor else None,
                    "actor_role": actor.role if actor else None,
                    "actor_wikidata": actor.wikidata if actor else None,
                }
            )
        for index, time in enumerate(item.times):
            rows["time_expressions"].append(
                {
                    "doc_id": doc.id,
                    "idx": index,
                    "start": time.start,
                    "end": time.end,
                    "text": time.text,
                    "value": time.value,
                    "granularity": time.granularity,
                    "type": time.type,
                    "start_date": time.start_date,
                    "end_date": time.end_date,
                    "reason": time.reason,
                }
            )
        for index, attribution in enumerate(item.attributions):
            source = attribution.source
            rows["attributions"].append(
                {
                    "doc_id": doc.id,
                    "idx": index,
                    "source_start": source.start if source else None,
                    "source_end": source.end if source else None,
                    "source_text": source.text if source else None,
                    "cue_start": attribution.cue.start,
                    "cue_end": attribution.cue.end,
                    "cue_text": attribution.cue.text,
                    "content_start": attribution.content.start,
                    "content_end": attribution.content.end,
                }
            )
        for index, event in enumerate(item.events):
            rows["events"].append(_event_row(event, doc.id, index))
            for role, members in (("actor", event.actors), ("recipient", event.recipients)):
                for position, member in enumerate(members):
                    rows["event_actors"].append(_actor_row(event, role, position, member))
            for position, link in enumerate(event.attribution):
                rows["event_attributions"].append(
                    {
                        "event_id": event.id,
                        "idx": position,
                        "kind": link.kind,
                        "name": link.name,
                        "start": link.start,
                        "end": link.end,
                    }
                )
            for position, materiel in enumerate(event.materiel):
                rows["event_materiel"].append(
                    {"event_id": event.id, "idx": position, **materiel.to_dict()}
                )
    for rejection in rejections:
        rows["rejected"].append(
            {
                "origin": rejection.origin,
                "content_hash": rejection.content_hash,
                "reason": rejection.reason,
                "code": rejection.code,
                "message": rejection.message,
                "seen_at": now,
            }
        )
    return {
        name: pa.Table.from_pylist(rows.get(name, []), schema=schema)
        for name, schema in TABLE_SCHEMAS.items()
    }


def _span(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None or text is None:
        return None
    return Span(start, end, text)


def annotated_from_rows(
    document: dict[str, Any],
    *,
    entities: list[dict[str, Any]],
    times: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    event_actors: list[dict[str, Any]],
    event_attributions: list[dict[str, Any]],
    event_materiel: list[dict[str, Any]],
) -> AnnotatedDocument:
    """Rebuild an annotated document from its stored rows (the inverse of to_arrow_tables)."""
    outlet = None
    if document["outlet"]:
        outlet = Outlet(
            document["outlet"], document["outlet_abbreviation"], document["outlet_country"]
        )
    doc = Document(
        id=document["doc_id"],
        text=document["text"],
        raw_text=document["raw_text"],
        origin=document["origin"],
        source_kind=document["source_kind"],
        body_start=document["body_start"],
        headline=document["headline"],
        outlet=outlet,
        tags=tuple(document["tags"] or ()),
        published=document["published"],
        credits=tuple(
            Credit(c["kind"], c["name"]) for c in json.loads(document["credits"] or "[]")
        ),
        language=document["language"],
        url=document["url"],
        external_id=document["external_id"],
    )
    by_event: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in event_actors:
        by_event[row["event_id"]][row["role"]].append(row)
    for row in event_attributions:
        by_event[row["event_id"]]["attribution"].append(row)
    for row in event_materiel:
        by_event[row["event_id"]]["materiel"].append(row)

    def actor(row: dict[str, Any]) -> EventActor:
        return EventActor(
            Actor(row["name"], row["code"], row["sector"], row["actor_role"], row["wikidata"]),
            row["start"],
            row["end"],
            row["text"],
        )

    rebuilt_events = []
    for row in sorted(events, key=lambda r: r["idx"]):
        parts = by_event[row["event_id"]]
        location = None
        if row["location"]:
            location = Location(**json.loads(row["location"]))
        rebuilt_events.append(
            Event(
                id=row["event_id"],
                type=row["type"],
                mode=row["mode"],
                cameo=row["cameo"],
                quad=row["quad"],
                score=row["score"],
                trigger=Span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
                sentence_start=row["sentence_start"],
                sentence_end=row["sentence_end"],
                actors=tuple(actor(r) for r in sorted(parts["actor"], key=lambda r: r["idx"])),
                recipients=tuple(
                    actor(r) for r in sorted(parts["recipient"], key=lambda r: r["idx"])
                ),
                time=_time_of(row, "time_"),
                target_time=_time_of(row, "target_time_"),
                location=location,
                status=row["status"],
                certainty=row["certainty"],
                negated=row["negated"],
                attribution=tuple(
                    AttributionSource(r["kind"], r["name"], r["start"], r["end"])
                    for r in sorted(parts["attribution"], key=lambda r: r["idx"])
                ),
                materiel=tuple(
                    MaterielItem(
                        r["start"],
                        r["end"],
                        r["text"],
                        r["item"],
                        r["category"],
                        r["designation"],
                        r["count"],
                        r["unit"],
                        r["action"],
                        r["quantity"],
                        bool(r["approximate"]),
                        r["hedge"],
                        r.get("supplier"),
                        r.get("supplier_code"),
                        r.get("recipient"),
                        r.get("recipient_code"),
                    )
                    for r in sorted(parts["materiel"], key=lambda r: r["idx"])
                ),
                confidence=row["confidence"],
                extractor=row["extractor"] or "",
            )
        )
    return AnnotatedDocument(
        document=doc,
        entities=tuple(
            EntityMention(
                r["start"],
                r["end"],
                r["text"],
                r["label"],
                Actor(
                    r["actor_name"],
                    r["actor_code"],
                    r["actor_sector"],
                    r["actor_role"],
                    r["actor_wikidata"],
                )
                if r["actor_name"]
                else None,
            )
            for r in sorted(entities, key=lambda r: r["idx"])
        ),
        times=tuple(
            TimeExpression(
                r["start"],
                r["end"],
                r["text"],
                r["value"],
                r["granularity"],
                r["type"],
                r["start_date"],
                r["end_date"],
                r["reason"] or "",
            )
            for r in sorted(times, key=lambda r: r["idx"])
        ),
        attributions=tuple(
            Attribution(
                cue=Span(r["cue_start"], r["cue_end"], r["cue_text"]),
                content=Span(
                    r["content_start"],
                    r["content_end"],
                    doc.text[r["content_start"] : r["content_end"]],
                ),
                source=_span(r["source_start"], r["source_end"], r["source_text"]),
            )
            for r in sorted(attributions, key=lambda r: r["idx"])
        ),
        events=tuple(rebuilt_events),
        extractor=document["extractor"] or "",
    )
