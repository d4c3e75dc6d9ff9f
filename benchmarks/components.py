"""Where the time goes: CPU seconds per pipeline component, raw spaCy against newsgraph, in one
process on the same documents.

    .venv/bin/python benchmarks/components.py [--docs 120] [--runs 3] [--source auto|shared]

Both pipelines run component by component over the same documents (the first ``--docs`` of the
corpus ``benchmarks/throughput.py`` builds): raw spaCy is the model as shipped, newsgraph the
model with its own components (and its attribute rules and lemmas in place of the model's
``attribute_ruler`` and ``lemmatizer``). Each component's CPU time (``time.process_time``) is
summed over the documents; the sides alternate ``--runs`` times and the lowest time of each
component counts. The model's tok2vec, tagger, parser and NER are the same code on both sides,
yet on a shared machine their times differ by a third between runs: the pooled ratio gives
those components the lowest time seen on either side, so it compares only what differs. Also
timed: turning the Docs into annotated documents (``to_annotated``). Writes
``bench-out/components.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from throughput import OUT, build_corpus

from newsgraph.ingest import read_paths
from newsgraph.model import Document
from newsgraph.nlp import Annotator
from newsgraph.nlp.extensions import prepare_doc
from newsgraph.nlp.pipeline import resolve_model_name
from newsgraph.nlp.records import to_annotated


def _timed(step: Callable[[list[Doc]], list[Doc]], docs: list[Doc]) -> tuple[list[Doc], float]:
    started = time.process_time()
    done = step(docs)
    return done, time.process_time() - started


def _components(nlp: Language, make: Callable[[], list[Doc]]) -> tuple[dict[str, float], list[Doc]]:
    """CPU seconds of each enabled component over fresh Docs, and the Docs."""
    docs = make()
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        pipe: Callable[[Iterable[Doc]], Iterable[Doc]] | None = getattr(proc, "pipe", None)

        def step(batch: list[Doc], proc: Any = proc, pipe: Any = pipe) -> list[Doc]:
            return list(pipe(batch)) if pipe is not None else [proc(d) for d in batch]

        docs, seconds[name] = _timed(step, docs)
    return seconds, docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--source", choices=("auto", "shared", "examples"), default="auto")
    parser.add_argument("--out", type=Path, default=OUT.parent / "components.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-components-") as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", source=args.source, mb=args.mb)
        documents = [d for d in read_paths([corpus.folder]) if isinstance(d, Document)]
    documents = documents[: args.docs]
    name = resolve_model_name()
    raw = spacy.load(name)
    annotator = Annotator(model=name)
    ours = annotator.nlp

    def raw_docs() -> list[Doc]:
        return [raw.make_doc(d.text) for d in documents]

    def our_docs() -> list[Doc]:
        return [
            prepare_doc(ours.make_doc(d.text), doc_id=d.id, published=d.published, outlet=d.outlet)
            for d in documents
        ]

    runs: dict[str, list[dict[str, float]]] = {"raw": [], "ours": []}
    docs: list[Doc] = []
    for _ in range(max(1, args.runs)):
        runs["raw"].append(_components(raw, raw_docs)[0])
        seconds, docs = _components(ours, our_docs)
        runs["ours"].append(seconds)
    best = {side: {c: min(r[c] for r in found) for c in found[0]} for side, found in runs.items()}
    started = time.process_time()
    for doc, document in zip(docs, documents, strict=True):
        to_annotated(doc, document, extractor=annotator.extractor)
    best["ours"]["to_annotated"] = time.process_time() - started
    totals = {side: round(sum(found.values()), 3) for side, found in best.items()}
    shared = set(best["raw"]) & set(best["ours"])
    pooled = {c: min(best["raw"][c], best["ours"][c]) for c in shared}
    pooled_totals = {
        side: sum(pooled.get(c, s) for c, s in found.items()) for side, found in best.items()
    }
    report = {
        "corpus": corpus.summary() | {"documents_timed": len(documents)},
        "words": sum(len(d.text.split()) for d in documents),
        "model": name,
        "cpu_s": {side: {c: round(s, 3) for c, s in found.items()} for side, found in best.items()},
        "total_cpu_s": totals,
        "ratio_raw_over_ours": round(totals["raw"] / totals["ours"], 3) if totals["ours"] else None,
        "runs": max(1, args.runs),
        "shared_components": sorted(shared),
        "pooled_total_cpu_s": {side: round(t, 3) for side, t in pooled_totals.items()},
        "ratio_pooled": round(pooled_totals["raw"] / pooled_totals["ours"], 3),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
