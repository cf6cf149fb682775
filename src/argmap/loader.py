"""Load map files, reporting every problem with its place in the file.

Invalid UTF-8 and invalid JSON are reported as ``file:line:col`` with the
reason; schema violations with the JSON path (``claims[3].asserted_by[0]``)
and its ``line:col``. All schema problems of a file come out in one run.

Example:
    >>> m = loads('{"claims": [{"id": "c1", "text": "Water is wet."}]}')
    >>> m.claims[0].text
    'Water is wet.'
    >>> try:
    ...     loads('{"claims": [{"id": "c1"}]}', name="m.json")
    ... except MapError as err:
    ...     print(err)
    m.json:1:13: error E003 claims[0].text: field required
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap._bulk import gc_paused
from argmap.diagnostics import Diagnostic, MapError, Severity
from argmap.model import FORMAT_VERSION, ID_PATTERN, READ_VERSIONS, ArgumentMap

__all__ = ["JsonLocator", "json_locations", "json_path", "load", "loads"]


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the JSON file at ``path``.

    Source text paths in the map are taken relative to the file's folder.

    Raises:
        MapError: the file is missing, not UTF-8, not JSON, or not a map; its
            ``diagnostics`` list every problem with its place.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"
        >>> _ = p.write_text('{"title": "Demo"}', encoding="utf-8")
        >>> load(p).title
        'Demo'
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MapError([_error("E005", "file not found", name)]) from None
    except IsADirectoryError:
        raise MapError([_error("E005", "is a folder, not a map file", name)]) from None
    except OSError as exc:
        raise MapError([_error("E005", f"cannot read file: {exc.strerror}", name)]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise MapError(
            [
                _error(
                    "E002",
                    f"invalid UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue "
                    "a character",
                    name,
                    line,
                    column,
                )
            ]
        ) from None
    m = loads(text, name=name)
    m._path = path
    return m


def loads(text: str, *, name: str = "<map>") -> ArgumentMap:
    """Return the map in the JSON string ``text``; ``name`` is used in messages.

    Raises:
        MapError: as :func:`load`.

    Example:
        >>> try:
        ...     loads('{"claims": [', name="m.json")
        ... except MapError as err:
        ...     print(err)
        m.json:1:13: error E001 invalid JSON: expecting value (the file may be truncated)
    """
    with gc_paused():
        return _loads(text, name)


def _loads(text: str, name: str) -> ArgumentMap:
    if text.startswith("\ufeff"):
        text = text[1:]
    repeated_keys = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated_keys
        obj = dict(pairs)
        if len(obj) != len(pairs):
            repeated_keys = True
        return obj

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        reason = exc.msg[0].lower() + exc.msg[1:]
        if exc.pos >= len(text.rstrip()):
            reason += " (the file may be truncated)"
        raise MapError(
            [_error("E001", f"invalid JSON: {reason}", name, exc.lineno, exc.colno)]
        ) from None
    problems: list[Diagnostic] = []
    locator = JsonLocator(text)
    locations, duplicates = json_locations(text) if repeated_keys else ({}, [])
    for key_path in duplicates:
        line, col = locations.get(key_path, (None, None))
        problems.append(
            _error(
                "E004",
                "duplicate key: the later value would silently win",
                name,
                line,
                col,
                path=key_path,
            )
        )
    if not isinstance(data, dict):
        problems.append(
            _error("E003", f"a map is a JSON object, not {_json_type(data)}", name, 1, 1, path="")
        )
        raise MapError(problems)
    try:
        m = ArgumentMap.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            path = json_path(loc)
            line, col = locator.nearest(path)
            message = _schema_message(err)
            if path == "argmap":
                message = (
                    f"unknown map format version {err['input']!r}: this release reads "
                    f"versions {' and '.join(READ_VERSIONS)}"
                )
            problems.append(_error("E003", message, name, line, col, path=path))
    if problems:
        problems.sort(key=lambda d: (d.line or 0, d.column or 0))
        raise MapError(problems)
    # An older version's file is upgraded as it is read: version 2 only adds fields.
    if m.argmap != FORMAT_VERSION:
        m.argmap = FORMAT_VERSION
    # Positions are worked out only when a diagnostic asks for one.
    m._locator = locator
    return m


def json_path(loc: tuple[int | str, ...]) -> str:
    """Return a JSON path such as ``claims[3].asserted_by[0]`` for a location tuple.

    Example:
        >>> json_path(("claims", 3, "asserted_by", 0))
        'claims[3].asserted_by[0]'
        >>> json_path(("sources", 0, "$schema"))
        'sources[0].$schema'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_WS = re.compile(r"[ \t\n\r]*")
_BLOCK = 1 << 16
_AFTER_VALUE = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def json_locations(text: str) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Return where each value of a valid JSON text starts, keyed by JSON path, and the
    paths of keys that occur twice in one object.

    Positions are 1-based ``(line, column)``; for an object member the position is
    that of its key, where an editor's cursor belongs.

    Example:
        >>> locs, dups = json_locations('{"a": [1,\\n  {"b": 2, "b": 3}]}')
        >>> locs["a[1].b"], dups
        ((2, 12), ['a[1].b'])
    """
    line_starts = [0]
    for m in re.finditer("\n", text):
        line_starts.append(m.end())

    def pos(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    locations: dict[str, tuple[int, int]] = {}
    duplicates: list[str] = []
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        m = _WS.match(text, i)
        return m.end() if m else i

    def value(i: int, path: str, key_pos: int | None) -> int:
        i = skip(i)
        locations.setdefault(path, pos(key_pos if key_pos is not None else i))
        ch = text[i]
        if ch == "{":
            i = skip(i + 1)
            seen: set[str] = set()
            if text[i] == "}":
                return i + 1
            while True:
                i = skip(i)
                kpos = i
                key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                child = f"{path}.{key}" if path else key
                if key in seen:
                    duplicates.append(child)
                    locations[child] = pos(kpos)
                seen.add(key)
                i = skip(i)
                i = value(i + 1, child, kpos)  # past ':'
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1  # '}'
        if ch == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            n = 0
            while True:
                i = value(i, f"{path}[{n}]", None)
                n += 1
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1  # ']'
        if ch == '"':
            _, end = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            return int(end)
        m = _SCALAR.match(text, i)
        if m:
            return m.end()
        # NaN / Infinity, which Python's json accepts
        _, end = decoder.raw_decode(text, i)
        return int(end)

    if text.strip():
        value(0, "", None)
    return locations, duplicates


_SEGMENTS = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


class JsonLocator:
    """Find where a JSON path stands in a JSON text, scanning only what the path crosses.

    Each container on the way is scanned once, one level deep: its members' values are
    skipped by the C decoder, so finding paths in a large map costs little more than
    parsing it. Positions are 1-based ``(line, column)``; an object member's position
    is its key's.

    Example:
        >>> loc = JsonLocator('{"claims": [\\n  {"id": "a"},\\n  {"id": "b", "text": 3}]}')
        >>> loc.position("claims[1].text"), loc.position("claims[5]")
        ((3, 15), None)
        >>> loc.nearest("claims[1].text.extra")
        (3, 15)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # scan_once(text, offset) -> (value, end), the C scanner behind raw_decode
        self._scan_value = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
        self._block_lines: list[int] | None = None
        self._start: dict[str, int] = {}
        self._key: dict[str, int] = {}
        self._items: dict[str, list[int]] = {}  # array path -> where each item starts
        self._scanned: set[str] = set()
        if text.strip():
            self._start[""] = self._skip(0)

    def position(self, path: str) -> tuple[int, int] | None:
        """Return the (line, column) of the value at ``path``, or None when it is absent."""
        offset = self._offset(path)
        return None if offset is None else self._pos(offset)

    def nearest(self, path: str) -> tuple[int | None, int | None]:
        """Return the position of ``path`` or of its nearest ancestor that exists."""
        while True:
            found = self.position(path)
            if found is not None:
                return found
            if not path:
                return None, None
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""

    def _offset(self, path: str) -> int | None:
        if "" not in self._start:
            return None
        current = ""
        for m in _SEGMENTS.finditer(path):
            self._scan(current)
            index, key = m.group(1), m.group(2)
            if index is not None:
                items = self._items.get(current)
                n = int(index)
                if items is None or n >= len(items):
                    return None
                current = f"{current}[{index}]"
                self._start[current] = items[n]
            else:
                current = f"{current}.{key}" if current else key
                if current not in self._start:
                    return None
        return self._key.get(current, self._start[current])

    def _skip(self, i: int) -> int:
        m = _WS.match(self.text, i)
        return m.end() if m else i

    def _scan(self, path: str) -> None:
        if path in self._scanned:
            return
        self._scanned.add(path)
        text, i = self.text, self._start[path]
        # The text is valid JSON (it was parsed before): after each member or item
        # come white space, then a comma or the closing bracket.
        after = _AFTER_VALUE.match
        if text[i] == "{":
            i = self._skip(i + 1)
            while text[i] != "}":
                kpos = i
                key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                child = f"{path}.{key}" if path else str(key)
                i = self._skip(self._skip(i) + 1)  # past ':'
                self._start.setdefault(child, i)
                self._key.setdefault(child, kpos)
                i = after(text, self._scan_value(text, i)[1]).end()  # type: ignore[union-attr]
        elif text[i] == "[":
            i = self._skip(i + 1)
            items: list[int] = []
            while text[i] != "]":
                items.append(i)
                i = after(text, self._scan_value(text, i)[1]).end()  # type: ignore[union-attr]
            self._items[path] = items

    def _pos(self, offset: int) -> tuple[int, int]:
        text = self.text
        if self._block_lines is None:
            # Lines before each block of the text: one pass of str.count, and then a
            # position costs counting within one block only.
            counts = [0]
            for start in range(0, len(text), _BLOCK):
                counts.append(counts[-1] + text.count("\n", start, start + _BLOCK))
            self._block_lines = counts
        block = offset // _BLOCK
        line = self._block_lines[block] + text.count("\n", block * _BLOCK, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _schema_message(err: ErrorDetails) -> str:
    kind = err["type"]
    value = err.get("input")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling against 'argmap schema')"
    if kind == "string_pattern_mismatch":
        if err["ctx"]["pattern"] == ID_PATTERN:
            return f"{value!r} is not a valid id: use a lower-case slug such as 'musk-sues-openai'"
        if "\\d{4}" in err["ctx"]["pattern"]:
            return f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        return f"{value!r} does not match the expected form ({err['ctx']['pattern']})"
    if kind in {"enum", "literal_error"}:
        return f"{value!r}: " + str(err["msg"])[0].lower() + str(err["msg"])[1:]
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return msg[0].lower() + msg[1:] if msg else kind


def _json_type(data: Any) -> str:
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "a boolean"
    return "a number"


def _error(
    code: str,
    message: str,
    name: str,
    line: int | None = None,
    column: int | None = None,
    *,
    path: str | None = None,
) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, path=path, file=name, line=line, column=column)
