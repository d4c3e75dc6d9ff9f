"""Cost against length: one long document against the same number of characters in shorter ones.

    .venv/bin/python benchmarks/long_documents.py [--size 400000] [--parts 4] [--runs 1]

Builds, from the bodies of the bundled example posts (``examples/posts``) repeated in turn, one
document of ``--size`` characters and ``--parts`` documents of ``size / parts`` characters each
(different stretches of the same cycle, so that none is a copy of another), and annotates both
sides with one loaded pipeline in this process (CPU time, ``time.process_time``; the lowest of
``--runs`` counts). With a cost linear in the length the ratio long / short is about 1; the
target is at most 1.5. Also reports the peak resident memory of the process. Writes
``bench-out/long_documents.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newsgraph.ingest import parse_record, read_paths
from newsgraph.model import Document
from newsgraph.nlp import Annotator

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench-out" / "long_documents.json"


def bodies() -> list[str]:
    """The body paragraphs of the example posts, in file order."""
    found = [
        item.text[item.body_start :]
        for item in read_paths([REPO / "examples" / "posts"])
        if isinstance(item, Document)
    ]
    if not found:
        raise SystemExit("no example posts found in examples/posts")
    return found


def stretch(paragraphs: list[str], *, start: int, size: int) -> str:
    """``size`` characters of the cycle of ``paragraphs``, from paragraph ``start`` on, cut at a
    paragraph end (the last paragraph is trimmed to fit)."""
    pieces: list[str] = []
    length = 0
    index = start
    while length < size:
        piece = paragraphs[index % len(paragraphs)]
        pieces.append(piece)
        length += len(piece) + 2
        index += 1
    return "\n\n".join(pieces)[:size].rstrip()


def annotate_seconds(annotator: Annotator, texts: list[str]) -> float:
    documents = [parse_record({"text": text}, origin=f"bench:{i}") for i, text in enumerate(texts)]
    started = time.process_time()
    for document in documents:
        annotator.annotate_one(document)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=400_000, help="characters of the long one")
    parser.add_argument("--parts", type=int, default=4, help="short documents it is set against")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    paragraphs = bodies()
    annotator = Annotator()
    annotator.annotate_one(parse_record({"text": paragraphs[0]}, origin="warm-up"))
    short_size = args.size // args.parts
    long_text = stretch(paragraphs, start=0, size=args.size)
    short_texts = [stretch(paragraphs, start=1 + i * 7, size=short_size) for i in range(args.parts)]
    long_seconds = min(annotate_seconds(annotator, [long_text]) for _ in range(args.runs))
    short_seconds = min(annotate_seconds(annotator, short_texts) for _ in range(args.runs))
    report = {
        "long_chars": len(long_text),
        "short_chars": [len(t) for t in short_texts],
        "long_seconds": round(long_seconds, 2),
        "short_seconds": round(short_seconds, 2),
        "ratio": round(long_seconds / short_seconds, 2) if short_seconds else None,
        "target_ratio": 1.5,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
