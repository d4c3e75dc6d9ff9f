"""The model's attribute rules in one pass: what spaCy's ``attribute_ruler`` sets, found faster.

The English models map each fine-grained tag to a part of speech and morphology, and fix a few
words ("n't" -> PART, "gonna" -> "go" + "to"), with ~180 token patterns run by an
``AttributeRuler``. spaCy's ``Matcher`` tries every pattern at every token, which costs more than
the dependency parser on news text (measured in docs/evaluation.md). Nearly all the patterns test
one token's tag, lowercase form, dependency label or whitespace flag, so whether a pattern element
fits a token depends on those values alone: :class:`AttributeRules` decides it once per distinct
combination and remembers it, then sets the ruler's own attributes with spaCy's own function, in
the ruler's order (a later rule wins), so the result is the ruler's.

A ruler with a pattern this module does not read (an operator such as ``OP``, another attribute,
another predicate) is run by spaCy as before: :func:`compile_rules` returns ``None`` for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["AttributeRules", "compile_rules"]

#: The token attributes a pattern may test here, by their Matcher names.
_COLUMNS: dict[str, int] = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ALIASES = {"ORTH": "ORTH", "TEXT": "ORTH"}
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
#: Remembered answers are dropped past this many (a long run meets ever more word forms).
_MEMORY = 200_000

# A test of one attribute's value (a string, or a bool for IS_SPACE).
Test = Callable[[Any], bool]


def _equals(wanted: object) -> Test:
    return lambda seen: seen == wanted


def _searches(pattern: str) -> Test:
    rx = re.compile(pattern)
    return lambda seen: bool(rx.search(str(seen)))


def _member(members: frozenset[str], inside: bool) -> Test:
    return lambda seen: (seen in members) == inside


def _value_test(value: object) -> frozenset[str] | Test | None:
    """The values a pattern value allows (a set when it lists them, else a test), or None
    when this module does not read it."""
    if isinstance(value, bool):
        return _equals(value)
    if isinstance(value, str):
        return frozenset({value})
    if not isinstance(value, dict) or not value or not set(value) <= _PREDICATES:
        return None
    tests: list[Test] = []
    for predicate, argument in value.items():
        if predicate == "REGEX":
            if not isinstance(argument, str):
                return None
            tests.append(_searches(argument))
            continue
        if not isinstance(argument, list) or not all(isinstance(a, str) for a in argument):
            return None
        if predicate == "IN" and len(value) == 1:
            return frozenset(argument)
        tests.append(_member(frozenset(argument), inside=predicate == "IN"))
    return lambda seen: all(test(seen) for test in tests)


class _Column:
    """One token attribute: which pattern elements a value of it lets through."""

    def __init__(self, name: str, count: int) -> None:
        self.name = name
        self.count = count  # elements in all
        self.listed: dict[str, set[int]] = {}  # value -> elements that list it
        self.tested: list[tuple[int, Test]] = []  # elements with another test
        self.testing: set[int] = set()  # elements that test this column at all
        self._memo: dict[int, frozenset[int]] = {}
        self._answers: dict[frozenset[int], frozenset[int]] = {}

    def add(self, element: int, test: frozenset[str] | Test) -> None:
        self.testing.add(element)
        if isinstance(test, frozenset):
            for value in test:
                self.listed.setdefault(value, set()).add(element)
        else:
            self.tested.append((element, test))

    @cached_property
    def _untested(self) -> frozenset[int]:
        """The elements that do not test this attribute (fixed once the rules are added)."""
        return frozenset(range(self.count)) - self.testing

    def passing(self, raw: int, strings: StringStore) -> frozenset[int]:
        """The elements a value (as the Doc array holds it) does not rule out."""
        found = self._memo.get(raw)
        if found is None:
            value = bool(raw) if self.name == "IS_SPACE" else strings[raw]
            free = set(self._untested)
            free |= self.listed.get(value, set()) if isinstance(value, str) else set()
            free.update(element for element, test in self.tested if test(value))
            # One object per distinct answer: a token's fit is remembered by these.
            answer = frozenset(free)
            found = self._answers.setdefault(answer, answer)
            if len(self._memo) >= _MEMORY:
                self._memo.clear()
            self._memo[raw] = found
        return found


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the ruler's attribute set (its order decides which rule wins)
    elements: tuple[int, ...]  # element numbers, in token order
    index: int  # which matched token gets the attributes (non-negative)


@dataclass(frozen=True, slots=True)
class _Fit:
    rules: tuple[int, ...]  # the one-token rules a token matches
    starts: tuple[_Pattern, ...]  # the longer patterns it can start
    elements: frozenset[int]  # every element it fits


class AttributeRules:
    """An ``AttributeRuler``'s patterns, matched by token signature; callable on a Doc."""

    def __init__(
        self, ruler: AttributeRuler, columns: list[_Column], patterns: list[_Pattern]
    ) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.columns = columns
        self._attr_ids = [_COLUMNS.get(c.name, ORTH) for c in columns]
        self._single = {p.elements[0]: p.rule for p in patterns if len(p.elements) == 1}
        self._first: dict[int, list[_Pattern]] = {}
        for pattern in patterns:
            if len(pattern.elements) > 1:
                self._first.setdefault(pattern.elements[0], []).append(pattern)
        self._seen: dict[tuple[frozenset[int], ...], _Fit] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _fit(self, passing: tuple[frozenset[int], ...]) -> _Fit:
        fit = self._seen.get(passing)
        if fit is None:
            fitting = frozenset.intersection(*passing)
            fit = _Fit(
                rules=tuple(sorted(self._single[e] for e in fitting if e in self._single)),
                starts=tuple(p for e in sorted(fitting) for p in self._first.get(e, ())),
                elements=fitting,
            )
            self._seen[passing] = fit
        return fit

    def rules_by_token(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> the rules that set its attributes, in the ruler's order."""
        if not len(doc):
            return {}
        strings, columns, fit_of = self.vocab.strings, self.columns, self._fit
        fits = [
            fit_of(tuple(c.passing(v, strings) for c, v in zip(columns, row, strict=True)))
            for row in doc.to_array(self._attr_ids).tolist()
        ]
        found: dict[int, list[int]] = {}
        for start, fit in enumerate(fits):
            if fit.rules:
                found.setdefault(start, []).extend(fit.rules)
            for pattern in fit.starts:
                end = start + len(pattern.elements)
                if end <= len(fits) and all(
                    element in fits[start + k].elements
                    for k, element in enumerate(pattern.elements)
                ):
                    found.setdefault(start + pattern.index, []).append(pattern.rule)
        for rules in found.values():
            rules.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        attrs = self.ruler.attrs
        for i, rules in self.rules_by_token(doc).items():
            key = tuple(rules)
            merged = self._merged.get(key)
            if merged is None:
                merged = {}
                for rule in rules:
                    merged.update(attrs[rule])
                self._merged[key] = merged
            set_token_attrs(doc[i], merged)
        return doc


def compile_rules(ruler: object) -> AttributeRules | None:
    """An attribute ruler's patterns compiled for :class:`AttributeRules`, or None when it is
    no ``AttributeRuler`` or one of them uses something this module does not read (then
    spaCy's ruler should run)."""
    if not isinstance(ruler, AttributeRuler):
        return None
    # [{"patterns": [[{...}, ...], ...], "attrs": {...}, "index": n}, ...]
    raw: list[dict[str, Any]] = list(ruler.patterns)
    if len(raw) != len(ruler.attrs):
        return None
    names: list[str] = []
    tokens: list[dict[str, Any]] = []  # every pattern element, numbered in order
    patterns: list[_Pattern] = []
    for rule, entry in enumerate(raw):
        index = int(entry.get("index", 0))
        for pattern in entry["patterns"]:
            if not pattern or not -len(pattern) <= index < len(pattern):
                return None
            first = len(tokens)
            for token in pattern:
                if not isinstance(token, dict):
                    return None
                for key in token:
                    name = _ALIASES.get(key, key)
                    if name not in _COLUMNS and name != "ORTH":
                        return None
                    if name not in names:
                        names.append(name)
                tokens.append(token)
            numbers = tuple(range(first, len(tokens)))
            patterns.append(_Pattern(rule, numbers, index % len(pattern)))
    columns = {name: _Column(name, len(tokens)) for name in names}
    for element, token in enumerate(tokens):
        for key, value in token.items():
            test = _value_test(value)
            if test is None:
                return None
            columns[_ALIASES.get(key, key)].add(element, test)
    return AttributeRules(ruler, list(columns.values()), patterns)
