"""Argdown export: the map as text that Argdown's own tools parse.

The map's title is a heading. Each claim is a statement ``[id]: text #(party)``
tagged with the ids of the parties who assert it; each quote a statement
``[id]: « quote » #(speaker) #(source) #(evidence)`` tagged with its speakers,
its source's id, ``evidence`` and, when its source is AI-generated,
``ai-generated``. Under each statement come its outgoing relations,
``+> [target]`` for supports and ``-> [target]`` for rebuts. Every character Argdown gives a
meaning to (brackets, ``#``, ``<``, ``>``, ``*``, ``_``, ``/``, ``@`` ...) is
escaped with a backslash (dots included, which Argdown's lexer needs next to
other escapes), and line breaks become spaces, so no text can change
the structure.

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

import re
from typing import Any

from argmap.formats import writer
from argmap.model import ArgumentMap
from argmap.render.quoting import clean

__all__ = ["argdown_text", "to_argdown"]

# Dots too: next to a backslash, an unescaped dot stops Argdown's lexer from reading
# the escapes around it.
_SPECIAL = re.compile(r"([\\\[\]<>#@*_{}:/+\-()!~^=|`$.])")


def argdown_text(text: str) -> str:
    """Return ``text`` on one line with Argdown's syntax characters escaped.

    Example:
        >>> argdown_text("a <b> // c")
        'a \\\\<b\\\\> \\\\/\\\\/ c'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))


def _tag(name: str) -> str:
    return "#(" + re.sub(r"[()\\]", "", " ".join(name.split())) + ")"


def to_argdown(m: ArgumentMap) -> str:
    """Return the map as Argdown text: one statement per claim and per quote, each
    followed by its outgoing relations.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "sources": [{"id": "tv", "title": "TV", "text": "I said: no."}],
        ...     "parties": [{"id": "bo", "name": "Bo"}],
        ...     "claims": [{"id": "yes", "text": "Yes.", "asserted_by": ["bo"]}],
        ...     "evidence": [{"id": "q", "source": "tv", "quote": "no", "speaker": ["bo"]}],
        ...     "relations": [{"from": "q", "to": "yes", "type": "rebuts"}]})
        >>> print(to_argdown(m))
        [yes]: Yes\\. #(bo)
        <BLANKLINE>
        [q]: « no » #(bo) #(tv) #(evidence)
          -> [yes]
        <BLANKLINE>
    """
    sources = m.source_by_id()
    outgoing: dict[str, list[str]] = {}
    for rel in m.relations:
        arrow = "+>" if rel.type.value == "supports" else "->"
        outgoing.setdefault(rel.source, []).append(f"  {arrow} [{rel.target}]")
    blocks: list[str] = []
    if m.title:
        blocks.append(f"# {argdown_text(m.title)}\n")
    seen: set[str] = set()
    for claim in m.claims:
        if claim.id in seen:
            continue
        seen.add(claim.id)
        tags = "".join(f" {_tag(p)}" for p in claim.asserted_by)
        lines = [f"[{claim.id}]: {argdown_text(claim.text)}{tags}", *outgoing.get(claim.id, [])]
        blocks.append("\n".join(lines) + "\n")
    for ev in m.evidence:
        if ev.id in seen:
            continue
        seen.add(ev.id)
        src = sources.get(ev.source)
        tags = "".join(f" {_tag(p)}" for p in ev.speaker) + f" {_tag(ev.source)} #(evidence)"
        if src is not None and src.is_ai_generated:
            tags += " #(ai-generated)"
        text = argdown_text(f"« {ev.quote} »")
        lines = [f"[{ev.id}]: {text}{tags}", *outgoing.get(ev.id, [])]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


@writer("argdown", extensions=(".argdown", ".ad"), description="Argdown")
def _write(m: ArgumentMap, **_: Any) -> str:
    return to_argdown(m)
