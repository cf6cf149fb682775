"""``argmap render``: draw the map as DOT, SVG, PNG, PDF or an interactive HTML page."""

from __future__ import annotations

import argparse

from argmap.cli.common import (
    CliError,
    Subparsers,
    add_map,
    command_parser,
    did_you_mean,
    emit,
    load_map,
    refuse_overwrite,
)
from argmap.formats import WRITERS, FormatError, format_for_path
from argmap.model import ArgumentMap
from argmap.render import ENGINES, PICTURE_FORMATS, RenderError, render
from argmap.render.dot import RANKDIRS
from argmap.render.engines import DEFAULT_TIMEOUT
from argmap.status import SEMANTICS

__all__ = ["register_render"]


def register_render(sub: Subparsers) -> None:
    """Add ``argmap render`` to the command line."""
    p = command_parser(
        sub,
        "render",
        "draw the map as DOT, SVG, PNG, PDF or an interactive HTML page",
        "Draw MAP. Claims are rounded boxes coloured by side, with who asserts them, how\n"
        "surely, and their verdict (HOLDS with a thick border, UNSUPPORTED dashed);\n"
        "quotes are notes in the original language signed with who reports them and\n"
        "whose words they convey (AI-generated ones dashed, violet-grey and tagged);\n"
        "supports are solid green arrows, rebuts dashed vermillion lines ending in a bar,\n"
        "undercuts dashed purple lines to a point on the relation they aim at, and moves\n"
        "that deny nothing (counter-accusations, insults, contrasts) dotted grey; two\n"
        "claims that rebut each other share one line with a bar at each end. A map with\n"
        "questions is drawn one framed group per question; within each (and within\n"
        "--question ID), the first two sides face each other across the middle and\n"
        "observers are drawn apart.\n"
        "In SVG, hovering over a box shows the full text, the verdict and its reason, the\n"
        "translation and the quote's line:column.\n\n"
        "The format comes from the extension of -o (.dot .gv .svg .png .pdf .html) or\n"
        "--format. HTML is one self-contained page, safe to publish or open offline: it\n"
        "opens on the questions in dispute, each side's answers and verdicts, and each\n"
        "question's own map; a timeline whose date range filters every view; each\n"
        "source's text with its quotes highlighted where they were found; and the whole\n"
        "map: click a box (or Tab to it and press Enter) to read its quotes, verdict and\n"
        "rebuttals; filter by party, source and verdict; search; pan and zoom.\n"
        "SVG and PNG need nothing but argmap (an embedded Graphviz draws them, with plain\n"
        "labels); PDF needs Graphviz's dot program (Debian/Ubuntu: apt-get install graphviz).",
        "  argmap render data/claims.json -o map.svg\n"
        "  argmap render data/claims.json -o map.html\n"
        "  argmap render data/claims.json -o map.png\n"
        "  argmap render data/claims.json -o - --format dot --claims-only --lang fr\n"
        "  argmap render data/claims.json -o departure.svg --focus musk-departure-was-mutual\n"
        "  argmap render data/claims.json -o question.svg --question ID  (ids: argmap questions)\n"
        "  argmap render data/claims.json -o map.pdf --rankdir TB --no-legend",
    )
    add_map(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the file to write (atomically); '-' writes to standard output",
    )
    p.add_argument(
        "--format",
        choices=PICTURE_FORMATS,
        help="output format (default: from the extension of -o)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="Graphviz's dot program (system), the embedded WebAssembly Graphviz (wasm), "
        "or the system one when it is installed, else wasm (auto, the default)",
    )
    p.add_argument(
        "--lang",
        default=None,
        metavar="LANG",
        help="language of the claims: the map's (en, the default) or the sources' (fr); "
        "quotes are always in the original",
    )
    p.add_argument("--claims-only", action="store_true", help="leave the quotes out")
    p.add_argument("--focus", metavar="ID", help="draw only what lies near this claim or quote")
    p.add_argument(
        "--question",
        metavar="ID",
        help="draw only this question's claims and quotes, the sides facing each other "
        "(argmap questions lists them); without it or --focus, the map is grouped by question",
    )
    p.add_argument(
        "--depth",
        type=int,
        default=1,
        metavar="N",
        help="with --focus: how many links away to go, either way (default: 1)",
    )
    p.add_argument(
        "--rankdir",
        choices=RANKDIRS,
        default="LR",
        help="LR (default): the sides face each other left and right; TB: top and bottom",
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument("--title", help="title on top (default: the map's title)")
    p.add_argument(
        "--labels",
        choices=("html", "plain"),
        help="html: two type sizes, bold tags, italic quotes (Graphviz's dot only); "
        "plain: one size. Default: html, plain with --engine wasm",
    )
    p.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default=None,
        help="HTML only: the semantics of the acceptance shown for each box (default: grounded)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time Graphviz's dot may take (default: {DEFAULT_TIMEOUT:g})",
    )
    p.set_defaults(run=run_render)


#: The most claims and quotes `render` lays out in one SVG, PNG or PDF picture: Graphviz
#: takes about 2 s for 5,000 boxes and over a minute for 100,000 (the HTML page draws
#: its whole-map picture up to 1,200 and keeps its other views above that).
DRAW_LIMIT = 5_000


def _check_lang(m: ArgumentMap, lang: str) -> None:
    langs = {m.language} | {c.original.lang for c in m.claims if c.original is not None}
    if lang not in langs:
        raise CliError(
            f"--lang {lang}: the map's claims are in {', '.join(sorted(langs))}, not {lang}"
        )


def run_render(args: argparse.Namespace) -> int:
    """Draw the map as the command line asks; return the exit code."""
    fmt = args.format
    if fmt is None:
        if args.output == "-":
            raise CliError("writing to standard output: give --format (dot, svg, png, pdf or html)")
        try:
            fmt = format_for_path(args.output, {f: WRITERS[f] for f in PICTURE_FORMATS}).name
        except FormatError as err:
            raise CliError(str(err)) from None
    if args.semantics is not None and fmt != "html":
        raise CliError("--semantics applies to HTML pages only (-o FILE.html)")
    if args.depth < 0:
        raise CliError(f"--depth must be 0 or more, not {args.depth}")
    if args.focus is None and args.depth != 1:
        raise CliError("--depth needs --focus")
    if args.focus is not None and args.question is not None:
        raise CliError("give --focus or --question, not both")
    if not args.timeout > 0:
        raise CliError(f"--timeout must be more than 0, not {args.timeout:g}")
    refuse_overwrite(args.map, args.output)
    m = load_map(args.map)
    lang = m.language if args.lang is None else args.lang
    _check_lang(m, lang)
    ids = [c.id for c in m.claims] + [e.id for e in m.evidence]
    if args.focus is not None and args.focus not in ids:
        hint = did_you_mean(args.focus, ids)
        raise CliError(f"--focus: no claim or evidence {args.focus!r} in {args.map}{hint}")
    if args.question is not None and args.question not in m.question_by_id():
        known = ", ".join(q.id for q in m.questions) or "none"
        raise CliError(f"--question: no question {args.question!r} in {args.map} (it has: {known})")
    boxes = len(m.claims) + (0 if args.claims_only else len(m.evidence))
    whole = args.focus is None and args.question is None
    if whole and fmt in ("svg", "png", "pdf") and boxes > DRAW_LIMIT:
        raise CliError(
            f"{args.map}: {boxes:,} boxes are too many to lay out in one picture (at most "
            f"{DRAW_LIMIT:,}): draw part of it with --focus or --question, or write DOT"
        )
    html = None if args.labels is None else args.labels == "html"
    extra = {"semantics": args.semantics} if args.semantics is not None else {}
    try:
        data = render(
            m,
            fmt,
            engine=args.engine,
            timeout=args.timeout,
            html=html,
            lang=lang,
            claims_only=args.claims_only,
            focus=args.focus,
            question=args.question,
            depth=args.depth,
            rankdir=args.rankdir,
            legend=not args.no_legend,
            title=args.title,
            **extra,
        )
    except RenderError as err:
        raise CliError(str(err)) from None
    # DOT goes to standard output as text, in its encoding; to a file, as it is (UTF-8).
    emit(data.decode("utf-8") if fmt == "dot" and args.output == "-" else data, args, tell=True)
    return 0
