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
import sys
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap._bulk import gc_paused
from argmap.diagnostics import Diagnostic, MapError, Severity
from argmap.fileio import InputTooLarge, read_input
from argmap.model import FORMAT_VERSION, ID_PATTERN, READ_VERSIONS, ArgumentMap

__all__ = [
    "MAX_JSON_DEPTH",
    "JsonLocator",
    "huge_number",
    "json_locations",
    "json_path",
    "line_starts",
    "load",
    "loads",
    "lone_surrogates",
    "too_deep",
]


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
        data = read_input(path)
    except InputTooLarge as exc:
        raise MapError([_error("E005", str(exc), name)]) from None
    except FileNotFoundError:
        raise MapError([_error("E005", "file not found", name)]) from None
    except IsADirectoryError:
        raise MapError([_error("E005", "is a folder, not a map file", name)]) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise MapError([_error("E005", f"cannot read file: {reason}", name)]) from None
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
    try:
        return _parse(text, name)
    except RecursionError:  # Python's parser, the position scanner, or validation
        raise MapError([too_deep(text, name)]) from None


def _parse(text: str, name: str) -> ArgumentMap:
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
    except ValueError as exc:  # an integer longer than Python converts
        raise MapError([huge_number(text, name, exc)]) from None
    problems: list[Diagnostic] = []
    if _SURROGATE_ESCAPE.search(text):
        problems.extend(_lone_surrogates(data, text, name))
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
                    f"unknown map format version {_shown(err['input'])}: this release reads "
                    f"versions {' and '.join(READ_VERSIONS)}"
                )
                if "nodes" in data and "edges" in data:
                    message += " (this looks like AIF: 'argmap import aif FILE -o MAP')"
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


#: How deep argmap follows JSON nesting before it refuses a file (E001); no map needs
#: more than a few levels, and Python's parser gives up near 1,000.
MAX_JSON_DEPTH = 500
_BRACKETS = re.compile(r'[\[\]{}]|"(?:[^"\\]|\\.)*"', re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def too_deep(text: str, name: str) -> Diagnostic:
    """Return the E001 diagnostic of JSON ``text`` nested too deeply to be read, placed
    where it first gets deeper than :data:`MAX_JSON_DEPTH` (or at its deepest).

    Example:
        >>> print(too_deep("[" * 600, "m.json").format())
        m.json:1:501: error E001 invalid JSON: nested more than 500 levels deep
    """
    depth = deepest = where = 0
    for m in _BRACKETS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, m.start()
                if depth > MAX_JSON_DEPTH:
                    break
        elif ch in "]}":
            depth -= 1
    line, column = _line_col(text, where)
    levels = f"more than {MAX_JSON_DEPTH}" if deepest > MAX_JSON_DEPTH else str(deepest)
    return _error("E001", f"invalid JSON: nested {levels} levels deep", name, line, column)


def huge_number(text: str, name: str, exc: ValueError | None = None) -> Diagnostic:
    """Return the E001 diagnostic of a JSON number too long to read (Python converts
    integers of at most ``sys.get_int_max_str_digits()`` digits), placed at it.

    Example:
        >>> print(huge_number('{"n":\\n 1' + "0" * 5000 + "}", "m.json").format())
        m.json:2:2: error E001 invalid JSON: a number of 5001 digits (at most 4300 are read)
    """
    limit = sys.get_int_max_str_digits() or 4300
    m = re.search(rf"-?\d{{{limit + 1},}}", text)
    if m is None:
        reason = str(exc) if exc is not None else "a number too long to read"
        return _error("E001", f"invalid JSON: {reason}", name)
    line, column = _line_col(text, m.start())
    digits = len(m.group().lstrip("-"))
    return _error(
        "E001",
        f"invalid JSON: a number of {digits} digits (at most {limit} are read)",
        name,
        line,
        column,
    )


def lone_surrogates(text: str, name: str) -> list[Diagnostic]:
    """Return an E003 diagnostic for each string of the JSON ``text`` (a map, or a file
    to import) that holds half of a surrogate pair; none for text that is not JSON.

    Example:
        >>> (d,) = lone_surrogates(r'{"title": "a\\ud800"}', "m.json")
        >>> d.path, d.line, d.column
        ('title', 1, 2)
    """
    if not _SURROGATE_ESCAPE.search(text):
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return _lone_surrogates(data, text, name)


def _lone_surrogates(data: Any, text: str, name: str) -> list[Diagnostic]:
    """E003 for each string (or key) of ``data`` holding half a surrogate pair: JSON
    allows the escape, but it is no character, and no UTF-8 file can store it."""
    out: list[Diagnostic] = []
    locator = JsonLocator(text)
    stack: list[tuple[str, Any]] = [("", data)]
    while stack and len(out) < 20:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                child = f"{path}.{key}" if path else str(key)
                if _SURROGATE.search(key):
                    stack.append((child, key))
                else:
                    stack.append((child, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, str):
            found = _SURROGATE.search(value)
            if found:
                line, column = locator.nearest(path)
                out.append(
                    _error(
                        "E003",
                        f"\\u{ord(found.group()):04x} is half of a surrogate pair, not a "
                        "character: no UTF-8 file can hold it",
                        name,
                        line,
                        column,
                        path=path,
                    )
                )
    return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


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
    starts = line_starts(text)

    def pos(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

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
        self._blocks: list[tuple[int, int]] | None = None
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
                if child in self._start:  # a repeated key: the first one is located
                    end = self._scan_value(text, i)[1]
                else:
                    self._start[child] = i
                    self._key[child] = kpos
                    if text[i] == "[":
                        # Its items are found as it is skipped, rather than by a second
                        # pass over it when a path goes into it.
                        self._scanned.add(child)
                        end = self._scan_items(child, i)
                    else:
                        end = self._scan_value(text, i)[1]
                i = after(text, end).end()  # type: ignore[union-attr]
        elif text[i] == "[":
            self._scan_items(path, i)

    def _scan_items(self, path: str, i: int) -> int:
        """Record where each item of the array at ``i`` starts; return the offset past it."""
        text = self.text
        after = _AFTER_VALUE.match
        i = self._skip(i + 1)
        items: list[int] = []
        while text[i] != "]":
            items.append(i)
            i = after(text, self._scan_value(text, i)[1]).end()  # type: ignore[union-attr]
        self._items[path] = items
        return i + 1

    def _pos(self, offset: int) -> tuple[int, int]:
        text = self.text
        if self._blocks is None:
            # Made at the first position asked for: the lines before each block of
            # _BLOCK characters and where the last line before it starts, so that a
            # position costs a count within one block, however long the lines.
            self._blocks = _line_blocks(text)
        b = offset // _BLOCK
        lines, last_line_start = self._blocks[b]
        start = b * _BLOCK
        line = lines + text.count("\n", start, offset) + 1
        line_start = text.rfind("\n", start, offset) + 1 or last_line_start
        return line, offset - line_start + 1


#: The size of the blocks whose lines :class:`JsonLocator` counts ahead.
_BLOCK = 1 << 16


def _line_blocks(text: str) -> list[tuple[int, int]]:
    """For each block of :data:`_BLOCK` characters of ``text`` (and one past the end):
    how many lines end before it, and the offset where the line it begins in starts."""
    out: list[tuple[int, int]] = []
    lines = last = 0
    for start in range(0, len(text) + 1, _BLOCK):
        out.append((lines, last))
        end = start + _BLOCK
        lines += text.count("\n", start, end)
        last = text.rfind("\n", start, end) + 1 or last
    return out


def line_starts(text: str) -> list[int]:
    """Return the offset at which each line of ``text`` starts (the first is 0).

    Example:
        >>> line_starts("ab\\ncd\\n")
        [0, 3, 6]
    """
    ends = accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0)
    return list(ends)[:-1]  # the last is one past the end of the text


_PLUS_ONE = (1).__add__


def _schema_message(err: ErrorDetails) -> str:
    kind = err["type"]
    value = _Shown(err.get("input"))
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


class _Shown:
    """A value as a message shows it: its repr, cut short, or its JSON type."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _shown(self.value)


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _json_type(value)
    text = repr(value)
    return text if len(text) <= 80 else text[:76] + "...'"


def _json_type(data: Any) -> str:
    if isinstance(data, dict):
        return "an object"
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
