"""``argmap status`` and ``argmap explain``: which claims stand, and why."""

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
    load_attacks,
    load_map,
    wrap,
)
from argmap.frameworks import framework_statuses
from argmap.status import SEMANTICS, claim_statuses, explain

__all__ = ["register_explain", "register_status"]


def register_status(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "status",
        "which claims stand once every rebuttal is counted",
        "Label every claim of MAP with the grounded semantics: STANDING (every rebuttal\n"
        "of it is defeated), DEFEATED (a standing argument rebuts it) or UNDECIDED.\n"
        "--semantics adds credulous/sceptical acceptance under complete, preferred or\n"
        "stable semantics; --strength adds a gradual strength in [0, 1] (DF-QuAD, from\n"
        "the sources' reliability through supports and rebuts).",
        "  argmap status data/claims.json\n"
        "  argmap status data/claims.json --semantics preferred --strength\n"
        "  argmap status data/claims.json --format json -o status.json",
    )
    add_map(p)
    p.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="semantics for credulous/sceptical acceptance (default: grounded)",
    )
    p.add_argument("--strength", action="store_true", help="add gradual strength (DF-QuAD)")
    add_format(p)
    add_output(p)
    p.set_defaults(run=run_status)


def run_status(args: argparse.Namespace) -> int:
    framework = load_attacks(args.map)
    if framework is not None:  # no map to build: straight from the attacks
        statuses = framework_statuses(
            *framework, semantics=args.semantics, with_strength=args.strength
        )
    else:
        m = load_map(args.map)
        statuses = claim_statuses(m, semantics=args.semantics, with_strength=args.strength)
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "semantics": args.semantics,
                    "claims": [s.to_dict() for s in statuses],
                }
            ),
            args.output,
        )
        return 0
    counts = {
        v: sum(s.verdict == v for s in statuses) for v in ("standing", "defeated", "undecided")
    }
    out = [
        f"{args.map}: {counts['standing']} standing, {counts['defeated']} defeated, "
        f"{counts['undecided']} undecided of {len(statuses)} claims (grounded semantics)"
    ]
    if args.semantics != "grounded":
        out[0] += f"; acceptance under {args.semantics} semantics"
    out.append("")
    for s in statuses:
        tags = [s.verdict.upper()]
        if s.unrebutted:
            tags.append("unrebutted")
        if args.semantics != "grounded":
            tags.append("sceptical" if s.sceptical else "credulous" if s.credulous else "rejected")
        if s.strength is not None:
            tags.append(f"strength {s.strength:.2f}")
        out.append(f"{s.id}  [{', '.join(tags)}]")
        out.extend(wrap(s.text, 88, "  ", "  "))
    emit("\n".join(out) + "\n", args.output)
    return 0


def register_explain(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "explain",
        "explain why a claim stands, falls or stays undecided",
        "Print the dialectical account of one claim of MAP: what supports it (quotes with\n"
        "their source and place), what rebuts it and the verdict on each rebuttal, down\n"
        "to the evidence; cycles are shown as such.",
        "  argmap explain data/claims.json openai-abandoned-nonprofit-mission\n"
        "  argmap explain data/claims.json musk-departure-was-mutual --depth 3",
    )
    add_map(p)
    p.add_argument("claim", metavar="ID", help="id of the claim (or evidence) to explain")
    p.add_argument("--depth", type=int, default=8, help="how many levels to follow (default: 8)")
    add_output(p)
    p.set_defaults(run=run_explain)


def run_explain(args: argparse.Namespace) -> int:
    m = load_map(args.map)
    if args.depth < 1:
        raise CliError("--depth must be 1 or more")
    try:
        text = explain(m, args.claim, max_depth=args.depth)
    except KeyError:
        ids = [c.id for c in m.claims]
        close = [i for i in ids if args.claim in i][:5]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise CliError(f"no claim or evidence {args.claim!r} in {args.map}{hint}") from None
    emit(text + "\n", args.output)
    return 0
