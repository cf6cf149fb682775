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
from argmap.cli import commands
from argmap.cli.common import CliError
from argmap.cli.coverage_cmd import register_coverage
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
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for register in commands.REGISTRY:
        register(sub)
    register_coverage(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
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
