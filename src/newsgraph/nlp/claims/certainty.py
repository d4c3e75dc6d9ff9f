"""How sure the text is of an event, how far along the event is, and whether it happened.

:func:`assess` reads any span of a parsed Doc (an event's trigger, or any words a user points
at) in its sentence: the tense, aspect and modal verbs of its clause, the verbs, adjectives and
nouns that govern it ("asked Russia to *supply*", "a contract to *supply*", "*planning* a
visit"), hedges ("possibly", "alleged", "believed to be", "it is unclear how") and negation
("not", "never", "no", "without", "refused to"). The cues are data: ``modality.tsv`` and
``reporting_verbs.tsv``.

The walk starts at the span's head word and climbs the dependency tree: the first clause with a
tense, an aspect or a modal decides the status, unless a governing word decides it first;
hedges found on the way all count and the weakest commitment wins; negation is local (the word
itself, or a governor such as "refused to"). Relative clauses, appositions and finite adverbial
clauses stop the climb: they are other claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...model import Span as TextSpan
from .cues import (
    ModalityCue,
    lemmas,
    modality_cues,
    reporting_verb,
    source_kinds,
    weakest,
)

__all__ = ["FUTURE_STATUSES", "Assessment", "assess", "assess_token"]

#: Statuses of events that have not happened (yet): MEANTIME's FUTURE.
FUTURE_STATUSES = frozenset(
    {"requested", "offered", "promised", "planned", "hypothetical", "refused"}
)

_STOP = frozenset({"relcl", "appos", "parataxis", "ROOT", "meta", "dep", "list", "punct"})
_OBJECT = frozenset({"dobj", "nsubjpass", "obj", "dative", "iobj"})
_SUBJECT = frozenset({"nsubj", "csubj", "expl"})
_CLAUSE = frozenset({"xcomp", "ccomp", "csubjpass"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NON_FINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
_COPULAS = frozenset({"be", "remain", "seem", "become", "appear", "look"})
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "lest"})
_QUESTION_MARKS = frozenset({"whether"})
# Governors that only act through "be to" and "going to".
_TO_ONLY = frozenset({"be", "go", "have"})
# Light verbs whose negation is the negation of their object ("did not carry out the attack").
_LIGHT_VERBS = frozenset({"carry", "conduct", "launch", "make", "hold", "stage", "mount", "take"})


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the text says about one event.

    ``certainty`` is one of ``model.EVENT_CERTAINTIES``, ``status`` one of
    ``model.EVENT_STATUSES``; ``cues`` are the words that decided them, in text order.
    """

    certainty: str
    status: str
    negated: bool
    cues: tuple[TextSpan, ...] = ()

    @property
    def future(self) -> bool:
        """The event has not happened (yet): requested, promised, planned, hypothetical or
        refused."""
        return self.status in FUTURE_STATUSES


@dataclass(slots=True)
class _Findings:
    certainties: list[str] = field(default_factory=list)
    status: str | None = None
    # A status said by a governing verb of saying ("promised that", "denied that") overrides
    # the tense of the clause it introduces.
    said_status: str | None = None
    negated: bool = False
    cues: dict[int, Token] = field(default_factory=dict)

    def cue(self, token: Token) -> None:
        self.cues.setdefault(token.i, token)

    def apply(self, cue: ModalityCue, token: Token, *, status: bool = True) -> None:
        if cue.certainty:
            self.certainties.append(cue.certainty)
        if status and self.status is None and cue.status:
            self.status = cue.status
        if cue.negates:
            self.negated = True
        self.cue(token)


def assess(span: Span) -> Assessment:
    """Certainty, status and negation of the event named by ``span`` (its syntactic head).

    The span's sentence must be parsed: the default pipeline parses only the sentences that can
    hold an event or a statement; ``Annotator(parse="full")`` parses every one.
    """
    if span.root.dep_ == "":
        raise ValueError(
            f"the sentence of {span.text!r} was not parsed: assess spans of a document "
            'processed with Annotator(parse="full") or load_nlp(parse="full")'
        )
    return assess_token(span.root)


def assess_token(token: Token) -> Assessment:
    """Certainty, status and negation of the event whose head word is ``token``."""
    findings = _Findings()
    _hedges(token, findings, negation=True)
    node = token
    while True:
        if findings.status is None:
            findings.status = _clause_status(node, findings)
        head = node.head
        relation = node.dep_
        if head.i == node.i or relation in _STOP or _finite_adverbial(node):
            break
        if relation == "conj":
            head = _conjunct_head(node)
        _governed(node, head, findings)
        _hedges(head, findings, negation=_negation_carries(node, head))
        node = head
    _expletive_scope(token, findings)
    status = findings.said_status or findings.status or _default_status(token)
    cues = tuple(
        TextSpan(t.idx, t.idx + len(t.text), t.text) for _, t in sorted(findings.cues.items())
    )
    return Assessment(
        certainty=weakest(findings.certainties),
        status=status,
        negated=findings.negated,
        cues=cues,
    )


def _lookup(word: str, *roles: str) -> ModalityCue | None:
    table = modality_cues()
    for role in roles:
        cue = table.get((word, role))
        if cue is not None:
            return cue
    return None


def _lookup_token(token: Token, *roles: str) -> ModalityCue | None:
    for word in lemmas(token):
        cue = _lookup(word, *roles)
        if cue is not None:
            return cue
    return None


def _hedges(token: Token, findings: _Findings, *, negation: bool) -> None:
    """Hedges and negation written on ``token`` itself: adverbs, adjectives, determiners."""
    for child in token.children:
        dep = child.dep_
        if dep == "neg" or (dep == "det" and child.lower_ == "no"):
            if negation:
                findings.negated = True
                findings.cue(child)
        elif dep in ("advmod", "amod", "det", "npadvmod"):
            cue = _lookup(child.lower_, "hedge") or _lookup(child.lemma_.lower(), "hedge")
            if cue is not None and (negation or not cue.negates):
                findings.apply(cue, child, status=token.pos_ in ("NOUN", "PROPN"))
        elif dep == "prep" and child.lower_ == "according":
            findings.certainties.append("reported")
            findings.cue(child)
        elif dep == "parataxis" and child.pos_ == "VERB":
            verb = reporting_verb(child)
            if verb is not None:
                findings.certainties.append(verb.certainty)
                findings.cue(child)


def _negation_carries(node: Token, head: Token) -> bool:
    """Whether negation on ``head`` negates ``node`` too: a conjunct sharing its clause, or the
    object of a light verb."""
    if node.dep_ == "conj":
        # "did not attack and kill": the conjunct shares the negated auxiliary; "was not
        # reported and became ..." has a tense of its own.
        return not _finite(node) and not any(
            c.dep_ in ("neg", "aux", "auxpass") for c in node.children
        )
    return node.dep_ in _OBJECT and head.lemma_.lower() in _LIGHT_VERBS


def _conjunct_head(token: Token) -> Token:
    """The word ``token`` is coordinated with. Verbs coordinate with verbs of the same form: in
    "is reaching out ... to strengthen ... and requesting" the parser hangs "requesting" on
    "strengthen", but it continues "reaching"."""
    head = token.head
    if token.pos_ != "VERB" or token.tag_ not in ("VBG", "VBN") or head.tag_ == token.tag_:
        return head
    node = head
    while node.head.i != node.i and node.dep_ not in _STOP:
        node = node.head
        if node.pos_ == "VERB" and node.tag_ == token.tag_:
            return node
    return head


def _auxiliaries(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def _finite(token: Token) -> bool:
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(a.tag_ in _FINITE_TAGS for a in _auxiliaries(token))


def _is_infinitive(token: Token) -> bool:
    return any(a.dep_ == "aux" and a.tag_ == "TO" for a in token.children)


def _finite_adverbial(token: Token) -> bool:
    """An adverbial clause with a tense of its own ("..., as it distracts ...") is another
    claim; a participle or an infinitive ("..., planning a visit") belongs to its head."""
    return token.dep_ == "advcl" and _finite(token)


def _clause_status(token: Token, findings: _Findings) -> str | None:
    """The status the clause headed by ``token`` has by tense, aspect and modality, or None
    when it has none of its own (an infinitive, a participle, a noun)."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if marks & _HYPOTHETICAL_MARKS and token.dep_ != "ccomp":
        findings.cue(next(c for c in token.children if c.lower_ in _HYPOTHETICAL_MARKS))
        return "hypothetical"
    if marks & _QUESTION_MARKS or (marks & _HYPOTHETICAL_MARKS and token.dep_ == "ccomp"):
        findings.certainties.append("uncertain")  # "whether it arrived", "asked if it had"
    auxiliaries = _auxiliaries(token)
    lemmas = [a.lemma_.lower() for a in auxiliaries]
    modal = next((a for a in auxiliaries if a.tag_ == "MD"), None)
    perfect = "have" in lemmas and token.tag_ == "VBN"
    if modal is not None:
        return _modal_status(token, modal, perfect=perfect, findings=findings)
    if _is_infinitive(token):
        return None
    if token.tag_ == "VBG" and "be" in lemmas:
        return "under_way"
    passive = [a for a in auxiliaries if a.dep_ == "auxpass"]
    if passive and passive[0].tag_ == "VBG":
        return "under_way"
    if perfect or _finite(token):
        return "done"
    if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
        return "done"
    return None


def _modal_status(token: Token, modal: Token, *, perfect: bool, findings: _Findings) -> str:
    word = modal.lower_
    cue = _lookup(word, "modal") or _lookup(modal.lemma_.lower(), "modal")
    findings.cue(modal)
    if cue is None:
        return "hypothetical"
    if word in ("would", "'d") and _reported_speech(token):
        # Future in the past: "said it would deliver" is a plan, not a hypothesis.
        return "planned"
    if cue.certainty:
        findings.certainties.append(cue.certainty)
    if perfect and cue.status == "hypothetical" and word in ("may", "might", "could"):
        return "done"  # "may have delivered": possibly done
    return cue.status or "hypothetical"


def _reported_speech(token: Token) -> bool:
    """``token`` heads (or is conjoined to) a clause whose "would" is a future seen from the
    past: the complement of a verb of saying ("said it would"), a "that" clause ("the
    announcement that it would"), or a clause under a verb in the past tense ("agreed on a
    plan, which would ...")."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and reporting_verb(node.head) is not None:
        return True
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return True
    if node.dep_ in ("ROOT", "advcl") or node.head.i == node.i:
        return False
    ancestor = node.head
    while ancestor.head.i != ancestor.i and ancestor.pos_ not in ("VERB", "AUX"):
        ancestor = ancestor.head
    return ancestor.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _auxiliaries(ancestor))


def _governed(node: Token, head: Token, findings: _Findings) -> None:
    """What ``head`` says about ``node`` (and so about the event below it) by governing it."""
    relation = node.dep_
    lemma = head.lemma_.lower()
    if relation == "prep":
        _governed_by_preposition(node, head, findings)
        return
    clausal = relation in _CLAUSE or (relation == "acl" and _is_infinitive(node))
    cue: ModalityCue | None = None
    if clausal:
        if lemma in _TO_ONLY and not (
            _is_infinitive(node) and (lemma != "go" or head.tag_ == "VBG")
        ):
            cue = None
        else:
            cue = _lookup_token(head, "governor", "infinitive", "subject")
        if lemma == "clear" and any(c.dep_ == "neg" for c in head.children):
            cue = _lookup("unclear", "infinitive")
    elif relation in _OBJECT:
        cue = _lookup_token(head, "governor", "subject")
    elif relation in _SUBJECT:
        cue = _lookup_token(head, "subject")
    verb = reporting_verb(head) if head.pos_ in ("VERB", "AUX") else None
    if relation in _OBJECT and source_kinds().get(node.lemma_.lower()) == "document":
        verb = None  # "wrote a letter requesting ...": the letter is an act, not a report
    question = clausal and _question(node)
    open_status = findings.status is None and not question
    if cue is not None:
        status = cue.status
        if (
            status == "planned"
            and clausal
            and verb is not None
            and verb.kind == "attitude"
            and (any(c.dep_ in _OBJECT for c in head.children) or _own_subject(node))
        ):
            status = "requested"  # "wants Russia to supply": a wish for someone else to act
        findings.apply(
            ModalityCue(cue.word, cue.role, cue.certainty, status, cue.negates),
            head,
            status=open_status and (clausal or relation in _OBJECT | _SUBJECT),
        )
    if verb is not None and (clausal or relation in _OBJECT):
        # "reported an attack" reports it; "saw a collapse" does not hedge it.
        reports = verb.in_chain and (clausal or verb.kind in ("speech", "evidence"))
        if reports and (cue is None or not cue.certainty):
            findings.certainties.append(verb.certainty)
        if question:
            # "asked whether Russia would help": a question, not a request.
            findings.certainties.append("uncertain")
        elif verb.status and relation == "ccomp":
            findings.said_status = findings.said_status or verb.status
            findings.negated = findings.negated or verb.status == "denied"
        findings.cue(head)
    if (
        findings.status is None
        and relation in ("xcomp", "ccomp", "advcl", "acl")
        and _is_infinitive(node)
        and cue is None
        and verb is None
    ):
        # An infinitive no listed word governs is an aim: "deployed troops to protect".
        findings.status = "planned"


def _question(node: Token) -> bool:
    """An embedded question: "whether ...", "if ...", "how ...", "what ..."."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        or (c.tag_ in ("WRB", "WP", "WDT") and c.i < node.i)
        for c in node.children
    )


def _governed_by_preposition(preposition: Token, head: Token, findings: _Findings) -> None:
    """ "called for talks", "a request for help", "without consulting"."""
    word = preposition.lower_
    if word == "without":
        findings.negated = True
        findings.cue(preposition)
        return
    lemma = head.lemma_.lower()
    cue = _lookup(f"{lemma} {word}", "governor")
    if cue is None and word == "for":
        cue = _lookup_token(head, "governor", "subject")
    if cue is not None:
        findings.apply(cue, head, status=findings.status is None)


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _expletive_scope(token: Token, findings: _Findings) -> None:
    """ "It is unclear how Russia responded": the parser often attaches the clause elsewhere,
    so a hedging adjective predicated of an expletive "it" covers the rest of its sentence."""
    sent = token.sent
    for word in sent:
        if word.i >= token.i:
            break
        if word.pos_ != "ADJ" or word.head.lemma_.lower() not in _COPULAS:
            continue
        if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in word.head.children):
            continue
        negated = any(c.dep_ == "neg" for c in (*word.children, *word.head.children))
        lemma = "unclear" if word.lemma_.lower() == "clear" and negated else word.lemma_.lower()
        cue = _lookup(lemma, "infinitive", "governor")
        if cue is not None and cue.certainty:
            findings.certainties.append(cue.certainty)
            findings.cue(word)


def _default_status(token: Token) -> str:
    """Nothing in the clause says otherwise: a bare infinitive is an aim, anything else is
    taken as done (headline nouns, "the delivery of drones")."""
    if token.tag_ == "VB" and not _finite(token):
        return "planned"
    return "done"
