"""The REST API and the web UI: a FastAPI app over a store, served by ``newsgraph serve``.

Needs the ``api`` extra (``pip install 'newsgraph[api]'``); the CLI imports this package lazily.
"""

from __future__ import annotations

from .app import ApiConfig, create_app

__all__ = ["ApiConfig", "create_app"]
