"""``argmap export`` and ``argmap import``: maps to and from other tools' formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import argmap.interop
import argmap.render  # noqa: F401  (registers DOT)
from argmap.cli.common import (
    CliError,
    Subparsers,
    add_map,
    command_parser,
    dump_json,
    emit,
    load_map,
)
from argmap.formats import READERS, WRITERS, FormatError, format_for_path
from argmap.frameworks import FRAMEWORK_FORMATS, guess_format, write_framework
from argmap.graph import to_graph

__all__ = ["register_export", "register_import"]


def _formats() -> list[str]:
    return sorted({*FRAMEWORK_FORMATS, *(w for w, f in WRITERS.items() if not f.binary)})


def register_export(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "export",
        "write the map in another tool's format (GraphML, node-link, ICCMA, apx, TGF, DOT)",
        "Write MAP in another format. The abstract-framework formats (iccma: ICCMA 2023\n"
        "'p af N'; apx: ASPARTIX arg/att facts; tgf: trivial graph format) hold the\n"
        "attack graph: every claim and quote is an argument, every 'rebuts' an attack,\n"
        "so competition solvers can run on a map. The format comes from --to or the\n"
        "extension of -o (.af .apx .tgf .dot ...).",
        "  argmap export data/claims.json --to iccma -o musk-altman.af\n"
        "  argmap export data/claims.json -o musk-altman.graphml\n"
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


def register_import(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "import",
        "make an argmap map file from another tool's format",
        "Read FILE in FORMAT and write it as an argmap map (JSON), atomically. The input\n"
        "is never changed. Formats: " + ", ".join(sorted(READERS)) + ".",
        "  argmap import node-link graph.json -o map.json",
    )
    p.add_argument(
        "format",
        metavar="FORMAT",
        choices=sorted(READERS),
        help="format of FILE: " + ", ".join(sorted(READERS)),
    )
    p.add_argument("file", metavar="FILE", help="the file to read")
    p.add_argument(
        "-o",
        "--output",
        metavar="MAP",
        required=True,
        help="map file to write; '-' is standard output",
    )
    p.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    if args.output != "-" and Path(args.output).resolve() == Path(args.file).resolve():
        raise CliError("the output would overwrite the input")
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{args.file}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{args.file}: cannot read: {exc}") from None
    try:
        result = READERS[args.format].read(text)
    except FormatError as err:
        raise CliError(f"{args.file}: {err}") from None
    for warning in result.warnings:
        print(f"{args.file}: warning: {warning}", file=sys.stderr)
    emit(dump_json(result.map.to_json_data()), args.output)
    return 0
