"""Each event as a claim: its attribution chain, certainty, status and negation.

The chain runs from the document's outlet (``doc._.ng_outlet``: the post prefix or the record's
metadata) through every attribution whose content holds the event's trigger, outermost first,
to the innermost speaker: "WP: ... according to internal US government documents" gives The
Washington Post -> internal US government documents. Links naming the outlet again ("the
publication notes", "according to WP") fold into the outlet's link, and a link repeating the
one before it is dropped. Only cues that report information (speech, evidence, cognition) make
links; "X wants" and "X urged" shape the status instead (``cues.ATTITUDE_KINDS``).

A sentence with no attribution of its own borrows one from its paragraph when that paragraph
says where its facts come from ("according to the documents", "the documents show"): news
style states the source once per paragraph.

Certainty is the weakest of what the event's own clause says (:func:`certainty.assess`) and
what the cues of its chain say ("claimed" alleged, "believes" believed, "said" reported);
negation comes from :func:`certainty.assess`; the status from the trained status model
(:mod:`.status`) over the rule status and the trigger's grammar, or from the rules alone with
``status="rules"``.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Attribution, AttributionSource, Event, Outlet
from ..extensions import doc_text
from .attribution import ACCORDING_TO, cue_of
from .certainty import assess
from .cues import ReportingVerb, source_kinds, weakest
from .sources import source_links
from .status import StatusModel, load_status_model, status_features

__all__ = ["STATUS_DECIDERS", "Claim", "ClaimsTagger", "claims_of", "refine_event"]

#: Who decides an event's status: the trained model (over the rules' reading) or the rules.
STATUS_DECIDERS = ("model", "rules")


@dataclass(frozen=True, slots=True)
class Claim:
    """An attribution with its cue entry and the chain links its source adds."""

    attribution: Attribution
    verb: ReportingVerb
    links: tuple[AttributionSource, ...]

    #: The content is a thing, not a claim: "wrote a letter", "posted a video".
    thing: bool = False

    @property
    def in_chain(self) -> bool:
        return self.verb.in_chain and not self.thing

    @property
    def inner(self) -> bool:
        """The cue is inside the content it reports (a quotation around its own cue)."""
        content, cue = self.attribution.content, self.attribution.cue
        return content.start <= cue.start < content.end

    @property
    def paragraph_wide(self) -> bool:
        """Says where a paragraph's facts come from: "according to X", "documents show"."""
        return self.verb is ACCORDING_TO or any(link.kind == "document" for link in self.links)

    def holds(self, start: int, end: int) -> bool:
        """Whether the words at ``start:end`` are part of what this attribution reports."""
        content, cue, source = self.attribution.content, self.attribution.cue, self.attribution
        if not (content.start <= start and end <= content.end):
            return False
        if cue.start < end and start < cue.end:
            return False
        return source.source is None or not (
            source.source.start < end and start < source.source.end
        )


def claims_of(doc: Doc, *, outlet: Outlet | None = None) -> list[Claim]:
    """The attributions of ``doc`` (``doc._.ng_attributions``) as claims."""
    claims: list[Claim] = []
    for attribution in doc._.ng_attributions or ():
        verb = cue_of(doc, attribution)
        if verb is None:
            continue
        source = attribution.source
        links = tuple(source_links(doc, source.start, source.end, outlet=outlet)) if source else ()
        claims.append(Claim(attribution, verb, links, thing=_names_a_thing(doc, attribution)))
    return claims


def _names_a_thing(doc: Doc, attribution: Attribution) -> bool:
    """The content is a document the source wrote or showed ("wrote a letter requesting ..."):
    what the letter says is the source's act, not the source's report of it."""
    content = attribution.content
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and source_kinds().get(root.lemma_.lower()) == "document"


def _paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


class ClaimIndex:
    """A document's claims, found by position: which hold given words, which paragraph-wide
    ones have their cue in a stretch of text. Each answer lists claims in document order, as a
    look through them all would; the look costs a bisection, not a pass over every claim (one
    pass per event made a long document's cost quadratic)."""

    def __init__(self, claims: list[Claim]) -> None:
        chained = [(i, c) for i, c in enumerate(claims) if c.in_chain]
        by_start = sorted(chained, key=lambda item: item[1].attribution.content.start)
        self._starts = [c.attribution.content.start for _, c in by_start]
        self._by_start = by_start
        # No content is longer: a claim holding a position starts at most this far before it.
        self._longest = max(
            (c.attribution.content.end - c.attribution.content.start for _, c in chained),
            default=0,
        )
        wide = sorted(
            ((c.attribution.cue.start, i, c) for i, c in chained if c.paragraph_wide),
            key=lambda item: item[0],
        )
        self._cues = [cue for cue, _, _ in wide]
        self._wide = [(i, c) for _, i, c in wide]

    def holding(self, start: int, end: int) -> list[Claim]:
        """The claims in the chain whose content holds ``start:end`` (:meth:`Claim.holds`)."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_right(self._starts, start)
        found = [(i, c) for i, c in self._by_start[low:high] if c.holds(start, end)]
        return [c for _, c in sorted(found, key=lambda item: item[0])]

    def paragraph_wide(self, low: int, high: int) -> list[Claim]:
        """The paragraph-wide claims in the chain with their cue in ``low:high``."""
        first = bisect.bisect_left(self._cues, low)
        last = bisect.bisect_left(self._cues, high)
        return [c for _, c in sorted(self._wide[first:last], key=lambda item: item[0])]


def _enclosing(claims: ClaimIndex, start: int, end: int) -> list[Claim]:
    found = claims.holding(start, end)
    # Outermost first: the longest content; of two with the same content (a quotation), the
    # one whose cue is outside it ('"... Maduro emphasized ...", the documents state').
    found.sort(key=lambda c: (c.attribution.content.start - c.attribution.content.end, c.inner))
    return found


def _borrowed(doc: Doc, claims: ClaimIndex, start: int) -> list[Claim]:
    """The paragraph's own source for a sentence without one: the nearest paragraph-wide
    attribution in the same paragraph, with what encloses it."""
    low, high = _paragraph(doc_text(doc), start)
    candidates = claims.paragraph_wide(low, high)
    if not candidates:
        return []
    nearest = min(candidates, key=lambda c: abs(c.attribution.cue.start - start))
    cue = nearest.attribution.cue
    return [*_enclosing(claims, cue.start, cue.end), nearest]


def _chain(claims: list[Claim], outlet: Outlet | None) -> tuple[AttributionSource, ...]:
    chain: list[AttributionSource] = []
    if outlet is not None:
        chain.append(AttributionSource("outlet", outlet.name))
    for claim in claims:
        for link in claim.links:
            if link.kind == "outlet" and outlet is not None and link.name == outlet.name:
                continue
            if chain and (chain[-1].kind, chain[-1].name) == (link.kind, link.name):
                continue
            chain.append(link)
    return tuple(chain)


def refine_event(
    doc: Doc,
    event: Event,
    claims: list[Claim] | ClaimIndex,
    *,
    outlet: Outlet | None = None,
    status_model: StatusModel | None = None,
) -> Event:
    """``event`` with its status, certainty, negation and attribution chain filled in (the
    status by ``status_model`` when one is given, else by the rules)."""
    if not isinstance(claims, ClaimIndex):
        claims = ClaimIndex(claims)
    trigger = event.trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    enclosing = _enclosing(claims, trigger.start, trigger.end)
    if not enclosing:
        enclosing = _borrowed(doc, claims, trigger.start)
    if span is None or not len(span):
        return dataclasses.replace(event, attribution=_chain(enclosing, outlet))
    assessment = assess(span)
    certainty = weakest([assessment.certainty, *(c.verb.certainty for c in enclosing)])
    status = assessment.status
    if status_model is not None:
        status = status_model.decide(
            status_features(
                span.root,
                event_type=event.type,
                rule_status=assessment.status,
                negated=assessment.negated,
            )
        )
    return dataclasses.replace(
        event,
        status=status,
        certainty=certainty,
        negated=event.negated or assessment.negated,
        attribution=_chain(enclosing, outlet),
    )


class ClaimsTagger:
    """Refine every event of ``doc._.ng_events`` (events are frozen: each is replaced)."""

    def __init__(
        self, nlp: Language, name: str = "newsgraph_claims", status: str = "model"
    ) -> None:
        if status not in STATUS_DECIDERS:
            raise ValueError(f"status must be one of {', '.join(STATUS_DECIDERS)}, got {status!r}")
        self.name = name
        self.status_model = load_status_model() if status == "model" else None

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = doc._.ng_events or []
        if not events:
            return doc
        outlet: Outlet | None = doc._.ng_outlet
        claims = ClaimIndex(claims_of(doc, outlet=outlet))
        doc._.ng_events = [
            refine_event(doc, e, claims, outlet=outlet, status_model=self.status_model)
            for e in events
        ]
        return doc
