"""Tags of events, as the channels that publish posts write them: ``#Venezuela``, ``#Russia/USA``.

An event's tags come from its countries: each country of an actor or recipient (the first three
letters of its code, when they are a country in ``data/country_tags.tsv``) and of its location
gives a single tag; each pair of an actor's country and a recipient's country (different) gives a
pair tag, its parts in alphabetical order (``Russia/USA`` however the event runs). An event with
no country at all (codes stay null until actor resolution fills them) takes the tags of its
document instead, as the post wrote them, normalised the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import read_table
from .handles import Queryable

__all__ = [
    "TagSpec",
    "canonical_tag",
    "country_of_code",
    "country_tags",
    "event_tags",
    "parse_tag",
    "tag_clause",
    "tag_counts",
    "tag_of_country",
    "tags_of_row",
]


@cache
def country_tags() -> dict[str, str]:
    """Country code (ISO 3166 alpha-3 and PLOVER's extras) -> tag (``RUS`` -> ``Russia``)."""
    return {row["code"]: row["tag"] for row in read_table("country_tags.tsv")}


@cache
def _codes_by_tag() -> dict[str, str]:
    return {tag.lower(): code for code, tag in country_tags().items()}


def country_of_code(code: str | None) -> str | None:
    """The country in an actor code (``RUSGOV`` -> ``RUS``), or None when it names none."""
    if not code:
        return None
    prefix = code[:3].upper()
    return prefix if prefix in country_tags() else None


def tag_of_country(country: str) -> str:
    return country_tags().get(country.upper(), country)


def _clean(part: str) -> str:
    return part.strip().lstrip("#").strip()


def canonical_tag(tag: str) -> str:
    """One spelling per tag: no ``#``, known countries as the table writes them, pair parts in
    alphabetical order (``#usa/russia`` -> ``Russia/USA``); unknown names keep their case."""
    parts = [_clean(p) for p in _clean(tag).split("/")]
    parts = [p for p in parts if p]
    known = _codes_by_tag()
    named = [country_tags()[known[p.lower()]] if p.lower() in known else p for p in parts]
    if len(named) == 2:
        named.sort(key=str.lower)
    return "/".join(named)


@dataclass(frozen=True, slots=True)
class TagSpec:
    """A tag asked for: its canonical name, its countries (empty when a part is not a known
    country) and the lower-case spellings a document's tag may have."""

    name: str
    countries: tuple[str, ...]
    spellings: tuple[str, ...]


def parse_tag(tag: str) -> TagSpec:
    name = canonical_tag(tag)
    parts = name.split("/")
    known = _codes_by_tag()
    codes = tuple(known[p.lower()] for p in parts if p.lower() in known)
    countries = codes if len(codes) == len(parts) and len(parts) in (1, 2) else ()
    spellings = {name.lower(), "/".join(reversed(parts)).lower()}
    return TagSpec(name=name, countries=countries, spellings=tuple(sorted(spellings)))


def event_tags(
    actor_codes: Iterable[str | None],
    recipient_codes: Iterable[str | None],
    *,
    location_country: str | None = None,
    document_tags: Sequence[str] = (),
) -> list[str]:
    """The tags of one event: singles, then pairs, each once, in a stable order."""
    actors = {c for c in map(country_of_code, actor_codes) if c}
    recipients = {c for c in map(country_of_code, recipient_codes) if c}
    located = country_of_code(location_country)
    countries = actors | recipients | ({located} if located else set())
    if not countries:
        # One tag per spelling regardless of case (#Ruritania and #ruritania are one tag).
        first: dict[str, str] = {}
        for tag in document_tags:
            name = canonical_tag(tag)
            if name:
                first.setdefault(name.lower(), name)
        return list(first.values())
    singles = sorted({tag_of_country(c) for c in countries}, key=str.lower)
    pairs = sorted(
        {
            "/".join(sorted((tag_of_country(a), tag_of_country(r)), key=str.lower))
            for a in actors
            for r in recipients
            if a != r
        },
        key=str.lower,
    )
    return singles + pairs


def tags_of_row(row: Mapping[str, Any]) -> list[str]:
    """:func:`event_tags` of a row of :func:`~newsgraph.store.queries.list_events`: the tags
    stored with it when it has them (those its tag filter matches)."""
    if row.get("tags") is not None:
        return list(row["tags"])
    return event_tags(
        (a.get("code") for a in row.get("actors") or ()),
        (r.get("code") for r in row.get("recipients") or ()),
        location_country=row.get("location_country"),
        document_tags=row.get("doc_tags") or (),
    )


# SQL over `events e JOIN <documents> d`: the countries an event has, as a relation.
_COUNTRY = "upper(substr({alias}.code, 1, 3))"
_LOCATED = "upper(json_extract_string(e.location, '$.country'))"


def tag_clause(spec: TagSpec, params: list[Any]) -> str:
    """A WHERE condition on ``events e JOIN documents d`` for events carrying ``spec``.

    Values are bound (appended to ``params`` in order); only fixed SQL is returned."""
    known = sorted(country_tags())
    no_country = (
        f"NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id "
        f"AND {_COUNTRY.format(alias='x')} IN (SELECT unnest(?))) "
        f"AND coalesce({_LOCATED} NOT IN (SELECT unnest(?)), true)"
    )
    fallback = (
        f"({no_country} AND list_has_any(list_transform(d.tags, lambda t: "
        f"lower(trim(t, '# '))), ?))"
    )
    conditions = []
    if len(spec.countries) == 1:
        conditions.append(
            f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id "
            f"AND {_COUNTRY.format(alias='x')} = ?) OR {_LOCATED} = ?"
        )
        params.extend([spec.countries[0], spec.countries[0]])
    elif len(spec.countries) == 2:
        first, second = spec.countries
        conditions.append(
            "EXISTS (SELECT 1 FROM event_actors x JOIN event_actors y USING (event_id) "
            "WHERE x.event_id = e.event_id AND x.role = 'actor' AND y.role = 'recipient' AND ("
            f"({_COUNTRY.format(alias='x')} = ? AND {_COUNTRY.format(alias='y')} = ?) OR "
            f"({_COUNTRY.format(alias='x')} = ? AND {_COUNTRY.format(alias='y')} = ?)))"
        )
        params.extend([first, second, second, first])
    conditions.append(fallback)
    params.extend([known, known, list(spec.spellings)])
    return "(" + " OR ".join(f"({c})" for c in conditions) + ")"


def tag_counts(store: Queryable, *, limit: int = 200) -> list[dict[str, Any]]:
    """Every tag with its number of events (current document versions), most frequent first."""
    known = sorted(country_tags())
    countries = store.query(
        f"""
        WITH current AS (
            SELECT e.event_id, e.location FROM events e JOIN current_documents d USING (doc_id)
        ),
        parties AS (
            SELECT DISTINCT a.event_id, a.role, {_COUNTRY.format(alias="a")} AS country
            FROM event_actors a JOIN current c USING (event_id)
            WHERE {_COUNTRY.format(alias="a")} IN (SELECT unnest(?))
        ),
        located AS (
            SELECT event_id, upper(json_extract_string(location, '$.country')) AS country
            FROM current WHERE upper(json_extract_string(location, '$.country'))
                               IN (SELECT unnest(?))
        )
        SELECT country AS first, NULL AS second, count(DISTINCT event_id) AS events
        FROM (SELECT event_id, country FROM parties UNION SELECT event_id, country FROM located)
        GROUP BY country
        UNION ALL
        SELECT least(x.country, y.country), greatest(x.country, y.country),
               count(DISTINCT x.event_id)
        FROM parties x JOIN parties y
          ON x.event_id = y.event_id AND x.role = 'actor' AND y.role = 'recipient'
         AND x.country <> y.country
        GROUP BY ALL
        """,
        [known, known],
    )
    fallback = store.query(
        f"""
        SELECT tag, count(*) AS events FROM (
            SELECT unnest(d.tags) AS tag
            FROM events e JOIN current_documents d USING (doc_id)
            WHERE NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id
                              AND {_COUNTRY.format(alias="x")} IN (SELECT unnest(?)))
              AND coalesce({_LOCATED} NOT IN (SELECT unnest(?)), true)
        ) GROUP BY tag
        """,
        [known, known],
    )
    totals: dict[str, int] = {}
    for row in countries:
        parts = [tag_of_country(row["first"])]
        if row["second"]:
            parts.append(tag_of_country(row["second"]))
        name = "/".join(sorted(parts, key=str.lower))
        totals[name] = totals.get(name, 0) + int(row["events"])
    for row in fallback:
        name = canonical_tag(row["tag"])
        if name:
            totals[name] = totals.get(name, 0) + int(row["events"])
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0].lower()))
    return [{"tag": name, "events": count, "pair": "/" in name} for name, count in ranked[:limit]]
