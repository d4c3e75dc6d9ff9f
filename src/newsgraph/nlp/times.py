"""Time expressions: found by the NER (DATE, TIME) and a few adverbs; resolved by ``timexpr``."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..model import TimeExpression
from .timexpr import Direction, resolve

__all__ = ["TimeTagger"]

# Time adverbs the NER leaves out but TimeML counts as time expressions.
_ADVERBS = (
    "now",
    "currently",
    "recently",
    "lately",
    "nowadays",
    "at present",
    "presently",
    "previously",
    "formerly",
    "in the past",
    "in the future",
    "in recent weeks",
    "in recent days",
    "in recent months",
    "in recent years",
    "in the coming days",
    "in the coming weeks",
    "in the coming months",
    "soon",
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def _direction(span: Span) -> Direction:
    """Future when the clause the expression sits in is in the future tense, else auto."""
    token = span.root
    for _ in range(4):
        head = token.head
        if head.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in _FUTURE_AUX for c in head.children) or head.lower_ in _FUTURE_AUX:
                return "future"
            if head.tag_ in ("VBD", "VBN"):
                return "past"
            return "auto"
        if head is token:
            break
        token = head
    return "auto"


class TimeTagger:
    """Fill ``doc._.ng_times``: every time expression, resolved against ``doc._.ng_published``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_times") -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("TIME_ADVERB", [nlp.make_doc(text) for text in _ADVERBS])

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.ng_published
        spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        taken = {i for span in spans for i in range(span.start, span.end)}
        for _, start, end in self.matcher(doc):
            if not taken.intersection(range(start, end)):
                spans.append(doc[start:end])
                taken.update(range(start, end))
        times: list[TimeExpression] = []
        for span in sorted(spans, key=lambda s: s.start_char):
            found = resolve(span.text, anchor=anchor, direction=_direction(span))
            times.append(
                TimeExpression(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    value=found.value,
                    granularity=found.granularity,
                    type=found.type,
                    start_date=found.start,
                    end_date=found.end,
                    reason=found.reason,
                )
            )
        doc._.ng_times = times
        return doc
