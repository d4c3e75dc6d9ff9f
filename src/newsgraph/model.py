"""The data model every part of newsgraph shares: documents in, annotated documents out.

No I/O here. ``to_dict`` methods give the annotated-document JSON of ``docs/schema.md``
(``SCHEMA_VERSION``); offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = [
    "EVENT_CERTAINTIES",
    "EVENT_STATUSES",
    "SCHEMA_VERSION",
    "Actor",
    "AnnotatedDocument",
    "Attribution",
    "AttributionSource",
    "Credit",
    "Document",
    "EntityMention",
    "Event",
    "EventActor",
    "EventTime",
    "Location",
    "MaterielItem",
    "Outlet",
    "Rejection",
    "Span",
    "TimeExpression",
    "document_id",
    "event_id",
    "normalise_text",
]

SCHEMA_VERSION = "1"

EVENT_STATUSES = (
    "requested",
    "offered",
    "promised",
    "agreed",
    "planned",
    "under_way",
    "done",
    "refused",
    "denied",
    "hypothetical",
)
EVENT_CERTAINTIES = ("asserted", "reported", "alleged", "believed", "uncertain")


# No-break and thin spaces read as spaces; zero-width characters and soft hyphens are dropped
# (Russian-style typography puts a no-break space after every short word).
_SPACE_MAP = str.maketrans(
    {
        **dict.fromkeys(
            "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
            " ",
        ),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\xad"),
    }
)


def normalise_text(text: str) -> str:
    """The form ids are hashed from and the NLP reads: NFC, plain spaces, Unix line ends,
    no white space at line ends, no blank lines at the ends."""
    text = unicodedata.normalize("NFC", text).translate(_SPACE_MAP)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _digest(*parts: str, length: int = 20) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\x1f")
    return hasher.hexdigest()[:length]


def document_id(
    text: str,
    *,
    headline: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
) -> str:
    """Stable id of a document: a hash of its normalised content and the metadata that shapes it."""
    return _digest(
        normalise_text(text),
        headline or "",
        published.isoformat() if published else "",
        outlet or "",
    )


def event_id(doc_id: str, *, sentence_start: int, trigger_start: int, event_type: str) -> str:
    """Stable id of an event: the same document, sentence, trigger and type give the same id."""
    return _digest(doc_id, str(sentence_start), str(trigger_start), event_type, length=24)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``; ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet as resolved from the post prefix or metadata."""

    name: str
    abbreviation: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line such as ``Photo: AFP``."""

    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class Document:
    """One news report as read from its source, before any NLP.

    ``text`` is what the NLP sees and every offset points into: the headline (if any), a blank
    line, then the body. ``raw_text`` is the decoded input exactly as read (tags, date line,
    credits and trailing junk included).
    """

    id: str
    text: str
    raw_text: str
    origin: str
    source_kind: str
    body_start: int = 0
    headline: str | None = None
    outlet: Outlet | None = None
    tags: tuple[str, ...] = ()
    published: date | None = None
    credits: tuple[Credit, ...] = ()
    language: str | None = None
    url: str | None = None
    external_id: str | None = None

    @property
    def credit(self) -> str | None:
        """All credited names, ``; ``-joined, in order of appearance."""
        return "; ".join(c.name for c in self.credits) or None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a resolved actor, or just the text when nothing could be resolved."""

    name: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "sector": self.sector,
            "role": self.role,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor.to_dict() if self.actor else None,
        }


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression and its value resolved against the publication date.

    ``value`` is ISO-8601 at the expression's granularity (``2025-10-26``, ``2025-10``,
    ``2025-W43``, ``2025-Q4``, ``2023``) or a TimeML reference (``PAST_REF``, ``PRESENT_REF``,
    ``FUTURE_REF``); ``None`` when unresolved. ``type`` is one of exact, approximate, range,
    duration, unresolved.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    type: str
    start_date: date | None = None
    end_date: date | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "granularity": self.granularity,
            "type": self.type,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class EventTime:
    """A time of an event, and where that came from: ``Event.time`` (when the act happened or
    was said) or ``Event.target_time`` (the time the act points at: "by 2030", "next spring").

    ``source`` is ``sentence`` (a time expression in the event's sentence), ``context`` (one
    nearby) or ``publication`` (nothing in the text: the publication date, marked as such, with
    no offsets; never for a target time).
    """

    value: str | None
    granularity: str | None
    type: str
    source: str
    start_date: date | None = None
    end_date: date | None = None
    reason: str = ""
    text: str | None = None
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_expression(cls, expression: TimeExpression, *, source: str) -> EventTime:
        return cls(
            value=expression.value,
            granularity=expression.granularity,
            type=expression.type,
            source=source,
            start_date=expression.start_date,
            end_date=expression.end_date,
            reason=expression.reason,
            text=expression.text,
            start=expression.start,
            end=expression.end,
        )

    @classmethod
    def from_publication(cls, published: date) -> EventTime:
        return cls(
            value=published.isoformat(),
            granularity="day",
            type="approximate",
            source="publication",
            start_date=published,
            end_date=published,
            reason="no time in the text; the publication date stands in",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "granularity": self.granularity,
            "type": self.type,
            "source": self.source,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reported statement: who (source, may be absent), the cue (said, according to), what."""

    cue: Span
    content: Span
    source: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict(),
            "content": {"start": self.content.start, "end": self.content.end},
        }


@dataclass(frozen=True, slots=True)
class EventActor:
    """An actor or recipient of an event, with the words it was found in."""

    actor: Actor
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.actor.to_dict(), "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class AttributionSource:
    """One link of an event's attribution chain: outlet -> document -> person ..."""

    kind: str
    name: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class MaterielItem:
    """A piece of materiel an event is about ("14 sets of missiles": item missile, count 14,
    unit set). ``count`` is None when the text gives no exact number ("several aircraft",
    "dozens of drones"); ``quantity`` keeps the words as written and ``approximate`` says the
    count is not exact ("more than 300") or not given. ``hedge`` holds words that make the
    item itself uncertain ("what are believed to be"). ``supplier`` and ``recipient`` (with
    their actor codes) are the parties the word that governs the item names ("Kyiv asked to
    buy launchers from the US manufacturer": Kyiv receives, the manufacturer supplies), or None.
    """

    start: int
    end: int
    text: str
    item: str
    category: str | None = None
    designation: str | None = None
    count: float | None = None
    unit: str | None = None
    action: str | None = None
    quantity: str | None = None
    approximate: bool = False
    hedge: str | None = None
    supplier: str | None = None
    supplier_code: str | None = None
    recipient: str | None = None
    recipient_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "item": self.item,
            "category": self.category,
            "designation": self.designation,
            "count": self.count,
            "unit": self.unit,
            "action": self.action,
            "quantity": self.quantity,
            "approximate": self.approximate,
            "hedge": self.hedge,
            "supplier": self.supplier,
            "supplier_code": self.supplier_code,
            "recipient": self.recipient,
            "recipient_code": self.recipient_code,
        }


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "gazetteer_id": self.gazetteer_id,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, with its evidence. See docs/schema.md for every field."""

    id: str
    type: str
    trigger: Span
    sentence_start: int
    sentence_end: int
    mode: str | None = None
    cameo: str | None = None
    quad: int | None = None
    score: float | None = None
    actors: tuple[EventActor, ...] = ()
    recipients: tuple[EventActor, ...] = ()
    time: EventTime | None = None
    target_time: EventTime | None = None
    location: Location | None = None
    status: str | None = None
    certainty: str | None = None
    negated: bool = False
    attribution: tuple[AttributionSource, ...] = ()
    materiel: tuple[MaterielItem, ...] = ()
    confidence: float = 0.0
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad": self.quad,
            "score": self.score,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence_start, "end": self.sentence_end},
            "time": self.time.to_dict() if self.time else None,
            "target_time": self.target_time.to_dict() if self.target_time else None,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status,
            "certainty": self.certainty,
            "negated": self.negated,
            "attribution": [s.to_dict() for s in self.attribution],
            "materiel": [m.to_dict() for m in self.materiel],
            "confidence": round(self.confidence, 4),
            "extractor": self.extractor,
        }


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document with everything the pipeline found in it."""

    document: Document
    entities: tuple[EntityMention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": doc.id,
            "published": _iso(doc.published),
            "outlet": doc.outlet.name if doc.outlet else None,
            "outlet_abbreviation": doc.outlet.abbreviation if doc.outlet else None,
            "headline": doc.headline,
            "tags": list(doc.tags),
            "credit": doc.credit,
            "credits": [{"kind": c.kind, "name": c.name} for c in doc.credits],
            "language": doc.language,
            "origin": doc.origin,
            "url": doc.url,
            "external_id": doc.external_id,
            "body_start": doc.body_start,
            "text": doc.text,
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "attributions": [a.to_dict() for a in self.attributions],
            "events": [e.to_dict() for e in self.events],
            "extractor": self.extractor,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with the reason: recorded, never silently dropped."""

    origin: str
    reason: str
    code: str
    message: str
    content_hash: str = ""
    seen_at: datetime | None = field(default=None, compare=False)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
