"""Text cut into segments for highlighting: each segment is a stretch of text with the kinds of
every mark covering it, so overlapping and nested annotations render without breaking the text.

The templates escape each segment's text and labels; kinds are reduced to CSS-safe names here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..dates import format_time
from ..model import AnnotatedDocument, Event, EventTime, TimeExpression

__all__ = ["Mark", "Segment", "document_marks", "event_marks", "segments"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: ``kind`` becomes a CSS class, ``label`` a tooltip."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"hl-{_UNSAFE.sub('_', kind)}" for kind in self.kinds)


def segments(
    text: str, marks: Iterable[Mark], *, start: int = 0, end: int | None = None
) -> list[Segment]:
    """``text[start:end]`` cut at every mark boundary; marks outside are clipped or dropped."""
    stop = len(text) if end is None else min(end, len(text))
    inside = [
        Mark(max(m.start, start), min(m.end, stop), m.kind, m.label)
        for m in marks
        if m.end > start and m.start < stop and m.end > m.start
    ]
    cuts = sorted({start, stop, *(m.start for m in inside), *(m.end for m in inside)})
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        kinds = tuple(dict.fromkeys(m.kind for m in covering))
        labels = tuple(dict.fromkeys(m.label for m in covering if m.label))
        out.append(Segment(text[left:right], kinds, labels))
    return out


def _when(time: EventTime | TimeExpression) -> str:
    if time.value is None:
        return "unresolved"
    return format_time(time.value, type=time.type, start=time.start_date, end=time.end_date)


def event_marks(event: Event) -> list[Mark]:
    """The evidence of one event: trigger, actors, recipients, time, place, materiel, sources."""
    marks = [Mark(event.trigger.start, event.trigger.end, "trigger", f"trigger: {event.type}")]
    marks += [Mark(a.start, a.end, "actor", f"actor: {a.actor.name}") for a in event.actors]
    marks += [
        Mark(r.start, r.end, "recipient", f"recipient: {r.actor.name}") for r in event.recipients
    ]
    for label, time in (("time", event.time), ("refers to", event.target_time)):
        if time and time.start is not None and time.end is not None:
            marks.append(Mark(time.start, time.end, "time", f"{label}: {_when(time)}"))
    place = event.location
    if place:
        marks.append(Mark(place.start, place.end, "place", f"place: {place.name or place.text}"))
    for item in event.materiel:
        count = f"{item.count:g} " if item.count is not None else ""
        marks.append(Mark(item.start, item.end, "materiel", f"materiel: {count}{item.item}"))
    for link in event.attribution:
        if link.start is not None and link.end is not None:
            marks.append(Mark(link.start, link.end, "source", f"source ({link.kind})"))
    return marks


def document_marks(item: AnnotatedDocument, *, events: Sequence[Event] | None = None) -> list[Mark]:
    """Every annotation of a document: entities by label, times, event triggers, attributions."""
    marks = [Mark(e.start, e.end, f"ent-{e.label}", e.label) for e in item.entities]
    marks += [Mark(t.start, t.end, "time", f"time: {_when(t)}") for t in item.times]
    for event in item.events if events is None else events:
        marks.append(Mark(event.trigger.start, event.trigger.end, "trigger", event.type))
    for attribution in item.attributions:
        marks.append(Mark(attribution.cue.start, attribution.cue.end, "cue", "attribution cue"))
        if attribution.source:
            source = attribution.source
            marks.append(Mark(source.start, source.end, "source", "attribution source"))
    return marks
