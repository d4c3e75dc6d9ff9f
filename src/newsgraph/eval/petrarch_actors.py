"""The PETRARCH validation dictionaries as a newsgraph user extension file.

The petrarch2-unittest sentences are about fictional states whose codes only those dictionaries
know. Converting them into an extension file (the same mechanism an analyst uses) lets the
scorer measure triples with actor codes, and tests the extension file on the way. CAMEO codes
are split as PETRARCH composes them: the first three letters are the code, the rest the sector
("ARNGOV" -> ARN, GOV); the scorer joins them back.
"""

from __future__ import annotations

from pathlib import Path

from ..actors.dictionaries import read_actor_dictionary, read_agent_dictionary
from ..actors.extension import write_extension

__all__ = ["ACTORS_FILE", "AGENTS_FILE", "cameo_code", "write_petrarch_extension"]

ACTORS_FILE = "PETR.Validate.actors.txt"
AGENTS_FILE = "PETR.Validate.agents.txt"


def _clean(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def _rows(root: Path) -> tuple[list[dict[str, str]], int]:
    rows: list[dict[str, str]] = []
    skipped = 0
    lines = (root / ACTORS_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, record in enumerate(read_actor_dictionary(lines)):
        name = record.phrases[0]
        aliases = "|".join(p for p in record.phrases[1:] if p != name)
        first = True
        for restriction in record.codes:
            code = _clean(restriction.code)
            if len(code) < 2 or "/" in restriction.code:
                skipped += 1
                continue
            rows.append(
                {
                    "name": name,
                    "kind": "organisation",
                    "code": code[:3],
                    "sector": code[3:],
                    "start": restriction.start.isoformat() if restriction.start else "",
                    "end": restriction.end.isoformat() if restriction.end else "",
                    "aliases": aliases if first else "",
                    "notes": f"PETR.Validate record {number}",
                }
            )
            first = False
    agent_lines = (root / AGENTS_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    for agent in read_agent_dictionary(agent_lines):
        sector = _clean(agent.code)
        if not sector:
            skipped += 1
            continue
        rows.append({"name": agent.phrase.casefold(), "kind": "agent", "sector": sector})
    return rows, skipped


def write_petrarch_extension(root: Path, path: Path) -> tuple[int, int]:
    """Write the dictionaries under ``root`` to ``path``; returns (rows written, skipped)."""
    rows, skipped = _rows(root)
    write_extension(path, rows)
    return len(rows), skipped


def cameo_code(actor: dict[str, object]) -> str:
    """An actor of the JSON as a CAMEO code: code and sector joined ("" when unresolved)."""
    code = str(actor.get("code") or "")
    return code + str(actor.get("sector") or "") if code else ""
