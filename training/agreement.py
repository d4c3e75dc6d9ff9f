"""Agreement between two coders on the doubly coded sample (training/agreement/).

    python training/agreement.py [--json]

The samples: for each batch K of round 1, the articles listed under ``double`` in
training/selection.json, coded by the batch's coder (training/labels/batch_K.jsonl) and
independently by another coder (training/agreement/second_K.jsonl); for round 6 (real news,
ECB+ and MEANTIME), the articles under ``double`` in training/selection-round6.json, coded by
the batches' coders (training/labels/round6_K.jsonl) and again by one other coder
(training/agreement/second_round6.jsonl). Reports, over the sentences both coded (all samples,
and each sample by itself under ``samples``):

- Cohen's kappa for event / no event per sentence;
- Cohen's kappa for type: one yes/no decision per (sentence, PLOVER type), 16 per sentence;
- pair F1 between the coders over (sentence, type) pairs (symmetric), and per type.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsgraph.nlp.events.plover import PLOVER_TYPES

ROOT = Path(__file__).resolve().parent
TYPES = PLOVER_TYPES


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def read(path: Path) -> dict[tuple[str, int], frozenset[str]]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[(record["article"], record["i"])] = frozenset(e["type"] for e in record["events"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    first: dict[tuple[str, int], frozenset[str]] = {}
    second: dict[tuple[str, int], frozenset[str]] = {}
    samples: dict[str, dict[str, object]] = {}
    for name, (a_found, b_found) in _samples().items():
        first.update(a_found)
        second.update(b_found)
        samples[name] = _figures(a_found, b_found, brief=True)
    report = _figures(first, second, brief=False)
    report["samples"] = samples
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for key, value in report.items():
        print(f"{key}: {value}")


Coded = dict[tuple[str, int], frozenset[str]]


def _samples() -> dict[str, tuple[Coded, Coded]]:
    """Each doubly coded sample: (first coding, second coding) of the same sentences."""
    found: dict[str, tuple[Coded, Coded]] = {}
    selection = json.loads((ROOT / "selection.json").read_text())
    first: Coded = {}
    second: Coded = {}
    for batch, articles in selection["double"].items():
        b_path = ROOT / "agreement" / f"second_{batch}.jsonl"
        if b_path.exists():
            _pair(
                read(ROOT / "labels" / f"batch_{batch}.jsonl"),
                read(b_path),
                set(articles),
                first,
                second,
            )
    found["round 1 (ECB+, MEANTIME, re3d, synthetic stories)"] = (first, second)
    path = ROOT / "selection-round6.json"
    b_path = ROOT / "agreement" / "second_round6.jsonl"
    if path.exists() and b_path.exists():
        first, second = {}, {}
        b = read(b_path)
        for batch, articles in json.loads(path.read_text()).get("double", {}).items():
            _pair(read(ROOT / "labels" / f"{batch}.jsonl"), b, set(articles), first, second)
        found["round 6 (real news: ECB+, MEANTIME)"] = (first, second)
    return found


def _pair(a: Coded, b: Coded, chosen: set[str], first: Coded, second: Coded) -> None:
    for key in b:
        if key[0] in chosen and key in a:
            first[key], second[key] = a[key], b[key]


def _figures(first: Coded, second: Coded, *, brief: bool) -> dict[str, object]:
    keys = sorted(first)
    event = [(bool(first[k]), bool(second[k])) for k in keys]
    typed = [(t in first[k], t in second[k]) for k in keys for t in TYPES]
    both = sum(len(first[k] & second[k]) for k in keys)
    only_a = sum(len(first[k] - second[k]) for k in keys)
    only_b = sum(len(second[k] - first[k]) for k in keys)
    per_type = {}
    for t in TYPES:
        tp = sum(t in first[k] and t in second[k] for k in keys)
        fa = sum(t in first[k] and t not in second[k] for k in keys)
        fb = sum(t in second[k] and t not in first[k] for k in keys)
        if tp + fa + fb:
            per_type[t] = {
                "both": tp,
                "first_only": fa,
                "second_only": fb,
                "f1": round(2 * tp / (2 * tp + fa + fb), 3),
                "kappa": round(kappa([(t in first[k], t in second[k]) for k in keys]), 3),
            }
    report: dict[str, object] = {
        "sentences": len(keys),
        "articles": len({k[0] for k in keys}),
        "sentences_with_events": {
            "first": sum(a for a, _ in event),
            "second": sum(b for _, b in event),
        },
        "kappa_event": round(kappa(event), 3),
        "kappa_type": round(kappa(typed), 3),
        "pair_f1": round(2 * both / (2 * both + only_a + only_b), 3) if both else 0.0,
        "pairs": {"both": both, "first_only": only_a, "second_only": only_b},
    }
    if not brief:
        report["per_type"] = per_type
        report["types_first"] = dict(Counter(t for k in keys for t in first[k]))
    return report


if __name__ == "__main__":
    main()
