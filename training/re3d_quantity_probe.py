"""Would a learned filter over the NER's counts beat the rules? A probe, not a shipped model.

    .venv/bin/python training/re3d_quantity_probe.py [--data ../shared/data]

Every CARDINAL and QUANTITY entity the pipeline keeps on re3d is a candidate; it is right when
a re3d Quantity has its exact offsets. A logistic regression over the words around it (the
word before, the next word's part of speech, entity and lemma, the number's head in the parse)
decides keep or drop. It is trained only on the folders re3d licenses for it (CENTCOM, US
State Department: public domain; UK Government: OGL v3), scored by 5-fold cross-validation
by document there, and then, trained on all of them, on the Wikipedia folder (never trained
on). Text is read from ``--data`` at run time; nothing of re3d is written. Needs the
``[train]`` extra (scikit-learn).

Result on the development part (the commit that added this file): keeping every candidate
gives span F1 0.760 in cross-validation and 0.436 on Wikipedia; the best filter of a 3 x 3
grid (chosen on those same figures, so optimistic) 0.792 and 0.453. Too little for a model to
ship and maintain: the rules in ``quantities.py`` stay. (The pipeline is fed the raw text
here, ``newsgraph eval re3d`` the normalised record, so its figures differ a little.)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Span

from newsgraph.eval.re3d import read_documents
from newsgraph.nlp import Annotator

PERMITTED = ("CENTCOM", "US State Department", "UK Government")
HELD_OUT = "Wikipedia"


def features(span: Span) -> dict[str, Any]:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return {
        "label=" + span.label_: 1,
        "digits": int(any(c.isdigit() for c in span.text)),
        "one": int(span.text.lower() == "one"),
        "before=" + (before.lower_ if before else "<s>"): 1,
        "before_pos=" + (before.pos_ if before else "<s>"): 1,
        "after_pos=" + (after.pos_ if after else "</s>"): 1,
        "after_ent=" + (after.ent_type_ if after else "</s>"): 1,
        "after_lemma=" + (after.lemma_.lower() if after else "</s>"): 1,
        "after_title": int(bool(after and after.is_title)),
        "dep=" + span.root.dep_: 1,
        "head=" + span.root.head.lemma_.lower(): 1,
    }


def f1(matched: int, predicted: int, gold: int) -> float:
    return 2 * matched / (predicted + gold) if predicted + gold else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    annotator = Annotator(coder="rules")
    rows: list[tuple[str, str, dict[str, Any], int]] = []
    gold_counts = {"permitted": 0, "held_out": 0}
    for item in read_documents(args.data / "re3d"):
        folder = item.key.split(":", 1)[0]
        if folder not in (*PERMITTED, HELD_OUT):
            continue
        part = "held_out" if folder == HELD_OUT else "permitted"
        gold = {(g.start, g.end) for g in item.gold if g.type == "Quantity"}
        gold_counts[part] += len(gold)
        for span in annotator.nlp(item.text).ents:
            if span.label_ in ("CARDINAL", "QUANTITY"):
                right = int((span.start_char, span.end_char) in gold)
                rows.append((part, item.key, features(span), right))
    train = [r for r in rows if r[0] == "permitted"]
    test = [r for r in rows if r[0] == "held_out"]
    x = [r[2] for r in train]
    y = np.array([r[3] for r in train])
    groups = [r[1] for r in train]
    y_test = np.array([r[3] for r in test])
    print(
        f"keep all: cv F1 {f1(int(y.sum()), len(y), gold_counts['permitted']):.3f}, "
        f"{HELD_OUT} F1 {f1(int(y_test.sum()), len(y_test), gold_counts['held_out']):.3f}"
    )
    for c in (0.1, 0.3, 1.0):
        for threshold in (0.3, 0.4, 0.5):
            keep = np.zeros(len(y), dtype=bool)
            for fit, held in GroupKFold(n_splits=5).split(x, y, groups):
                vectorizer = DictVectorizer()
                model = LogisticRegression(C=c, max_iter=2000)
                model.fit(vectorizer.fit_transform([x[i] for i in fit]), y[fit])
                scores = model.predict_proba(vectorizer.transform([x[i] for i in held]))[:, 1]
                keep[held] = scores >= threshold
            vectorizer = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.fit_transform(x), y)
            scores = model.predict_proba(vectorizer.transform([r[2] for r in test]))[:, 1]
            kept = scores >= threshold
            print(
                f"C={c} threshold={threshold}: "
                f"cv F1 {f1(int(y[keep].sum()), int(keep.sum()), gold_counts['permitted']):.3f}, "
                f"{HELD_OUT} F1 "
                f"{f1(int(y_test[kept].sum()), int(kept.sum()), gold_counts['held_out']):.3f}"
            )


if __name__ == "__main__":
    main()
