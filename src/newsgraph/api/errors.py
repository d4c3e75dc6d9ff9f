"""The API's one place where errors become answers.

API and feed paths answer JSON ``{"error": {"code", "message"}}`` with an HTTP status chosen by
the error's class; web pages answer the same code and message on an HTML page. Unexpected
exceptions are logged and answered with a generic 500 that says nothing of the internals.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    ConfigError,
    InputError,
    MissingExtraError,
    NewsgraphError,
    NotFoundError,
    PermissionDeniedError,
    StoreError,
)

__all__ = ["READ_ERRORS", "STATUS", "error_responses", "install_error_handlers", "status_of"]

log = logging.getLogger("newsgraph.api")

#: HTTP status per error class (the first class in this order that matches wins).
STATUS: tuple[tuple[type[NewsgraphError], int], ...] = (
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (InputError, 422),
    (ConfigError, 400),
    (MissingExtraError, 501),
    (StoreError, 503),
)

# Codes for errors raised by the framework itself (routing, validation).
_HTTP_CODES = {
    404: NotFoundError.code,
    401: PermissionDeniedError.code,
    403: PermissionDeniedError.code,
}


# What each status means here, for the OpenAPI description (docs/api.md has the same table).
_MEANING = {
    400: "A parameter is wrong (NG601): a bad date, a number out of range, an unknown value.",
    403: "Ingest without the right token (NG603).",
    404: "No such event, document, actor, route or export format (NG401).",
    422: "An ingested body cannot be read (NG1xx: NG105 malformed, NG104 too large, ...).",
    501: "An optional dependency is missing (NG602).",
    503: "The store cannot be read (NG301).",
    500: "Anything unexpected (NG000); the server log has the details.",
}
_ERROR_BODY: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of these error statuses, each with the error body."""
    return {
        status: {
            "description": _MEANING[status],
            "content": {"application/json": {"schema": _ERROR_BODY}},
        }
        for status in statuses
    }


#: The errors any read route can answer.
READ_ERRORS = error_responses(400, 404, 500, 503)


def status_of(error: NewsgraphError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 500


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith(("/api", "/feeds", "/openapi")))


def _answer(request: Request, status: int, code: str, message: str) -> Response:
    if _wants_html(request):
        templates = request.app.state.templates
        page: Response = templates.TemplateResponse(
            request,
            "error.html",
            {"title": f"Error {status}", "status": status, "code": code, "message": message},
            status_code=status,
        )
        return page
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        return _answer(request, status_of(exc), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error.get('loc', ()))}: {error.get('msg', '')}"
            for error in exc.errors()
        )
        return _answer(request, 400, ConfigError.code, f"invalid request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, NewsgraphError.code)
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is described at /docs"
        response = _answer(request, exc.status_code, code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _answer(
            request, 500, NewsgraphError.code, "internal error; the server log has the details"
        )
