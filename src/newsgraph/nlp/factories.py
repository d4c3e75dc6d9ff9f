"""spaCy factories for newsgraph's components, so any pipeline can add them by name::

    import newsgraph.nlp  # registers the factories
    nlp.add_pipe("newsgraph_paragraphs", first=True)
    nlp.add_pipe("newsgraph_materiel", after="ner")
    nlp.add_pipe("newsgraph_parser")  # parses candidate sentences when "parser" is disabled
    nlp.add_pipe("newsgraph_times")
    nlp.add_pipe("newsgraph_actors")  # config={"actors_file": "my_actors.csv"} to extend the KB
    nlp.add_pipe("newsgraph_events")  # config={"coder": "model"}: the event coder by name
    nlp.add_pipe("newsgraph_attribution")
    nlp.add_pipe("newsgraph_claims")
    nlp.add_pipe("newsgraph_materiel_links")

``load_nlp`` also puts ``newsgraph_attribute_rules`` and ``newsgraph_lemmas`` in place of the
model's ``attribute_ruler`` and ``lemmatizer`` (left in the pipeline, disabled): the same
attributes and lemmas from the same rules and tables, found faster.

Requires/assigns are declared so ``nlp.analyze_pipes()`` can check the order.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..config import DEFAULT_CODER
from .actors.tagger import ActorTagger
from .claims.attribution import AttributionTagger
from .claims.tagger import ClaimsTagger
from .events.tagger import EventTagger
from .extensions import register_extensions
from .materiel.links import MaterielLinker
from .materiel.tagger import MaterielTagger
from .parsing import SelectiveParser
from .text.attribute_rules import AttributeRules, compile_rules
from .text.lemmas import Lemmas, fast_lemmas
from .text.paragraphs import mark_line_breaks
from .time.tagger import TimeTagger

__all__ = [
    "make_actors",
    "make_attribute_rules",
    "make_attribution",
    "make_claims",
    "make_events",
    "make_lemmas",
    "make_materiel",
    "make_materiel_links",
    "make_parser",
    "make_times",
    "paragraphs",
]

register_extensions()


@Language.component(
    "newsgraph_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    return mark_line_breaks(doc)


@Language.factory(
    "newsgraph_attribute_rules",
    default_config={"source": "attribute_ruler"},
    requires=["token.tag"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_rules(nlp: Language, name: str, source: str) -> AttributeRules:
    """The rules of the pipeline's ``source`` attribute ruler, applied faster."""
    rules = compile_rules(nlp.get_pipe(source))
    if rules is None:
        raise ValueError(f"the attribute ruler {source!r} has patterns newsgraph cannot apply")
    return rules


@Language.factory(
    "newsgraph_lemmas",
    default_config={"source": "lemmatizer"},
    requires=["token.pos", "token.morph"],
    assigns=["token.lemma"],
)
def make_lemmas(nlp: Language, name: str, source: str) -> Lemmas:
    """The lemmas of the pipeline's ``source`` rule lemmatizer, looked up faster."""
    lemmas = fast_lemmas(nlp.get_pipe(source))
    if lemmas is None:
        raise ValueError(f"the lemmatizer {source!r} is not a rule lemmatizer newsgraph can serve")
    return lemmas


@Language.factory(
    "newsgraph_materiel",
    requires=["token.text"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "doc._.ng_materiel"],
)
def make_materiel(nlp: Language, name: str) -> MaterielTagger:
    return MaterielTagger(nlp, name)


@Language.factory(
    "newsgraph_parser",
    requires=["doc.sents", "token.pos", "token.lemma", "doc.ents"],
    assigns=["token.dep", "token.head"],
)
def make_parser(nlp: Language, name: str) -> SelectiveParser:
    return SelectiveParser(nlp, name)


@Language.factory(
    "newsgraph_times",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.ng_times"],
)
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(nlp, name)


@Language.factory(
    "newsgraph_actors",
    default_config={"actors_file": ""},
    requires=["doc.ents", "token.dep", "token.pos", "doc._.ng_published"],
    assigns=["doc._.ng_actors"],
)
def make_actors(nlp: Language, name: str, actors_file: str) -> ActorTagger:
    return ActorTagger(nlp, name, actors_file=actors_file)


@Language.factory(
    "newsgraph_events",
    default_config={"coder": DEFAULT_CODER, "min_confidence": -1.0},
    requires=[
        "doc.sents",
        "token.dep",
        "token.lemma",
        "token.pos",
        "doc._.ng_times",
        "doc._.ng_actors",
    ],
    assigns=["doc._.ng_events"],
)
def make_events(nlp: Language, name: str, coder: str, min_confidence: float) -> EventTagger:
    """Events by the coder registered as ``coder`` (:mod:`newsgraph.nlp.events.coders`), those
    below ``min_confidence`` left out (negative: the coder's default)."""
    return EventTagger(nlp, name, coder=coder, min_confidence=min_confidence)


@Language.factory(
    "newsgraph_attribution",
    requires=["doc.sents", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.ng_attributions"],
)
def make_attribution(nlp: Language, name: str) -> AttributionTagger:
    return AttributionTagger(nlp, name)


@Language.factory(
    "newsgraph_claims",
    requires=["doc._.ng_events", "doc._.ng_attributions", "token.dep"],
    assigns=["doc._.ng_events"],
    default_config={"status": "model"},
)
def make_claims(nlp: Language, name: str, status: str) -> ClaimsTagger:
    """Attribution chains, certainty and negation; the status by the trained model
    (``"model"``) or the rules of :mod:`newsgraph.nlp.claims.certainty` (``"rules"``)."""
    return ClaimsTagger(nlp, name, status=status)


@Language.factory(
    "newsgraph_materiel_links",
    requires=["doc._.ng_events", "doc._.ng_materiel", "doc._.ng_times", "token.dep"],
    assigns=["doc._.ng_events"],
)
def make_materiel_links(nlp: Language, name: str) -> MaterielLinker:
    return MaterielLinker(nlp, name)
