"""How many sentences selective parsing parses: the share of sentences of the bench corpus that
the ``newsgraph_parser`` component sends to the dependency parser, by reason.

    .venv/bin/python benchmarks/parsing_share.py [--mb 1.5] [--source auto|shared|examples]

Writes ``bench-out/parsing_share.json``. The corpus is the one ``benchmarks/throughput.py``
builds (same options, same documents).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import OUT, build_corpus

from newsgraph.ingest import read_paths
from newsgraph.model import Document
from newsgraph.nlp import Annotator
from newsgraph.nlp.parsing import is_parsed, needs_tense, trigger_index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--source", choices=("auto", "shared", "examples"), default="auto")
    parser.add_argument("--out", type=Path, default=OUT.parent / "parsing_share.json")
    args = parser.parse_args()
    annotator = Annotator(parse="selective")
    index = trigger_index()
    reasons: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="newsgraph-parse-") as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", source=args.source, mb=args.mb)
        documents = [d for d in read_paths([corpus.folder]) if isinstance(d, Document)]
    for _, doc in annotator.parse(documents):
        for sent in doc.sents:
            reasons["sentences"] += 1
            if is_parsed(sent):
                reasons["parsed"] += 1
            event = index.is_candidate(sent)
            report = index.has_report_cue(sent)
            tense = needs_tense(sent)
            reasons["event candidate"] += event
            reasons["reporting cue"] += report
            reasons["date needing tense"] += tense
            reasons["only for statements or dates"] += (report or tense) and not event
    share = reasons["parsed"] / reasons["sentences"] if reasons["sentences"] else 0.0
    report = {
        "corpus": corpus.summary(),
        "counts": dict(reasons),
        "parsed_share": round(share, 4),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
