"""Rules about ids: each is given once, and each one named resolves.

Example:
    >>> from argmap.checks import check
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "questions": [{"id": "q", "text": "Did it happen?"}],
    ...     "claims": [{"id": "a", "text": "A", "answers": [{"question": "q2"}]}]})
    >>> [d.code for d in check(m, select=["E019", "W111"])]
    ['E019', 'W111']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from argmap.checks import Context, Finding, rule
from argmap.checks._tools import relation_label
from argmap.diagnostics import Severity
from argmap.model import RelationType

__all__: list[str] = []


@rule(
    "E010",
    "duplicate-id",
    Severity.ERROR,
    "Two sources, parties or questions, or two claims/evidence, share an id.",
)
def _duplicate_id(ctx: Context) -> Iterator[Finding]:
    m = ctx.map
    groups: list[tuple[str, list[tuple[str, Sequence[Any]]]]] = [
        ("source", [("sources", m.sources)]),
        ("party", [("parties", m.parties)]),
        ("question", [("questions", m.questions)]),
        ("claim or evidence", [("claims", m.claims), ("evidence", m.evidence)]),
    ]
    for kind, lists in groups:
        ids = [item.id for _, items in lists for item in items]
        if len(set(ids)) == len(ids):  # the usual case, told at C speed
            continue
        first: dict[str, str] = {}
        for name, items in lists:
            for i, item in enumerate(items):
                ident = item.id
                if ident in first:
                    message = f"{kind} id {ident!r} is already used at {first[ident]}"
                    yield Finding(message, ident, f"{name}[{i}].id")
                else:
                    first[ident] = f"{name}[{i}]"


@rule(
    "E011",
    "dangling-endpoint",
    Severity.ERROR,
    "A relation starts or ends at an id that is no claim or evidence.",
)
def _dangling_endpoint(ctx: Context) -> Iterator[Finding]:
    nodes = ctx.node_index
    relations = ctx.map.relations
    named = {rel.source for rel in relations}
    named.update(rel.target for rel in relations if rel.type is not RelationType.UNDERCUTS)
    if nodes.keys() >= named:  # the usual case: every end is a node
        return
    others = {s.id: "a source" for s in ctx.map.sources} | {
        p.id: "a party" for p in ctx.map.parties
    }
    for i, rel in enumerate(ctx.map.relations):
        ends = [(rel.source, "from", "starts")]
        if rel.type is not RelationType.UNDERCUTS:  # an undercut ends at a relation: E016/E017
            ends.append((rel.target, "to", "ends"))
        for end, field, word in ends:
            if end not in nodes:
                what = f" ({end!r} is {others[end]})" if end in others else ""
                yield Finding(
                    f"relation {word} at {end!r}, which is no claim or evidence{what}",
                    relation_label(rel),
                    f"relations[{i}].{field}",
                )


@rule("E012", "unknown-source", Severity.ERROR, "Evidence names a source the map does not list.")
def _unknown_source(ctx: Context) -> Iterator[Finding]:
    known = {s.id for s in ctx.map.sources}
    for i, ev in enumerate(ctx.map.evidence):
        if ev.source not in known:
            yield Finding(f"unknown source {ev.source!r}", ev.id, f"evidence[{i}].source")


@rule(
    "E013",
    "unknown-party",
    Severity.ERROR,
    "A claim, evidence, source or party names a party the map does not list.",
)
def _unknown_party(ctx: Context) -> Iterator[Finding]:
    known = {p.id for p in ctx.map.parties}
    for i, s in enumerate(ctx.map.sources):
        if s.reporter is not None and s.reporter not in known:
            yield Finding(f"unknown party {s.reporter!r}", s.id, f"sources[{i}].reporter")
    for i, c in enumerate(ctx.map.claims):
        for j, pid in enumerate(c.asserted_by):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", c.id, f"claims[{i}].asserted_by[{j}]")
    for i, e in enumerate(ctx.map.evidence):
        if e.reporter is not None and e.reporter not in known:
            yield Finding(f"unknown party {e.reporter!r}", e.id, f"evidence[{i}].reporter")
        for j, pid in enumerate(e.speaker):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", e.id, f"evidence[{i}].speaker[{j}]")
    for i, p in enumerate(ctx.map.parties):
        for j, pid in enumerate(p.members):
            if pid not in known:
                yield Finding(f"unknown party {pid!r}", p.id, f"parties[{i}].members[{j}]")


@rule(
    "E018",
    "relation-id-clash",
    Severity.ERROR,
    "A relation id is used twice, or is also a claim's, evidence's or question's id.",
)
def _relation_id_clash(ctx: Context) -> Iterator[Finding]:
    taken = dict(ctx.node_index)
    for i, q in enumerate(ctx.map.questions):
        taken.setdefault(q.id, f"questions[{i}]")
    first = ctx.relation_index
    for i, rel in enumerate(ctx.map.relations):
        if rel.id is None:
            continue
        path = f"relations[{i}].id"
        if first[rel.id] != i:
            yield Finding(
                f"relation id {rel.id!r} is already used at relations[{first[rel.id]}]: "
                "give each relation its own id",
                relation_label(rel),
                path,
            )
        elif rel.id in taken:
            yield Finding(
                f"relation id {rel.id!r} is also the id of {taken[rel.id]}: "
                "give the relation an id of its own",
                relation_label(rel),
                path,
            )


@rule(
    "E019", "unknown-question", Severity.ERROR, "A claim answers a question the map does not list."
)
def _unknown_question(ctx: Context) -> Iterator[Finding]:
    known = {q.id for q in ctx.map.questions}
    for i, c in enumerate(ctx.map.claims):
        for j, answer in enumerate(c.answers):
            if answer.question not in known:
                yield Finding(
                    f"answers unknown question {answer.question!r}: add it to 'questions'",
                    c.id,
                    f"claims[{i}].answers[{j}].question",
                )


@rule("W111", "unanswered-question", Severity.WARNING, "No claim answers the question.")
def _unanswered_question(ctx: Context) -> Iterator[Finding]:
    answered = {a.question for c in ctx.map.claims for a in c.answers}
    seen: set[str] = set()
    for i, q in enumerate(ctx.map.questions):
        if q.id not in answered and q.id not in seen:
            yield Finding(
                "no claim answers this question: add it to a claim's 'answers', or drop it",
                q.id,
                f"questions[{i}]",
            )
        seen.add(q.id)
