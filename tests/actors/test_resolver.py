"""The resolver library on the built-in knowledge base (no spaCy): every kind of actor, dates,
compounds, ambiguity, unknowns."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors import DocumentResolver, Resolver, resolver_for
from newsgraph.actors.names import acronym_key, fold, split_words, trim_words

SEED_DAY = date(2025, 10, 31)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return resolver_for()


def _code(resolver: Resolver, text: str, day: date | None = SEED_DAY, **kwargs: str) -> tuple:
    actor = resolver.resolve(text, on=day, **kwargs).actor
    return (actor.code, actor.sector) if actor else (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicolás Maduro", "nicolas maduro"),
        ("NICOLAS  MADURO", "nicolas maduro"),
        ("The Hague", "hague"),
        ("al-Qaeda", "al qaeda"),
        ("People's Liberation Army", "peoples liberation army"),
        ("U.S.", "us"),
    ],
)
def test_fold_meets_spellings(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("US", "US"), ("U.S.", "US"), ("NATO", "NATO"), ("us", None), ("Russia", None)],
)
def test_acronym_key_keeps_capitals_only(text: str, expected: str | None) -> None:
    assert acronym_key(text) == expected


def test_trim_words_drops_determiners_and_possessives() -> None:
    words = split_words("some 30 Syrians' ")
    start, end = trim_words(words)
    assert words[start:end] == ["Syrians"]


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        # countries, short names, demonyms
        ("Russia", "RUS", None),
        ("the Russians", "RUS", None),
        ("Iran", "IRN", None),
        ("US", "USA", None),
        ("U.S.", "USA", None),
        ("Ivory Coast", "CIV", None),
        ("Türkiye", "TUR", None),
        # capitals and seats of power as metonyms
        ("Moscow", "RUS", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Caracas", "VEN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("the State Department", "USA", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        # compounds: country + agent
        ("American troops", "USA", "MIL"),
        ("Iranian police", "IRN", "COP"),
        ("Israeli army", "ISR", "MIL"),
        ("Russian officials", "RUS", "GOV"),
        ("Sudanese rebels", "SDN", "REB"),
        ("Venezuela's defence minister", "VEN", "GOV"),
        # organisations and groups
        ("NATO", "IGOWSTNAT", None),
        ("the United Nations", "IGOUNO", None),
        ("UN peacekeepers", "IGOUNO", "MIL"),
        ("the IAEA", "IGOUNOIAE", None),
        ("Hezbollah", "LBN", "REB"),
        ("Hizbollah", "LBN", "REB"),
        ("The Washington Post", "USA", "JRN"),
        # a Phoenix name with its acronym in brackets: the name alone, and the acronym
        ("the Liberation Tigers of Tamil Eelam", "LKA", "REB"),
        ("LTTE", "LKA", "REB"),
        # agents alone: a sector, no code
        ("a senior aide", None, "GOV"),
        ("protesters", None, "CVL"),
    ],
)
def test_resolve_kinds(resolver: Resolver, text: str, code: str | None, sector: str | None) -> None:
    assert _code(resolver, text) == (code, sector)


@pytest.mark.parametrize(
    ("text", "code", "sector", "role"),
    [
        ("Venezuelan President Nicolás Maduro", "VEN", "GOV", "President"),
        ("Vladimir Putin", "RUS", "GOV", "President"),
        ("Chinese President Xi Jinping", "CHN", "GOV", "President"),
        ("Transport Minister Ramón Celestino Velásquez", "VEN", "GOV", "Transport Minister"),
        ("Kremlin spokesman Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman"),
        ("Peskov", "RUS", "GOV", "Kremlin spokesman"),
    ],
)
def test_seed_people_on_publication_date(
    resolver: Resolver, text: str, code: str, sector: str, role: str
) -> None:
    actor = resolver.resolve(text, on=SEED_DAY).actor
    assert actor is not None
    assert (actor.code, actor.sector, actor.role) == (code, sector, role)


@pytest.mark.parametrize(
    ("name", "day", "sector", "role"),
    [
        ("Vladimir Putin", date(2010, 6, 1), "GOV", "Prime Minister"),
        ("Vladimir Putin", date(2005, 6, 1), "GOV", "President"),
        ("Nicolás Maduro", date(2010, 6, 1), "GOV", "Foreign Minister"),
        ("Nicolás Maduro", date(2001, 6, 1), "ELI", None),  # before office
        ("Olaf Scholz", SEED_DAY, "ELI", "former Chancellor"),  # after office
        ("Sergei Shoigu", date(2020, 1, 1), "GOV", "Defence Minister"),
        ("Sergei Shoigu", SEED_DAY, "GOV", "Secretary of the Security Council"),
    ],
)
def test_roles_follow_the_date(
    resolver: Resolver, name: str, day: date, sector: str, role: str | None
) -> None:
    actor = resolver.resolve(name, on=day).actor
    assert actor is not None
    assert (actor.sector, actor.role) == (sector, role)


@pytest.mark.parametrize(("day", "sector"), [(date(2019, 6, 1), "REB"), (date(2022, 6, 1), "GOV")])
def test_group_changes_sector_with_time(resolver: Resolver, day: date, sector: str) -> None:
    assert _code(resolver, "the Taliban", day) == ("AFG", sector)


def test_office_moves_between_organisations(resolver: Resolver) -> None:
    assert _code(resolver, "Mark Rutte", date(2020, 1, 1)) == ("NLD", "GOV")
    assert _code(resolver, "Mark Rutte", SEED_DAY)[0] == "IGOWSTNAT"


@pytest.mark.parametrize(
    "text",
    [
        "Anna Kovac",  # an unknown person
        "Ruritania",  # an unknown country
        "the requests",  # no actor at all
        "Oskar Fischer",  # a known surname with another first name
        "pro-Iranian",  # a stance, not Iran
    ],
)
def test_unknowns_stay_unknown(resolver: Resolver, text: str) -> None:
    assert _code(resolver, text) == (None, None)


def test_head_is_the_rightmost_name(resolver: Resolver) -> None:
    assert _code(resolver, "NATO-member Norway") == ("NOR", None)
    assert _code(resolver, "pro-Iranian Hezbollah") == ("LBN", "REB")


def test_misspelt_names_are_corrected(resolver: Resolver) -> None:
    found = resolver.resolve("President Abdelaziz Bouteflicka", on=date(2000, 1, 1), label="PERSON")
    assert found.actor is not None and found.actor.code == "DZA"
    assert found.how == "fuzzy"


def test_person_label_keeps_towns_out(resolver: Resolver) -> None:
    # "Vladimir" is a Russian town in the Phoenix tables, and a first name.
    assert resolver.resolve("Vladimir Kara-Murza", on=SEED_DAY, label="PERSON").actor is None


def test_document_resolver_links_short_names() -> None:
    context = DocumentResolver(resolver_for(), on=SEED_DAY)
    first = context.resolve_words(
        split_words("Russian Defence Minister Anna Kovac"), name=["Anna", "Kovac"]
    )
    assert first.actor is not None and (first.actor.code, first.actor.sector) == ("RUS", "GOV")
    later = context.resolve_words(["Kovac"], label="PERSON")
    assert later.how == "coreference"
    assert later.actor == first.actor


def test_document_resolver_does_not_link_conflicting_names() -> None:
    context = DocumentResolver(resolver_for(), on=SEED_DAY)
    context.resolve_words(split_words("Russian diplomat Ivan Smirnov"), name=["Ivan", "Smirnov"])
    context.resolve_words(split_words("Ukrainian diplomat Olha Smirnov"), name=["Olha", "Smirnov"])
    assert context.resolve_words(["Smirnov"], label="PERSON").actor is None
