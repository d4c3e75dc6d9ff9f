"""Every error newsgraph raises on purpose.

Each front end (CLI, API) translates these in exactly one place. The tree::

    NewsgraphError
     ├── ConfigError             a setting or config file is wrong
     ├── InputError              one input (file, line, record) cannot be read; it is recorded
     │    ├── EmptyInputError        nothing but white space
     │    ├── BinaryInputError       looks like a binary file, not text
     │    ├── EncodingError          not decodable in the expected encoding
     │    ├── TooLargeError          over the configured size limit
     │    ├── MalformedInputError    parses, but not as the format says (bad JSON, no text, ...)
     │    ├── UnsupportedInputError  a file type newsgraph has no reader for
     │    └── SkippedEntryError      a folder entry not read (a broken link, a loop, a FIFO, ...)
     ├── ModelError              the spaCy model is missing or unusable
     ├── StoreError              the database cannot be opened, migrated or written
     ├── NotFoundError           a document, event or actor that was asked for does not exist
     ├── EvalError               a gold set is missing or not in the expected layout
     └── MissingExtraError       an optional dependency is not installed

Every error has a short stable ``code`` (``NG1xx`` input, ``NG2xx`` model, ``NG3xx`` store,
``NG4xx`` lookup, ``NG5xx`` eval, ``NG6xx`` config/extras) so that records in the ``rejected``
table and API responses can be grouped and searched.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "EvalError",
    "InputError",
    "MalformedInputError",
    "MissingExtraError",
    "ModelError",
    "NewsgraphError",
    "NotFoundError",
    "PermissionDeniedError",
    "SkippedEntryError",
    "StoreError",
    "TooLargeError",
    "UnsupportedInputError",
]


class NewsgraphError(Exception):
    """Root of every error newsgraph raises on purpose."""

    code = "NG000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(NewsgraphError):
    code = "NG601"
    exit_code = 2


class MissingExtraError(NewsgraphError):
    code = "NG602"
    exit_code = 2

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"{module!r} is not installed; it comes with the optional extra: "
            f"pip install 'newsgraph[{extra}]'"
        )
        self.module = module
        self.extra = extra


class InputError(NewsgraphError):
    """One input could not be read. ``origin`` says which (path, path:line, URL)."""

    code = "NG100"
    exit_code = 3
    #: A short machine-friendly reason, stored with the rejected input.
    reason = "unreadable"

    def __init__(self, message: str, *, origin: str = "") -> None:
        super().__init__(message)
        self.origin = origin


class EmptyInputError(InputError):
    code = "NG101"
    reason = "empty"


class BinaryInputError(InputError):
    code = "NG102"
    reason = "binary"


class EncodingError(InputError):
    code = "NG103"
    reason = "encoding"


class TooLargeError(InputError):
    code = "NG104"
    reason = "too_large"


class MalformedInputError(InputError):
    code = "NG105"
    reason = "malformed"


class UnsupportedInputError(InputError):
    code = "NG106"
    reason = "unsupported"


class SkippedEntryError(InputError):
    code = "NG107"
    reason = "skipped"


class ModelError(NewsgraphError):
    code = "NG201"
    exit_code = 4


class StoreError(NewsgraphError):
    code = "NG301"
    exit_code = 5


class NotFoundError(NewsgraphError):
    code = "NG401"
    exit_code = 6


class EvalError(NewsgraphError):
    code = "NG501"
    exit_code = 7


class PermissionDeniedError(NewsgraphError):
    code = "NG603"
    exit_code = 2
