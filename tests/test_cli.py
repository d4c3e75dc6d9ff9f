"""Every CLI command, through Typer's test runner (errors translated, exit codes)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import __version__
from newsgraph.cli import app
from newsgraph.store import Store
from tests.conftest import POST

pytestmark = pytest.mark.model

runner = CliRunner()

SECOND = """#Sylvania
AP: Sylvania condemns border shelling
2025.03.16
Sylvania condemned Latveria on Sunday for shelling two villages. Latveria denied the claim.
Video: Reuters
"""


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two posts and one rejected file."""
    folder = tmp_path_factory.mktemp("posts")
    (folder / "one.txt").write_text(POST, encoding="utf-8")
    (folder / "two.txt").write_text(SECOND, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x00\x00")
    # The store sits inside the folder it ingests: its own files must not be read as input.
    db = folder / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2 document(s) read: 2 stored" in result.stderr
    assert "1 input(s) rejected" in result.stderr
    return db


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_ingest_again_stores_nothing(filled: Path) -> None:
    folder = filled.parent
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(filled), "--workers", "1"])
    assert result.exit_code == 0
    assert "0 stored, 2 already in the store" in result.stderr


def test_ingest_strict_exit_code(filled: Path) -> None:
    bad = filled.parent / "bad.txt"
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(filled), "--strict"])
    assert result.exit_code == 3


def test_events_table_json_csv(filled: Path) -> None:
    table = runner.invoke(app, ["events", "--db", str(filled)])
    assert table.exit_code == 0 and "REQUEST" in table.stdout
    as_json = json.loads(runner.invoke(app, ["events", "--db", str(filled), "-f", "json"]).stdout)
    assert {row["type"] for row in as_json} >= {"REQUEST", "ACCUSE"}
    assert all(row["sentence"] for row in as_json)
    as_csv = runner.invoke(app, ["events", "--db", str(filled), "-f", "csv", "--type", "accuse"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and {r["type"] for r in rows} == {"ACCUSE"}


def test_events_filters(filled: Path) -> None:
    result = runner.invoke(
        app,
        [
            "events",
            "--db",
            str(filled),
            "-f",
            "json",
            "--actor",
            "Sylvania",
            "--since",
            "2025-03-16",
        ],
    )
    rows = json.loads(result.stdout)
    assert rows and all("Sylvania" in row["actors"] for row in rows)
    none = runner.invoke(app, ["events", "--db", str(filled), "-f", "json", "--outlet", "BBC"])
    assert json.loads(none.stdout) == []


def test_events_bad_date_is_a_clear_error(filled: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(filled), "--since", "31/12/2025"])
    assert result.exit_code == 2
    assert "--since must be a date" in result.stderr


def test_transfers_table_json_csv(filled: Path) -> None:
    table = runner.invoke(app, ["transfers", "--db", str(filled)])
    assert table.exit_code == 0 and "radar" in table.stdout
    result = runner.invoke(app, ["transfers", "--db", str(filled), "-f", "json"])
    rows = {row["text"]: row for row in json.loads(result.stdout)}
    radars, missiles = rows["radars"], rows["missiles"]
    assert (radars["count"], radars["status"]) == (6, "requested")
    assert "Kovac" in radars["recipient"] and "Freedonia" in radars["supplier"]
    assert (missiles["count"], missiles["unit"], missiles["quantity"]) == (12, "set", "12 sets of")
    assert radars["evidence"] and radars["date"] == "2025-03-11"
    as_csv = runner.invoke(app, ["transfers", "--db", str(filled), "-f", "csv", "--item", "radar"])
    assert [r["text"] for r in csv.DictReader(io.StringIO(as_csv.stdout))] == ["radars"]


def test_transfers_bad_status_is_a_clear_error(filled: Path) -> None:
    result = runner.invoke(app, ["transfers", "--db", str(filled), "--status", "shipped"])
    assert result.exit_code == 2 and "--status must be one of" in result.stderr


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 5
    assert "no store at" in result.stderr and "newsgraph ingest" in result.stderr


def test_show_by_prefix(filled: Path) -> None:
    events = json.loads(runner.invoke(app, ["events", "--db", str(filled), "-f", "json"]).stdout)
    doc_id = events[0]["doc_id"]
    result = runner.invoke(app, ["show", doc_id[:7], "--db", str(filled)])
    assert result.exit_code == 0
    assert doc_id in result.stdout and "events" in result.stdout
    as_json = json.loads(runner.invoke(app, ["show", doc_id, "--db", str(filled), "--json"]).stdout)
    assert as_json["doc_id"] == doc_id
    missing = runner.invoke(app, ["show", "abcdef012345", "--db", str(filled)])
    assert missing.exit_code == 6 and "no document" in missing.stderr


def test_stats(filled: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(filled)])
    assert result.exit_code == 0
    assert "documents" in result.stdout and "binary" in result.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export(filled: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    result = runner.invoke(app, ["export", str(target), "--format", fmt, "--db", str(filled)])
    assert result.exit_code == 0, result.stderr
    if fmt == "jsonl":
        assert len(target.read_text(encoding="utf-8").splitlines()) == 2
    else:
        assert (target / f"events.{fmt}").stat().st_size > 0


def test_export_unknown_format(filled: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", str(tmp_path / "x"), "--format", "xml", "--db", str(filled)]
    )
    assert result.exit_code == 2 and "--format must be one of" in result.stderr


def test_extract_file_and_stdin(tmp_path: Path) -> None:
    post = tmp_path / "p.txt"
    post.write_text(POST, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(post), "--workers", "1"])
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["tags"] == ["Ruritania", "Ruritania/Freedonia"]
    lines = json.dumps({"id": "x", "text": "Sylvania threatened Latveria."}) + "\nnot json\n"
    piped = runner.invoke(app, ["extract", "-", "--workers", "1"], input=lines)
    assert piped.exit_code == 0
    assert json.loads(piped.stdout.splitlines()[0])["external_id"] == "x"
    assert "malformed" in piped.stderr


def test_bad_input_format_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "--input-format", "xml"])
    assert result.exit_code == 2 and "--input-format" in result.stderr


def test_config_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsgraph.toml").write_text("[newsgraph]\nbogus = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2 and "unknown setting" in result.stderr


def test_eval_unknown_dataset(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "no-such-set", "--data", str(tmp_path)])
    assert result.exit_code == 7


def test_actors_search_resolves_on_a_date() -> None:
    result = CliRunner().invoke(
        app, ["actors", "search", "Putin", "--date", "2010-06-01", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["resolved"]["code"] == "RUS"
    assert data["resolved"]["role"] == "Prime Minister"
    assert any(e["name"] == "Vladimir Putin" for e in data["entries"])


def test_actors_show_lists_office_holders() -> None:
    result = CliRunner().invoke(app, ["actors", "show", "RUS", "--date", "2025-10-31", "--json"])
    assert result.exit_code == 0, result.output
    names = {row["name"] for row in json.loads(result.stdout)}
    assert {"Russia", "Kremlin", "Vladimir Putin", "Sergey Lavrov"} <= names
    assert "Sergei Shoigu" in names  # still in office, as Security Council secretary
    assert "Boris Johnson" not in names


def test_actors_show_unknown_code_is_an_error() -> None:
    result = CliRunner().invoke(app, ["actors", "show", "XYZ"])
    assert result.exit_code == 6
    assert "no actor has the code 'XYZ'" in result.output


@pytest.mark.model
def test_extension_file_is_used_on_the_next_ingest(tmp_path: Path) -> None:
    post = tmp_path / "posts" / "post.txt"
    post.parent.mkdir()
    post.write_text(
        "Reuters: Ruritania protests\n2025.03.14\n"
        "Zoltan Brand said on Monday that the army was ready.\n",
        encoding="utf-8",
    )
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "name,kind,code,sector,role,aliases\nZoltan Brand,person,RUR,MIL,Marshal,Brand\n",
        encoding="utf-8",
    )
    db = tmp_path / "n.duckdb"
    result = CliRunner().invoke(
        app, ["ingest", str(post.parent), "--db", str(db), "--actors-file", str(actors)]
    )
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT text, actor_role FROM entities WHERE actor_code = 'RUR'")
    assert rows and {r["actor_role"] for r in rows} == {"Marshal"}
    assert any("Brand" in r["text"] for r in rows)


def test_broken_extension_file_is_a_config_error(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("name,code\nX,not a code\n", encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("Some text about Freedonia.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(post), "--actors-file", str(actors)])
    assert result.exit_code == 2
    assert "actors file" in result.output and ":2:" in result.output
