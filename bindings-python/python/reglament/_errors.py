"""The exceptions of reglament, raised by the native module and picklable.

Each carries the core's stable ``code``, a ``message``, the ``path`` of the offending input
field when there is one, and ``errors``: every error as an ``ErrorInfo`` dict (one per
diagnostic of a broken profile file).
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

from ._types import ErrorInfo

__all__ = [
    "ReglamentError",
    "InputError",
    "ProfileError",
    "UnknownProfileError",
    "OutOfRangeError",
    "from_info",
]


class ReglamentError(Exception):
    """Base class of every error reglament raises."""

    code: str
    message: str
    path: Optional[str]
    errors: List[ErrorInfo]

    def __init__(self, message: str, code: str = "error", path: Optional[str] = None, errors: Sequence[ErrorInfo] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.errors = list(errors)

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self.code, self.path, self.errors))

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        where = f", path={self.path!r}" if self.path else ""
        return f"{type(self).__name__}(code={self.code!r}{where}, message={self.message!r})"


class InputError(ReglamentError, ValueError):
    """An input value is malformed or of the wrong type; ``path`` names the field
    (``message.attachments[2].size``). Also raised for an unknown region or time zone."""


class OutOfRangeError(ReglamentError, ValueError):
    """A date lies outside the years the production calendar covers."""


class UnknownProfileError(ReglamentError, LookupError):
    """No built-in profile has this name."""


class ProfileError(ReglamentError):
    """A profile file is broken; ``diagnostics`` say where and why, and ``file``, ``line`` and
    ``column`` give the position of the first."""

    @property
    def diagnostics(self) -> List[ErrorInfo]:
        """Every diagnostic of the file, with ``code``, ``message``, ``location`` and ``help``."""
        return self.errors

    def _location(self, key: str) -> Any:
        for error in self.errors:
            location = error.get("location")
            if location:
                return location.get(key)
        return None

    @property
    def file(self) -> Optional[str]:
        """File of the first diagnostic that has a position."""
        return self._location("file")  # type: ignore[no-any-return]

    @property
    def line(self) -> Optional[int]:
        """1-based line of the first diagnostic that has a position."""
        return self._location("line")  # type: ignore[no-any-return]

    @property
    def column(self) -> Optional[int]:
        """1-based column of the first diagnostic that has a position."""
        return self._location("column")  # type: ignore[no-any-return]


_BY_CODE = {
    "invalid_input": InputError,
    "unknown_zone": InputError,
    "unknown_region": InputError,
    "out_of_range": OutOfRangeError,
    "unknown_profile": UnknownProfileError,
    "invalid_data": ProfileError,
}


def from_info(code: str, message: str, path: Optional[str], errors: List[ErrorInfo]) -> ReglamentError:
    """Builds the exception for a core error (called by the native module)."""
    cls = _BY_CODE.get(code, ReglamentError)
    return cls(message, code, path, errors)


