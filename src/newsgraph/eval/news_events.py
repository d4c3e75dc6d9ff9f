"""Whole articles coded sentence by sentence (../shared/docs/NEWS_EVENTS.md, "Scoring").

Each article is fed as one document (``published`` from the date in a PolNeAR id). An event
belongs to the gold sentence its trigger starts in. For every sentence the set of gold types is
compared with the set of predicted types:

- type precision / recall / F1, micro over (sentence, type) pairs;
- clean-sentence false-alarm rate: the share of sentences with no gold event that get any event;
- actor-coded F1: the same over (sentence, type, first three letters of an actor code), gold
  events with an actor code against predicted events' coded actors.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from .harness import Annotation, Item, limit_note, limited, require_file
from .metrics import ratio
from .report import EvalReport

__all__ = ["SentenceScore", "read_articles", "score_news_events", "score_sentences"]

_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")

Pair = tuple[int, str]
Triple = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    #: (start, end) of each sentence, in order.
    sentences: tuple[tuple[int, int], ...]
    #: Gold types of each sentence, and (type, actor code root) pairs.
    types: tuple[frozenset[str], ...]
    coded: tuple[frozenset[tuple[str, str]], ...]
    published: str | None = None


@dataclass(slots=True)
class SentenceScore:
    """Counts over (sentence, type) pairs; add articles with :meth:`add`."""

    sentences: int = 0
    clean: int = 0
    clean_alarms: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    coded_tp: int = 0
    coded_fp: int = 0
    coded_fn: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)

    def add(
        self,
        gold: list[frozenset[str]],
        predicted: list[set[str]],
        *,
        gold_coded: list[frozenset[tuple[str, str]]] | None = None,
        predicted_coded: list[set[tuple[str, str]]] | None = None,
    ) -> None:
        for index, (want, got) in enumerate(zip(gold, predicted, strict=True)):
            self.sentences += 1
            if not want:
                self.clean += 1
                self.clean_alarms += bool(got)
            for kind in want | got:
                row = self.per_type.setdefault(kind, [0, 0, 0])
                if kind in want and kind in got:
                    self.tp += 1
                    row[0] += 1
                elif kind in got:
                    self.fp += 1
                    row[1] += 1
                else:
                    self.fn += 1
                    row[2] += 1
            if gold_coded is not None and predicted_coded is not None:
                a, b = gold_coded[index], predicted_coded[index]
                self.coded_tp += len(a & b)
                self.coded_fp += len(b - a)
                self.coded_fn += len(a - b)

    def metrics(self) -> dict[str, float]:
        precision = ratio(self.tp, self.tp + self.fp)
        recall = ratio(self.tp, self.tp + self.fn)
        cp = ratio(self.coded_tp, self.coded_tp + self.coded_fp)
        cr = ratio(self.coded_tp, self.coded_tp + self.coded_fn)
        return {
            "type_precision": precision,
            "type_recall": recall,
            "type_f1": _f1(precision, recall),
            "clean_false_alarm_rate": ratio(self.clean_alarms, self.clean),
            "actor_coded_precision": cp,
            "actor_coded_recall": cr,
            "actor_coded_f1": _f1(cp, cr),
        }

    def table(self, *, digits: int = 4) -> list[dict[str, Any]]:
        rows = []
        for kind in sorted(self.per_type):
            tp, fp, fn = self.per_type[kind]
            p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
            rows.append(
                {
                    "type": kind,
                    "gold": tp + fn,
                    "predicted": tp + fp,
                    "precision": round(p, digits),
                    "recall": round(r, digits),
                    "f1": round(_f1(p, r), digits),
                }
            )
        return rows


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def read_articles(root: Path) -> list[Article]:
    """The articles and their sentence labels (``articles.jsonl`` and ``labels.jsonl``)."""
    articles_path = require_file(root / "articles.jsonl", what="news-events")
    labels_path = require_file(root / "labels.jsonl", what="news-events")
    labels: dict[tuple[str, int], list[dict[str, Any]]] = {}
    try:
        for line in labels_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                labels[(record["article"], int(record["i"]))] = list(record["events"])
        articles = []
        for line in articles_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            spans = tuple((int(s["start"]), int(s["end"])) for s in record["sentences"])
            events = [labels.get((record["article"], i), []) for i in range(len(spans))]
            found = _DATE.search(record["article"])
            articles.append(
                Article(
                    id=record["article"],
                    text=record["text"],
                    sentences=spans,
                    types=tuple(frozenset(e["type"] for e in es) for es in events),
                    coded=tuple(
                        frozenset(
                            (e["type"], str(e["actor_code"])[:3].upper())
                            for e in es
                            if e.get("actor_code")
                        )
                        for es in events
                    ),
                    published=found.group(1) if found else None,
                )
            )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise EvalError(f"news-events: cannot read {root}: {exc}") from exc
    return articles


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence (by start offsets) that holds ``offset``."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def predicted_by_sentence(
    events: Iterable[dict[str, Any]], sentences: tuple[tuple[int, int], ...]
) -> tuple[list[set[str]], list[set[tuple[str, str]]]]:
    """Predicted types, and (type, actor code root) pairs, of each gold sentence."""
    starts = [start for start, _ in sentences]
    types: list[set[str]] = [set() for _ in sentences]
    coded: list[set[tuple[str, str]]] = [set() for _ in sentences]
    for event in events:
        index = sentence_of(starts, int(event["trigger"]["start"]))
        types[index].add(event["type"])
        for actor in event.get("actors", []):
            if actor.get("code"):
                coded[index].add((event["type"], str(actor["code"])[:3].upper()))
    return types, coded


def score_sentences(
    pairs: Iterable[tuple[Article, dict[str, Any] | None]],
) -> SentenceScore:
    """Score annotated documents (or None for a rejected one) against their articles."""
    score = SentenceScore()
    for article, record in pairs:
        events = record["events"] if record else []
        types, coded = predicted_by_sentence(events, article.sentences)
        score.add(list(article.types), types, gold_coded=list(article.coded), predicted_coded=coded)
    return score


def _items(articles: list[Article]) -> Iterator[Item[Article]]:
    for article in articles:
        yield Item(key=article.id, text=article.text, gold=article, published=article.published)


def score_news_events(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Score event types sentence by sentence on the whole articles under ``root``."""
    articles = read_articles(root)
    run = Annotation(limited(_items(articles), limit), settings=settings, dataset="news-events")
    events = 0
    pairs = []
    for item, record in run:
        events += len(record["events"]) if record else 0
        pairs.append((item.gold, record))
    score = score_sentences(pairs)
    report = EvalReport(
        name="news-events",
        data=str(root),
        split="the development part here (whole articles, every sentence coded)",
        counts={
            "articles": len(pairs),
            "sentences": score.sentences,
            "clean_sentences": score.clean,
            "gold_pairs": score.tp + score.fn,
            "predicted_pairs": score.tp + score.fp,
            "predicted_events": events,
        },
        metrics=score.metrics(),
        tables={"per_type": score.table()},
    )
    report.notes += limit_note(limit, unit="articles")
    report.notes += run.notes()
    report.notes.append(
        "micro over (sentence, type) pairs; an event belongs to the sentence its trigger starts "
        "in; actor-coded pairs add the first three letters of an actor code"
    )
    return report
