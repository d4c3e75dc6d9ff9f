from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import EmptyInputError
from newsgraph.ingest import parse_post, parse_text
from newsgraph.ingest.post import looks_like_post
from tests.conftest import POST


def test_post_full_format() -> None:
    doc = parse_post(POST, origin="mem")
    assert doc.tags == ("Ruritania", "Ruritania/Freedonia")
    assert doc.outlet is not None
    assert doc.outlet.name == "Reuters"
    assert doc.headline == "Ruritania asks Freedonia for air defence help"
    assert doc.published == date(2025, 3, 14)
    assert doc.credit == "AFP"
    assert doc.credits[0].kind == "photo"
    assert doc.text.startswith(doc.headline + "\n\n")
    assert doc.text[doc.body_start :].startswith("Ruritanian President Anna Kovac")
    assert doc.text.endswith("how Freedonia responded.")
    # The junk line and credit stay in the raw text only.
    assert doc.raw_text.rstrip().endswith("x")
    assert "Photo:" not in doc.text


def test_post_without_blank_lines_parses_the_same() -> None:
    compact = "\n".join(line for line in POST.split("\n") if line.strip())
    a, b = parse_post(POST, origin="a"), parse_post(compact, origin="b")
    assert (a.tags, a.headline, a.published, a.credit) == (
        b.tags,
        b.headline,
        b.published,
        b.credit,
    )
    assert a.text.replace("\n\n", "\n") == b.text.replace("\n\n", "\n")


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("2025.03.14", date(2025, 3, 14)),
        ("14.03.2025", date(2025, 3, 14)),
        ("2025-03-14", date(2025, 3, 14)),
        ("March 14, 2025", date(2025, 3, 14)),
        ("14 March 2025", date(2025, 3, 14)),
        ("Friday, 14 Mar 2025, 09:30 CET", date(2025, 3, 14)),
        ("2025-03-14T09:30:00Z", date(2025, 3, 14)),
    ],
)
def test_post_date_forms(date_line: str, expected: date) -> None:
    doc = parse_post(f"FT: A headline here\n{date_line}\nBody sentence one. Body two.")
    assert doc.published == expected
    assert doc.headline == "A headline here"


def test_post_date_before_headline() -> None:
    doc = parse_post("#Tag\n2025.03.14\nNYT: Talks resume in Geneva\n\nDelegates met on Monday.")
    assert doc.published == date(2025, 3, 14)
    assert doc.outlet is not None and doc.outlet.abbreviation == "NYT"
    assert doc.headline == "Talks resume in Geneva"


def test_post_without_tags_or_prefix() -> None:
    doc = parse_post("Talks resume in Geneva\n2025.03.14\n\nDelegates met on Monday.")
    assert doc.tags == ()
    assert doc.outlet is None
    assert doc.headline == "Talks resume in Geneva"
    assert doc.published == date(2025, 3, 14)


def test_post_unknown_prefix_stays_in_headline() -> None:
    doc = parse_post("#X\nBREAKING: Ships collide in the strait\n2025.01.02\nTwo ships collided.")
    assert doc.outlet is None
    assert doc.headline == "BREAKING: Ships collide in the strait"


def test_post_several_tags_on_one_line_and_duplicates() -> None:
    doc = parse_post("#Iran #Israel\n#Iran\nAP: Strikes reported\n2024.10.01\nText here.")
    assert doc.tags == ("Iran", "Israel")


def test_post_short_abbreviation_is_case_sensitive() -> None:
    doc = parse_post("Ap: not the agency\n2024.10.01\nText here.")
    assert doc.outlet is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "#OnlyTags\n#More\n",
        "2025.01.01\n",
        "Photo: AFP\n",
        "#T\n2025.01.01\nVideo: AP\n",
    ],
)
def test_post_without_content_is_rejected(text: str) -> None:
    with pytest.raises(EmptyInputError):
        parse_post(text, origin="mem")


def test_post_trailing_credits_and_junk_in_any_order() -> None:
    doc = parse_post("WP: Headline words\n2025.01.01\nThe body.\nVideo: Reuters\n.\nPhoto: AP\nb\n")
    assert [(c.kind, c.name) for c in doc.credits] == [("video", "Reuters"), ("photo", "AP")]
    assert doc.text.endswith("The body.")


def test_no_break_spaces_become_spaces() -> None:
    doc = parse_post("WP: Head\u00a0line\n2025.01.01\nHe went to\u00a0Kyiv\u202fon Monday.")
    assert "\u00a0" not in doc.text and "\u202f" not in doc.text
    assert "went to Kyiv on Monday" in doc.text


def test_document_id_is_stable_and_content_based() -> None:
    a = parse_post(POST, origin="one")
    b = parse_post(POST.replace("\n", "\r\n"), origin="two")
    c = parse_post(POST.replace("six radars", "seven radars"), origin="one")
    assert a.id == b.id
    assert a.id != c.id
    assert len(a.id) == 20


def test_plain_text_keeps_everything_as_body() -> None:
    doc = parse_text("Ministers met in Oslo.\nThey agreed to talk again.\n")
    assert doc.headline is None
    assert doc.body_start == 0
    assert doc.text == "Ministers met in Oslo.\nThey agreed to talk again."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POST, True),
        ("WP: A headline\nSome body.", True),
        ("2025.01.01\nSome body.", True),
        ("An article starts here. It has sentences.\nAnd more.", False),
    ],
)
def test_looks_like_post(text: str, expected: bool) -> None:
    assert looks_like_post(text) is expected


def test_tag_with_spaces_is_one_tag() -> None:
    doc = parse_post("#Venezuela\n#South China Sea\nWP: Headline here\n2025.10.31\nBody text.")
    assert doc.tags == ("Venezuela", "South China Sea")
    assert (doc.headline, doc.published) == ("Headline here", date(2025, 10, 31))


def test_question_headline_above_the_date_line() -> None:
    doc = parse_post("#X\nWill Ruritania deliver the jets?\n2025.10.31\nBody text.")
    assert doc.headline == "Will Ruritania deliver the jets?"
    assert doc.published == date(2025, 10, 31)


@pytest.mark.parametrize(
    "last_line",
    ["Source: officials in the capital said the talks would resume next week", "US", "14"],
)
def test_sentence_like_last_lines_stay_in_the_body(last_line: str) -> None:
    doc = parse_post(f"WP: Headline\n2025.10.31\nThe body starts here.\n{last_line}\n")
    assert doc.text.endswith(last_line)
    assert doc.credits == ()


def test_markdown_heading_is_not_a_tag() -> None:
    assert not looks_like_post("# A heading\n\nSome text follows here.")
