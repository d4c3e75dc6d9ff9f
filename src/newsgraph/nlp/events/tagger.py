"""The ``newsgraph_events`` component: the coder the settings name finds the events; each gets
its time here (:mod:`.timing`), the one place that decides it."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Event
from . import coders
from .timing import event_time

__all__ = ["EventTagger"]


class EventTagger:
    """Fill ``doc._.ng_events`` with the events of the coder named ``coder``."""

    def __init__(
        self, nlp: Language, name: str = "newsgraph_events", *, coder: str = "rules"
    ) -> None:
        self.name = name
        self.coder_name = coder
        self.coder = coders.get(coder)(nlp)

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = self.coder.code(doc)
        doc._.ng_events = [replace(event, time=event_time(doc, event)) for event in events]
        return doc
