"""Train the event model on the coded corpus, cross-validated by article (``make train``).

    python training/train.py [--labels FILE ...] [--cache PATH] [--out DIR] [--report PATH]

1. Featurize: every coded article through newsgraph's pipeline (rule coder on), every candidate
   word with its features and gold class (training/dataset.py). Cached at ``--cache``.
2. Cross-validate: 5 folds by article (never scored on an article it was trained on); the
   out-of-fold probabilities give the temperature (calibration), the reliability table, the
   precision-recall curve over thresholds, the threshold that maximises F1 (the default
   ``min_confidence``), and per-type figures, beside the rule coder's on the same sentences.
3. Fit on every article and save the model in the package (``--out``).

Needs scikit-learn (``pip install -e '.[train]'``); the shipped model needs only numpy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset

from newsgraph.eval.news_events import SentenceScore
from newsgraph.nlp.events.plover import PLOVER_TYPES
from newsgraph.nlp.events.weights import MODEL_DIR, NONE, EventModel

TYPES = PLOVER_TYPES
CLASSES = (NONE, *TYPES)
MIN_COUNT = 2
C = 0.3
#: Weight of a candidate that is an event (NONE weighs 1): recall is the weak side.
POSITIVE_WEIGHT = 1.5
FOLDS = 5
SEED = 7


def vocabulary_of(examples: list[dataset.Example]) -> dict[str, int]:
    counts: Counter[str] = Counter(f for e in examples for f in set(e.features))
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    return {n: i for i, n in enumerate(names)}


def matrix(examples: list[dataset.Example], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for r, example in enumerate(examples):
        for index in {vocabulary[f] for f in example.features if f in vocabulary}:
            rows.append(r)
            cols.append(index)
    strings = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(examples), len(vocabulary)),
    )
    vectors = sparse.csr_matrix(np.vstack([e.vector for e in examples]))
    return sparse.hstack([strings, vectors], format="csr")


def fit(examples: list[dataset.Example]) -> tuple[LogisticRegression, dict[str, int]]:
    vocabulary = vocabulary_of(examples)
    x = matrix(examples, vocabulary)
    y = np.array([CLASSES.index(e.label) for e in examples])
    model = LogisticRegression(C=C, max_iter=300, tol=1e-3)
    model.fit(x, y, sample_weight=np.where(y == 0, 1.0, POSITIVE_WEIGHT))
    return model, vocabulary


def logits_of(model: LogisticRegression, x: sparse.csr_matrix) -> np.ndarray:
    """Logits over all CLASSES (a class absent from a fold's training gets -inf-ish)."""
    raw = model.decision_function(x)
    full = np.full((x.shape[0], len(CLASSES)), -30.0)
    full[:, model.classes_] = raw
    return full


def softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    best, best_loss = 1.0, float("inf")
    for t in np.arange(0.5, 3.01, 0.05):
        p = softmax(logits, float(t))
        loss = -np.mean(np.log(p[np.arange(len(y)), y] + 1e-12))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return round(best, 2)


def predicted_pairs(
    examples: list[dataset.Example], probabilities: np.ndarray, threshold: float
) -> dict[tuple[str, int], dict[str, float]]:
    """(article, sentence) -> type -> best probability, for candidates over the threshold."""
    found: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
    for example, row in zip(examples, probabilities, strict=True):
        best = int(np.argmax(row[1:])) + 1
        p = float(row[best])
        if p >= threshold:
            key = (example.article, example.sentence)
            kind = CLASSES[best]
            found[key][kind] = max(p, found[key].get(kind, 0.0))
    return found


def sentence_scores(
    gold: dict[tuple[str, int], frozenset[str]],
    predicted: dict[tuple[str, int], frozenset[str]] | dict[tuple[str, int], dict[str, float]],
) -> dict[str, object]:
    """news-events' scoring (newsgraph.eval.news_events.SentenceScore) over the corpus."""
    keys = list(gold)
    score = SentenceScore()
    score.add([gold[k] for k in keys], [set(predicted.get(k, ())) for k in keys])
    metrics = score.metrics()
    table = {row.pop("type"): row for row in score.table(digits=3)}
    return {
        "precision": round(metrics["type_precision"], 4),
        "recall": round(metrics["type_recall"], 4),
        "f1": round(metrics["type_f1"], 4),
        "clean_false_alarm_rate": round(metrics["clean_false_alarm_rate"], 4),
        "pairs_gold": score.tp + score.fn,
        "pairs_predicted": score.tp + score.fp,
        "per_type": table,
    }


def reliability(
    examples: list[dataset.Example],
    probabilities: np.ndarray,
    gold: dict[tuple[str, int], frozenset[str]],
) -> list[dict[str, object]]:
    """Of the (sentence, type) pairs predicted with a confidence in each bin, the share that
    is right (gold has that type in that sentence)."""
    pairs = predicted_pairs(examples, probabilities, 0.0)
    bins: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    confidence_sum: dict[int, float] = defaultdict(float)
    for key, types in pairs.items():
        for kind, p in types.items():
            b = min(int(p * 10), 9)
            bins[b][0] += 1
            bins[b][1] += kind in gold.get(key, ())
            confidence_sum[b] += p
    return [
        {
            "bin": f"{b / 10:.1f}-{(b + 1) / 10:.1f}",
            "pairs": n,
            "right": k,
            "accuracy": round(k / n, 3),
            "mean_confidence": round(confidence_sum[b] / n, 3),
        }
        for b, (n, k) in sorted(bins.items())
        if n
    ]


def cross_validate(corpus: dataset.Corpus) -> tuple[np.ndarray, dict[str, object]]:
    examples = corpus.examples
    groups = np.array([e.article for e in examples])
    y = np.array([CLASSES.index(e.label) for e in examples])
    logits = np.zeros((len(examples), len(CLASSES)))
    for fold, (train, test) in enumerate(GroupKFold(n_splits=FOLDS).split(examples, y, groups)):
        model, vocabulary = fit([examples[i] for i in train])
        logits[test] = logits_of(model, matrix([examples[i] for i in test], vocabulary))
        print(f"fold {fold}: trained on {len(train)} candidates", file=sys.stderr)
    temperature = fit_temperature(logits, y)
    probabilities = softmax(logits, temperature)
    curve = []
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.91, 0.05):
        scores = sentence_scores(corpus.gold, predicted_pairs(examples, probabilities, threshold))
        curve.append(
            {
                "threshold": round(float(threshold), 2),
                "precision": scores["precision"],
                "recall": scores["recall"],
                "f1": scores["f1"],
                "clean_false_alarm_rate": scores["clean_false_alarm_rate"],
            }
        )
        if float(scores["f1"]) > best[0]:  # type: ignore[arg-type]
            best = (float(scores["f1"]), round(float(threshold), 2))  # type: ignore[arg-type]
    threshold = best[1]
    report = {
        "folds": FOLDS,
        "temperature": temperature,
        "threshold": threshold,
        "model": sentence_scores(corpus.gold, predicted_pairs(examples, probabilities, threshold)),
        "rules": sentence_scores(corpus.gold, corpus.rules),
        "curve": curve,
        "reliability": reliability(examples, probabilities, corpus.gold),
    }
    return probabilities, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=Path, nargs="*")
    parser.add_argument("--cache", type=Path, default=Path("bench-out/training-corpus.pkl"))
    parser.add_argument("--rebuild", action="store_true", help="featurize even if cached")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--report", type=Path, default=Path("training/report.json"))
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    if args.cache.exists() and not args.rebuild:
        corpus = dataset.load(args.cache)
    else:
        corpus = dataset.build(dataset.read_labels(args.labels))
        dataset.save(corpus, args.cache)
    labels = Counter(e.label for e in corpus.examples)
    print(
        json.dumps({"counts": corpus.counts, "candidates": labels}, default=dict), file=sys.stderr
    )
    _, report = cross_validate(corpus)
    model, vocabulary = fit(corpus.examples)
    logits_width = len(vocabulary)
    coef = np.full((len(CLASSES), logits_width + corpus.examples[0].vector.shape[0]), 0.0)
    coef[model.classes_] = model.coef_
    bias = np.full(len(CLASSES), -30.0)
    bias[model.classes_] = model.intercept_
    report["corpus"] = {
        "articles": corpus.counts["articles"],
        "sentences": corpus.counts["sentences"],
        "events": corpus.counts["events"],
        "candidates": len(corpus.examples),
        "features": logits_width,
        "sentences_with_events": sum(1 for v in corpus.gold.values() if v),
        "events_by_type": dict(sorted(Counter(k for v in corpus.gold.values() for k in v).items())),
    }
    print(json.dumps({k: v for k, v in report.items() if k not in ("curve",)}, indent=1))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=1) + "\n")
    if args.no_save:
        return
    EventModel(
        classes=CLASSES,
        vocabulary=vocabulary,
        weights=coef[:, :logits_width].T.astype(np.float32),
        vector_weights=coef[:, logits_width:].T.astype(np.float32),
        bias=bias.astype(np.float32),
        temperature=float(report["temperature"]),  # type: ignore[arg-type]
        threshold=float(report["threshold"]),  # type: ignore[arg-type]
        meta={
            "corpus": report["corpus"],
            "C": C,
            "positive_weight": POSITIVE_WEIGHT,
            "min_count": MIN_COUNT,
            "folds": FOLDS,
            "cross_validated": report["model"],
        },
    ).save(args.out)


if __name__ == "__main__":
    main()
