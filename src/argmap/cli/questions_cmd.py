"""``argmap questions`` and ``argmap timeline``: the points in dispute, and the dates."""

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
from argmap.questions import AnswerClaim, QuestionSummary, question_overview
from argmap.status import DISCLAIMER
from argmap.timeline import TimelineEvent, date_period, timeline, within

__all__ = ["register_questions", "register_timeline"]

WIDTH = 88
_VERDICT = 12  # width of the verdict column: 'UNSUPPORTED' and a space
_DATE = 12  # width of the date column: 'YYYY-MM-DD' and two spaces


def register_questions(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "questions",
        "each question in dispute with each side's answers, their verdicts and quotes",
        "List the questions of MAP (its 'questions' field) in map order; under each, every\n"
        "answer (stance) with the sides that give it and their claims: who asserts each\n"
        "and how surely, its verdict (holds, answered, contested, unsupported: what the\n"
        "map shows, not whether it is true), the verdict's reason and how many quotes\n"
        "back it. Claims that answer no question are listed at the end.",
        "  argmap questions data/claims.json\n"
        "  argmap questions data/claims.json --format json -o questions.json",
    )
    add_map(p)
    add_format(p)
    add_output(p)
    p.set_defaults(run=run_questions)


def run_questions(args: argparse.Namespace) -> int:
    m = load_map(args.map)
    overview = question_overview(m)
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "questions": len(m.questions),
                    "claims": len(m.claims),
                    "overview": [q.to_dict() for q in overview],
                }
            ),
            args,
        )
        return 0
    if not m.questions:
        emit(
            f"{args.map} has no questions in dispute: list them in the map's 'questions' field "
            "and link claims to them with 'answers' (README: 'Questions and timeline').\n",
            args,
        )
        return 0
    linked = {c.id for q in overview if q.id is not None for c in q.claims}
    out = [
        f"{args.map}: {_n(len(m.questions), 'question')}; "
        f"{len(linked)} of {_n(len(m.claims), 'claim')} answer one (grounded reading)",
        DISCLAIMER,
        "",
    ]
    for q in overview:
        out.extend(_question_lines(q))
    emit("\n".join(out).rstrip("\n") + "\n", args)
    return 0


def _question_lines(q: QuestionSummary) -> list[str]:
    tail = q.id if q.id is not None else _n(len(q.claims), "claim")
    lines = wrap(f"{q.text}  ({tail})", WIDTH, "", "  ")
    if q.original is not None:
        lines.extend(wrap(q.original.text, WIDTH, "  ", "  "))
    if not q.claims:
        lines.append("  (no claim answers it)")
    if q.id is None:  # no stances: the claims side by side
        groups = [(s.side.label, s.claims) for s in q.sides]
    else:
        groups = [
            (f"{a.stance}: {', '.join(s.label for s in a.sides)}", a.claims) for a in q.answers
        ]
    for head, claims in groups:
        lines.extend(wrap(head, WIDTH, "  ", "    "))
        for c in claims:
            lines.extend(_claim_lines(c))
    lines.append("")
    return lines


def _claim_lines(c: AnswerClaim) -> list[str]:
    indent = " " * (4 + _VERDICT)
    quotes = _n(c.quotes, "quote")
    lines = wrap(
        f"{c.line}  [{quotes}]",
        WIDTH,
        f"    {c.verdict.upper():<{_VERDICT}}",
        indent,
        break_on_hyphens=False,
    )
    lines.extend(
        wrap(f"why: {c.reason}  [{c.id}]", WIDTH, indent, indent + "  ", break_on_hyphens=False)
    )
    return lines


def register_timeline(sub: Subparsers) -> None:
    p = command_parser(
        sub,
        "timeline",
        "the dated events in order: claims, quotes and publications, each line by its date",
        "List the dated events of MAP in order, each line starting with its date: claims\n"
        "with a date (asserter and hedge shown), quotes with the date of the event they\n"
        "report (with their credit line and the claims they support), and the sources'\n"
        "publication dates (marked when inferred). A claim with no date of its own takes\n"
        "the earliest date of its quotes. Dates print as given ('2019', '2019-03',\n"
        "'2019-03-14'); a partial date sorts at the start of its period, before the more\n"
        "precise dates inside it. --from and --to keep the events whose period overlaps\n"
        "the range.",
        "  argmap timeline data/claims.json\n"
        "  argmap timeline data/claims.json --from 2017 --to 2019-06\n"
        "  argmap timeline data/claims.json --format json -o timeline.json",
    )
    add_map(p)
    add_format(p)
    add_output(p)
    p.add_argument("--from", dest="start", metavar="DATE", help="first date kept (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="end", metavar="DATE", help="last date kept (YYYY[-MM[-DD]])")
    p.set_defaults(run=run_timeline)


def run_timeline(args: argparse.Namespace) -> int:
    for flag, value in (("--from", args.start), ("--to", args.end)):
        if value is not None:
            try:
                date_period(value)
            except ValueError as err:
                raise CliError(f"{flag}: {err}") from None
    if args.start and args.end and date_period(args.start)[0] > date_period(args.end)[1]:
        raise CliError(f"--from {args.start} is after --to {args.end}")
    m = load_map(args.map)
    events = [e for e in timeline(m) if within(e.date, args.start, args.end)]
    if args.format == "json":
        emit(
            dump_json(
                {
                    "file": args.map,
                    "from": args.start,
                    "to": args.end,
                    "events": [e.to_dict() for e in events],
                }
            ),
            args,
        )
        return 0
    if not events:
        scope = " in that range" if args.start or args.end else ""
        emit(f"{args.map}: no dated claims, quotes or sources{scope}\n", args)
        return 0
    out = [line for e in events for line in _event_lines(e)]
    emit("\n".join(out) + "\n", args)
    return 0


def _event_lines(e: TimelineEvent) -> list[str]:
    if e.kind == "claim":
        text = e.text
        if e.dated_by:
            text += f"  (dated by its quote{'s' * (len(e.dated_by) > 1)} {', '.join(e.dated_by)})"
    elif e.kind == "quote":
        text = f"\u00ab {e.text} \u00bb"
        if e.translation:
            text += f" ({e.translation})"
        text += f" \u2014 {e.credit}"
        if e.supports:
            text += f"; supports {', '.join(e.supports)}"
    else:
        text = "published (date inferred): " if e.inferred else "published: "
        text += e.text + (f", by {e.credit}" if e.credit else "")
        if e.note:
            text += f". {e.note}"
    if e.inferred and e.kind != "source":
        text = f"(date inferred) {text}"
    text += f"  [{e.id}]"
    indent = " " * _DATE
    return wrap(text, WIDTH, f"{e.date:<{_DATE}}", indent, break_on_hyphens=False)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"
