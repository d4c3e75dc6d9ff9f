"""Train and test the status model (``src/newsgraph/nlp/claims/status.py``) on the coded corpus.

    python training/status.py [--cache PATH] [--out DIR] [--report PATH] [--no-save]

Every gold event of the corpus has a status (PROTOCOL.md, "Status"). One article in ten
(chosen by a hash of its id, ``is_test``) is the status test set: never trained on, never used
to choose anything. On the other nine, 5-fold cross-validation by article picks the
regularisation; the model is then fitted on all nine and scored once on the test set, beside
the rule status of ``certainty.assess`` on the same events. The features are those the coder
computes at run time (``status_features``), read from the training corpus cache that
``train.py`` builds (``dataset.py``).

Needs scikit-learn (``pip install -e '.[train]'``); the shipped model needs only numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset
from train import MIN_COUNT, vocabulary_of

from newsgraph.nlp.claims.status import STATUS_MODEL_DIR, StatusModel

C_VALUES = (0.3, 1.0, 3.0)
FOLDS = 5
#: The types whose status decides an arms transfer's: a request, an offer, an agreement, aid.
TRANSFER_TYPES = frozenset({"AID", "REQUEST", "AGREE", "COOPERATE"})


def is_test(article: str) -> bool:
    """One article in ten, fixed by its id: the status test set."""
    return int(hashlib.sha1(article.encode("utf-8")).hexdigest(), 16) % 10 == 0


def matrix(examples: list[dataset.StatusExample], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    rows, columns = [], []
    for row, example in enumerate(examples):
        found = {vocabulary[f] for f in example.features if f in vocabulary}
        rows.extend([row] * len(found))
        columns.extend(sorted(found))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, columns)), shape=(len(examples), len(vocabulary)))


def fit(examples: list[dataset.StatusExample], classes: tuple[str, ...], c: float) -> StatusModel:
    vocabulary = vocabulary_of(examples)
    y = np.array([classes.index(e.label) for e in examples])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix(examples, vocabulary), y)
    weights = np.zeros((len(vocabulary), len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)
    weights[:, model.classes_] = model.coef_.T
    bias[model.classes_] = model.intercept_
    return StatusModel(classes, vocabulary, weights, bias, {"C": c, "min_count": MIN_COUNT})


def scores(gold: list[str], predicted: list[str], classes: tuple[str, ...]) -> dict[str, object]:
    per_class = {}
    f1s = []
    for name in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == name)
        n_gold = gold.count(name)
        n_predicted = predicted.count(name)
        precision = tp / n_predicted if n_predicted else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if n_gold:
            f1s.append(f1)
        per_class[name] = {
            "gold": n_gold,
            "predicted": n_predicted,
            "correct": tp,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "events": len(gold),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "per_class": per_class,
    }


def done_confusion(examples: list[dataset.StatusExample], predicted: list[str]) -> dict[str, int]:
    """Of the transfer-bearing events (TRANSFER_TYPES), how many not carried out are shown as
    done (the error that invents a delivery), and how many carried out are not."""
    counts = Counter()
    for example, status in zip(examples, predicted, strict=True):
        event_type = next(f[5:] for f in example.features if f.startswith("type="))
        if event_type not in TRANSFER_TYPES:
            continue
        gold_done = example.label == "done"
        counts[
            ("done" if gold_done else "not done")
            + " shown "
            + ("done" if status == "done" else "not done")
        ] += 1
    return dict(sorted(counts.items()))


def confusion(gold: list[str], predicted: list[str]) -> list[dict[str, object]]:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in pairs.most_common(12)]


def by_source(examples: list[dataset.StatusExample], predicted: list[str]) -> dict[str, object]:
    """Accuracy per source of the articles (ecbplus, meantime, ngec, own, re3d)."""
    found: dict[str, list[int]] = {}
    for example, status in zip(examples, predicted, strict=True):
        counts = found.setdefault(example.article.split("/")[0], [0, 0])
        counts[0] += example.label == status
        counts[1] += 1
    return {
        source: {"events": n, "accuracy": round(right / n, 4)}
        for source, (right, n) in sorted(found.items())
    }


def cross_validate(
    examples: list[dataset.StatusExample], classes: tuple[str, ...], c: float
) -> list[str]:
    groups = np.array([e.article for e in examples])
    predicted = [""] * len(examples)
    for train, test in GroupKFold(n_splits=FOLDS).split(examples, groups=groups):
        model = fit([examples[i] for i in train], classes, c)
        for i in test:
            predicted[i] = model.decide(examples[i].features)
    return predicted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=Path("bench-out/training-corpus.pkl"))
    parser.add_argument("--out", type=Path, default=STATUS_MODEL_DIR)
    parser.add_argument("--report", type=Path, default=Path("training/status-report.json"))
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    corpus = dataset.load(args.cache)
    examples = corpus.statuses
    classes = tuple(sorted({e.label for e in examples}))
    train = [e for e in examples if not is_test(e.article)]
    test = [e for e in examples if is_test(e.article)]
    gold_train = [e.label for e in train]
    cv: dict[str, object] = {}
    best = (-1.0, C_VALUES[0])
    for c in C_VALUES:
        found = scores(gold_train, cross_validate(train, classes, c), classes)
        cv[str(c)] = {k: found[k] for k in ("accuracy", "macro_f1")}
        print(f"C={c}: {cv[str(c)]}", file=sys.stderr)
        if float(found["macro_f1"]) > best[0]:  # type: ignore[arg-type]
            best = (float(found["macro_f1"]), c)  # type: ignore[arg-type]
    c = best[1]
    model = fit(train, classes, c)
    predicted = [model.decide(e.features) for e in test]
    gold_test = [e.label for e in test]
    rules_test = [e.rule for e in test]
    report: dict[str, object] = {
        "classes": list(classes),
        "C": c,
        "corpus": {
            "events": len(examples),
            "train_events": len(train),
            "train_articles": len({e.article for e in train}),
            "test_events": len(test),
            "test_articles": len({e.article for e in test}),
            "test_by_source": dict(sorted(Counter(e.article.split("/")[0] for e in test).items())),
            "test_statuses": dict(Counter(gold_test).most_common()),
            "not_parsed": corpus.counts["status: trigger sentence not parsed"],
        },
        "cross_validated_train": cv,
        "cross_validated_rules": {
            k: v
            for k, v in scores(gold_train, [e.rule for e in train], classes).items()
            if k in ("accuracy", "macro_f1")
        },
        "test_model": scores(gold_test, predicted, classes),
        "test_rules": scores(gold_test, rules_test, classes),
        "test_model_by_source": by_source(test, predicted),
        "test_rules_by_source": by_source(test, rules_test),
        "test_model_confusion": confusion(gold_test, predicted),
        "test_rules_confusion": confusion(gold_test, rules_test),
        "test_transfer_types_done": {
            "model": done_confusion(test, predicted),
            "rules": done_confusion(test, rules_test),
        },
    }
    brief = {k: v for k, v in report.items() if not k.startswith("test_") or k.endswith("done")}
    brief["test_model"] = {k: report["test_model"][k] for k in ("accuracy", "macro_f1")}  # type: ignore[index]
    brief["test_rules"] = {k: report["test_rules"][k] for k in ("accuracy", "macro_f1")}  # type: ignore[index]
    print(json.dumps(brief, indent=1))
    args.report.write_text(json.dumps(report, indent=1) + "\n")
    if args.no_save:
        return
    StatusModel(
        model.classes,
        model.vocabulary,
        model.weights,
        model.bias,
        {
            "C": c,
            "min_count": MIN_COUNT,
            "trained_on": {"events": len(train), "articles": len({e.article for e in train})},
            "test": {k: report["test_model"][k] for k in ("events", "accuracy", "macro_f1")},  # type: ignore[index]
        },
    ).save(args.out)


if __name__ == "__main__":
    main()
