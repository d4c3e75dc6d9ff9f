"""An evaluation report: what was scored, on what, with which counts and figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["EvalReport"]


@dataclass(slots=True)
class EvalReport:
    """``counts`` say how much was scored, ``metrics`` the figures (stable names), ``tables``
    the detail behind them; ``split`` names the part of the dataset and ``seconds`` is the
    wall time of the run."""

    name: str
    data: str
    counts: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    split: str = ""
    seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": self.data,
            "split": self.split,
            "seconds": None if self.seconds is None else round(self.seconds, 2),
            "counts": self.counts,
            "metrics": self.metrics,
            "tables": self.tables,
            "notes": self.notes,
        }

    def render(self) -> str:
        where = f"{self.split}; {self.data}" if self.split else self.data
        lines = [f"== {self.name} ({where})"]
        if self.seconds is not None:
            lines.append(f"  wall time: {self.seconds:.1f} s")
        lines += [f"  {key}: {value:,}" for key, value in self.counts.items()]
        lines += [f"  {key}: {value:.4f}" for key, value in self.metrics.items()]
        for title, rows in self.tables.items():
            lines.append(f"  -- {title}")
            lines += ["    " + "  ".join(f"{k}={v}" for k, v in row.items()) for row in rows]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)
