"""Helpers shared by the rule modules."""

from __future__ import annotations

from argmap.model import Relation

__all__ = ["relation_label", "shorten"]


def relation_label(rel: Relation) -> str:
    """Return how a diagnostic names a relation: ``from->to``.

    Example:
        >>> relation_label(Relation.model_validate({"from": "a", "to": "b", "type": "rebuts"}))
        'a->b'
    """
    return f"{rel.source}->{rel.target}"


def shorten(text: str, limit: int) -> str:
    """Return ``text`` cut to ``limit`` characters, with an ellipsis when it was cut.

    Example:
        >>> shorten("abcdef", 4)
        'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
