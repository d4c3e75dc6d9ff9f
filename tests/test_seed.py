"""The seed post of ../shared/examples end to end (skipped where ../shared is absent).

Most tests here pin the rule coder's reading (``--coder rules``); ``test_seed_gold_events_*``
count the gold events each coder finds, the default (trained) coder included."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from newsgraph.ingest import read_paths
from newsgraph.model import Document, Event, Span
from newsgraph.nlp import Annotator
from newsgraph.nlp.claims.tagger import claims_of, refine_event

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _extract_seed(coder: str) -> dict[str, Any]:
    """``newsgraph extract`` of the seed post with ``coder``, as a user runs it."""
    path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_post.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(path), "--coder", coder],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = result.stdout.splitlines()
    data: dict[str, Any] = json.loads(line)
    return data


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return _extract_seed("rules")


def test_seed_metadata(seed: dict[str, Any]) -> None:
    assert seed["tags"] == ["Venezuela", "Russia/USA"]
    assert seed["outlet"] == "The Washington Post"
    assert seed["outlet_abbreviation"] == "WP"
    assert seed["headline"] == "Venezuela turned to Putin for help amid US threats"
    assert seed["published"] == "2025-10-31"
    assert seed["credit"] == "AFP"
    assert not seed["text"].rstrip().endswith("\na")


def test_seed_annotations_are_present_and_truthful(seed: dict[str, Any]) -> None:
    text = seed["text"]
    assert seed["entities"] and seed["times"] and seed["events"]
    for item in seed["entities"] + seed["times"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for event in seed["events"]:
        for span in [event["trigger"], *event["actors"], *event["recipients"]]:
            assert text[span["start"] : span["end"]] == span["text"]
        time = event["time"]
        if time and time["start"] is not None:
            assert text[time["start"] : time["end"]] == time["text"]


def test_seed_times(seed: dict[str, Any]) -> None:
    values = {t["text"]: t["value"] for t in seed["times"]}
    assert values["Sunday"] == "2025-10-26"
    assert values["Wednesday"] == "2025-10-29"
    assert values["this month"] == "2025-10"
    assert values["2023"] == "2023"


@pytest.mark.parametrize(
    ("name", "code", "sector", "role"),
    [
        ("Nicolás Maduro", "VEN", "GOV", "President"),
        ("Putin", "RUS", "GOV", "President"),
        ("Xi Jinping", "CHN", "GOV", "President"),
        ("Ramón Celestino Velásquez", "VEN", "GOV", "Transport Minister"),
        ("Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman"),
    ],
)
def test_seed_people_resolve_on_the_publication_date(
    seed: dict[str, Any], name: str, code: str, sector: str, role: str
) -> None:
    actors = [e["actor"] for e in seed["entities"] if e["text"] == name and e["actor"]]
    assert actors, f"{name} has no resolved actor"
    assert {(a["code"], a["sector"], a["role"]) for a in actors} == {(code, sector, role)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Russians", "RUS"),
        ("US", "USA"),
        ("Washington", "USA"),
        ("Caracas", "VEN"),
        ("Iran", "IRN"),
    ],
)
def test_seed_places_and_peoples_resolve(seed: dict[str, Any], text: str, code: str) -> None:
    codes = {e["actor"]["code"] for e in seed["entities"] if e["text"] == text and e["actor"]}
    assert codes == {code}


def test_seed_american_troops_are_us_military(seed: dict[str, Any]) -> None:
    found = [
        a
        for event in seed["events"]
        for a in event["actors"] + event["recipients"]
        if a["text"] == "American troops"
    ]
    assert found and {(a["code"], a["sector"]) for a in found} == {("USA", "MIL")}


def _items(seed: dict[str, Any]) -> list[dict[str, Any]]:
    """Every materiel item of every event, once per span, with the first event carrying it."""
    found: dict[int, dict[str, Any]] = {}
    for event in seed["events"]:
        for item in event["materiel"]:
            found.setdefault(item["start"], {**item, "event": event})
    return sorted(found.values(), key=lambda item: item["start"])


def _sentence_times(seed: dict[str, Any], words: str) -> set[str | None]:
    text = seed["text"]
    return {
        (event["time"] or {}).get("value")
        for event in seed["events"]
        if words in text[event["sentence"]["start"] : event["sentence"]["end"]]
    }


def test_seed_time_granularity(seed: dict[str, Any]) -> None:
    by_text = {t["text"]: t for t in seed["times"]}
    assert (by_text["Sunday"]["granularity"], by_text["Sunday"]["type"]) == ("day", "exact")
    assert (by_text["this month"]["granularity"], by_text["this month"]["type"]) == (
        "month",
        "exact",
    )
    assert by_text["2023"]["granularity"] == "year"
    for time in seed["times"]:
        assert time["reason"]


def test_seed_event_dates(seed: dict[str, Any]) -> None:
    # The 2023 sanction: the year that modifies "sanctioned", not the Sunday that opens the
    # sentence.
    sanction = [e for e in seed["events"] if e["type"] == "SANCTION"]
    assert sanction and {e["time"]["value"] for e in sanction} == {"2023"}
    # The visit this month, and Peskov's words on Wednesday.
    assert _sentence_times(seed, "a visit by a senior aide") == {"2025-10"}
    assert _sentence_times(seed, "Peskov") == {"2025-10-29"}


def test_seed_quantities(seed: dict[str, Any]) -> None:
    items = _items(seed)

    def one(**fields: Any) -> dict[str, Any]:
        (found,) = [i for i in items if all(i[k] == v for k, v in fields.items())]
        return found

    engines = one(text="engines")
    assert (engines["count"], engines["quantity"], engines["action"]) == (8, "eight", "overhaul")
    radars = one(item="radar", count=5)
    assert (radars["quantity"], radars["action"]) == ("five", "overhaul")
    missiles = one(quantity="14 sets of")
    assert (missiles["item"], missiles["count"], missiles["unit"]) == ("missile", 14, "set")
    assert (missiles["hedge"], missiles["action"]) == ("what are believed to be", "acquire")
    sukhoi = one(designation="Su-20MK2")
    assert (sukhoi["item"], sukhoi["count"], sukhoi["quantity"], sukhoi["approximate"]) == (
        "aircraft",
        None,
        "several",
        True,
    )
    assert sukhoi["action"] == "restore"
    for words in ("drones", "military equipment"):
        item = one(text=words)
        assert item["action"] == "deliver"
        sentence = item["event"]["sentence"]
        assert "Iran" in seed["text"][sentence["start"] : sentence["end"]]
    assert one(text="upgraded aircraft")["event"]["type"] == "REQUEST"
    platforms = [e["text"] for e in seed["entities"] if e["label"] == "PLATFORM"]
    assert "Il-76 plane" in platforms


def test_seed_transfers(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_post.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    db = tmp_path / "seed.duckdb"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "ingest",
            str(path),
            "--db",
            str(db),
            "--coder",
            "rules",
        ],
        capture_output=True,
        check=True,
    )
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "transfers", "--db", str(db), "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(result.stdout)
    missiles = [r for r in rows if r["quantity"] == "14 sets of"]
    assert missiles and missiles[0]["status"] == "requested"
    assert missiles[0]["hedge"] == "what are believed to be"
    drones = [r for r in rows if r["text"] == "drones"]
    assert drones and drones[0]["supplier"] == "Iran"
    assert {r["status"] for r in rows if r["event_type"] == "REQUEST"} == {"requested"}


def _find(seed: dict[str, Any], kind: str, trigger: str, near: str) -> dict[str, Any]:
    """The event of type ``kind`` triggered by ``trigger`` in the sentence containing ``near``."""
    text = seed["text"]
    found = [
        e
        for e in seed["events"]
        if e["type"] == kind
        and e["trigger"]["text"] == trigger
        and near in text[e["sentence"]["start"] : e["sentence"]["end"]]
    ]
    assert len(found) == 1, f"{kind}/{trigger} near {near!r}: {len(found)} events"
    return found[0]


def _texts(parties: list[dict[str, Any]]) -> list[str]:
    return [p["text"] for p in parties]


# (type, trigger, words of its sentence, actor words, recipient words, actor and recipient
# country codes)
SEED_EVENTS = [
    ("REQUEST", "turned", "turned to Putin", ["Venezuela"], ["Putin"], ("VEN", "RUS")),
    ("REQUEST", "requesting", "prepared a letter", ["Nicolás Maduro"], ["Russia"], ("VEN", "RUS")),
    ("REQUEST", "asked", "asked the Russians", ["Maduro"], ["Russians"], ("VEN", "RUS")),
    ("REQUEST", "requesting", "Xi Jinping", ["Maduro"], ["Xi Jinping"], ("VEN", "CHN")),
    ("AID", "delivery", "drones from Iran", ["Iran"], [], ("IRN", None)),
    ("CONSULT", "visit", "senior aide", ["a senior aide"], ["Russian capital"], (None, "RUS")),
    ("MOBILIZE", "buildup", "buildup of American", ["American troops"], [], ("USA", None)),
    ("SUPPORT", "respects", "Peskov", ["Moscow"], ["Venezuela"], ("RUS", "VEN")),
    ("SANCTION", "sanctioned", "Il-76", ["US"], ["Russian planes"], ("USA", "RUS")),
]


@pytest.mark.parametrize(("kind", "trigger", "near", "actors", "recipients", "codes"), SEED_EVENTS)
def test_seed_events(
    seed: dict[str, Any],
    kind: str,
    trigger: str,
    near: str,
    actors: list[str],
    recipients: list[str],
    codes: tuple[str | None, str | None],
) -> None:
    event = _find(seed, kind, trigger, near)
    assert _texts(event["actors"]) == actors
    assert _texts(event["recipients"]) == recipients
    # The countries the actor resolver gives them.
    actor, recipient = codes
    if actor:
        assert actor in {str(a["code"])[:3] for a in event["actors"] if a["code"]}
    if recipient:
        assert recipient in {str(r["code"])[:3] for r in event["recipients"] if r["code"]}


def test_seed_unclear_sentence_has_no_event(seed: dict[str, Any]) -> None:
    text = seed["text"]
    start = text.index("It is unclear")
    assert not [e for e in seed["events"] if e["sentence"]["start"] <= start < e["sentence"]["end"]]


# The claims layer on every item of PRODUCT.md's seed example (status, certainty, attribution
# chain). Each item is a word of the post and its occurrence; the expectations are checked on
# an event made at that word (whatever the event coder finds) and on every event the pipeline
# itself made there.
WP = "The Washington Post"
INTERNAL = [WP, "internal US government documents"]
DOCUMENTS = [WP, "documents"]
SEED_CLAIMS = [
    # word, occurrence, status, certainty, chain
    ("requesting", 0, "done", "asserted", [WP]),  # the sub-headline: WP's own words
    ("supply", 0, "requested", "asserted", [WP]),
    ("buildup", 0, "under_way", "reported", INTERNAL),
    ("reaching", 0, "under_way", "reported", INTERNAL),
    ("requesting", 1, "under_way", "reported", INTERNAL),
    ("requests", 0, "done", "reported", DOCUMENTS),
    ("delivered", 0, "planned", "reported", DOCUMENTS),  # "was to be delivered"
    ("visit", 0, "planned", "reported", DOCUMENTS),  # "during a visit ... this month"
    ("asked", 0, "done", "reported", DOCUMENTS),
    ("help", 1, "requested", "reported", DOCUMENTS),
    ("requested", 0, "done", "reported", DOCUMENTS),
    ("requesting", 2, "done", "reported", DOCUMENTS),  # the letter to Xi Jinping
    ("cooperation", 0, "requested", "reported", DOCUMENTS),
    ("delivery", 0, "done", "reported", DOCUMENTS),  # from Iran
    ("visit", 1, "planned", "reported", DOCUMENTS),  # "planning a visit to that country"
    ("alleged", 0, "done", "alleged", [WP, "US documents"]),
    ("responded", 0, "done", "uncertain", [WP, "US documents"]),  # "it is unclear ... how"
    ("arrived", 0, "done", "reported", [WP]),  # "the publication notes": WP itself
    ("sanctioned", 0, "done", "reported", [WP]),
    ("stated", 0, "done", "reported", [WP]),
    ("respects", 0, "done", "reported", [WP, "Dmitry Peskov"]),
    ("blow", 0, "hypothetical", "uncertain", [WP]),  # "would be a serious blow"
]


@pytest.fixture(scope="module")
def seed_doc(full_annotator: Annotator) -> Doc:
    path = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed_post.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    (document,) = read_paths([path])
    assert isinstance(document, Document)
    ((_, doc),) = full_annotator.parse([document])
    return doc


def _occurrence(text: str, word: str, nth: int) -> int:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    return starts[nth]


@pytest.mark.parametrize(("word", "nth", "status", "certainty", "chain"), SEED_CLAIMS)
def test_seed_claims(
    seed_doc: Doc, word: str, nth: int, status: str, certainty: str, chain: list[str]
) -> None:
    start = _occurrence(seed_doc.text, word, nth)
    sent = seed_doc.char_span(start, start + len(word))[0].sent
    event = Event(
        id=word,
        type="AID",
        trigger=Span(start, start + len(word), word),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )
    outlet = seed_doc._.ng_outlet
    refined = refine_event(seed_doc, event, claims_of(seed_doc, outlet=outlet), outlet=outlet)
    assert (refined.status, refined.certainty) == (status, certainty)
    assert [link.name for link in refined.attribution] == chain


def test_seed_pipeline_events_carry_the_claims(seed: dict[str, Any]) -> None:
    """Certainty and attribution chain of the pipeline's events (their status, which the
    trained status model decides, is in test_seed_pipeline_status)."""
    expected = {
        _occurrence(seed["text"], word, nth): (certainty, chain)
        for word, nth, _, certainty, chain in SEED_CLAIMS
    }
    checked = 0
    for event in seed["events"]:
        want = expected.get(event["trigger"]["start"])
        if want is None:
            continue
        names = [link["name"] for link in event["attribution"]]
        assert (event["certainty"], names) == want, event["trigger"]
        checked += 1
    assert checked >= 5  # the event coder finds most of these items


_VISIT_MISS = pytest.mark.xfail(
    strict=True,
    reason="the coder types the visit CONSULT, and in the corpus a planned visit is an AGREE "
    "(PROTOCOL.md decision 11): the status model has seen CONSULT only carried out",
)

#: The statuses PROTOCOL.md gives the seed's events (issue 13: requested for Maduro's
#: requests, planned for the visit, done for the acts carried out).
SEED_STATUSES = [
    ("requesting", 0, "requested"),
    ("requesting", 1, "requested"),
    ("requests", 0, "requested"),
    ("asked", 0, "requested"),
    ("requested", 0, "requested"),
    ("requesting", 2, "requested"),
    ("visit", 0, "planned"),
    ("visit", 1, "planned"),
    ("delivery", 0, "done"),
    ("arrived", 0, "done"),
    ("sanctioned", 0, "done"),
    ("aggression", 0, "done"),
    ("respects", 0, "done"),
]


@pytest.mark.parametrize(
    ("word", "nth", "status"),
    [
        pytest.param(*item, marks=_VISIT_MISS) if item[0] == "visit" else item
        for item in SEED_STATUSES
    ],
)
def test_seed_pipeline_status(seed: dict[str, Any], word: str, nth: int, status: str) -> None:
    start = _occurrence(seed["text"], word, nth)
    found = [e["status"] for e in seed["events"] if e["trigger"]["start"] == start]
    if not found:
        pytest.skip(f"the coder makes no event of {word!r} ({nth})")
    assert set(found) == {status}


def test_seed_pipeline_statuses_are_mostly_coded(seed: dict[str, Any]) -> None:
    starts = {e["trigger"]["start"] for e in seed["events"]}
    coded = [w for w, nth, _ in SEED_STATUSES if _occurrence(seed["text"], w, nth) in starts]
    assert len(coded) >= 9, coded  # of the 13 above; the rest are events the coder misses


def test_seed_attributions(seed: dict[str, Any]) -> None:
    text = seed["text"]
    found = {
        (a["source"]["text"] if a["source"] else None, a["cue"]["text"])
        for a in seed["attributions"]
    }
    assert ("internal US government documents", "according to") in found
    assert ("The documents", "state") in found
    assert ("the US documents", "state") in found
    assert ("Kremlin spokesman Dmitry Peskov", "stated") in found
    assert ("WP", "according to") in found
    for attribution in seed["attributions"]:
        for part in ("source", "cue"):
            span = attribution[part]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]


# The seed's gold events (PRODUCT.md's list, the Il-76's arrival and Maduro's accusation): the
# words of the sentence, the types that count, and the actor and recipient countries (None: not
# checked). An event matches when it is in that sentence, of one of the types, and its actors
# and recipients include those countries.
GOLD_EVENTS = [
    ("prepared a letter", {"REQUEST"}, "VEN", "RUS"),
    ("asked the Russians", {"REQUEST"}, "VEN", "RUS"),
    ("overhauling eight engines", {"REQUEST"}, "VEN", None),
    ("Xi Jinping", {"REQUEST"}, "VEN", "CHN"),
    ("drones from Iran", {"AID"}, None, None),
    ("senior aide", {"CONSULT", "AGREE"}, None, "RUS"),
    ("buildup of American", {"MOBILIZE"}, "USA", None),
    ("arrived in Caracas", {"AID", "MOBILIZE", "CONSULT"}, None, None),
    ("Peskov", {"SUPPORT"}, "RUS", "VEN"),
    ("sanctioned by the US", {"SANCTION"}, "USA", "RUS"),
    ("presenting US military actions", {"ACCUSE"}, "VEN", "USA"),
]


def _codes(parties: list[dict[str, Any]]) -> set[str]:
    return {str(p["code"])[:3] for p in parties if p.get("code")}


def gold_events_found(record: dict[str, Any]) -> list[str]:
    """The gold events of the seed that ``record`` (its annotated JSON) finds."""
    text = record["text"]
    found = []
    for near, kinds, actor, recipient in GOLD_EVENTS:
        for event in record["events"]:
            sentence = text[event["sentence"]["start"] : event["sentence"]["end"]]
            if (
                near in sentence
                and event["type"] in kinds
                and (actor is None or actor in _codes(event["actors"]))
                and (recipient is None or recipient in _codes(event["recipients"]))
            ):
                found.append(near)
                break
    return found


# The trained coder's floor: 8 of 11 before the corpus's sixth round, 7 after it (the sentence
# of Maduro presenting US actions as aggression is now SUPPORT "emphasized"); training/README.md.
@pytest.mark.parametrize(("coder", "at_least"), [("rules", 9), ("model", 7)])
def test_seed_gold_events_found_by_each_coder(coder: str, at_least: int) -> None:
    record = _extract_seed(coder)
    found = gold_events_found(record)
    assert len(found) >= at_least, found
    # "It is unclear from the documents how Russia, China, and Iran responded": no event
    assert not [e for e in record["events"] if e["trigger"]["text"] == "responded"]
