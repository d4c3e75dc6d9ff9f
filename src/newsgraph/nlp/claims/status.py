"""How far along an event is, decided by a trained model over the trigger's grammar.

The rules of :mod:`.certainty` read a status from tense, aspect, modals and the verbs that
govern the trigger ("asked to supply", "refused to send", "plans to deliver"). They are one
feature here among many: the trained model weighs them with the event's type, the trigger's
own words and morphology, the auxiliaries and negation around it, the chain of words that
govern it, and the words just before it, and picks one of the statuses of PROTOCOL.md
(``training/PROTOCOL.md``): done, under_way, requested, offered, promised, agreed, planned,
refused, denied.

It is a multinomial logistic regression (numpy at run time, weights in
``data/models/status/``), trained by ``training/status.py`` (``make train``) on the statuses of
the coded corpus, and tested on articles it never saw (docs/evaluation.md, "Event status").
Without the shipped weights the rule status stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Token

from ..model_files import read_model_files, write_model_files

__all__ = ["STATUS_MODEL_DIR", "StatusModel", "load_status_model", "status_features"]

STATUS_MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models" / "status"

#: Dependency relations of the words that shape a clause's status.
_MARKERS = frozenset({"aux", "auxpass", "neg", "mark", "prt", "advmod", "npadvmod", "expl"})
#: How many governing words are read up the tree.
_CHAIN = 3
#: How many words before the trigger are read.
_WINDOW = 4
#: Words on the trigger that make an act only possible.
_POSSIBILITY = frozenset({"child:aux=may", "child:aux=might", "child:aux=could", "child:mark=if"})
#: The features of a bare "to" infinitive heading its sentence: headlinese for an act to come.
_HEADLINE_INFINITIVE = frozenset({"child:aux=to", "dep=ROOT", "tag=VB"})


def _morph(token: Token) -> list[str]:
    morph = token.morph
    return [
        f"{key}={value}"
        for key in ("Tense", "Aspect", "VerbForm", "Mood")
        for value in morph.get(key, [])
    ]


def status_features(token: Token, *, event_type: str, rule_status: str, negated: bool) -> list[str]:
    """The features of the event whose trigger's head word is ``token`` (its sentence parsed),
    coded as ``event_type``, with ``rule_status`` and ``negated`` from :mod:`.certainty`."""
    lemma = token.lemma_.lower()
    features = [
        "bias",
        f"type={event_type}",
        f"rule={rule_status}",
        f"type|rule={event_type}|{rule_status}",
        f"lemma={lemma}",
        f"type|lemma={event_type}|{lemma}",
        f"tag={token.tag_}",
        f"type|tag={event_type}|{token.tag_}",
        f"dep={token.dep_}",
        f"pos={token.pos_}",
    ]
    if negated:
        features.append("negated")
        features.append(f"negated|type={event_type}")
    features.extend(f"morph:{m}" for m in _morph(token))
    for child in token.children:
        if child.dep_ in _MARKERS:
            word = child.lower_
            features.append(f"child:{child.dep_}={word}")
            features.append(f"child={word}")
        elif child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("it", "there"):
            features.append(f"subject={child.lower_}")
    node = token
    path = ""
    for step in range(1, _CHAIN + 1):
        head = node.head
        if head.i == node.i:
            features.append(f"root@{step}")
            break
        path = f"{path}>{node.dep_}"
        head_lemma = head.lemma_.lower()
        features.append(f"h{step}={head_lemma}")
        features.append(f"h{step}dep={path}")
        features.append(f"h{step}|dep={head_lemma}|{node.dep_}")
        features.append(f"h{step}tag={head.tag_}")
        features.append(f"head={head_lemma}")
        for child in head.children:
            if child.dep_ in ("aux", "auxpass", "neg") and child.i != node.i:
                features.append(f"h{step}:{child.dep_}={child.lower_}")
                features.append(f"head:{child.dep_}={child.lower_}")
        node = head
    sentence_start = token.sent.start
    for offset in range(1, _WINDOW + 1):
        i = token.i - offset
        if i < sentence_start:
            break
        features.append(f"left={token.doc[i].lower_}")
    if token.i + 1 < token.sent.end:
        features.append(f"right1={token.doc[token.i + 1].lower_}")
    if token.sent.text.rstrip().endswith("?"):
        features.append("question")
    return features


@dataclass(frozen=True, slots=True)
class StatusModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    #: (features, classes)
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any]

    def probabilities(self, features: list[str]) -> np.ndarray:
        """Class probabilities of one event's features."""
        vocabulary = self.vocabulary
        found = sorted({vocabulary[n] for n in features if n in vocabulary})
        logits = self.bias.astype(np.float64) + self.weights[found].sum(axis=0, dtype=np.float64)
        logits -= logits.max()
        exp = np.exp(logits)
        probabilities: np.ndarray = exp / exp.sum()
        return probabilities

    def decide(self, features: list[str]) -> str:
        """The most probable status (ties: the first class, classes are sorted), among those
        the grammar allows: a headline's bare "to" infinitive ("Germany to send Ukraine four
        more systems") announces an act, so it is not ``done`` or ``under_way`` (the corpus
        has almost no headlines, so the weights alone do not know this). An act the rules read as
        hypothetical from "may", "might", "could" or "if" on its trigger stays hypothetical: the
        corpus codes no such act (NEWS_EVENTS.md; 6 of its 13,215 events carry one), so the
        weights have no class for it."""
        present = set(features)
        if "rule=hypothetical" in present and present & _POSSIBILITY:
            return "hypothetical"
        probabilities = self.probabilities(features)
        if present >= _HEADLINE_INFINITIVE:
            for name in ("done", "under_way"):
                if name in self.classes:
                    probabilities[self.classes.index(name)] = -1.0
        return self.classes[int(np.argmax(probabilities))]

    def save(self, directory: Path) -> None:
        write_model_files(
            directory,
            self.vocabulary,
            {"weights": self.weights.astype(np.float32), "bias": self.bias.astype(np.float32)},
            {**self.meta, "classes": list(self.classes)},
        )


def load_status_model(directory: Path = STATUS_MODEL_DIR) -> StatusModel | None:
    """The saved status model (the shipped one by default), or None where none is saved."""
    if not (directory / "meta.json").exists():
        return None
    return _load(str(directory))


@cache
def _load(directory: str) -> StatusModel:
    vocabulary, arrays, meta = read_model_files(Path(directory))
    return StatusModel(
        classes=tuple(meta["classes"]),
        vocabulary=vocabulary,
        weights=arrays["weights"],
        bias=arrays["bias"],
        meta=meta,
    )
