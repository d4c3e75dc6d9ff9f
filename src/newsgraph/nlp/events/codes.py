"""CAMEO codes: their PLOVER type and mode, and how a governing word changes them.

PLOVER type and mode come from the 2021 CAMEO -> PLOVER crosswalk (``data/cameo_plover.tsv``:
the most specific code listed, else its three-digit parent, else its root). Two decisions the
crosswalk leaves open, documented in ``docs/schema.md``:

- CAMEO 01 (public statements) is dropped by PLOVER: such a code makes no event.
- CAMEO 02 (appeals: "asked", "urged", "called on") is REQUEST: PLOVER's REQUEST covers "all
  requests, demands, and orders", and the crosswalk bridges REQUEST to the DEMAND codes only.
  An event's CAMEO code is therefore the 10x code parallel to the dictionary's 02x
  (:func:`bridged`: 0232 "appeal for military aid" -> 1032), so that type and code always agree
  through the crosswalk.

Combination (what PETRARCH did with its verb hierarchy): an event under a governing word takes
a new code built from the embedded code — "will visit" (042 under intent) is 036, "threatened to
shell" (19x under threaten) is 138, "refused to meet" (04x under refuse) is 125, "asked Russia to
supply" (07x under appeal) is 023.
"""

from __future__ import annotations

from functools import cache

from ...resources import read_table
from .categories import REQUEST, CameoRoot

__all__ = ["bridged", "cameo_root", "combine", "plover_of"]

# CAMEO 02 modes, by the third digit, as REQUEST's modes (the 10x rows of the crosswalk).
_APPEAL_MODES = {
    "1": "assist",
    "2": "assist",
    "3": "assist",
    "4": "change",
    "5": "yield",
    "6": "meet",
    "7": "meet",
    "8": "meet",
}


@cache
def _crosswalk() -> dict[str, tuple[str, str]]:
    return {row["cameo"]: (row["type"], row["mode"]) for row in read_table("cameo_plover.tsv")}


def cameo_root(code: str) -> int:
    """The two-digit cue category of a code (0 for none)."""
    return int(code[:2]) if len(code) >= 2 and code[:2].isdigit() else 0


def plover_of(code: str) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) of a CAMEO code; None for codes PLOVER drops (01) or unknown ones."""
    root = cameo_root(code)
    if root == CameoRoot.STATEMENT or root == CameoRoot.NONE:
        return None
    if root == CameoRoot.APPEAL:
        return REQUEST, _APPEAL_MODES.get(code[2:3]) or None
    table = _crosswalk()
    for length in (4, 3, 2):
        found = table.get(code[:length])
        if found is not None:
            return found[0], found[1] or None
    return None


def bridged(code: str) -> str:
    """The code an event carries: appeals (02x) as the parallel demands (10x)."""
    return "10" + code[2:] if cameo_root(code) == CameoRoot.APPEAL else code


# The sub-category digit of an appeal/demand (x in 02x / 10x) by what is asked for.
def _request_digit(code: str) -> str:
    root = cameo_root(code)
    if root in (CameoRoot.INTEND, CameoRoot.MATERIAL_COOPERATION):
        return "1"  # material cooperation
    if root == CameoRoot.DIPLOMATIC_COOPERATION:
        return "2"  # diplomatic cooperation
    if root == CameoRoot.PROVIDE_AID:
        return "3"  # aid
    if root == CameoRoot.YIELD:
        return "5"  # yield
    if root == CameoRoot.CONSULT:
        return "6"  # meet, negotiate
    if root >= CameoRoot.PROTEST:
        return "4"  # a change of policy: stop the strikes, lift the ban
    return "0"


def _request(code: str, prefix: str) -> str:
    digit = _request_digit(code)
    if digit == "3" and len(code) >= 3 and code[2] in "1234":
        return f"{prefix}{digit}{code[2]}"  # 072 military aid -> 0232 / 1032
    if digit == "5" and code.startswith("084"):
        return f"{prefix}53"  # release
    return f"{prefix}{digit}"


def _intent(code: str) -> str:
    root = cameo_root(code)
    if root in (
        CameoRoot.INTEND,
        CameoRoot.DEMAND,
        CameoRoot.DISAPPROVE,
        CameoRoot.REJECT,
        CameoRoot.THREATEN,
    ):
        return code  # already an intent or a verbal conflict: "will demand" is a demand
    if root == CameoRoot.CONSULT:
        return "036"
    if root == CameoRoot.DIPLOMATIC_COOPERATION:
        return "032"
    if root == CameoRoot.MATERIAL_COOPERATION:
        return {"061": "0311", "062": "0312", "063": "0313", "064": "0314"}.get(code[:3], "031")
    if root == CameoRoot.PROVIDE_AID:
        return {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}.get(code[:3], "033")
    if root == CameoRoot.YIELD:
        return {"084": "0353", "085": "0354", "086": "0355", "087": "0356"}.get(code[:3], "035")
    return _threat(code)


def _threat(code: str) -> str:
    root = cameo_root(code)
    if root == CameoRoot.THREATEN:
        return code
    if root == CameoRoot.PROTEST:
        return "133"
    if root == CameoRoot.REDUCE_RELATIONS:
        return {"161": "1313", "162": "1311", "163": "1312", "166": "136"}.get(code[:3], "131")
    if root == CameoRoot.COERCE:
        if code.startswith("172"):
            return "132"
        return {"1723": "1323", "1724": "1324"}.get(code[:4], "132")
    if root in (
        CameoRoot.FORCE_POSTURE,
        CameoRoot.ASSAULT,
        CameoRoot.FIGHT,
        CameoRoot.MASS_VIOLENCE,
    ):
        if code.startswith("191"):
            return "1381"
        if code.startswith("192"):
            return "1382"
        if root == CameoRoot.MASS_VIOLENCE or code.startswith("204"):
            return "1385"
        return "138"
    return "130"


def _refusal(code: str) -> str:
    root = cameo_root(code)
    if root == CameoRoot.CONSULT:
        return "125"
    if root in (CameoRoot.INTEND, CameoRoot.DIPLOMATIC_COOPERATION):
        return "120"
    if root == CameoRoot.MATERIAL_COOPERATION:
        return "121"
    if root == CameoRoot.PROVIDE_AID:
        return "122"
    if root == CameoRoot.YIELD:
        return "1243" if code.startswith("084") else "124"
    if root == CameoRoot.DEMAND or root == CameoRoot.APPEAL:
        return "120"
    return "120"


def combine(kind: str, code: str) -> str:
    """The code of an event with CAMEO ``code`` governed by a frame of ``kind``
    (``intent``, ``threaten``, ``refuse``, ``appeal``, ``demand``; others leave it as is)."""
    if kind == "intent":
        return _intent(code)
    if kind == "threaten":
        return _threat(code)
    if kind == "refuse":
        return _refusal(code)
    if kind == "appeal":
        return _request(code, "02")
    if kind == "demand":
        return _request(code, "10")
    return code
