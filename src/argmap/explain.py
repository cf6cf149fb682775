"""Why a claim holds, is answered, contested or unsupported: a verdict's reasons.

The reasons are a dispute tree (Dung, Kowalski and Toni 2006; explanations as dispute
trees, Fan and Toni 2015) read off the grounded labelling of the map's framework: for
a claim that holds, each attack on it and the answer that defeats it; for one that is
answered, the attack that holds and what it rests on; for a contested one, the attacks
left open; for an unsupported one, the missing or failing support. Each quote is shown
once, with its credit line (reporter, speaker, hedge) and ``source:line:column``.

:func:`explain` gives a short account by default (about a dozen lines) and the whole
tree with ``full=True``; :func:`dispute_tree` gives the tree as JSON-ready data.

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "parties": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
    ...     "sources": [{"id": "s", "title": "S", "text": "Il pleut. Non.", "reporter": "ann"}],
    ...     "claims": [{"id": "rain", "text": "It rains.", "asserted_by": ["ann"]},
    ...                {"id": "dry", "text": "It is dry.", "asserted_by": ["bob"]}],
    ...     "evidence": [{"id": "ev", "source": "s", "quote": "Il pleut."}],
    ...     "relations": [{"from": "ev", "to": "rain", "type": "supports"},
    ...                   {"from": "dry", "to": "rain", "type": "rebuts"}]})
    >>> print(explain(m, "rain"))
    rain: According to Ann: It rains.
      HOLDS: every attack on it is answered.
      Backed by 1 quote:
        « Il pleut. » — Ann, s:1:1
      Attacks that count (1):
        - dry [unsupported]: nothing supports it: no quote or claim backs it
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.attribution import Attribution
from argmap.graph import CLAIM, EVIDENCE
from argmap.model import HEDGE_ORDER, MOVES, ArgumentMap
from argmap.provenance import prove_quotes
from argmap.semantics.framework import Framework
from argmap.semantics.grounded import Labelling, grounded
from argmap.status import Verdict, verdicts

__all__ = ["MAX_DEPTH", "dispute_tree", "explain"]

#: How many levels a dispute tree follows at most: a tree is read by people, and one
#: nested deeper than this could not be written as JSON or indented on a screen.
MAX_DEPTH = 100

_SHORT_QUOTES = 2  # key quotes in the short account
_SHORT_ATTACKS = 4  # attacks listed in the short account
_SHORT_SUPPORTS = 3  # supporting claims listed in the short account
_QUOTE_WIDTH = 110  # a quote is shortened to this many characters in the short account


@dataclass
class _Context:
    """What an account needs, built once: the framework, its labels and verdicts, the
    words for each claim and quote, where each quote stands."""

    m: ArgumentMap
    fw: Framework
    lab: Labelling
    found: list[Verdict]
    words: Attribution
    places: dict[str, str]
    attackers: list[list[tuple[int, int]]]
    supporters: list[list[tuple[int, int]]]
    cutters: dict[int, list[int]]
    moves: dict[str, list[tuple[str, str]]]
    evidence: dict[str, Any]
    claims: dict[str, Any]
    sides: dict[str, str | None]
    neutral: set[str | None]  # the sources' reporters' sides (and no side)

    @classmethod
    def build(
        cls,
        m: ArgumentMap,
        node: str,
        depth: int,
        preference: str | None,
        support: bool,
    ) -> _Context:
        fw = Framework.from_map(m, support=support, preference=preference)
        try:
            target = fw.number(node)
        except KeyError:
            raise KeyError(node) from None
        lab = grounded(fw)
        attackers: list[list[tuple[int, int]]] = [[] for _ in range(fw.n + 1)]
        supporters: list[list[tuple[int, int]]] = [[] for _ in range(fw.n + 1)]
        for k, (u, v) in enumerate(fw.attacks):
            attackers[v].append((u, k))
        a = len(fw.attacks)
        for k, (u, v) in enumerate(fw.supports):
            supporters[v].append((u, a + k))
        cutters: dict[int, list[int]] = {}
        for c, k in fw.undercuts:
            cutters.setdefault(k, []).append(c)
        moves: dict[str, list[tuple[str, str]]] = {}
        for rel in m.relations:
            if rel.type in MOVES:
                moves.setdefault(rel.target, []).append((rel.source, rel.type.value))
        near = _within(fw, attackers, supporters, cutters, target, depth + 1)
        names = {fw.name(i) for i in near if fw.kinds.get(i) == EVIDENCE}
        evidence = m.evidence_by_id()
        places: dict[str, str] = {}
        for ev_id, proof in prove_quotes(m, only=names).items():
            where = evidence[ev_id].source
            if proof.line is not None:
                where += f":{proof.line}:{proof.column}"
            places[ev_id] = where
        sides = {p.id: p.side for p in m.parties}
        return cls(
            m,
            fw,
            lab,
            verdicts(fw, lab),
            Attribution(m),
            places,
            attackers,
            supporters,
            cutters,
            moves,
            evidence,
            m.claim_by_id(),
            sides,
            {sides.get(s.reporter) for s in m.sources if s.reporter} | {None},
        )

    def verdict(self, i: int) -> Verdict:
        return self.found[i]

    def quote_line(self, i: int, width: int | None = None) -> str:
        ev = self.evidence[self.fw.name(i)]
        text = " ".join(ev.quote.split())
        if width is not None and len(text) > width:
            text = text[: width - 1].rstrip() + "…"
        where = self.places.get(ev.id, ev.source)
        return f"« {text} » — {self.words.quote_credit(ev.id)}, {where}"

    def describe(self, i: int) -> str:
        name = self.fw.name(i)
        if self.fw.kinds.get(i) == CLAIM:
            return self.words.claim_line(name)
        return self.quote_line(i)

    def quotes_behind(self, i: int, counting: bool = False) -> list[int]:
        """The quotes that reach argument ``i`` through supports, nearest first; with
        ``counting``, only through supports still in force (not undercut away)."""
        seen = {i}
        frontier = [i]
        out: list[int] = []
        for x in frontier:  # grows while it is read: breadth first
            for u, k in self.supporters[x]:
                if u in seen or (counting and self.lab.relation_label(k).value == "out"):
                    continue
                seen.add(u)
                if self.fw.kinds.get(u) == EVIDENCE:
                    out.append(u)
                else:
                    frontier.append(u)
        return out

    def independence(self, i: int, voices: list[str]) -> int:
        """How far ``voices`` (parties) stand from the asserters of claim ``i``: 2 when
        one of them asserts the claim (it rests on their own word), 0 when one is of
        another camp than the asserters and the sources' reporters (the other side
        grants it), else 1 (a reporter's narration, a third party)."""
        claim = self.claims.get(self.fw.name(i))
        own = set(claim.asserted_by) if claim is not None else set()
        if own & set(voices):
            return 2
        # The side of the sources' reporters is the narrators', not another camp's.
        sides = {self.sides.get(p) for p in own} | self.neutral
        return 0 if any(self.sides.get(p) not in sides for p in voices) else 1

    def key_quotes(self, i: int) -> list[int]:
        """The quotes that best show why argument ``i`` stands: those still in force,
        quotes from the other side first, then quotes that do not rest on the claim's
        asserters' word alone, then the surest, then the nearest."""
        quotes = self.quotes_behind(i, counting=True)
        order = {q: n for n, q in enumerate(quotes)}

        def rank(q: int) -> tuple[int, int, int]:
            name = self.fw.name(q)
            ev = self.evidence[name]
            hedge = HEDGE_ORDER.index(self.words.quote_hedge(name))
            return (self.independence(i, ev.speaker), hedge, order[q])

        return sorted(quotes, key=rank)


def _within(
    fw: Framework,
    attackers: list[list[tuple[int, int]]],
    supporters: list[list[tuple[int, int]]],
    cutters: dict[int, list[int]],
    node: int,
    depth: int,
) -> set[int]:
    """The arguments from which at most ``depth`` steps lead to ``node``."""
    seen = {node}
    frontier = [node]
    for _ in range(depth):
        nxt = []
        for x in frontier:
            for u, k in [*attackers[x], *supporters[x]]:
                for y in (u, *cutters.get(k, ())):
                    if y not in seen:
                        seen.add(y)
                        nxt.append(y)
        frontier = nxt
    return seen


def _short(ctx: _Context, i: int) -> list[str]:
    fw = ctx.fw
    name = fw.name(i)
    v = ctx.verdict(i)
    lines = [f"{name}: {ctx.describe(i) if fw.kinds.get(i) == CLAIM else ctx.quote_line(i)}"]
    lines.append(f"  {v.word.upper()}: {v.reason}.")
    if fw.kinds.get(i) == CLAIM:
        quotes = ctx.key_quotes(i)
        every = len(ctx.quotes_behind(i))
        if quotes:
            noun = "quote" if len(quotes) == 1 else "quotes"
            cut = f" ({every - len(quotes)} more undercut away)" if every > len(quotes) else ""
            lines.append(f"  Backed by {len(quotes)} {noun}{cut}:")
            lines.extend(f"    {ctx.quote_line(q, _QUOTE_WIDTH)}" for q in quotes[:_SHORT_QUOTES])
        elif ctx.supporters[i]:
            lines.append("  No quote reaches it through what supports it.")
        if v.word == "holds":
            held = sorted(
                (
                    u
                    for u, k in ctx.supporters[i]
                    if fw.kinds.get(u) == CLAIM
                    and ctx.lab.relation_label(k).value == "in"
                    and ctx.verdict(u).word == "holds"
                ),
                key=lambda u: ctx.independence(i, ctx.claims[fw.name(u)].asserted_by),
            )
            for u in held[:_SHORT_SUPPORTS]:
                lines.append(f"  Rests on {fw.name(u)} [holds]: {ctx.describe(u)}")
            if len(held) > _SHORT_SUPPORTS:
                lines.append(f"    ... and {len(held) - _SHORT_SUPPORTS} more (--full)")
    if v.word == "answered":
        for w in v.deciders[:_SHORT_ATTACKS]:
            wv = ctx.verdict(w)
            lines.append(f"  Answered by {fw.name(w)} [{wv.word}]: {ctx.describe(w)}")
            for q in ctx.quotes_behind(w)[:1]:
                lines.append(f"    backed by {ctx.quote_line(q, _QUOTE_WIDTH)}")
    else:
        attacks = ctx.attackers[i]
        if attacks:
            lines.append(f"  Attacks that count ({len(attacks)}):")
            for u, k in attacks[:_SHORT_ATTACKS]:
                lines.append(f"    - {fw.name(u)} [{ctx.verdict(u).word}]: {_why_fails(ctx, u, k)}")
            if len(attacks) > _SHORT_ATTACKS:
                lines.append(f"    ... and {len(attacks) - _SHORT_ATTACKS} more (--full)")
        for u, k in ctx.supporters[i]:
            for c in ctx.cutters.get(k, ()):
                cv = ctx.verdict(c)
                effect = (
                    "that support no longer counts"
                    if cv.word == "holds"
                    else "the challenge fails"
                    if cv.label.value == "out"
                    else "the challenge is open"
                )
                lines.append(
                    f"  Its support from {fw.name(u)} is undercut by {fw.name(c)} [{cv.word}]: "
                    f"{effect}"
                )
    moves = ctx.moves.get(name, [])
    if moves:
        said = ", ".join(f"{src} ({kind})" for src, kind in moves[:3])
        more = f" and {len(moves) - 3} more" if len(moves) > 3 else ""
        lines.append(f"  Not counted (deny nothing): {said}{more}")
    return lines


def _why_fails(ctx: _Context, u: int, k: int) -> str:
    """Why attack ``k`` from ``u`` does or does not bring its target down, in a line."""
    label = ctx.lab.relation_label(k)
    cut = [c for c in ctx.cutters.get(k, ()) if ctx.lab.label(c).value == "in"]
    if cut and label.value == "out":
        return f"undercut by {', '.join(str(ctx.fw.name(c)) for c in cut)}"
    return ctx.verdict(u).reason


def _tree(
    ctx: _Context, i: int, depth: int, path: tuple[int, ...], shown: set[int]
) -> dict[str, Any]:
    fw = ctx.fw
    name = fw.name(i)
    v = ctx.verdict(i)
    node: dict[str, Any] = {"id": name, "kind": fw.kinds.get(i), "verdict": v.word}
    node["reason"] = v.reason
    if fw.kinds.get(i) == EVIDENCE:
        ev = ctx.evidence[name]
        node.update(
            quote=ev.quote,
            translation=ev.translation,
            credit=ctx.words.quote_credit(name),
            hedge=ctx.words.quote_hedge(name).value,
            translated=ev.translated,
            where=ctx.places.get(name, ev.source),
        )
    else:
        node.update(
            text=ctx.claims[name].text,
            line=ctx.words.claim_line(name),
            asserted_by=ctx.words.asserters(name),
            hedge=ctx.words.claim_hedge(name).value,
        )
    if i in shown:
        node["see_above"] = True
        return node
    shown.add(i)
    children: list[dict[str, Any]] = []
    if depth > 0:
        links = [("supported by", u, k) for u, k in ctx.supporters[i]]
        links += [("attacked by", u, k) for u, k in ctx.attackers[i]]
        for relation, u, k in links:
            child: dict[str, Any] = {
                "relation": relation,
                "in_force": ctx.lab.relation_label(k).value,
            }
            if u in path:
                child["node"] = {"id": fw.name(u), "cycle": True, "verdict": ctx.verdict(u).word}
            else:
                child["node"] = _tree(ctx, u, depth - 1, (*path, u), shown)
            cuts = [
                _tree(ctx, c, depth - 1, (*path, c), shown)
                for c in ctx.cutters.get(k, ())
                if c not in path
            ]
            if cuts:
                child["undercut_by"] = cuts
            children.append(child)
    node["children"] = children
    moves = ctx.moves.get(name, [])
    if moves:
        node["moves"] = [{"from": src, "type": kind, "counts": False} for src, kind in moves]
    return node


def dispute_tree(
    m: ArgumentMap,
    node_id: str,
    *,
    max_depth: int = 8,
    preference: str | None = None,
    support: bool = True,
) -> dict[str, Any]:
    """Return the dispute tree of a claim or quote as JSON-ready data.

    Each node holds its id, kind, verdict and reason, a claim's line (asserters and
    hedge) or a quote's credit line and place; ``children`` are the relations into it
    ('supported by', 'attacked by'), each with ``in_force`` (the relation's own
    label), the node it comes from and the arguments that undercut it. A node already
    shown is marked ``see_above``; one met again on its own path, ``cycle``. Moves that
    deny nothing are listed under ``moves``.

    Raises:
        KeyError: ``node_id`` is no claim or quote of the map.
        ValueError: ``max_depth`` is more than :data:`MAX_DEPTH` or negative.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "c", "text": "C"}]})
        >>> t = dispute_tree(m, "c")
        >>> t["verdict"], t["children"]
        ('unsupported', [])
    """
    _check_depth(max_depth)
    ctx = _Context.build(m, node_id, max_depth, preference, support)
    i = ctx.fw.number(node_id)
    return _tree(ctx, i, max_depth, (i,), set())


def _check_depth(max_depth: int) -> None:
    if not 0 <= max_depth <= MAX_DEPTH:
        raise ValueError(f"the depth must be from 0 to {MAX_DEPTH}, not {max_depth}")


def explain(
    m: ArgumentMap,
    node_id: str,
    *,
    full: bool = False,
    max_depth: int = 8,
    preference: str | None = None,
    support: bool = True,
) -> str:
    """Return a readable account of a claim's (or quote's) verdict.

    By default a short one: the verdict and its reason, the key quotes (each once,
    with reporter, hedge and place), the attacks that decide it and why each stands or
    falls, and the moves that deny nothing. ``full=True`` gives the whole tree down to
    ``max_depth`` levels.

    Raises:
        KeyError: ``node_id`` is no claim or quote of the map.
        ValueError: ``max_depth`` is more than :data:`MAX_DEPTH` or negative.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [{"id": "c", "text": "C"}]})
        >>> print(explain(m, "c", full=True))
        c: C
          UNSUPPORTED: nothing supports it: no quote or claim backs it.
    """
    _check_depth(max_depth)
    ctx = _Context.build(m, node_id, max_depth, preference, support)
    i = ctx.fw.number(node_id)
    if not full:
        return "\n".join(_short(ctx, i))
    tree = _tree(ctx, i, max_depth, (i,), set())
    lines = [f"{node_id}: {ctx.describe(i)}", f"  {tree['verdict'].upper()}: {tree['reason']}."]
    _print_tree(tree, 1, lines)
    return "\n".join(lines)


_MARKS = {"supported by": "+ supported by", "attacked by": "- attacked by"}


def _node_text(node: dict[str, Any]) -> str:
    if node.get("cycle"):
        return f"{node['id']} [{node['verdict']}] (a cycle: it is already on this path)"
    head = f"{node['id']} [{node['verdict']}]"
    if node.get("see_above"):
        return f"{head} (shown above)"
    if node["kind"] == EVIDENCE:
        quote = " ".join(node["quote"].split())
        return f"{head}: « {quote} » — {node['credit']}, {node['where']}"
    return f"{head}: {node['line']}"


def _print_tree(node: dict[str, Any], depth: int, lines: list[str]) -> None:
    indent = "  " * depth
    for child in node.get("children", []):
        sub = child["node"]
        lines.append(f"{indent}{_MARKS[child['relation']]} {_node_text(sub)}")
        for cut in child.get("undercut_by", []):
            lines.append(f"{indent}  ~ that link is undercut by {_node_text(cut)}")
            _print_tree(cut, depth + 2, lines)
        if not sub.get("cycle") and not sub.get("see_above"):
            _print_tree(sub, depth + 1, lines)
    for move in node.get("moves", []):
        lines.append(f"{indent}· {move['type']} by {move['from']} (denies nothing; not counted)")
