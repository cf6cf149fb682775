"""``argmap export`` and ``argmap import``: maps to and from other tools' formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import argmap.interop  # noqa: F401  (registers the formats)
from argmap.cli.common import (
    CliError,
    Subparsers,
    add_map,
    command_parser,
    dump_json,
    emit,
    load_map,
    read_text,
    refuse_overwrite,
    relocated,
)
from argmap.diagnostics import Diagnostic, MapError, Severity
from argmap.formats import READERS, WRITERS, FormatError, format_for_path
from argmap.frameworks import FRAMEWORK_FORMATS, guess_format, write_framework
from argmap.graph import to_graph
from argmap.loader import huge_number, lone_surrogates, too_deep
from argmap.model import ArgumentMap
from argmap.render import RenderError

__all__ = ["register_export", "register_import"]


def _formats() -> list[str]:
    return sorted({*FRAMEWORK_FORMATS, *(w for w, f in WRITERS.items() if not f.binary)})


def register_export(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "export",
        "write the map in another tool's format (AIF, Argdown, GraphML, Mermaid, ICCMA ...)",
        "Write MAP in another format, chosen by --to or by the extension of -o:\n"
        "  aif        AIF JSON for OVA and AIFdb (.aif.json); 'argmap import aif' reads it back\n"
        "  node-link  networkx node-link JSON (.nodelink.json); 'argmap import node-link'\n"
        "             reads it back\n"
        "  graphml    GraphML for yEd, Gephi and Cytoscape (.graphml)\n"
        "  argdown    Argdown statements and relations (.argdown)\n"
        "  mermaid    a Mermaid flowchart that GitHub draws in Markdown (.mmd)\n"
        "  dot        Graphviz DOT, as 'argmap render' draws it (.dot)\n"
        "  iccma, apx, tgf  the attack graph as an abstract framework (ICCMA 2023 'p af N',\n"
        "             ASPARTIX arg/att facts, trivial graph format; .af .apx .tgf): every\n"
        "             claim and quote is an argument, every 'rebuts' an attack, so\n"
        "             competition solvers can run on a map.",
        "  argmap export data/claims.json -o musk-altman.aif.json\n"
        "  argmap export data/claims.json -o musk-altman.graphml\n"
        "  argmap export data/claims.json --to mermaid -o -\n"
        "  argmap export data/claims.json -o musk-altman.argdown\n"
        "  argmap export data/claims.json --to iccma -o musk-altman.af",
    )
    add_map(p)
    p.add_argument(
        "--to",
        choices=_formats(),
        help="the format; needed when writing to standard output, else it defaults to the "
        "one the extension of -o names",
    )
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
            raise CliError(f"writing to standard output: give --to ({', '.join(_formats())})")
        fmt = guess_format(args.output)
        if fmt is None:
            try:
                fmt = format_for_path(args.output, WRITERS).name
            except FormatError as err:
                raise CliError(str(err).replace("--format", "--to")) from None
        if fmt not in _formats():  # a picture or a page
            raise CliError(
                f"{args.output}: {fmt.upper()} is a drawing, which 'argmap render MAP -o "
                f"{args.output}' makes; export writes {', '.join(_formats())}"
            )
    m = load_map(args.map)
    if fmt in FRAMEWORK_FORMATS:
        text: str | bytes = write_framework(to_graph(m), fmt)
    else:
        if m.sources:
            # Source paths in the file (AIF and node-link keep them) lead to the texts
            # from the output's folder, as they did from the map's.
            m = relocated(m, args.output, args.map, warn=False)
        try:
            text = WRITERS[fmt].write(m)
        except (FormatError, RenderError) as err:
            raise CliError(str(err)) from None
    emit(text, args)
    return 0


def register_import(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "import",
        "make an argmap map file from another tool's format (AIF, node-link)",
        "Read FILE in FORMAT and write it as an argmap map (JSON) to MAP, atomically; the\n"
        "output may not be the input. What FILE holds that argmap cannot is counted on\n"
        "standard error as 'FILE: warning: ...'; a file that cannot be read gives one line\n"
        "'FILE: reason' and exit code 2.\n"
        "  aif        AIF JSON of OVA and AIFdb (bare, or in an 'AIF' key as OVA and xAIF\n"
        "             write it): I-nodes become claims, RA nodes supports, CA nodes\n"
        "             rebuttals, L-nodes (via YA) quotes of their participant\n"
        "  node-link  networkx node-link JSON, as 'argmap export' writes it",
        "  argmap import aif nodeset-10423.json -o debate.json\n"
        "  argmap import aif debate.json -o - | argmap check /dev/stdin\n"
        "  argmap import node-link musk-altman.nodelink.json -o map.json",
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
    refuse_overwrite(args.file, args.output)
    try:
        text = read_text(args.file)
    except MapError as err:  # one line, 'FILE: reason', as the help says
        reason = err.diagnostics[0].message
        prefix = "cannot read: " if reason.startswith("invalid") else ""
        raise CliError(f"{args.file}: {prefix}{reason}") from None
    problems = lone_surrogates(text, args.file)
    if problems:
        raise MapError(problems[:1])
    try:
        result = READERS[args.format].read(text)
    except FormatError as err:
        raise CliError(f"{args.file}: {err}") from None
    except RecursionError:
        raise CliError(f"{args.file}: {too_deep(text, args.file).message}") from None
    except ValueError:  # an integer longer than Python converts
        raise CliError(f"{args.file}: {huge_number(text, args.file).message}") from None
    for warning in result.warnings:
        print(f"{args.file}: warning: {warning}", file=sys.stderr)
    imported = result.map
    problems = _unwritable_paths(imported, args.file)
    if problems:
        raise MapError(problems)
    # The file's source paths lead to texts from its own folder; the map, written
    # elsewhere, must reach the same texts from its folder.
    imported = relocated(imported, args.output, args.file, origin=Path(args.file).parent)
    emit(dump_json(imported.to_json_data()), args)
    return 0


def _unwritable_paths(m: ArgumentMap, file: str) -> list[Diagnostic]:
    """The sources of an imported map whose path no file system could hold."""
    out = []
    for i, src in enumerate(m.sources):
        if src.path is not None and "\0" in src.path:
            out.append(
                Diagnostic(
                    "E003",
                    Severity.ERROR,
                    f"source {src.id}'s path holds a NUL character, which no file name can",
                    path=f"sources[{i}].path",
                    file=file,
                )
            )
    return out
