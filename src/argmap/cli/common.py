"""Pieces every command shares: loading a map, writing output, JSON printing."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from argmap.diagnostics import Diagnostic, MapError, Severity
from argmap.fileio import write_atomic
from argmap.loader import load
from argmap.model import ArgumentMap

__all__ = [
    "CliError",
    "add_format",
    "add_map",
    "add_output",
    "command_parser",
    "dump_json",
    "emit",
    "load_map",
    "wrap",
]


class CliError(Exception):
    """A usage problem the user can fix; printed as one line, exit code 2 by default."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


Subparsers = Any  # argparse's _SubParsersAction is private


def command_parser(
    sub: Subparsers, name: str, summary: str, description: str, examples: str
) -> argparse.ArgumentParser:
    """Return a new command's parser, with its help text and examples."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=f"{description}\n\nexamples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def add_map(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """Add the MAP argument."""
    parser.add_argument(
        "map",
        metavar="MAP",
        nargs=None if required else "?",
        help="map file (JSON), e.g. data/claims.json",
    )


def add_format(parser: argparse.ArgumentParser) -> None:
    """Add ``--format text|json``."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json for machines",
    )


def add_output(parser: argparse.ArgumentParser, *, default: str = "-") -> None:
    """Add ``-o/--output`` (``-`` is standard output)."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=default,
        help="write here instead of standard output (written atomically); '-' is stdout",
    )


def load_map(path: str) -> ArgumentMap:
    """Return the map at ``path``; a missing or malformed file raises MapError.

    A file with an abstract-framework extension (.af .i23 .apx .tgf) is read as that
    framework, each argument a claim and each attack a rebuttal.
    """
    from argmap.frameworks import framework_to_map, guess_format, read_framework

    if guess_format(path) is None:
        m = load(Path(path))
    else:
        m = _framework_file(
            path,
            lambda text, fmt: framework_to_map(read_framework(text, fmt), title=Path(path).name),
        )
    # The map lives as long as the command: keep the collector from walking its
    # objects again and again while the command works on it.
    gc.freeze()
    return m


def load_attacks(path: str) -> tuple[list[Any], list[tuple[Any, Any]]] | None:
    """Return the arguments and attacks of the framework file at ``path``, or None when
    ``path`` is a map (no framework extension); malformed files raise MapError."""
    from argmap.frameworks import guess_format, read_attacks

    if guess_format(path) is None:
        return None
    return _framework_file(path, read_attacks)


_T = TypeVar("_T")


def _framework_file(path: str, read: Callable[[str, str], _T]) -> _T:
    from argmap.frameworks import FrameworkFormatError, guess_format

    fmt = guess_format(path)
    assert fmt is not None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MapError([Diagnostic("E005", Severity.ERROR, "file not found", file=path)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read: {exc}") from None
    try:
        return read(text, fmt)
    except FrameworkFormatError as err:
        raise MapError(
            [
                Diagnostic(
                    "E001",
                    Severity.ERROR,
                    f"invalid {fmt} framework: {err.reason}",
                    file=path,
                    line=err.line,
                    column=err.column,
                )
            ]
        ) from None


def wrap(
    text: str,
    width: int,
    initial_indent: str,
    subsequent_indent: str,
    *,
    break_on_hyphens: bool = True,
    break_long_words: bool = True,
) -> list[str]:
    """Return ``textwrap.wrap(text, width, ...)``, at once for a text that fits on its line.

    Listing a hundred thousand claims, textwrap's chunking would take most of the time,
    yet almost every text fits: those come out as textwrap would give them.

    Example:
        >>> wrap("short text", 40, "  ", "  ")
        ['  short text']
        >>> wrap("one two three", 12, "- ", "  ")
        ['- one two', '  three']
    """
    # Single-spaced printable text (textwrap splits at ASCII whitespace only) is packed
    # directly: at once when it fits, greedily otherwise, as textwrap would.
    if text and text.isprintable() and "  " not in text and text.strip(" ") == text:
        if len(initial_indent) + len(text) <= width:
            return [initial_indent + text]
        if not break_on_hyphens or "-" not in text:
            lines = _greedy(text, width, initial_indent, subsequent_indent)
            if lines is not None:
                return lines
    return textwrap.wrap(
        text,
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=break_on_hyphens,
        break_long_words=break_long_words,
    )


def _greedy(text: str, width: int, first: str, rest: str) -> list[str] | None:
    """Pack the words of single-spaced ``text`` into lines as ``textwrap.wrap`` does,
    many times faster; None when a word is too long for a line (textwrap then breaks
    it)."""
    lines: list[str] = []
    indent = first
    start, end = 0, len(text)
    while True:
        room = width - len(indent)
        if end - start <= room:
            lines.append(indent + text[start:])
            return lines
        cut = text.rfind(" ", start, start + room + 1)
        if cut < start:  # the next word alone is wider than the line
            return None
        lines.append(indent + text[start:cut])
        start, indent = cut + 1, rest


def refuse_overwrite(source: str, output: str) -> None:
    """Raise :class:`CliError` when writing ``output`` would overwrite ``source``.

    Example:
        >>> refuse_overwrite("a.json", "-")
        >>> refuse_overwrite("a.json", "./a.json")
        Traceback (most recent call last):
        ...
        argmap.cli.common.CliError: a.json: the output would overwrite the input
    """
    if output == "-":
        return
    out, src = Path(output), Path(source)
    if out.resolve() == src.resolve() or (out.exists() and src.exists() and out.samefile(src)):
        raise CliError(f"{source}: the output would overwrite the input")


def dump_json(data: Any) -> str:
    """Return ``data`` as indented JSON text ending in a newline, non-ASCII kept."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def emit(text: str | bytes, output: str = "-") -> None:
    """Write ``text`` to standard output or, atomically, to the file ``output``."""
    if output == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.write(text)
        return
    target = Path(output)
    if target.is_dir():
        raise CliError(f"output {output!r} is a folder")
    if not target.parent.exists():
        raise CliError(f"output folder {str(target.parent)!r} does not exist")
    write_atomic(target, text)
