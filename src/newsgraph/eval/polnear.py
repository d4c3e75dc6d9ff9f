"""PolNeAR (political news attribution relations, brat standoff): attributions (EVAL.md).

Each article's text file is fed as one document, dated from ``metadata.tsv``. Gold offsets are
mapped onto the pipeline's normalised text and checked to read the same.

A predicted attribution matches a gold one when their cue spans overlap and their source spans
overlap; a gold attribution without a source (``Attribution-no-source``) is matched by a
prediction without a source, since neither names one. Source spans (exact and overlap) and cue
spans (overlap) are also scored on their own, as the distinct spans of each article.

Some articles were annotated by several annotators (one ``.ann`` file each); the file of the
first annotator id in name order is scored so that no article counts more than once.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from .harness import Annotation, Item, limit_note, limited, require_dir
from .metrics import PRF
from .report import EvalReport
from .spans import Mention, TextAlignment, count_matches, overlaps, same_extent, same_words

__all__ = ["AttributionSpans", "read_ann", "score_polnear"]

SPLITS = ("train", "dev")
_LINE = re.compile(r"^[TEARMN#*]\d*\t")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """A gold or predicted attribution, as far as it is scored."""

    cue: Mention | None
    source: Mention | None


@dataclass(slots=True)
class GoldArticle:
    attributions: list[AttributionSpans] = field(default_factory=list)
    discontinuous: int = 0


def _fragments(value: str, where: str) -> tuple[tuple[int, int], ...]:
    try:
        pairs = [part.split() for part in value.split(";")]
        return tuple((int(a), int(b)) for a, b in pairs)
    except ValueError as exc:
        raise EvalError(f"{where}: bad brat offsets {value!r}") from exc


def read_ann(path: Path) -> GoldArticle:
    """The attribution relations (``E`` lines) of one brat file, with their cue and source."""
    spans: dict[str, Mention] = {}
    relations: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            # A span's text may run over a line break: such continuation lines are skipped.
            if not _LINE.match(line):
                continue
            fields = line.rstrip("\n").split("\t")
            if line.startswith("T"):
                if len(fields) < 2 or " " not in fields[1]:
                    raise EvalError(f"{path}:{number}: expected 'T<n><TAB>Kind start end'")
                kind, offsets = fields[1].split(" ", 1)
                spans[fields[0]] = Mention(_fragments(offsets, f"{path}:{number}"), kind)
            elif line.startswith("E"):
                parts = [part.partition(":") for part in fields[1].split()]
                relations.append([(role, ref) for role, _, ref in parts])
    article = GoldArticle()
    for relation in relations:
        kind = relation[0][0] if relation else ""
        if not kind.startswith("Attribution"):
            continue
        found = {role: spans.get(ref) for role, ref in relation[1:]}
        cue, source = found.get("Cue"), found.get("Source")
        article.attributions.append(AttributionSpans(cue, source))
        article.discontinuous += sum(len(m.fragments) > 1 for m in (cue, source) if m is not None)
    return article


def _dates(root: Path) -> dict[str, str]:
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(stream, delimiter="\t")
            if row.get("filename") and row.get("publication_date")
        }


def _articles(root: Path, counts: dict[str, int]) -> Iterator[Item[GoldArticle]]:
    dates = _dates(root)
    for split in SPLITS:
        texts = require_dir(root / split / "text", what="polnear")
        annotations = require_dir(root / split / "attributions", what="polnear")
        by_article: dict[str, list[Path]] = {}
        for ann in sorted(annotations.glob("*.ann")):
            by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
        for path in sorted(texts.glob("*.txt")):
            files = by_article.get(path.stem, [])
            counts["ann_files_used"] += bool(files)
            counts["ann_files_skipped"] += max(0, len(files) - 1)
            counts["articles_without_ann"] += not files
            date = dates.get(path.stem) or next(iter(_DATE.findall(path.name)), None)
            yield Item(
                key=f"{split}/{path.stem}",
                text=_read_text(path),
                published=date,
                gold=read_ann(files[0]) if files else GoldArticle(),
            )


def _read_text(path: Path) -> str:
    # newline="" keeps CR characters: brat offsets count them.
    with path.open(encoding="utf-8", newline="") as stream:
        return stream.read()


def _span(value: dict[str, Any] | None) -> Mention | None:
    return Mention.of(value["start"], value["end"]) if value else None


def _matches(gold: AttributionSpans, predicted: AttributionSpans) -> bool:
    if gold.cue is None or predicted.cue is None or not overlaps(gold.cue, predicted.cue):
        return False
    if gold.source is None or predicted.source is None:
        return gold.source is None and predicted.source is None
    return overlaps(gold.source, predicted.source)


class _Mapper:
    """Maps gold mentions of one article; counts the ones that do not map."""

    def __init__(self, original: str, text: str) -> None:
        self.original, self.text = original, text
        self.alignment = TextAlignment(original, text)
        self.failures = 0

    def __call__(self, mention: Mention | None) -> Mention | None:
        if mention is None:
            return None
        mapped = self.alignment.mention(mention)
        if mapped is None or not all(
            same_words(self.original[a:b], self.text[c:d])
            for (a, b), (c, d) in zip(mention.fragments, mapped.fragments, strict=True)
        ):
            self.failures += 1
            return None
        return mapped


def score_polnear(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Attribution, source-span and cue-span figures on PolNeAR train + dev under ``root``."""
    require_dir(root, what="polnear")
    counts = dict.fromkeys(("ann_files_used", "ann_files_skipped", "articles_without_ann"), 0)
    items = limited(_articles(root, counts), limit)
    run = Annotation(items, settings=settings, dataset="polnear")
    attributions, sources_exact, sources_overlap, cues = PRF(), PRF(), PRF(), PRF()
    tally = dict.fromkeys(("items", "gold_attributions_no_source", "gold_attributions_no_cue"), 0)
    tally |= {"discontinuous_gold_spans": 0, "alignment_failures": 0}
    for item, record in run:
        tally["items"] += 1
        mapper = _Mapper(item.text, record["text"] if record else item.text)
        gold: list[AttributionSpans] = []
        for attribution in item.gold.attributions:
            cue, source = mapper(attribution.cue), mapper(attribution.source)
            # An unmappable source must not turn into "no source"; keep it unmatchable.
            if attribution.source is not None and source is None:
                cue = None
            gold.append(AttributionSpans(cue, source))
            tally["gold_attributions_no_source"] += attribution.source is None
            tally["gold_attributions_no_cue"] += attribution.cue is None
        tally["discontinuous_gold_spans"] += item.gold.discontinuous
        tally["alignment_failures"] += mapper.failures
        predicted = [
            AttributionSpans(_span(a["cue"]), _span(a.get("source")))
            for a in (record["attributions"] if record else ())
        ]
        attributions.add(
            predicted=len(predicted),
            gold=len(gold),
            matched=count_matches(gold, predicted, related=_matches),
        )
        gold_sources = list(dict.fromkeys(g.source for g in gold if g.source is not None))
        gold_cues = list(dict.fromkeys(g.cue for g in gold if g.cue is not None))
        pred_sources = list(dict.fromkeys(p.source for p in predicted if p.source is not None))
        pred_cues = list(dict.fromkeys(p.cue for p in predicted if p.cue is not None))
        for scores, related in ((sources_exact, same_extent), (sources_overlap, overlaps)):
            scores.add(
                predicted=len(pred_sources),
                gold=len(gold_sources),
                matched=count_matches(gold_sources, pred_sources, related=related),
            )
        cues.add(
            predicted=len(pred_cues),
            gold=len(gold_cues),
            matched=count_matches(gold_cues, pred_cues, related=overlaps),
        )

    report = EvalReport(
        name="polnear",
        data=str(root),
        split="train + dev",
        counts={
            "items": tally.pop("items"),
            **counts,
            "gold_attributions": attributions.gold,
            "predicted_attributions": attributions.predicted,
            "gold_source_spans": sources_exact.gold,
            "predicted_source_spans": sources_exact.predicted,
            "gold_cue_spans": cues.gold,
            "predicted_cue_spans": cues.predicted,
            **tally,
        },
        metrics={
            **attributions.metrics("attribution"),
            **sources_exact.metrics("source_exact"),
            **sources_overlap.metrics("source_overlap"),
            **cues.metrics("cue_overlap"),
        },
    )
    report.notes += limit_note(limit, unit="articles (train first, then dev)")
    report.notes += run.notes()
    report.notes.append(
        "one .ann file per article (first annotator id in name order; the others are "
        "skipped); a gold attribution without a source is matched by a prediction without "
        "one when the cues overlap; relations without a cue stay in gold and cannot match; "
        "source and cue spans are scored as the distinct spans of each article"
    )
    return report
