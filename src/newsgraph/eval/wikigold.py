"""WikiGold (Wikipedia articles, CoNLL IO tags): entity spans, exact (EVAL.md, Entities).

Each article (a ``-DOCSTART-`` block) is fed as one document: its sentences rebuilt from their
tokens and joined by a space, so a gold token span becomes character offsets into the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from ..config import Settings
from .conll import detokenize, read_conll, tagged_spans
from .entities import EntityScores, predicted_mentions
from .harness import Annotation, Item, limit_note, limited, require_file
from .report import EvalReport
from .spans import Mention, TextAlignment, same_words

__all__ = ["LABELS", "WIKIGOLD_TYPES", "read_articles", "score_wikigold"]

FILE = "wikigold.conll.txt"
#: newsgraph label -> WikiGold type (EVAL.md).
LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}
WIKIGOLD_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    sentences: int
    tokens: int
    mentions: tuple[Mention, ...]


def read_articles(path: Path) -> Iterator[Item[GoldArticle]]:
    """One item per article: text rebuilt from tokens, gold mentions as character spans."""
    for number, sentences in groupby(read_conll(path), key=lambda s: s.document):
        parts: list[str] = []
        mentions: list[Mention] = []
        length = tokens = count = 0
        for sentence in sentences:
            count += 1
            tokens += len(sentence.tokens)
            if parts:
                parts.append(" ")
                length += 1
            text, offsets = detokenize(sentence.tokens)
            for span in tagged_spans(sentence.tags):
                start = length + offsets[span.start][0]
                end = length + offsets[span.end - 1][1]
                mentions.append(Mention.of(start, end, label=span.label))
            parts.append(text)
            length += len(text)
        yield Item(
            key=f"article:{number}",
            text="".join(parts),
            gold=GoldArticle(count, tokens, tuple(mentions)),
        )


def score_wikigold(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Exact span micro-F1 (and per type) on the WikiGold articles under ``root``."""
    path = require_file(root / FILE, what="wikigold")
    run = Annotation(limited(read_articles(path), limit), settings=settings, dataset="wikigold")
    scores = EntityScores(WIKIGOLD_TYPES)
    counts = dict.fromkeys(("items", "sentences", "tokens", "gold_other_type"), 0)
    counts["alignment_failures"] = 0
    for item, record in run:
        counts["items"] += 1
        counts["sentences"] += item.gold.sentences
        counts["tokens"] += item.gold.tokens
        text = record["text"] if record else item.text
        alignment = TextAlignment(item.text, text)
        gold: list[Mention] = []
        for mention in item.gold.mentions:
            if mention.label not in WIKIGOLD_TYPES:
                counts["gold_other_type"] += 1
                continue
            mapped = alignment.mention(mention)
            if mapped is None or not same_words(
                item.text[mention.start : mention.end], text[mapped.start : mapped.end]
            ):
                counts["alignment_failures"] += 1
                continue
            gold.append(mapped)
        scores.add(gold, predicted_mentions(record, LABELS))

    report = EvalReport(
        name="wikigold",
        data=str(path),
        split="all (the whole corpus is here)",
        counts={**counts, **scores.counts()},
        metrics=scores.metrics(overlap=False),
        tables={"per_type": scores.table()},
    )
    report.notes += limit_note(limit, unit="articles")
    report.notes += run.notes()
    report.notes.append(
        "labels mapped: " + ", ".join(f"{k}->{v}" for k, v in LABELS.items()) + "; other "
        "predicted labels are left out; one document per article, sentences rebuilt from "
        "tokens and joined by a space"
    )
    return report
