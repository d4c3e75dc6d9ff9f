"""newsgraph: news reports in, a sourced, time-aware knowledge base of geopolitical events out."""

from __future__ import annotations

__version__ = "0.1.0"
