"""The coded corpus as training examples: every candidate word of every coded sentence, with its
features and its gold class (a PLOVER type, or NONE).

The text of each article is read from ../shared (training/sources.py); the labels
(training/labels/*.jsonl) give, per sentence, its offsets and its events with trigger offsets.
The articles go through newsgraph's own pipeline with the rule coder, and every candidate's
features come from the trained coder's own function (``learned.sentence_candidates``), so they
are exactly those it computes when it runs.
"""

from __future__ import annotations

import json
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sources

from newsgraph.ingest import parse_record
from newsgraph.nlp.claims.certainty import assess_token
from newsgraph.nlp.claims.status import status_features
from newsgraph.nlp.events.learned import coded_tokens, rule_events_by_token, sentence_candidates
from newsgraph.nlp.events.weights import NONE
from newsgraph.nlp.pipeline import Annotator

LABELS = sources.ROOT / "labels"


@dataclass
class Sentence:
    article: str
    i: int
    start: int
    end: int
    gold: list[dict[str, Any]]


@dataclass
class Example:
    """One candidate word."""

    article: str
    sentence: int
    features: list[str]
    vector: np.ndarray
    label: str
    trigger: tuple[int, int]
    rule: str | None


@dataclass
class StatusExample:
    """One gold event, for the status model: the features of its trigger's head word."""

    article: str
    sentence: int
    features: list[str]
    label: str
    rule: str


@dataclass
class Corpus:
    examples: list[Example] = field(default_factory=list)
    statuses: list[StatusExample] = field(default_factory=list)
    #: (article, sentence index) -> gold types, and the rule coder's types.
    gold: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    rules: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)


def read_labels(paths: list[Path] | None = None) -> dict[str, list[Sentence]]:
    """Labelled sentences by article (labels files carry sentence and trigger offsets)."""
    by_article: dict[str, list[Sentence]] = {}
    for path in paths or sorted(LABELS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            by_article.setdefault(record["article"], []).append(
                Sentence(
                    record["article"], record["i"], record["start"], record["end"], record["events"]
                )
            )
    for sentences in by_article.values():
        sentences.sort(key=lambda s: s.i)
    return by_article


def build(labels: dict[str, list[Sentence]], *, batch_size: int = 32) -> Corpus:
    articles = sources.all_articles()
    corpus = Corpus()
    annotator = Annotator(coder="rules")
    documents = []
    for article_id in sorted(labels):
        article = articles[article_id]
        document = parse_record(
            {"id": article_id, "text": article.text, "published": article.published},
            origin=f"training:{article_id}",
        )
        if document.text != article.text:
            # the reader normalises whitespace (trailing spaces, no-break spaces): move the
            # labels' offsets onto the normalised text by its non-space characters
            moved = _realign(article.text, document.text, labels[article_id])
            if moved is None:
                corpus.counts["articles skipped: text not alignable"] += 1
                continue
            labels[article_id] = moved
            corpus.counts["articles realigned"] += 1
        documents.append(document)
    for document, doc in annotator.parse(documents, batch_size=batch_size):
        article_id = document.origin.removeprefix("training:")
        sentences = labels[article_id]
        corpus.counts["articles"] += 1
        ruled = rule_events_by_token(doc, doc._.ng_events or [])
        coded = coded_tokens(doc)
        # gold trigger heads -> type
        heads: dict[int, str] = {}
        inside: set[int] = set()
        for sentence in sentences:
            corpus.counts["sentences"] += 1
            types = frozenset(e["type"] for e in sentence.gold)
            corpus.gold[(article_id, sentence.i)] = types
            for event in sentence.gold:
                corpus.counts["events"] += 1
                span = doc.char_span(
                    event["trigger_start"], event["trigger_end"], alignment_mode="expand"
                )
                if span is None or len(span) == 0:
                    corpus.counts["triggers not aligned"] += 1
                    continue
                root = span.root
                heads.setdefault(root.i, event["type"])
                if root.dep_:
                    assessment = assess_token(root)
                    corpus.statuses.append(
                        StatusExample(
                            article=article_id,
                            sentence=sentence.i,
                            features=status_features(
                                root,
                                event_type=event["type"],
                                rule_status=assessment.status,
                                negated=assessment.negated,
                            ),
                            label=event["status"],
                            rule=assessment.status,
                        )
                    )
                else:
                    corpus.counts["status: trigger sentence not parsed"] += 1
                inside.update(t.i for t in span)
        starts = [s.start for s in sentences]
        limit = sentences[-1].end
        rule_types: dict[int, set[str]] = {}
        for i, rule in ruled.items():
            index = _sentence_of(starts, doc[i].idx)
            if index >= 0 and doc[i].idx < limit:
                rule_types.setdefault(index, set()).add(rule.type)
        for number, sent in enumerate(doc.sents):
            in_sentence = {i: r for i, r in ruled.items() if sent.start <= i < sent.end}
            candidates, features, vectors = sentence_candidates(
                doc, sent, number=number, ruled=in_sentence, coded=coded
            )
            for token, names, vector in zip(candidates, features, vectors, strict=True):
                index = _sentence_of(starts, token.idx)
                if index < 0 or token.idx >= limit:
                    continue
                label = heads.get(token.i)
                if label is None and token.i in inside:
                    continue  # a word of a gold trigger that is not its head: neither class
                rule = in_sentence.get(token.i)
                corpus.examples.append(
                    Example(
                        article=article_id,
                        sentence=sentences[index].i,
                        features=names,
                        vector=vector,
                        label=label or NONE,
                        trigger=(token.idx, token.idx + len(token.text)),
                        rule=rule.type if rule else None,
                    )
                )
                if label is not None:
                    corpus.counts["gold triggers on candidates"] += 1
        for index, sentence in enumerate(sentences):
            corpus.rules[(article_id, sentence.i)] = frozenset(rule_types.get(index, ()))
    return corpus


def _realign(old: str, new: str, sentences: list[Sentence]) -> list[Sentence] | None:
    old_chars = [i for i, c in enumerate(old) if not c.isspace()]
    new_chars = [i for i, c in enumerate(new) if not c.isspace()]
    if len(old_chars) != len(new_chars):
        return None
    import bisect

    def start(offset: int) -> int:
        k = bisect.bisect_left(old_chars, offset)
        return new_chars[k] if k < len(new_chars) else len(new)

    def end(offset: int) -> int:
        k = bisect.bisect_left(old_chars, offset) - 1
        return new_chars[k] + 1 if k >= 0 else 0

    moved = []
    for sentence in sentences:
        events = [
            {**e, "trigger_start": start(e["trigger_start"]), "trigger_end": end(e["trigger_end"])}
            for e in sentence.gold
        ]
        moved.append(
            Sentence(sentence.article, sentence.i, start(sentence.start), end(sentence.end), events)
        )
    return moved


def _sentence_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def save(corpus: Corpus, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(corpus, handle)


def load(path: Path) -> Corpus:
    with path.open("rb") as handle:
        corpus: Corpus = pickle.load(handle)
    return corpus
