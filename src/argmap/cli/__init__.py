"""The ``argmap`` command line: one verb per job, each a few lines calling the library.

``main(argv)`` returns the exit code, so the CLI can be tested in-process:
0 clean, 1 findings at error level, 2 bad usage or unreadable input.

Example:
    >>> main(["schema", "--help"])  # doctest: +ELLIPSIS
    usage: argmap schema ...
    0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.diagnostics import MapError

__all__ = ["build_parser", "main"]

DESCRIPTION = """\
Map claims and counterclaims: every quote proven against its source, the graph
checked like code, and the claims that stand worked out.

examples:
  argmap check data/claims.json           lint the map, prove every quote
  argmap unrebutted data/claims.json      claims that nobody rebuts, with their quotes
  argmap stats data/claims.json           counts per party, source and relation
  argmap schema -o map.schema.json        the JSON Schema of map files
  argmap solve -p EE-PR -f fw.i23         a framework's preferred extensions, as a solver
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser with every command registered (or, with ``only``,
    just that one of the commands that start at once: ``status``, which then imports
    none of the others, nor pydantic or networkx until it reads a map)."""

    parser = argparse.ArgumentParser(
        prog="argmap",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    if only == "status":
        from argmap.cli.status_cmd import register_status

        register_status(sub)
        return parser
    from argmap.cli import commands
    from argmap.cli.coverage_cmd import register_coverage
    from argmap.cli.solve_cmd import register_solve

    for register in [*commands.REGISTRY, register_coverage, register_solve]:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    ``argmap --version``, ``argmap solve`` and ``argmap status`` on a framework file start
    at once: they import neither the other commands nor what those need (pydantic,
    networkx).
    """
    words = list(argv) if argv is not None else sys.argv[1:]
    if words == ["--version"]:
        print(f"argmap {__version__}")
        return 0
    if words[:1] == ["solve"]:
        from argmap.cli.solve_cmd import solve_main

        return solve_main(words[1:])
    from argmap.cli.common import CliError

    parser = build_parser("status" if words[:1] == ["status"] else None)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version, or a usage error (argparse says which)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
        return code
    except MapError as err:
        for d in err.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    except CliError as err:
        print(f"argmap {args.command}: error: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # e.g. `argmap unrebutted map.json | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
