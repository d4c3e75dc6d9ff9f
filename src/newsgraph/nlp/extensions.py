"""The custom attributes newsgraph keeps on a spaCy ``Doc`` (all under ``doc._.ng_*``).

Set before the pipeline runs: ``ng_doc_id``, ``ng_published`` and ``ng_outlet`` (the
document's :class:`~newsgraph.model.Outlet`, where the attribution chains start). Filled by
the components: ``ng_times`` (time expressions), ``ng_actors`` (resolved actor mentions),
``ng_attributions`` (reported statements), ``ng_events``, ``ng_materiel`` (materiel mentions
with category, item and designation).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..model import Outlet

__all__ = ["doc_text", "prepare_doc", "register_extensions"]

_DOC_EXTENSIONS: dict[str, object] = {
    "ng_doc_id": "",
    "ng_published": None,
    "ng_outlet": None,
    "ng_times": None,
    "ng_actors": None,
    "ng_attributions": None,
    "ng_events": None,
    "ng_materiel": None,
}


def register_extensions() -> None:
    """Register the ``doc._.ng_*`` attributes once per process (idempotent)."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def prepare_doc(
    doc: Doc, *, doc_id: str, published: date | None, outlet: Outlet | None = None
) -> Doc:
    """Give a fresh Doc the context the components need; lists are fresh per Doc."""
    register_extensions()
    doc._.ng_doc_id = doc_id
    doc._.ng_published = published
    doc._.ng_outlet = outlet
    doc._.ng_times = []
    doc._.ng_actors = []
    doc._.ng_attributions = []
    doc._.ng_events = []
    doc._.ng_materiel = []
    return doc


register_extensions()


_TEXT_KEY = "newsgraph_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens on every access, which costs the
    length of the document each time. The text of a Doc never changes (merging tokens keeps
    it), so it is kept in ``doc.user_data``."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text
