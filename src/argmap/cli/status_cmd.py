"""``argmap status`` and ``argmap explain``: which claims stand, and why."""

from __future__ import annotations

import argparse
import gc
import json
import re
from collections import Counter
from json.encoder import encode_basestring
from typing import Any

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
    load_framework,
    load_map,
    wrap,
)
from argmap.frameworks import framework_statuses
from argmap.semantics.framework import PREFERENCES, Framework
from argmap.status import (
    DISCLAIMER,
    EXTENSION_LIMIT,
    SEMANTICS,
    VERDICT_MEANINGS,
    VERDICT_WORDS,
    ExtensionListing,
    StatusTable,
    claim_table,
    extension_listing,
    status_table,
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
        "strength in [0, 1] (DF-QuAD); --extensions lists the readings themselves, the\n"
        "extensions under --semantics (the first --limit of them, and how many there are).",
        "  argmap status data/claims.json\n"
        "  argmap status data/claims.json --semantics preferred --strength\n"
        "  argmap status data/claims.json --preference reliability\n"
        "  argmap status data/claims.json --format json -o status.json\n"
        "  argmap status fw.af --semantics preferred --extensions --limit 20",
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
    p.add_argument(
        "--extensions",
        action="store_true",
        help="also list the extensions under --semantics, with their count",
    )
    p.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help=f"with --extensions: list at most N of them (default: {EXTENSION_LIMIT})",
    )
    add_format(p)
    add_output(p)
    p.set_defaults(run=run_status)


def run_status(args: argparse.Namespace) -> int:
    limit = EXTENSION_LIMIT if args.limit is None else args.limit
    if args.limit is not None and not args.extensions:
        raise CliError("--limit goes with --extensions")
    if limit < 0:
        raise CliError(f"--limit must be 0 or more, not {limit}")
    listing = None
    # A line or three per claim, a million claims: no collector pass while they are
    # read and made, nor over them afterwards (they live until the command ends).
    with gc_paused():
        framework = load_framework(args.map)
        noun = "arguments" if framework is not None else "claims"
        if framework is None:
            m = load_map(args.map)
            table = claim_table(
                m,
                semantics=args.semantics,
                with_strength=args.strength,
                preference=args.preference,
            )
            if args.extensions:  # of the framework the verdicts and readings come from
                framework = Framework.from_map(m, preference=args.preference)
        elif args.preference is not None:
            raise CliError("--preference needs a map: a framework file has no sources")
        elif args.strength:  # attacks by name, as framework_statuses takes them
            names = framework.names
            by_name = [(names[u - 1], names[v - 1]) for u, v in framework.attacks]
            statuses = framework_statuses(
                names, by_name, semantics=args.semantics, with_strength=True
            )
            table = StatusTable.of(statuses)
        else:  # no map to build: straight from the attacks
            table = status_table(framework, semantics=args.semantics)
        if args.extensions:
            assert framework is not None
            listing = extension_listing(framework, args.semantics, limit=limit)
        if args.format == "json":
            head: dict[str, Any] = {
                "file": args.map,
                "semantics": args.semantics,
                "preference": args.preference,
                "verdicts": VERDICT_MEANINGS,
            }
            if listing is not None:
                head.update(_extensions_data(listing))
            text = _json(head, noun, table)
        else:
            text = _text(args, noun, table)
            if listing is not None:
                text += "\n" + "".join(line + "\n" for line in _extension_lines(listing))
        gc.freeze()
    emit(text, args)
    return 0


def _extensions_data(listing: ExtensionListing) -> dict[str, Any]:
    """The keys ``--extensions`` adds to the JSON: the extensions listed (lists of
    names, as strings), how many there are (null: more than were counted) and how
    many were left out (with a null count, at least that many)."""
    return {
        "extensions": [[str(a) for a in ext] for ext in listing.extensions],
        "extension_count": listing.total,
        "extensions_left_out": listing.left_out,
    }


def _extension_lines(listing: ExtensionListing) -> list[str]:
    """A count line, one line per extension listed, and a line for those left out."""
    word = f"{listing.semantics} extension"
    shown = len(listing.extensions)
    if listing.total is None:
        head = f"more than {shown + listing.left_out - 1:,} {word}s"
    elif listing.total == 0:
        head = f"no {word}"
    else:
        head = f"{listing.total:,} {word}{'s' if listing.total != 1 else ''}"
    if listing.left_out:
        head += f", the first {shown:,} listed" if shown else ", none listed"
    lines = [head + ":" if shown else head]
    lines += ["  {" + ", ".join(map(_shown_name, ext)) + "}" for ext in listing.extensions]
    if listing.left_out:
        more = (
            f"{listing.left_out:,} more"
            if listing.total is not None
            else f"more than {listing.left_out - 1:,} more (not counted further)"
        )
        lines.append(f"  ... and {more}, not listed (--limit N lists more)")
    return lines


#: A name printed as it is in an extension's braces; others are printed as JSON strings.
_PLAIN_NAME = re.compile(r'[^\s,{}"](?:[^,{}"]*[^\s,{}"])?')


def _shown_name(name: Any) -> str:
    """An argument's name as a listed extension shows it: as it is, or as a JSON string
    when it could be misread there (blank, with a comma, a brace or a quote mark, or
    not printable)."""
    text = str(name)
    plain = text.isprintable() and _PLAIN_NAME.fullmatch(text) is not None
    return text if plain else json.dumps(text, ensure_ascii=False)


def _text(args: argparse.Namespace, noun: str, table: StatusTable) -> str:
    counts = Counter(table.verdict)
    said = ", ".join(
        f"{counts[w]} {_VERB[w] if counts[w] != 1 else w}" for w in VERDICT_WORDS if counts[w]
    )
    head = f"{args.map}: {said or 'nothing'} of {len(table.id)} {noun} (grounded semantics)"
    if args.semantics != "grounded":
        head += f"; readings under {args.semantics} semantics"
    if args.preference is not None:
        head += f"; rebuttals weighed by {args.preference}"
    disclaimer = DISCLAIMER if noun == "claims" else _FRAMEWORK_DISCLAIMER
    return "\n".join([head, disclaimer, "", *_listing(table, args.semantics)]) + "\n"


#: What a verdict on a framework file's argument says (it has no texts, only attacks).
_FRAMEWORK_DISCLAIMER = "A verdict says what the attacks show, not whether an argument is true."


def _fits(text: str, room: int) -> bool:
    """True when :func:`wrap` would give ``text`` on one line of ``room`` characters
    as it is (its own test, made once here rather than in a call per line)."""
    return (
        0 < len(text) <= room
        and text.isprintable()
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
    )


def _listing(table: StatusTable, semantics: str) -> list[str]:
    """The lines of every status, each status's lines as one string."""
    out: list[str] = []
    append = out.append
    readings = semantics != "grounded"
    tags = {
        (w, u): w.upper() + (", unrebutted" if u else "")
        for w in VERDICT_WORDS
        for u in (False, True)
    }
    for id_, kind, line, verdict, reason, unrebutted, some, every, quotes, strength in zip(
        table.id,
        table.kind,
        table.line,
        table.verdict,
        table.reason,
        table.unrebutted,
        table.some_reading,
        table.every_reading,
        table.quotes,
        table.strength,
        strict=True,
    ):
        tag = tags[verdict, unrebutted]
        if kind == "claim":
            tag += f", {quotes} quote" if quotes == 1 else f", {quotes} quotes"
        if readings:
            tag += (
                ", in every reading"
                if every
                else ", in some reading"
                if some
                else ", in no reading"
            )
        if strength is not None:
            tag += f", strength {strength:.2f}"
        text = f"  {line}" if _fits(line, 86) else "\n".join(wrap(line, 88, "  ", "  "))
        why = f"why: {reason}"
        why = f"  {why}" if _fits(why, 86) else "\n".join(wrap(why, 88, "  ", "    "))
        append(f"{id_}  [{tag}]\n{text}\n{why}" if text else f"{id_}  [{tag}]\n{why}")
    return out


def _json(head: dict[str, Any], noun: str, table: StatusTable) -> str:
    """The text ``dump_json({**head, noun: [s.to_dict() for s in statuses]})`` gives,
    written row by row (a template per row rather than the pure-Python indenting
    encoder, tens of times faster on a million rows)."""
    text = dump_json({**head, noun: []})
    if not table.id:
        return text
    rows = _argument_rows(table) if _bare_arguments(table) else _rows(table)
    assert text.endswith(f"{json.dumps(noun)}: []\n}}\n")
    rows[0] = text[: -len("[]\n}\n")] + "[\n" + rows[0]
    rows[-1] += "\n  ]\n}\n"
    return ",\n".join(rows)  # one copy of a text that may be hundreds of megabytes


_JSON_WORDS = {True: "true", False: "false", None: "null"}


def _rows(table: StatusTable) -> list[str]:
    """Each status as :meth:`ClaimStatus.to_dict` gives it, indented as in the listing."""
    q = encode_basestring
    j = _JSON_WORDS
    rows: list[str] = []
    append = rows.append
    for s in zip(*table, strict=True):
        asserted_by = s[11]
        hedge = s[12]
        strength = s[14]
        who = (
            "[\n" + ",\n".join(f"        {q(p)}" for p in asserted_by) + "\n      ]"
            if asserted_by
            else "[]"
        )
        append(
            f"""    {{
      "id": {q(s[0])},
      "kind": {q(s[1])},
      "text": {q(s[2])},
      "line": {q(s[3])},
      "asserted_by": {who},
      "hedge": {"null" if hedge is None else q(hedge)},
      "verdict": {q(s[4])},
      "reason": {q(s[5])},
      "label": {q(s[6])},
      "unrebutted": {j[s[7]]},
      "quotes": {s[13]!r},
      "semantics": {q(s[8])},
      "in_some_reading": {j[s[9]]},
      "in_every_reading": {j[s[10]]},
      "strength": {"null" if strength is None else float.__repr__(strength)}
    }}"""
        )
    return rows


def _bare_arguments(table: StatusTable) -> bool:
    """True for the statuses of a framework file's arguments with no strength: every
    row then has the same kind, semantics and empty fields, and its line is its text."""
    n = len(table.id)
    return (
        table.line is table.text
        and table.kind.count("argument") == n
        and not any(table.asserted_by)
        and table.hedge.count(None) == n
        and set(map(type, table.quotes)) == {int}
        and table.quotes.count(0) == n
        and table.strength.count(None) == n
        and table.semantics.count(table.semantics[0]) == n
    )


def _argument_rows(table: StatusTable) -> list[str]:
    """The rows :func:`_rows` gives for :func:`_bare_arguments` statuses, with what every
    row shares written into the template (one encoded id for the text too when they are
    the same), which takes half the time on a million arguments."""
    q = encode_basestring
    j = _JSON_WORDS
    semantics = q(table.semantics[0])
    words = {w: q(w) for w in set(table.verdict)}
    labels = {x: q(x) for x in set(table.label)}
    same = table.text is table.id
    rows: list[str] = []
    append = rows.append
    for id_, text, verdict, reason, label, unrebutted, some, every in zip(
        table.id,
        table.text,
        table.verdict,
        table.reason,
        table.label,
        table.unrebutted,
        table.some_reading,
        table.every_reading,
        strict=True,
    ):
        i = q(id_)
        t = i if same else q(text)
        append(
            f"""    {{
      "id": {i},
      "kind": "argument",
      "text": {t},
      "line": {t},
      "asserted_by": [],
      "hedge": null,
      "verdict": {words[verdict]},
      "reason": {q(reason)},
      "label": {labels[label]},
      "unrebutted": {j[unrebutted]},
      "quotes": 0,
      "semantics": {semantics},
      "in_some_reading": {j[some]},
      "in_every_reading": {j[every]},
      "strength": null
    }}"""
        )
    return rows


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
    from argmap.explain import MAX_DEPTH, dispute_tree, explain

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
