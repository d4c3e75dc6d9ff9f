"""Document text printed to a terminal carries no escape or control sequences."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.terminal import escape, plain, safe_text
from newsgraph.store import Store
from tests.store.factory import D, E, build

HOSTILE = [
    ("\x1b]0;new window title\x07", ""),  # OSC: window title, ended by BEL
    ("\x1b]52;c;cm0gLXJmIH4=\x1b\\", ""),  # OSC 52: clipboard write, ended by ST
    ("\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8: hidden link
    ("\x9d0;eight-bit title\x9c", ""),  # the 8-bit OSC
    ("\x1b[2J\x1b[31mred\x1b[0m", "red"),  # CSI: clear screen, colours
    ("\x9b31mred", "red"),  # the 8-bit CSI
    ("\x1bPq#0;2;0;0;0\x1b\\", ""),  # DCS (sixel)
    ("bell\x07 back\x08space\r", "bell backspace"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("plain words, [bold]not markup[/bold]", "plain words, [bold]not markup[/bold]"),
    ("unterminated \x1b]0;title to the end", "unterminated "),
]


@pytest.mark.parametrize(("text", "shown"), HOSTILE)
def test_plain_removes_sequences(text: str, shown: str) -> None:
    assert plain(text) == shown


def test_escape_also_escapes_markup() -> None:
    assert escape("\x1b[1m[red]x[/red]") == "\\[red]x\\[/red]"


def test_safe_text_maps_offsets_past_what_it_removed() -> None:
    text = "A \x1b]0;t\x07Ruritania \x1b[1mtalks"
    shown, at = safe_text(text)
    assert shown == "A Ruritania talks"
    start = text.index("Ruritania")
    assert shown[at[start] : at[start + len("Ruritania")]] == "Ruritania"
    start = text.index("talks")
    assert shown[at[start] : at[len(text)]] == "talks"
    assert at[text.index("\x1b]") + 2] == 2  # inside a removed sequence: where it was


def test_show_prints_no_escape_sequence(tmp_path: Path) -> None:
    text = (
        "Ruritania \x1b]0;owned\x07asked Freedonia \x1b]52;c;ZXZpbA==\x07for radars on "
        "Tuesday, \x1b]8;;https://evil.example/\x1b\\officials said\x1b]8;;\x1b\\. \x9b2J"
        + " The talks went on for hours and ended late in the evening."
        * 25
    )
    spec = D(
        text=text,
        published="2025-03-14",
        title="Radars \x1b[2J\x1b]0;title\x07requested",
        events=[E(trigger="asked", type="REQUEST", actors=(("Ruritania", "RUR"),))],
    )
    annotated = build(spec)
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write_batch([annotated])
    result = CliRunner().invoke(app, ["show", annotated.document.id[:10], "--db", str(db)])
    assert result.exit_code == 0, result.output
    for sequence in ("\x1b]", "\x07", "\x9b", "\x9d", "52;c;", "evil.example", "[2J"):
        assert sequence not in result.output
    assert "Radars requested" in result.output
    assert "asked Freedonia for radars" in result.output
    assert "officials said." in result.output
