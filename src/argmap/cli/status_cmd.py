"""``argmap status`` and ``argmap explain``: which claims stand, and why."""

from __future__ import annotations

import argparse

from argmap._bulk import gc_paused
from argmap.cli.common import (
    CliError,
    Subparsers,
    add_format,
    add_map,
    add_output,
    command_parser,
    did_you_mean,
    dump_json,
    emit,
    load_attacks,
    load_map,
    wrap,
)
from argmap.explain import MAX_DEPTH, dispute_tree, explain
from argmap.frameworks import framework_statuses
from argmap.semantics.framework import PREFERENCES
from argmap.status import (
    DISCLAIMER,
    SEMANTICS,
    VERDICT_MEANINGS,
    VERDICT_WORDS,
    ClaimStatus,
    claim_statuses,
)

__all__ = ["register_explain", "register_status"]


def register_status(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "status",
        "what the map shows about each claim once every answer is counted",
        "Give every claim of MAP (or argument of a framework file) a verdict, from the\n"
        "grounded semantics, in words that say what the map shows, not whether a claim\n"
        "is true:\n"
        + "".join(f"  {w.upper():<12} {VERDICT_MEANINGS[w]}\n" for w in VERDICT_WORDS)
        + "Each claim prints with who asserts it and how surely the source holds it, and\n"
        "the verdict's reason. Moves that deny nothing (counter-accusations, insults,\n"
        "contrasts) never count. --semantics adds acceptance in every reading / in some\n"
        "reading under complete, preferred or stable semantics; --preference reliability\n"
        "lets a rebuttal fail against a more reliable source; --strength adds a gradual\n"
        "strength in [0, 1] (DF-QuAD).",
        "  argmap status data/claims.json\n"
        "  argmap status data/claims.json --semantics preferred --strength\n"
        "  argmap status data/claims.json --preference reliability\n"
        "  argmap status data/claims.json --format json -o status.json",
    )
    add_map(p)
    p.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default="grounded",
        help="semantics of the readings (default: grounded)",
    )
    p.add_argument(
        "--preference",
        choices=PREFERENCES,
        help="let a rebuttal fail against a strictly more reliable target (maps only)",
    )
    p.add_argument("--strength", action="store_true", help="add gradual strength (DF-QuAD)")
    add_format(p)
    add_output(p)
    p.set_defaults(run=run_status)


def run_status(args: argparse.Namespace) -> int:
    framework = load_attacks(args.map)
    noun = "arguments" if framework is not None else "claims"
    if framework is not None:  # no map to build: straight from the attacks
        if args.preference is not None:
            raise CliError("--preference needs a map: a framework file has no sources")
        statuses = framework_statuses(
            *framework, semantics=args.semantics, with_strength=args.strength
        )
    else:
        m = load_map(args.map)
        statuses = claim_statuses(
            m, semantics=args.semantics, with_strength=args.strength, preference=args.preference
        )
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "semantics": args.semantics,
                    "preference": args.preference,
                    "verdicts": VERDICT_MEANINGS,
                    noun: [s.to_dict() for s in statuses],
                }
            ),
            args,
        )
        return 0
    counts = {w: sum(s.verdict == w for s in statuses) for w in VERDICT_WORDS}
    said = ", ".join(f"{n} {_VERB[w] if n != 1 else w}" for w, n in counts.items() if n)
    out = [f"{args.map}: {said or 'nothing'} of {len(statuses)} {noun} (grounded semantics)"]
    if args.semantics != "grounded":
        out[0] += f"; readings under {args.semantics} semantics"
    if args.preference is not None:
        out[0] += f"; rebuttals weighed by {args.preference}"
    out.append(DISCLAIMER if framework is None else _FRAMEWORK_DISCLAIMER)
    out.append("")
    with gc_paused():  # a line or three per claim: no collection while they are made
        out.extend(_listing(statuses, args.semantics))
    emit("\n".join(out) + "\n", args)
    return 0


#: What a verdict on a framework file's argument says (it has no texts, only attacks).
_FRAMEWORK_DISCLAIMER = "A verdict says what the attacks show, not whether an argument is true."


def _listing(statuses: list[ClaimStatus], semantics: str) -> list[str]:
    out: list[str] = []
    for s in statuses:
        tags = [s.verdict.upper()]
        if s.unrebutted:
            tags.append("unrebutted")
        if s.kind == "claim":
            tags.append(f"{s.quotes} quote" + ("" if s.quotes == 1 else "s"))
        if semantics != "grounded":
            tags.append(
                "in every reading"
                if s.every_reading
                else "in some reading"
                if s.some_reading
                else "in no reading"
            )
        if s.strength is not None:
            tags.append(f"strength {s.strength:.2f}")
        out.append(f"{s.id}  [{', '.join(tags)}]")
        out.extend(wrap(s.line, 88, "  ", "  "))
        out.extend(wrap(f"why: {s.reason}", 88, "  ", "    "))
    return out


def _wrapped(line: str, width: int = 100) -> str:
    """A line of an explanation wrapped for a terminal, its continuation indented."""
    indent = line[: len(line) - len(line.lstrip())]
    return "\n".join(
        wrap(
            line.strip(),
            width,
            indent,
            indent + "    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        or [line]
    )


#: How a count of verdicts reads when it is not 1 ("3 hold", "2 answered").
_VERB = {
    "holds": "hold",
    "answered": "answered",
    "contested": "contested",
    "unsupported": "unsupported",
}


def register_explain(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "explain",
        "explain why a claim holds, is answered, contested or unsupported",
        "Print why one claim of MAP gets its verdict, in about a dozen lines: the verdict\n"
        "and its reason, the key quotes (each once, with who reports it, whose words it\n"
        "conveys, how surely, and source:line:column), the attacks that decide it and\n"
        "why each stands or falls, and the moves that deny nothing. --full prints the\n"
        "whole tree; --format json gives it as a dispute tree.",
        "  argmap explain data/claims.json openai-abandoned-nonprofit-mission\n"
        "  argmap explain data/claims.json musk-departure-was-mutual --full --depth 3\n"
        "  argmap explain data/claims.json musk-sued-openai-and-founders --format json",
    )
    add_map(p)
    p.add_argument("claim", metavar="ID", help="id of the claim (or quote) to explain")
    p.add_argument("--full", action="store_true", help="print the whole tree")
    p.add_argument(
        "--depth", type=int, default=8, help="how many levels --full follows (default: 8)"
    )
    p.add_argument(
        "--preference", choices=PREFERENCES, help="weigh rebuttals by source reliability"
    )
    add_format(p)
    add_output(p)
    p.set_defaults(run=run_explain)


def run_explain(args: argparse.Namespace) -> int:
    m = load_map(args.map)
    if not 1 <= args.depth <= MAX_DEPTH:
        raise CliError(f"--depth must be from 1 to {MAX_DEPTH}, not {args.depth}")
    try:
        if args.format == "json":
            tree = dispute_tree(m, args.claim, max_depth=args.depth, preference=args.preference)
            text = dump_json({"file": args.map, "tree": tree})
        else:
            text = explain(
                m, args.claim, full=args.full, max_depth=args.depth, preference=args.preference
            )
            text = "\n".join(_wrapped(line) for line in text.splitlines())
    except KeyError:
        ids = [c.id for c in m.claims] + [e.id for e in m.evidence]
        hint = did_you_mean(args.claim, ids)
        raise CliError(f"no claim or evidence {args.claim!r} in {args.map}{hint}") from None
    emit(text + "\n", args)
    return 0
