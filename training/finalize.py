"""Give coded labels their offsets: each sentence's ``start``/``end`` in the article text and each
event's ``trigger_start``/``trigger_end`` (the first occurrence of the trigger in its sentence).

    python training/finalize.py BATCHES_DIR [LABELS.jsonl ...]

BATCHES_DIR holds the articles as the coders saw them (training/batches.py). Rewrites each labels
file in place, idempotently; lines stay in the coders' order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import sources


def main() -> None:
    batches = Path(sys.argv[1])
    paths = [Path(p) for p in sys.argv[2:]] or sorted((sources.ROOT / "labels").glob("*.jsonl"))
    sentences: dict[tuple[str, int], tuple[int, int, str]] = {}
    for path in batches.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for sent in record["sentences"]:
                sentences[(record["article"], sent["i"])] = (
                    sent["start"],
                    sent["end"],
                    sent["text"],
                )
    for path in paths:
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            start, end, text = sentences[(record["article"], record["i"])]
            events = []
            for event in record["events"]:
                at = text.find(event["trigger"])
                if at < 0:
                    where = f"{record['article']} {record['i']}"
                    raise SystemExit(f"{path}: trigger {event['trigger']!r} not in {where}")
                event = {
                    **event,
                    "trigger_start": start + at,
                    "trigger_end": start + at + len(event["trigger"]),
                }
                events.append(event)
            ordered = {
                "article": record["article"],
                "i": record["i"],
                "start": start,
                "end": end,
                "events": events,
            }
            if record.get("note"):
                ordered["note"] = record["note"]
            out.append(json.dumps(ordered, ensure_ascii=False))
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{path}: {len(out)} sentences")


if __name__ == "__main__":
    main()
