"""Line breaks end sentences: a headline, a dateline or a paragraph never runs into the next.

spaCy's parser decides sentence boundaries itself and happily joins a headline without a full
stop to the first paragraph; preset boundaries are respected by the parser, so this component
runs first and marks the token after every line break as a sentence start.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["mark_line_breaks"]


def mark_line_breaks(doc: Doc) -> Doc:
    previous_break = False
    for token in doc:
        if previous_break and not token.is_space:
            token.is_sent_start = True
        if "\n" in token.text_with_ws:
            previous_break = True
        elif not token.is_space:
            previous_break = False
    return doc
