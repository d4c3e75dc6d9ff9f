"""Text from documents made safe for a terminal.

News text is whatever a source wrote, and a terminal obeys escape sequences: a title change, a
clipboard write (OSC 52), a hidden link (OSC 8), a cleared screen. Every piece of document text
the CLI prints goes through :func:`escape` (or :func:`safe_text` for the annotated view), which
removes escape and control sequences (OSC, CSI, DCS and the other string sequences, in their
7-bit and 8-bit forms) and every other C0 and C1 control character except newline and tab, then
escapes Rich markup.
"""

from __future__ import annotations

import bisect
import itertools
import re

from rich.markup import escape as escape_markup

__all__ = ["escape", "plain", "safe_text"]

_SEQUENCE = re.compile(
    r"""
    (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?          # OSC ... BEL or ST
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS, SOS, PM, APC ... ST
    | (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?           # CSI
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                                  # any other escape
    | [\x00-\x08\x0b-\x1f\x7f-\x9f]                                 # C0 (not tab, newline), DEL, C1
    """,
    re.VERBOSE,
)


def plain(text: str) -> str:
    """``text`` without escape sequences and control characters (tab and newline kept)."""
    return _SEQUENCE.sub("", text)


def escape(text: str) -> str:
    """``text`` safe to print with Rich: :func:`plain`, with markup escaped."""
    return escape_markup(plain(text))


def safe_text(text: str) -> tuple[str, list[int]]:
    """:func:`plain` of ``text`` and, for each offset into ``text`` (0 to its length), the offset
    into the result, so that spans found on the document still mark the right characters."""
    cuts = [(m.start(), m.end()) for m in _SEQUENCE.finditer(text)]
    if not cuts:
        return text, list(range(len(text) + 1))
    ends = [end for _, end in cuts]
    removed = list(itertools.accumulate((end - start for start, end in cuts), initial=0))
    offsets = []
    for offset in range(len(text) + 1):
        index = bisect.bisect_right(ends, offset)  # cuts wholly before ``offset``
        shift = removed[index]
        if index < len(cuts) and cuts[index][0] < offset:  # inside a cut: at its start
            shift += offset - cuts[index][0]
        offsets.append(offset - shift)
    return plain(text), offsets
