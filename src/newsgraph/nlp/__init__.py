"""The NLP layer: spaCy components (registered as factories) and the pipeline that runs them.

By subsystem: :mod:`.text` (helpers below all), :mod:`.time`, :mod:`.actors`, :mod:`.events`
(the coder seam, :mod:`.events.coders`, and the rule coder), :mod:`.claims`, :mod:`.materiel`;
:mod:`.pipeline` loads them in order (``load_nlp``, :class:`Annotator`), :mod:`.parsing` parses
the sentences that need it.

:func:`assess` tells how sure the text is of the event a span names, how far along it is and
whether it happened; :func:`find_attributions` lists a Doc's reported statements.
"""

from __future__ import annotations

from .claims.attribution import find_attributions
from .claims.certainty import Assessment, assess
from .pipeline import COMPONENTS, DEFAULT_MODELS, Annotator, load_nlp, resolve_model_name

__all__ = [
    "COMPONENTS",
    "DEFAULT_MODELS",
    "Annotator",
    "Assessment",
    "assess",
    "find_attributions",
    "load_nlp",
    "resolve_model_name",
]
