"""``argmap solve``: argmap as a competition solver, with the ICCMA 2023 interface.

``argmap solve -p TASK -f FILE [-a ARG]`` answers one task on one framework file and
prints the answer in the competition's format: ``YES`` or ``NO`` for acceptance, a
witness line ``w 1 4 7`` (the arguments of an extension, ``w`` alone for the empty
one), ``NO`` for an extension that does not exist. Tasks are ``DC`` (credulous: YES
and an extension holding ARG, or NO), ``DS`` (sceptical: YES, or NO and an extension
without ARG), ``SE`` (some extension) and ``EE`` (every extension, one ``w`` line
each), each for a semantics: ``CO GR PR ST SST STG ID``. ``--problems`` and
``--formats`` list what is supported, in brackets as solvers list them.

This module imports only what a framework file needs: neither pydantic nor networkx
(the ``i23`` reader works on the text in bulk), so the command starts at once.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "fw.i23"
    >>> _ = path.write_text("p af 3\\n1 2\\n2 1\\n2 3\\n")
    >>> solve_main(["-p", "EE-PR", "-f", str(path)])
    w 2
    w 1 3
    0
    >>> solve_main(["-p", "DS-PR", "-f", str(path), "-a", "3"])
    NO
    w 2
    0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.semantics.framework import ICCMA_SEMANTICS, Framework

if TYPE_CHECKING:
    from argmap.cli.common import Subparsers

__all__ = ["FORMATS", "PROBLEMS", "register_solve", "solve_main"]

_TASKS = ("DC", "DS", "SE", "EE")
_SEMANTICS = ICCMA_SEMANTICS

#: Every problem ``argmap solve`` answers, as ICCMA names them.
PROBLEMS = tuple(f"{t}-{s}" for t in _TASKS for s in _SEMANTICS)

#: The input formats, by the names solvers give them (``i23`` is argmap's ``iccma``).
FORMATS = {"i23": "iccma", "apx": "apx", "tgf": "tgf"}

_DESCRIPTION = """\
Answer one task on an abstract argumentation framework, as a solver of the ICCMA 2023
competition does, and print the answer in the competition's format:

  DC-σ  credulous acceptance of ARG: YES and a witness line "w ..." (an
        extension holding ARG), or NO
  DS-σ  sceptical acceptance of ARG: YES, or NO and a witness (an extension
        without ARG)
  SE-σ  one extension as a line "w ..." ("w" alone: the empty set), or NO
        when there is none
  EE-σ  every extension, one "w" line each, or NO when there is none

σ is CO (complete), GR (grounded), PR (preferred), ST (stable), SST (semi-stable),
STG (stage) or ID (ideal). With no stable extension, DS-ST says YES (every one of
no extensions holds ARG). FILE is i23 ("p af N" then "a b" per attack; arguments
are numbers), apx or tgf, told by its extension or by -fo; a witness names the
arguments as the file does. Errors in FILE are reported as file:line:col."""

_EXAMPLES = """\
  argmap solve -p SE-PR -f fw.i23
  argmap solve -p DC-ST -f fw.i23 -a 4
  argmap solve -p EE-CO -f fw.apx
  argmap solve --problems"""


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-p", "--problem", metavar="TASK", help="the task, e.g. DC-PR, EE-ST")
    p.add_argument("-f", "--file", metavar="FILE", help="the framework file")
    p.add_argument("-a", "--argument", metavar="ARG", help="the query argument (DC, DS)")
    p.add_argument(
        "-fo",
        "--fileformat",
        metavar="FORMAT",
        help="i23, apx or tgf (default: by the file's extension, else i23)",
    )
    p.add_argument("--problems", action="store_true", help="list the supported tasks")
    p.add_argument("--formats", action="store_true", help="list the supported file formats")


def register_solve(sub: Subparsers) -> None:
    """Add the ``solve`` command to the subcommands of the full parser."""
    p = sub.add_parser(
        "solve",
        help="answer an ICCMA 2023 task on a framework file, as a solver does",
        description=f"{_DESCRIPTION}\n\nexamples:\n{_EXAMPLES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_arguments(p)
    p.set_defaults(run=lambda args: _run(args))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="argmap solve",
        description=f"{_DESCRIPTION}\n\nexamples:\n{_EXAMPLES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_arguments(p)
    return p


class _Failure(Exception):
    """A message for standard error and an exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def solve_main(argv: Sequence[str]) -> int:
    """Run ``argmap solve`` with ``argv`` (the words after ``solve``); return the exit code."""
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # --help or a usage error (argparse has said which)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    try:
        return _run(args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def _run(args: argparse.Namespace) -> int:
    try:
        return _answer(args)
    except _Failure as err:
        print(err, file=sys.stderr)
        return err.code


def _answer(args: argparse.Namespace) -> int:
    from argmap import __version__

    if args.problems:
        print(f"[{','.join(PROBLEMS)}]")
        return 0
    if args.formats:
        print(f"[{','.join(FORMATS)}]")
        return 0
    if args.problem is None and args.file is None:
        print(f"argmap {__version__}\nargmap contributors")
        return 0
    if args.problem is None or args.file is None:
        raise _Failure("argmap solve: error: give both -p TASK and -f FILE")
    task, _, code = args.problem.upper().partition("-")
    if task not in _TASKS or code not in _SEMANTICS:
        raise _Failure(
            f"argmap solve: error: unknown task {args.problem!r}; see argmap solve --problems"
        )
    if task in ("DC", "DS") and args.argument is None:
        raise _Failure(f"argmap solve: error: {task} needs the query argument: -a ARG")
    fw = _read(args.file, args.fileformat)
    semantics = _SEMANTICS[code]
    from argmap.semantics import extensions as ext

    show = _namer(fw)
    out = sys.stdout
    if task == "SE":
        found = ext.some_extension(fw, semantics)
        out.write("NO\n" if found is None else show(found))
    elif task == "EE":
        _write_all(ext.extensions(fw, semantics), show)
    else:
        x = _query(fw, args.argument)
        if task == "DC":
            yes, witness = ext.credulous(fw, semantics, x)
            out.write("YES\n" + show(witness or []) if yes else "NO\n")
        else:
            yes, witness = ext.sceptical(fw, semantics, x)
            out.write("YES\n" if yes else "NO\n" + show(witness or []))
    out.flush()
    return 0


def _namer(fw: Framework) -> Any:
    """Return the function writing an extension as a witness line, arguments named as
    the file names them."""
    if fw.names == list(range(1, fw.n + 1)):
        names: Sequence[str] | None = None
    else:
        names = [""] + [str(a) for a in fw.names]

    def show(extension: Iterable[int]) -> str:
        words = map(str, extension) if names is None else (names[i] for i in extension)
        return " ".join(["w", *words]) + "\n"

    return show


def _write_all(found: Iterable[list[int]], show: Any) -> None:
    lines: list[str] = []
    none = True
    for extension in found:
        none = False
        lines.append(show(extension))
        if len(lines) >= 4096:
            sys.stdout.write("".join(lines))
            lines.clear()
    if none:
        lines.append("NO\n")
    sys.stdout.write("".join(lines))


def _query(fw: Framework, argument: str) -> int:
    """Return the number of the argument that ``-a`` names."""
    if fw.names == list(range(1, fw.n + 1)):
        if argument.isdigit() and 1 <= int(argument) <= fw.n:
            return int(argument)
        raise _Failure(f"argmap solve: error: argument {argument!r} is not in 1..{fw.n}")
    for key in (argument, int(argument) if argument.lstrip("-").isdigit() else None):
        try:
            return fw.number(key)
        except KeyError:
            continue
    raise _Failure(f"argmap solve: error: no argument {argument!r} in the framework")


def _read(path: str, fileformat: str | None) -> Framework:
    """Return the framework in the file, numbered 1..n; located errors for bad input."""
    from argmap.frameworks import FrameworkFormatError, guess_format

    if fileformat is not None:
        if fileformat.lower() not in (*FORMATS, "iccma"):
            raise _Failure(
                f"argmap solve: error: unknown format {fileformat!r}; see argmap solve --formats"
            )
        fmt = FORMATS.get(fileformat.lower(), "iccma")
    else:
        fmt = guess_format(path) or "iccma"
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _Failure(_diagnostic("E005", "file not found", path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _Failure(f"argmap solve: error: {path}: cannot read: {exc}") from None
    try:
        if fmt == "iccma":
            from argmap.frameworks import read_iccma_numbers

            n, attacks = read_iccma_numbers(text)
            return Framework(list(range(1, n + 1)), attacks)  # numbers checked in reading
        from argmap.frameworks import read_attacks

        return Framework.from_attacks(*read_attacks(text, fmt))
    except FrameworkFormatError as err:
        message = f"invalid {fmt} framework: {err.reason}"
        raise _Failure(_diagnostic("E001", message, path, err.line, err.column)) from None


def _diagnostic(
    code: str, message: str, path: str, line: int | None = None, column: int | None = None
) -> str:
    return Diagnostic(code, Severity.ERROR, message, file=path, line=line, column=column).format()
