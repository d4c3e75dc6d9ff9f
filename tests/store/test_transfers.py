"""The transfers view (migrations 0002 and 0005) and its listing."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import ConfigError
from newsgraph.ingest import parse_record
from newsgraph.model import (
    Actor,
    AnnotatedDocument,
    EntityMention,
    Event,
    EventActor,
    EventTime,
    MaterielItem,
    Span,
    event_id,
)
from newsgraph.nlp.materiel.links import materiel_actions
from newsgraph.store import Store, TransferQuery, find_transfers
from newsgraph.store.migrations import apply_migrations, migrations

TEXT = (
    "Ruritania asked Freedonia for eight radars. Sylvania delivered drones to Ruritania on Monday."
)


def _party(name: str, start: int, code: str | None = None) -> EventActor:
    return EventActor(Actor(name, code), start, start + len(name), name)


def _event(
    doc_id: str,
    *,
    kind: str,
    trigger: tuple[int, str],
    sentence: tuple[int, int],
    actors: tuple[EventActor, ...],
    recipients: tuple[EventActor, ...],
    materiel: tuple[MaterielItem, ...],
    status: str | None = None,
    time: EventTime | None = None,
    negated: bool = False,
) -> Event:
    start, word = trigger
    return Event(
        id=event_id(doc_id, sentence_start=sentence[0], trigger_start=start, event_type=kind),
        type=kind,
        trigger=Span(start, start + len(word), word),
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        actors=actors,
        recipients=recipients,
        status=status,
        time=time or EventTime.from_publication(date(2025, 3, 14)),
        materiel=materiel,
        confidence=0.7,
        negated=negated,
    )


def _document(
    *,
    delivery_status: str | None = None,
    when: EventTime | None = None,
    action: str = "deliver",
    negated: bool = False,
) -> AnnotatedDocument:
    doc = parse_record({"text": TEXT, "published": "2025-03-14"}, origin="mem:t")
    radars = MaterielItem(36, 42, "radars", "radar", "radar", None, 8, None, "request", "eight")
    drones = MaterielItem(63, 69, "drones", "drone", "drone", None, None, None, action)
    request = _event(
        doc.id,
        kind="REQUEST",
        trigger=(10, "asked"),
        sentence=(0, 43),
        actors=(_party("Ruritania", 0, "RUR"),),
        recipients=(_party("Freedonia", 16),),
        materiel=(radars,),
    )
    delivery = _event(
        doc.id,
        kind="AID",
        trigger=(53, "delivered"),
        sentence=(44, len(TEXT)),
        # The event coder's words: the drones themselves are no party, and are left out.
        actors=(_party("Sylvania", 44), EventActor(Actor("drones"), 63, 69, "drones")),
        recipients=(_party("Ruritania", 73, "RUR"),),
        materiel=(drones,),
        status=delivery_status,
        time=when,
        negated=negated,
    )
    entities = (
        EntityMention(0, 9, "Ruritania", "GPE"),
        EntityMention(16, 25, "Freedonia", "GPE"),
        EntityMention(44, 52, "Sylvania", "GPE"),
        EntityMention(73, 82, "Ruritania", "GPE"),
    )
    return AnnotatedDocument(document=doc, entities=entities, events=(request, delivery))


def _stored(store: Store, **kwargs: object) -> dict[str, dict[str, object]]:
    store.write_batch([_document(**kwargs)])  # type: ignore[arg-type]
    return {row["item"]: row for row in find_transfers(store, TransferQuery())}


def test_request_is_requested_with_the_asked_party_supplying(store: Store) -> None:
    radar = _stored(store)["radar"]
    assert (radar["supplier"], radar["recipient"], radar["recipient_codes"]) == (
        "Freedonia",
        "Ruritania",
        "RUR",
    )
    assert (radar["status"], radar["status_basis"], radar["count"], radar["quantity"]) == (
        "requested",
        "event type",
        8,
        "eight",
    )
    assert radar["evidence"] == TEXT[:43]
    assert radar["date_source"] == "publication"


@pytest.mark.parametrize(
    ("status", "when", "expected", "basis"),
    [
        ("done", None, "delivered", "event status"),
        ("under_way", None, "under_way", "event status"),
        # Not carried out: the event's own status, never "delivered"
        ("planned", None, "planned", "event status"),
        ("promised", None, "promised", "event status"),
        ("offered", None, "offered", "event status"),
        ("agreed", None, "agreed", "event status"),
        ("requested", None, "requested", "event status"),
        ("refused", None, "refused", "event status"),
        ("denied", None, "denied", "event status"),
        ("hypothetical", None, "hypothetical", "event status"),
        # No status: a delivery the text dates before publication happened ...
        (None, "2025-03-10", "delivered", "item action"),
        # ... one it does not date, or dates later, is only reported.
        (None, None, "reported", "none"),
        (None, "2025-03-20", "reported", "none"),
    ],
)
def test_delivery_status(
    store: Store, status: str | None, when: str | None, expected: str, basis: str
) -> None:
    time = None
    if when:
        day = date.fromisoformat(when)
        time = EventTime(when, "day", "exact", "sentence", day, day, "test", "Monday", 83, 89)
    drone = _stored(store, delivery_status=status, when=time)["drone"]
    assert (drone["status"], drone["status_basis"]) == (expected, basis)
    assert (drone["supplier"], drone["recipient"]) == ("Sylvania", "Ruritania")


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        # what was done with the item decides whether a carried-out act moved it
        ("deliver", "delivered"),
        ("arrive", "delivered"),
        ("transfer", "delivered"),
        ("supply", "delivered"),
        ("sell", "agreed"),
        ("order", "agreed"),
        ("offer", "offered"),
        ("pledge", "promised"),
    ],
)
def test_done_is_delivered_only_when_the_item_moved(
    store: Store, action: str, expected: str
) -> None:
    drone = _stored(store, delivery_status="done", action=action)["drone"]
    assert drone["status"] == expected


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        # a THREATEN carried out whose trigger says the item moved ...
        (Span(53, 62, "delivered"), "delivered"),
        # ... and one whose trigger does not: a warning about a transfer is no delivery
        (Span(44, 52, "Sylvania"), "reported"),
    ],
)
def test_a_carried_out_act_is_a_delivery_only_when_it_moves_the_item(
    store: Store, trigger: Span, expected: str
) -> None:
    document = _document(delivery_status="done", action="transfer")
    event = dataclasses.replace(document.events[1], type="THREATEN", trigger=trigger)
    store.write_batch([dataclasses.replace(document, events=(document.events[0], event))])
    rows = [r for r in find_transfers(store, TransferQuery()) if r["item"] == "drone"]
    assert [r["status"] for r in rows] == [expected]


def test_a_negated_delivery_is_no_delivery(store: Store) -> None:
    drone = _stored(store, delivery_status="done", negated=True)["drone"]
    assert (drone["status"], drone["status_basis"]) == ("reported", "event status")


def test_filters(store: Store) -> None:
    store.write_batch([_document(delivery_status="done")])

    def items(**filters: object) -> list[str]:
        return [r["item"] for r in find_transfers(store, TransferQuery(**filters))]  # type: ignore[arg-type]

    assert items(supplier="sylvania") == ["drone"]
    assert sorted(items(recipient="RUR")) == ["drone", "radar"]
    assert items(status="requested") == ["radar"]
    assert items(item="dron") == ["drone"]
    assert items(since=date(2025, 3, 15)) == []
    with pytest.raises(ConfigError, match="--status"):
        items(status="shipped")


def test_old_store_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    first = migrations()[0]
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMP NOT NULL)"
    )
    con.execute(first.sql)
    con.execute("INSERT INTO schema_migrations VALUES (1, ?, now())", [first.name])
    con.execute(
        'INSERT INTO event_materiel (event_id, idx, start, "end", text, item) '
        "VALUES ('e', 0, 0, 1, 'x', 'radar')"
    )
    applied = apply_migrations(con)
    assert [m.name for m in applied] == [m.name for m in migrations()[1:]]
    assert "transfers" in [m.name for m in applied]
    row = con.execute("SELECT quantity, approximate, hedge FROM event_materiel").fetchone()
    assert row == (None, False, None)
    con.close()
    with Store(path) as store:
        assert store.query("SELECT * FROM transfers") == []


def test_view_speaks_the_action_table() -> None:
    """The SQL names actions; they must be actions of data/materiel_actions.tsv."""
    sql = next(m.sql for m in migrations() if m.name == "transfers")
    named = set()
    for group in re.findall(r"m\.action\s*(?:IN\s*\(([^)]*)\)|=\s*('[a-z_]+'))", sql):
        named.update(re.findall(r"'([a-z_]+)'", " ".join(group)))
    known = {action.action for action in materiel_actions().values()}
    assert named and named <= known, named - known
