"""Escaping for DOT: quoted strings for ids, labels and tooltips, correct for every string.

Example:
    >>> dot_quote('say "hi" \\\\ <b>')
    '"say \\\\"hi\\\\" \\\\\\\\ <b>"'
"""

from __future__ import annotations

import re
import textwrap

__all__ = [
    "clean",
    "dot_id",
    "dot_label",
    "dot_quote",
    "shorten",
    "wrap",
]

# Characters XML 1.0 cannot hold (SVG is XML), and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Return ``text`` with the characters XML cannot hold replaced by U+FFFD.

    Example:
        >>> clean("a\\x00b")
        'a\\ufffdb'
    """
    return _FORBIDDEN.sub("\ufffd", text)


def dot_quote(text: str) -> str:
    """Return ``text`` as a DOT double-quoted string whose value is ``text`` itself.

    Backslashes are doubled (so ``\\N`` or ``\\l`` are never read as escapes),
    quotes escaped, and line breaks become ``\\n``.
    """
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def dot_label(text: str) -> str:
    """Return ``text`` as a DOT string for a label or tooltip, which Graphviz reads with
    entity references (``&amp;``): the ampersand is escaped too.

    Example:
        >>> dot_label("R&D &amp; co")
        '"R&amp;D &amp;amp; co"'
    """
    return dot_quote(text.replace("&", "&amp;"))


def dot_id(node: str) -> str:
    """Return a node id usable in DOT (always quoted).

    Example:
        >>> dot_id("musk-sues")
        '"musk-sues"'
    """
    return dot_quote(node)


def wrap(text: str, width: int) -> str:
    """Return ``text`` on lines of at most ``width`` characters (words kept whole when
    they fit), joined by newlines.

    Example:
        >>> wrap("one two three", 7)
        'one two\\nthree'
    """
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True)
    return "\n".join(lines) or text.strip()


def shorten(text: str, limit: int) -> str:
    """Return ``text`` on one line, cut at a word before ``limit`` characters with '…'.

    Example:
        >>> shorten("un deux trois quatre", 12)
        'un deux…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"
