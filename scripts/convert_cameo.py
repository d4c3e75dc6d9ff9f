"""Convert the CAMEO verb dictionary and the CAMEO -> PLOVER crosswalk into newsgraph's data files.

Reads (from ``../shared/data`` by default):

- ``phoenix-dictionaries/CAMEO.2.0.txt``: the PETRARCH-2 CAMEO verb-pattern dictionary (MIT,
  (c) 2015 Open Event Data Alliance);
- ``plover-gsr/CAMEO2PLOVER-2021.txt``: the official CAMEO -> PLOVER crosswalk.

Writes, into ``src/newsgraph/data/``:

- ``cameo_verbs.tsv``: verb lemma (+ particle) -> verb block and the code of the bare verb;
- ``cameo_patterns.tsv``: per verb block, the argument patterns (subject words, object words,
  prepositional phrases) and the CAMEO code each gives;
- ``cameo_synsets.tsv``: the dictionary's synonym sets (``@weapon`` in a pattern);
- ``cameo_plover.tsv``: CAMEO code -> PLOVER type and mode.

Only facts are carried over (which verb, which argument words, which code), in our own format;
the MIT notice travels with them. Usage::

    python scripts/convert_cameo.py [--data ../shared/data] [--out src/newsgraph/data]

The output is deterministic: running it twice gives the same files.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

MIT_NOTICE = """\
# Derived from the CAMEO verb dictionary CAMEO.2.0.txt of openeventdata/petrarch2
# (petrarch2/data/dictionaries), converted by scripts/convert_cameo.py. Original notice:
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""

# Source/target markers of the PETRARCH syntax: not words.
MARKERS = frozenset({"$", "+", "^", "%"})

# Modes of the 2021 crosswalk that the current manual does not list, mapped to the manual's
# modes (or none). Decided here, documented in docs/schema.md.
MODE_NAMES = {
    "assassinate": "targeted",
    "massacre": "targeted",
    "cleansing": "",
    "return": "release",
    "ease": "",
    "ban": "restrict",
    "political": "restrict",
    "pro_autocracy": "",
    "host": "visit",
}
# Where the crosswalk and the manual disagree, the manual's text wins (docs/schema.md).
OVERRIDES = {
    "163": ("SANCTION", "discontinue"),
    # 1712 "destroy property" sits under COERCE's 171 with the COERCE mode 'seize'.
    "1712": ("ASSAULT", "destroy"),
    # Resignations are RETREAT 'resign' in the manual; CAMEO codes them as 0831.
    "0831": ("RETREAT", "resign"),
}


@dataclass
class Block:
    name: str
    code: str
    verbs: list[tuple[str, str, str]] = field(default_factory=list)  # (lemma, particle, code)
    patterns: list[tuple[str, str, str, str]] = field(default_factory=list)


def _code(text: str) -> str:
    """The primary CAMEO code of ``[042:043]``-style text ('' for none or ``---``)."""
    inner = text.strip().strip("[]").strip()
    primary = inner.split(":")[0].strip()
    return "" if primary.startswith("-") or not primary.isdigit() else primary


def _word(raw: str) -> str:
    word = raw.strip().strip("_").lower().replace("_", " ")
    if word.startswith("&"):
        return "@" + word[1:].strip()
    return word


def _verb(raw: str) -> tuple[str, str] | None:
    """(lemma, particle) of a verb line's head word, e.g. ``+CALL_OFF`` -> (call, off)."""
    raw = raw.strip()
    if "_" not in raw:
        word = raw.lstrip("+").lower()
        return (word, "") if word.isalpha() else None
    parts = raw.split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    index = marked[0] if marked else 0
    if index != 0 or len(parts) != 2:
        # Pre-verb words ("WIRE_+TAP") and long idioms are left out: the parse finds the verb.
        return None
    verb, particle = parts[0].lstrip("+").lower(), parts[1].lower()
    if not verb.isalpha() or not particle.isalpha():
        return None
    return verb, particle


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")


def _phrase(raw: str) -> str:
    """A noun phrase element: ``{FINANCIAL AID}`` -> ``financial aid``; ``&FOOD`` -> ``@food``."""
    raw = raw.strip().strip("{}").strip()
    words = [_word(w) for w in raw.split() if w not in MARKERS and w.upper() != "AND"]
    return " ".join(w for w in words if w)


def _pattern(body: str) -> tuple[str, str, str] | None:
    """(subject, objects, preps) of a pattern body ``PRE * POST``."""
    if "*" not in body:
        return None
    before, _, after = body.partition("*")
    subject = " ".join(
        _phrase(t) for t in _TOKEN.findall(before) if not t.startswith("(") and t not in MARKERS
    ).strip()
    objects: list[str] = []
    preps: list[str] = []
    for token in _TOKEN.findall(after):
        if token in MARKERS:
            continue
        if token.startswith("("):
            inner = token.strip("()").strip()
            if not inner:
                continue
            prep, _, rest = inner.partition(" ")
            noun = _phrase(rest) if rest.strip() else ""
            preps.append(f"{prep.lower()}:{noun}")
        else:
            phrase = _phrase(token)
            if phrase:
                objects.append(phrase)
    if not subject and not objects and not preps:
        return None
    return subject, ";".join(objects), ";".join(preps)


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_synset: str | None = None
    in_verbs = False
    block: Block | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            in_verbs = True
            current_synset = None
            continue
        if not text.strip():
            continue
        if not in_verbs:
            if text.startswith("&"):
                current_synset = text.strip().lstrip("&").strip("_").lower()
                synsets[current_synset] = []
            elif text.startswith("+") and current_synset is not None:
                synsets[current_synset].append(_word(text.lstrip("+")))
            continue
        if text.startswith("~"):
            continue  # transformations: handled by newsgraph's own combination rules
        if text.startswith("---"):
            match = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])", text)
            if match:
                block = Block(match.group(1), _code(match.group(2)))
                blocks.append(block)
            continue
        if block is None:
            continue
        if text.startswith("-"):
            match = re.match(r"-(.*)\[([^\]]*)\]\s*$", text)
            if not match:
                continue
            code = _code(match.group(2))
            parsed = _pattern(match.group(1))
            if parsed is None:
                continue
            block.patterns.append((*parsed, code))
            continue
        # A verb line: WORD {irregular forms} [code]
        head = re.sub(r"\{[^}]*\}", " ", text)
        code_match = re.search(r"\[([^\]]*)\]", head)
        code = _code(code_match.group(1)) if code_match else block.code
        head = re.sub(r"\[[^\]]*\]", " ", head).split()
        if not head:
            continue
        verb = _verb(head[0])
        if verb is not None:
            block.verbs.append((verb[0], verb[1], code))
    return synsets, blocks


def read_crosswalk(path: Path) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*),)?", text)
        if not match:
            continue
        code, kind, mode = match.group(1), match.group(2), (match.group(3) or "").strip()
        mode = MODE_NAMES.get(mode, mode)
        table.setdefault(code, (kind, mode))
    table.update(OVERRIDES)
    return dict(sorted(table.items()))


def write(out: Path, synsets: dict[str, list[str]], blocks: list[Block]) -> None:
    verbs: dict[tuple[str, str], tuple[str, str]] = {}
    for block in blocks:
        for lemma, particle, code in block.verbs:
            # A verb listed in two blocks keeps the first (the dictionary's own precedence).
            verbs.setdefault((lemma, particle), (block.name.lower(), code))
    lines = [MIT_NOTICE, "# verb lemma, particle, verb block, CAMEO code of the bare verb\n"]
    lines.append("verb\tparticle\tblock\tcode\n")
    for (lemma, particle), (name, code) in sorted(verbs.items()):
        lines.append(f"{lemma}\t{particle}\t{name}\t{code}\n")
    (out / "cameo_verbs.tsv").write_text("".join(lines), encoding="utf-8")

    lines = [
        MIT_NOTICE,
        "# Argument patterns per verb block. subject/object: phrases (head last; @name = a\n",
        "# synonym set of cameo_synsets.tsv), ';'-separated, all required; preps: prep:phrase\n",
        "# (phrase may be empty), ';'-separated, all required. A pattern with no code stops\n",
        "# coding.\n",
        "block\tsubject\tobject\tpreps\tcode\n",
    ]
    seen: set[tuple[str, ...]] = set()
    for block in blocks:
        for subject, objects, preps, code in block.patterns:
            key = (block.name.lower(), subject, objects, preps)
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"{block.name.lower()}\t{subject}\t{objects}\t{preps}\t{code}\n")
    (out / "cameo_patterns.tsv").write_text("".join(lines), encoding="utf-8")

    lines = [MIT_NOTICE, "synset\tphrase\n"]
    for name, phrases in sorted(synsets.items()):
        for phrase in dict.fromkeys(phrases):
            if phrase:
                lines.append(f"{name}\t{phrase}\n")
    (out / "cameo_synsets.tsv").write_text("".join(lines), encoding="utf-8")


def write_crosswalk(out: Path, table: dict[str, tuple[str, str]]) -> None:
    lines = [
        "# CAMEO code -> PLOVER type and mode, from the CAMEO2PLOVER-2021 crosswalk of\n",
        "# openeventdata/PLOVER (PLOVER manual draft 0.8, 2021; CC BY-SA 4.0), converted by\n",
        "# scripts/convert_cameo.py. Modes the current manual does not list are mapped to its\n",
        "# modes; where crosswalk and manual disagree the manual wins: 163 sanctions are\n",
        "# SANCTION 'discontinue', 0831 resignations RETREAT 'resign', 1712 destruction of\n",
        "# property ASSAULT 'destroy'. CAMEO 01 (statements) and 02\n",
        "# (appeals) are not in the crosswalk: see newsgraph/nlp/codes.py.\n",
        "cameo\ttype\tmode\n",
    ]
    for code, (kind, mode) in table.items():
        lines.append(f"{code}\t{kind}\t{mode}\n")
    (out / "cameo_plover.tsv").write_text("".join(lines), encoding="utf-8")


def read_agent_heads(path: Path) -> list[str]:
    """Head nouns of the agent dictionary's entries ("MINISTER", "TROOP", "REBEL")."""
    macros = {"!PERSON!": "person", "!MINIST!": "minister"}
    heads: set[str] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].strip()
        if not text or text.startswith("!") or "[" not in text:
            continue
        name = re.sub(r"\{[^}]*\}", " ", text.split("[", 1)[0]).strip()
        for macro, word in macros.items():
            name = name.replace(macro, "_" + word)
        words = name.strip("_").lower().split("_")
        # "PRISONER_OF_WAR" names a prisoner: the head comes before "of".
        last = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if last.isalpha() and len(last) > 2:
            heads.add(last)
    # The macros' words, and a few agents the dictionary lacks (newsgraph's additions).
    extra = "man men woman women person people minister ministry spokesman spokeswoman"
    heads.update(extra.split())
    heads.update(
        [
            "spokesperson",
            "aide",
            "official",
            "country",
            "nation",
            "peacekeeper",
            "negotiator",
            "mediator",
        ]
    )
    return sorted(heads)


def write_agent_heads(out: Path, heads: list[str]) -> None:
    lines = [
        "# Head nouns that name actors (agents: police, troops, minister, rebels, ...), from the\n",
        "# agent dictionary Phoenix.agents.txt of openeventdata/petrarch2, converted by\n",
        "# scripts/convert_cameo.py, with a few words of newsgraph's own (see the script).\n",
        "# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance; the full notice\n",
        "# is in cameo_verbs.tsv.\n",
    ]
    lines.extend(f"{word}\n" for word in heads)
    (out / "actor_heads.txt").write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data")
    args = parser.parse_args()
    synsets, blocks = read_dictionary(args.data / "phoenix-dictionaries" / "CAMEO.2.0.txt")
    write(args.out, synsets, blocks)
    write_crosswalk(args.out, read_crosswalk(args.data / "plover-gsr" / "CAMEO2PLOVER-2021.txt"))
    write_agent_heads(
        args.out, read_agent_heads(args.data / "phoenix-dictionaries" / "Phoenix.agents.txt")
    )
    verbs = sum(len(b.verbs) for b in blocks)
    patterns = sum(len(b.patterns) for b in blocks)
    print(f"{len(blocks)} verb blocks, {verbs} verbs, {patterns} patterns, {len(synsets)} synsets")


if __name__ == "__main__":
    main()
