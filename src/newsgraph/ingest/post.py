"""The post format news channels publish (see docs/formats.md)::

    #Venezuela
    #Russia/USA
    WP: Venezuela turned to Putin for help amid US threats
    2025.10.31
    <body paragraphs>
    Photo: AFP
    a

Tag lines, an outlet prefix before the headline, a date line, the body, credit lines and stray
trailing junk. Every part is optional, blank lines between parts too, and the header parts may come
in any order. The trailing junk stays in ``raw_text`` but not in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import EmptyInputError
from ..model import Credit, Document, Outlet, normalise_text
from .dates import parse_date_line
from .documents import Parts, build_document
from .outlets import find_outlet

__all__ = ["looks_like_post", "parse_post", "parse_text"]

# "#Venezuela #Russia/USA" holds two tags; "#South China Sea" one. "# Title" (a space after the
# hash) is a Markdown heading, not a tag.
_TAG_LINE = re.compile(r"^\s*#[^\s#][^#]*(?:#[^\s#][^#]*)*$")
_PREFIX = re.compile(r"^\s*(?P<prefix>[^:]{1,40}?)\s*:\s+(?P<rest>\S.*)$")
# A credit names someone in a few words; "Source: officials said the talks..." is a sentence.
_CREDIT = re.compile(
    r"^\s*(?P<kind>photo|photos|video|source|image|illustration|фото|видео|источник|foto|fuente)"
    r"\s*:\s*(?P<name>[^\s.!?]+(?:\s+[^\s.!?]+){0,5}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…»\"”']\s*$")
_CREDIT_KINDS = {
    "photos": "photo",
    "image": "photo",
    "illustration": "photo",
    "фото": "photo",
    "foto": "photo",
    "видео": "video",
    "источник": "source",
    "fuente": "source",
}
# A headline without an outlet prefix or a neighbouring date line must look like one.
_HEADLINE_MAX_CHARS = 200
# Stray trailing characters: one character, or nothing that is a letter or digit ("US" is not).
_JUNK_MAX_CHARS = 1


@dataclass
class _Parts:
    tags: list[str] = field(default_factory=list)
    headline: str | None = None
    outlet: Outlet | None = None
    published: date | None = None
    credits: list[Credit] = field(default_factory=list)
    body: str = ""


def _is_junk(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _JUNK_MAX_CHARS or not any(ch.isalnum() for ch in stripped)


def _split_outlet(line: str) -> tuple[Outlet, str] | None:
    match = _PREFIX.match(line)
    if not match:
        return None
    outlet = find_outlet(match["prefix"])
    if outlet is None:
        return None
    written = match["prefix"].strip()
    return Outlet(outlet.name, written, outlet.country), match["rest"].strip()


def _looks_like_headline(line: str, *, has_more: bool) -> bool:
    stripped = line.strip()
    return (
        has_more
        and len(stripped) <= _HEADLINE_MAX_CHARS
        and not _SENTENCE_END.search(stripped)
        and not _is_junk(stripped)
    )


def _parse(text: str, *, detect_header: bool) -> _Parts:
    parts = _Parts()
    lines = text.split("\n")
    first, last = 0, len(lines)

    # Footer: from the end, blank lines, credits and junk, in any mix.
    while last > first:
        line = lines[last - 1]
        credit = _CREDIT.match(line)
        if credit:
            kind = credit["kind"].lower()
            parts.credits.insert(0, Credit(_CREDIT_KINDS.get(kind, kind), credit["name"]))
        elif line.strip() and not _is_junk(line):
            break
        last -= 1

    # Header: tags, one headline (with an optional outlet prefix), one date line; any order.
    saw_marker = False
    while detect_header and first < last:
        line = lines[first]
        if not line.strip():
            first += 1
            continue
        if _TAG_LINE.match(line):
            parts.tags.extend(t.strip() for t in line.split("#") if t.strip())
            saw_marker = True
            first += 1
            continue
        if parts.published is None:
            day = parse_date_line(line)
            if day is not None:
                parts.published = day
                saw_marker = True
                first += 1
                continue
        if parts.headline is None:
            rest = lines[first + 1 : last]
            has_more = any(r.strip() for r in rest)
            prefixed = _split_outlet(line)
            if prefixed is not None:
                parts.outlet, parts.headline = prefixed
                first += 1
                continue
            following = next((r for r in rest if r.strip()), "")
            next_is_date = parts.published is None and parse_date_line(following) is not None
            # A line right above the date line is the headline, whatever it ends with.
            if (next_is_date and len(line.strip()) <= _HEADLINE_MAX_CHARS) or (
                _looks_like_headline(line, has_more=has_more)
                and (saw_marker or _blank_follows(lines, first))
            ):
                parts.headline = line.strip()
                first += 1
                continue
        break

    parts.body = "\n".join(lines[first:last]).strip("\n")
    return parts


def _blank_follows(lines: list[str], index: int) -> bool:
    """A title line is one followed by a blank line (a paragraph break), as in most plain files."""
    return index + 1 < len(lines) and not lines[index + 1].strip()


def looks_like_post(text: str) -> bool:
    """True when the first lines carry a post header: tags, an outlet prefix or a date line."""
    head = [line for line in normalise_text(text).split("\n")[:8] if line.strip()][:4]
    return any(
        _TAG_LINE.match(line) or parse_date_line(line) or _split_outlet(line) for line in head
    )


def _document(parts: _Parts, *, raw_text: str, origin: str, source_kind: str) -> Document:
    if not parts.body and not parts.headline:
        raise EmptyInputError(
            f"{origin}: no headline or body text (only tags, dates or credits)", origin=origin
        )
    found = Parts(
        body=parts.body,
        raw_text=raw_text,
        source_kind=source_kind,
        headline=parts.headline,
        outlet=parts.outlet,
        tags=tuple(dict.fromkeys(parts.tags)),
        published=parts.published,
        credits=tuple(parts.credits),
    )
    return build_document(found, origin=origin)


def parse_post(raw_text: str, *, origin: str = "<string>") -> Document:
    """Read one post. Raises :class:`EmptyInputError` when it has no headline or body."""
    parts = _parse(normalise_text(raw_text), detect_header=True)
    return _document(parts, raw_text=raw_text, origin=origin, source_kind="post")


def parse_text(raw_text: str, *, origin: str = "<string>") -> Document:
    """Read plain text: the whole text is the body; trailing credits and junk are set apart."""
    parts = _parse(normalise_text(raw_text), detect_header=False)
    return _document(parts, raw_text=raw_text, origin=origin, source_kind="text")
