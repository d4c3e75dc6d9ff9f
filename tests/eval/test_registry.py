"""run_eval: choosing scorers, ``all``, ``limit`` and the errors for missing or odd data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.errors import EvalError
from newsgraph.eval import DATASETS, EvalReport, run_eval
from newsgraph.model import AnnotatedDocument, Document

from .conftest import Annotate

FakePipeline = Callable[[Annotate], list[Document]]


def _nothing_found(document: Document) -> AnnotatedDocument:
    return AnnotatedDocument(document=document)


def _wikigold(root: Path, articles: int) -> None:
    (root / "wikigold").mkdir()
    block = "Zed I-PER\nsang O\n. O\n"
    text = "\n-DOCSTART- O\n\n".join([block] * articles)
    (root / "wikigold" / "wikigold.conll.txt").write_text(text, encoding="utf-8")


def test_datasets_are_the_nine_gold_sets() -> None:
    assert DATASETS == (
        "plover-gsr",
        "conflibert-cameo",
        "petrarch2-unittest",
        "re3d",
        "wikigold",
        "polnear",
        "tempeval3",
        "meantime-factuality",
        "news-events",
    )


def test_unknown_name_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"unknown gold set 'conll2003'.*plover-gsr"):
        list(run_eval("conll2003", data=tmp_path, settings=Settings()))


def test_missing_data_folder_says_which(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="nowhere"):
        list(run_eval("all", data=tmp_path / "nowhere", settings=Settings()))


def test_missing_dataset_folder_says_where_it_was_expected(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"expected its folder at .*re3d"):
        list(run_eval("re3d", data=tmp_path, settings=Settings()))


def test_all_with_no_dataset_present_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="none of the gold sets"):
        list(run_eval("all", data=tmp_path, settings=Settings()))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plover-gsr", "PLOVER_GSR_CAMEO.json"),
        ("conflibert-cameo", "train.tsv"),
        ("petrarch2-unittest", "PETR.UnitTest.records.xml"),
        ("re3d", "documents.json"),
        ("wikigold", "wikigold.conll.txt"),
        ("polnear", "text"),
        ("tempeval3", "TimeBank"),
        ("meantime-factuality", "conll_gold"),
    ],
)
def test_unexpected_layout_names_the_expected_path(
    tmp_path: Path, name: str, expected: str
) -> None:
    (tmp_path / name).mkdir()
    with pytest.raises(EvalError, match=expected):
        list(run_eval(name, data=tmp_path, settings=Settings()))


def test_all_runs_the_present_ones_with_limit(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    fed = fake_pipeline(_nothing_found)
    _wikigold(tmp_path, articles=3)
    reports = list(run_eval("all", data=tmp_path, settings=Settings(), limit=2))
    assert [r.name for r in reports] == ["wikigold"]
    [report] = reports
    assert report.counts["items"] == 2
    assert len(fed) == 2
    assert any("first 2 articles" in note for note in report.notes)
    assert report.seconds is not None
    assert report.metrics["exact_micro_recall"] == 0.0


def _conflibert(root: Path, rows: str) -> None:
    (root / "conflibert-cameo" / "cameo_class").mkdir(parents=True)
    (root / "conflibert-cameo" / "cameo_ner").mkdir()
    (root / "conflibert-cameo" / "cameo_class" / "train.tsv").write_text(rows, encoding="utf-8")
    (root / "conflibert-cameo" / "cameo_ner" / "train.txt").write_text(
        "Zed B-S\nwaved O\n", encoding="utf-8"
    )


def test_rejected_input_counts_as_finding_nothing(
    tmp_path: Path, fake_pipeline: FakePipeline
) -> None:
    fed = fake_pipeline(_nothing_found)
    _conflibert(tmp_path, "Quiet day.\t0\n \t3\n")  # the second sentence is blank
    [report] = run_eval("conflibert-cameo", data=tmp_path, settings=Settings())
    assert len(fed) == 2  # the blank one never reached the pipeline
    assert report.counts["class_items"] == 2
    assert report.metrics["quad_accuracy"] == 0.5
    assert any("1 input(s) rejected" in note and "class:1" in note for note in report.notes)


def test_malformed_gold_line_is_an_eval_error(tmp_path: Path) -> None:
    _conflibert(tmp_path, "Quiet day.\t0\nno label here\n")
    with pytest.raises(EvalError, match=r"train\.tsv:2"):
        list(run_eval("conflibert-cameo", data=tmp_path, settings=Settings()))


def test_report_renders_and_serialises() -> None:
    report = EvalReport(
        name="toy",
        data="somewhere",
        split="dev",
        counts={"items": 1200},
        metrics={"f1": 0.5},
        tables={"rows": [{"a": 1}]},
        notes=["a note"],
        seconds=1.234,
    )
    text = report.render()
    assert "== toy (dev; somewhere)" in text
    assert "items: 1,200" in text
    assert "f1: 0.5000" in text
    assert "a=1" in text
    assert report.to_dict()["seconds"] == 1.23
    assert report.to_dict()["split"] == "dev"
