"""Events: who did what to whom, coded by a pluggable coder.

- :mod:`.coders`: the seam. :class:`~.coders.EventCoder` (``code(doc) -> list[Event]``), the
  registry (:func:`~.coders.register`, :func:`~.coders.get`, entry-point group
  ``newsgraph_coders``); the setting ``coder`` names one.
- :mod:`.rules`: the rule coder (``"rules"``), over :mod:`.candidates` (triggers, frames,
  arguments of a sentence), :mod:`.matching` (verb patterns), :mod:`.arguments` (argument
  words) and :mod:`.lexicon` (the CAMEO dictionary and newsgraph's additions).
- :mod:`.records` and :mod:`.participants`: what every coder builds its events with (id, PLOVER
  type and mode from a CAMEO code via :mod:`.codes` and :mod:`.plover`; actors and recipients
  from argument words). :mod:`.categories` names the CAMEO categories the code turns on.
- :mod:`.timing`: the one owner of ``Event.time``.
- :mod:`.tagger`: the ``newsgraph_events`` component that runs the coder and times its events.
"""

from __future__ import annotations

from . import coders
from .coders import EventCoder

__all__ = ["EventCoder", "coders"]
