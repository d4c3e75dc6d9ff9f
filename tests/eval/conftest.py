"""Fixtures for the scorer tests: a stand-in pipeline with hand-made predictions, and the path
of the real gold sets (tests that need them skip when ../shared/data is absent).

Every text here is written for these tests; nothing is copied from ../shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.eval import harness
from newsgraph.model import (
    Actor,
    AnnotatedDocument,
    Attribution,
    Document,
    EntityMention,
    Event,
    EventActor,
    Rejection,
    Span,
    TimeExpression,
)

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"

Annotate = Callable[[Document], AnnotatedDocument]


@pytest.fixture
def eval_settings() -> Settings:
    return Settings(workers=1, batch_size=8)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent (only developers' machines have it)")
    return SHARED_DATA


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[[Annotate], list[Document]]:
    """Install ``annotate`` in place of the NLP; returns the list of documents it was fed."""
    fed: list[Document] = []

    def install(annotate: Annotate) -> list[Document]:
        def fake(
            documents: Iterable[Document | Rejection], **_: object
        ) -> Iterator[AnnotatedDocument | Rejection]:
            for document in documents:
                if isinstance(document, Rejection):
                    yield document
                else:
                    fed.append(document)
                    yield annotate(document)

        monkeypatch.setattr(harness, "annotate_documents", fake)
        return fed

    return install


def span(text: str, words: str, *, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def entity(text: str, words: str, label: str, *, nth: int = 0) -> EntityMention:
    found = span(text, words, nth=nth)
    return EntityMention(found.start, found.end, words, label)


def arg(text: str, words: str, code: str | None = None) -> EventActor:
    found = span(text, words)
    return EventActor(Actor(name=words, code=code), found.start, found.end, words)


def event(
    text: str,
    trigger: str,
    *,
    type: str = "CONSULT",
    cameo: str | None = None,
    actors: tuple[EventActor, ...] = (),
    recipients: tuple[EventActor, ...] = (),
    confidence: float = 0.5,
) -> Event:
    return Event(
        id=f"{trigger}-{type}",
        type=type,
        trigger=span(text, trigger),
        sentence_start=0,
        sentence_end=len(text),
        cameo=cameo,
        actors=actors,
        recipients=recipients,
        confidence=confidence,
    )


def timex(text: str, words: str, value: str | None, *, type: str = "exact") -> TimeExpression:
    found = span(text, words)
    return TimeExpression(found.start, found.end, words, value, None, type)


def attribution(text: str, cue: str, *, source: str | None = None) -> Attribution:
    cue_span = span(text, cue)
    return Attribution(
        cue=cue_span,
        content=Span(cue_span.end, len(text), text[cue_span.end :]),
        source=span(text, source) if source else None,
    )
