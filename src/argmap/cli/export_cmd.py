"""``argmap export``: hand a map to other tools (abstract frameworks for solvers, DOT)."""

from __future__ import annotations

import argparse

from argmap.cli.common import CliError, Subparsers, add_map, command_parser, emit, load_map
from argmap.formats import WRITERS, FormatError, format_for_path
from argmap.frameworks import FRAMEWORK_FORMATS, guess_format, write_framework
from argmap.graph import to_graph

__all__ = ["register_export"]


def _formats() -> list[str]:
    return sorted({*FRAMEWORK_FORMATS, *(w for w, f in WRITERS.items() if not f.binary)})


def register_export(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "export",
        "write the map in another tool's format (ICCMA, ASPARTIX apx, TGF, DOT, ...)",
        "Write MAP in another format. The abstract-framework formats (iccma: ICCMA 2023\n"
        "'p af N'; apx: ASPARTIX arg/att facts; tgf: trivial graph format) hold the\n"
        "attack graph: every claim and quote is an argument, every 'rebuts' an attack,\n"
        "so competition solvers can run on a map. The format comes from --to or the\n"
        "extension of -o (.af .apx .tgf .dot ...).",
        "  argmap export data/claims.json --to iccma -o musk-altman.af\n"
        "  argmap export data/claims.json -o musk-altman.apx\n"
        "  argmap export data/claims.json --to tgf -o -",
    )
    add_map(p)
    p.add_argument("--to", choices=_formats(), help="format (default: from the extension of -o)")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="file to write (atomically); '-' (default) is standard output",
    )
    p.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    fmt = args.to
    if fmt is None:
        if args.output == "-":
            raise CliError("writing to standard output: give --to")
        fmt = guess_format(args.output)
        if fmt is None:
            try:
                fmt = format_for_path(args.output, WRITERS).name
            except FormatError as err:
                raise CliError(str(err).replace("--format", "--to")) from None
    m = load_map(args.map)
    if fmt in FRAMEWORK_FORMATS:
        text: str | bytes = write_framework(to_graph(m), fmt)
    else:
        text = WRITERS[fmt].write(m)
    emit(text, args.output)
    return 0
