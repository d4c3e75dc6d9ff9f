"""Long documents are parsed in parts and annotated whole.

The model's components (tagger, parser, NER) need memory in proportion to the text they see at
once, and spaCy refuses texts over ``nlp.max_length``. A document longer than ``max_chars`` is cut
between paragraphs into parts of at most ``max_chars`` characters; each part goes through the
model's components, the parsed parts are joined into one ``Doc`` (the same text, character for
character), and newsgraph's components, which look across the whole document (who "the
president" is, which date "Tuesday" means, where a paragraph's claims come from), run on that.
Parts end at a line break, where a sentence ends anyway, so a part's sentences are the whole
document's. In a whole text the model also sees a few words across a paragraph break; at a cut
it does not, so a label next to a cut may differ (one cut per ``max_chars`` characters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MAX_PART_CHARS", "parse_in_parts", "split_text"]

#: The longest text the model's components see at once.
MAX_PART_CHARS = 100_000


def _cut(text: str, start: int, limit: int) -> int:
    """Where the part starting at ``start`` ends: after the last paragraph break before
    ``limit``, else the last line break, else the last space, else at ``limit``."""
    for mark in ("\n\n", "\n", " "):
        found = text.rfind(mark, start + 1, limit)
        if found > start:
            return found + len(mark)
    return limit


def split_text(text: str, max_chars: int = MAX_PART_CHARS) -> list[str]:
    """``text`` in consecutive parts of at most ``max_chars`` characters, cut between
    paragraphs where possible; ``"".join`` of the parts is ``text``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    parts: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def _model_steps(nlp: Language, own: frozenset[str]) -> int:
    """How many of the enabled components, from the first, work on each part: those before the
    first of ``own`` (newsgraph's document-wide components)."""
    names = nlp.pipe_names
    return next((i for i, name in enumerate(names) if name in own), len(names))


def parse_in_parts(
    nlp: Language,
    text: str,
    *,
    prepare: Callable[[Doc], Doc],
    own: frozenset[str],
    max_chars: int = MAX_PART_CHARS,
) -> Doc:
    """The processed ``Doc`` of ``text``: the components before the first of ``own`` run on
    each part, the rest on the joined parts. ``prepare`` gives a fresh Doc its context (the
    document's id, date and outlet)."""
    steps = _model_steps(nlp, own)
    head, tail = nlp.pipeline[:steps], nlp.pipeline[steps:]

    def parsed() -> Iterator[Doc]:
        for part in split_text(text, max_chars):
            doc = nlp.make_doc(part)  # the model's components need no document context
            for _, component in head:
                doc = component(doc)
            yield doc

    joined = prepare(Doc.from_docs(list(parsed()), ensure_whitespace=False))
    for _, component in tail:
        joined = component(joined)
    return joined
