"""Readers for the TABARI/PETRARCH dictionary formats (actors and agents).

The Phoenix dictionaries (historical actors, agents) and the PETRARCH validation dictionaries are
in these formats. newsgraph ships what it derives from the MIT-licensed Phoenix files in its own
TSV format (``scripts/phoenix_actors.py`` regenerates them), and the petrarch2-unittest scorer
converts its dictionaries into a user extension file: both read them through this module.

Actor records: a phrase (words joined by ``_`` or blanks), synonyms on ``+`` lines, and codes in
``[CODE]`` or ``[CODE restriction]`` groups on the phrase line or on tab-indented lines, where a
restriction is ``<date`` (up to), ``>date`` (from) or ``date-date``; dates are ``YYYYMMDD`` or
``YYMMDD`` (``YY`` <= 30 is 20YY, as KEDS and TABARI read it). Agent records:
``PHRASE {plural} [~CODE]`` with ``!SET!`` substitution markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "SECTORS",
    "CodeRestriction",
    "DictionaryActor",
    "DictionaryAgent",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "split_code",
]

#: CAMEO sector codes and the PLOVER sector each becomes (PLOVER renamed media and health).
SECTORS = {
    **{
        s: s
        for s in [
            "GOV",
            "MIL",
            "REB",
            "OPP",
            "PTY",
            "COP",
            "JUD",
            "SPY",
            "EDU",
            "BUS",
            "CRM",
            "CVL",
            "LEG",
            "ELI",
            "REF",
            "AGR",
            "LAB",
            "NGO",
            "IGO",
            "UAF",
            "PRM",
            "UNK",
            "REL",
            "SOC",
            "ENV",
            "DEV",
            "HRI",
            "MOD",
            "RAD",
            "IMG",
            "INS",
            "SEP",
            "JRN",
            "PRE",
            "SET",
        ]
    },
    "MED": "JRN",
    "HLH": "MED",
}
#: CAMEO country codes that differ from ISO 3166 (PLOVER writes Kosovo as KOS), and typos of
#: the dictionaries.
_COUNTRY_CODES = {
    "TMP": "TLS",
    "KSV": "KOS",
    "ROM": "ROU",
    "ZAR": "COD",
    "ANG": "AGO",
    # Serbia and Montenegro, and Yugoslavia: Serbia is the successor state (PLOVER codes the
    # 1990s Yugoslav actors as SRB).
    "SCG": "SRB",
    "YUG": "SRB",
}
#: Codes that code nothing: PETRARCH's null and discard codes.
_NULL_CODES = frozenset({"---", "+++", "###", ""})
_GROUP = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6,8}$")


@dataclass(frozen=True, slots=True)
class CodeRestriction:
    """A code and when it applies (both ends inclusive; None is open)."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class DictionaryActor:
    """One actor record: its phrases (the first is the primary one), codes and comment."""

    phrases: list[str]
    codes: list[CodeRestriction] = field(default_factory=list)
    comment: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class DictionaryAgent:
    """One agent phrase (plurals and substitutions already expanded) and its code."""

    phrase: str
    code: str
    line: int = 0


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _date(value: str) -> date | None:
    value = value.strip()
    if not _DATE.match(value):
        return None
    try:
        if len(value) > 7:
            return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        year = int(value[:2])
        return date(year + (2000 if year <= 30 else 1900), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None


def _restriction(group: str) -> CodeRestriction | None:
    parts = group.split(None, 1)
    if not parts:
        return None
    code = parts[0].upper()
    if code in _NULL_CODES:
        return None
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return CodeRestriction(code)
    if rest.startswith("<"):
        return CodeRestriction(code, end=_date(rest[1:]))
    if rest.startswith(">"):
        return CodeRestriction(code, start=_date(rest[1:]))
    first, _, last = rest.partition("-")
    return CodeRestriction(code, start=_date(first), end=_date(last))


def _content_lines(lines: Iterable[str]) -> Iterator[tuple[int, str, str]]:
    """(line number, content, comment) of the lines that carry something; XML comments and
    ``#`` comments removed (the comment text is kept, it tells people from institutions)."""
    in_comment = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3 :]
            else:
                continue
        while "<!" in line:
            before, _, after = line.partition("<!")
            if "-->" in after:
                line = before + after[after.index("-->") + 3 :]
            elif after.startswith(("--", " --")):
                in_comment = True
                line = before
            else:
                line = before
        content, _, comment = line.partition("#")
        if content.strip():
            yield number, content, comment.strip()


def read_actor_dictionary(lines: Iterable[str]) -> Iterator[DictionaryActor]:
    """The actor records of a dictionary, in order. A phrase line with no code of its own whose
    record gets none before the next phrase is taken as a synonym of that next record (the
    TABARI habit of stacking spellings above one code block)."""
    current: DictionaryActor | None = None
    pending: list[str] = []
    for number, content, comment in _content_lines(lines):
        stripped = content.strip()
        if stripped.startswith("["):
            if current is not None:
                for group in _GROUP.findall(stripped):
                    if (found := _restriction(group)) is not None:
                        current.codes.append(found)
            continue
        if stripped.startswith("+"):
            if current is not None:
                phrase = _phrase(stripped[1:].split("[", 1)[0])
                if phrase:
                    current.phrases.append(phrase)
            continue
        if current is not None:
            if current.codes:
                yield current
            else:
                pending.extend(current.phrases)
        head = stripped.split("[", 1)[0]
        current = DictionaryActor([*pending, _phrase(head)], comment=comment, line=number)
        pending = []
        for group in _GROUP.findall(stripped):
            if (found := _restriction(group)) is not None:
                current.codes.append(found)
    if current is not None and current.codes:
        yield current


def _plural(phrase: str) -> str:
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY")):
        return phrase[:-1] + "IES"
    if phrase.endswith(("S", "SH", "CH", "X")):
        return phrase + "ES"
    return phrase + "S"


def read_agent_dictionary(lines: Iterable[str]) -> Iterator[DictionaryAgent]:
    """Agent phrases with their codes; regular plurals are generated unless ``{}`` gives the
    plural (or none), and ``!SET!`` markers are replaced by every member of their set."""
    sets: dict[str, list[str]] = {}
    for number, content, _comment in _content_lines(lines):
        if "!" in content and "=" in content and "[" not in content:
            name, _, members = content.partition("=")
            sets[name.strip().strip("!")] = [m.strip() for m in members.split(",") if m.strip()]
            continue
        if "[" not in content:
            continue
        head, _, rest = content.partition("[")
        code = rest.partition("]")[0].strip().replace(" ", "")
        if not code:
            continue
        head = head.strip()
        if "!" in head:
            before, _, after = head.partition("!")
            marker, _, tail = after.partition("!")
            for member in sets.get(marker, []):
                yield DictionaryAgent(_phrase(before + member + tail), code, number)
            continue
        plural: str | None
        if "{" in head:
            phrase = head[: head.index("{")].strip()
            plural = head[head.index("{") + 1 : head.rindex("}")].strip() if "}" in head else ""
        else:
            phrase = head
            plural = _plural(phrase.rstrip("_")) if not phrase.endswith("_") else None
        phrase = _phrase(phrase)
        if phrase:
            yield DictionaryAgent(phrase, code, number)
        if plural:
            yield DictionaryAgent(_phrase(plural), code, number)


def split_code(code: str) -> tuple[str, str | None]:
    """A CAMEO actor code as newsgraph's (code, sector): countries keep their three letters and
    the first sector after them ("RUSGOV" -> RUS, GOV; "PSEHMSGOV" -> PSE, GOV); international
    codes (IGO, NGO, IMG, MNC) stay whole ("IGOUNOIAE")."""
    code = code.upper()
    if code[:3] in ("IGO", "NGO", "IMG", "MNC", "NGM", "ISM"):
        return code, None
    country = _COUNTRY_CODES.get(code[:3], code[:3])
    rest = code[3:]
    for index in range(0, len(rest) - 2, 3):
        sector = SECTORS.get(rest[index : index + 3])
        if sector is not None:
            return country, sector
    return country, None
