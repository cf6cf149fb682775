"""Abstract argumentation frameworks in the solvers' formats: ICCMA 2023, ASPARTIX apx, TGF.

Readers take text and return a ``networkx.DiGraph`` whose edges are attacks; writers
take any digraph and write its attack graph only (on an argmap graph: the
``rebuts`` edges, see :func:`argmap.semantics.attacks`), so a map can be handed to a
competition solver and a benchmark file run through argmap's semantics.

- **ICCMA 2023** (``.af``, ``.i23``, ``.iccma``): a header ``p af N``, then one
  attack ``a b`` per line, the arguments being the numbers 1..N; lines starting
  with ``#`` are comments. A plain file reads as integer nodes 1..N, isolated ones
  included. Writing a graph whose nodes are not exactly the integers 1..N numbers
  them in the graph's node order and adds one comment ``# i name`` per argument
  after the header; reading gives those names back when the comments name every
  argument 1..N exactly once, with distinct names.
- **ASPARTIX apx** (``.apx``): facts ``arg(a).`` and ``att(a,b).``, any number per
  line, ``%`` comments to the end of the line.
- **TGF** (``.tgf``): node lines ``id label``, a line ``#``, then edge lines
  ``from to`` (an edge label after them is ignored).

**Names.** A node key survives a round trip through any of the three formats when
it is a ``str`` or an ``int`` (other keys are written as their ``str()`` and come
back as strings):

- apx follows ASP's own terms: an integer is written as a number (``arg(7).``), a
  string that is a plain ASP constant (lower-case letter first, then letters,
  digits, ``_`` or ``'``; not ``not``) as it is (``arg(musk).``), and every other
  string as an ASP string in double quotes with ``\\\\``, ``\\"`` and ``\\n`` escaped
  (``arg("claim: \\"x\\"").``). Reading, a number is an ``int``, anything else a
  ``str``.
- ICCMA name comments and TGF labels hold one name each, to the end of the line: an
  integer as its digits (``-?(0|[1-9][0-9]*)``), a string as it is when it has no
  leading or trailing whitespace, only printable characters, does not start with
  ``"`` and is not such an integer literal; any other string as a JSON string
  literal whose non-printable characters are ``\\uXXXX``-escaped, so it holds no
  line break. Reading decodes a label that parses as such a literal, makes an
  integer literal an ``int`` and keeps everything else as written.

Malformed input raises :class:`FrameworkFormatError` (a ``ValueError``) with the
1-based ``line`` and ``column`` of the fault and a one-line message.

Example:
    >>> G = read_iccma("p af 3\\n1 2\\n2 3\\n")
    >>> sorted(G.nodes), sorted(G.edges)
    ([1, 2, 3], [(1, 2), (2, 3)])
    >>> print(write_apx(nx.DiGraph([("a", "Musk's claim")])), end="")
    arg(a).
    arg("Musk's claim").
    att(a,"Musk's claim").
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._bulk import gc_paused
from argmap._lazy import lazy_module
from argmap.semantics.dung import _adjacency
from argmap.semantics.framework import Framework

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap
    from argmap.status import ClaimStatus
else:  # imported on first use: ICCMA text read in bulk needs no graph
    nx = lazy_module("networkx")

__all__ = [
    "FRAMEWORK_FORMATS",
    "MAX_ARGUMENTS",
    "FrameworkFormat",
    "FrameworkFormatError",
    "framework_statuses",
    "framework_to_map",
    "guess_format",
    "read_apx",
    "read_attack_framework",
    "read_attacks",
    "read_framework",
    "read_iccma",
    "read_iccma_numbers",
    "read_tgf",
    "write_apx",
    "write_framework",
    "write_iccma",
    "write_tgf",
]


class FrameworkFormatError(ValueError):
    """A framework text is malformed.

    Attributes:
        line: 1-based line of the fault.
        column: 1-based column (in characters) of the fault.
        reason: the message without the position.
    """

    def __init__(self, line: int, column: int, reason: str) -> None:
        super().__init__(f"{line}:{column}: {reason}")
        self.line = line
        self.column = column
        self.reason = reason


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (1-based number, line) on ``\\n`` only, without a trailing ``\\r`` or a BOM."""
    if text.startswith("\ufeff"):
        text = text[1:]
    for number, line in enumerate(text.split("\n"), 1):
        yield number, line.removesuffix("\r")


def _tokens(line: str) -> list[tuple[int, str]]:
    """Return the whitespace-separated tokens of ``line`` with their 1-based columns."""
    return [(m.start() + 1, m.group()) for m in re.finditer(r"\S+", line)]


def _attack_graph(G: nx.DiGraph) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """Return the nodes of ``G`` and its attacks, in the graph's order."""
    succ, pred = _adjacency(G)
    return list(pred), [(u, v) for u, targets in succ.items() for v in targets]


# --- names in ICCMA comments and TGF labels ---------------------------------------------

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
#: Numbers in framework files (argument numbers, names that are integers) have at most
#: this many digits; a longer one is an error, or a name.
_MAX_DIGITS = 18
#: The most arguments a framework file may declare (ICCMA's ``p af N``): every argument
#: takes memory whether or not any attack names it.
MAX_ARGUMENTS = 1_000_000


def _quote_json(text: str) -> str:
    out = []
    for c in text:
        if c == "\\" or c == '"':
            out.append("\\" + c)
        elif c.isprintable():
            out.append(c)
        else:
            out.append(json.dumps(c)[1:-1])  # \n, \t, \u2028, surrogate pairs...
    return '"' + "".join(out) + '"'


def _encode_label(node: Any) -> str:
    """Return the one-line text of a name (see "Names" above)."""
    if isinstance(node, int) and not isinstance(node, bool):
        return str(node)
    text = str(node)
    bare = (
        text
        and text == text.strip()
        and text.isprintable()
        and not text.startswith('"')
        and not _INT.fullmatch(text)
    )
    return text if bare else _quote_json(text)


def _decode_label(text: str) -> Any:
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return value if isinstance(value, str) else text
    if _INT.fullmatch(text) and len(text) <= _MAX_DIGITS:
        return int(text)
    return text  # a name, or digits too many for a number: a name too


# --- ICCMA 2023 -------------------------------------------------------------------------

_NAME_COMMENT = re.compile(r"#\s*([0-9]+)\s+(\S.*?)\s*")


def read_iccma(text: str) -> nx.DiGraph:
    """Return the framework in ICCMA 2023 text.

    The header ``p af N`` must come before the first attack; ``#`` comment lines and
    blank lines may stand anywhere. Nodes are the integers 1..N, or the names of
    ``# i name`` comments when those name every argument exactly once with distinct
    names (as :func:`write_iccma` writes them).

    Raises:
        FrameworkFormatError: no header, a second header, a malformed header, an
            attack before the header, a line that is not two argument numbers, an
            argument number outside 1..N.

    Example:
        >>> G = read_iccma("p af 2\\n# 1 musk\\n# 2 altman\\n2 1\\n")
        >>> list(G.edges)
        [('altman', 'musk')]
        >>> read_iccma("p af 2\\n1 x\\n")
        Traceback (most recent call last):
        ...
        argmap.frameworks.FrameworkFormatError: 2:3: expected two argument numbers, got 'x'
    """
    n, names, edges = _parse_iccma(text)
    G = nx.DiGraph()
    if _names_every_argument(n, names):
        G.add_nodes_from(names[i] for i in range(1, n + 1))
        G.add_edges_from((names[a], names[b]) for a, b in edges)
    else:
        G.add_nodes_from(range(1, n + 1))
        G.add_edges_from(edges)
    return G


def read_iccma_numbers(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Return the number of arguments N of ICCMA 2023 text and its attacks, by argument
    number (1..N), name comments ignored: what a competition solver reads. A file
    written the usual way is read in bulk; no graph is built.

    Raises:
        FrameworkFormatError: as :func:`read_iccma`.

    Example:
        >>> read_iccma_numbers("p af 3\\n# 1 musk\\n1 2\\n2 3\\n")
        (3, [(1, 2), (2, 3)])
        >>> read_iccma_numbers("p af 2\\n1 3\\n")
        Traceback (most recent call last):
        ...
        argmap.frameworks.FrameworkFormatError: 2:3: argument 3 is not in 1..2
    """
    fast = _iccma_fast(text)
    if fast is not None:
        return len(fast[0]), fast[1]
    n, _, edges = _parse_iccma(text)
    return n, edges


def _parse_iccma(text: str) -> tuple[int, dict[int, Any], list[tuple[int, int]]]:
    """Return N, the names of name comments by number, and the attacks of ICCMA text."""
    n: int | None = None
    names: dict[int, Any] = {}
    edges: list[tuple[int, int]] = []
    for lineno, line in _lines(text):
        head = line.lstrip()
        if not head:
            continue
        if head.startswith("#"):
            m = _NAME_COMMENT.fullmatch(head)
            if m and len(m.group(1)) <= _MAX_DIGITS:
                names.setdefault(int(m.group(1)), _decode_label(m.group(2)))
            continue
        tokens = _tokens(line)
        col, first = tokens[0]
        if first == "p":
            if n is not None:
                raise FrameworkFormatError(lineno, col, "a second 'p af' header")
            words = [t for _, t in tokens]
            if len(words) != 3 or words[1] != "af" or not _is_number(words[2]):
                raise FrameworkFormatError(lineno, col, f"expected 'p af N', got {line.strip()!r}")
            n = _argument_count(words[2], lineno, tokens[2][0])
            continue
        if n is None:
            raise FrameworkFormatError(lineno, col, "an attack before the 'p af N' header")
        if len(tokens) != 2 or not (_is_number(tokens[0][1]) and _is_number(tokens[1][1])):
            raise _bad_attack(lineno, line, tokens)
        (ca, ta), (cb, tb) = tokens
        for c, t in ((ca, ta), (cb, tb)):
            if len(t) > _MAX_DIGITS or not 1 <= int(t) <= n:
                shown = t if len(t) <= 20 else t[:20] + "..."
                raise FrameworkFormatError(lineno, c, f"argument {shown} is not in 1..{n}")
        a, b = int(ta), int(tb)
        edges.append((a, b))
    if n is None:
        raise FrameworkFormatError(1, 1, "no 'p af N' header")
    return n, names, edges


_ONLY_NUMBERS = re.compile(r"[0-9 \n]*")


def _iccma_fast(text: str) -> tuple[list[Any], list[tuple[Any, Any]]] | None:
    """Return the arguments and attacks of an ICCMA file written the usual way (the
    header, then lines ``a b`` with one space, ``\\n`` line ends, comments only before
    the header), read in bulk; None when the text needs :func:`read_iccma` (comments
    further down, names, other spacing, or anything malformed, which it reports)."""
    body = text.removeprefix("\ufeff")
    pos, header = 0, ""
    while not header:
        end = body.find("\n", pos)
        line = body[pos:] if end < 0 else body[pos:end]
        header = line.strip()
        if header.startswith("#"):
            header = ""
        if not header and end < 0:
            return None
        pos = len(body) if end < 0 else end + 1
    words = header.split()
    if len(words) != 3 or words[:2] != ["p", "af"] or not _is_number(words[2]):
        return None
    if len(words[2]) > _MAX_DIGITS or int(words[2]) > MAX_ARGUMENTS:
        return None  # read_iccma says why
    n = int(words[2])
    rest = body[pos:]
    with gc_paused():  # millions of new tuples would set off needless collections
        numbers = _numbers_in_bulk(rest)
        if numbers is None:
            numbers = _numbers(rest)
        if numbers is None or (numbers and (min(numbers) < 1 or max(numbers) > n)):
            return None
        pairs = iter(numbers)
        return list(range(1, n + 1)), list(zip(pairs, pairs, strict=True))


def _numbers_in_bulk(rest: str) -> list[int] | None:
    """The numbers of the attack lines ``rest``, when each line is two numbers with one
    space between them and no zero in front, and no line is blank (as files are
    written); None otherwise.

    The text is checked by its separators alone (its digits deleted, in C, what is left
    must be ``" \\n" * (lines - 1) + " "``) and its numbers read by the JSON decoder,
    in C, as one array: a token that is not a number (an empty one, or one with a
    leading zero) makes that array invalid JSON.
    """
    body = rest.rstrip("\n")
    if not body:
        return []
    try:
        raw = body.encode("ascii")
    except UnicodeEncodeError:
        return None
    lines = raw.count(b"\n") + 1
    if raw.translate(None, b"0123456789") != b" \n" * (lines - 1) + b" ":
        return None
    try:
        numbers: list[int] = json.loads("[" + body.replace("\n", ",").replace(" ", ",") + "]")
    except ValueError:  # an empty token, a leading zero, more digits than Python reads
        return None
    return numbers


def _numbers(rest: str) -> list[int] | None:
    """The numbers of the attack lines ``rest``, or None when they are not written the
    usual way (see :func:`_iccma_fast`)."""
    if (
        not _ONLY_NUMBERS.fullmatch(rest)
        or "  " in rest
        or "\n " in rest
        or " \n" in rest
        or rest.startswith(" ")
        or rest.endswith(" ")
    ):
        return None
    lines = rest.split("\n")
    spaces = list(map(str.count, lines, itertools.repeat(" ")))
    # Every line holds one space (two numbers) or is empty.
    if (spaces and max(spaces) > 1) or spaces.count(0) != lines.count(""):
        return None
    try:
        return list(map(int, rest.split()))
    except ValueError:  # more digits than Python converts: read_iccma says where
        return None


def read_attacks(
    source: str | os.PathLike[str], format: str | None = None
) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """Return the arguments and the attacks of a framework, without building a graph.

    For large ICCMA files this is several times faster than :func:`read_framework`
    (a file written the usual way is read in bulk). The arguments are those of
    :func:`read_framework`'s graph, in its order, and so are the attacks, except that
    an attack the file repeats may come twice (the semantics count it once). Feed
    them to :func:`argmap.semantics.grounded_labelling_from_attacks`.

    Args:
        source: the text itself (a ``str``), or a file (``os.PathLike``).
        format: as for :func:`read_framework`.

    Raises:
        ValueError, FrameworkFormatError, OSError: as :func:`read_framework`.

    Example:
        >>> read_attacks("p af 3\\n1 2\\n2 3\\n", "iccma")
        ([1, 2, 3], [(1, 2), (2, 3)])
        >>> read_attacks("arg(a). arg(b). att(b,a).", "apx")
        (['a', 'b'], [('b', 'a')])
    """
    text, fmt = _text_and_format(source, format)
    if fmt == "iccma":
        fast = _iccma_fast(text)
        if fast is not None:
            return fast
    return _attack_graph(_format(fmt).read(text))


def read_attack_framework(source: str | os.PathLike[str], format: str | None = None) -> Framework:
    """Return the plain :class:`~argmap.semantics.framework.Framework` of the arguments
    and attacks :func:`read_attacks` gives.

    An ICCMA file written the usual way keeps its numbers, which are checked once, as
    they are read (``Framework.from_attacks`` would check them again).

    Raises:
        ValueError, FrameworkFormatError, OSError: as :func:`read_framework`.

    Example:
        >>> fw = read_attack_framework("p af 3\\n1 2\\n2 3\\n", "iccma")
        >>> fw.names, fw.attacks
        ([1, 2, 3], [(1, 2), (2, 3)])
        >>> read_attack_framework("arg(a). arg(b). att(b,a).", "apx").attacks
        [(2, 1)]
    """
    text, fmt = _text_and_format(source, format)
    if fmt == "iccma":
        fast = _iccma_fast(text)
        if fast is not None:
            return Framework(*fast)
        return _iccma_framework(text)
    return Framework.from_attacks(*_attack_graph(_format(fmt).read(text)))


def _iccma_framework(text: str) -> Framework:
    """Return the framework :func:`read_iccma` reads, names and order included, with no
    graph built: the attacks in the graph's order (by attacker, then as first written),
    each once."""
    n, names, edges = _parse_iccma(text)
    attacks = sorted(dict.fromkeys(edges), key=lambda edge: edge[0])
    if _names_every_argument(n, names):
        return Framework([names[i] for i in range(1, n + 1)], attacks)
    return Framework(list(range(1, n + 1)), attacks)


def _names_every_argument(n: int, names: dict[int, Any]) -> bool:
    """Return True when the name comments name each of the n arguments once, distinctly."""
    return bool(
        n
        and len(names) == n
        and all(1 <= i <= n for i in names)
        and len(set(map(_hashable_key, names.values()))) == n
    )


def _text_and_format(source: str | os.PathLike[str], format: str | None) -> tuple[str, str]:
    """The text of a framework (given, or read from a file) and its format's name."""
    if isinstance(source, str):
        text, fmt = source, format
        if fmt is None:
            raise ValueError("give the format of framework text: 'iccma', 'apx' or 'tgf'")
    else:
        path = Path(source)
        fmt = format if format is not None else guess_format(path)
        if fmt is None:
            raise ValueError(f"{path}: cannot tell the framework format from the extension")
        text = path.read_text(encoding="utf-8")
    return text, _format(fmt).name


def _bad_attack(lineno: int, line: str, tokens: list[tuple[int, str]]) -> FrameworkFormatError:
    for col, token in tokens[:2]:
        if not _is_number(token):
            return FrameworkFormatError(
                lineno, col, f"expected two argument numbers, got {token!r}"
            )
    if len(tokens) == 1:
        return FrameworkFormatError(
            lineno, len(line) + 1, f"expected two argument numbers, got only {tokens[0][1]!r}"
        )
    col, token = tokens[2]
    return FrameworkFormatError(lineno, col, f"expected two argument numbers, got more: {token!r}")


def _argument_count(token: str, lineno: int, col: int) -> int:
    """The N of ``p af N``, at most :data:`MAX_ARGUMENTS`."""
    if len(token) > _MAX_DIGITS or int(token) > MAX_ARGUMENTS:
        shown = token if len(token) <= 20 else token[:20] + "..."
        raise FrameworkFormatError(
            lineno, col, f"{shown} arguments: argmap reads at most {MAX_ARGUMENTS:,}"
        )
    return int(token)


def _is_number(token: str) -> bool:
    return token.isascii() and token.isdigit()


def _hashable_key(name: Any) -> tuple[str, Any]:
    return (type(name).__name__, name)  # 1 and "1" are different names


def write_iccma(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` as ICCMA 2023 text.

    Nodes that are exactly the integers 1..N are written as themselves. Otherwise
    they are numbered 1..N in the graph's node order and a comment ``# i name`` per
    argument, just after the header, records each name (see "Names" above) so that
    :func:`read_iccma` restores them; solvers ignore comments.

    Example:
        >>> print(write_iccma(nx.DiGraph([("musk", "altman")])), end="")
        p af 2
        # 1 musk
        # 2 altman
        1 2
        >>> print(write_iccma(nx.DiGraph([(2, 1)])), end="")
        p af 2
        2 1
    """
    nodes, edges = _attack_graph(G)
    count = len(nodes)
    lines = [f"p af {count}"]
    if all(type(x) is int for x in nodes) and set(nodes) == set(range(1, count + 1)):
        lines += [f"{u} {v}" for u, v in edges]
    else:
        number = {node: i for i, node in enumerate(nodes, 1)}
        lines += [f"# {i} {_encode_label(node)}" for node, i in number.items()]
        lines += [f"{number[u]} {number[v]}" for u, v in edges]
    return "\n".join(lines) + "\n"


# --- ASPARTIX apx -----------------------------------------------------------------------

_ASP_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_']*")
_ASP_RESERVED = frozenset({"not"})
_APX_TERM = re.compile(
    r'"(?P<string>(?:[^"\\]|\\.)*)"|(?P<number>-?[0-9]+)|(?P<name>[A-Za-z_][A-Za-z0-9_\']*)'
)
_APX_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_APX_ESCAPES = {"\\": "\\", '"': '"', "n": "\n"}


def _apx_term(node: Any) -> str:
    """Return ``node`` as an ASP term: a number, a plain constant, or a quoted string."""
    if isinstance(node, int) and not isinstance(node, bool):
        return str(node)
    text = str(node)
    if _ASP_CONSTANT.fullmatch(text) and text not in _ASP_RESERVED:
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _apx_value(m: re.Match[str], lineno: int, col: int) -> Any:
    if m.group("number") is not None:
        if len(m.group("number").lstrip("-")) > _MAX_DIGITS:
            raise FrameworkFormatError(
                lineno, col, f"a number of {len(m.group('number'))} digits: at most {_MAX_DIGITS}"
            )
        return int(m.group("number"))
    if m.group("name") is not None:
        return m.group("name")
    body = m.group("string")
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            esc = body[i + 1]
            if esc not in _APX_ESCAPES:
                raise FrameworkFormatError(
                    lineno, col + 1 + i, f"unknown escape '\\{esc}' (known: \\\\ \\\" \\n)"
                )
            out.append(_APX_ESCAPES[esc])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_apx(text: str) -> nx.DiGraph:
    """Return the framework in ASPARTIX apx text: ``arg(a).`` and ``att(a,b).`` facts.

    Facts may share a line; whitespace between tokens and ``%`` comments are ignored.
    Every argument of an attack must be declared by an ``arg`` fact (anywhere).
    Numbers become ``int`` nodes, constants and quoted strings ``str`` nodes.

    Raises:
        FrameworkFormatError: text that is not a fact, a bad term or escape, or an
            attack on an undeclared argument.

    Example:
        >>> G = read_apx('arg(a). arg("b c"). arg(3).  % three arguments\\natt(a,"b c").')
        >>> list(G.nodes), list(G.edges)
        (['a', 'b c', 3], [('a', 'b c')])
    """
    G = nx.DiGraph()
    pending: list[tuple[Any, Any, int, int, int]] = []
    for lineno, line in _lines(text):
        pos = 0
        size = len(line)
        while True:
            while pos < size and line[pos].isspace():
                pos += 1
            if pos >= size or line[pos] == "%":
                break
            start = pos
            m = _APX_WORD.match(line, pos)
            if m is None or m.group() not in ("arg", "att"):
                got = m.group() if m else line[pos:].split(None, 1)[0][:20]
                raise FrameworkFormatError(
                    lineno, start + 1, f"expected arg(x). or att(x,y)., got {got!r}"
                )
            kind = m.group()
            pos = _expect(line, m.end(), "(", lineno)
            values: list[tuple[Any, int]] = []
            while True:
                while pos < size and line[pos].isspace():
                    pos += 1
                t = _APX_TERM.match(line, pos)
                if t is None:
                    raise FrameworkFormatError(
                        lineno, pos + 1, f"expected an argument name in {kind}(...)"
                    )
                values.append((_apx_value(t, lineno, pos + 1), pos + 1))
                pos = t.end()
                while pos < size and line[pos].isspace():
                    pos += 1
                if pos < size and line[pos] == ",":
                    pos += 1
                    continue
                break
            pos = _expect(line, pos, ")", lineno)
            pos = _expect(line, pos, ".", lineno)
            want = 1 if kind == "arg" else 2
            if len(values) != want:
                raise FrameworkFormatError(
                    lineno,
                    start + 1,
                    f"{kind} takes {want} argument{'s' if want > 1 else ''}, got {len(values)}",
                )
            if kind == "arg":
                G.add_node(values[0][0])
            else:
                (a, ca), (b, cb) = values
                pending.append((a, b, lineno, ca, cb))
    for a, b, lineno, ca, cb in pending:
        for x, col in ((a, ca), (b, cb)):
            if x not in G:
                raise FrameworkFormatError(lineno, col, f"attack on undeclared argument {x!r}")
        G.add_edge(a, b)
    return G


def _expect(line: str, pos: int, char: str, lineno: int) -> int:
    while pos < len(line) and line[pos].isspace():
        pos += 1
    if pos >= len(line) or line[pos] != char:
        got = repr(line[pos]) if pos < len(line) else "the end of the line"
        raise FrameworkFormatError(lineno, pos + 1, f"expected {char!r}, got {got}")
    return pos + 1


def write_apx(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` as ASPARTIX apx facts, one per line.

    Example:
        >>> print(write_apx(nx.DiGraph([(1, "not"), ("x", 'say "hi"')])), end="")
        arg(1).
        arg("not").
        arg(x).
        arg("say \\"hi\\"").
        att(1,"not").
        att(x,"say \\"hi\\"").
    """
    nodes, edges = _attack_graph(G)
    term = {node: _apx_term(node) for node in nodes}
    lines = [f"arg({term[n]})." for n in nodes]
    lines += [f"att({term[u]},{term[v]})." for u, v in edges]
    return "\n".join(lines) + ("\n" if lines else "")


# --- TGF --------------------------------------------------------------------------------


def read_tgf(text: str) -> nx.DiGraph:
    """Return the framework in TGF text.

    Node lines ``id [label]`` come before a line ``#``, edge lines ``from to [label]``
    after it (edge labels are ignored). Nodes are named by their labels (decoded, see
    "Names" above; a node without a label by its id) when those names are distinct,
    else by their ids.

    Raises:
        FrameworkFormatError: a node id given twice, a second ``#`` line, an edge
            line without two ids, an edge between unknown ids.

    Example:
        >>> sorted(read_tgf("1 musk\\n2 altman\\n#\\n2 1\\n").edges)
        [('altman', 'musk')]
    """
    labels: dict[str, Any] = {}
    edges: list[tuple[str, str]] = []
    in_edges = False
    for lineno, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "#":
            if in_edges:
                raise FrameworkFormatError(lineno, line.index("#") + 1, "a second '#' line")
            in_edges = True
            continue
        tokens = _tokens(line)
        if not in_edges:
            col, node_id = tokens[0]
            if node_id in labels:
                raise FrameworkFormatError(lineno, col, f"node {node_id!r} given twice")
            rest = line[col - 1 + len(node_id) :].strip()
            labels[node_id] = _decode_label(rest) if rest else _decode_label(node_id)
            continue
        if len(tokens) < 2:
            raise FrameworkFormatError(
                lineno, len(line) + 1, f"expected 'from to', got only {tokens[0][1]!r}"
            )
        for col, end in tokens[:2]:
            if end not in labels:
                raise FrameworkFormatError(lineno, col, f"unknown node {end!r}")
        edges.append((tokens[0][1], tokens[1][1]))
    key: Callable[[str], Any] = str
    for candidate in (labels.__getitem__, _decode_label):
        if len({_hashable_key(candidate(i)) for i in labels}) == len(labels):
            key = candidate
            break
    G = nx.DiGraph()
    G.add_nodes_from(key(i) for i in labels)
    G.add_edges_from((key(a), key(b)) for a, b in edges)
    return G


def write_tgf(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` as TGF: nodes numbered from 1 and labelled by name.

    Example:
        >>> print(write_tgf(nx.DiGraph([("musk", "altman")])), end="")
        1 musk
        2 altman
        #
        1 2
    """
    nodes, edges = _attack_graph(G)
    number = {node: i for i, node in enumerate(nodes, 1)}
    lines = [f"{i} {_encode_label(node)}" for node, i in number.items()]
    lines.append("#")
    lines += [f"{number[u]} {number[v]}" for u, v in edges]
    return "\n".join(lines) + "\n"


# --- registry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FrameworkFormat:
    """A framework format: its reader, its writer and its file extensions."""

    name: str
    read: Callable[[str], nx.DiGraph]
    write: Callable[[nx.DiGraph], str]
    extensions: tuple[str, ...]
    description: str


#: The framework formats by name.
FRAMEWORK_FORMATS: dict[str, FrameworkFormat] = {
    "iccma": FrameworkFormat(
        "iccma", read_iccma, write_iccma, (".af", ".i23", ".iccma"), "ICCMA 2023 'p af N'"
    ),
    "apx": FrameworkFormat("apx", read_apx, write_apx, (".apx",), "ASPARTIX arg/att facts"),
    "tgf": FrameworkFormat("tgf", read_tgf, write_tgf, (".tgf",), "trivial graph format"),
}


def guess_format(filename: str | os.PathLike[str]) -> str | None:
    """Return the framework format of a file name by its extension, or None.

    Example:
        >>> guess_format("bench/fw-100.af"), guess_format("x.APX"), guess_format("map.json")
        ('iccma', 'apx', None)
    """
    suffix = Path(filename).suffix.lower()
    for fmt in FRAMEWORK_FORMATS.values():
        if suffix in fmt.extensions:
            return fmt.name
    return None


def _format(format: str | None) -> FrameworkFormat:
    if format not in FRAMEWORK_FORMATS:
        raise ValueError(
            f"unknown framework format {format!r}; choose one of {', '.join(FRAMEWORK_FORMATS)}"
        )
    return FRAMEWORK_FORMATS[format]


def read_framework(source: str | os.PathLike[str], format: str | None = None) -> nx.DiGraph:
    """Return the framework in ``source`` read as ``format``.

    Args:
        source: the text itself (a ``str``), or a file (a ``pathlib.Path`` or other
            ``os.PathLike``), read as UTF-8.
        format: ``"iccma"``, ``"apx"`` or ``"tgf"``; for a file, None guesses it from
            the extension (:func:`guess_format`).

    Raises:
        ValueError: an unknown format, or none given for text.
        FrameworkFormatError: malformed input.
        OSError: the file cannot be read.

    Example:
        >>> sorted(read_framework("arg(a). arg(b). att(b,a).", "apx").edges)
        [('b', 'a')]
    """
    if isinstance(source, str):
        if format is None:
            raise ValueError("give the format of framework text: 'iccma', 'apx' or 'tgf'")
        return _format(format).read(source)
    path = Path(source)
    fmt = format if format is not None else guess_format(path)
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the framework format from the extension")
    reader = _format(fmt).read
    return reader(path.read_text(encoding="utf-8"))


def write_framework(G: nx.DiGraph, format: str) -> str:
    """Return the attacks of ``G`` written as ``format`` (``"iccma"``, ``"apx"``, ``"tgf"``).

    Example:
        >>> print(write_framework(nx.DiGraph([(1, 2)]), "iccma"), end="")
        p af 2
        1 2
    """
    return _format(format).write(G)


def framework_to_map(G: nx.DiGraph, *, title: str | None = None) -> ArgumentMap:
    """Return an argument map holding a framework: each argument a claim, each attack a
    ``rebuts`` relation; claim ids are slugs of the argument names (made unique), and
    the names are the claims' texts.

    Example:
        >>> m = framework_to_map(nx.DiGraph([(1, 2)]))
        >>> [(c.id, c.text) for c in m.claims], m.relations[0].type.value
        ([('1', '1'), ('2', '2')], 'rebuts')
    """
    from argmap.model import ArgumentMap
    from argmap.status import argument_ids, argument_text

    nodes, edges = _attack_graph(G)
    ids = argument_ids(nodes)
    return ArgumentMap.model_validate(
        {
            "title": title,
            "claims": [{"id": ids[n], "text": argument_text(n)} for n in nodes],
            "relations": [{"from": ids[u], "to": ids[v], "type": "rebuts"} for u, v in edges],
        }
    )


def framework_statuses(
    arguments: Sequence[Any],
    attacks: Sequence[tuple[Any, Any]],
    *,
    semantics: str = "grounded",
    with_strength: bool = False,
) -> list[ClaimStatus]:
    """Return the status of every argument of a framework given as plain lists, the same
    as :func:`argmap.status.claim_statuses` gives for the arguments of
    :func:`framework_to_map`'s map read as Dung's framework, without building the map
    (which for a million arguments takes minutes, this seconds).

    Example:
        >>> [(s.id, s.verdict) for s in framework_statuses([1, 2, 3], [(1, 2), (2, 3)])]
        [('1', 'holds'), ('2', 'answered'), ('3', 'holds')]
    """
    from argmap.status import SEMANTICS, statuses_of

    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    fw = Framework.from_attacks(arguments, attacks)
    scores = None
    if with_strength:
        from argmap.semantics.strength import strength

        G = nx.DiGraph()
        G.add_nodes_from(arguments)
        G.add_edges_from(attacks)
        result = strength(G, dict.fromkeys(arguments, 0.5)).scores
        scores = [result[a] for a in arguments]
    return statuses_of(fw, semantics=semantics, scores=scores)
