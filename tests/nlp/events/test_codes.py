"""CAMEO codes: PLOVER type and mode through the crosswalk, and how frames combine codes."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events.codes import bridged, cameo_root, combine, plover_of


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", ("CONSULT", "visit")),
        ("0231", ("REQUEST", "assist")),
        ("1053", ("REQUEST", "yield")),
        ("163", ("SANCTION", "discontinue")),
        ("0831", ("RETREAT", "resign")),
        ("0841", ("RETREAT", "release")),
        ("1712", ("ASSAULT", "destroy")),
        ("186", ("ASSAULT", "targeted")),
        ("0356", ("AGREE", None)),
        ("090", ("ACCUSE", "investigate")),
        ("195", ("ASSAULT", "heavy-weapons")),
    ],
)
def test_plover_of_maps_codes_through_the_crosswalk(
    code: str, expected: tuple[str, str | None]
) -> None:
    assert plover_of(code) == expected


@pytest.mark.parametrize("code", ["010", "016", "0", "", "xx", "99"])
def test_plover_of_drops_statements_and_unknown_codes(code: str) -> None:
    assert plover_of(code) is None


def test_plover_of_falls_back_to_the_parent_code() -> None:
    # 1384 is listed; an unlisted four-digit child of 138 takes 138's type.
    assert plover_of("1389") == plover_of("138")


@pytest.mark.parametrize(
    ("kind", "inner", "expected"),
    [
        ("intent", "042", "036"),  # "will visit"
        ("intent", "072", "0332"),  # "promised to send weapons"
        ("intent", "0841", "0353"),  # "will release"
        ("intent", "190", "138"),  # "will attack" is a threat
        ("intent", "100", "100"),  # "will demand" stays a demand
        ("threaten", "192", "1382"),  # "threatened to occupy"
        ("threaten", "161", "1313"),  # "threatened to cut ties"
        ("refuse", "040", "125"),  # "refused to meet"
        ("refuse", "0841", "1243"),  # "refused to release"
        ("appeal", "072", "0232"),  # "asked X to supply weapons"
        ("appeal", "040", "026"),  # "urged talks"
        ("demand", "0841", "1053"),  # "demanded the release"
        ("demand", "190", "104"),  # "demanded that X stop attacking"
        ("report", "190", "190"),
    ],
)
def test_combine_builds_the_code_of_a_governed_event(kind: str, inner: str, expected: str) -> None:
    assert combine(kind, inner) == expected


@pytest.mark.parametrize(
    ("code", "expected"), [("0232", "1032"), ("020", "100"), ("190", "190"), ("1053", "1053")]
)
def test_bridged_turns_appeals_into_their_parallel_demands(code: str, expected: str) -> None:
    assert bridged(code) == expected
    # Type and code agree through the crosswalk either way.
    assert plover_of(bridged(code)) is not None
    assert plover_of(bridged(code))[0] == plover_of(code)[0]  # type: ignore[index]


def test_cameo_root() -> None:
    assert (cameo_root("0232"), cameo_root("195"), cameo_root("")) == (2, 19, 0)
