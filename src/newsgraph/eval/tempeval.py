"""TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): time expressions and their values (EVAL.md, Time).

Each document's ``<TEXT>`` is fed as one document, published on its DCT. Gold units are the
TIMEX3 of type DATE or TIME inside ``<TEXT>`` (the DCT itself, DURATION and SET are left out).
Since gold durations are left out, predictions of type ``duration`` are left out too.

Span figures are by overlap, not one-to-one: a gold expression is found when any prediction
overlaps it, and a prediction is right when it overlaps any gold expression. Value accuracy is
over the gold expressions found: the overlapping prediction with the most characters in common
gives the value, compared after writing it at the gold value's granularity
(:func:`at_granularity`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from .harness import Annotation, Item, limit_note, limited, require_dir
from .metrics import PRF, ratio
from .report import EvalReport
from .spans import Mention, TextAlignment, overlaps, same_words

__all__ = ["at_granularity", "read_tml", "score_tempeval"]

CORPORA = ("TimeBank", "AQUAINT")
FOLDER = Path("Training") / "TBAQ-cleaned"
GOLD_TYPES = frozenset({"DATE", "TIME"})
EXCLUDED_PREDICTED_TYPES = frozenset({"duration"})
_REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-\d{2}(?:T.*)?)?")
_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}(?::\d{2}){0,2}")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    timexes: tuple[GoldTimex, ...]
    #: TIMEX3 in the text left out: not DATE/TIME, or the creation time.
    excluded: int


def at_granularity(value: str | None, *, like: str) -> str | None:
    """``value`` (a prediction) written at the granularity of the gold value ``like``:
    a day read at month granularity gives ``1998-01``, at week ``1998-W02``, at quarter
    ``1998-Q1``; anything that cannot be brought there is returned unchanged."""
    if value is None or like in _REFS:
        return value
    day, month = _DAY.fullmatch(value), _MONTH.fullmatch(value)
    if _CLOCK.fullmatch(like):
        return value[: len(like)] if _CLOCK.match(value) else value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", like):
        return value[:10] if day else value
    if re.fullmatch(r"\d{4}-\d{2}", like):
        return value[:7] if month else value
    if re.fullmatch(r"\d{4}-W\d{2}", like) and day:
        year, week, _ = date(*map(int, day.groups())).isocalendar()
        return f"{year}-W{week:02d}"
    if re.fullmatch(r"\d{4}-Q\d", like) and month:
        return f"{month[1]}-Q{(int(month[2]) - 1) // 3 + 1}"
    if re.fullmatch(r"\d{4}-H\d", like) and month:
        return f"{month[1]}-H{1 if int(month[2]) <= 6 else 2}"
    if re.fullmatch(r"\d{2,4}", like) and re.match(r"\d{4}", value):
        return value[: len(like)]
    return value


def _flatten(element: ET.Element) -> tuple[str, list[tuple[int, int, ET.Element]]]:
    """The text content of ``element`` and the character span of every TIMEX3 in it."""
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            found.append((start, length, node))

    walk(element)
    return "".join(parts), found


def read_tml(path: Path) -> Item[GoldDocument]:
    """One TimeML file: its TEXT, DCT (as the publication date) and gold DATE/TIME TIMEX3."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read {path} as TimeML: {exc}") from exc
    body = root.find("TEXT")
    if body is None:
        raise EvalError(f"{path}: no <TEXT> element")
    dct = root.find("DCT/TIMEX3")
    dct_value = dct.get("value", "") if dct is not None else ""
    dct_id = dct.get("tid") if dct is not None else None
    published = dct_value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", dct_value) else None
    text, timexes = _flatten(body)
    gold: list[GoldTimex] = []
    excluded = 0
    for start, end, node in timexes:
        is_dct = node.get("functionInDocument") == "CREATION_TIME" or (
            dct_id is not None and node.get("tid") == dct_id
        )
        if node.get("type") not in GOLD_TYPES or is_dct:
            excluded += 1
            continue
        gold.append(GoldTimex(start, end, node.get("type", ""), node.get("value", "")))
    return Item(
        key=f"{path.parent.name}/{path.stem}",
        text=text,
        published=published,
        gold=GoldDocument(tuple(gold), excluded),
    )


def _documents(root: Path) -> Iterator[Item[GoldDocument]]:
    for corpus in CORPORA:
        folder = require_dir(root / FOLDER / corpus, what="tempeval3")
        paths = sorted(folder.glob("*.tml"))
        if not paths:
            raise EvalError(f"tempeval3: no .tml files in {folder}")
        for path in paths:
            yield read_tml(path)


def score_tempeval(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Span P/R/F1 (overlap and exact) and value accuracy on TBAQ-cleaned under ``root``."""
    require_dir(root, what="tempeval3")
    run = Annotation(limited(_documents(root), limit), settings=settings, dataset="tempeval3")
    spans, exact = PRF(), PRF()
    counts = dict.fromkeys(("items", "items_without_dct", "gold_excluded_timex"), 0)
    counts |= {"predicted_excluded_duration": 0, "alignment_failures": 0, "value_correct": 0}
    for item, record in run:
        counts["items"] += 1
        counts["items_without_dct"] += item.published is None
        counts["gold_excluded_timex"] += item.gold.excluded
        text = record["text"] if record else item.text
        alignment = TextAlignment(item.text, text)
        gold: list[tuple[Mention, str]] = []
        for timex in item.gold.timexes:
            mapped = alignment.span(timex.start, timex.end)
            if mapped is None or not same_words(
                item.text[timex.start : timex.end], text[mapped[0] : mapped[1]]
            ):
                counts["alignment_failures"] += 1
                continue
            gold.append((Mention.of(*mapped), timex.value))
        predicted: list[tuple[Mention, str | None]] = []
        for found in record["times"] if record else ():
            if found["type"] in EXCLUDED_PREDICTED_TYPES:
                counts["predicted_excluded_duration"] += 1
                continue
            predicted.append((Mention.of(found["start"], found["end"]), found["value"]))
        spans.add(
            predicted=len(predicted),
            gold=len(gold),
            matched=(
                sum(any(overlaps(g, p) for g, _ in gold) for p, _ in predicted),
                sum(any(overlaps(g, p) for p, _ in predicted) for g, _ in gold),
            ),
        )
        gold_extents = {g.fragments for g, _ in gold}
        predicted_extents = {p.fragments for p, _ in predicted}
        exact.add(
            predicted=len(predicted),
            gold=len(gold),
            matched=(
                sum(p.fragments in gold_extents for p, _ in predicted),
                sum(g.fragments in predicted_extents for g, _ in gold),
            ),
        )
        for mention, value in gold:
            best = max(
                ((_common(mention, p), v) for p, v in predicted if overlaps(mention, p)),
                key=lambda pair: pair[0],
                default=None,
            )
            if best is not None and at_granularity(best[1], like=value) == value:
                counts["value_correct"] += 1

    report = EvalReport(
        name="tempeval3",
        data=str(root / FOLDER),
        split="TBAQ-cleaned training (TimeBank + AQUAINT)",
        counts={
            "items": counts.pop("items"),
            "gold_timex": spans.gold,
            "predicted_timex": spans.predicted,
            "gold_found": spans.matched_gold,
            **counts,
        },
        metrics={
            **spans.metrics("span_overlap"),
            "value_accuracy": ratio(counts["value_correct"], spans.matched_gold),
            **exact.metrics("span_exact"),
        },
    )
    report.notes += limit_note(limit, unit="documents (TimeBank first, then AQUAINT)")
    report.notes += run.notes()
    report.notes.append(
        "gold = TIMEX3 of type DATE or TIME in TEXT, the DCT excluded; predictions of type "
        "duration are left out as gold durations are; span figures by any overlap; "
        "value_accuracy = value_correct / gold_found, values compared at the gold's "
        "granularity"
    )
    return report


def _common(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))
