"""Arms transfers from text, end to end (coder, status model, materiel, the transfers view): a
transfer is delivered only when the text says the materiel moved. Sentences written here;
Sylvania and Ruritania are invented countries."""

from __future__ import annotations

from newsgraph.ingest import parse_record
from newsgraph.nlp.pipeline import Annotator
from newsgraph.store import Store, TransferQuery, find_transfers

#: (text, whether it tells of a delivery carried out)
SENTENCES = [
    ("Sylvania delivered forty drones to Ruritania on Monday.", True),
    (
        "Two Sylvanian transport planes carrying air defence systems arrived in Ruritania"
        " on Sunday.",
        True,
    ),
    ("Sylvania plans to deliver forty drones to Ruritania next year.", False),
    ("Sylvania refused to send tanks to Ruritania.", False),
    ("Ruritania asked Sylvania to supply air defence radars.", False),
    ("Sylvania offered to sell patrol boats to Ruritania.", False),
    ("Sylvania promised to send artillery shells to Ruritania.", False),
    ("Sylvania and Ruritania signed a contract for twelve helicopters.", False),
    ("Sylvania denied that it had sent rifles to the rebels.", False),
    ("Sylvania will hand over ten howitzers to Ruritania next month.", False),
]


def test_no_non_delivery_is_shown_as_delivered(store: Store) -> None:
    annotator = Annotator(coder="model")
    documents = [
        parse_record({"id": f"s{i}", "text": text, "published": "2025-03-14"}, origin="mem:tr")
        for i, (text, _) in enumerate(SENTENCES)
    ]
    store.write_batch(list(annotator.annotate(documents)))
    by_text: dict[str, set[str]] = {}
    for row in find_transfers(store, TransferQuery(limit=1000)):
        text = next(t for t, _ in SENTENCES if row["evidence"] and row["evidence"] in t)
        by_text.setdefault(text, set()).add(row["status"])
    for text, delivered in SENTENCES:
        statuses = by_text.get(text, set())
        if delivered:
            assert "delivered" in statuses, text
        else:
            assert "delivered" not in statuses, (text, statuses)
    # most of the non-deliveries are listed, with a status other than "reported"
    told = [t for t, d in SENTENCES if not d and by_text.get(t, set()) - {"reported"}]
    assert len(told) >= 5, by_text
