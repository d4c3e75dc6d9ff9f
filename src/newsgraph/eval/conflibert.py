"""ConfliBERT CAMEO sets (train split): quad class per sentence, and actor spans (EVAL.md, Events).

Two files that are not aligned with each other: ``cameo_class/train.tsv`` (sentence, quad
class) gives the quad figures; ``cameo_ner/train.txt`` (CoNLL, S/T/R tags) gives the span
figures. The NER sentences are rebuilt from their tokens (``detokenize``) and fed as text, so a
gold token span becomes character offsets into what the pipeline read.

A predicted actor of the top event matches a gold S span and a recipient a gold T span when
they share a token (relaxed) or cover exactly the same characters (strict). EVAL.md defines no
figure for R (reciprocal) spans; recall of R by any actor or recipient is reported apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import EvalError
from ..nlp.events.plover import cameo_quad
from .actors import predicted_actor
from .conll import detokenize, read_conll, tagged_spans
from .harness import Annotation, Item, limit_note, limited, require_file, top_event
from .metrics import PRF, accuracy, confusion_matrix, macro_f1, per_label_prf, ratio
from .report import EvalReport
from .spans import TextAlignment, count_matches

__all__ = ["QUADS", "read_classes", "score_conflibert"]

CLASS_FILE = Path("cameo_class") / "train.tsv"
NER_FILE = Path("cameo_ner") / "train.txt"
QUADS = (0, 1, 2, 3, 4)

# A span on the pipeline's text: its characters and the gold tokens it touches.
Extent = tuple[int, int, frozenset[int]]


def read_classes(path: Path) -> list[tuple[str, int]]:
    """(sentence, quad class) rows of a cameo_class TSV file."""
    rows: list[tuple[str, int]] = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            text, _, label = line.rstrip("\n").rpartition("\t")
            if not text or label.strip() not in {str(q) for q in QUADS}:
                raise EvalError(f"{path}:{number}: expected 'sentence<TAB>0-4', got {line!r}")
            rows.append((text, int(label)))
    return rows


@dataclass(frozen=True, slots=True)
class GoldActors:
    tokens: tuple[tuple[int, int], ...]
    #: role (S, T, R) -> token spans (start, end exclusive).
    spans: tuple[tuple[str, int, int], ...]


def _ner_items(path: Path) -> Iterator[Item[GoldActors]]:
    for number, sentence in enumerate(read_conll(path)):
        text, offsets = detokenize(sentence.tokens)
        spans = tuple((s.label, s.start, s.end) for s in tagged_spans(sentence.tags))
        yield Item(key=f"ner:{number}", text=text, gold=GoldActors(tuple(offsets), spans))


def _extent(start: int, end: int, *, tokens: list[tuple[int, int] | None]) -> Extent:
    touched = frozenset(
        i for i, span in enumerate(tokens) if span is not None and span[0] < end and start < span[1]
    )
    return (start, end, touched)


def _related_relaxed(gold: Extent, predicted: Extent) -> bool:
    return bool(gold[2] & predicted[2])


def _related_strict(gold: Extent, predicted: Extent) -> bool:
    return gold[:2] == predicted[:2]


#: The dataset's own classes by PLOVER type, as its README infers them from the sentences it
#: shares with plover-gsr. They differ from EVAL.md's rule by CAMEO root in two places:
#: SANCTION (CAMEO 16) is verbal conflict (3), PROTEST (CAMEO 14) material conflict (4).
QUAD_BY_TYPE = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("AID", "CONCEDE", "COOPERATE", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("ASSAULT", "COERCE", "MOBILIZE", "PROTEST"), 4),
}


def _score_classes(
    path: Path, *, settings: Settings, limit: int | None
) -> tuple[list[int], list[int], list[int], dict[str, int], Annotation[int]]:
    items = (
        Item(key=f"class:{n}", text=text, gold=label)
        for n, (text, label) in enumerate(read_classes(path))
    )
    run = Annotation(limited(items, limit), settings=settings, dataset="conflibert-cameo")
    gold: list[int] = []
    predicted: list[int] = []
    by_type: list[int] = []
    counts = {"class_predicted_events": 0, "class_sentences_with_event": 0}
    for item, record in run:
        top = top_event(record)
        if record and top:
            counts["class_predicted_events"] += len(record["events"])
            counts["class_sentences_with_event"] += 1
        gold.append(item.gold)
        predicted.append(cameo_quad(top["cameo"]) if top else 0)
        by_type.append(QUAD_BY_TYPE.get(top["type"], 0) if top else 0)
    return gold, predicted, by_type, counts, run


def _score_spans(
    path: Path, *, settings: Settings, limit: int | None
) -> tuple[dict[str, PRF], dict[str, int], Annotation[GoldActors]]:
    run = Annotation(limited(_ner_items(path), limit), settings=settings, dataset="conflibert-ner")
    names = ("actor_relaxed", "actor_strict", "recipient_relaxed", "recipient_strict")
    scores = {name: PRF() for name in (*names, "reciprocal_relaxed")}
    counts = {
        "ner_items": 0,
        "gold_r_spans": 0,
        "alignment_failures": 0,
        "gold_st_spans": 0,
        "gold_st_spans_with_code": 0,
    }
    for item, record in run:
        counts["ner_items"] += 1
        alignment = TextAlignment(item.text, record["text"] if record else item.text)
        tokens = [alignment.span(start, end) for start, end in item.gold.tokens]
        gold: dict[str, list[Extent]] = {"S": [], "T": [], "R": []}
        for role, first, last in item.gold.spans:
            start, end = tokens[first], tokens[last - 1]
            if start is None or end is None:
                counts["alignment_failures"] += 1
                continue
            gold.setdefault(role, []).append((start[0], end[1], frozenset(range(first, last))))
        for role in ("S", "T"):
            for first_char, last_char, _tokens in gold[role]:
                counts["gold_st_spans"] += 1
                found = predicted_actor(record, first_char, last_char)
                counts["gold_st_spans_with_code"] += found is not None
        top = top_event(record)
        predicted: dict[str, list[Extent]] = {"actors": [], "recipients": []}
        if top is not None:
            for role in predicted:
                predicted[role] = [_extent(a["start"], a["end"], tokens=tokens) for a in top[role]]
        pairs = (("actor", "S", "actors"), ("recipient", "T", "recipients"))
        for name, gold_role, predicted_role in pairs:
            g, p = gold[gold_role], predicted[predicted_role]
            scores[f"{name}_relaxed"].add(
                predicted=len(p),
                gold=len(g),
                matched=count_matches(g, p, related=_related_relaxed),
            )
            scores[f"{name}_strict"].add(
                predicted=len(p), gold=len(g), matched=count_matches(g, p, related=_related_strict)
            )
        both = predicted["actors"] + predicted["recipients"]
        scores["reciprocal_relaxed"].add(
            predicted=0,
            gold=len(gold["R"]),
            matched=(0, count_matches(gold["R"], both, related=_related_relaxed)),
        )
        counts["gold_r_spans"] += len(gold["R"])
    return scores, counts, run


def score_conflibert(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Score quad class and actor spans on the ConfliBERT CAMEO train files under ``root``."""
    class_path = require_file(root / CLASS_FILE, what="conflibert-cameo")
    ner_path = require_file(root / NER_FILE, what="conflibert-cameo")
    gold, predicted, by_type, class_counts, class_run = _score_classes(
        class_path, settings=settings, limit=limit
    )
    scores, counts, ner_run = _score_spans(ner_path, settings=settings, limit=limit)

    table = per_label_prf(gold, predicted, labels=QUADS)
    metrics = {
        "quad_accuracy": accuracy(gold, predicted),
        "quad_macro_f1": macro_f1(gold, predicted, labels=QUADS),
        "quad_macro_f1_by_type": macro_f1(gold, by_type, labels=QUADS),
    }
    for name in ("actor", "recipient"):
        for mode in ("relaxed", "strict"):
            metrics |= scores[f"{name}_{mode}"].metrics(f"{name}_span_{mode}")
    metrics["reciprocal_span_relaxed_recall"] = scores["reciprocal_relaxed"].recall
    metrics["actor_code_coverage"] = ratio(
        counts["gold_st_spans_with_code"], counts["gold_st_spans"]
    )

    report = EvalReport(
        name="conflibert-cameo",
        data=f"{class_path}; {ner_path}",
        split="train",
        counts={
            "class_items": len(gold),
            **class_counts,
            "ner_items": counts["ner_items"],
            "gold_source_spans": scores["actor_relaxed"].gold,
            "gold_target_spans": scores["recipient_relaxed"].gold,
            "gold_reciprocal_spans": counts["gold_r_spans"],
            "predicted_actor_spans": scores["actor_relaxed"].predicted,
            "predicted_recipient_spans": scores["recipient_relaxed"].predicted,
            "span_alignment_failures": counts["alignment_failures"],
            "gold_st_spans_with_actor_code": counts["gold_st_spans_with_code"],
        },
        metrics=metrics,
        tables={
            "quad_per_class": [table[q].row(quad=q) for q in QUADS],
            "quad_confusion": confusion_matrix(gold, predicted, labels=QUADS),
        },
    )
    report.notes += limit_note(limit, unit="sentences of each file")
    report.notes += class_run.notes() + ner_run.notes()
    report.notes.append(
        "quad of a sentence = from its top event's CAMEO root (none or 01 -> 0); NER "
        "sentences are rebuilt from their tokens, one document each; R (reciprocal) spans "
        "are outside the actor/recipient figures, as EVAL.md defines only S and T; "
        "reciprocal_span_relaxed_recall = R spans sharing a token with any top-event actor "
        "or recipient"
    )
    report.notes.append(
        "quad_macro_f1_by_type (a diagnostic beside EVAL.md's figure) = the top event's PLOVER "
        "type mapped to the dataset's classes as its README infers them (SANCTION verbal "
        "conflict, PROTEST material conflict, where EVAL.md's CAMEO-root rule puts 16 in 4 "
        "and 14 in 3)"
    )
    report.notes.append(
        "actor_code_coverage = share of gold S and T spans that an entity mention with a "
        "resolved actor code overlaps; the gold has no codes, so this is coverage, not accuracy"
    )
    return report
