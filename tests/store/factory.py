"""Hand-built annotated documents with coded actors, for read-side tests that need exact,
known contents (no model). Texts are invented for these tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.ingest import parse_record
from newsgraph.model import (
    Actor,
    AnnotatedDocument,
    AttributionSource,
    EntityMention,
    Event,
    EventActor,
    EventTime,
    Location,
    MaterielItem,
    Span,
    event_id,
)


@dataclass(frozen=True)
class E:
    """An event to build: words are looked up in the document text (first occurrence)."""

    trigger: str
    type: str
    actors: tuple[tuple[str, str | None], ...] = ()
    recipients: tuple[tuple[str, str | None], ...] = ()
    score: float | None = None
    quad: int | None = None
    cameo: str | None = None
    mode: str | None = None
    day: date | None = None
    place: tuple[str, str] | None = None
    materiel: tuple[tuple[str, str, float], ...] = ()
    sources: tuple[tuple[str, str], ...] = ()
    status: str | None = None
    certainty: str | None = None
    negated: bool = False


@dataclass
class D:
    text: str
    published: str
    events: list[E] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    outlet: str | None = None
    title: str | None = None
    id: str | None = None


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def build(spec: D) -> AnnotatedDocument:
    record: dict[str, object] = {"text": spec.text, "published": spec.published}
    if spec.tags:
        record["tags"] = list(spec.tags)
    if spec.outlet:
        record["outlet"] = spec.outlet
    if spec.title:
        record["title"] = spec.title
    if spec.id:
        record["id"] = spec.id
    doc = parse_record(record, origin=f"factory:{spec.id or spec.text[:20]}")
    text = doc.text
    events = []
    for item in spec.events:
        t_start, t_end = _span(text, item.trigger)
        s_start = max(text.rfind(". ", 0, t_start) + 2, text.rfind("\n", 0, t_start) + 1, 0)
        s_end = text.find(".", t_end)
        s_end = len(text) if s_end < 0 else s_end + 1

        def party(name: str, code: str | None) -> EventActor:
            start, end = _span(text, name)
            return EventActor(
                Actor(name, code, code[3:6] if code and len(code) > 3 else None), start, end, name
            )

        location = None
        if item.place:
            p_start, p_end = _span(text, item.place[0])
            location = Location(
                item.place[0], p_start, p_end, name=item.place[0], country=item.place[1]
            )
        time = (
            EventTime(
                value=item.day.isoformat(),
                granularity="day",
                type="exact",
                source="sentence",
                start_date=item.day,
                end_date=item.day,
                reason="test",
            )
            if item.day
            else EventTime.from_publication(doc.published)
            if doc.published
            else None
        )
        materiel = []
        for words, name, count in item.materiel:
            m_start, m_end = _span(text, words)
            materiel.append(
                MaterielItem(m_start, m_end, words, name, name, None, count, None, "acquire")
            )
        sources = []
        for kind, name in item.sources:
            if name in text:
                a_start, a_end = _span(text, name)
                sources.append(AttributionSource(kind, name, a_start, a_end))
            else:
                sources.append(AttributionSource(kind, name))
        events.append(
            Event(
                id=event_id(
                    doc.id, sentence_start=s_start, trigger_start=t_start, event_type=item.type
                ),
                type=item.type,
                mode=item.mode,
                cameo=item.cameo,
                quad=item.quad,
                score=item.score,
                trigger=Span(t_start, t_end, item.trigger),
                sentence_start=s_start,
                sentence_end=s_end,
                actors=tuple(party(n, c) for n, c in item.actors),
                recipients=tuple(party(n, c) for n, c in item.recipients),
                time=time,
                location=location,
                status=item.status,
                certainty=item.certainty,
                negated=item.negated,
                attribution=tuple(sources),
                materiel=tuple(materiel),
                confidence=0.7,
                extractor="factory",
            )
        )
    entities = tuple(
        EntityMention(a.start, a.end, a.text, "GPE", a.actor)
        for e in events
        for a in (*e.actors, *e.recipients)
    )
    return AnnotatedDocument(
        document=doc, entities=entities, events=tuple(events), extractor="factory"
    )


#: A small world: Ruritania (RUR is not a country code, so these fall back to document tags),
#: and real codes for tags: Russia, the USA, Venezuela.
DOCUMENTS = [
    D(
        "Venezuela asked Russia for radars and 14 sets of missiles, according to officials.",
        "2025-10-31",
        [
            E(
                "asked",
                "REQUEST",
                actors=(("Venezuela", "VENGOV"),),
                recipients=(("Russia", "RUS"),),
                score=-1.0,
                quad=1,
                cameo="020",
                materiel=(("14 sets of missiles", "missile", 14.0),),
                sources=(("outlet", "The Washington Post"), ("anonymous", "officials")),
                status="requested",
                certainty="reported",
            )
        ],
        tags=("Venezuela", "Russia/USA"),
        outlet="WP",
        title="Venezuela turns to Moscow",
        id="doc-1",
    ),
    D(
        "Russia criticised the United States on Monday. "
        "The United States sanctioned Russia on Tuesday.",
        "2025-11-05",
        [
            E(
                "criticised",
                "ACCUSE",
                actors=(("Russia", "RUSGOV"),),
                recipients=(("United States", "USA"),),
                score=-2.0,
                quad=3,
                cameo="111",
                day=date(2025, 11, 3),
            ),
            E(
                "sanctioned",
                "SANCTION",
                actors=(("The United States", "USAGOV"),),
                recipients=(("Russia on", "RUS"),),
                score=-6.0,
                quad=4,
                cameo="163",
                day=date(2025, 11, 4),
            ),
        ],
        outlet="Reuters",
        id="doc-2",
    ),
    D(
        "Ruritania thanked Freedonia for the aid convoy in Caracas.",
        "2025-12-02",
        [
            E(
                "thanked",
                "SUPPORT",
                actors=(("Ruritania", None),),
                recipients=(("Freedonia", None),),
                score=3.0,
                quad=1,
                cameo="051",
            )
        ],
        tags=("#Ruritania", "Freedonia/Ruritania"),
        id="doc-3",
    ),
    D(
        "Venezuelan troops arrived in Caracas after Russia delivered aircraft.",
        "2025-12-20",
        [
            E(
                "delivered",
                "AID",
                actors=(("Russia", "RUSMIL"),),
                recipients=(("Venezuelan troops", "VENMIL"),),
                score=5.0,
                quad=2,
                cameo="070",
                place=("Caracas", "VEN"),
                status="done",
            )
        ],
        outlet="AP",
        id="doc-4",
    ),
]


def built() -> list[AnnotatedDocument]:
    return [build(spec) for spec in DOCUMENTS]
