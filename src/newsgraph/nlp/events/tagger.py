"""The ``newsgraph_events`` component: the coder the settings name finds the events; those
below ``min_confidence`` are left out; each gets its act time and target time here
(:mod:`.timing`), the one place that decides them.

``min_confidence`` below 0 means the coder's own default: its ``default_min_confidence``
attribute where it has one (the trained coder's calibrated threshold), else 0 (keep all). A
coder with a ``min_confidence`` attribute is told the threshold, so it need not build the events
that would be dropped."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ...config import DEFAULT_CODER
from ...model import Event
from . import coders
from .timing import event_times

__all__ = ["EventTagger"]


class EventTagger:
    """Fill ``doc._.ng_events`` with the events of the coder named ``coder``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_events",
        *,
        coder: str = DEFAULT_CODER,
        min_confidence: float = -1.0,
    ) -> None:
        self.name = name
        self.coder_name = coder
        self.coder = coders.get(coder)(nlp)
        if min_confidence < 0:
            min_confidence = float(getattr(self.coder, "default_min_confidence", 0.0))
        self.min_confidence = min_confidence
        if hasattr(self.coder, "min_confidence"):
            self.coder.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = self.coder.code(doc)
        kept = [event for event in events if event.confidence >= self.min_confidence]
        timed = []
        for event in kept:
            time, target_time = event_times(doc, event)
            timed.append(replace(event, time=time, target_time=target_time))
        doc._.ng_events = timed
        return doc
