"""Shared fixtures. Texts here are written for these tests (never copied from ../shared)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.nlp import Annotator
from newsgraph.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

POST = """\
#Ruritania
#Ruritania/Freedonia
Reuters: Ruritania asks Freedonia for air defence help
2025.03.14
Ruritanian President Anna Kovac asked Freedonia on Tuesday to supply six radars and \
12 sets of missiles, according to officials in the capital.

Freedonian troops were deployed to the border last week. It is unclear how Freedonia responded.

Photo: AFP
x
"""


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    """One loaded pipeline for the whole session (loading takes about a second), with the rule
    coder: the component tests pin the rules' events; the trained coder, the default, has its
    own tests (tests/nlp/events/test_learned.py, tests/test_seed.py)."""
    return Annotator(coder="rules")


@pytest.fixture(scope="session")
def full_annotator(annotator: Annotator) -> Annotator:
    """A pipeline that parses every sentence (for ``assess`` on any span): the default."""
    return annotator


@pytest.fixture(scope="session")
def selective_annotator() -> Annotator:
    """A pipeline that parses only the sentences that can hold an event or a statement."""
    return Annotator(parse="selective", coder="rules")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "test.duckdb", workers=1, batch_size=4)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store(settings.db) as opened:
        yield opened


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; tests that need it skip when it is absent."""
    if not (SHARED / "examples" / "seed_post.txt").is_file():
        pytest.skip("../shared is absent (only developers' machines have it)")
    return SHARED
