from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.config import SETTINGS_HELP, Settings, load_settings
from newsgraph.errors import ConfigError


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text('[newsgraph]\nworkers = 3\nbatch_size = 8\ndb = "from-file.duckdb"\n')
    settings = load_settings(
        config_file=config,
        environ={"NEWSGRAPH_BATCH_SIZE": "16", "NEWSGRAPH_DB": "env.duckdb"},
        db=Path("flag.duckdb"),
        workers=None,
    )
    assert settings.workers == 3  # file
    assert settings.batch_size == 16  # environment beats file
    assert settings.db == Path("flag.duckdb")  # flag beats environment


def test_defaults_without_file(tmp_path: Path) -> None:
    settings = load_settings(environ={"NEWSGRAPH_CONFIG": str(tmp_path / "absent.toml")})
    assert settings == Settings()


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"NEWSGRAPH_WORKERS": "many"}, "must be int"),
        ({"NEWSGRAPH_WORKERS": "-1"}, ">= 0"),
        ({"NEWSGRAPH_BATCH_SIZE": "0"}, ">= 1"),
        ({"NEWSGRAPH_PARSE": "sometimes"}, "'selective' or 'full'"),
    ],
)
def test_bad_values(environ: dict[str, str], message: str, tmp_path: Path) -> None:
    environ = {**environ, "NEWSGRAPH_CONFIG": str(tmp_path / "none.toml")}
    with pytest.raises(ConfigError, match=message):
        load_settings(environ=environ)


def test_bad_file(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("workers = = 2")
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(config_file=config, environ={})
    config.write_text("[newsgraph]\nworker = 2\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(config_file=config, environ={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(config_file=tmp_path / "missing.toml", environ={})


def test_every_setting_has_help() -> None:
    assert all(SETTINGS_HELP.values())
