"""The cue lexicons of the claims layer, loaded once: reporting verbs (``reporting_verbs.tsv``),
modality and aspect cues (``modality.tsv``) and source kinds (``source_kinds.tsv``).

The certainty classes are ordered from the firmest to the weakest commitment; when several
cues bear on one event, the weakest wins (:func:`weakest`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Token

from ...errors import ConfigError
from ...model import EVENT_CERTAINTIES, EVENT_STATUSES
from ...resources import read_table

__all__ = [
    "ATTITUDE_KINDS",
    "CERTAINTY_ORDER",
    "CHAIN_KINDS",
    "ModalityCue",
    "ReportingVerb",
    "lemmas",
    "modality_cues",
    "reporting_verb",
    "reporting_verbs",
    "source_kinds",
    "weakest",
]

#: asserted < reported < alleged < believed < uncertain: how little the text commits to.
CERTAINTY_ORDER: dict[str, int] = {name: rank for rank, name in enumerate(EVENT_CERTAINTIES)}
#: Reporting-verb kinds whose subject is a source of information (a link of a chain).
CHAIN_KINDS = frozenset({"speech", "evidence", "cognition"})
#: Kinds that report a wish, a demand or a position, not a claim.
ATTITUDE_KINDS = frozenset({"attitude", "directive", "stance"})
_CONTENTS = ("any", "complement", "quote")
_VERB_KINDS = CHAIN_KINDS | ATTITUDE_KINDS
_ROLES = frozenset({"modal", "hedge", "governor", "infinitive", "subject"})
_SUFFIXES: tuple[tuple[str, str], ...] = (
    *(("ies", "y"), ("ied", "y"), ("es", "e"), ("es", ""), ("s", "")),
    *(("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
)
_SOURCE_KINDS = frozenset({"document", "outlet", "anonymous", "role", "organisation"})


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    lemma: str
    particle: str
    kind: str
    certainty: str
    status: str
    content: str = "any"

    @property
    def in_chain(self) -> bool:
        return self.kind in CHAIN_KINDS


@dataclass(frozen=True, slots=True)
class ModalityCue:
    word: str
    role: str
    certainty: str
    status: str
    negates: bool


def lemmas(token: Token) -> tuple[str, ...]:
    """Lemmas to look ``token`` up by: spaCy's, then the word itself de-inflected, because the
    lemmatizer slips on some reporting verbs ("hopes" -> "hop", "stated" -> "stat")."""
    return word_lemmas(token.lower_, token.lemma_)


@lru_cache(maxsize=65536)
def word_lemmas(word: str, lemma: str) -> tuple[str, ...]:
    """:func:`lemmas` of a word by its lowercase form and spaCy's lemma (remembered: a text
    repeats its words)."""
    found = [lemma.lower(), word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            found.append(word[: -len(suffix)] + replacement)
    return tuple(dict.fromkeys(found))


def weakest(certainties: Iterable[str | None]) -> str:
    """The weakest commitment among ``certainties`` (``asserted`` when there is none)."""
    found = [c for c in certainties if c]
    return max(found, key=CERTAINTY_ORDER.__getitem__) if found else "asserted"


def _check(value: str, allowed: Iterable[str], *, column: str, name: str, file: str) -> str:
    if value and value not in allowed:
        raise ConfigError(
            f"{file}: {name!r} has {column} {value!r}; expected one of {', '.join(allowed)} "
            "(fix the data file)"
        )
    return value


@cache
def reporting_verbs() -> dict[str, tuple[ReportingVerb, ...]]:
    """Reporting verbs by lemma; entries with a particle ("point out") come first."""
    table: dict[str, list[ReportingVerb]] = {}
    file = "reporting_verbs.tsv"
    for row in read_table(file):
        lemma, _, particle = row["lemma"].partition(" ")
        name = row["lemma"]
        verb = ReportingVerb(
            lemma=lemma,
            particle=particle,
            kind=_check(row["kind"], sorted(_VERB_KINDS), column="kind", name=name, file=file),
            certainty=_check(
                row["certainty"], EVENT_CERTAINTIES, column="certainty", name=name, file=file
            ),
            status=_check(row["status"], EVENT_STATUSES, column="status", name=name, file=file),
            content=_check(row["content"], _CONTENTS, column="content", name=name, file=file),
        )
        table.setdefault(lemma, []).append(verb)
    return {k: tuple(sorted(v, key=lambda verb: not verb.particle)) for k, v in table.items()}


@cache
def modality_cues() -> dict[tuple[str, str], ModalityCue]:
    """Modality cues by (word, role); a word with a particle is keyed ``"call for"``."""
    table: dict[tuple[str, str], ModalityCue] = {}
    file = "modality.tsv"
    for row in read_table(file):
        word = row["word"]
        cue = ModalityCue(
            word=word,
            role=_check(row["role"], sorted(_ROLES), column="role", name=word, file=file),
            certainty=_check(
                row["certainty"], EVENT_CERTAINTIES, column="certainty", name=word, file=file
            ),
            status=_check(row["status"], EVENT_STATUSES, column="status", name=word, file=file),
            negates=row["negates"] == "1",
        )
        key = (word, cue.role)
        if key in table and table[key] != cue:
            raise ConfigError(f"{file}: {word!r} ({cue.role}) is listed twice, differently")
        table[key] = cue
    return table


@cache
def source_kinds() -> dict[str, str]:
    """Source kind by head word (lower case)."""
    file = "source_kinds.tsv"
    return {
        row["word"]: _check(
            row["kind"], sorted(_SOURCE_KINDS), column="kind", name=row["word"], file=file
        )
        for row in read_table(file)
    }


def reporting_verb(token: Token) -> ReportingVerb | None:
    """The reporting-verb entry ``token`` is, its particle included ("point out"), if any."""
    table = reporting_verbs()
    entries = next((table[k] for k in lemmas(token) if k in table), None)
    if not entries:
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    for entry in entries:
        if not entry.particle or entry.particle in particles:
            return entry
    return None
