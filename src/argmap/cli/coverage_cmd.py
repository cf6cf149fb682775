"""``argmap coverage``: what the map quotes of each source, and what it leaves out."""

from __future__ import annotations

import argparse

from argmap.cli.common import (
    CliError,
    Subparsers,
    add_format,
    add_map,
    add_output,
    command_parser,
    dump_json,
    emit,
    load_map,
    wrap,
)
from argmap.coverage import SourceCoverage, source_coverage

__all__ = ["register_coverage"]

WIDTH = 88


def register_coverage(sub: Subparsers) -> None:
    """Add ``argmap coverage`` to the command line."""
    p = command_parser(
        sub,
        "coverage",
        "the share of each source the map quotes, and the passages it leaves unquoted",
        "For each source of MAP: how many of its quotes were found in it, the share of\n"
        "its text they cover, then every passage no quote covers, with its line and\n"
        "column (an author's to-do list: what the texts say that the map does not use).\n"
        "Passages are cut at line breaks; those of fewer than --min-words words (a stray\n"
        "'».' between two quotes) are left aside.",
        "  argmap coverage data/claims.json\n"
        "  argmap coverage data/claims.json --format json -o coverage.json",
    )
    add_map(p)
    add_format(p)
    add_output(p)
    p.add_argument(
        "--min-words",
        type=int,
        default=2,
        metavar="N",
        help="list only passages of at least N words (default: 2)",
    )
    p.set_defaults(run=run_coverage)


def run_coverage(args: argparse.Namespace) -> int:
    """List each source's unquoted passages as the command line asks; return 0."""
    if args.min_words < 1:
        raise CliError(f"--min-words must be 1 or more, not {args.min_words}")
    m = load_map(args.map)
    found = source_coverage(m, min_words=args.min_words)
    if args.format == "json":
        emit(dump_json({"file": args.map, "sources": [c.to_dict() for c in found]}), args)
        return 0
    if not found:
        emit(f"{args.map} cites no source.\n", args)
        return 0
    out: list[str] = []
    for c in found:
        out.extend(_source_lines(c))
    emit("\n".join(out) + "\n", args)
    return 0


def _source_lines(c: SourceCoverage) -> list[str]:
    head = f"{c.source}: {c.title}"
    if c.problem is not None:
        return [head, f"  its text cannot be read: {c.problem}", ""]
    n = len(c.unquoted)
    lines = [
        head,
        f"  {c.quotes} quote{'s' * (c.quotes != 1)} cover {c.share:.0%} of its text; "
        f"{n} passage{'s' * (n != 1)} unquoted" + (":" if n else ""),
    ]
    for p in c.unquoted:
        where = f"{p.line}:{p.column}"
        lines += wrap(p.text, WIDTH, f"  {where:<8}", " " * 10)
    return [*lines, ""]
