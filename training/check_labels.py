"""Check a labels file against the articles it codes.

    python training/check_labels.py ARTICLES.jsonl LABELS.jsonl [--partial]

Every sentence of every article must have exactly one labels line (``--partial``: only the
articles begun so far), every event a known type and status, and a trigger found verbatim in its
sentence. Prints the problems and the counts; exits 1 when there are problems.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from newsgraph.nlp.events.plover import PLOVER_TYPES

TYPES = frozenset(PLOVER_TYPES)
STATUSES = {
    "requested",
    "offered",
    "promised",
    "agreed",
    "planned",
    "under_way",
    "done",
    "refused",
    "denied",
    "hypothetical",
}
FIELDS = {
    "type",
    "mode",
    "trigger",
    "actor",
    "actor_code",
    "target",
    "target_code",
    "status",
    "date",
}
CODE = re.compile(r"^([A-Z]{3}|IGO[A-Z]{3,9}|NGO[A-Z]{0,9})$")


def check(
    articles_path: Path, labels_path: Path, *, partial: bool
) -> tuple[list[str], Counter[str]]:
    sentences: dict[tuple[str, int], str] = {}
    order: dict[str, int] = {}
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        order[record["article"]] = len(record["sentences"])
        for sent in record["sentences"]:
            sentences[(record["article"], sent["i"])] = sent["text"]
    problems: list[str] = []
    counts: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc})")
            continue
        key = (record.get("article"), record.get("i"))
        if key not in sentences:
            problems.append(f"line {number}: no such sentence {key}")
            continue
        if key in seen:
            problems.append(f"line {number}: sentence {key} labelled twice")
        seen.add(key)
        counts["sentences"] += 1
        events = record.get("events")
        if not isinstance(events, list):
            problems.append(f"line {number}: 'events' must be a list")
            continue
        if events:
            counts["sentences with events"] += 1
        for event in events:
            counts["events"] += 1
            counts[f"type {event.get('type')}"] += 1
            if set(event) - FIELDS:
                problems.append(f"line {number}: unknown fields {sorted(set(event) - FIELDS)}")
            if event.get("type") not in TYPES:
                problems.append(f"line {number}: unknown type {event.get('type')!r}")
            if event.get("status") not in STATUSES:
                problems.append(f"line {number}: unknown status {event.get('status')!r}")
            trigger = event.get("trigger") or ""
            if not trigger or trigger not in sentences[key]:
                problems.append(f"line {number}: trigger {trigger!r} not verbatim in the sentence")
            for field in ("actor_code", "target_code"):
                value = event.get(field)
                if value is not None and not CODE.match(value):
                    problems.append(f"line {number}: {field} {value!r} is not a code")
            date = event.get("date")
            if date is not None and date not in sentences[key]:
                problems.append(f"line {number}: date {date!r} not verbatim in the sentence")
    begun = {article for article, _ in seen}
    for key in sentences:
        if key not in seen and (not partial or key[0] in begun):
            problems.append(f"sentence {key} has no labels line")
    counts["articles begun"] = len(begun)
    counts["articles"] = len(order)
    return problems, counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--partial", action="store_true")
    args = parser.parse_args()
    problems, counts = check(args.articles, args.labels, partial=args.partial)
    for problem in problems[:50]:
        print(problem)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    print(json.dumps(dict(sorted(counts.items()))))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
