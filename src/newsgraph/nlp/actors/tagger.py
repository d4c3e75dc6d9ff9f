"""The ``newsgraph_actors`` component: who the entity mentions and noun phrases of a document
are, on its publication date.

Candidates are the NER entities that can be actors (PERSON, ORG, GPE, NORP, LOC, FAC) and the
noun chunks whose head is a name or an agent word ("Venezuelan President Nicolás Maduro", "the
Russians", "American troops", "a senior aide"). Each is resolved by
:class:`~newsgraph.actors.DocumentResolver` (knowledge base, compounds, coreference within the
document). Two rules need the parse:

- a capital used as a place ("arrived in Caracas") keeps its country but not the government
  sector it has as a metonym ("Caracas said");
- a possessive pronoun before a word such as "country" or "government" takes the country of
  the subject it refers to ("Maduro asked ... to strengthen his country's air defence" -> VEN);
  "that country" takes the country named last.

The entity at the head of a noun chunk takes the chunk's resolution, so "Dmitry Peskov" in
"Kremlin spokesman Dmitry Peskov" is RUS GOV even if no table knew him. ``doc._.ng_actors`` gets
an :class:`~newsgraph.model.EventActor` per resolved mention (entities, chunks, pronoun phrases),
which is what :func:`~newsgraph.nlp.actors.mentions.actor_for` searches.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ...actors import DocumentResolver, Resolution, Resolver, resolver_for
from ...actors.names import fold_word
from ...model import Actor, EventActor
from .mentions import Mentions

__all__ = ["ACTOR_LABELS", "ActorTagger"]

#: NER labels whose mentions may be actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_MATERIEL = frozenset({"WEAPON", "PLATFORM", "EQUIPMENT"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "within", "over", "through"}
)
_POSSESSIVES = {"his": "person", "her": "person", "their": "any", "its": "thing"}
_DEMONSTRATIVES = frozenset({"that", "this"})
#: Words a possessive pronoun can make a country actor of ("his country", "their army").
_COUNTRY_WORDS = frozenset(
    {
        "country",
        "nation",
        "government",
        "army",
        "military",
        "troops",
        "forces",
        "people",
        "navy",
        "leadership",
        "authorities",
        "regime",
        "ministry",
        "officials",
        "diplomats",
    }
)


#: Head words that make a noun phrase an actor when a name modifies them ("United Nations
#: personnel", "Zimbabwe's opposition groups"), though they are no agent of their own.
_GENERIC_HEADS = frozenset(
    {"personnel", "staff", "member", "members", "group", "groups", "population", "community"}
)


def _noun_chunks(doc: Doc) -> list[Span]:
    if not doc.has_annotation("DEP"):
        return []
    try:
        return list(doc.noun_chunks)
    except ValueError:
        # Sentences left unparsed (selective parsing) give no chunks.
        return []


def _positions(doc: Doc, attr: int, values: set[int]) -> list[int]:
    """The indices of the tokens whose ``attr`` (a spaCy attribute id) is one of ``values``:
    read from one array, so the other tokens are never made into Python objects."""
    if not len(doc) or not values:
        return []
    return [i for i, value in enumerate(doc.to_array([attr]).tolist()) if value in values]


def _words(span: Span) -> list[str]:
    return [token.text for token in span]


class ActorTagger:
    """Fill ``doc._.ng_actors`` (see the module docstring)."""

    def __init__(
        self, nlp: Language, name: str = "newsgraph_actors", *, actors_file: str = ""
    ) -> None:
        self.name = name
        self.resolver: Resolver = resolver_for(Path(actors_file) if actors_file else None)

    def __call__(self, doc: Doc) -> Doc:
        context = DocumentResolver(self.resolver, on=doc._.ng_published)
        mentions = Mentions()
        entities = [e for e in doc.ents if e.label_ in ACTOR_LABELS]  # in order, disjoint
        starts = [e.start for e in entities]
        inside: dict[int, list[Span]] = {}
        covered: set[int] = set()
        chunks = []
        for chunk in _noun_chunks(doc):
            members = []
            for entity in entities[bisect_left(starts, chunk.start) :]:
                if entity.start >= chunk.end:
                    break
                if entity.end <= chunk.end:
                    members.append(entity)
            inside[chunk.start] = members
            covered.update(id(e) for e in members)
            chunks.append(chunk)
        items: list[tuple[int, str, Span]] = [(c.start, "chunk", c) for c in chunks]
        items += [(e.start, "entity", e) for e in entities if id(e) not in covered]
        items += [(s.start, "pronoun", s) for s in self._pronoun_spans(doc)]
        items += [(s.start, "name", s) for s in self._missed_names(doc, chunks, entities)]
        order = {"pronoun": 0, "entity": 1, "chunk": 2, "name": 3}
        for _start, kind, span in sorted(items, key=lambda item: (item[0], order[item[1]])):
            if kind == "chunk":
                self._chunk(span, inside[span.start], context, mentions)
            elif kind == "entity":
                found = context.resolve_words(_words(span), label=span.label_)
                self._add(mentions, span, self._as_place(span, found))
            elif kind == "name":
                found = context.resolve_words(_words(span))
                if found.entry is not None and found.how == "alias":
                    self._add(mentions, span, self._as_place(span, found))
            else:
                self._pronoun(span, context, mentions)
        doc._.ng_actors = sorted(mentions, key=lambda m: (m.start, -m.end))
        return doc

    # -- mentions ---------------------------------------------------------------------------

    def _chunk(
        self,
        chunk: Span,
        members: list[Span],
        context: DocumentResolver,
        mentions: Mentions,
    ) -> None:
        root = chunk.root
        head = next((e for e in members if e.start <= root.i < e.end), None)
        modifiers: list[tuple[Span, Resolution]] = []
        for entity in members:
            if entity is not head:
                found = context.resolve_words(_words(entity), label=entity.label_)
                modifiers.append((entity, self._as_place(entity, found)))
        if (
            root.pos_ == "PRON"
            or root.ent_type_ in _MATERIEL
            or (head is None and not self._worth_resolving(root))
        ):
            for entity, found in modifiers:
                self._add(mentions, entity, found)
            return
        label = head.label_ if head is not None else None
        name = _words(head) if head is not None and head.label_ == "PERSON" else ()
        found = self._as_place(chunk, context.resolve_words(_words(chunk), label=label, name=name))
        if found.actor is not None and found.actor.code is None:
            # "that country's leaders", "his government's troops": the pronoun's country.
            inner = next(
                (
                    m
                    for m in mentions.within(chunk.start_char, chunk.end_char)
                    if m.actor.code is not None
                ),
                None,
            )
            if inner is not None:
                actor = replace(found.actor, code=inner.actor.code)
                found = Resolution(actor, found.entry, found.agent, how="compound")
        for entity, own in modifiers:
            # "American" in "American troops" names the troops' country: the entity gets the
            # phrase's actor (USA MIL) when the phrase was built on it.
            if (
                head is None
                and found.agent is not None
                and found.entry is not None
                and found.entry is own.entry
            ):
                own = found
            self._add(mentions, entity, own)
        if head is not None:
            if not found.resolved:
                found = self._as_place(head, context.resolve_words(_words(head), label=head.label_))
            self._add(mentions, head, found)
        if head is None or (head.start, head.end) != (chunk.start, chunk.end):
            self._add(mentions, chunk, found)

    def _worth_resolving(self, root: Token) -> bool:
        """A chunk without an entity at its head is an actor only if its head word is an agent
        ("troops") or a name the NER missed."""
        if root.pos_ == "PROPN" or root.lower_ in _GENERIC_HEADS:
            return True
        kb = self.resolver.kb
        return kb.agent(fold_word(root.text)) is not None or (
            kb.agent(fold_word(root.lemma_)) is not None
        )

    @staticmethod
    def _as_place(span: Span, found: Resolution) -> Resolution:
        """A capital after "in", "at", ... is the place, not its government."""
        if found.entry is None or found.entry.kind != "capital" or found.actor is None:
            return found
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
            actor = found.actor
            place = Actor(name=actor.name, code=actor.code, wikidata=actor.wikidata)
            return Resolution(place, found.entry, found.agent, how=found.how)
        return found

    @staticmethod
    def _add(mentions: Mentions, span: Span, found: Resolution) -> None:
        if found.actor is None or mentions.taken(span.start_char, span.end_char):
            return
        mentions.add(EventActor(found.actor, span.start_char, span.end_char, span.text))

    @staticmethod
    def _missed_names(doc: Doc, chunks: list[Span], entities: list[Span]) -> list[Span]:
        """Runs of proper nouns that neither the NER nor the noun chunks cover ("The
        pro-Iranian Hizbollah (Party of God) group"): looked up as known names only."""
        taken: set[int] = set()
        for span in (*chunks, *entities):
            taken.update(range(span.start, span.end))
        runs: list[Span] = []
        start = previous = -2
        for i in _positions(doc, POS, {PROPN}):
            if i in taken:
                continue
            if i != previous + 1:
                if start >= 0:
                    runs.append(doc[start : previous + 1])
                start = i
            previous = i
        if start >= 0:
            runs.append(doc[start : previous + 1])
        return runs

    # -- pronouns ---------------------------------------------------------------------------

    @staticmethod
    def _pronoun_spans(doc: Doc) -> list[Span]:
        """ "his country", "their government", "that country": determiner + country word."""
        spans = []
        strings = doc.vocab.strings
        words = {strings.add(w) for w in _COUNTRY_WORDS}
        lemmas = {
            lemma
            for lemma in set(doc.to_array([LEMMA]).tolist())
            if strings[lemma].lower() in _COUNTRY_WORDS
        }
        for i in sorted({*_positions(doc, LOWER, words), *_positions(doc, LEMMA, lemmas)}):
            token = doc[i]
            for child in token.children:
                word = child.lower_
                if (child.dep_ == "poss" and word in _POSSESSIVES) or (
                    child.dep_ == "det" and word in _DEMONSTRATIVES and token.lower_ == "country"
                ):
                    spans.append(doc[child.i : token.i + 1])
                    break
        return spans

    def _pronoun(self, span: Span, context: DocumentResolver, mentions: Mentions) -> None:
        determiner, noun = span[0], span[-1]
        if determiner.lower_ in _DEMONSTRATIVES:
            antecedent = next(
                (r for r in reversed(context.history) if r.entry and r.entry.kind == "country"),
                None,
            )
        else:
            antecedent = self._subject(noun, _POSSESSIVES[determiner.lower_], mentions, context)
        if antecedent is None or antecedent.actor is None or antecedent.actor.code is None:
            return
        agent = self.resolver.kb.agent(fold_word(noun.text)) or self.resolver.kb.agent(
            fold_word(noun.lemma_)
        )
        sector = None
        if agent is not None and noun.lower_ not in ("country", "nation"):
            sector = agent.sector
        actor = Actor(name=span.text, code=antecedent.actor.code, sector=sector)
        self._add(mentions, span, Resolution(actor, how="pronoun"))

    @staticmethod
    def _subject(
        token: Token, wanted: str, mentions: Mentions, context: DocumentResolver
    ) -> Resolution | None:
        """The resolved subject the pronoun before ``token`` refers to: the subject of the
        nearest governing verb that has one, else the last fitting actor of the document."""
        node = token
        while node.head.i != node.i:
            node = node.head
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            for subject in subjects:
                found = mentions.at(subject.idx)
                if found is not None and found.actor.code is not None:
                    is_person = found.actor.role is not None or subject.ent_type_ == "PERSON"
                    if wanted == "person" and not is_person:
                        continue
                    if wanted == "thing" and is_person:
                        continue
                    return Resolution(found.actor, how="pronoun")
        for earlier in reversed(context.history):
            kind = earlier.entry.kind if earlier.entry else ""
            if wanted == "person" and kind != "person":
                continue
            if wanted == "thing" and kind == "person":
                continue
            return earlier
        return None
