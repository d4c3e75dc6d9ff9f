"""The application, assembled above its parts: the REST API under ``/api`` (:mod:`newsgraph.api`),
Atom feeds under ``/feeds``, the web UI at ``/`` (:mod:`newsgraph.web`), OpenAPI at ``/docs``
(Swagger UI and ReDoc served from the package, no CDN). Neither part imports the other or this
module; what both need is in :mod:`newsgraph.http`.

Read-only by default: the store is opened read-only and shared through one cursor per request.
With a token configured the store is opened for writing (this process then holds DuckDB's write
lock: no other process can ingest into the file while it runs) and ``POST /api/ingest`` exists.
CORS is off unless origins are named.

Read-only, it can be served by several processes (``newsgraph serve --workers N``): DuckDB lets
any number of processes open a file read-only, and each worker builds its app with
:func:`app_from_environment` from the configuration the serve command leaves in the environment.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .api.errors import install_error_handlers
from .api.routers import actors, documents, events, exports
from .config import Settings
from .errors import ConfigError
from .store import Store
from .web.views import router as web_router
from .web.views import templates

__all__ = [
    "CONFIG_ENVIRONMENT",
    "DEFAULT_BASE_URL",
    "ApiConfig",
    "app_from_environment",
    "create_app",
]

#: Where ``newsgraph serve`` listens by default, and so where its links point unless told.
DEFAULT_BASE_URL = "http://127.0.0.1:8321"
#: The environment variable that hands a read-only server's configuration to its workers.
CONFIG_ENVIRONMENT = "NEWSGRAPH_SERVE_CONFIG"

# Pages run no script: a policy that forbids scripts outright backs up the escaping. Swagger UI
# and ReDoc need their own scripts, so their paths are left out.
_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_DOC_PATHS = ("/docs", "/redoc", "/static-offline-docs", "/openapi.json")


class _SecurityHeaders:
    """The security headers on every answer. Plain ASGI: Starlette's ``@app.middleware("http")``
    (BaseHTTPMiddleware) cost about 1 ms of CPU per request, a tenth of a fast listing's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = not str(scope["path"]).startswith(_DOC_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if policy:
                    headers["Content-Security-Policy"] = _POLICY
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """How to serve: the store, the ingest token (empty: no ingest, read-only), the origins
    allowed by CORS (none: CORS off) and the address the server is reached at, for the links it
    writes (feeds): configured, never taken from a request's Host header."""

    db: Path
    token: str = ""
    cors_origins: tuple[str, ...] = ()
    settings: Settings = field(default_factory=Settings)
    base_url: str = DEFAULT_BASE_URL

    def to_json(self) -> str:
        """The configuration of a read-only server as JSON text, for :meth:`from_json` in its
        worker processes. No token: a server with one is never split into processes, and a
        secret is kept out of the environment."""
        settings = {
            name: str(value)  # as the environment gives settings; Settings converts them back
            for name, value in dataclasses.asdict(self.settings).items()
            if value is not None and name != "api_token"
        }
        return json.dumps(
            {
                "db": str(self.db),
                "cors_origins": list(self.cors_origins),
                "settings": settings,
                "base_url": self.base_url,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ApiConfig:
        data = json.loads(text)
        return cls(
            db=Path(data["db"]),
            cors_origins=tuple(data["cors_origins"]),
            settings=Settings().replace(**data["settings"]),
            base_url=data["base_url"],
        )


def create_app(config: ApiConfig) -> FastAPI:
    """The app over ``config.db``; opens the store now, so a bad path fails before serving."""
    store = Store(config.db, read_only=not config.token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if app.state.runner is not None:
                app.state.runner.close()
            store.close()

    app = FastAPIOffline(
        title="newsgraph",
        version=__version__,
        description=(
            "Events from news reports: who did what to whom, when, where, according to whom. "
            'Errors answer `{"error": {"code", "message"}}`; codes in docs/api.md.'
        ),
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = store
    app.state.runner = None
    app.state.templates = templates
    install_error_handlers(app)

    app.add_middleware(_SecurityHeaders)

    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.include_router(events.router)
    app.include_router(documents.router)
    if config.token:
        app.include_router(documents.ingest_router)
    app.include_router(actors.router)
    app.include_router(exports.router)
    app.include_router(actors.feeds_router)
    app.include_router(web_router)
    static = resources.files("newsgraph.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app of one of several server processes (uvicorn's app factory): the configuration
    ``newsgraph serve --workers N`` wrote to :data:`CONFIG_ENVIRONMENT`."""
    text = os.environ.get(CONFIG_ENVIRONMENT)
    if not text:
        raise ConfigError(
            f"{CONFIG_ENVIRONMENT} is not set: start several server processes with "
            "newsgraph serve --workers N"
        )
    return create_app(ApiConfig.from_json(text))
