"""``argmap render``: draw the map as DOT, SVG, PNG or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.cli.common import CliError, Subparsers, add_map, command_parser, emit, load_map
from argmap.formats import WRITERS, FormatError, format_for_path
from argmap.render import ENGINES, RenderError, render
from argmap.render.dot import RANKDIRS

__all__ = ["register_render"]

PICTURE_FORMATS = ("dot", "svg", "png", "pdf")


def register_render(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "render",
        "draw the map as DOT, SVG, PNG or PDF",
        "Draw MAP: claims as rounded boxes coloured by side, quotes as notes (AI-generated\n"
        "ones dashed and grey), supports as solid green arrows, rebuts as dashed vermillion\n"
        "bars; unrebutted claims have a thick border. The format comes from the output's\n"
        "extension (.dot .gv .svg .png .pdf) or --format. SVG needs nothing more than\n"
        "argmap (an embedded Graphviz draws it); PNG and PDF need Graphviz's dot program.",
        "  argmap render data/claims.json -o map.svg\n"
        "  argmap render data/claims.json -o map.png --engine system --rankdir TB\n"
        "  argmap render data/claims.json -o - --format dot --claims-only\n"
        "  argmap render data/claims.json -o focus.svg --focus musk-was-pushed-out --depth 2",
    )
    add_map(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the picture to write (atomically); '-' writes to standard output",
    )
    p.add_argument(
        "--format",
        choices=("dot", "svg", "png", "pdf"),
        help="output format (default: from the extension of -o)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="system Graphviz, the embedded one (wasm), or auto (default)",
    )
    p.add_argument(
        "--lang",
        default="en",
        help="claims in English (en, default) or in the sources' language (fr)",
    )
    p.add_argument("--claims-only", action="store_true", help="leave the quotes out")
    p.add_argument("--focus", metavar="ID", help="draw only the neighbourhood of this node")
    p.add_argument(
        "--depth", type=int, default=1, help="with --focus: how many links away to go (default: 1)"
    )
    p.add_argument(
        "--rankdir", choices=RANKDIRS, default="LR", help="direction of the layout (default: LR)"
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds Graphviz's dot may take (default: 120)",
    )
    p.set_defaults(run=run_render)


def run_render(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:
        if args.output == "-":
            raise CliError("writing to standard output: give --format (dot, svg, png or pdf)")
        try:
            fmt = format_for_path(args.output, {f: WRITERS[f] for f in PICTURE_FORMATS}).name
        except FormatError as err:
            raise CliError(str(err)) from None
    if args.depth < 0:
        raise CliError("--depth must be 0 or more")
    m = load_map(args.map)
    if args.focus is not None and args.focus not in {c.id for c in m.claims} | {
        e.id for e in m.evidence
    }:
        raise CliError(f"--focus: no claim or evidence {args.focus!r} in {args.map}")
    if args.output != "-" and Path(args.output).resolve() == Path(args.map).resolve():
        raise CliError("the output would overwrite the map itself")
    try:
        data = render(
            m,
            fmt,
            engine=args.engine,
            timeout=args.timeout,
            lang=args.lang,
            claims_only=args.claims_only,
            focus=args.focus,
            depth=args.depth,
            rankdir=args.rankdir,
            legend=not args.no_legend,
        )
    except RenderError as err:
        raise CliError(str(err)) from None
    emit(data if fmt != "dot" else data.decode("utf-8"), args.output)
    return 0
