"""spaCy factories for newsgraph's components, so any pipeline can add them by name::

    import newsgraph.nlp  # registers the factories
    nlp.add_pipe("newsgraph_materiel", after="ner")
    nlp.add_pipe("newsgraph_times")
    nlp.add_pipe("newsgraph_events")

Requires/assigns are declared so ``nlp.analyze_pipes()`` can check the order.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

from .events import EventTagger
from .extensions import register_extensions
from .materiel import materiel_patterns
from .times import TimeTagger

__all__ = ["make_events", "make_materiel", "make_times"]

register_extensions()


@Language.factory(
    "newsgraph_materiel",
    default_config={"overwrite_ents": True},
    requires=["token.text"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_materiel(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents)
    ruler.add_patterns(materiel_patterns())
    return ruler


@Language.factory(
    "newsgraph_times",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.ng_times"],
)
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(nlp, name)


@Language.factory(
    "newsgraph_events",
    requires=["doc.sents", "token.dep", "token.lemma", "token.pos", "doc._.ng_times"],
    assigns=["doc._.ng_events"],
)
def make_events(nlp: Language, name: str) -> EventTagger:
    return EventTagger(nlp, name)
