"""Geometry of the pages' SVG charts, computed on the server: bars of a timeline and the layout
of the actor graph. The templates draw what these return (no script runs in the browser)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import format_date, format_period

__all__ = ["Bar", "GraphView", "Timeline", "graph_view", "timeline"]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    peak: int
    names: tuple[str, ...]


def _tick(day: date, interval: str) -> str:
    """A short label under a bar group: the period without "week of"."""
    return format_date(day) if interval == "week" else format_period(day, interval)


def timeline(
    periods: Sequence[date],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    width: int = 900,
    height: int = 220,
    interval: str = "day",
) -> Timeline:
    """Grouped bars: one group per period, one bar per series, heights scaled to the peak."""
    top, bottom, left = 12, 36, 40
    plot_height = height - top - bottom
    peak = max([1, *(v for _, values in series for v in values)])
    count = max(len(periods), 1)
    group = (width - left - 8) / count
    bar_width = max(group * 0.8 / max(len(series), 1), 1.0)
    bars = []
    for index, day in enumerate(periods):
        for number, (name, values) in enumerate(series):
            value = values[index]
            bar_height = plot_height * value / peak
            bars.append(
                Bar(
                    x=round(left + index * group + group * 0.1 + number * bar_width, 2),
                    y=round(top + plot_height - bar_height, 2),
                    width=round(bar_width, 2),
                    height=round(bar_height, 2),
                    series=number,
                    title=f"{format_period(day, interval)}: {value} {name}",
                )
            )
    step = max(1, math.ceil(count / 8))
    ticks = tuple(
        (round(left + index * group + group / 2, 2), _tick(day, interval))
        for index, day in enumerate(periods)
        if index % step == 0
    )
    return Timeline(width, height, tuple(bars), ticks, peak, tuple(n for n, _ in series))


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]


def _layout(count: int, links: list[tuple[int, int]], *, size: float) -> list[tuple[float, float]]:
    """Fruchterman-Reingold from a circle: deterministic, good enough for a hundred nodes."""
    if count == 0:
        return []
    points = [
        [math.cos(2 * math.pi * i / count) * size / 3, math.sin(2 * math.pi * i / count) * size / 3]
        for i in range(count)
    ]
    ideal = size / math.sqrt(count + 1)
    heat = size / 10
    for _ in range(60):
        moves = [[0.0, 0.0] for _ in range(count)]
        for i in range(count):
            for j in range(i + 1, count):
                dx, dy = points[i][0] - points[j][0], points[i][1] - points[j][1]
                distance = max(math.hypot(dx, dy), 0.01)
                push = ideal * ideal / distance
                moves[i][0] += dx / distance * push
                moves[i][1] += dy / distance * push
                moves[j][0] -= dx / distance * push
                moves[j][1] -= dy / distance * push
        for i, j in links:
            dx, dy = points[i][0] - points[j][0], points[i][1] - points[j][1]
            distance = max(math.hypot(dx, dy), 0.01)
            pull = distance * distance / ideal
            moves[i][0] -= dx / distance * pull
            moves[i][1] -= dy / distance * pull
            moves[j][0] += dx / distance * pull
            moves[j][1] += dy / distance * pull
        for i in range(count):
            length = max(math.hypot(*moves[i]), 0.01)
            step = min(length, heat)
            points[i][0] += moves[i][0] / length * step
            points[i][1] += moves[i][1] / length * step
        heat *= 0.93
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    return [
        (
            round(60 + (x - min(xs)) / span_x * (size - 120), 1),
            round(40 + (y - min(ys)) / span_y * (size * 0.7 - 80), 1),
        )
        for x, y in points
    ]


def _score_class(score: float | None) -> str:
    if score is None:
        return "edge-unscored"
    if score <= -2:
        return "edge-conflict"
    if score >= 2:
        return "edge-cooperation"
    return "edge-neutral"


def graph_view(graph: dict[str, Any], *, weight: str = "count", size: int = 900) -> GraphView:
    """Positions and stroke widths for :func:`~newsgraph.store.analytics.actor_graph`'s result.
    ``weight`` ``count``: edge width by number of events; ``score``: by the size of the mean
    score. The colour always tells cooperation (green) from conflict (red)."""
    nodes = list(graph["nodes"])
    index = {node["id"]: number for number, node in enumerate(nodes)}
    links = [(index[e["source"]], index[e["target"]]) for e in graph["edges"]]
    points = _layout(len(nodes), links, size=size)
    heaviest = max([1.0, *(float(e["events"]) for e in graph["edges"])])
    degree_peak = max([1, *(n["out_events"] + n["in_events"] for n in nodes)])
    placed = tuple(
        {
            **node,
            "x": points[i][0],
            "y": points[i][1],
            "r": round(
                4 + 10 * math.sqrt((node["out_events"] + node["in_events"]) / degree_peak), 1
            ),
        }
        for i, node in enumerate(nodes)
    )
    edges = []
    for edge in graph["edges"]:
        source, target = placed[index[edge["source"]]], placed[index[edge["target"]]]
        score = edge.get("mean_score")
        if weight == "score":
            strength = abs(score) / 10 if score is not None else 0.05
        else:
            strength = float(edge["events"]) / heaviest
        edges.append(
            {
                **edge,
                "x1": source["x"],
                "y1": source["y"],
                "x2": target["x"],
                "y2": target["y"],
                "stroke": round(0.8 + 6 * strength, 2),
                "css": _score_class(score),
            }
        )
    return GraphView(size, int(size * 0.7), placed, tuple(edges))
