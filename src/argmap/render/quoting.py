"""Escaping for DOT: every string a map holds becomes a label, tooltip or id that
Graphviz reads back as exactly that string, and that an SVG (XML) file can hold.

Graphviz reads text in four ways, each with its own rules:

- plain labels (``label="..."``): escape strings, where ``\\N`` is the node's name
  and ``\\n`` a line break, so backslashes are doubled; ``&`` starts an entity;
- tooltips: the same, but Graphviz expands them twice, so a backslash takes four;
- HTML-like labels (``label=<...>``): XML text, where ``& < > "`` become entities
  and backslashes are doubled (``\\N`` is expanded there too);
- ids: plain quoted strings.

Characters that XML 1.0 cannot hold (most control characters, lone surrogates,
U+FFFE, U+FFFF) become U+FFFD (the replacement character) everywhere; tabs and
carriage returns become spaces or line breaks.

Example:
    >>> print(dot_label('say "hi" \\\\N & <b>'))
    "say \\"hi\\" \\\\N &amp; <b>"
    >>> print(html_label([[Span("R&D")], [Span("<small>", size=9)]]))
    <R&amp;D<BR/><FONT POINT-SIZE="9">&lt;small&gt;</FONT>>
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "Span",
    "clean",
    "dot_id",
    "dot_label",
    "dot_quote",
    "dot_tooltip",
    "drop_leading_blank_lines",
    "html_label",
    "html_text",
    "plain_label",
    "shorten",
    "styled_label",
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


def _lines(text: str) -> str:
    """Return ``text`` cleaned, with every line end (CR LF, CR, LF) made LF."""
    return clean(text.replace("\r\n", "\n").replace("\r", "\n"))


def dot_quote(text: str) -> str:
    """Return ``text`` as a DOT double-quoted string whose value is ``text`` itself.

    Backslashes are doubled (so ``\\N`` or ``\\l`` are never read as escapes),
    quotes escaped, and line breaks become ``\\n``.

    Example:
        >>> print(dot_quote('a "b" \\\\ c\\nd'))
        "a \\"b\\" \\\\ c\\nd"
    """
    text = _lines(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def dot_label(text: str) -> str:
    """Return ``text`` as a DOT string for a plain label, which Graphviz reads with
    entity references (``&amp;``): the ampersand is escaped too. Empty lines at the
    start are dropped (see :func:`drop_leading_blank_lines`).

    Example:
        >>> dot_label("R&D &amp; co")
        '"R&amp;D &amp;amp; co"'
        >>> dot_label("\\nnom\\n")
        '"nom\\\\n"'
    """
    return dot_quote(drop_leading_blank_lines(text).replace("&", "&amp;"))


def drop_leading_blank_lines(text: str) -> str:
    """Return ``text`` without the line breaks it starts with.

    A label that starts with an empty line shows nothing more for it, and the
    embedded Graphviz (WebAssembly) corrupts its memory measuring such a label when
    the next line starts with a non-ASCII character (it then crashes, in that
    drawing or a later one). Labels never start so, whatever the engine.

    Example:
        >>> drop_leading_blank_lines("\\r\\n\\nété\\n")
        'été\\n'
    """
    return text.lstrip("\r\n")


_SPACES = re.compile("[ \t]+")


def dot_tooltip(text: str) -> str:
    """Return ``text`` as a DOT string for a tooltip.

    Graphviz expands escapes in tooltips twice, so each backslash is written as four
    (two would let ``\\N`` through as the node's name). Runs of spaces and tabs
    become one space (Graphviz would turn them into no-break spaces, an SVG reader
    tabs into spaces).

    Example:
        >>> print(dot_tooltip("C:\\\\dir & co\\nline 2"))
        "C:\\\\\\\\dir &amp; co\\nline 2"
    """
    text = _lines(text)
    if "  " in text or "\t" in text:  # else there is no run to make one space
        text = _SPACES.sub(" ", text)
    text = text.replace("&", "&amp;").replace("\\", "\\\\\\\\")
    return '"' + text.replace('"', '\\"').replace("\n", "\\n") + '"'


def dot_id(node: str) -> str:
    """Return a node id usable in DOT (always quoted).

    Example:
        >>> dot_id("musk-sues")
        '"musk-sues"'
    """
    return dot_quote(node)


def html_text(text: str) -> str:
    """Return ``text`` as the text of an HTML-like label: one line, entities escaped.

    Example:
        >>> html_text('a < b & "c" \\\\N')
        'a &lt; b &amp; &quot;c&quot; \\\\\\\\N'
    """
    text = _lines(text).replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("\\", "\\\\")


@dataclass(frozen=True)
class Span:
    """A run of label text in one style (the style shows in HTML-like labels only).

    Attributes:
        text: the text, one line.
        size: font size in points; the node's own size when None.
        bold: bold type.
        italic: italic type.
        colour: text colour such as '#333333'; the node's own when None.
    """

    text: str
    size: float | None = None
    bold: bool = False
    italic: bool = False
    colour: str | None = None


def html_label(lines: Sequence[Sequence[Span]]) -> str:
    """Return lines of styled spans as a DOT HTML-like label, ``<...>``.

    Example:
        >>> html_label([[Span("a", bold=True), Span(" b")], [Span("c", italic=True)]])
        '<<B>a</B> b<BR/><I>c</I>>'
    """
    out: list[str] = []
    for line in lines:
        parts: list[str] = []
        for span in line:
            text = html_text(span.text)
            if not text:
                continue
            start, end = _tags(span.size, span.bold, span.italic, span.colour)
            parts.append(start + text + end)
        if parts or out:  # no empty line first, as in plain labels
            out.append("".join(parts))
    return "<" + "<BR/>".join(out) + ">"


@functools.lru_cache(maxsize=256)
def _tags(size: float | None, bold: bool, italic: bool, colour: str | None) -> tuple[str, str]:
    """The HTML-like tags that open and close a span in this style."""
    font = ""
    if size is not None:
        font += f' POINT-SIZE="{size:g}"'
    if colour is not None:
        font += f' COLOR="{colour}"'
    start, end = "", ""
    if bold:
        start, end = "<B>", "</B>"
    if italic:
        start, end = "<I>" + start, end + "</I>"
    if font:
        start, end = f"<FONT{font}>" + start, end + "</FONT>"
    return start, end


def plain_label(lines: Sequence[Sequence[Span]]) -> str:
    """Return lines of spans as a plain DOT label (styles dropped), one line each.

    Example:
        >>> print(plain_label([[Span("a", bold=True), Span(" b")], [Span("c")]]))
        "a b\\nc"
    """
    return dot_label("\n".join("".join(s.text for s in line) for line in lines))


def styled_label(blocks: Sequence[tuple[Sequence[str], Span]], *, html: bool) -> str:
    """Return a label whose every line is one run of text in one style: ``blocks`` pairs
    lines of text with the span whose style they take (that span's own text is not
    used). It is the label :func:`html_label` (``html``) or :func:`plain_label` makes of
    one span per line, built without making a span for each line, for drawings of
    many thousands of labels.

    Example:
        >>> small = Span("", size=9)
        >>> styled_label([(["R&D", "lab"], Span("", bold=True)), (["x"], small)], html=True)
        '<<B>R&amp;D</B><BR/><B>lab</B><BR/><FONT POINT-SIZE="9">x</FONT>>'
        >>> print(styled_label([(["R&D", "lab"], Span("", bold=True)), (["x"], small)], html=False))
        "R&amp;D\\nlab\\nx"
    """
    if not html:
        return dot_label("\n".join(text for texts, _ in blocks for text in texts))
    out: list[str] = []
    for texts, style in blocks:
        start, end = _tags(style.size, style.bold, style.italic, style.colour)
        for text in texts:
            text = html_text(text)
            if text:
                out.append(start + text + end)
            elif out:  # no empty line first, as in plain labels
                out.append("")
    return "<" + "<BR/>".join(out) + ">"


_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
# A space after an opening guillemet or quote, or before a closing one or ': ; ? !' (the
# space is matched first, so that the search skips quickly over everything else).
_GLUED_SPACE = re.compile(r"[^\S\n](?:(?<=[«“][^\S\n])|(?=[»”:;?!]))")


def wrap(text: str, width: int) -> list[str]:
    """Return ``text`` cut into lines of at most ``width`` characters.

    Words are kept whole when they fit; runs of white space become one space, except
    no-break spaces, which stay and hold French guillemets and the space before
    ``: ; ? !`` to their words. Characters XML cannot hold become U+FFFD first.

    Example:
        >>> wrap("one two  three", 7)
        ['one two', 'three']
        >>> wrap("il a dit « non » !", 10)
        ['il a dit', '«\\xa0non\\xa0»\\xa0!']
    """
    text = _GLUED_SPACE.sub("\u00a0", clean(text))
    if "\u00a0" in text or "\u202f" in text:
        words = [w for w in _BREAKING_SPACE.split(text) if w]
        blank = not all(w.strip() for w in words)  # a word of no-break spaces only
    else:  # every white space breaks
        words = text.split()
        blank = False
    if width >= 1 and not blank and max(map(len, words), default=0) <= width:
        return _fill(words, width)
    # A word to break, or one that textwrap drops at the end of a line.
    text = " ".join(words)
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return lines or [text]


def _fill(words: list[str], width: int) -> list[str]:
    """Return ``words`` filled greedily into lines of at most ``width`` characters, one
    space between words: what ``textwrap.wrap`` gives when every word fits on a line
    and none is blank, without splitting the text into words again."""
    if not words:
        return [""]
    lines = []
    line = words[0]
    for word in words[1:]:
        if len(line) + len(word) < width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def shorten(text: str, limit: int) -> str:
    """Return ``text`` on one line, cut at a word before ``limit`` characters with '…'.

    Example:
        >>> shorten("un deux trois quatre", 12)
        'un deux…'
    """
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[1:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"
