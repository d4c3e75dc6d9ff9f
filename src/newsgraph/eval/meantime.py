"""MEANTIME event factuality (CoNLL export): certainty, polarity and time of gold events.

Each file is one document: its sentences rebuilt from their tokens, one line each (line breaks
end sentences in the pipeline, so the gold segmentation is kept); the date line (the second
sentence) gives the publication date. Two measures:

- **span**: every gold event's tokens are assessed with :func:`newsgraph.nlp.assess` on the
  Doc the user's pipeline makes of the document (:meth:`Annotator.parse`): the library
  function, on exactly the words gold marks;
- **events**: the documents go through ``newsgraph extract``'s code path (:mod:`.harness`); a
  gold event is found when a predicted event's trigger overlaps its tokens, and the found ones
  are scored with the event's own ``certainty``, ``negated`` and ``status``.

Our classes map to MEANTIME's as follows. Certainty: asserted and reported -> CERTAIN (a
report commits its source, and MEANTIME annotates certainty as the source states it); believed
-> PROBABLE ("believed to", "likely", "expected to"); alleged and uncertain -> POSSIBLE (an
allegation, "may", "could", "possibly", "it is unclear"). Polarity: negated -> NEG, else POS.
Time: the statuses of ``FUTURE_STATUSES`` (requested, offered, promised, planned, hypothetical,
refused) -> FUTURE (not happened yet); under way, done, agreed, denied -> NON_FUTURE. Gold
UNDERSPECIFIED values are left out of their dimension and counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from ..ingest import parse_record
from ..ingest.dates import parse_published
from ..model import Document
from ..nlp import Annotator, assess
from ..nlp.claims.certainty import FUTURE_STATUSES
from .conll import detokenize
from .harness import Annotation, Item, limit_note, limited, require_dir
from .metrics import accuracy, per_label_prf
from .report import EvalReport
from .spans import Mention, TextAlignment, overlaps

__all__ = ["CERTAINTY_MAP", "GoldEvent", "read_meantime", "score_meantime"]

FOLDER = "conll_gold"
#: Our certainty -> MEANTIME certainty.
CERTAINTY_MAP = {
    "asserted": "CERTAIN",
    "reported": "CERTAIN",
    "believed": "PROBABLE",
    "alleged": "POSSIBLE",
    "uncertain": "POSSIBLE",
}
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "certainty": ("CERTAIN", "PROBABLE", "POSSIBLE"),
    "polarity": ("POS", "NEG"),
    "time": ("NON_FUTURE", "FUTURE"),
}
#: The majority class of each dimension; macro-F1 is also given over the others.
MAJORITY = {"certainty": "CERTAIN", "polarity": "POS", "time": "NON_FUTURE"}
UNDERSPECIFIED = "UNDERSPECIFIED"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event mention: character span in the rebuilt text and its three values."""

    start: int
    end: int
    text: str
    certainty: str
    polarity: str
    time: str


def _value(tag: str) -> str:
    """``B-CERTAIN-10`` -> ``CERTAIN``; ``B-NON_FUTURE-3`` -> ``NON_FUTURE``."""
    parts = tag.split("-")
    return "-".join(parts[1:-1]) if len(parts) >= 3 else UNDERSPECIFIED


def _sentences(path: Path) -> list[list[list[str]]]:
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise EvalError(
                f"{path}:{number}: expected 6 tab-separated columns "
                f"(id, token, event, certainty, polarity, time), got {len(fields)}"
            )
        current.append(fields)
    if current:
        sentences.append(current)
    return sentences


def read_meantime(path: Path) -> Item[tuple[GoldEvent, ...]]:
    """One document: text rebuilt one sentence a line, gold events as character spans."""
    sentences = _sentences(path)
    lines: list[str] = []
    events: list[GoldEvent] = []
    length = 0
    for sentence in sentences:
        text, offsets = detokenize([fields[1] for fields in sentence])
        index = 0
        while index < len(sentence):
            event = sentence[index][2]
            if not event.startswith("B-"):
                index += 1
                continue
            identifier = event[2:]
            end = index + 1
            while end < len(sentence) and sentence[end][2] == f"I-{identifier}":
                end += 1
            first, last = offsets[index][0], offsets[end - 1][1]
            fields = sentence[index]
            events.append(
                GoldEvent(
                    start=length + first,
                    end=length + last,
                    text=text[first:last],
                    certainty=_value(fields[3]),
                    polarity=_value(fields[4]),
                    time=_value(fields[5]),
                )
            )
            index = end
        lines.append(text)
        length += len(text) + 1
    published = None
    if len(lines) > 1:
        found = parse_published(lines[1])
        published = found.isoformat() if found else None
    return Item(key=path.stem, text="\n".join(lines), gold=tuple(events), published=published)


def _documents(root: Path) -> Iterator[Item[tuple[GoldEvent, ...]]]:
    folder = require_dir(root / FOLDER, what="meantime-factuality")
    paths = sorted(folder.glob("*.conll"))
    if not paths:
        raise EvalError(f"meantime-factuality: no *.conll files in {folder}")
    for path in paths:
        yield read_meantime(path)


@dataclass(slots=True)
class _Labels:
    """Gold and predicted labels of one dimension, UNDERSPECIFIED gold left out."""

    gold: list[str]
    predicted: list[str]
    underspecified: int = 0

    def add(self, gold: str, predicted: str) -> None:
        if gold == UNDERSPECIFIED:
            self.underspecified += 1
            return
        self.gold.append(gold)
        self.predicted.append(predicted)


def _new_labels() -> dict[str, _Labels]:
    return {name: _Labels([], []) for name in DIMENSIONS}


def _predicted(certainty: str | None, negated: bool, status: str | None) -> dict[str, str]:
    return {
        "certainty": CERTAINTY_MAP.get(certainty or "asserted", "CERTAIN"),
        "polarity": "NEG" if negated else "POS",
        "time": "FUTURE" if status in FUTURE_STATUSES else "NON_FUTURE",
    }


def _figures(
    prefix: str, labels: dict[str, _Labels]
) -> tuple[dict[str, float], list[dict[str, object]]]:
    metrics: dict[str, float] = {}
    rows: list[dict[str, object]] = []
    for name, classes in DIMENSIONS.items():
        found = labels[name]
        table = per_label_prf(found.gold, found.predicted, labels=classes)
        minority = [c for c in classes if c != MAJORITY[name]]
        metrics[f"{prefix}{name}_accuracy"] = accuracy(found.gold, found.predicted)
        metrics[f"{prefix}{name}_macro_f1"] = _mean(table[c].f1 for c in classes)
        metrics[f"{prefix}{name}_minority_macro_f1"] = _mean(table[c].f1 for c in minority)
        for label in classes:
            metrics[f"{prefix}{name}_f1_{label}"] = table[label].f1
            rows.append(table[label].row(dimension=name, label=label))
    return metrics, rows


def _mean(values: Iterator[float] | Sequence[float]) -> float:
    found = list(values)
    return sum(found) / len(found) if found else 0.0


def score_meantime(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Certainty, polarity and time of MEANTIME's gold events: per-class P/R/F1."""
    items = list(limited(_documents(root), limit))
    documents: list[Document] = [
        parse_record({"id": i.key, "text": i.text, "published": i.published}, origin=i.key)
        for i in items
    ]
    span_labels, event_labels = _new_labels(), _new_labels()
    counts = dict.fromkeys(("items", "gold_events", "alignment_failures"), 0)
    counts |= dict.fromkeys(("events_found", "predicted_events"), 0)
    # Every gold event's sentence is assessed, so every sentence is parsed.
    annotator = Annotator(model=settings.model, parse="full")
    for item, (document, doc) in zip(items, annotator.parse(documents), strict=True):
        counts["items"] += 1
        alignment = TextAlignment(item.text, document.text)
        for event in item.gold:
            counts["gold_events"] += 1
            mapped = alignment.span(event.start, event.end)
            span = doc.char_span(*mapped, alignment_mode="expand") if mapped else None
            if span is None or not len(span):
                counts["alignment_failures"] += 1
                continue
            found = assess(span)
            predicted = _predicted(found.certainty, found.negated, found.status)
            for name in DIMENSIONS:
                span_labels[name].add(getattr(event, name), predicted[name])

    run = Annotation(items, settings=settings, dataset="meantime-factuality")
    for item, record in run:
        text = record["text"] if record else item.text
        alignment = TextAlignment(item.text, text)
        events = record["events"] if record else []
        counts["predicted_events"] += len(events)
        for event in item.gold:
            mapped = alignment.span(event.start, event.end)
            if mapped is None:
                continue
            gold_span = Mention.of(*mapped)
            match = next(
                (
                    e
                    for e in events
                    if overlaps(gold_span, Mention.of(e["trigger"]["start"], e["trigger"]["end"]))
                ),
                None,
            )
            if match is None:
                continue
            counts["events_found"] += 1
            predicted = _predicted(match["certainty"], match["negated"], match["status"])
            for name in DIMENSIONS:
                event_labels[name].add(getattr(event, name), predicted[name])

    for name in DIMENSIONS:
        counts[f"gold_{name}_underspecified"] = span_labels[name].underspecified
    span_metrics, span_rows = _figures("", span_labels)
    event_metrics, event_rows = _figures("event_", event_labels)
    report = EvalReport(
        name="meantime-factuality",
        data=str(root / FOLDER),
        split="the half here (gold event tokens given)",
        counts=counts,
        metrics={**span_metrics, **event_metrics},
        tables={"span_per_class": span_rows, "event_per_class": event_rows},
    )
    report.notes += limit_note(limit, unit="documents")
    report.notes += run.notes()
    report.notes.append(
        "span figures: newsgraph.nlp.assess on each gold event's tokens; event_* figures: "
        "the pipeline's own events whose trigger overlaps a gold event (events_found of "
        "gold_events); certainty asserted/reported->CERTAIN, believed->PROBABLE, "
        "alleged/uncertain->POSSIBLE; negated->NEG; "
        + "/".join(sorted(FUTURE_STATUSES))
        + "->FUTURE; gold UNDERSPECIFIED left out of its dimension; minority_macro_f1 "
        "averages the classes other than the majority (CERTAIN, POS, NON_FUTURE)"
    )
    return report
