"""PLOVER gold standard records (GSR01): one coded event per sentence (EVAL.md, Events).

The sentence's predicted type is the ``type`` of its highest-confidence event, or ``NONE``.
Gold names of PLOVER 0.5 are mapped to today's before scoring (DEMAND = REQUEST, DISAPPROVE =
ACCUSE, FIGHT = ASSAULT, INVESTIGATE = ACCUSE with mode investigate). Source and target match
compare the first three letters of actor codes, so sector suffixes do not matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from .actors import code_root, locate, predicted_actor
from .harness import Annotation, Item, limit_note, limited, require_file, top_event
from .metrics import accuracy, confusion_pairs, macro_f1, per_label_prf, ratio
from .report import EvalReport

__all__ = ["GOLD_TYPE_NAMES", "NO_EVENT", "score_plover_gsr"]

FILE = "PLOVER_GSR_CAMEO.json"
NO_EVENT = "NONE"
#: PLOVER 0.5 names in the gold set -> the names newsgraph uses (EVAL.md).
GOLD_TYPE_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    actors: tuple[GoldActor, ...] = ()


def _codes(value: object) -> frozenset[str]:
    """Country/IGO codes of a gold actor list (``""``, missing and odd values give none)."""
    if not isinstance(value, list):
        return frozenset()
    return frozenset(
        str(actor["code"])[:3].upper()
        for actor in value
        if isinstance(actor, dict) and actor.get("code")
    )


def _gold_actors(record: dict[str, Any]) -> tuple[GoldActor, ...]:
    """Source and target actors with a text and a code (each once per sentence)."""
    found: dict[tuple[str, str], GoldActor] = {}
    for role in ("source", "target"):
        value = record.get(role)
        for actor in value if isinstance(value, list) else ():
            if not isinstance(actor, dict):
                continue
            text, code = str(actor.get("actorText") or "").strip(), code_root(actor.get("code"))
            sector = str(actor.get("sector") or "")[:3].upper() or None
            if text and code:
                found.setdefault((text, code), GoldActor(text, code, sector))
    return tuple(found.values())


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The event records of the GSR file (the DOCUMENT metadata record left out)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read {path} as JSON: {exc}") from exc
    if not isinstance(records, list):
        raise EvalError(f"{path}: expected a JSON array of records")
    events = [r for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    for record in events:
        if not isinstance(record.get("text"), str) or not record.get("event"):
            raise EvalError(f"{path}: record {record.get('id')!r} has no text or event")
    return events


def _items(records: list[dict[str, Any]]) -> Iterator[Item[GoldEvent]]:
    for number, record in enumerate(records):
        gold_type = str(record["event"]).upper()
        yield Item(
            key=f"{number}:{record.get('id', '')}",
            text=record["text"],
            published=record.get("date") or None,
            gold=GoldEvent(
                type=GOLD_TYPE_NAMES.get(gold_type, gold_type),
                sources=_codes(record.get("source")),
                targets=_codes(record.get("target")),
                actors=_gold_actors(record),
            ),
        )


def _predicted_codes(event: dict[str, Any] | None, role: str) -> frozenset[str]:
    if event is None:
        return frozenset()
    return frozenset(str(a["code"])[:3].upper() for a in event[role] if a.get("code"))


_SECTOR_NONE = {"***", ""}


def _score_actor_codes(
    actors: tuple[GoldActor, ...], text: str, record: dict[str, Any] | None, coding: dict[str, int]
) -> None:
    for gold in actors:
        coding["gold"] += 1
        has_sector = gold.sector is not None and gold.sector not in _SECTOR_NONE
        coding["sector_gold"] += has_sector
        where = locate(text, gold.text)
        if where is None:
            continue
        coding["located"] += 1
        actor = predicted_actor(record, *where)
        if actor is None:
            continue
        coding["resolved"] += 1
        if code_root(actor.get("code")) == gold.code:
            coding["correct"] += 1
            if has_sector and str(actor.get("sector") or "") == gold.sector:
                coding["sector_correct"] += 1


def score_plover_gsr(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Score event type, source and target on the PLOVER GSR sentences under ``root``."""
    path = require_file(root / FILE, what="plover-gsr")
    records = read_gold(path)
    run = Annotation(limited(_items(records), limit), settings=settings, dataset="plover-gsr")

    gold: list[str] = []
    predicted: list[str] = []
    events = with_source = with_target = source_hits = target_hits = 0
    resolved = actors = 0
    coding = {"gold": 0, "located": 0, "resolved": 0, "correct": 0, "sector_gold": 0}
    coding["sector_correct"] = 0
    for item, record in run:
        _score_actor_codes(item.gold.actors, item.text, record, coding)
        top = top_event(record)
        events += len(record["events"]) if record else 0
        gold.append(item.gold.type)
        predicted.append(top["type"] if top else NO_EVENT)
        if top is not None:
            for role in ("actors", "recipients"):
                actors += len(top[role])
                resolved += sum(1 for a in top[role] if a.get("code"))
        if item.gold.sources:
            with_source += 1
            source_hits += bool(item.gold.sources & _predicted_codes(top, "actors"))
        if item.gold.targets:
            with_target += 1
            target_hits += bool(item.gold.targets & _predicted_codes(top, "recipients"))

    present = sorted(set(gold))
    table = per_label_prf(gold, predicted, labels=present)
    report = EvalReport(
        name="plover-gsr",
        data=str(path),
        split="the development part here (GSR01 records)",
        counts={
            "items": len(gold),
            "gold_events": len(gold),
            "predicted_events": events,
            "sentences_with_prediction": sum(p != NO_EVENT for p in predicted),
            "gold_with_source": with_source,
            "gold_with_target": with_target,
            "top_event_actor_slots": actors,
            "top_event_actor_codes_resolved": resolved,
            "gold_actor_texts": coding["gold"],
            "gold_actor_texts_located": coding["located"],
            "gold_actor_texts_resolved": coding["resolved"],
            "gold_actor_codes_correct": coding["correct"],
            "gold_actor_sectors": coding["sector_gold"],
        },
        metrics={
            "type_accuracy": accuracy(gold, predicted),
            "type_macro_f1": macro_f1(gold, predicted, labels=present),
            "source_match": ratio(source_hits, with_source),
            "target_match": ratio(target_hits, with_target),
            "actor_code_accuracy": ratio(coding["correct"], coding["gold"]),
            "actor_sector_accuracy": ratio(coding["sector_correct"], coding["sector_gold"]),
        },
        tables={
            "top_confusions": [
                {"gold": g, "predicted": p, "count": n}
                for g, p, n in confusion_pairs(gold, predicted, top=5)
            ],
            "per_type": [table[label].row(type=label) for label in present],
        },
    )
    report.notes += limit_note(limit, unit="sentences")
    report.notes += run.notes()
    report.notes.append(
        "gold types mapped before scoring: "
        + ", ".join(f"{k}={v}" for k, v in GOLD_TYPE_NAMES.items())
        + "; macro-F1 averages over the gold types present"
    )
    report.notes.append(
        "actor_code_accuracy: each gold actorText (with a code) located in its sentence; the "
        "predicted actor is that of the entity mention overlapping it most; correct when the "
        "first three letters of the codes agree (unlocated or unresolved texts count as wrong); "
        "actor_sector_accuracy: the same, where the gold has a sector, code and sector both right"
    )
    if resolved == 0:
        report.notes.append(
            "no actor code was resolved (actors carry code null until actor resolution "
            "lands), so source and target match are 0 by construction"
        )
    return report
