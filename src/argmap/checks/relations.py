"""Rules about relations: what links what, and what an undercut aims at.

Only ``supports`` and ``rebuts`` link two nodes in a way that counts; an undercut
aims at one of those relations by its id; the moves that deny nothing
(``counter-accuses``, ``insults``, ``contrasts``) are never taken for an attack.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
    ...     "relations": [{"id": "r", "from": "a", "to": "b", "type": "insults"},
    ...                   {"from": "b", "to": "r", "type": "undercuts"}]})
    >>> for d in check(m, select=["E"]):
    ...     print(d.format())
    <map>: error E017 [b->r] relation 'r' (insults) denies nothing, so there is nothing
    to undercut: aim at a 'supports' or 'rebuts' relation
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks import Context, Finding, rule
from argmap.checks._tools import relation_label
from argmap.diagnostics import Severity
from argmap.model import MOVES, RelationType

__all__: list[str] = []


@rule("E014", "self-loop", Severity.ERROR, "A relation links a node to itself.")
def _self_loop(ctx: Context) -> Iterator[Finding]:
    for i, rel in enumerate(ctx.map.relations):
        # An undercut's 'to' is a relation id; one that names a node is E017's.
        if rel.source == rel.target and rel.type is not RelationType.UNDERCUTS:
            yield Finding(
                f"{rel.source!r} {rel.type.value} itself", relation_label(rel), f"relations[{i}]"
            )


@rule(
    "E015",
    "supports-and-rebuts",
    Severity.ERROR,
    "The same two nodes are linked both by 'supports' and by 'rebuts'.",
)
def _supports_and_rebuts(ctx: Context) -> Iterator[Finding]:
    # Only the relations that count: a contrast or an insult beside a support is no
    # contradiction.
    seen: dict[tuple[str, str], tuple[RelationType, int]] = {}
    for i, rel in enumerate(ctx.map.relations):
        a, b = rel.source, rel.target
        if a == b or (
            rel.type is not RelationType.SUPPORTS and rel.type is not RelationType.REBUTS
        ):
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in seen and seen[pair][0] is not rel.type:
            other = ctx.map.relations[seen[pair][1]]
            yield Finding(
                f"{rel.source!r} {rel.type.value} {rel.target!r}, but relations[{seen[pair][1]}] "
                f"says {other.source!r} {other.type.value} {other.target!r}",
                relation_label(rel),
                f"relations[{i}]",
            )
        else:
            seen.setdefault(pair, (rel.type, i))


@rule(
    "E016",
    "undercut-aim-unknown",
    Severity.ERROR,
    "An undercut aims at an id that no relation has.",
)
def _undercut_aim_unknown(ctx: Context) -> Iterator[Finding]:
    nodes = ctx.node_index
    relations = ctx.relation_index
    others = {s.id: "a source" for s in ctx.map.sources} | {
        p.id: "a party" for p in ctx.map.parties
    }
    for i, rel in enumerate(ctx.map.relations):
        if (
            rel.type is RelationType.UNDERCUTS
            and rel.target not in relations
            and rel.target not in nodes
        ):
            what = f" ({rel.target!r} is {others[rel.target]})" if rel.target in others else ""
            yield Finding(
                f"undercut aims at {rel.target!r}, which is no relation id{what}: "
                "give the relation it means an id and aim at that",
                relation_label(rel),
                f"relations[{i}].to",
            )


@rule(
    "E017",
    "undercut-aim-invalid",
    Severity.ERROR,
    "An undercut aims at a claim, evidence, move or undercut, not a supports or rebuts.",
)
def _undercut_aim_invalid(ctx: Context) -> Iterator[Finding]:
    nodes = ctx.node_index
    relations = ctx.relation_index
    for i, rel in enumerate(ctx.map.relations):
        if rel.type is not RelationType.UNDERCUTS:
            continue
        to = rel.target
        if to in relations:
            aimed = ctx.map.relations[relations[to]]
            if aimed.type in MOVES:
                msg = (
                    f"relation {to!r} ({aimed.type.value}) denies nothing, so there is nothing "
                    "to undercut: aim at a 'supports' or 'rebuts' relation"
                )
            elif aimed.type is RelationType.UNDERCUTS:
                msg = (
                    f"relation {to!r} is itself an undercut, which cannot be undercut: "
                    f"rebut {aimed.source!r}, where it starts, instead"
                )
            else:
                continue
        elif to in nodes:
            what = "a claim" if nodes[to].startswith("claims") else "evidence"
            msg = (
                f"{to!r} is {what}, not a relation: undercuts aim at a relation; "
                "give the relation an id and aim at it"
            )
        else:
            continue  # E016
        yield Finding(msg, relation_label(rel), f"relations[{i}].to")


@rule(
    "W104",
    "self-contradiction",
    Severity.WARNING,
    "A party asserts two claims of which one rebuts the other.",
)
def _self_contradiction(ctx: Context) -> Iterator[Finding]:
    claims = ctx.map.claim_by_id()
    for i, rel in enumerate(ctx.map.relations):
        if rel.type is not RelationType.REBUTS:
            continue
        a, b = claims.get(rel.source), claims.get(rel.target)
        if a is None or b is None or a.id == b.id:
            continue
        for party in sorted(set(a.asserted_by) & set(b.asserted_by)):
            yield Finding(
                f"party {party!r} asserts both {a.id!r} and {b.id!r}, which it rebuts",
                relation_label(rel),
                f"relations[{i}]",
            )


@rule("W110", "duplicate-relation", Severity.WARNING, "The same relation is given twice.")
def _duplicate_relation(ctx: Context) -> Iterator[Finding]:
    # One finding per relation given more than once, at its second copy, counting the
    # copies: a file repeating one relation 100,000 times gives one line, not 99,999.
    relations = ctx.map.relations
    keys = [(rel.source, rel.target, rel.type) for rel in relations]
    if len(set(keys)) == len(keys):  # the usual case, told at C speed
        return
    first: dict[tuple[str, str, RelationType], int] = {}
    copies: dict[tuple[str, str, RelationType], list[int]] = {}
    for i, key in enumerate(keys):
        if key in first:
            copies.setdefault(key, []).append(i)
        else:
            first[key] = i
    for key, where in copies.items():
        i = where[0]
        more = f" (and {len(where) - 1} more copies)" if len(where) > 1 else ""
        yield Finding(
            f"same relation as relations[{first[key]}]{more}",
            relation_label(relations[i]),
            f"relations[{i}]",
        )
