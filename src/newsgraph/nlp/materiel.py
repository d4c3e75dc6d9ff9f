"""WEAPON, PLATFORM and EQUIPMENT entities from the materiel lexicon (``data/materiel.tsv``).

The patterns feed a spaCy ``EntityRuler`` placed after the statistical NER, whose guesses it
overrides where they overlap ("S-400" is not an ORG). The pattern ``id`` carries the category
(``missile``, ``drone``, ``air_defence``, ...), so ``ent.ent_id_`` tells what a mention is.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..resources import read_table, read_text

__all__ = ["MATERIEL_LABELS", "materiel_categories", "materiel_patterns"]

MATERIEL_LABELS = frozenset({"WEAPON", "PLATFORM", "EQUIPMENT"})
_INVARIANT = frozenset({"aircraft", "ammunition", "artillery", "uav"})


def _plural(word: str) -> str:
    if word.lower() in _INVARIANT:
        return word
    if word.endswith(("o", "s", "sh", "ch")):
        return word + "es"
    return word + "s"


@cache
def _modifiers() -> tuple[str, ...]:
    lines = read_text("materiel_modifiers.txt").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def materiel_categories() -> dict[str, tuple[str, str]]:
    """Lower-cased generic nouns and names -> (label, category), for lookups outside the ruler."""
    table: dict[str, tuple[str, str]] = {}
    for row in read_table("materiel.tsv"):
        if row["kind"] in ("noun", "name"):
            table[row["pattern"].lower()] = (row["label"], row["category"])
            if row["kind"] == "noun":
                words = row["pattern"].split()
                table[" ".join([*words[:-1], _plural(words[-1])]).lower()] = (
                    row["label"],
                    row["category"],
                )
    return table


def materiel_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns for every lexicon row."""
    patterns: list[dict[str, Any]] = []
    modifiers = list(_modifiers())
    for row in read_table("materiel.tsv"):
        label, category, pattern = row["label"], row["category"], row["pattern"]
        context = [c for c in row["context"].split("|") if c]
        if row["kind"] == "family":
            token: dict[str, Any] = {"TEXT": {"REGEX": rf"^(?:{pattern})s?$"}}
            patterns.append({"label": label, "id": category, "pattern": [token]})
        elif row["kind"] == "name":
            words: list[dict[str, Any]] = [{"TEXT": word} for word in pattern.split()]
            if context:
                words.append({"LOWER": {"IN": [c.lower() for c in context]}})
            patterns.append({"label": label, "id": category, "pattern": words})
        elif row["kind"] == "noun":
            *lead, last = pattern.lower().split()
            forms = sorted({last, _plural(last)})
            body: list[dict[str, Any]] = [{"LOWER": w} for w in lead]
            body.append({"LOWER": {"IN": forms}})
            patterns.append({"label": label, "id": category, "pattern": body})
            patterns.append(
                {
                    "label": label,
                    "id": category,
                    "pattern": [{"LOWER": {"IN": modifiers}, "OP": "+"}, *body],
                }
            )
        else:
            raise ValueError(f"materiel.tsv: unknown kind {row['kind']!r}")
    return patterns
