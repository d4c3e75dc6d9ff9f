"""The event scorers on tiny gold files written here, with hand-made predictions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.eval import run_eval
from newsgraph.model import AnnotatedDocument, Document, Event

from .conftest import Annotate, arg, event

FakePipeline = Callable[[Annotate], list[Document]]


def _plover_gsr(root: Path) -> Path:
    folder = root / "plover-gsr"
    folder.mkdir()
    records = [
        {"id": "DOC", "event": "DOCUMENT", "comment": "metadata"},
        {
            "id": "R1",
            "date": "2001-02-03",
            "event": "DEMAND",
            "text": "Ruritania demanded that Freedonia pay.",
            "source": [{"actorText": "Ruritania", "code": "RUR"}],
            "target": [{"actorText": "Freedonia", "code": "FRE"}],
        },
        {
            "id": "R2",
            "event": "FIGHT",
            "text": "Ostland troops clashed with rebels.",
            "source": [{"actorText": "Ostland", "code": "OST", "sector": "MIL"}],
            "target": "",
        },
        {
            "id": "R3",
            "event": "AGREE",
            "text": "Elbonia agreed to talks.",
            "source": [{"actorText": "Elbonia", "code": "ELB"}],
        },
    ]
    (folder / "PLOVER_GSR_CAMEO.json").write_text(json.dumps(records), encoding="utf-8")
    return root


def _plover_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    if text.startswith("Ruritania"):
        events: tuple[Event, ...] = (
            event(
                text,
                "demanded",
                type="REQUEST",
                actors=(arg(text, "Ruritania", "RURGOV"),),
                recipients=(arg(text, "Freedonia", "XXX"),),
            ),
        )
    elif text.startswith("Ostland"):
        events = (
            event(text, "troops", type="SUPPORT", confidence=0.5),
            event(
                text,
                "clashed",
                type="ASSAULT",
                actors=(arg(text, "Ostland troops", "OSTMIL"),),
                confidence=0.9,
            ),
        )
    else:
        events = ()
    return AnnotatedDocument(document=document, events=events)


def test_plover_gsr_figures(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_plover_predictions)
    [report] = run_eval("plover-gsr", data=_plover_gsr(tmp_path), settings=Settings())
    assert report.counts["items"] == 3
    assert report.counts["gold_with_source"] == 3
    assert report.counts["gold_with_target"] == 1
    # Gold DEMAND/FIGHT score as REQUEST/ASSAULT; the top event is the most confident.
    assert report.metrics["type_accuracy"] == pytest.approx(2 / 3)
    assert report.metrics["type_macro_f1"] == pytest.approx(2 / 3)
    assert report.metrics["source_match"] == pytest.approx(2 / 3)
    assert report.metrics["target_match"] == 0.0
    assert report.tables["top_confusions"] == [{"gold": "AGREE", "predicted": "NONE", "count": 1}]
    assert str(fed[0].published) == "2001-02-03"
    assert fed[1].published is None


def _conflibert(root: Path) -> Path:
    folder = root / "conflibert-cameo"
    (folder / "cameo_class").mkdir(parents=True)
    (folder / "cameo_ner").mkdir()
    (folder / "cameo_class" / "train.tsv").write_text(
        "Ostland shelled the border town.\t4\n"
        "Elbonia said it would look into trade.\t1\n"
        "The weather was mild.\t0\n",
        encoding="utf-8",
    )
    (folder / "cameo_ner" / "train.txt").write_text(
        "The B-S\nOstland I-S\narmy I-S\nshelled O\nElbonian B-T\nvillages I-T\n. O\n\n"
        "Zed B-R\nand O\nQuux B-R\nagreed O\n. O\n",
        encoding="utf-8",
    )
    return root


def _conflibert_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    events: tuple[Event, ...] = ()
    if text.startswith("Ostland"):
        events = (event(text, "shelled", type="ASSAULT", cameo="190"),)
    elif text.startswith("Elbonia"):
        events = (event(text, "said", cameo="010"),)
    elif text.startswith("The Ostland"):
        events = (
            event(
                text,
                "shelled",
                cameo="190",
                actors=(arg(text, "Ostland army"),),
                recipients=(arg(text, "Elbonian villages"),),
            ),
        )
    elif text.startswith("Zed"):
        events = (event(text, "agreed", cameo="030", actors=(arg(text, "Zed"),)),)
    return AnnotatedDocument(document=document, events=events)


def test_conflibert_quad_and_spans(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_conflibert_predictions)
    [report] = run_eval("conflibert-cameo", data=_conflibert(tmp_path), settings=Settings())
    assert fed[3].text == "The Ostland army shelled Elbonian villages."
    assert report.counts["class_items"] == 3
    assert report.counts["ner_items"] == 2
    m = report.metrics
    # 190 -> 4 (right), 010 -> 0 (gold 1), no event -> 0 (right).
    assert m["quad_accuracy"] == pytest.approx(2 / 3)
    assert m["quad_macro_f1"] == pytest.approx((1 + 0 + 0 + 0 + 2 / 3) / 5)
    # by PLOVER type, the dataset's way: ASSAULT -> 4, CONSULT ("said") -> 1: all three right
    assert m["quad_macro_f1_by_type"] == pytest.approx((1 + 1 + 0 + 0 + 1) / 5)
    # "Ostland army" shares tokens with "The Ostland army" but is not equal to it; "Zed" is a
    # predicted actor with no gold S span in its sentence.
    assert (m["actor_span_relaxed_precision"], m["actor_span_relaxed_recall"]) == (0.5, 1.0)
    assert m["actor_span_strict_f1"] == 0.0
    assert m["recipient_span_strict_f1"] == 1.0
    assert m["reciprocal_span_relaxed_recall"] == 0.5
    assert report.counts["gold_reciprocal_spans"] == 2


def _petrarch(root: Path) -> Path:
    folder = root / "petrarch2-unittest"
    folder.mkdir()
    (folder / "PETR.UnitTest.records.xml").write_text(
        """<Validation><Sentences>
<!-- a comment the reader must skip -->
<Sentence date="19950102" id="T-01" category="DEMO">
<EventCoding sourcecode="OST" targetcode="ELB" eventcode="064"></EventCoding>
<EventCoding sourcecode="ELB" targetcode="OST" eventcode="042"></EventCoding>
<Text>
Ostland renewed ties with
Elbonia, whose envoy then visited Ostland.
</Text>
</Sentence>
<Sentence date="19950102" id="T-02" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened in Ostland.</Text>
</Sentence>
<Sentence date="19950102" id="T-03" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Ostland won the cup.</Text>
</Sentence>
</Sentences></Validation>""",
        encoding="utf-8",
    )
    return root


def _petrarch_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    events: tuple[Event, ...] = ()
    if text.startswith("Ostland renewed"):
        events = (
            event(
                text,
                "renewed",
                cameo="064",
                actors=(arg(text, "Ostland", "OST"),),
                recipients=(arg(text, "Elbonia", "ELB"),),
            ),
            event(
                text,
                "visited",
                cameo="043",
                actors=(arg(text, "Elbonia", "ELB"),),
                recipients=(arg(text, "Ostland", "OST"),),
            ),
        )
    elif text.startswith("Nothing"):
        events = (event(text, "happened", cameo="010"),)
    return AnnotatedDocument(document=document, events=events)


def test_petrarch_triples_full_and_root(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_petrarch_predictions)
    [report] = run_eval("petrarch2-unittest", data=_petrarch(tmp_path), settings=Settings())
    assert fed[0].text == "Ostland renewed ties with Elbonia, whose envoy then visited Ostland."
    assert str(fed[0].published) == "1995-01-02"
    c, m = report.counts, report.metrics
    assert (c["items"], c["noevent_items"], c["error_items"]) == (3, 1, 1)
    assert (c["gold_triples"], c["predicted_triples"]) == (2, 3)
    assert (m["triple_precision"], m["triple_recall"]) == pytest.approx((1 / 3, 1 / 2))
    # 043 and 042 share the root 04; the unresolved triple in T-02 never matches.
    assert (m["triple_root_precision"], m["triple_root_recall"]) == pytest.approx((2 / 3, 1))
    assert (m["eventcode_precision"], m["eventcode_recall"]) == pytest.approx((1 / 3, 1 / 2))
    # Pairs ignore the event code: (OST, ELB) and (ELB, OST) both match; ("", "") never does.
    assert (m["actor_pair_precision"], m["actor_pair_recall"]) == pytest.approx((2 / 3, 1))
