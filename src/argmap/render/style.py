"""The visual grammar shared by the picture, the HTML page and the Mermaid export:
side colours, how each verdict and each kind of relation is drawn, and the short
"who, how surely" line under a claim.

Colours are Okabe-Ito's, told apart by colour-blind readers too; every distinction
is also made by line, arrowhead or a word, never by colour alone.

Example:
    >>> RELATION_STYLES["rebuts"].line, RELATION_STYLES["insults"].label
    ('dashed', 'insults')
    >>> via_node("a", "b"), parse_via("argmap:via:a:b")
    ('argmap:via:a:b', ('a', 'b'))
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.attribution import Attribution
from argmap.model import MOVES, ArgumentMap, Party
from argmap.status import VERDICT_MEANINGS, VERDICT_WORDS

__all__ = [
    "AI_STYLE",
    "META_COLOUR",
    "MOVE_COLOUR",
    "NEUTRAL",
    "NEUTRAL_SIDES",
    "NOTE_STYLE",
    "PALETTE",
    "REBUT_COLOUR",
    "RELATION_STYLES",
    "SUPPORT_COLOUR",
    "UNDERCUT_COLOUR",
    "UNDERCUT_ID",
    "VERDICT_MEANINGS",
    "VERDICT_STYLES",
    "VERDICT_WORDS",
    "VIA_PREFIX",
    "RelationStyle",
    "VerdictStyle",
    "parse_via",
    "short_line",
    "side_colours",
    "side_label",
    "via_node",
]

# Okabe-Ito: (border, fill tint). Fills are light so black text stays legible.
PALETTE: list[tuple[str, str]] = [
    ("#E69F00", "#FBE3B0"),  # orange
    ("#56B4E9", "#CDE8F8"),  # sky blue
    ("#009E73", "#BFE7DA"),  # bluish green
    ("#CC79A7", "#F1D9E6"),  # reddish purple
    ("#F0E442", "#FAF6C4"),  # yellow
    ("#0072B2", "#BFDBEC"),  # blue
]
#: (border, fill) of claims by observers, and by nobody known.
NEUTRAL = ("#777777", "#E8E8E8")
#: Sides that report or comment rather than take part: grey, and drawn apart.
NEUTRAL_SIDES = frozenset({"observers", "neutral"})
SUPPORT_COLOUR = "#009E73"
REBUT_COLOUR = "#D55E00"
UNDERCUT_COLOUR = "#882E72"
MOVE_COLOUR = "#808080"
#: (border, fill, text) of evidence quoted from an AI-generated source.
AI_STYLE = ("#6E5C8A", "#E9E3F1", "#4B3D66")
NOTE_STYLE = ("#555555", "#FFFFFF")
META_COLOUR = "#333333"


@dataclass(frozen=True)
class VerdictStyle:
    """How a claim's box shows its verdict.

    Attributes:
        tag: the word printed in the box, in capitals.
        penwidth: the border's width.
        dashed: a dashed border.
        colour: the colour of the tag and of the page's badge.
    """

    tag: str
    penwidth: float
    dashed: bool
    colour: str


#: Verdict word to the way a claim with that verdict is drawn.
VERDICT_STYLES: dict[str, VerdictStyle] = {
    "holds": VerdictStyle("HOLDS", 3.5, False, "#007A5A"),
    "answered": VerdictStyle("ANSWERED", 1.2, False, "#B34700"),
    "contested": VerdictStyle("CONTESTED", 2.2, False, "#6B5B00"),
    "unsupported": VerdictStyle("UNSUPPORTED", 1.2, True, "#5A5A60"),
}


@dataclass(frozen=True)
class RelationStyle:
    """How one kind of relation is drawn.

    Attributes:
        colour: the line's colour.
        penwidth: the line's width.
        line: 'solid', 'dashed' or 'dotted'.
        arrowhead: Graphviz's arrowhead at the target ('normal', 'tee', 'empty').
        label: the word written on the line, when it needs one.
        meaning: what it means, for legends.
    """

    colour: str
    penwidth: float
    line: str
    arrowhead: str
    label: str | None
    meaning: str


#: Relation type to the way it is drawn.
RELATION_STYLES: dict[str, RelationStyle] = {
    "supports": RelationStyle(SUPPORT_COLOUR, 1.5, "solid", "normal", None, "supports"),
    "rebuts": RelationStyle(REBUT_COLOUR, 2.2, "dashed", "tee", None, "rebuts: denies it"),
    "undercuts": RelationStyle(
        UNDERCUT_COLOUR, 2.2, "dashed", "tee", "undercuts", "undercuts: this does not show that"
    ),
    **{
        move.value: RelationStyle(
            MOVE_COLOUR, 1.4, "dotted", "empty", move.value, f"{move.value}: denies nothing"
        )
        for move in sorted(MOVES)
    },
}

#: Ids of the points that stand on undercut relations start so (map ids hold no ':').
VIA_PREFIX = "argmap:via:"
#: The SVG id of an undercut's line: this, then ``undercutter:tail:head``.
UNDERCUT_ID = "argmap:undercut:"


def via_node(tail: str, head: str) -> str:
    """Return the id of the point drawn on the relation from ``tail`` to ``head``, where
    the undercuts of that relation end (no picture format ends an edge on an edge)."""
    return f"{VIA_PREFIX}{tail}:{head}"


def parse_via(node: str) -> tuple[str, str] | None:
    """Return the relation ``(tail, head)`` a point of :func:`via_node` stands on, or
    None for any other node.

    Example:
        >>> parse_via("musk-sues"), parse_via(via_node("e", "c"))
        (None, ('e', 'c'))
    """
    if not node.startswith(VIA_PREFIX):
        return None
    tail, sep, head = node[len(VIA_PREFIX) :].partition(":")
    return (tail, head) if sep and tail and head and ":" not in head else None


def _party_side(party: Party) -> str:
    return party.side or party.id


def side_colours(m: ArgumentMap) -> dict[str, tuple[str, str]]:
    """Return (border, fill) colours for each side, in the order sides first appear.

    A side named 'observers' or 'neutral' (people who report or comment) is grey.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"parties": [
        ...     {"id": "a", "name": "A", "side": "x"}, {"id": "b", "name": "B", "side": "y"}]})
        >>> side_colours(m)
        {'x': ('#E69F00', '#FBE3B0'), 'y': ('#56B4E9', '#CDE8F8')}
    """
    out: dict[str, tuple[str, str]] = {}
    k = 0
    for p in m.parties:
        side = _party_side(p)
        if side in out:
            continue
        if side in NEUTRAL_SIDES:
            out[side] = NEUTRAL
        else:
            out[side] = PALETTE[k % len(PALETTE)]
            k += 1
    return out


def side_label(m: ArgumentMap, side: str) -> str:
    """Return the name a side is shown under: its one party's name, the first party's
    name with "'s side", or 'Observers and reporters'.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"parties": [
        ...     {"id": "a", "name": "Ann", "side": "x"}, {"id": "b", "name": "Bob", "side": "x"}]})
        >>> side_label(m, "x")
        "Ann's side"
    """
    if side in NEUTRAL_SIDES:
        return "Observers and reporters"
    members = [p.name for p in m.parties if _party_side(p) == side]
    if len(members) == 1:
        return members[0]
    return f"{members[0]}'s side" if members else side


def short_line(words: Attribution, claim_id: str) -> str:
    """Return the short line under a claim: who asserts it and how surely, such as
    'Elon Musk · reportedly' (the long form is :meth:`Attribution.claim_line`).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "m", "name": "Musk"}, {"id": "a", "name": "Altman"}],
        ...     "claims": [{"id": "c", "text": "C", "asserted_by": ["m", "a"],
        ...                 "hedge": "alleges"}]})
        >>> short_line(Attribution(m), "c")
        'Musk, Altman · reportedly'
    """
    names = words.asserters(claim_id)
    hedge = words.hedge_words(words.claim_hedge(claim_id), bool(names))
    return " · ".join(x for x in (", ".join(names), hedge) if x)
