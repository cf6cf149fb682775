"""Pieces every command shares: loading a map, writing output, JSON printing."""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import os
import stat
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from argmap._bulk import gc_paused
from argmap.diagnostics import Diagnostic, MapError, Severity
from argmap.fileio import InputTooLarge, is_special, read_input, same_file, write_output

if TYPE_CHECKING:  # the loader, the model and provenance are imported when a map is read
    from argmap.model import ArgumentMap
    from argmap.semantics.framework import Framework

__all__ = [
    "INPUT_ARGUMENTS",
    "MAX_MAP_ARGUMENTS",
    "CliError",
    "add_format",
    "add_map",
    "add_output",
    "command_parser",
    "did_you_mean",
    "dump_json",
    "emit",
    "load_map",
    "read_text",
    "refuse_overwrite",
    "relocated",
    "wrap",
    "wrote",
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
    from argmap.frameworks import guess_format, read_framework

    # The map lives as long as the command: keep the collector from walking its
    # objects again and again while the command works on it, starting with the pass
    # that would come as soon as the collector is back on (it would walk them all).
    with gc_paused():
        if guess_format(path) is None:
            from argmap.loader import load

            m = load(Path(path))
        else:
            m = _framework_file(path, lambda text, fmt: _as_map(read_framework(text, fmt), path))
        gc.freeze()
    return m


#: The most arguments of a framework file that commands other than ``status`` read,
#: each argument becoming a claim of a map (``status`` reads up to
#: :data:`argmap.frameworks.MAX_ARGUMENTS` straight from the attacks).
MAX_MAP_ARGUMENTS = 100_000


def _as_map(G: Any, path: str) -> ArgumentMap:
    from argmap.frameworks import framework_to_map

    n = G.number_of_nodes()
    if n > MAX_MAP_ARGUMENTS:
        raise MapError(
            [
                Diagnostic(
                    "E001",
                    Severity.ERROR,
                    f"{n:,} arguments: this command reads frameworks of at most "
                    f"{MAX_MAP_ARGUMENTS:,} (argmap status reads larger ones)",
                    file=path,
                )
            ]
        )
    return framework_to_map(G, title=Path(path).name)


def load_framework(path: str) -> Framework | None:
    """Return the plain framework of the arguments and attacks of the framework file at
    ``path`` (see :func:`argmap.frameworks.read_attack_framework`), or None when ``path``
    is a map (no framework extension); malformed files raise MapError."""
    from argmap.frameworks import guess_format, read_attack_framework

    if guess_format(path) is None:
        return None
    return _framework_file(path, read_attack_framework)


_T = TypeVar("_T")


def _framework_file(path: str, read: Callable[[str, str], _T]) -> _T:
    from argmap.frameworks import FrameworkFormatError, guess_format

    fmt = guess_format(path)
    assert fmt is not None
    text = read_text(path)
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


def read_text(path: str) -> str:
    """Return the UTF-8 text of the input file ``path``; a missing or unreadable file
    raises MapError (E005, or E002 for bytes that are not UTF-8).

    Example:
        >>> read_text("no/such/file.af")
        Traceback (most recent call last):
        ...
        argmap.diagnostics.MapError: no/such/file.af: error E005 file not found
    """
    try:
        data = read_input(path)
    except InputTooLarge as exc:
        raise MapError([Diagnostic("E005", Severity.ERROR, str(exc), file=path)]) from None
    except FileNotFoundError:
        raise MapError([Diagnostic("E005", Severity.ERROR, "file not found", file=path)]) from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise MapError(
            [Diagnostic("E005", Severity.ERROR, f"cannot read file: {reason}", file=path)]
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8")
        from argmap.provenance import line_col

        line, column = line_col(before, len(before))
        message = f"invalid UTF-8: byte 0x{data[exc.start]:02x} at byte {exc.start}"
        raise MapError(
            [Diagnostic("E002", Severity.ERROR, message, file=path, line=line, column=column)]
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


#: The arguments that name a command's input files; no output may overwrite them.
INPUT_ARGUMENTS = ("map", "file")


def refuse_overwrite(source: str, output: str) -> None:
    """Raise :class:`CliError` when writing ``output`` would overwrite ``source``: the same
    path, the same file by another path (``../dir/m.json``, a link), or ``-o -`` never.

    Example:
        >>> refuse_overwrite("a.json", "-")
        >>> refuse_overwrite("a.json", "./a.json")
        Traceback (most recent call last):
        ...
        argmap.cli.common.CliError: a.json: the output would overwrite the input
    """
    if output == "-" or source == "-" or _not_a_file(output):
        return  # a terminal or a pipe holds nothing to lose
    if same_file(source, output):
        raise CliError(f"{source}: the output would overwrite the input")


def _not_a_file(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def did_you_mean(word: str, known: Sequence[str], *, n: int = 5) -> str:
    """Return ``"; did you mean: a, b"`` naming the entries of ``known`` closest to
    ``word`` (close spellings first, then those containing it), or ``""`` for none.

    Example:
        >>> did_you_mean("musk-sues", ["musk-sued-openai", "altman-fired", "musk-sues-x"])
        '; did you mean: musk-sues-x, musk-sued-openai'
        >>> did_you_mean("zzz", ["a", "b"])
        ''
    """
    close = difflib.get_close_matches(word, known, n=n, cutoff=0.6)
    close += [k for k in known if word and word in k and k not in close][: n - len(close)]
    return f"; did you mean: {', '.join(close)}" if close else ""


def relocated(
    m: ArgumentMap, output: str, source: str, *, origin: Path | None = None, warn: bool = True
) -> ArgumentMap:
    """Return ``m`` with its source paths leading to the same texts from the folder of
    ``output`` as from the map's folder (or ``origin``); with ``warn``, say on standard
    error which texts lie outside the output's folder, where maps may not reach."""
    if output == "-" or is_special(output):
        return m
    from argmap.model import relocate_sources

    new = relocate_sources(m, Path(output).parent, origin=origin)
    for src in new.sources if warn else ():
        if src.path is not None and src.path.startswith("../"):
            print(
                f"{output}: warning: source {src.id}'s text {src.path} lies outside the "
                f"output's folder, where maps may not reach: write the output beside {source}",
                file=sys.stderr,
            )
    return new


def dump_json(data: Any) -> str:
    """Return ``data`` as indented JSON text ending in a newline, non-ASCII kept."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def emit(text: str | bytes, args: argparse.Namespace | None = None, *, tell: bool = False) -> None:
    """Write ``text`` to standard output, or to the file ``args.output`` when the command
    has one: atomically for a regular file, in place for a device or pipe, and never
    over one of the command's inputs (``args.map``, ``args.file``). With ``tell``, a
    file written is named on standard error (see :func:`wrote`)."""
    if isinstance(args, str):  # an output path where the command's arguments belong
        raise TypeError("emit() takes the command's arguments, not an output path")
    output = "-" if args is None else getattr(args, "output", "-")
    if output == "-":
        _write_stdout(text)
        return
    assert args is not None
    for name in INPUT_ARGUMENTS:
        source = getattr(args, name, None)
        if isinstance(source, str):
            refuse_overwrite(source, output)
    target = Path(output)
    try:
        if target.is_dir():
            raise CliError(f"output {output!r} is a folder")
        if not is_special(target) and not target.parent.is_dir():
            what = "is not a folder" if target.parent.exists() else "does not exist"
            raise CliError(f"output folder {str(target.parent)!r} {what}")
        write_output(target, text)
    except UnicodeEncodeError as exc:
        raise CliError(f"{_shown(output)}: cannot write: {_unencodable(exc)}") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(f"{_shown(output)}: cannot write: {reason}") from None
    if tell:
        print(wrote(output, text), file=sys.stderr)


def wrote(output: str, data: str | bytes) -> str:
    """Return the line that says what a command wrote: the file and its size.

    Example:
        >>> wrote("map.svg", b"x" * 2600)
        'wrote map.svg (2.5 KiB)'
    """
    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    amount = f"{size} bytes" if size < 1024 else f"{size / 1024:.1f} KiB"
    if size >= 1024 * 1024:
        amount = f"{size / 1024 / 1024:.1f} MiB"
    return f"wrote {output} ({amount})"


def _shown(path: str) -> str:
    """A path as a message shows it: whole when short and printable, else cut and quoted."""
    if len(path) <= 100 and path.isprintable():
        return path
    return repr(path[:100] + ("..." if len(path) > 100 else ""))


def _write_stdout(text: str | bytes) -> None:
    try:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.write(text)
    except UnicodeEncodeError as exc:
        raise CliError(f"standard output: cannot write: {_unencodable(exc)}") from None


def _unencodable(exc: UnicodeEncodeError) -> str:
    char = exc.object[exc.start]
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate U+{ord(char):04X} is no character, and UTF-8 cannot store it"
    return f"U+{ord(char):04X} cannot be written in {exc.encoding}"
