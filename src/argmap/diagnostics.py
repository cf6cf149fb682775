"""Diagnostics: what argmap reports about a map, located like a compiler's messages.

Example:
    >>> d = Diagnostic("E020", Severity.ERROR, "quote not found", subject="ev-1",
    ...                file="map.json", line=41, column=7)
    >>> d.format()
    'map.json:41:7: error E020 [ev-1] quote not found'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

__all__ = ["LOAD_CODES", "Diagnostic", "MapError", "Severity"]

#: Codes of the problems that stop a map file from being read at all (exit code 2).
LOAD_CODES: dict[str, tuple[str, str]] = {
    "E001": ("invalid-json", "The file is not valid JSON (or is truncated)."),
    "E002": ("invalid-utf8", "The file is not UTF-8 text."),
    "E003": ("schema", "An element does not have the shape of a map (see `argmap schema`)."),
    "E004": ("duplicate-key", "An object gives the same key twice."),
    "E005": ("unreadable", "The file is missing or cannot be read."),
}


class Severity(StrEnum):
    """How serious a finding is. Errors make ``argmap check`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One finding about a map.

    Attributes:
        code: stable rule code, such as ``E020``.
        severity: error, warning or info.
        message: one line saying what is wrong.
        subject: id of the claim, evidence, source, party or relation concerned.
        path: JSON path of the element in the map file, such as ``claims[3].asserted_by[0]``.
        file: the map file.
        line: 1-based line in the map file.
        column: 1-based column in the map file.
    """

    code: str
    severity: Severity
    message: str
    subject: str | None = None
    path: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def format(self) -> str:
        """Return the diagnostic as one line: ``file:line:col: severity CODE [subject] message``.

        Example:
            >>> Diagnostic("E003", Severity.ERROR, "field required", path="claims[0].text").format()
            '<map>: error E003 claims[0].text: field required'
        """
        where = self.file or "<map>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        head = f"{where}: {self.severity.value} {self.code}"
        if self.subject:
            head += f" [{self.subject}]"
        elif self.path:
            head += f" {self.path}:"
        return f"{head} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as JSON-ready data.

        Example:
            >>> Diagnostic("W101", Severity.WARNING, "m").to_dict()["severity"]
            'warning'
        """
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def located(self, file: str | None, line: int | None, column: int | None) -> Diagnostic:
        """Return a copy placed at ``file:line:column``."""
        return replace(self, file=file, line=line, column=column)


class MapError(Exception):
    """A map file cannot be read: it is not JSON, not UTF-8, or not of the map's shape.

    Attributes:
        diagnostics: every problem found, in file order.

    Example:
        >>> err = MapError([Diagnostic("E001", Severity.ERROR, "bad", file="m.json", line=1,
        ...                            column=2)])
        >>> str(err)
        'm.json:1:2: error E001 bad'
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
