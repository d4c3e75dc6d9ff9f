"""Aggregates over the events of a store: an actor's profile over time, a dyad's time series,
the graph of who acts on whom.

An event's date is its resolved time (start) or, when the text gives none, the publication date,
as in the events listing. Only current document versions count. Periods are calendar days, ISO
weeks (starting Monday) or months, named by their first day; periods without events are filled
with zeros so a series can be drawn as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from ..errors import ConfigError, NotFoundError
from .queries import _party_clause
from .store import Store
from .tags import country_tags

__all__ = [
    "INTERVALS",
    "Interval",
    "actor_graph",
    "actor_profile",
    "dyad_series",
    "period_starts",
]

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month")
_DAY = "coalesce(e.time_start, d.published)"
# A series longer than this is refused rather than filled (a typo in a year, say).
_MAX_PERIODS = 5000


def _interval(value: str) -> Interval:
    if value not in INTERVALS:
        raise ConfigError(f"interval must be one of {', '.join(INTERVALS)}, got {value!r}")
    return value


def _period_start(day: date, interval: Interval) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def period_starts(first: date, last: date, interval: Interval) -> list[date]:
    """The first day of every period from the one holding ``first`` to the one holding ``last``."""
    current, end = _period_start(first, interval), _period_start(last, interval)
    periods: list[date] = []
    while current <= end:
        periods.append(current)
        if len(periods) > _MAX_PERIODS:
            raise ConfigError(
                f"{first} .. {last} is more than {_MAX_PERIODS} {interval}s; "
                "narrow the dates or choose a longer interval"
            )
        if interval == "day":
            current += timedelta(days=1)
        elif interval == "week":
            current += timedelta(days=7)
        else:
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return periods


def _date_filters(
    since: date | None, until: date | None, params: list[Any], *, where: list[str]
) -> None:
    if since:
        where.append(f"{_DAY} >= ?")
        params.append(since)
    if until:
        where.append(f"{_DAY} <= ?")
        params.append(until)


def _filled(
    rows: list[dict[str, Any]], interval: Interval, zero: dict[str, Any]
) -> list[dict[str, Any]]:
    if not rows:
        return []
    by_period = {row["period"]: row for row in rows}
    return [
        by_period.get(start, {"period": start, **zero})
        for start in period_starts(min(by_period), max(by_period), interval)
    ]


@dataclass(frozen=True, slots=True)
class _Match:
    """Which party rows are the actor asked for: its name (any case) or its code, exactly."""

    value: str

    def clause(self, alias: str, params: list[Any]) -> str:
        params.extend([self.value.lower(), self.value.upper()])
        return f"(lower({alias}.name) = ? OR upper({alias}.code) = ?)"


def actor_profile(
    store: Store,
    actor: str,
    *,
    interval: str = "month",
    since: date | None = None,
    until: date | None = None,
    partners: int = 10,
) -> dict[str, Any]:
    """What one actor (a name, any case, or a code such as ``RUS``) did and had done to it:
    events per period as actor and as recipient, the mean score of each, its event types and
    its most frequent partners."""
    step = _interval(interval)
    match = _Match(actor.strip())
    params: list[Any] = []
    mine = match.clause("a", params)
    where: list[str] = []
    _date_filters(since, until, params, where=where)
    extra = ("AND " + " AND ".join(where)) if where else ""
    base = f"""
        WITH mine AS (
            SELECT DISTINCT a.event_id, a.role FROM event_actors a WHERE {mine}
        ),
        ev AS (
            SELECT m.role AS side, e.event_id, e.type, e.score, {_DAY} AS day
            FROM mine m JOIN events e USING (event_id) JOIN current_documents d USING (doc_id)
            WHERE {_DAY} IS NOT NULL {extra}
        )
    """
    series = store.query(
        base
        + f"""
        SELECT date_trunc('{step}', day)::DATE AS period,
               count(DISTINCT event_id) FILTER (WHERE side = 'actor') AS as_actor,
               count(DISTINCT event_id) FILTER (WHERE side = 'recipient') AS as_recipient,
               avg(score) FILTER (WHERE side = 'actor') AS actor_score,
               avg(score) FILTER (WHERE side = 'recipient') AS recipient_score
        FROM ev GROUP BY period ORDER BY period
        """,
        params,
    )
    if not series:
        raise NotFoundError(
            f"no events with an actor or recipient named or coded {actor!r}"
            + (" in those dates" if where else "")
            + "; search actors with /api/actors?q=..."
        )
    names = store.query(
        f"""
        SELECT a.name, any_value(a.code ORDER BY a.code NULLS LAST) AS code, count(*) AS mentions
        FROM event_actors a WHERE {match.clause("a", [])} GROUP BY a.name
        ORDER BY mentions DESC, a.name LIMIT 20
        """,
        [actor.strip().lower(), actor.strip().upper()],
    )
    types = store.query(
        base
        + """
        SELECT type, count(DISTINCT event_id) FILTER (WHERE side = 'actor') AS as_actor,
               count(DISTINCT event_id) FILTER (WHERE side = 'recipient') AS as_recipient
        FROM ev GROUP BY type ORDER BY as_actor + as_recipient DESC, type
        """,
        params,
    )
    partner_params = [*params]
    not_me = _Match(actor.strip()).clause("p", partner_params)
    partner_params.append(partners)
    top = store.query(
        base
        + f"""
        SELECT p.name, any_value(p.code ORDER BY p.code NULLS LAST) AS code,
               count(DISTINCT ev.event_id) FILTER (WHERE ev.side = 'actor') AS acted_on,
               count(DISTINCT ev.event_id) FILTER (WHERE ev.side = 'recipient') AS acted_by,
               count(DISTINCT ev.event_id) AS events, avg(ev.score) AS mean_score
        FROM ev JOIN event_actors p
          ON p.event_id = ev.event_id AND p.role <> ev.side
        WHERE NOT {not_me}
        GROUP BY p.name ORDER BY events DESC, p.name LIMIT ?
        """,
        partner_params,
    )
    zero = {"as_actor": 0, "as_recipient": 0, "actor_score": None, "recipient_score": None}
    return {
        "actor": actor.strip(),
        "names": names,
        "interval": step,
        "series": _filled(series, step, zero),
        "types": types,
        "partners": top,
        "events": sum(r["as_actor"] + r["as_recipient"] for r in series),
    }


def dyad_series(
    store: Store,
    first: str,
    second: str,
    *,
    interval: str = "week",
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """Events between two actors per period, each direction apart (``forward``: ``first`` acts
    on ``second``), with mean PLOVER scores. Actors match as in the events filters (name, text
    or code, case-insensitively), so the counts agree with ``/api/events?dyad=A,B``."""
    step = _interval(interval)
    params: list[Any] = []
    forward = " AND ".join(
        [_party_clause("actor", first, params), _party_clause("recipient", second, params)]
    )
    backward = " AND ".join(
        [_party_clause("actor", second, params), _party_clause("recipient", first, params)]
    )
    # Over the events listing's table, with its actor filter: the same events, and fast.
    where = ["i.current", "i.event_date IS NOT NULL", f"(({forward}) OR ({backward}))"]
    if since:
        where.append("i.event_date >= ?")
        params.append(since)
    if until:
        where.append("i.event_date <= ?")
        params.append(until)
    # The direction is decided again per event: an event can run both ways ("A and B clashed").
    direction_params: list[Any] = []
    is_forward = " AND ".join(
        [
            _party_clause("actor", first, direction_params),
            _party_clause("recipient", second, direction_params),
        ]
    )
    rows = store.query(
        f"""
        WITH ev AS (
            SELECT i.event_id, i.score, i.quad, i.event_date AS day, ({is_forward}) AS forward
            FROM event_index i
            WHERE {" AND ".join(where)}
        )
        SELECT date_trunc('{step}', day)::DATE AS period,
               count(*) FILTER (WHERE forward) AS forward,
               count(*) FILTER (WHERE NOT forward) AS backward,
               count(*) AS events,
               avg(score) FILTER (WHERE forward) AS forward_score,
               avg(score) FILTER (WHERE NOT forward) AS backward_score,
               avg(score) AS score,
               count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad IN (3, 4)) AS conflict
        FROM ev GROUP BY period ORDER BY period
        """,
        [*direction_params, *params],
    )
    zero = {
        "forward": 0,
        "backward": 0,
        "events": 0,
        "forward_score": None,
        "backward_score": None,
        "score": None,
        "cooperation": 0,
        "conflict": 0,
    }
    return {
        "first": first,
        "second": second,
        "interval": step,
        "events": sum(r["events"] for r in rows),
        "series": _filled(rows, step, zero),
    }


def actor_graph(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    level: str = "actor",
    event_type: str | None = None,
    limit: int = 100,
) -> dict[str, Any]:
    """Who acts on whom: one node per actor (by name) or per country (``level="country"``, from
    the actors' codes), one directed edge per actor -> recipient pair with its number of events
    and mean PLOVER score; the ``limit`` heaviest edges and their nodes."""
    if level not in ("actor", "country"):
        raise ConfigError(f"level must be actor or country, got {level!r}")
    params: list[Any] = []
    where = [f"{_DAY} IS NOT NULL"]
    _date_filters(since, until, params, where=where)
    if event_type:
        where.append("upper(e.type) = ?")
        params.append(event_type.upper())
    if level == "country":
        key = "upper(substr({a}.code, 1, 3))"
        keep = (
            "AND upper(substr(x.code, 1, 3)) IN (SELECT unnest(?)) "
            "AND upper(substr(y.code, 1, 3)) IN (SELECT unnest(?))"
        )
        known = sorted(country_tags())
        params.extend([known, known])
    else:
        key = "{a}.name"
        keep = ""
    params.append(limit)
    edges = store.query(
        f"""
        WITH ev AS (
            SELECT e.event_id, e.score, {_DAY} AS day
            FROM events e JOIN current_documents d USING (doc_id)
            WHERE {" AND ".join(where)}
        )
        SELECT {key.format(a="x")} AS source, {key.format(a="y")} AS target,
               any_value(x.code ORDER BY x.code NULLS LAST) AS source_code,
               any_value(y.code ORDER BY y.code NULLS LAST) AS target_code,
               count(DISTINCT ev.event_id) AS events, avg(ev.score) AS mean_score,
               min(ev.day) AS first, max(ev.day) AS last
        FROM ev
        JOIN event_actors x ON x.event_id = ev.event_id AND x.role = 'actor'
        JOIN event_actors y ON y.event_id = ev.event_id AND y.role = 'recipient'
        WHERE {key.format(a="x")} <> {key.format(a="y")} {keep}
        GROUP BY ALL
        ORDER BY events DESC, source, target
        LIMIT ?
        """,
        params,
    )
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for end, code in (("source", edge["source_code"]), ("target", edge["target_code"])):
            node = nodes.setdefault(
                edge[end],
                {
                    "id": edge[end],
                    "label": country_tags().get(edge[end], edge[end])
                    if level == "country"
                    else edge[end],
                    "code": edge[end] if level == "country" else code,
                    "out_events": 0,
                    "in_events": 0,
                },
            )
            node["out_events" if end == "source" else "in_events"] += edge["events"]
    return {
        "level": level,
        "since": since,
        "until": until,
        "nodes": sorted(nodes.values(), key=lambda n: -(n["out_events"] + n["in_events"])),
        "edges": [
            {k: v for k, v in edge.items() if k not in ("source_code", "target_code")}
            for edge in edges
        ],
    }
