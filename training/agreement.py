"""Agreement between two coders on the doubly coded sample (training/agreement/).

    python training/agreement.py [--json]

The sample: for each batch K, the articles listed under ``double`` in training/selection.json,
coded by the batch's coder (training/labels/batch_K.jsonl) and independently by another coder
(training/agreement/second_K.jsonl). Reports, over the sentences both coded:

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
    selection = json.loads((ROOT / "selection.json").read_text())
    first: dict[tuple[str, int], frozenset[str]] = {}
    second: dict[tuple[str, int], frozenset[str]] = {}
    for batch, articles in selection["double"].items():
        chosen = set(articles)
        a = read(ROOT / "labels" / f"batch_{batch}.jsonl")
        b_path = ROOT / "agreement" / f"second_{batch}.jsonl"
        if not b_path.exists():
            continue
        b = read(b_path)
        for key in b:
            if key[0] in chosen and key in a:
                first[key], second[key] = a[key], b[key]
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
    report = {
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
        "per_type": per_type,
        "types_first": dict(Counter(t for k in keys for t in first[k])),
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
