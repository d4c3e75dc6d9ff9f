"""re3d (Dstl defence and security documents): entity spans (EVAL.md, Entities).

Each document's ``text`` is fed as one document (the title is not: its entities are not
annotated). Gold offsets point into that text; they are mapped onto the pipeline's normalised
text and every mapped span is checked to read the same. re3d types without a mapping
(DocumentReference, Coordinate, CommsIdentifier, Frequency) are left out, and so are predicted
labels without one. Gold duplicates (same offsets and type) count once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from .entities import EntityScores, predicted_mentions
from .harness import Annotation, Item, limit_note, limited, require_dir
from .report import EvalReport
from .spans import Mention, TextAlignment, same_words

__all__ = ["LABELS", "RE3D_TYPES", "read_documents", "score_re3d"]

#: newsgraph label -> re3d type (EVAL.md).
LABELS = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
    "WEAPON": "Weapon",
    "PLATFORM": "MilitaryPlatform",
    "VEHICLE": "Vehicle",
    "MONEY": "Money",
    "QUANTITY": "Quantity",
    "CARDINAL": "Quantity",
    "DATE": "Temporal",
    "TIME": "Temporal",
}
RE3D_TYPES = tuple(dict.fromkeys(LABELS.values()))


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    type: str
    value: str


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    # mongoexport output: one object a line, possibly with a byte-order mark.
    with path.open(encoding="utf-8-sig") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc


def read_documents(root: Path) -> Iterator[Item[list[GoldEntity]]]:
    """Documents of every source folder (``<root>/<source>/documents.json`` and
    ``entities.json``), folders in name order, documents in file order."""
    folders = sorted(p for p in root.iterdir() if (p / "documents.json").is_file())
    if not folders:
        raise EvalError(f"re3d: no <source>/documents.json under {root}")
    for folder in folders:
        entities_path = folder / "entities.json"
        if not entities_path.is_file():
            raise EvalError(f"re3d: expected {entities_path} beside documents.json")
        gold: dict[str, list[GoldEntity]] = {}
        for entity in _json_lines(entities_path):
            gold.setdefault(entity["documentId"], []).append(
                GoldEntity(
                    int(entity["begin"]), int(entity["end"]), entity["type"], entity["value"]
                )
            )
        for document in _json_lines(folder / "documents.json"):
            yield Item(
                key=f"{folder.name}:{document['_id']}",
                text=document["text"],
                gold=gold.get(document["_id"], []),
            )


def score_re3d(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Span P/R/F1 (exact per type and micro; overlap micro) on the re3d folders under root."""
    require_dir(root, what="re3d")
    run = Annotation(limited(read_documents(root), limit), settings=settings, dataset="re3d")
    scores = EntityScores(RE3D_TYPES)
    counts = dict.fromkeys(
        ("items", "gold_entities_all_types", "gold_unmapped_type", "gold_duplicates"), 0
    )
    counts |= {"gold_value_differs_from_offsets": 0, "alignment_failures": 0}
    for item, record in run:
        counts["items"] += 1
        text = record["text"] if record else item.text
        alignment = TextAlignment(item.text, text)
        gold: list[Mention] = []
        for entity in item.gold:
            counts["gold_entities_all_types"] += 1
            if entity.type not in RE3D_TYPES:
                counts["gold_unmapped_type"] += 1
                continue
            # 5 of re3d's values differ from the text at their offsets (quotes, line
            # breaks); the offsets are what is scored.
            original = item.text[entity.start : entity.end]
            counts["gold_value_differs_from_offsets"] += original != entity.value
            mapped = alignment.span(entity.start, entity.end)
            if mapped is None or not same_words(original, text[mapped[0] : mapped[1]]):
                counts["alignment_failures"] += 1
                continue
            mention = Mention.of(*mapped, label=entity.type)
            if mention in gold:
                counts["gold_duplicates"] += 1
                continue
            gold.append(mention)
        scores.add(gold, predicted_mentions(record, LABELS))

    report = EvalReport(
        name="re3d",
        data=str(root),
        split="the development part here (all source folders present)",
        counts={**counts, **scores.counts()},
        metrics=scores.metrics(),
        tables={"per_type": scores.table()},
    )
    report.notes += limit_note(limit, unit="documents")
    report.notes += run.notes()
    report.notes.append(
        "labels mapped: " + ", ".join(f"{k}->{v}" for k, v in LABELS.items()) + "; other "
        "labels and re3d types are left out of both sides; duplicate gold (same offsets and "
        "type) counts once; nested gold spans each count, a prediction matches at most one"
    )
    return report
