"""An evaluation report: what was scored, on what, with which counts and figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["EvalReport"]


@dataclass(slots=True)
class EvalReport:
    name: str
    data: str
    counts: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": self.data,
            "counts": self.counts,
            "metrics": self.metrics,
            "tables": self.tables,
            "notes": self.notes,
        }

    def render(self) -> str:
        lines = [f"== {self.name} ({self.data})"]
        lines += [f"  {key}: {value:,}" for key, value in self.counts.items()]
        lines += [f"  {key}: {value:.4f}" for key, value in self.metrics.items()]
        for title, rows in self.tables.items():
            lines.append(f"  -- {title}")
            lines += ["    " + "  ".join(f"{k}={v}" for k, v in row.items()) for row in rows]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)
