"""The index of actor mentions answers as a look through them all would."""

from __future__ import annotations

import random

from newsgraph.model import Actor, EventActor
from newsgraph.nlp.actors.mentions import Mentions


def _mentions(seed: int) -> list[EventActor]:
    draw = random.Random(seed)
    found = []
    for _ in range(60):
        start = draw.randrange(0, 300)
        end = start + draw.randrange(1, 40)
        found.append(EventActor(Actor(f"a{start}", "RUR"), start, end, "x" * (end - start)))
    return found


def _shortest_holding(mentions: list[EventActor], position: int) -> EventActor | None:
    best = None
    for mention in mentions:
        if mention.start <= position < mention.end and (
            best is None or mention.end - mention.start < best.end - best.start
        ):
            best = mention
    return best


def test_mentions_index_matches_a_full_look() -> None:
    for seed in range(5):
        given = _mentions(seed)
        index = Mentions()
        kept: list[EventActor] = []
        for mention in given:
            added = index.add(mention)
            assert added == all((m.start, m.end) != (mention.start, mention.end) for m in kept)
            if added:
                kept.append(mention)
        assert list(index) == kept
        for position in range(345):
            assert index.at(position) is _shortest_holding(kept, position)
        for start, end in [(0, 50), (20, 90), (100, 101), (150, 400)]:
            expected = [m for m in kept if start <= m.start and m.end < end]
            assert list(index.within(start, end)) == expected
