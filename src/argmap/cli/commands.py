"""The core commands: check, unrebutted, stats, schema, upgrade.

Each command is a ``register_*`` function that adds its parser; the parser's
``run`` default is the function that does the work. :data:`REGISTRY` lists them
in the order ``argmap --help`` shows them; other modules append theirs.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable

from argmap.analysis import UnrebuttedClaim, map_stats, unrebutted
from argmap.checks import RULES, check
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
    load_map,
    refuse_overwrite,
    relocated,
    wrap,
)
from argmap.cli.export_cmd import register_export, register_import
from argmap.cli.questions_cmd import register_questions, register_timeline
from argmap.cli.render_cmd import register_render
from argmap.cli.status_cmd import register_explain, register_status
from argmap.diagnostics import LOAD_CODES, Severity
from argmap.model import map_schema, upgrade

__all__ = ["REGISTRY"]


def register_check(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "check",
        "lint a map and prove every quote against its source",
        "Validate MAP, prove every evidence quote against its source text, and run every\n"
        "rule (list them with --list-rules). Exit 0 when no error is found (warnings\n"
        "allowed), 1 when there are errors, 2 when the file cannot be read.",
        "  argmap check data/claims.json\n"
        "  argmap check data/claims.json --format json\n"
        "  argmap check data/claims.json --ignore W105 --strict\n"
        "  argmap check --list-rules",
    )
    add_map(p, required=False)
    add_format(p)
    p.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    p.add_argument(
        "--select",
        metavar="CODES",
        default=None,
        help="comma-separated codes or prefixes to run (e.g. E,W101)",
    )
    p.add_argument(
        "--ignore",
        metavar="CODES",
        default="",
        help="comma-separated codes or prefixes to skip (e.g. W106)",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.set_defaults(run=run_check)


_LOOKALIKES = str.maketrans("OILS", "0115")


def _codes(text: str | None, option: str) -> list[str] | None:
    """The codes or prefixes of ``--select``/``--ignore``; one that names no rule is a
    usage error (a typo would otherwise run nothing, or skip nothing, silently)."""
    if text is None:
        return None
    codes = [c.strip().upper() for c in text.split(",") if c.strip()]
    known = [*LOAD_CODES, *RULES]
    for code in codes:
        if not any(k.startswith(code) for k in known):
            digits = code[:1] + code[1:].translate(_LOOKALIKES)  # W1O5 -> W105
            hint = f"; did you mean: {digits}" if digits in known else ""
            hint = hint or did_you_mean(code, known, n=3) or "; see 'argmap check --list-rules'"
            raise CliError(f"{option} {code}: no rule has this code{hint}")
    if text.strip() and not codes:
        raise CliError(f"{option}: give comma-separated codes, such as W105,W114")
    return codes


def run_check(args: argparse.Namespace) -> int:
    if args.list_rules:
        rows = [(code, "error", name, desc, "load") for code, (name, desc) in LOAD_CODES.items()]
        rows += [(r.code, r.severity.value, r.name, r.description, "check") for r in RULES.values()]
        if args.format == "json":
            emit(
                dump_json(
                    [
                        {"code": c, "severity": sev, "name": n, "description": d, "stage": st}
                        for c, sev, n, d, st in rows
                    ]
                )
            )
        else:
            emit("".join(f"{c}  {sev:<7}  {n:<22}  {d}\n" for c, sev, n, d, _ in rows))
        return 0
    if args.map is None:
        raise CliError("give a MAP to check, or --list-rules")
    select, ignore = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    m = load_map(args.map)
    diagnostics = check(m, select=select, ignore=ignore or [])
    counts = Counter(d.severity for d in diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "errors": errors,
                    "warnings": warnings,
                    "diagnostics": [d.to_dict() for d in diagnostics],
                }
            )
        )
    else:
        lines = [d.format() for d in diagnostics]
        summary = (
            f"{args.map}: {_n(len(m.claims), 'claim')}, {_n(len(m.evidence), 'quote')}, "
            f"{_n(len(m.relations), 'relation')}; {_n(errors, 'error')}, "
            f"{_n(warnings, 'warning')}"
        )
        emit("\n".join([*lines, summary]) + "\n")
    if errors or (args.strict and warnings):
        return 1
    return 0


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def register_unrebutted(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "unrebutted",
        "list the claims that nothing rebuts, with who asserts them and their quotes",
        "List the claims of MAP that no 'rebuts' relation targets: each one's id, how\n"
        "many quotes support it, and the claim as a reader should take it (who asserts\n"
        "it, how surely). --quotes adds the quotes that support it (source:line:column\n"
        "of each quote in its source text); --no-quotes leaves out the count.",
        "  argmap unrebutted data/claims.json\n"
        "  argmap unrebutted data/claims.json --quotes\n"
        "  argmap unrebutted data/claims.json --format json -o unrebutted.json",
    )
    add_map(p)
    add_format(p)
    add_output(p)
    detail = p.add_mutually_exclusive_group()
    detail.add_argument(
        "--quotes", action="store_true", help="each claim with who asserts it and its quotes"
    )
    detail.add_argument(
        "--no-quotes", action="store_true", help="each claim with who asserts it, no quotes"
    )
    p.set_defaults(run=run_unrebutted)


def run_unrebutted(args: argparse.Namespace) -> int:
    m = load_map(args.map)
    found = unrebutted(m)
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "claims": len(m.claims),
                    "unrebutted": [u.to_dict() for u in found],
                }
            ),
            args,
        )
        return 0
    out = [f"{len(found)} of {len(m.claims)} claims are unrebutted in {args.map}", ""]
    if not (args.quotes or args.no_quotes):  # short: each claim as a reader takes it
        for u in found:
            date = f"  ({u.claim.date})" if u.claim.date else ""
            out.append(f"{u.claim.id}  [{_n(len(u.quotes), 'quote')}]{date}")
            out.extend(wrap(u.line, 88, "  ", "  "))
        if found:
            out += ["", "(--quotes adds each claim's quotes, with their credit and place)"]
    for u in found if args.quotes or args.no_quotes else ():
        out.extend(_unrebutted_lines(u, quotes=args.quotes))
    emit("\n".join(out).rstrip("\n") + "\n", args)
    return 0


def _unrebutted_lines(u: UnrebuttedClaim, *, quotes: bool) -> list[str]:
    c = u.claim
    lines = [f"{c.id}" + (f"  ({c.date})" if c.date else ""), *wrap(u.line, 88, "  ", "  ")]
    if quotes:
        if not u.quotes:
            lines.append("  (no supporting quote)")
        for q in u.quotes:
            where = f"{q.source}:{q.line}:{q.column}" if q.line else f"{q.source} (not found)"
            via = f" via {q.via}" if q.via else ""
            quote = " ".join(q.quote.split())
            lines.extend(
                wrap(
                    f"\u00ab {quote} \u00bb  ({q.credit})  [{where}{via}]",
                    88,
                    "  - ",
                    "    ",
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            )
    lines.append("")
    return lines


def register_stats(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "stats",
        "count claims, quotes and relations, per party and per source",
        "Print counts that describe MAP: its elements, relations by type, claims per\n"
        "party and per question, quotes per source and per reporter, unrebutted claims\n"
        "and connected parts.",
        "  argmap stats data/claims.json\n  argmap stats data/claims.json --format json",
    )
    add_map(p)
    add_format(p)
    p.set_defaults(run=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    m = load_map(args.map)
    s = map_stats(m)
    if args.format == "json":
        emit(dump_json(s))
        return 0
    parties = m.party_by_id()
    width = 28
    out = [f"{args.map}" + (f": {m.title}" if m.title else "")]
    for key in ("sources", "parties", "questions", "claims", "evidence", "relations"):
        out.append(f"  {key:<{width}} {s[key]:>5}")
    for key in ("supports", "rebuts", "undercuts", "counter_accuses", "insults", "contrasts"):
        if s[key] or key in ("supports", "rebuts"):
            out.append(f"    {key.replace('_', '-'):<{width - 2}} {s[key]:>5}")
    for key in ("unrebutted", "weakly_connected_components"):
        out.append(f"  {key.replace('_', ' '):<{width}} {s[key]:>5}")
    out.append("claims per party")
    for pid, n in s["claims_per_party"].items():
        name = parties[pid].name if pid in parties else pid
        out.append(f"  {name:<{width}} {n:>5}")
    if s["claims_per_question"]:
        out.append("claims per question")
        for qid, n in s["claims_per_question"].items():
            out.append(f"  {qid:<{width}} {n:>5}")
    out.append("quotes per source")
    for sid, n in s["evidence_per_source"].items():
        out.append(f"  {sid:<{width}} {n:>5}")
    out.append("quotes per reporter")
    for pid, n in s["evidence_per_reporter"].items():
        name = parties[pid].name if pid in parties else pid
        out.append(f"  {name:<{width}} {n:>5}")
    emit("\n".join(out) + "\n")
    return 0


def register_schema(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "schema",
        "print the JSON Schema of map files",
        'Print the JSON Schema that map files follow. Point a map\'s "$schema" key at a\n'
        "saved copy to get completion and validation in editors.",
        "  argmap schema\n  argmap schema -o schema/argmap.schema.json",
    )
    add_output(p)
    p.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    emit(dump_json(map_schema()), args)
    return 0


def register_upgrade(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "upgrade",
        "write a map in the current file format (version 2)",
        "Read MAP (any version argmap reads) and write it in the current format,\n"
        "version 2, to standard output or to -o FILE (never over MAP itself). Version 2\n"
        "only adds fields, so every value is kept; maps of version 1 are also upgraded\n"
        "in memory whenever they are loaded, so this is needed only to save one.\n"
        "Source paths are rewritten to stay right from FILE's folder.",
        "  argmap upgrade old.json -o map.json\n  argmap upgrade old.json | less",
    )
    add_map(p)
    add_output(p)
    p.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    refuse_overwrite(args.map, args.output)
    m = load_map(args.map)
    new = upgrade(m)
    new = relocated(new, args.output, args.map)
    emit(dump_json(new.to_json_data()), args)
    return 0


#: Command registrars, in the order ``argmap --help`` lists them.
REGISTRY: list[Callable[[Subparsers], None]] = [
    register_check,
    register_unrebutted,
    register_status,
    register_explain,
    register_questions,
    register_timeline,
    register_render,
    register_export,
    register_import,
    register_stats,
    register_schema,
    register_upgrade,
]
