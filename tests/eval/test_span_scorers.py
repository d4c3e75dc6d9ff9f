"""The entity, attribution and time scorers on tiny gold files written here, with
hand-made predictions on the pipeline's (normalised) text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.eval import run_eval
from newsgraph.eval.tempeval import at_granularity
from newsgraph.model import (
    AnnotatedDocument,
    Attribution,
    Document,
    EntityMention,
    TimeExpression,
)

from .conftest import Annotate, attribution, entity, timex

FakePipeline = Callable[[Annotate], list[Document]]

RE3D_TEXT = "Colonel Zed Quux met Ostland officials.  \r\nThe army bought 12 tanks in March."


def _re3d(root: Path) -> Path:
    folder = root / "re3d" / "Toy Source"
    folder.mkdir(parents=True)
    document = {"_id": "D1", "title": "Toy", "text": RE3D_TEXT}
    (folder / "documents.json").write_text("\ufeff" + json.dumps(document) + "\n", encoding="utf-8")
    gold = [
        ("Colonel Zed Quux", "Person"),
        ("Zed Quux", "Person"),
        ("Ostland officials", "Organisation"),
        ("Ostland", "Nationality"),
        ("12", "Quantity"),
        ("March", "Temporal"),
        ("March", "Temporal"),
        ("The army", "DocumentReference"),
    ]
    lines = []
    for words, kind in gold:
        begin = RE3D_TEXT.index(words)
        lines.append(
            json.dumps(
                {
                    "documentId": "D1",
                    "begin": begin,
                    "end": begin + len(words),
                    "type": kind,
                    "value": words,
                }
            )
        )
    (folder / "entities.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _re3d_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    entities = (
        entity(text, "Zed Quux", "PERSON"),
        entity(text, "Ostland", "GPE"),
        entity(text, "12", "CARDINAL"),
        entity(text, "tanks", "EQUIPMENT"),
        entity(text, "in March", "DATE"),
    )
    return AnnotatedDocument(document=document, entities=entities)


def test_re3d_exact_overlap_nesting_and_alignment(
    tmp_path: Path, fake_pipeline: FakePipeline
) -> None:
    fed = fake_pipeline(_re3d_predictions)
    [report] = run_eval("re3d", data=_re3d(tmp_path), settings=Settings())
    assert "\r" not in fed[0].text  # normalised: the gold offsets after it had to move
    c, m = report.counts, report.metrics
    assert (c["gold_unmapped_type"], c["gold_duplicates"], c["alignment_failures"]) == (1, 1, 0)
    assert (c["gold_mentions"], c["predicted_mentions"]) == (6, 4)
    assert (m["exact_micro_precision"], m["exact_micro_recall"]) == pytest.approx((2 / 4, 2 / 6))
    # Overlap adds "in March"; "Zed Quux" still matches only one of the nested Person spans.
    assert (m["overlap_micro_precision"], m["overlap_micro_recall"]) == pytest.approx(
        (3 / 4, 3 / 6)
    )
    assert m["exact_f1_Quantity"] == 1.0
    assert m["exact_f1_Person"] == pytest.approx(2 / 3)


def _wikigold(root: Path) -> Path:
    folder = root / "wikigold"
    folder.mkdir()
    (folder / "wikigold.conll.txt").write_text(
        "Zed I-PER\nQuux I-PER\nvisited O\nOstland I-LOC\n. O\n\n"
        "The O\nOstland I-MISC\nGames I-MISC\nended O\n. O\n\n"
        "-DOCSTART- O\n\n"
        "Quux I-ORG\nCorp I-ORG\ngrew O\n3 O\n% O\n. O\n",
        encoding="utf-8",
    )
    return root


def _wikigold_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    if text.startswith("Zed"):
        entities: tuple[EntityMention, ...] = (
            entity(text, "Zed Quux", "PERSON"),
            entity(text, "Ostland", "GPE"),
            entity(text, "Ostland Games", "EVENT"),
        )
    else:
        entities = (entity(text, "Quux", "ORG"), entity(text, "3%", "PERCENT"))
    return AnnotatedDocument(document=document, entities=entities)


def test_wikigold_articles_and_exact_spans(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_wikigold_predictions)
    [report] = run_eval("wikigold", data=_wikigold(tmp_path), settings=Settings(), limit=None)
    assert [d.text for d in fed] == [
        "Zed Quux visited Ostland. The Ostland Games ended.",
        "Quux Corp grew 3%.",
    ]
    c, m = report.counts, report.metrics
    assert (c["items"], c["sentences"], c["tokens"]) == (2, 3, 16)
    assert (c["gold_mentions"], c["predicted_mentions"]) == (4, 4)
    assert m["exact_micro_f1"] == pytest.approx(3 / 4)
    assert m["exact_f1_ORG"] == 0.0
    assert m["exact_f1_MISC"] == 1.0


POLNEAR_TRAIN = "Toy headline\n\nZed said the vote was fair. According to aides, it was close.  \n"
POLNEAR_DEV = "Quux, the mayor, warned on Monday that\nthe bridge was unsafe.\n"


def _brat(text: str, spans: list[tuple[str, str, str]], relations: list[str]) -> str:
    lines = []
    for tid, kind, words in spans:
        begin = text.index(words)
        lines.append(f"{tid}\t{kind} {begin} {begin + len(words)}\t{words}")
    return "\n".join(lines + relations) + "\n"


def _polnear(root: Path) -> Path:
    folder = root / "polnear"
    for split in ("train", "dev"):
        (folder / split / "text").mkdir(parents=True)
        (folder / split / "attributions").mkdir()
    (folder / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ntrain\tost_2016-09-01_toy\t2016-09-02\n",
        encoding="utf-8",
    )
    (folder / "train" / "text" / "ost_2016-09-01_toy.txt").write_text(
        POLNEAR_TRAIN, encoding="utf-8"
    )
    train_ann = _brat(
        POLNEAR_TRAIN,
        [
            ("T1", "Source", "Zed"),
            ("T2", "Cue", "said"),
            ("T3", "Content", "the vote was fair"),
            ("T4", "Attribution", "said"),
            ("T5", "Cue", "According to"),
            ("T6", "Content", "it was close"),
            ("T7", "Attribution-no-source", "According to"),
        ],
        [
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
            "#1\tAnnotatorNotes T3\ta note the reader skips",
        ],
    )
    (folder / "train" / "attributions" / "ost_2016-09-01_toy_aaaa.ann").write_text(
        train_ann, encoding="utf-8"
    )
    # A second annotator's file of the same article: not scored.
    (folder / "train" / "attributions" / "ost_2016-09-01_toy_bbbb.ann").write_text(
        "", encoding="utf-8"
    )
    (folder / "dev" / "text" / "elb_2016-10-05_dev.txt").write_text(POLNEAR_DEV, encoding="utf-8")
    warned, that = POLNEAR_DEV.index("warned"), POLNEAR_DEV.index("that")
    content = POLNEAR_DEV.index("the bridge")
    (folder / "dev" / "attributions" / "elb_2016-10-05_dev_aaaa.ann").write_text(
        f"T1\tSource 0 4\tQuux\n"
        f"T2\tCue {warned} {warned + 6};{that} {that + 4}\twarned that\n"
        f"T3\tContent {that - 11} {content + 10}\ton Monday that\nthe bridge\n"
        f"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    return root


def _polnear_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    found: tuple[Attribution, ...] = ()
    if text.startswith("Toy"):
        found = (
            attribution(text, "said", source="Zed"),
            attribution(text, "According to", source="aides"),
        )
    return AnnotatedDocument(document=document, attributions=found)


def test_polnear_attributions_sources_and_cues(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_polnear_predictions)
    [report] = run_eval("polnear", data=_polnear(tmp_path), settings=Settings())
    assert [str(d.published) for d in fed] == ["2016-09-02", "2016-10-05"]
    c, m = report.counts, report.metrics
    assert (c["items"], c["ann_files_used"], c["ann_files_skipped"]) == (2, 2, 1)
    assert (c["gold_attributions"], c["gold_attributions_no_source"]) == (3, 1)
    assert (c["discontinuous_gold_spans"], c["alignment_failures"]) == (1, 0)
    # "According to" has a source in the prediction but none in gold: no match.
    assert (m["attribution_precision"], m["attribution_recall"]) == pytest.approx((1 / 2, 1 / 3))
    assert (m["source_exact_precision"], m["source_exact_recall"]) == (0.5, 0.5)
    assert (m["cue_overlap_precision"], m["cue_overlap_recall"]) == pytest.approx((1, 2 / 3))


def _tml(dct: str, body: str) -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>toy</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>\n'
        f"<TEXT>\n{body}\n</TEXT>\n</TimeML>\n"
    )


def _tempeval(root: Path) -> Path:
    base = root / "tempeval3" / "Training" / "TBAQ-cleaned"
    (base / "TimeBank").mkdir(parents=True)
    (base / "AQUAINT").mkdir()
    (base / "TimeBank" / "toy1.tml").write_text(
        _tml(
            "1998-02-06T22:19:00",
            'Ostland <EVENT eid="e1">voted</EVENT> <TIMEX3 tid="t1" type="DATE" '
            'value="1998-02-05">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" '
            'value="P2W">two weeks</TIMEX3> of talks. Results come in <TIMEX3 tid="t3" '
            'type="DATE" value="1998-02">February</TIMEX3>.',
        ),
        encoding="utf-8",
    )
    (base / "AQUAINT" / "toy2.tml").write_text(
        _tml(
            "1999-01-01",
            'Zed left during <TIMEX3 tid="t1" type="DATE" value="1998-W52">the last week of '
            "the year</TIMEX3>.",
        ),
        encoding="utf-8",
    )
    return root


def _tempeval_predictions(document: Document) -> AnnotatedDocument:
    text = document.text
    if text.startswith("Ostland"):
        times: tuple[TimeExpression, ...] = (
            timex(text, "yesterday", "1998-02-05"),
            timex(text, "two weeks", "P2W", type="duration"),
            timex(text, "talks", None, type="unresolved"),
            timex(text, "February", "1998-02-10"),
        )
    else:
        times = (timex(text, "last week", "1998-12-28"),)
    return AnnotatedDocument(document=document, times=times)


def test_tempeval_spans_and_values(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_tempeval_predictions)
    [report] = run_eval("tempeval3", data=_tempeval(tmp_path), settings=Settings())
    assert [str(d.published) for d in fed] == ["1998-02-06", "1999-01-01"]
    c, m = report.counts, report.metrics
    assert (c["gold_timex"], c["gold_excluded_timex"], c["predicted_excluded_duration"]) == (
        3,
        1,
        1,
    )
    assert (c["predicted_timex"], c["gold_found"], c["value_correct"]) == (4, 3, 2)
    assert (m["span_overlap_precision"], m["span_overlap_recall"]) == pytest.approx((3 / 4, 1))
    assert (m["span_exact_precision"], m["span_exact_recall"]) == pytest.approx((2 / 4, 2 / 3))
    assert m["value_accuracy"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("1998-01-08", "1998-01", "1998-01"),
        ("1998-01-08", "1998-W02", "1998-W02"),
        ("1998-02-10", "1998-Q1", "1998-Q1"),
        ("1998-08", "1998-H2", "1998-H2"),
        ("1998-01-08", "1998", "1998"),
        ("1998-01-08T10:30", "1998-01-08", "1998-01-08"),
        ("1998-01-08T10:30:00", "1998-01-08T10:30", "1998-01-08T10:30"),
        ("1998", "1998-01", "1998"),  # coarser than gold: cannot be refined
        ("199", "199", "199"),
        ("PAST_REF", "PRESENT_REF", "PAST_REF"),
        (None, "1998", None),
    ],
)
def test_at_granularity(predicted: str | None, gold: str, expected: str | None) -> None:
    assert at_granularity(predicted, like=gold) == expected
