"""``newsgraph serve``: the REST API and web UI over a store."""

from __future__ import annotations

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
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs), the web UI (/) and Atom feeds (/feeds).

    Read-only unless the setting api_token (NEWSGRAPH_API_TOKEN) is set: then POST /api/ingest
    exists, requires 'Authorization: Bearer TOKEN', and this process holds the store's write
    lock while it runs."""
    settings = settings_from(db=db)
    if not 0 < port < 65536:
        raise ConfigError(f"--port must be 1-65535, got {port}")
    try:
        import uvicorn

        from ..app import ApiConfig, create_app
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
    err.print(f"serving {settings.db} ({mode}) on http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
