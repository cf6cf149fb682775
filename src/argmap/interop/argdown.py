"""Argdown export: the map as text that Argdown's own tools parse.

The map's title is a heading. Each claim is a statement ``[id]: text #(party)``
tagged with the ids of the parties who assert it; each quote a statement
``[id]: « quote » #(speaker) #(source) #(evidence)`` tagged with its speakers,
its source's id, ``evidence`` and, when its source is AI-generated,
``ai-generated``. Who says what and how surely rides in the statement's data
(Argdown's ``{key: value}``): a claim's hedge when it is not a plain statement
(``{hedge: "alleges"}``, from :class:`argmap.attribution.Attribution`), a quote's
reporter, hedge and translation mark (``{reporter: "cc", hedge: "reports",
translated: true}``).

Under each statement come its outgoing relations: ``+> [target]`` for supports,
``-> [target]`` for rebuts, and ``_> <id>`` for an undercut, Argdown's attack on an
inference. Argdown undercuts arguments, not statements, so each relation that an
undercut aims at is also written as an argument named after the relation's id: a
support as the premise-conclusion structure ``(1) [from]`` ``----`` ``(2) [to]``,
whose inference the undercut then attacks; any other relation as an argument
whose description names its ends (``<id>: @[from] rebuts @[to].``). A relation's
scheme follows its line as a comment (``// scheme: ad-hominem``) and is the data
of its argument, if it has one.

Moves that deny nothing (``counter-accuses``, ``insults``, ``contrasts``) have no
arrow: every Argdown relation supports, attacks, undercuts or contradicts, and
Argdown's maps and evaluations would count any of them. A move is kept visible
but attacks nothing: its statement is tagged with the move (``#(insults)``, so
Argdown's maps colour it and list it in their legend) and a comment under it names
what it answers (``// insults [target]``).

Every character Argdown gives a meaning to (brackets, ``#``, ``<``, ``>``, ``*``,
``_``, ``/``, ``@`` ...) is escaped with a backslash (dots included, which
Argdown's lexer needs next to other escapes), and line breaks become spaces, so no
text can change the structure.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "ann", "name": "Ann"}],
    ...     "claims": [{"id": "a", "text": "Rates #1 [sic]", "asserted_by": ["ann"]},
    ...                {"id": "b", "text": "No"}],
    ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"}]})
    >>> print(to_argdown(m))
    [a]: Rates \\#1 \\[sic\\] #(ann)
    <BLANKLINE>
    [b]: No
      -> [a]
    <BLANKLINE>
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.attribution import Attribution
from argmap.formats import writer
from argmap.model import MOVES, ArgumentMap, Evidence, Hedge, Relation, RelationType
from argmap.render.quoting import clean

__all__ = ["argdown_text", "to_argdown"]

# Dots too: next to a backslash, an unescaped dot stops Argdown's lexer from reading
# the escapes around it.
_SPECIAL = re.compile(r"([\\\[\]<>#@*_{}:/+\-()!~^=|`$.])")
_ARROWS = {RelationType.SUPPORTS: "+>", RelationType.REBUTS: "->"}


#: What a claim whose text is only spaces is written as (Argdown needs some text).
EMPTY_TEXT = "\u200b"


def argdown_text(text: str) -> str:
    """Return ``text`` on one line with Argdown's syntax characters escaped.

    Example:
        >>> argdown_text("a <b> // c")
        'a \\\\<b\\\\> \\\\/\\\\/ c'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))


def _tag(name: str) -> str:
    return "#(" + re.sub(r"[()\\]", "", " ".join(name.split())) + ")"


# Inside data, Argdown's lexer reads braces, brackets and comment marks even in
# quoted values: such characters are written as escapes, which YAML reads back.
_DATA_SPECIAL = re.compile(r"[{}\[\]#/<>@:*!|&%`'+,=~^$()]")


def _data(fields: dict[str, Any]) -> str:
    """Return Argdown data ``{key: value, ...}``: values written as JSON, which YAML
    reads, with the characters Argdown's lexer would see as syntax escaped.

    Example:
        >>> _data({"scheme": "a } // b", "translated": True})
        ' {scheme: "a \\\\u007d \\\\u002f\\\\u002f b", translated: true}'
    """
    if not fields:
        return ""
    values = (
        _DATA_SPECIAL.sub(lambda c: f"\\u{ord(c[0]):04x}", json.dumps(v, ensure_ascii=False))
        for v in fields.values()
    )
    return " {" + ", ".join(f"{k}: {v}" for k, v in zip(fields, values, strict=True)) + "}"


def _comment(text: str) -> str:
    return " ".join(clean(text).split())


def _relation_line(rel: Relation) -> str:
    scheme = f" // scheme: {_comment(rel.scheme)}" if rel.scheme else ""
    if rel.type is RelationType.UNDERCUTS:
        return f"  _> <{rel.target}>{scheme}"
    if rel.type in MOVES:
        named = f" ({_comment(rel.scheme)})" if rel.scheme else ""
        return f"  // {rel.type.value} [{rel.target}]{named}"
    return f"  {_ARROWS[rel.type]} [{rel.target}]{scheme}"


def to_argdown(m: ArgumentMap) -> str:
    """Return the map as Argdown text: one statement per claim and per quote, each
    followed by its outgoing relations, then an argument for each relation that an
    undercut aims at.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "tv", "title": "TV", "text": "I said: no.",
        ...                  "reporter": "cc"}],
        ...     "parties": [{"id": "bo", "name": "Bo"}, {"id": "cc", "name": "CC"}],
        ...     "claims": [{"id": "yes", "text": "Yes.", "asserted_by": ["bo"]},
        ...                {"id": "fool", "text": "Bo is a fool."}],
        ...     "evidence": [{"id": "q", "source": "tv", "quote": "no", "speaker": ["bo"]}],
        ...     "relations": [{"id": "r", "from": "q", "to": "yes", "type": "supports"},
        ...                   {"from": "fool", "to": "r", "type": "undercuts",
        ...                    "scheme": "ad-hominem"},
        ...                   {"from": "fool", "to": "yes", "type": "insults"}]})
        >>> print(to_argdown(m))
        [yes]: Yes\\. #(bo) {hedge: "reports"}
        <BLANKLINE>
        [fool]: Bo is a fool\\. #(insults)
          _> <r> // scheme: ad-hominem
          // insults [yes]
        <BLANKLINE>
        [q]: « no » #(bo) #(tv) #(evidence) {reporter: "cc", hedge: "reports"}
          +> [yes]
        <BLANKLINE>
        <r>
        <BLANKLINE>
        (1) [q]
        ----
        (2) [yes]
        <BLANKLINE>
    """
    words = Attribution(m)
    sources = m.source_by_id()
    outgoing: dict[str, list[str]] = {}
    moves: dict[str, list[str]] = {}
    for rel in m.relations:
        outgoing.setdefault(rel.source, []).append(_relation_line(rel))
        if rel.type in MOVES and rel.type.value not in moves.setdefault(rel.source, []):
            moves[rel.source].append(rel.type.value)
    blocks: list[str] = []
    if m.title:
        blocks.append(f"# {argdown_text(m.title)}\n")
    seen: set[str] = set()
    for claim in m.claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        tags = "".join(f" {_tag(p)}" for p in [*claim.asserted_by, *moves.get(claim.id, [])])
        hedge = words.claim_hedge(claim.id)
        data = _data({} if hedge is Hedge.STATES else {"hedge": hedge.value})
        # A text of spaces alone: Argdown has no empty definition (it reads the next
        # thing on the line as the text), so it is written as a zero-width space.
        text = argdown_text(claim.text) or EMPTY_TEXT
        lines = [f"[{claim.id}]: {text}{tags}{data}"]
        blocks.append("\n".join([*lines, *outgoing.get(claim.id, [])]) + "\n")
    for ev in m.evidence:
        if ev.id in seen:
            continue
        seen.add(ev.id)
        src = sources.get(ev.source)
        tags = "".join(f" {_tag(p)}" for p in ev.speaker) + f" {_tag(ev.source)} #(evidence)"
        if src is not None and src.is_ai_generated:
            tags += " #(ai-generated)"
        tags += "".join(f" {_tag(t)}" for t in moves.get(ev.id, []))
        text = argdown_text(f"« {ev.quote} »")
        line = f"[{ev.id}]: {text}{tags}{_data(_voice(words, ev))}"
        blocks.append("\n".join([line, *outgoing.get(ev.id, [])]) + "\n")
    blocks += _undercut_arguments(m, seen)
    return "\n".join(blocks)


def _voice(words: Attribution, ev: Evidence) -> dict[str, Any]:
    """Return a quote's reporter, hedge (unless 'states') and translation mark."""
    out: dict[str, Any] = {}
    reporter = words.reporter_id(ev.id)
    if reporter is not None:
        out["reporter"] = reporter
    hedge = words.quote_hedge(ev.id)
    if hedge is not Hedge.STATES:
        out["hedge"] = hedge.value
    if ev.translated:
        out["translated"] = True
    return out


def _undercut_arguments(m: ArgumentMap, nodes: set[str]) -> list[str]:
    """Return an argument for each relation an undercut aims at: a support between two
    nodes as its premise-conclusion structure, any other relation by its description."""
    by_id = m.relation_by_id()
    aimed = dict.fromkeys(
        r.target for r in m.relations if r.type is RelationType.UNDERCUTS and r.target in by_id
    )
    blocks = []
    for rid in aimed:
        rel = by_id[rid]
        data = _data({"scheme": rel.scheme} if rel.scheme else {})
        if rel.type is RelationType.SUPPORTS and {rel.source, rel.target} <= nodes:
            blocks.append(f"<{rid}>{data}\n\n(1) [{rel.source}]\n----\n(2) [{rel.target}]\n")
            continue
        end = f"@<{rel.target}>" if rel.type is RelationType.UNDERCUTS else f"@[{rel.target}]"
        blocks.append(f"<{rid}>: @[{rel.source}] {rel.type.value} {end}.{data}\n")
    return blocks


@writer("argdown", extensions=(".argdown", ".ad"), description="Argdown")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_argdown(m)
