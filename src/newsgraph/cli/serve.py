"""``newsgraph serve``: the REST API and web UI over a store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..errors import ConfigError, MissingExtraError
from .app import DbOption, app, err, settings_from


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8321,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(
            "--cors-origin", help="Allow browser calls from this origin (repeat); none = CORS off."
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="The address clients reach the server at, for links in feeds "
            "(default: http://HOST:PORT; never the request's Host header).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Server processes; more than 1 serves read-only only (no api_token), each "
            "process with the store open read-only.",
        ),
    ] = 1,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs), the web UI (/) and Atom feeds (/feeds).

    Read-only unless the setting api_token (NEWSGRAPH_API_TOKEN) is set: then POST /api/ingest
    exists, requires 'Authorization: Bearer TOKEN', and this process holds the store's write
    lock while it runs."""
    settings = settings_from(db=db)
    if not 0 < port < 65536:
        raise ConfigError(f"--port must be 1-65535, got {port}")
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if workers > 1 and settings.api_token:
        raise ConfigError(
            "--workers above 1 serves read-only only: with api_token set one process holds "
            "the store's write lock; unset NEWSGRAPH_API_TOKEN or serve with --workers 1"
        )
    try:
        import uvicorn

        from ..app import CONFIG_ENVIRONMENT, ApiConfig, create_app
    except ImportError as exc:
        raise MissingExtraError(exc.name or "fastapi", "api") from exc
    config = ApiConfig(
        db=settings.db,
        token=settings.api_token,
        cors_origins=tuple(cors_origin or ()),
        settings=settings,
        base_url=(base_url or f"http://{host}:{port}").rstrip("/"),
    )
    application = create_app(config)
    mode = "read-write, ingest enabled" if config.token else "read-only"
    if workers > 1:
        mode += f", {workers} processes"
    err.print(f"serving {settings.db} ({mode}) on http://{host}:{port}/  (API docs: /docs)")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    # The app above only checked the store: each worker opens it again, read-only, in its own
    # process (uvicorn starts them from an import string), so the GIL is no longer shared.
    application.state.store.close()
    os.environ[CONFIG_ENVIRONMENT] = config.to_json()
    uvicorn.run(
        "newsgraph.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
    )
