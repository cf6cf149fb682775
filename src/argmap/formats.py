"""One registry of the formats argmap writes and reads, keyed by name.

Renderers (DOT, SVG, ...) and exporters (AIF, GraphML, ...) register a writer;
importers register a reader. The CLI's ``render``, ``export`` and ``import``
commands look formats up here, so adding a format is adding one function.

Example:
    >>> @writer("upper-titles", extensions=(".txt",), description="Claim texts, shouted.")
    ... def _upper(m, **options):
    ...     return "\\n".join(c.text.upper() for c in m.claims) + "\\n"
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "Hello"}]})
    >>> WRITERS["upper-titles"].write(m)
    'HELLO\\n'
    >>> format_for_path("out.txt", WRITERS).name
    'upper-titles'
    >>> del WRITERS["upper-titles"]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from argmap.model import ArgumentMap

__all__ = [
    "READERS",
    "WRITERS",
    "FormatError",
    "ImportResult",
    "Reader",
    "Writer",
    "format_for_path",
    "map_from_data",
    "reader",
    "writer",
]


class FormatError(ValueError):
    """A file cannot be read in, or a map cannot be written to, a format: one line saying why."""


@dataclass(frozen=True)
class Writer:
    """A format argmap writes a map to."""

    name: str
    write: Callable[..., str | bytes]
    extensions: tuple[str, ...] = ()
    description: str = ""
    binary: bool = False
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    """A map read from another format, with what could not be carried over."""

    map: ArgumentMap
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reader:
    """A format argmap reads a map from (its function returns an :class:`ImportResult`)."""

    name: str
    read: Callable[..., ImportResult]
    extensions: tuple[str, ...] = ()
    description: str = ""


#: Writers by format name.
WRITERS: dict[str, Writer] = {}
#: Readers by format name.
READERS: dict[str, Reader] = {}

_F = TypeVar("_F", bound=Callable[..., Any])


def writer(
    name: str,
    *,
    extensions: tuple[str, ...] = (),
    description: str = "",
    binary: bool = False,
) -> Callable[[_F], _F]:
    """Return a decorator registering a function ``(map, **options) -> str | bytes`` as the
    writer of format ``name``."""

    def register(func: _F) -> _F:
        if name in WRITERS:
            raise ValueError(f"a writer for {name!r} is registered twice")
        WRITERS[name] = Writer(name, func, extensions, description, binary)
        return func

    return register


def reader(
    name: str, *, extensions: tuple[str, ...] = (), description: str = ""
) -> Callable[[_F], _F]:
    """Return a decorator registering a function ``(text, **options) -> ImportResult`` as the
    reader of format ``name``."""

    def register(func: _F) -> _F:
        if name in READERS:
            raise ValueError(f"a reader for {name!r} is registered twice")
        READERS[name] = Reader(name, func, extensions, description)
        return func

    return register


_R = TypeVar("_R", Writer, Reader)


def map_from_data(data: dict[str, Any]) -> ArgumentMap:
    """Return the map a reader has put together, or raise FormatError naming the first
    problem with its JSON path.

    Example:
        >>> map_from_data({"claims": [{"id": "a"}]})
        Traceback (most recent call last):
        ...
        argmap.formats.FormatError: not a valid map: claims[0].text: Field required
    """
    from pydantic import ValidationError

    from argmap.loader import json_path

    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise FormatError(
            f"not a valid map: {json_path(tuple(first['loc']))}: {first['msg']}"
        ) from None


def format_for_path(path: str | Path, registry: dict[str, _R]) -> _R:
    """Return the format whose extension ends ``path`` (longest extension first).

    Raises:
        FormatError: no registered format has that extension.

    Example:
        >>> format_for_path("map.unknown", WRITERS)
        Traceback (most recent call last):
        ...
        argmap.formats.FormatError: cannot tell the format of 'map.unknown' from its extension; ...
    """
    name = str(path).lower()
    matches = [
        (len(ext), fmt) for fmt in registry.values() for ext in fmt.extensions if name.endswith(ext)
    ]
    if not matches:
        known = sorted({ext for fmt in registry.values() for ext in fmt.extensions})
        raise FormatError(
            f"cannot tell the format of {str(path)!r} from its extension; "
            f"give --format, or use one of: {', '.join(known) or 'none registered'}"
        )
    return max(matches, key=lambda pair: pair[0])[1]
