"""The trained coder (``coder = "model"``): the rules propose, a model trained on coded news
decides.

For every candidate word of a parsed sentence (its verbs and nouns, and the rule coder's
triggers) the model (:mod:`.weights`, trained by ``make train`` on the corpus in
``training/``) gives a probability for each PLOVER type and for no event, from the word's
features (:mod:`.features`), among them what the rule coder proposed there. A word whose best
type reaches ``min_confidence`` becomes an event of that type:

- where the rule coder made an event of the same type at that word, its CAMEO code, mode,
  actors and recipients are kept, with the model's probability as the confidence;
- where the rules gave the word another type, their actors and recipients are kept and the
  CAMEO code is the type's general code (``data/plover_cameo.tsv``);
- where the rules made no event, actors and recipients come from the parse: the subject (or
  the passive's agent, or a noun's possessor) acts; the object, the dative and the objects of
  "to", "against", "with", "on", "at", "for", "into" receive, each resolved as the rule coder
  resolves its arguments (:func:`.participants.event_actors`).

Rule events the model does not confirm are dropped: on coded news most of them were not events
(docs/evaluation.md). One event is kept per sentence, type and actor: the most probable.
Confidences are calibrated probabilities (a reliability table in docs/evaluation.md); the
default ``min_confidence`` is the threshold that maximised F1 in cross-validation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model import Event
from ...resources import read_table
from ..parsing import is_parsed
from .coders import register
from .features import SentenceContext, candidate_tokens, token_features, word_vectors
from .participants import event_actors
from .records import event_record
from .rules import RuleCoder
from .weights import NONE, EventModel, load_model

__all__ = [
    "EXTRACTOR",
    "ModelCoder",
    "coded_tokens",
    "default_cameo",
    "rule_events_by_token",
    "sentence_candidates",
]

EXTRACTOR = "model-v1"
_RECIPIENT_PREPS = frozenset({"to", "against", "with", "on", "at", "for", "into"})


@cache
def default_cameo() -> dict[str, str]:
    """The CAMEO code of each PLOVER type when only its type is known."""
    return {row["type"]: row["cameo"] for row in read_table("plover_cameo.tsv")}


@register("model")
class ModelCoder:
    """Codes events by the trained model over the rule coder's proposals and the parse."""

    name = "model"

    def __init__(self, nlp: Language | None = None, *, model: EventModel | None = None) -> None:
        self.rules = RuleCoder(nlp)
        self.model = model if model is not None else load_model()
        #: The calibrated threshold that maximised F1 in cross-validation.
        self.default_min_confidence = self.model.threshold
        #: Words below this probability make no event (the component sets it from the setting).
        self.min_confidence = self.model.threshold

    def code(self, doc: Doc) -> list[Event]:
        ruled = rule_events_by_token(doc, self.rules.code(doc))
        coded = coded_tokens(doc)
        events: list[Event] = []
        for number, sent in enumerate(doc.sents):
            if not is_parsed(sent):
                continue  # parse = "selective" left it unparsed: it cannot hold an event
            in_sentence = {i: e for i, e in ruled.items() if sent.start <= i < sent.end}
            events.extend(self._sentence(doc, sent, number, in_sentence, coded))
        return events

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        number: int,
        ruled: dict[int, Event],
        coded: frozenset[int],
    ) -> list[Event]:
        candidates, features, vectors = sentence_candidates(
            doc, sent, number=number, ruled=ruled, coded=coded
        )
        if not candidates:
            return []
        scores = self.model.scores(features, vectors)
        kept: dict[tuple[str, tuple[str, ...]], Event] = {}
        for token, row in zip(candidates, scores, strict=True):
            best = int(np.argmax(row[1:])) + 1
            probability = round(float(row[best]), 4)
            kind = self.model.classes[best]
            if kind == NONE or probability < self.min_confidence:
                continue
            event = self._event(doc, sent, token, kind, probability, ruled.get(token.i))
            if event is None:
                continue
            key = (kind, tuple(sorted(a.actor.code or a.text for a in event.actors)))
            if key not in kept or kept[key].confidence < event.confidence:
                kept[key] = event
        return sorted(kept.values(), key=lambda e: e.trigger.start)

    @staticmethod
    def _event(
        doc: Doc, sent: Span, token: Token, kind: str, probability: float, ruled: Event | None
    ) -> Event | None:
        if ruled is not None and ruled.type == kind:
            return dataclasses.replace(ruled, confidence=probability, extractor=EXTRACTOR)
        code = default_cameo()[kind]
        if ruled is not None:
            actors, recipients = list(ruled.actors), list(ruled.recipients)
            negated = ruled.negated
        else:
            actor_words, recipient_words = _arguments(token)
            actors = event_actors(actor_words, token)
            recipients = [
                r
                for r in event_actors(recipient_words, token)
                if all(r.start != a.start for a in actors)
            ]
            negated = any(c.dep_ == "neg" for c in token.children)
        return event_record(
            doc,
            sent,
            token,
            code=code,
            actors=actors,
            recipients=recipients,
            negated=negated,
            confidence=probability,
            extractor=EXTRACTOR,
        )


def rule_events_by_token(doc: Doc, events: Iterable[Event]) -> dict[int, Event]:
    """The rule coder's events by the index of their trigger's first word (the first event of
    a word wins)."""
    found: dict[int, Event] = {}
    for event in events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            found.setdefault(span[0].i, event)
    return found


def coded_tokens(doc: Doc) -> frozenset[int]:
    """Words inside actor mentions the resolver gave a code."""
    found: set[int] = set()
    for mention in doc._.ng_actors or []:
        if mention.actor.code:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                found.update(t.i for t in span)
    return frozenset(found)


def sentence_candidates(
    doc: Doc, sent: Span, *, number: int, ruled: dict[int, Event], coded: frozenset[int]
) -> tuple[list[Token], list[list[str]], np.ndarray]:
    """The candidate words of one sentence with their features and vectors, exactly as the
    model sees them (``training/dataset.py`` builds its examples here too). ``ruled`` holds the
    rule events of this sentence by trigger word, ``number`` is the sentence's place in the
    document."""
    candidates = candidate_tokens(sent, ruled)
    types = frozenset(e.type for e in ruled.values())
    context = SentenceContext.of(sent, sentence_types=types, sentence_index=number)
    features = [
        token_features(
            token,
            rule_type=ruled[token.i].type if token.i in ruled else None,
            rule_code=ruled[token.i].cameo if token.i in ruled else None,
            sentence_types=types,
            sentence_index=number,
            coded=coded,
            context=context,
            rule_confidence=ruled[token.i].confidence if token.i in ruled else None,
        )
        for token in candidates
    ]
    return candidates, features, word_vectors(doc, candidates)


def _arguments(token: Token) -> tuple[list[Token], list[Token]]:
    """Actor and recipient words of a trigger the rules did not code, from the parse."""
    actors: list[Token] = []
    recipients: list[Token] = []
    for child in token.children:
        dep = child.dep_
        if dep == "nsubj" or (dep == "poss" and token.pos_ == "NOUN"):
            actors.append(child)
        elif dep == "agent":
            actors.extend(g for g in child.children if g.dep_ == "pobj")
        elif dep in ("dobj", "dative", "nsubjpass"):
            recipients.append(child)
        elif dep == "prep" and child.lower_ in _RECIPIENT_PREPS:
            recipients.extend(g for g in child.children if g.dep_ == "pobj")
    if not actors and token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
        # "agreed to send": the subject of the governing verb acts
        actors.extend(c for c in token.head.children if c.dep_ == "nsubj")
    if not actors and token.dep_ in ("relcl", "acl"):
        actors.append(token.head)
    return actors, recipients
