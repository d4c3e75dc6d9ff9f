"""PETRARCH-2 unit-test records: (source, CAMEO code, target) triples (EVAL.md, Events).

Fictional states (Arnor = ARN, Gondor = GON, ...) whose codes come from the PETR.Validate
dictionaries: the scorer converts those into a temporary user extension file
(:mod:`.petrarch_actors`) and runs the pipeline with it, as an analyst would run with theirs.
An actor's code in a triple is its code and sector joined, as CAMEO writes them ("ARNGOV").
The CAMEO codes alone are reported apart (``eventcode_*``), and the actor pairs alone
(``actor_pair_*``): the suite's event codes come from its own validation verb dictionary, mostly
WEIS rather than CAMEO codes, so the pairs are what a CAMEO coder can be judged on here.

Predicted triples: every event of the sentence, each actor code crossed with each recipient
code; an event without actors or recipients, or with an unresolved (null) code, still gives a
triple, with a blank there, which can never match. Triples are compared as sets per sentence.
Sentences coded ``noevents`` or ``error`` (discard tests) have no gold triples.
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalError
from .harness import Annotation, Item, limit_note, limited, require_file
from .metrics import PRF
from .petrarch_actors import ACTORS_FILE, AGENTS_FILE, cameo_code, write_petrarch_extension
from .report import EvalReport

__all__ = ["read_records", "score_petrarch", "triples_of"]

FILE = "PETR.UnitTest.records.xml"

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    category: str
    triples: frozenset[Triple]
    #: "events", "noevents" or "error" (a record that tests discarding the story).
    kind: str


def _date(value: str | None) -> str | None:
    digits = re.sub(r"\D", "", value or "")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 else None


def read_records(path: Path) -> Iterator[Item[GoldSentence]]:
    """Each ``<Sentence>`` as an item; its text with the XML's line wrapping undone."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read {path} as XML: {exc}") from exc
    sentences = root.findall(".//Sentence")
    if not sentences:
        raise EvalError(f"{path}: no <Sentence> records found")
    for number, sentence in enumerate(sentences):
        ident = sentence.get("id") or str(number)
        text = " ".join((sentence.findtext("Text") or "").split())
        triples: set[Triple] = set()
        kind = "events"
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents"):
                kind = "noevents"
            elif coding.get("error"):
                kind = "error"
            elif coding.get("eventcode"):
                triples.add(
                    (
                        coding.get("sourcecode") or "",
                        coding.get("eventcode") or "",
                        coding.get("targetcode") or "",
                    )
                )
        yield Item(
            key=f"{number}:{ident}",
            text=text,
            published=_date(sentence.get("date")),
            gold=GoldSentence(ident, sentence.get("category") or "", frozenset(triples), kind),
        )


def triples_of(record: dict[str, Any] | None) -> set[Triple]:
    """The (source code, CAMEO code, target code) triples of every event of a record."""
    found: set[Triple] = set()
    for event in record["events"] if record else ():
        sources = [cameo_code(a) for a in event["actors"]] or [""]
        targets = [cameo_code(r) for r in event["recipients"]] or [""]
        cameo = event.get("cameo") or ""
        found.update((s, cameo, t) for s in sources for t in targets)
    return found


def _root(triples: set[Triple] | frozenset[Triple]) -> set[Triple]:
    return {(s, code[:2], t) for s, code, t in triples}


def _complete(unit: Triple | str) -> bool:
    # A blank code means "not resolved": such a prediction cannot be right.
    return all(unit) if isinstance(unit, tuple) else bool(unit)


def _add(scores: PRF, *, gold: set[Any], predicted: set[Any]) -> None:
    matched = {unit for unit in gold & predicted if _complete(unit)}
    scores.add(predicted=len(predicted), gold=len(gold), matched=len(matched))


def score_petrarch(root: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    """Score triples at full and root CAMEO level on the PETRARCH-2 unit-test records."""
    path = require_file(root / FILE, what="petrarch2-unittest")
    if not (root / ACTORS_FILE).is_file() or not (root / AGENTS_FILE).is_file():
        report = _score(path, settings=settings, limit=limit)
        report.notes.append(
            f"{ACTORS_FILE} or {AGENTS_FILE} is missing: the fictional states' codes cannot "
            "be resolved, so triples with actor codes cannot match"
        )
        return report
    with tempfile.TemporaryDirectory(prefix="newsgraph-petrarch-") as folder:
        actors_file = Path(folder) / "petrarch_actors.csv"
        written, skipped = write_petrarch_extension(root, actors_file)
        report = _score(path, settings=settings.replace(actors_file=actors_file), limit=limit)
    report.notes.append(
        f"actor codes from {ACTORS_FILE} and {AGENTS_FILE}, converted into a user extension "
        f"file of {written} rows ({skipped} codes that are not codes, such as ELR/GAL, "
        "skipped); a triple's actor code is code + sector (ARN + GOV = ARNGOV)"
    )
    return report


def _score(path: Path, *, settings: Settings, limit: int | None) -> EvalReport:
    run = Annotation(
        limited(read_records(path), limit), settings=settings, dataset="petrarch2-unittest"
    )
    full, root_level, codes, code_roots, pairs = PRF(), PRF(), PRF(), PRF(), PRF()
    items = noevents = errors = events = slots = resolved = 0
    for item, record in run:
        gold = set(item.gold.triples)
        predicted = triples_of(record)
        items += 1
        noevents += item.gold.kind == "noevents"
        errors += item.gold.kind == "error"
        for event in record["events"] if record else ():
            events += 1
            for actor in [*event["actors"], *event["recipients"]]:
                slots += 1
                resolved += bool(actor.get("code"))
        _add(full, gold=gold, predicted=predicted)
        _add(root_level, gold=_root(gold), predicted=_root(predicted))
        _add(codes, gold={c for _, c, _ in gold}, predicted={c for _, c, _ in predicted})
        _add(
            code_roots,
            gold={c[:2] for _, c, _ in gold},
            predicted={c[:2] for _, c, _ in predicted},
        )
        _add(pairs, gold={(s, t) for s, _, t in gold}, predicted={(s, t) for s, _, t in predicted})

    report = EvalReport(
        name="petrarch2-unittest",
        data=str(path),
        split="all records (regression set, fictional countries)",
        counts={
            "items": items,
            "noevent_items": noevents,
            "error_items": errors,
            "gold_triples": full.gold,
            "predicted_triples": full.predicted,
            "predicted_events": events,
            "predicted_actor_slots": slots,
            "actor_codes_resolved": resolved,
        },
        metrics={
            **full.metrics("triple"),
            **root_level.metrics("triple_root"),
            **codes.metrics("eventcode"),
            **code_roots.metrics("eventcode_root"),
            **pairs.metrics("actor_pair"),
        },
    )
    report.notes += limit_note(limit, unit="records")
    report.notes += run.notes()
    report.notes.append("eventcode_* compare the sets of CAMEO codes per sentence, ignoring actors")
    report.notes.append(
        "actor_pair_* compare the (source, target) code pairs per sentence, ignoring the event "
        "code: the gold codes come from the suite's own verb dictionary (PETR.Validate.verbs.txt "
        "says most of them are WEIS codes, not CAMEO: RESTORE = 064, POSTPONE = 191, DEATH "
        "TOLL = 223), so a CAMEO coder cannot be expected to match the event codes"
    )
    report.notes.append(
        "gold triples are de-duplicated per sentence; noevents and error (discard) records "
        "have none, so any event predicted there counts against precision"
    )
    return report
