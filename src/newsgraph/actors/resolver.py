"""Resolve the words that name an actor to an :class:`~newsgraph.model.Actor`, on a date.

Usable without spaCy: :meth:`Resolver.resolve` takes plain text, :meth:`Resolver.resolve_words`
a phrase already cut into words (as the spaCy component passes noun chunks and entities).

In order, for a phrase such as "Venezuelan President Nicolás Maduro":

1. the whole phrase (determiners and possessives trimmed) against every alias;
2. else its parts, longest first: names (people, organisations, countries, capitals, places)
   and agent words ("President", "troops"), then combined: a person wins; an organisation or
   a country takes the sector of an agent word ("Iranian police" = IRN COP, "UN peacekeepers"
   = IGOUNO MIL); an agent alone gives a sector with no code ("a senior aide" = GOV);
3. a name that ends the phrase but is not known as a whole is tried by first and last name
   and by surname among the people in office on the date;
4. misspelt capitalised words are corrected towards the knowledge base's vocabulary
   (rapidfuzz, on a small candidate set) and steps 1-3 tried again.

Every choice between entries is made for the date: a term that covers it beats one that does
not, a user's entry beats a built-in one, a specific kind (person) beats a general one
(country). When the best candidates disagree on the code, the phrase stays unresolved: a name is
never guessed. :class:`DocumentResolver` adds what one document teaches: "Maduro" after
"Nicolás Maduro" is the same person, whatever the knowledge base knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz, process

from ..model import Actor
from .entries import Agent, Entry
from .kb import KnowledgeBase, kind_rank
from .names import acronym_key, fold, fold_word, is_capitalised, split_words, trim_words

__all__ = ["DocumentResolver", "Resolution", "Resolver"]

#: Words that end the part of a phrase before its head's modifiers ("leaders *of* Romania").
_BOUNDARIES = frozenset(
    [
        "of",
        "in",
        "from",
        "at",
        "for",
        "to",
        "with",
        "on",
        "by",
        "under",
        "near",
        "against",
        "loyal",
        "backed",
        "led",
        "based",
    ]
)
#: Kinds that a mention labelled PERSON by the NER cannot be.
_NOT_PEOPLE = frozenset({"country", "capital", "place"})
#: Kinds whose sector an agent word replaces ("Russian" + "troops").
_TAKES_AGENT_SECTOR = frozenset({"country", "capital", "place"})
#: Prefixes that turn a name into a stance ("pro-Russian", "anti-NATO").
_AFFIXES = frozenset({"pro", "anti", "non", "ex", "post", "pre"})
#: The last day the Phoenix dictionaries were kept up to date (about).
PHOENIX_UNTIL = date(2015, 12, 31)
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 86.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a phrase resolved to. ``actor`` is None when nothing applies; ``how`` says which
    step found it (alias, compound, name, fuzzy, coreference, pronoun)."""

    actor: Actor | None
    entry: Entry | None = None
    agent: Agent | None = None
    how: str = ""

    @property
    def resolved(self) -> bool:
        return self.actor is not None


UNRESOLVED = Resolution(None)


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int
    end: int
    entries: tuple[Entry, ...] = ()
    agent: Agent | None = None


def _glue(folded: Sequence[str], words: Sequence[str], start: int, end: int) -> str:
    """The key of ``words[start:end]``: folded words joined by spaces, a possessive "'s"
    glued to its word as the alias tables write it ("People's" -> "peoples")."""
    parts: list[str] = []
    for index in range(start, end):
        piece = folded[index]
        if not piece:
            continue
        if parts and words[index].startswith(("'", "’")):
            parts[-1] += piece
        else:
            parts.append(piece)
    return " ".join(parts)


def _in_office(entry: Entry, day: date | None) -> bool:
    """Whether ``entry`` holds a term on ``day``. The Phoenix tables stop being updated around
    2015 and leave many terms open: after that, only their closed terms count."""
    term, current = entry.term_on(day)
    if not current or term is None:
        return False
    if entry.source != "phoenix" or term.end is not None:
        return True
    return day is not None and day <= PHOENIX_UNTIL


class Resolver:
    """Resolves phrases against a :class:`~.kb.KnowledgeBase` (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._vocabulary: dict[tuple[str, int], list[str]] | None = None
        self._known_words: frozenset[str] = frozenset()
        self._corrections: dict[str, str | None] = {}

    # -- public -----------------------------------------------------------------------------

    def resolve(self, text: str, *, on: date | None = None, label: str | None = None) -> Resolution:
        """Resolve plain text ("the Kremlin", "Iranian police") on the date ``on``."""
        return self.resolve_words(split_words(text), on=on, label=label)

    def resolve_words(
        self, words: Sequence[str], *, on: date | None = None, label: str | None = None
    ) -> Resolution:
        """Resolve a phrase given as words; ``label`` is the NER label of the mention if any."""
        start, end = trim_words(words)
        core = list(words[start:end])
        if not core:
            return UNRESOLVED
        found = self._resolve_core(core, on=on, label=label)
        if found.actor is not None and found.actor.code is not None:
            return found
        # Spelling is corrected only in names the NER found: other phrases are rarely names,
        # and a correction costs a scan of the vocabulary.
        corrected = self._correct(core) if label is not None else None
        if corrected is not None:
            fixed = self._resolve_core(corrected, on=on, label=label, text=" ".join(core))
            if fixed.actor is not None and fixed.actor.code is not None:
                return replace(fixed, how="fuzzy")
        return found

    def choose(
        self, entries: Sequence[Entry], *, on: date | None, label: str | None = None
    ) -> Entry | None:
        """The entry meant on ``on`` among ``entries`` that share a name, or None when the best
        ones disagree on the code (ambiguous)."""
        allowed = [e for e in entries if label != "PERSON" or e.kind not in _NOT_PEOPLE]
        if not allowed and label == "PERSON":
            # The NER calls many a country a person ("Benin", "Chad"); a town stays out.
            allowed = [e for e in entries if e.kind != "place"]
        if not allowed:
            return None
        scored = sorted(allowed, key=lambda e: self._score(e, on), reverse=True)
        best = scored[0]
        top = self._score(best, on)
        rivals = [e for e in scored[1:] if self._score(e, on) == top]
        best_actor = best.actor_on(on)
        for rival in rivals:
            actor = rival.actor_on(on)
            if actor is None or best_actor is None or actor.code != best_actor.code:
                return None
        return best

    # -- steps ------------------------------------------------------------------------------

    @staticmethod
    def _score(entry: Entry, on: date | None) -> tuple[int, int, int]:
        _term, current = entry.term_on(on)
        return (int(current), entry.priority, -kind_rank(entry.kind))

    def _resolve_core(
        self, core: list[str], *, on: date | None, label: str | None, text: str | None = None
    ) -> Resolution:
        folded = [fold_word(w) for w in core]
        whole = self._lookup(core, folded, 0, len(core), names_only=False)
        if whole is not None and whole.entries:
            entry = self.choose(whole.entries, on=on, label=label)
            if entry is not None and (actor := entry.actor_on(on)) is not None:
                return Resolution(actor, entry, how="alias")
        segments = self._scan(core, folded, label=label)
        return self._compose(core, segments, on=on, label=label, text=text)

    def _lookup(
        self, words: Sequence[str], folded: Sequence[str], start: int, end: int, *, names_only: bool
    ) -> _Segment | None:
        span = words[start:end]
        entries: list[Entry] = []
        capitalised = any(is_capitalised(w) for w in span)
        if capitalised:
            if end - start <= 2:
                acronym = acronym_key("".join(span))
                if acronym is not None:
                    entries.extend(self.kb.acronym(acronym))
            key = _glue(folded, words, start, end)
            if key:
                entries.extend(e for e in self.kb.named(key) if e not in entries)
            # The same actor under its full name in another table ("President Xi Jinping" is
            # a Phoenix alias; newsgraph's own row for Xi Jinping knows his role).
            for entry in [e for e in entries if e.kind == "person"]:
                entries.extend(
                    e
                    for e in self.kb.named(fold(entry.name))
                    if e.kind == "person" and e not in entries
                )
        if entries:
            return _Segment(start, end, tuple(entries))
        if names_only:
            return None
        agent = self.kb.agent(_glue(folded, words, start, end))
        if agent is not None:
            return _Segment(start, end, agent=agent)
        return None

    def _scan(self, words: list[str], folded: list[str], *, label: str | None) -> list[_Segment]:
        """Names and agent words in ``words``, longest first, left to right."""
        segments: list[_Segment] = []
        position, size = 0, len(words)
        while position < size:
            if not folded[position]:
                position += 1
                continue
            for end in range(min(size, position + self.kb.max_words), position, -1):
                if not folded[end - 1]:
                    continue
                found = self._lookup(words, folded, position, end, names_only=False)
                if found is not None and found.entries:
                    # A town's name inside a longer unknown name is a person's first name
                    # ("Vladimir Kara-Murza"), not the town.
                    kept = tuple(
                        e
                        for e in found.entries
                        if e.kind != "place" or label in (None, "GPE", "LOC", "FAC")
                    )
                    found = _Segment(found.start, found.end, kept) if kept else None
                if found is not None and found.entries and self._negated(words, position):
                    # "pro-Iranian Hezbollah" is not Iran; "anti-government" not the government.
                    found = None
                if found is not None:
                    segments.append(found)
                    position = end
                    break
            else:
                position += 1
        return segments

    @staticmethod
    def _negated(words: list[str], position: int) -> bool:
        before = words[position - 1].casefold() if position > 0 else ""
        here = words[position].casefold()
        if before == "-" and position > 1:
            before = words[position - 2].casefold()
        return before in _AFFIXES or here.startswith(tuple(f"{a}-" for a in _AFFIXES))

    def _compose(
        self,
        words: list[str],
        segments: list[_Segment],
        *,
        on: date | None,
        label: str | None,
        text: str | None,
    ) -> Resolution:
        boundary = next(
            (i for i, w in enumerate(words) if i > 0 and w.casefold() in _BOUNDARIES), len(words)
        )
        named: list[tuple[_Segment, Entry]] = []
        for segment in segments:
            if segment.entries:
                whole = segment.start == 0 and segment.end == len(words)
                entry = self.choose(segment.entries, on=on, label=label if whole else None)
                if entry is not None:
                    named.append((segment, entry))
        agents = [s for s in segments if s.agent is not None]
        pre_agents = [s for s in agents if s.start < boundary]
        agent_segment = pre_agents[-1] if pre_agents else (agents[0] if agents else None)
        agent = agent_segment.agent if agent_segment else None

        person = self._trailing_name(words, segments, boundary=boundary, on=on, label=label)
        pre = [(s, e) for s, e in named if s.start < boundary]
        post = [(s, e) for s, e in named if s.start >= boundary]
        primary: tuple[_Segment, Entry] | None = None
        people = [item for item in pre if item[1].kind == "person"]
        if people or pre:
            # The head of an English noun phrase comes last: "NATO-member Norway" is Norway.
            primary = (people or pre)[-1]
        elif post:
            primary = post[0]
        if person is not None and (primary is None or primary[1].kind != "person"):
            return person
        mention = text if text is not None else " ".join(words)
        if primary is None:
            if agent is None:
                return UNRESOLVED
            return Resolution(
                Actor(name=mention, sector=agent.sector, role=self._role(words, agent_segment)),
                agent=agent,
                how="agent",
            )
        segment, entry = primary
        actor = entry.actor_on(on)
        if actor is None:
            return UNRESOLVED
        if entry.kind == "person" or agent is None:
            how = "alias" if segment.start == 0 and segment.end == len(words) else "compound"
            return Resolution(actor, entry, how=how)
        sector = actor.sector
        if entry.kind in _TAKES_AGENT_SECTOR or sector is None:
            sector = agent.sector
        role = self._role(words, agent_segment, covered=segment)
        name = mention if entry.kind in _TAKES_AGENT_SECTOR else actor.name
        if agent_segment is not None and entry.kind in _TAKES_AGENT_SECTOR:
            # "Russian Defence Minister Anna Kovac": the actor is the person named.
            tail = words[agent_segment.end : boundary]
            if tail and all(is_capitalised(w) for w in tail):
                name = " ".join(tail)
        wikidata = None if entry.kind in _TAKES_AGENT_SECTOR else actor.wikidata
        return Resolution(
            Actor(name=name, code=actor.code, sector=sector, role=role, wikidata=wikidata),
            entry,
            agent,
            how="compound",
        )

    def _trailing_name(
        self,
        words: list[str],
        segments: list[_Segment],
        *,
        boundary: int,
        on: date | None,
        label: str | None,
    ) -> Resolution | None:
        """A person named by the capitalised words that end the head part ("... Minister Ramón
        Celestino Velásquez"), tried by first and last name and by surname among people in
        office on the date. None unless exactly one person fits."""
        if label not in (None, "PERSON"):
            return None
        covered = {i for s in segments for i in range(s.start, s.end) if s.entries}
        agents = {i for s in segments for i in range(s.start, s.end) if s.agent}
        end = boundary
        start = end
        while start > 0 and is_capitalised(words[start - 1]) and (start - 1) not in agents:
            start -= 1
        run = [fold_word(w) for w in words[start:end] if fold_word(w)]
        if not run or any(i in covered for i in range(start, end)):
            return None
        # A first name that is there must match: "Oskar Fischer" is not Heinz Fischer.
        keys = [f"{run[0]} {run[-1]}"] if len(run) >= 2 else [run[-1]]
        for key in keys:
            people = [e for e in self.kb.people(key) if e.kind == "person"]
            if key == run[-1]:
                # A surname alone: only someone in office then, and only if unique.
                people = [e for e in people if _in_office(e, on)]
            if not people:
                continue
            chosen = self.choose(people, on=on, label=label)
            unique = {e.wikidata or e.name for e in people}
            if chosen is None or (key == run[-1] and len(unique) > 1):
                return None
            actor = chosen.actor_on(on)
            if actor is not None:
                return Resolution(actor, chosen, how="name")
        return None

    @staticmethod
    def _role(
        words: list[str], segment: _Segment | None, *, covered: _Segment | None = None
    ) -> str | None:
        """The title an agent word gives, with the capitalised words before it that make it
        specific ("Transport Minister"), not the name before them ("Russian")."""
        if segment is None or segment.agent is None or not segment.agent.role:
            return None
        start = segment.start
        while (
            start > 0
            and is_capitalised(words[start - 1])
            and fold_word(words[start - 1]) not in ("", "s")
            and (covered is None or not covered.start <= start - 1 < covered.end)
        ):
            start -= 1
        if start == segment.start:
            return segment.agent.role
        prefix = " ".join(words[start : segment.start])
        return f"{prefix} {segment.agent.role}"

    # -- spelling ---------------------------------------------------------------------------

    def _correct(self, words: list[str]) -> list[str] | None:
        """``words`` with misspelt capitalised words replaced by the closest word of the
        knowledge base's vocabulary, or None when nothing changed."""
        changed = False
        corrected = list(words)
        for index, word in enumerate(words):
            folded = fold_word(word)
            if not is_capitalised(word) or len(folded) < _FUZZY_MIN_LENGTH or " " in folded:
                continue
            if folded not in self._corrections:
                self._corrections[folded] = self._closest(folded)
            better = self._corrections[folded]
            if better is not None and better != folded:
                corrected[index] = better.title()
                changed = True
        return corrected if changed else None

    def _closest(self, word: str) -> str | None:
        if self._vocabulary is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            self._known_words = self.kb.vocabulary()
            # sorted: extractOne keeps the first of equal scores, and a set's order changes
            # with the process's hash seed (the same name resolved differently between runs)
            for known in sorted(self._known_words):
                if len(known) >= _FUZZY_MIN_LENGTH:
                    buckets.setdefault((known[0], len(known)), []).append(known)
            self._vocabulary = buckets
        if word in self._known_words or self.kb.is_known(word):
            return None
        best: tuple[str, float] | None = None
        for size in range(len(word) - 1, len(word) + 2):
            bucket = self._vocabulary.get((word[0], size))
            if not bucket:
                continue
            found = process.extractOne(word, bucket, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            if found is not None and (best is None or found[1] > best[1]):
                best = (str(found[0]), float(found[1]))
        return best[0] if best else None


class DocumentResolver:
    """A :class:`Resolver` with the memory of one document: people named in full are found
    again by surname or partial name ("Maduro" after "Nicolás Maduro"; "Kozyrev" after
    "Russian Foreign Minister Andrei Kozyrev", who may be in no table)."""

    def __init__(self, resolver: Resolver, *, on: date | None) -> None:
        self.resolver = resolver
        self.on = on
        self._people: dict[str, Resolution] = {}
        self._ambiguous: set[str] = set()
        #: Resolved mentions in document order, for pronoun rules.
        self.history: list[Resolution] = []

    def resolve_words(
        self, words: Sequence[str], *, label: str | None = None, name: Sequence[str] = ()
    ) -> Resolution:
        """Resolve a phrase; ``name`` is the part of it that is a person's name, when known
        (the PERSON entity in a noun chunk), else the phrase itself for PERSON mentions."""
        start, end = trim_words(words)
        core = list(words[start:end])
        if not core:
            return UNRESOLVED
        name_words = list(name) or (core if label == "PERSON" else [])
        known = self._recall(name_words) if name_words else None
        if known is not None and len(name_words) <= 2:
            found = known
        else:
            found = self.resolver.resolve_words(core, on=self.on, label=label)
            if not found.resolved and known is not None:
                found = known
        if found.resolved:
            self.history.append(found)
            if name_words and (
                name
                or label == "PERSON"
                or (found.entry is not None and found.entry.kind == "person")
            ):
                self._remember(name_words, found)
        return found

    def _keys(self, words: Sequence[str]) -> list[str]:
        folded = [fold_word(w) for w in words if fold_word(w)]
        if not folded:
            return []
        keys = [" ".join(folded)]
        if len(folded) >= 2:
            keys += [folded[-1], f"{folded[0]} {folded[-1]}"]
        return keys

    def _remember(self, words: Sequence[str], found: Resolution) -> None:
        actor = found.actor
        if actor is None or actor.code is None:
            return
        for key in self._keys(words):
            known = self._people.get(key)
            if known is not None and known.actor is not None and known.actor.code != actor.code:
                self._ambiguous.add(key)
            self._people.setdefault(key, replace(found, how="coreference"))

    def _recall(self, words: Sequence[str]) -> Resolution | None:
        folded = [fold_word(w) for w in words if fold_word(w)]
        if not folded:
            return None
        key = " ".join(folded)
        if key in self._ambiguous:
            return None
        return self._people.get(key)
