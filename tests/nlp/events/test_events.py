"""The event coder on hand-written sentences about invented states (needs the English model).

Each case names the event the sentence should yield as its top event (highest confidence):
type, trigger, actor words and recipient words.
"""

from __future__ import annotations

import pytest

from newsgraph.ingest import parse_record
from newsgraph.model import Actor, AnnotatedDocument, Event, EventActor
from newsgraph.nlp import Annotator
from newsgraph.nlp.events.codes import plover_of
from newsgraph.nlp.events.rules import EXTRACTOR, _ranked

pytestmark = pytest.mark.model


def _annotate(annotator: Annotator, text: str) -> AnnotatedDocument:
    record = {"text": text, "published": "2025-10-31"}
    return annotator.annotate_one(parse_record(record, origin="t"))


def _top(result: AnnotatedDocument) -> Event:
    assert result.events, f"no event in {result.document.text!r}"
    return max(result.events, key=lambda e: e.confidence)


_DETERMINERS = ("the ", "a ", "an ")


def _words(actors: tuple[object, ...]) -> list[str]:
    """The words naming each argument, without a leading article (the actor tagger's mentions
    keep it, the parse's phrases do not)."""
    words = []
    for actor in actors:
        text: str = actor.text  # type: ignore[attr-defined]
        for article in _DETERMINERS:
            if text.lower().startswith(article):
                text = text[len(article) :]
        words.append(text)
    return words


@pytest.mark.parametrize(
    ("text", "kind", "trigger", "actors", "recipients"),
    [
        # A request and what is asked for: one event, the supply did not happen.
        (
            "Ruritania asked Freedonia to supply two air defence systems.",
            "REQUEST",
            "asked",
            ["Ruritania"],
            ["Freedonia"],
        ),
        # Passive: the agent acts.
        (
            "The convoy was attacked by Freedonian rebels near the town.",
            "ASSAULT",
            "attacked",
            ["Freedonian rebels"],
            ["convoy"],
        ),
        # Future cooperation is an intent (PLOVER AGREE).
        (
            "The foreign minister will visit Freedonia next week.",
            "AGREE",
            "visit",
            ["foreign minister"],
            ["Freedonia"],
        ),
        (
            "Ruritania threatened to cut diplomatic ties with Freedonia.",
            "THREATEN",
            "threatened",
            ["Ruritania"],
            ["Freedonia"],
        ),
        (
            "Freedonia refused to meet the Ruritanian envoy.",
            "REJECT",
            "refused",
            ["Freedonia"],
            ["Ruritanian envoy"],
        ),
        # The requester receives the rejection.
        (
            "Ruritania rejected a Freedonian request for talks.",
            "REJECT",
            "rejected",
            ["Ruritania"],
            ["Freedonian"],
        ),
        # "X said Y must ..." is X's demand on Y.
        (
            "The minister said that Freedonia must release the detained journalists.",
            "REQUEST",
            "release",
            ["minister"],
            ["Freedonia"],
        ),
        (
            "Ruritanian officials accused Freedonia of shelling a border village.",
            "ACCUSE",
            "accused",
            ["Ruritanian officials"],
            ["Freedonia"],
        ),
        # Nominal triggers.
        (
            "The buildup of Freedonian troops along the border alarmed Ruritania.",
            "MOBILIZE",
            "buildup",
            ["Freedonian troops"],
            [],
        ),
        (
            "The delivery of drones from Ruritania to Freedonia was completed last week.",
            "AID",
            "delivery",
            ["Ruritania"],
            ["Freedonia"],
        ),
        # "X, through its minister, ..." keeps X as the actor.
        (
            "Ruritania, through its foreign minister, urged Freedonia to withdraw its forces.",
            "REQUEST",
            "urged",
            ["Ruritania"],
            ["Freedonia"],
        ),
        (
            "Freedonia imposed sanctions on three Ruritanian banks.",
            "SANCTION",
            "imposed",
            ["Freedonia"],
            ["three Ruritanian banks"],
        ),
        # A participle: the noun it modifies receives, the agent acts.
        (
            "Two Ruritanian planes sanctioned by Freedonia in 2023 landed in Ostrava.",
            "SANCTION",
            "sanctioned",
            ["Freedonia"],
            ["Two Ruritanian planes"],
        ),
        # PLOVER: the visitor is the actor, the host the recipient.
        (
            "Ruritanian President Anna Kovac hosted the Freedonian prime minister in Zenda.",
            "CONSULT",
            "hosted",
            ["Freedonian prime minister"],
            ["Anna Kovac"],
        ),
        # Announced decisions are not threats.
        (
            "The government announced it would suspend military aid to Freedonia.",
            "SANCTION",
            "suspend",
            ["government"],
            ["Freedonia"],
        ),
        # "received X from Y": Y acts.
        (
            "Freedonia received six fighter jets from Ruritania.",
            "AID",
            "received",
            ["Ruritania"],
            ["Freedonia"],
        ),
        (
            "Police detained dozens of protesters in Zenda on Sunday.",
            "COERCE",
            "detained",
            ["Police"],
            ["protesters"],
        ),
        # A visit: the place visited is the host.
        (
            "The Ruritanian envoy arrived in Nairobi on a surprise visit.",
            "CONSULT",
            "arrived",
            ["Ruritanian envoy"],
            ["Nairobi"],
        ),
    ],
)
def test_event_coder_top_event(
    annotator: Annotator,
    text: str,
    kind: str,
    trigger: str,
    actors: list[str],
    recipients: list[str],
) -> None:
    top = _top(_annotate(annotator, text))
    assert (top.type, top.trigger.text) == (kind, trigger)
    assert _words(top.actors) == actors
    assert _words(top.recipients) == recipients


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear how Freedonia responded to the proposal.",
        "Ruritania is considering sending aid to Freedonia.",
        "Freedonia denied that its troops had crossed the border.",
        "The rebels claimed that they had attacked the airport.",
        "The spokesman declined to comment on the report.",
        "Shells crashed into the port overnight.",
        "Many voters think the election was close.",
    ],
)
def test_event_coder_codes_no_event(annotator: Annotator, text: str) -> None:
    assert _annotate(annotator, text).events == ()


def test_event_coder_records_negation(annotator: Annotator) -> None:
    (attack,) = _annotate(annotator, "Ruritania did not attack Freedonia.").events
    assert (attack.type, attack.negated) == ("ASSAULT", True)


def test_event_coder_finds_several_events_in_a_sentence(annotator: Annotator) -> None:
    text = "Ruritanian President Anna Kovac visited Freedonia and met Prime Minister Lars Holm."
    events = _annotate(annotator, text).events
    assert [(e.type, e.trigger.text) for e in events] == [
        ("CONSULT", "visited"),
        ("CONSULT", "met"),
    ]


def test_event_coder_keeps_the_accused_event_below_the_accusation(annotator: Annotator) -> None:
    text = "Ruritanian officials accused Freedonia of shelling a border village."
    events = {e.trigger.text: e for e in _annotate(annotator, text).events}
    assert events["accused"].confidence > events["shelling"].confidence
    assert _words(events["shelling"].actors) == ["Freedonia"]


def test_event_records_are_consistent(annotator: Annotator) -> None:
    text = (
        "Ruritania asked Freedonia to supply two air defence systems. Freedonian troops "
        "shelled the border town of Ostrava, and Ruritania imposed sanctions on Freedonia."
    )
    result = _annotate(annotator, text)
    assert len(result.events) >= 3
    for event in result.events:
        plover = plover_of(event.cameo or "")
        assert plover is not None and plover[0] == event.type  # type and code agree
        assert event.mode == plover[1]
        assert event.quad in (1, 2, 3, 4) and event.score is not None
        assert 0 < event.confidence < 1 and event.extractor == EXTRACTOR
        body = result.document.text
        assert body[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence_start <= event.trigger.start < event.sentence_end
        for party in (*event.actors, *event.recipients):
            assert body[party.start : party.end] == party.text


@pytest.mark.parametrize(
    ("text", "trigger", "words", "code"),
    [
        # A generic head placed by "in" or "of", an apposition, "loyal to".
        (
            "Farmers in Chile demanded that the government lower fuel prices.",
            "demanded",
            "Farmers in Chile",
            "CHL",
        ),
        (
            "A member of the Peruvian parliament started a hunger strike on Monday.",
            "started",
            "member of the Peruvian parliament",
            "PER",
        ),
        (
            "The interior minister, Rodrigo Duterte, ordered the arrest of three journalists.",
            "arrest",
            "interior minister, Rodrigo Duterte",
            "PHL",
        ),
        (
            "Fighters loyal to the Syrian government shelled a village near the border.",
            "shelled",
            "Fighters loyal to the Syrian government",
            "SYR",
        ),
        (
            "Nurses affiliated with the Chilean Medical Association stopped work on Monday.",
            "stopped",
            "Nurses affiliated with the Chilean Medical Association",
            "CHL",
        ),
        # People named only by what they are belong where the event happens.
        (
            "Thousands of protesters blocked roads in Chile on Monday.",
            "blocked",
            "protesters",
            "CHL",
        ),
        # An apposition named by a mention larger than its head word.
        (
            "The rebel group, Forces for Defence of Democracy, attacked the town on Monday.",
            "attacked",
            "rebel group, Forces for Defence of Democracy",
            "BDI",
        ),
        (
            "Rebels of the Forces for Defence of Democracy attacked the town on Monday.",
            "attacked",
            "Rebels of the Forces for Defence of Democracy",
            "BDI",
        ),
        # An ethnic group is coded by the country it lives in.
        (
            "Ethnic Russians in Estonia protested against the new language law.",
            "protested",
            "Ethnic Russians",
            "EST",
        ),
        # Unqualified forces belong to whoever moves them.
        (
            "Chile accelerated the withdrawal of forces from the border region.",
            "withdrawal",
            "Chile",
            "CHL",
        ),
        # A state participle: the subject acts ("is opposed to").
        (
            "Norway is opposed to the Canadian proposal on fishing quotas.",
            "opposed",
            "Norway",
            "NOR",
        ),
        # "engaged in": the passive subject takes part in the event noun.
        (
            "Kenyan troops were involved in the attack on the village.",
            "attack",
            "Kenyan troops",
            "KEN",
        ),
    ],
)
def test_event_actor_codes_generic_heads_by_their_names(
    annotator: Annotator, text: str, trigger: str, words: str, code: str
) -> None:
    events = {e.trigger.text: e for e in _annotate(annotator, text).events}
    assert trigger in events, f"no {trigger!r} event in {text!r}: {list(events)}"
    actors = events[trigger].actors
    assert [
        (a.text.removeprefix("The ").removeprefix("A "), a.actor.code[:3])
        for a in actors
        if a.actor.code
    ] == [(words, code)]


def test_event_actor_is_not_placed_by_where_it_moves_from(annotator: Annotator) -> None:
    # "from" after a movement is where they leave, not whose forces they are.
    text = "The withdrawal of some invasion forces from Chile began on Monday."
    top = _top(_annotate(annotator, text))
    assert top.type == "RETREAT"
    assert [a.actor.code for a in top.actors] == [None]


@pytest.mark.parametrize(
    ("text", "kind", "actors", "recipients"),
    [
        # "X said Y must be ready to ...": X demands it of Y, as with "must negotiate".
        (
            "The Ruritanian envoy said Freedonia must be ready to negotiate with the rebels.",
            "REQUEST",
            ["Ruritanian envoy"],
            ["Freedonia"],
        ),
        # Without "must" it is Freedonia's own readiness.
        (
            "The Ruritanian envoy said Freedonia is ready to negotiate with the rebels.",
            "AGREE",
            ["Freedonia"],
            ["rebels"],
        ),
        # An arrest with no agent: the state where it happens arrests.
        ("Two reporters were arrested in Chile on Monday.", "COERCE", ["Chile"], ["Two reporters"]),
    ],
)
def test_event_coder_reported_obligations_and_agentless_arrests(
    annotator: Annotator, text: str, kind: str, actors: list[str], recipients: list[str]
) -> None:
    top = _top(_annotate(annotator, text))
    assert top.type == kind
    assert (_words(top.actors), _words(top.recipients)) == (actors, recipients)


def test_event_actor_forces_are_not_placed_where_they_act(annotator: Annotator) -> None:
    # Troops may be foreign: only civilians named by what they are belong to the place.
    top = _top(_annotate(annotator, "Troops blocked roads in Chile on Monday."))
    assert [a.actor.code for a in top.actors] == [None]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [((None,), 0.8), (("CHL",), 0.85), ((None, "CHL"), 0.85), (("CHL",), 0.99)],
)
def test_event_ranking_prefers_resolved_actors(
    codes: tuple[str | None, ...], expected: float
) -> None:
    actors = [EventActor(Actor(name="x", code=code), 0, 1, "x") for code in codes]
    confidence = 0.97 if expected == 0.99 else 0.8
    assert _ranked(confidence, actors) == pytest.approx(expected)
