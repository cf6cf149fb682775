"""Small helpers for the words argmap prints, shared by the listings and the pictures.

They import nothing else of argmap, so framework files need neither pydantic nor
networkx to be printed.
"""

from __future__ import annotations

__all__ = ["join_names"]


def join_names(names: list[str]) -> str:
    """Return names joined for a sentence: 'A', 'A and B', 'A, B and C'.

    Example:
        >>> join_names(["Musk"]), join_names(["Musk", "Altman", "OpenAI"])
        ('Musk', 'Musk, Altman and OpenAI')
    """
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
