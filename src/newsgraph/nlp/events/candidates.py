"""The rule coder's candidates: triggers, codes, frames and arguments of one parsed sentence.

Per parsed sentence (see :mod:`newsgraph.nlp.parsing`; sentences left unparsed hold no trigger
candidate):

1. Triggers. A verb is coded by its argument patterns or its own code (:mod:`.matching`: the
   CAMEO verb dictionary plus newsgraph's additions); a noun by ``event_nouns.tsv`` unless a
   verb pattern already used it ("imposed *sanctions*"); a noun that is a verb's object ranks
   with the verb ("launched an *attack*"). Participles used as adjectives ("the *recognised*
   government") and "according to" are no triggers.
2. Future tense. A cooperative event under ``will``/``would``/``shall`` is an intent (AGREE:
   "will visit" is 036), a conflictual one a threat ("will shell" is 138) unless it is
   announced or decided ("announced it would prohibit aid" stays a sanction); "will not meet"
   is a rejection.
3. Frames (``event_frames.tsv``), innermost first. A governing word and the event below it make
   one event: "asked Russia to supply missiles" is a request for aid by the asker to Russia,
   and the supply, which did not happen, is not reported apart. "Is considering sending aid"
   reports no event; "claimed that they had attacked" is a claim of responsibility (CAMEO 015),
   which PLOVER drops, as the CAMEO dictionary's own transformation says. Reporting verbs
   ("said that ...") keep the reported event and lend it its actor when the report names the
   actor only by a pronoun; "X said Y must ..." is X's demand on Y. "Accused X of attacking"
   keeps both, the accusation first. A denial ("rejected accusations that ...", CAMEO 016) is
   no event and the events it denies are not reported.
4. Arguments (:mod:`.arguments`). An event with no word
   that can name an actor on either side is dropped: PLOVER codes no actorless events
   ("shells crashed into the port").
5. Confidence: main-clause verbs with an actor rank above events in relative or adverbial
   clauses, nominal triggers and negated events. The eval's "top event" is the highest.

Negation ("did not attack") is recorded on the candidate, not dropped. :mod:`.rules` turns
candidates into records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .arguments import is_actorlike, noun_arguments, subjects, verb_recipients, with_conjuncts
from .categories import (
    ACCUSE,
    CLAIM_RESPONSIBILITY,
    COOPERATION,
    DENY,
    DETENTION,
    VISIT,
    CameoRoot,
)
from .codes import cameo_root, combine
from .lexicon import STATEMENT_KINDS, Frame, Lexicon, lexicon
from .matching import code_verb, particle_of

__all__ = ["Candidate", "CandidateFinder"]

_FUTURE = frozenset({"will", "shall", "would", "'ll", "wo"})
_OBLIGATION = frozenset({"must", "should"})
_OBJECT_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards"})
_MODAL = frozenset({"should", "could", "may", "might", "must"})
# Reporting verbs under which "Y must ..." is a demand ("believes Y should" is an opinion).
_SAYING = frozenset({"say", "tell", "state", "declare", "insist", "announce", "stress"})
_EMBEDDED = frozenset({"xcomp", "ccomp"})
# Relations that put a trigger in the background of its sentence.
_DEMOTING = frozenset(
    {"relcl", "advcl", "acl", "pcomp", "pobj", "amod", "appos", "csubj", "npadvmod", "compound"}
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "that"})
# Cooperative roots whose objects are things rather than recipients (aid, requests, promises).
_THING_OBJECT_ROOTS = frozenset(
    {
        CameoRoot.APPEAL,
        CameoRoot.INTEND,
        CameoRoot.MATERIAL_COOPERATION,
        CameoRoot.PROVIDE_AID,
        CameoRoot.YIELD,
        CameoRoot.DEMAND,
    }
)
# Governing verbs under which "would" reports a decision, not an intent or a threat.
_DECISIONS = frozenset({"announce", "decide", "declare", "confirm", "order"})
# Adjectival participles, prepositions ("according to"), gerund subjects ("supplying weapons
# would make them parties"): no triggers.
_NOT_TRIGGER_DEPS = frozenset({"amod", "prep", "compound", "case", "csubj", "csubjpass"})
_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "dative", "attr"})


@dataclass(slots=True)
class Candidate:
    """An event before it becomes a record: its words, code and arguments."""

    trigger: Token
    code: str
    actors: list[Token]
    recipients: list[Token]
    nominal: bool = False
    specific: bool = False
    negated: bool = False
    frame: str = ""
    #: The word whose place in the sentence decides the event's prominence.
    anchor: Token | None = None
    alleged: bool = False
    #: A bare dictionary verb: evidence enough only with an actor on both sides.
    weak: bool = False
    used: set[int] = field(default_factory=set)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _clause_aux(token: Token) -> set[str]:
    """The auxiliaries of a word's clause: those of the copula for a predicate adjective
    ("must *be* ready to mediate")."""
    found = _aux(token)
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        found |= _aux(token.head)
    return found


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _verbal(token: Token) -> bool:
    """Whether a word tagged as a verb is used as one ("*the* decline in" is a noun)."""
    return token.dep_ not in _NOT_TRIGGER_DEPS and not any(c.dep_ == "det" for c in token.children)


def _verb_candidate(token: Token, lex: Lexicon) -> Candidate | None:
    if not _verbal(token):
        return None
    found = code_verb(token, lex)
    if found is None:
        return None
    root = cameo_root(found.code)
    actors = subjects(token)
    recipients = verb_recipients(
        token,
        objects_are_recipients=root not in _THING_OBJECT_ROOTS,
        posture=root == CameoRoot.FORCE_POSTURE,
    )
    # What a pattern is about ("sent *a letter*", "deployed *troops*") receives nothing.
    recipients = [r for r in recipients if r.i not in found.used or is_actorlike(r)]
    if found.code.startswith(VISIT) and not recipients:
        # "arrived in Amman", "flew to Beijing": the host is the place visited (CAMEO codes
        # the visit to the host country).
        recipients = [
            t
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("in", "to")
            for t in with_conjuncts(p for p in c.children if p.dep_ == "pobj")
            if t.ent_type_ == "GPE"
        ]
    if root == CameoRoot.FORCE_POSTURE and not actors:
        # "Freedonian troops were deployed": the forces moved stand for who moved them.
        actors = with_conjuncts(c for c in token.children if c.dep_ == "nsubjpass")
    if found.code.startswith(DETENTION) and not actors and _passive(token):
        # "a journalist was arrested in Ruritania": nobody but that state's authorities
        # arrests there (PLOVER codes the country as source).
        actors = [
            t
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for t in with_conjuncts(p for p in c.children if p.dep_ == "pobj")
            if t.ent_type_ == "GPE"
        ]
    if found.pattern is not None and found.pattern.reverse:
        # "Iran received jets from Russia": Russia acts, Iran receives.
        sources = [
            t
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for t in with_conjuncts(p for p in c.children if p.dep_ == "pobj")
        ]
        actors, recipients = sources, actors
    return Candidate(
        trigger=token,
        code=found.code,
        actors=actors,
        recipients=recipients,
        specific=found.pattern is not None,
        negated=_negated(token),
        weak=found.pattern is None and not found.entry.ours,
        used=set(found.used),
    )


def _noun_context(token: Token) -> set[str]:
    """What goes with a noun, as ``event_nouns.tsv`` writes it: modifiers ("air"), following
    prepositions (">on") and the verb it is the object of ("+carry")."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            found.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            found.add(">" + child.lower_)
    if token.dep_ in ("dobj", "nsubjpass") and token.head.i != token.i:
        found.add("+" + token.head.lemma_.lower())
    return found


def _noun_candidate(token: Token, lex: Lexicon) -> Candidate | None:
    modifiers = _noun_context(token)
    entry = lex.noun(token.lemma_.lower(), modifiers)
    if entry is None or not entry.code:
        return None
    actors, recipients = noun_arguments(token, entry)
    governor = token.head if token.dep_ in ("dobj", "nsubjpass", "attr") else None
    return Candidate(
        trigger=token,
        code=entry.code,
        actors=actors,
        recipients=recipients,
        nominal=True,
        negated=_negated(governor) if governor is not None else False,
        # The object of a verb is as prominent as the verb ("launched an *attack*").
        anchor=governor if governor is not None and governor.pos_ == "VERB" else None,
    )


def _frame_of(token: Token, lex: Lexicon) -> Frame | None:
    if token.pos_ not in ("VERB", "ADJ", "AUX") or not _verbal(token):
        return None
    lemma = token.lemma_.lower()
    particle = particle_of(token)
    if particle:
        found = lex.frames.get(f"{lemma} {particle}")
        if found is not None:
            return found
    return lex.frames.get(lemma)


def _clauses(frame: Token) -> list[Token]:
    """The clauses a frame word governs; for an adjective ("it is *unclear* whether ...",
    "*ready* to help") also those of the verb it completes."""
    found = [c for c in frame.children if c.dep_ in _EMBEDDED]
    if frame.dep_ == "acomp" and frame.head.i != frame.i:
        found += [c for c in frame.head.children if c.dep_ in _EMBEDDED]
    return found


def _embedded(frame: Token, events: dict[int, Candidate], *, nouns: bool) -> Candidate | None:
    """The event a frame word governs: a verb complement ("to supply", "that X must"), an
    adjective's complement ("ready to help"), or an event noun it takes ("rejected the
    request", "called for sanctions", "accused X of violating"). An event noun object comes
    first: in "requesting cooperation to counter tensions" the infinitive is a purpose."""
    objects = [c for c in frame.children if c.dep_ == "dobj"]
    if nouns and objects and objects[0].i in events and events[objects[0].i].nominal:
        return events[objects[0].i]
    for child in _clauses(frame):
        if child.i in events:
            return events[child.i]
    for child in frame.children:
        if child.dep_ in ("acomp", "xcomp", "ccomp", "dobj"):
            for grandchild in child.children:
                # "said that the US must be *ready* to mediate": a copular clause's adjective
                predicate = child.dep_ == "ccomp" and grandchild.dep_ == "acomp"
                if (grandchild.dep_ in _EMBEDDED or predicate) and grandchild.i in events:
                    return events[grandchild.i]
    for child in frame.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "on", "about"):
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.i in events:
                    return events[grandchild.i]
    if not nouns:
        return None
    for child in frame.children:
        if child.dep_ in ("dobj", "attr") and child.i in events:
            return events[child.i]
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "of", "on"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i in events:
                    return events[grandchild.i]
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _within(token: Token, heads: set[int]) -> bool:
    """Whether ``token`` is one of ``heads`` or below one of them."""
    current = token
    for _ in range(50):
        if current.i in heads:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


class CandidateFinder:
    """Finds the event candidates of one parsed sentence (the rule coder's first half)."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex if lex is not None else lexicon()
        #: Verbs of the current sentence coded as statements (CAMEO 01): no events.
        self._silenced: set[int] = set()

    def candidates(self, sent: Span) -> list[Candidate]:
        lex = self.lex
        events: dict[int, Candidate] = {}
        used: set[int] = set()
        denied: set[int] = set()
        silenced: set[int] = set()
        self._silenced = silenced
        for token in sent:
            if token.pos_ == "VERB":
                found = _verb_candidate(token, lex)
                if found is None:
                    continue
                used |= found.used
                if cameo_root(found.code) == CameoRoot.STATEMENT:
                    # A statement, a claim or a denial: no event; what is denied or claimed
                    # ("rejected accusations that...", "claimed responsibility for the attack")
                    # is not reported either.
                    if found.code.startswith((CLAIM_RESPONSIBILITY, DENY)):
                        denied |= found.used
                    silenced.add(token.i)
                    continue
                events[token.i] = found
        for token in sent:
            if token.pos_ == "NOUN" and token.i not in used and token.i not in events:
                found = _noun_candidate(token, lex)
                if found is not None:
                    events[token.i] = found
        self._light_verbs(events)
        self._pattern_nouns(events, lex)
        for candidate in events.values():
            self._future(candidate)
        # A word a verb pattern used ("rejected the *request*") frames nothing itself.
        frames = [
            (token, frame)
            for token in sent
            if token.i not in used
            and (frame := _frame_of(token, lex)) is not None
            # a statement verb still reports; a denial rejects nothing ("rejected accusations")
            and (token.i not in silenced or frame.kind in STATEMENT_KINDS)
        ]
        # Innermost frames first: "said it would refuse to meet" refuses before it reports.
        consumed: set[int] = set()
        for token, frame in sorted(frames, key=lambda item: -_depth(item[0])):
            if token.i not in consumed:
                self._apply_frame(token, frame, events, consumed)
        return [
            c
            for c in events.values()
            if not (denied and _within(c.trigger, denied)) and self._has_actor(c)
        ]

    @staticmethod
    def _has_actor(candidate: Candidate) -> bool:
        """Whether the arguments can name actors. A pattern or a frame is evidence enough; a
        verb of newsgraph's list or an event noun needs an actor on one side ("shells
        *crashed* into the port" has none); a bare dictionary verb on both, as PETRARCH
        required a source and a target ("people *think*" is no consultation)."""
        if candidate.specific or candidate.frame:
            return True
        actor = any(is_actorlike(t) for t in candidate.actors)
        recipient = any(is_actorlike(t) for t in candidate.recipients)
        if not candidate.weak:
            return actor or recipient
        # Force and coercion have things and places as targets ("blew up power lines");
        # several actors are each other's recipients ("Putin and Xi discussed trade").
        conflict = cameo_root(candidate.code) >= CameoRoot.PROTEST and bool(candidate.recipients)
        several = sum(is_actorlike(t) for t in with_conjuncts(candidate.actors)) > 1
        return actor and (recipient or conflict or several)

    @staticmethod
    def _light_verbs(events: dict[int, Candidate]) -> None:
        """A bare dictionary verb whose object is an event noun says less than the noun:
        "coordinated the *delivery* of drones" is the delivery, with the verb's weight."""
        for index, candidate in list(events.items()):
            if not candidate.weak:
                continue
            for child in candidate.trigger.children:
                noun = events.get(child.i)
                if child.dep_ == "dobj" and noun is not None and noun.nominal:
                    noun.actors = noun.actors or list(candidate.actors)
                    noun.anchor = candidate.trigger
                    del events[index]
                    break

    @staticmethod
    def _pattern_nouns(events: dict[int, Candidate], lex: Lexicon) -> None:
        """The words a pattern used lend their recipients: "planning a *visit to that
        country*", "cut diplomatic *ties with Freedonia*"."""
        for candidate in events.values():
            if candidate.recipients or not candidate.used:
                continue
            doc = candidate.trigger.doc
            for index in sorted(candidate.used):
                token = doc[index]
                entry = lex.noun(token.lemma_.lower(), _noun_context(token))
                if entry is not None:
                    candidate.recipients.extend(noun_arguments(token, entry)[1])
                    continue
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
                        candidate.recipients.extend(
                            with_conjuncts(c for c in child.children if c.dep_ == "pobj")
                        )

    def _future(self, candidate: Candidate, *, future: bool = False) -> None:
        token = candidate.trigger
        if candidate.nominal or not (future or _aux(token) & _FUTURE):
            return
        root = cameo_root(candidate.code)
        governor = token.head if token.dep_ in _EMBEDDED else None
        if (
            governor is not None
            and governor.lemma_.lower() in _DECISIONS
            and root >= CameoRoot.PROTEST
        ):
            return  # "announced it would prohibit aid": the decision is the event
        if root == CameoRoot.FORCE_POSTURE:
            return  # "will deploy troops", "would strengthen its presence": a posture, no threat
        if candidate.negated and root in COOPERATION:
            candidate.code = combine("refuse", candidate.code)
            candidate.negated = False
        elif not candidate.negated:
            candidate.code = combine("intent", candidate.code)
        candidate.frame = candidate.frame or "intent"

    def _apply_frame(
        self, token: Token, frame: Frame, events: dict[int, Candidate], consumed: set[int]
    ) -> None:
        inner = _embedded(token, events, nouns=frame.nouns)
        own = events.get(token.i)
        kind = frame.kind
        if kind == "report":
            if inner is not None:
                self._report(token, inner)
            return
        if kind == "pass":
            if inner is not None:
                inner.actors = inner.actors or subjects(token)
                if _aux(token) & _FUTURE and not inner.frame:
                    # "will keep cooperating" is a promise, as "will cooperate" is.
                    self._future(inner, future=True)
            return
        if inner is None and any(c.i in self._silenced for c in _clauses(token)):
            return  # "declined to comment", "refused to say": about statements, no event
        if kind in ("hypothetical", "deny"):
            # "is considering sending aid to help", "denied targeting civilians": nothing
            # happened as far as the text asserts, nor anything under it.
            if inner is not None:
                for index in [
                    i for i, c in events.items() if _within(c.trigger, {inner.trigger.i})
                ]:
                    events.pop(index)
                    consumed.add(index)
            return
        if kind == "claim":
            # "claimed that they had attacked": a claim of responsibility (015), not coded.
            if inner is not None and all(t.lower_ in _PRONOUNS for t in inner.actors):
                events.pop(inner.trigger.i, None)
                events.pop(token.i, None)
                consumed.add(inner.trigger.i)
            return
        if inner is None and own is not None and own.specific:
            own.frame = kind  # "planning a visit": the dictionary pattern already says it
            return
        if inner is None:
            code = frame.code
            if kind in ("intent", "agree") and not any(
                c.dep_ in _COMPLEMENTS for c in token.children
            ):
                code = ""  # "sixty percent agreed": an opinion, not a commitment
            if code:
                found = self._frame_event(token, code, kind, None)
                if own is not None or any(
                    is_actorlike(t) for t in (*found.actors, *found.recipients)
                ):
                    events[token.i] = found
            elif own is not None:
                events.pop(token.i)
            return
        if kind == "accuse":
            accusation = own or self._frame_event(token, frame.code or ACCUSE, "accuse", None)
            accusation.frame, accusation.weak = "accuse", False
            accusation.recipients = accusation.recipients or list(inner.actors)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in inner.trigger.children):
                # "accused Freedonia of shelling": the accused did the shelling.
                inner.actors = list(accusation.recipients)
            events[token.i] = accusation
            inner.alleged = True
            return
        if kind == "agree" and cameo_root(inner.code) not in COOPERATION:
            code = inner.code  # "agreed to impose sanctions": a decision, not a promise
        else:
            code = combine("intent" if kind == "agree" else kind, inner.code)
        events[token.i] = self._frame_event(token, code, kind, inner)
        # "agreed to open its borders and grant asylum": the conjoined event is governed too.
        for item in (inner.trigger, *inner.trigger.conjuncts):
            if item.i != token.i:
                events.pop(item.i, None)
                consumed.add(item.i)

    def _frame_event(
        self, token: Token, code: str, kind: str, inner: Candidate | None
    ) -> Candidate:
        actors = subjects(token) if token.pos_ != "ADJ" else subjects(token.head)
        if kind in ("appeal", "demand"):
            recipients = verb_recipients(token, objects_are_recipients=False)
            if not recipients and inner is not None:
                # "demanded that Hamas renounce": the one asked is the inner subject.
                recipients = list(inner.actors) or list(inner.recipients)
            if not recipients:
                recipients = [
                    t
                    for c in token.children
                    if c.dep_ in _EMBEDDED
                    for t in subjects(c)
                    if t not in actors
                ]
        elif inner is not None:
            recipients = list(inner.recipients)
        else:
            recipients = verb_recipients(token, objects_are_recipients=True)
        if inner is not None and inner.nominal and kind in ("refuse", "accuse"):
            # "rejected the US request": the requester receives the rejection.
            recipients = list(inner.actors) or recipients
        return Candidate(
            trigger=token,
            code=code,
            actors=actors or (list(inner.actors) if inner is not None else []),
            recipients=[r for r in recipients if r not in actors],
            specific=inner is not None and inner.specific,
            negated=_negated(token),
            frame=kind,
            used=set(inner.used) if inner is not None else set(),
        )

    def _report(self, token: Token, inner: Candidate) -> None:
        speakers = subjects(token)
        if not speakers:
            return
        pronoun_only = bool(inner.actors) and all(t.lower_ in _PRONOUNS for t in inner.actors)
        if (
            not inner.nominal
            and _clause_aux(inner.trigger) & _OBLIGATION
            and inner.frame in (None, "", "intent", "agree")
            and token.lemma_.lower() in _SAYING
            and any(is_actorlike(t) for t in inner.actors)
        ):
            # "X said Y must return the helicopter": X demands it of Y.
            inner.recipients = list(inner.actors) or inner.recipients
            inner.actors = speakers
            inner.code = combine("demand", inner.code)
            inner.frame = "demand"
        elif pronoun_only:
            inner.actors = speakers

    def confidence(self, candidate: Candidate) -> float:
        anchor = candidate.anchor or candidate.trigger
        score = 0.2 + 0.45 * _prominence(anchor, self.lex)
        score += 0.1 if not candidate.nominal else 0.05 * (candidate.anchor is not None)
        if candidate.actors:
            score += 0.1 + 0.05 * bool(candidate.recipients)
        elif candidate.recipients:
            score += 0.07
        score += 0.05 * candidate.specific
        score -= 0.15 * candidate.negated + 0.1 * candidate.alleged
        if not candidate.nominal and _aux(candidate.trigger) & _MODAL:
            score -= 0.1  # "should be resolved", "could lead to": not asserted
        return round(min(max(score, 0.05), 0.99), 4)


def _prominence(token: Token, lex: Lexicon) -> float:
    """1 for a main-clause word; less for each clause or phrase it is buried in."""
    score = 1.0
    current = token
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            break
        dep = current.dep_
        if dep in _DEMOTING:
            score -= 0.2
        elif dep == "conj":
            score -= 0.1
        elif dep in _EMBEDDED and _frame_of(head, lex) is None:
            score -= 0.2
        current = head
    return max(score, 0.2)
