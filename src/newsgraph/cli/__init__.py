"""The ``newsgraph`` command: a thin adapter over the library.

Each command parses its options, calls one library function and formats the result; the commands
live in modules by what they touch (:mod:`.documents`, :mod:`.explore`, :mod:`.scoring`).
"""

from __future__ import annotations

import sys

from . import (  # noqa: F401  (each adds its commands to the app)
    actors,
    documents,
    explore,
    scoring,
    serve,
    transfers,
)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``newsgraph`` script."""
    try:
        app()
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.exit(0)


if __name__ == "__main__":
    main()
