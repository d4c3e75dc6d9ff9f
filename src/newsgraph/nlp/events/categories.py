"""Names for the CAMEO categories and PLOVER types the coder's logic turns on.

CAMEO's twenty root categories (the first two digits of a code) and the few codes the coder
treats apart. The code tables themselves are data (``data/cameo_plover.tsv``,
``data/cameo_verbs*.tsv``); these names are for the places where code decides by category.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final

__all__ = [
    "ACCUSE",
    "CLAIM_RESPONSIBILITY",
    "COOPERATION",
    "DENY",
    "DETENTION",
    "HOST_VISIT",
    "REQUEST",
    "VISIT",
    "CameoRoot",
]


class CameoRoot(IntEnum):
    """A CAMEO root category: ``cameo_root("0432") == CameoRoot.CONSULT``."""

    NONE = 0
    STATEMENT = 1  # make public statement: PLOVER codes no event
    APPEAL = 2
    INTEND = 3  # express intent to cooperate
    CONSULT = 4
    DIPLOMATIC_COOPERATION = 5
    MATERIAL_COOPERATION = 6
    PROVIDE_AID = 7
    YIELD = 8
    INVESTIGATE = 9
    DEMAND = 10
    DISAPPROVE = 11
    REJECT = 12
    THREATEN = 13
    PROTEST = 14  # the first of the conflictual actions (14-20)
    FORCE_POSTURE = 15
    REDUCE_RELATIONS = 16
    COERCE = 17
    ASSAULT = 18
    FIGHT = 19
    MASS_VIOLENCE = 20


#: Cooperative roots before a demand (INTEND ... YIELD): what is promised, refused or asked.
COOPERATION: Final = range(CameoRoot.INTEND, CameoRoot.YIELD + 1)

#: CAMEO 015, claim responsibility: PLOVER drops it (and the event claimed).
CLAIM_RESPONSIBILITY: Final = "015"
#: CAMEO 016, deny responsibility: no event, and the events denied are not reported.
DENY: Final = "016"
#: CAMEO 042, make a visit.
VISIT: Final = "042"
#: CAMEO 043, host a visit: PLOVER codes the visitor as actor, the host as recipient.
HOST_VISIT: Final = "043"
#: CAMEO arrest and detain (173), expel or deport (174): done by the state where it happens.
DETENTION: Final = ("173", "174")
#: CAMEO 112, accuse.
ACCUSE: Final = "112"

#: The PLOVER type of CAMEO's appeals (02x), which the crosswalk leaves open.
REQUEST: Final = "REQUEST"
