"""Reported statements: who says (source), the words that say so (cue) and what is said
(content), as in textacy's ``direct_quotations`` but over the dependency parse and for indirect
speech too.

Cues:

- reporting verbs of ``reporting_verbs.tsv``: "X said that ...", "X told reporters ...",
  '"...," he said', '"...," said X', "The bigger risk, he said, is ...", "documents obtained by
  X show", "X's spokesman stated", "officials believe", "a group supporting X";
- "according to X";
- a headline "Name: what they said".

The source is the verb's subject (a pronoun too: "he said"), the agent of a passive, the noun a
participle hangs from ("a group supporting X"), the subject of the verb the cue depends on
("..., adding that"), or the speaker after the verb ('"...," added a senator'); an impersonal
passive ("it was reported that") has none. The content is the complement clause, the object,
the clause around a parenthetical cue, or the quotation next to the cue; a content inside a
quotation runs to the quotation's ends, across sentences. A cue inside a quotation ('"I think
...', '"McConnell said he would ..."') is part of what the quoted speaker says, not a report of
the text's own: it is left to the quotation's attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model import Attribution
from ...model import Span as TextSpan
from ..extensions import doc_text
from .cues import ReportingVerb, lemmas, reporting_verb, reporting_verbs, word_lemmas

__all__ = [
    "ACCORDING_TO",
    "AttributionTagger",
    "Cue",
    "cue_of",
    "find_attributions",
    "quotations",
    "source_tokens",
]

#: The cue of "according to X": a speech cue that reports.
ACCORDING_TO = ReportingVerb("according", "to", "speech", "reported", "")
#: "Name: words" in a headline.
HEADLINE_COLON = ReportingVerb(":", "", "speech", "reported", "")

_DOUBLE_CLOSING = frozenset({"”", '"', "''"})
_OPENING: dict[str, frozenset[str]] = {
    "“": _DOUBLE_CLOSING,
    '"': _DOUBLE_CLOSING,
    "''": _DOUBLE_CLOSING,
    "„": frozenset({"“", "”"}),
    "«": frozenset({"»"}),
}
#: Every character or pair the quotation scan reacts to ("''" before a lone character).
_MARKS = re.compile(
    "|".join(
        re.escape(m)
        for m in sorted(
            {"\n", *_OPENING, *(c for cs in _OPENING.values() for c in cs)}, key=len, reverse=True
        )
    )
)
_SUBJECTS = frozenset({"nsubj", "csubj"})
_CLAUSES = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})
_INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "ccomp"})
# Parts of a subject that are not the source's name: relative clauses, appositions after a
# comma, parentheses.
_SOURCE_CUT = frozenset({"relcl", "appos", "punct", "cc", "conj", "parataxis", "advcl", "acl"})
# Verbs whose object is the person told, not what is said.
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "warn", "caution", "ask"})
_OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "attr", "ccomp", "acomp"})
_MAX_HEADLINE_SOURCE = 6


@dataclass(frozen=True, slots=True)
class Cue:
    """A found attribution with its lexicon entry (what the claims layer needs beyond JSON)."""

    attribution: Attribution
    verb: ReportingVerb


class AttributionTagger:
    """Fill ``doc._.ng_attributions`` with :class:`~newsgraph.model.Attribution` records."""

    def __init__(self, nlp: Language, name: str = "newsgraph_attribution") -> None:
        self.name = name
        self.lexicon = reporting_verbs()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_attributions = [cue.attribution for cue in find_attributions(doc)]
        return doc


def find_attributions(doc: Doc) -> list[Cue]:
    """Every reported statement of a parsed ``doc``, in text order of the cues."""
    ranges = quotations(doc)
    lexicon = reporting_verbs()
    found: dict[int, Cue] = {}
    words = _cue_words(doc, lexicon)
    for sent in doc.sents:
        colon = _headline_cue(sent)
        if colon is not None:
            found[colon.attribution.cue.start] = colon
        for i in range(sent.start, sent.end):
            if not words[i]:
                continue
            token = doc[i]
            cue: Cue | None = None
            lower = token.lower_
            if lower == "according":
                cue = _according_cue(token)
            elif any(k in lexicon for k in lemmas(token)):
                if token.pos_ == "VERB":
                    cue = _verb_cue(token, ranges)
                elif token.pos_ in ("NOUN", "PROPN"):
                    cue = _misparsed_cue(sent, token, ranges)
            if cue is not None:
                found[cue.attribution.cue.start] = cue
    return [found[start] for start in sorted(found)]


def _cue_words(doc: Doc, lexicon: dict[str, tuple[ReportingVerb, ...]]) -> list[bool]:
    """Per token, whether it can be a cue: "according" or a reporting verb by one of its
    lemmas. Read from the Doc's arrays, a word form once per Doc."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    known: dict[tuple[int, int], bool] = {}
    flags = []
    for lower, lemma in doc.to_array([LOWER, LEMMA]).tolist():
        flag = known.get((lower, lemma))
        if flag is None:
            word = strings[lower]
            flag = word == "according" or any(
                k in lexicon for k in word_lemmas(word, strings[lemma])
            )
            known[(lower, lemma)] = flag
        flags.append(flag)
    return flags


def cue_of(doc: Doc, attribution: Attribution) -> ReportingVerb | None:
    """The lexicon entry of an attribution's cue (``ACCORDING_TO`` for "according to")."""
    span = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0]
    if first.lower_ == "according":
        return ACCORDING_TO
    if first.text == ":":
        return HEADLINE_COLON
    return reporting_verb(first) or _surface_verb(first)


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quotations in ``doc`` (quote marks included), in order.

    Guillemets pair with each other; the double quotes (“ ” " and ``''``) are one family
    because texts mix them ("I prefer Kasich,” he said): any of them closes an open quotation,
    except an opening “, which starts a new one. A quotation left open at a line's end closes
    there (news style reopens it in the next paragraph).
    """
    text = doc_text(doc)
    found: list[tuple[int, int]] = []
    start: int | None = None
    closing: frozenset[str] = frozenset()
    for match in _MARKS.finditer(text):
        index, mark = match.start(), match.group()
        if mark == "\n" and start is not None:
            found.append((start, index))
            start = None
        elif start is None and mark in _OPENING:
            start, closing = index, _OPENING[mark]
        elif start is not None and mark in closing:
            found.append((start, index + len(mark)))
            start = None
        elif start is not None and mark in _OPENING and closing is _DOUBLE_CLOSING:
            found.append((start, index))
            start, closing = index, _OPENING[mark]
    if start is not None:
        found.append((start, len(text)))
    return [(a, b) for a, b in found if b - a > 2]


def source_tokens(head: Token) -> list[Token]:
    """The words naming a source: the subject's phrase without relative clauses, appositions
    and what follows a comma."""
    keep: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _SOURCE_CUT)
    keep.sort(key=lambda t: t.i)
    # The phrase is contiguous around its head; a gap means a cut part ("Trump, who ..., said").
    run: list[Token] = []
    for token in keep:
        if run and token.i != run[-1].i + 1:
            if token.i > head.i:
                break
            run = []
        run.append(token)
    return run if head in run else [head]


def _text_span(doc: Doc, start: int, end: int) -> TextSpan:
    text = doc_text(doc)
    return TextSpan(start, end, text[start:end])


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _surface_verb(token: Token) -> ReportingVerb | None:
    lexicon = reporting_verbs()
    entries = next((lexicon[k] for k in lemmas(token) if k in lexicon), ())
    return next((e for e in entries if not e.particle), None)


def _quotation_at(ranges: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for a, b in ranges:
        if a <= start and end <= b:
            return a, b
    return None


def _quotation_before(
    token: Token, ranges: list[tuple[int, int]], *, max_words: int = 6
) -> tuple[int, int] | None:
    """A quotation ending just before ``token``, with at most ``max_words`` words (and no verb)
    between: '"...," he said', also across a sentence end."""
    doc = token.doc
    for a, b in reversed(ranges):
        if b > token.idx:
            continue
        between = [t for t in doc[max(0, token.i - 12) : token.i] if t.idx >= b]
        words = [t for t in between if not t.is_punct and not t.is_space]
        if len(between) == 12 or len(words) > max_words:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        return a, b
    return None


def _quotation_after(token: Token, ranges: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation after a colon just after the cue: 'he told reporters: "..."'."""
    doc = token.doc
    end = token.idx + len(token.text)
    for a, b in ranges:
        if a < end:
            continue
        between = [t for t in doc[token.i + 1 : token.i + 8] if t.idx < a]
        words = [t for t in between if not t.is_punct and not t.is_space]
        if len(between) < 7 and len(words) <= 3 and any(t.text == ":" for t in between):
            return a, b
        return None
    return None


def _adjacent_quotation(cue: Token, ranges: list[tuple[int, int]]) -> tuple[int, int] | None:
    return _quotation_before(cue, ranges) or _quotation_after(cue, ranges)


def _subject(verb: Token, ranges: list[tuple[int, int]]) -> Token | None:
    """The source word of a cue verb: its subject, a passive's agent, the noun a participle
    hangs from, the speaker after the verb, or the subject of the verb it depends on."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # "a super PAC supporting X"
    node = verb
    for _ in range(4):
        # Nearest first, and not from inside a quotation: the parser sometimes makes the
        # quotation's first noun a second subject ('"The fact that ...," Huckabee said').
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and c.lower_ != "there"]
        subjects.sort(
            key=lambda c: (_quotation_at(ranges, c.idx, c.idx + 1) is not None, abs(c.i - node.i))
        )
        if subjects:
            if subjects[0].lower_ == "it" and _impersonal(node):
                return None
            return subjects[0]
        for child in node.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if any(c.dep_ in ("nsubjpass", "csubjpass") for c in node.children):
            return None
        if node is verb:
            inverted = _inverted_speaker(verb, ranges)
            if inverted is not None:
                return inverted
        if node.dep_ not in _INHERITS_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def _inverted_speaker(verb: Token, ranges: list[tuple[int, int]]) -> Token | None:
    """'"...," added a South Carolina Democrat': the parser often reads the speaker after the
    verb as its object."""
    reported_before = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    if not reported_before and _quotation_before(verb, ranges, max_words=0) is None:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def _impersonal(verb: Token) -> bool:
    """ "It was reported that ...", "X is said to ...": a statement without a source."""
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_ in ("seem", "appear")


def _content(
    verb: Token, entry: ReportingVerb, ranges: list[tuple[int, int]], *, quoted: bool
) -> tuple[int, int] | None:
    """What a cue verb reports, as the cue's entry allows."""
    if entry.content == "quote":
        return None if quoted else _adjacent_quotation(verb, ranges)
    clause = next((c for c in verb.children if c.dep_ in _CLAUSES), None)
    if clause is not None:
        return _span_of(list(clause.subtree))
    if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.i > verb.head.i):
        # '"We will win," he said' and "The risk, they believe, is ...": the cue hangs from
        # the verb of what is said.
        inside = {t.i for t in verb.subtree}
        return _span_of([t for t in verb.head.subtree if t.i not in inside])
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if entry.content == "complement":
        complements = [c for c in verb.children if c.dep_ in _OBJECT_COMPLEMENTS]
        if objects and complements:
            return _span_of([*objects[0].subtree, *complements[0].subtree])
        return None
    if objects and entry.lemma not in _ADDRESSEE_VERBS and objects[0].pos_ != "PRON":
        return _span_of(list(objects[0].subtree))
    if not quoted:
        adjacent = _adjacent_quotation(verb, ranges)
        if adjacent is not None:
            return adjacent
    if entry.kind in ("speech", "directive"):
        # "X told delegates at the convention that ...", misparsed: the rest of the sentence.
        rest = [t for t in verb.sent if t.i > verb.i and t.dep_ != "punct"]
        if len(rest) >= 2:
            return _span_of(rest)
    return None


def _verb_cue(verb: Token, ranges: list[tuple[int, int]]) -> Cue | None:
    entry = reporting_verb(verb)
    if entry is None:
        return None
    if verb.dep_ in ("amod", "compound") or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return None  # "the reported attack", "documents obtained by": not a statement
    quoted = _quotation_at(ranges, verb.idx, verb.idx + len(verb.text)) is not None
    subject = _subject(verb, ranges)
    if quoted:
        return None
    content = _content(verb, entry, ranges, quoted=quoted)
    if content is None:
        return None
    inside = _quotation_at(ranges, *content)
    if inside is not None and not quoted:
        content = inside
    source = _span_of(source_tokens(subject)) if subject is not None else None
    if source is None and not _impersonal(verb):
        return None
    doc = verb.doc
    particle = next(
        (c for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ == entry.particle),
        None,
    )
    cue = [verb, particle] if particle is not None else [verb]
    cue_start = min(t.idx for t in cue)
    cue_end = max(t.idx + len(t.text) for t in cue)
    return Cue(
        Attribution(
            cue=_text_span(doc, cue_start, cue_end),
            content=_text_span(doc, *content),
            source=_text_span(doc, *source) if source else None,
        ),
        entry,
    )


def _clause_around(token: Token, last: Token) -> tuple[int, int] | None:
    """What a prepositional cue ("according to X", "in a poll") covers: the complement clause
    it sits in, else its sentence without the phrase itself (``token`` to ``last``)."""
    node = token.head
    while node.head.i != node.i and node.dep_ not in ("ccomp", "ROOT"):
        node = node.head
    if node.dep_ == "ccomp":
        return _span_of([t for t in node.subtree if not token.i <= t.i <= last.i])
    sent = token.sent
    left = _span_of([t for t in sent if t.i < token.i])
    right = _span_of([t for t in sent if t.i > last.i])
    if left is None or right is None:
        return left or right
    return left[0], right[1]


def _according_cue(token: Token) -> Cue | None:
    """ "according to X"."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = _span_of(source_tokens(pobj))
    content = _clause_around(token, max(pobj.subtree, key=lambda t: t.i))
    if source is None or content is None:
        return None
    return Cue(
        Attribution(
            cue=_text_span(doc, token.idx, to.idx + len(to.text)),
            content=_text_span(doc, *content),
            source=_text_span(doc, *source),
        ),
        ACCORDING_TO,
    )


def _headline_cue(sent: Span) -> Cue | None:
    """ "Roger Stone: Don't trust the machines", at the start of a line or after a dash: a name,
    a colon, then what they said."""
    doc = sent.doc
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None:
        return None
    start = sent.start
    dashes = [t for t in doc[sent.start : colon.i] if t.text in ("-", "—", "–")]
    if dashes:
        start = dashes[-1].i + 1
    elif sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
        return None
    speaker = [t for t in doc[start : colon.i] if not t.is_punct]
    rest = [t for t in doc[colon.i + 1 : sent.end] if not t.is_punct]
    if not speaker or len(speaker) > _MAX_HEADLINE_SOURCE or len(rest) < 3:
        return None
    if len(speaker) == 1 and len(speaker[0].text) < 3:  # "Q:" and "A:" of an interview
        return None
    if not all(t.pos_ in ("CCONJ", "PART") or t.ent_type_ or t.is_title for t in speaker):
        return None
    source = _span_of(speaker)
    content = _span_of(rest)
    if source is None or content is None:
        return None
    return Cue(
        Attribution(
            cue=_text_span(doc, colon.idx, colon.idx + 1),
            content=_text_span(doc, *content),
            source=_text_span(doc, *source),
        ),
        HEADLINE_COLON,
    )


def _misparsed_cue(sent: Span, token: Token, ranges: list[tuple[int, int]]) -> Cue | None:
    """'"...," — the US documents state.': after a quotation the parser may read the verb
    as a noun; the pattern (quotation, a short noun phrase, reporting word, end) is
    unambiguous."""
    entry = _surface_verb(token)
    if entry is None or entry.kind not in ("speech", "evidence"):
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and not following.is_punct:
        return None
    quotation = _quotation_before(token, ranges, max_words=5)
    if quotation is None:
        return None
    source = _span_of([t for t in sent if quotation[1] <= t.idx and t.i < token.i])
    if source is None:
        return None
    doc = token.doc
    return Cue(
        Attribution(
            cue=_text_span(doc, token.idx, token.idx + len(token.text)),
            content=_text_span(doc, *quotation),
            source=_text_span(doc, *source),
        ),
        entry,
    )
