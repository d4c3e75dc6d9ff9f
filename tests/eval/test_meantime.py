"""The meantime-factuality scorer on a hand-made file in MEANTIME's CoNLL layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.errors import EvalError
from newsgraph.eval.meantime import read_meantime, score_meantime

# Headline, date line, then three events: done (CERTAIN, POS, NON_FUTURE), a negated one, and
# a possible future one. Written for this test.
ROWS = [
    [("Ruritania", "_"), ("buys", "E-1 CERTAIN-1 POS-1 NON_FUTURE-1"), ("radars", "_")],
    [("March", "_"), ("3", "_"), (",", "_"), ("2024", "_")],
    [
        ("Ruritania", "_"),
        ("bought", "E-2 CERTAIN-2 POS-2 NON_FUTURE-2"),
        ("six", "_"),
        ("radars", "_"),
        (".", "_"),
    ],
    [
        ("Freedonia", "_"),
        ("did", "_"),
        ("not", "_"),
        ("object", "E-3 CERTAIN-3 NEG-3 NON_FUTURE-3"),
        (".", "_"),
    ],
    [
        ("The", "_"),
        ("radars", "_"),
        ("may", "_"),
        ("arrive", "E-4 POSSIBLE-4 POS-4 FUTURE-4"),
        ("in", "_"),
        ("May", "_"),
        (".", "_"),
    ],
]


def _write(folder: Path, name: str = "1_radars.xml.conll") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    number = 0
    for sentence in ROWS:
        for token, tags in sentence:
            number += 1
            columns = ["_"] * 4 if tags == "_" else [f"B-{tag}" for tag in tags.split()]
            lines.append("\t".join([str(number), token, *columns]))
        lines.append("")
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_meantime_rebuilds_text_and_events(tmp_path: Path) -> None:
    item = read_meantime(_write(tmp_path / "conll_gold"))
    assert item.text.splitlines()[:2] == ["Ruritania buys radars", "March 3, 2024"]
    assert item.published == "2024-03-03"
    events = [(e.text, e.certainty, e.polarity, e.time) for e in item.gold]
    assert events == [
        ("buys", "CERTAIN", "POS", "NON_FUTURE"),
        ("bought", "CERTAIN", "POS", "NON_FUTURE"),
        ("object", "CERTAIN", "NEG", "NON_FUTURE"),
        ("arrive", "POSSIBLE", "POS", "FUTURE"),
    ]
    for event in item.gold:
        assert item.text[event.start : event.end] == event.text


def test_read_meantime_rejects_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("1\tRuritania\t_\t_\n", encoding="utf-8")
    with pytest.raises(EvalError, match="expected 6 tab-separated columns"):
        read_meantime(path)


def test_score_meantime_needs_its_folder(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="conll_gold"):
        score_meantime(tmp_path, settings=Settings(workers=1))


@pytest.mark.model
def test_score_meantime_per_class(tmp_path: Path) -> None:
    _write(tmp_path / "conll_gold")
    report = score_meantime(tmp_path, settings=Settings(workers=1))
    assert report.counts["items"] == 1
    assert report.counts["gold_events"] == 4
    assert report.metrics["polarity_f1_NEG"] == 1.0
    assert report.metrics["time_f1_FUTURE"] == 1.0
    assert report.metrics["certainty_f1_POSSIBLE"] == 1.0
    assert report.metrics["certainty_accuracy"] == 1.0
    rows = {(r["dimension"], r["label"]): r for r in report.tables["span_per_class"]}
    assert rows[("certainty", "CERTAIN")]["gold"] == 3
    assert rows[("certainty", "PROBABLE")]["gold"] == 0
