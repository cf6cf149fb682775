"""Abstract argumentation frameworks in the solvers' formats: ICCMA 2023, ASPARTIX apx, TGF.

Readers return a ``networkx.DiGraph`` whose edges are attacks; writers take any
digraph and write its attacks only (on an argmap graph: the ``rebuts`` edges), so
a map can be handed to a competition solver and a benchmark file run through
argmap's semantics.

- **ICCMA 2023** (``.af``, ``.i23``): a header ``p af N``, then one attack ``a b``
  per line between arguments numbered 1..N; ``#`` starts a comment. Writing a graph
  whose nodes are not 1..N numbers them in order and records ``# 1 name`` comments,
  which reading turns back into the names.
- **ASPARTIX apx** (``.apx``): facts ``arg(a).`` and ``att(a,b).``; ``%`` comments.
  Names that are not plain lower-case identifiers are written as double-quoted
  strings with ``\\"`` and ``\\\\`` escaped.
- **TGF** (``.tgf``): ``id label`` lines, a ``#`` line, then ``from to`` lines.

Example:
    >>> G = read_iccma("p af 3\\n1 2\\n2 3\\n")
    >>> sorted(G.edges)
    [(1, 2), (2, 3)]
    >>> print(write_apx(nx.DiGraph([("a", "b")])), end="")
    arg(a).
    arg(b).
    att(a,b).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.model import ArgumentMap
from argmap.semantics import attacks

__all__ = [
    "FRAMEWORK_FORMATS",
    "FrameworkFormatError",
    "framework_to_map",
    "guess_format",
    "read_apx",
    "read_framework",
    "read_iccma",
    "read_tgf",
    "write_apx",
    "write_framework",
    "write_iccma",
    "write_tgf",
]


class FrameworkFormatError(ValueError):
    """A framework file is malformed; ``line`` and ``column`` say where (1-based)."""

    def __init__(self, line: int, column: int, reason: str) -> None:
        super().__init__(f"{line}:{column}: {reason}")
        self.line = line
        self.column = column
        self.reason = reason


def _attack_edges(G: nx.DiGraph) -> list[tuple[Any, Any]]:
    return list(attacks(G).edges)


# --- ICCMA 2023 -------------------------------------------------------------------------

_NAME_COMMENT = re.compile(r"^#\s*(\d+)\s+(.+?)\s*$")


def read_iccma(text: str) -> nx.DiGraph:
    """Return the framework in ICCMA 2023 text; names from ``# N name`` comments if any.

    Raises:
        FrameworkFormatError: a missing or repeated header, a bad line, an argument
            number out of range.

    Example:
        >>> G = read_iccma("# 1 musk\\n# 2 altman\\np af 2\\n2 1\\n")
        >>> list(G.edges)
        [('altman', 'musk')]
    """
    n: int | None = None
    names: dict[int, str] = {}
    edges: list[tuple[int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = _NAME_COMMENT.match(line)
            if m:
                names[int(m.group(1))] = m.group(2)
            continue
        parts = line.split()
        col = raw.index(parts[0]) + 1
        if parts[0] == "p":
            if n is not None:
                raise FrameworkFormatError(lineno, col, "a second 'p af' header")
            if len(parts) != 3 or parts[1] != "af" or not parts[2].isdigit():
                raise FrameworkFormatError(lineno, col, f"expected 'p af N', got {line!r}")
            n = int(parts[2])
            continue
        if n is None:
            raise FrameworkFormatError(lineno, col, "an attack before the 'p af N' header")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise FrameworkFormatError(lineno, col, f"expected two argument numbers, got {line!r}")
        a, b = int(parts[0]), int(parts[1])
        starts = [m.start() + 1 for m in re.finditer(r"\S+", raw)]
        for k, x in ((0, a), (1, b)):
            if not 1 <= x <= n:
                raise FrameworkFormatError(lineno, starts[k], f"argument {x} is not in 1..{n}")
        edges.append((a, b))
    if n is None:
        raise FrameworkFormatError(1, 1, "no 'p af N' header")
    use_names = (
        len(names) == n and len(set(names.values())) == n and set(names) == set(range(1, n + 1))
    )
    G = nx.DiGraph()
    key = (lambda i: names[i]) if use_names else (lambda i: i)
    G.add_nodes_from(key(i) for i in range(1, n + 1))
    G.add_edges_from((key(a), key(b)) for a, b in edges)
    return G


def write_iccma(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` in ICCMA 2023 form, with ``# N name`` comments
    mapping the numbers back to the node names.

    Example:
        >>> print(write_iccma(nx.DiGraph([("a", "b")])), end="")
        # 1 a
        # 2 b
        p af 2
        1 2
    """
    nodes = list(G.nodes)
    number = {node: i for i, node in enumerate(nodes, 1)}
    lines = [f"# {i} {_one_line(str(node))}" for node, i in number.items()]
    lines.append(f"p af {len(nodes)}")
    lines += [f"{number[u]} {number[v]}" for u, v in _attack_edges(G)]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- ASPARTIX apx -----------------------------------------------------------------------

_PLAIN = re.compile(r"^[a-z][A-Za-z0-9_]*$")
_TERM = r'(?:"(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+)'
_FACT = re.compile(rf"\s*(arg|att)\s*\(\s*({_TERM})\s*(?:,\s*({_TERM})\s*)?\)\s*\.")


def _apx_name(node: Any) -> str:
    text = str(node)
    if _PLAIN.match(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _apx_unname(term: str) -> str:
    if not term.startswith('"'):
        return term
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), term[1:-1])


def read_apx(text: str) -> nx.DiGraph:
    """Return the framework in ASPARTIX apx text (``arg(a).``, ``att(a,b).``).

    Raises:
        FrameworkFormatError: a line that is no fact, or an attack on an undeclared
            argument.

    Example:
        >>> sorted(read_apx('arg(a). arg("b c").\\natt(a,"b c").').edges)
        [('a', 'b c')]
    """
    G = nx.DiGraph()
    pending: list[tuple[str, str, int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0] if '"' not in raw else raw
        pos = 0
        while pos < len(line) and line[pos:].strip():
            m = _FACT.match(line, pos)
            if m is None:
                col = pos + len(line[pos:]) - len(line[pos:].lstrip()) + 1
                rest = line[col - 1 :].strip()
                if rest.startswith("%"):
                    break
                raise FrameworkFormatError(
                    lineno, col, f"expected arg(x). or att(x,y)., got {rest[:30]!r}"
                )
            kind, a, b = m.group(1), m.group(2), m.group(3)
            if kind == "arg":
                if b is not None:
                    raise FrameworkFormatError(lineno, pos + 1, "arg/1 takes one argument")
                G.add_node(_apx_unname(a))
            else:
                if b is None:
                    raise FrameworkFormatError(lineno, pos + 1, "att/2 takes two arguments")
                pending.append((_apx_unname(a), _apx_unname(b), lineno, pos + 1))
            pos = m.end()
    for a, b, lineno, col in pending:
        for x in (a, b):
            if x not in G:
                raise FrameworkFormatError(lineno, col, f"attack on undeclared argument {x!r}")
        G.add_edge(a, b)
    return G


def write_apx(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` as ASPARTIX apx facts."""
    lines = [f"arg({_apx_name(n)})." for n in G.nodes]
    lines += [f"att({_apx_name(u)},{_apx_name(v)})." for u, v in _attack_edges(G)]
    return "\n".join(lines) + "\n"


# --- TGF --------------------------------------------------------------------------------


def read_tgf(text: str) -> nx.DiGraph:
    """Return the framework in TGF text; nodes are named by their labels when those are
    present and unique, else by their ids.

    Example:
        >>> sorted(read_tgf("1 a\\n2 b\\n#\\n1 2\\n").edges)
        [('a', 'b')]
    """
    ids: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    in_edges = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if in_edges:
                raise FrameworkFormatError(lineno, 1, "a second '#' line")
            in_edges = True
            continue
        parts = line.split(None, 1)
        if not in_edges:
            if parts[0] in ids:
                raise FrameworkFormatError(lineno, 1, f"node {parts[0]!r} given twice")
            ids[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
        else:
            ends = line.split()
            if len(ends) < 2:
                raise FrameworkFormatError(lineno, 1, f"expected 'from to', got {line!r}")
            for k, end in enumerate(ends[:2]):
                if end not in ids:
                    col = raw.index(end, raw.index(ends[0]) + (len(ends[0]) if k else 0)) + 1
                    raise FrameworkFormatError(lineno, col, f"unknown node {end!r}")
            edges.append((ends[0], ends[1]))
    labels = list(ids.values())
    name = ids.__getitem__ if len(set(labels)) == len(labels) else (lambda i: i)
    G = nx.DiGraph()
    G.add_nodes_from(name(i) for i in ids)
    G.add_edges_from((name(a), name(b)) for a, b in edges)
    return G


def write_tgf(G: nx.DiGraph) -> str:
    """Return the attacks of ``G`` in TGF, nodes numbered from 1 and labelled by name."""
    number = {node: i for i, node in enumerate(G.nodes, 1)}
    lines = [f"{i} {_one_line(str(node))}" for node, i in number.items()]
    lines.append("#")
    lines += [f"{number[u]} {number[v]}" for u, v in _attack_edges(G)]
    return "\n".join(lines) + "\n"


#: Readers and writers by format name.
FRAMEWORK_FORMATS: dict[
    str, tuple[Callable[[str], nx.DiGraph], Callable[[nx.DiGraph], str], tuple[str, ...]]
] = {
    "iccma": (read_iccma, write_iccma, (".af", ".i23", ".iccma")),
    "apx": (read_apx, write_apx, (".apx",)),
    "tgf": (read_tgf, write_tgf, (".tgf",)),
}


def guess_format(filename: str | Path) -> str | None:
    """Return the framework format of a file name by its extension, or None.

    Example:
        >>> guess_format("bench/fw-100.af"), guess_format("map.json")
        ('iccma', None)
    """
    suffix = Path(filename).suffix.lower()
    for name, (_, _, exts) in FRAMEWORK_FORMATS.items():
        if suffix in exts:
            return name
    return None


def read_framework(text: str, format: str) -> nx.DiGraph:
    """Return the framework in ``text`` read as ``format`` ('iccma', 'apx' or 'tgf')."""
    if format not in FRAMEWORK_FORMATS:
        raise ValueError(f"unknown framework format {format!r}")
    return FRAMEWORK_FORMATS[format][0](text)


def write_framework(G: nx.DiGraph, format: str) -> str:
    """Return the attacks of ``G`` written as ``format`` ('iccma', 'apx' or 'tgf')."""
    if format not in FRAMEWORK_FORMATS:
        raise ValueError(f"unknown framework format {format!r}")
    return FRAMEWORK_FORMATS[format][1](G)


_SLUG = re.compile(r"[^a-z0-9]+")


def framework_to_map(G: nx.DiGraph, *, title: str | None = None) -> ArgumentMap:
    """Return an argument map holding a framework: each argument a claim, each attack a
    ``rebuts`` relation; claim ids are slugs of the argument names (made unique), and
    the names are the claims' texts.

    Example:
        >>> m = framework_to_map(nx.DiGraph([(1, 2)]))
        >>> [(c.id, c.text) for c in m.claims], m.relations[0].type.value
        ([('1', '1'), ('2', '2')], 'rebuts')
    """
    ids: dict[Any, str] = {}
    used: set[str] = set()
    for node in G.nodes:
        base = _SLUG.sub("-", str(node).lower()).strip("-") or "arg"
        slug, k = base, 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        ids[node] = slug
    return ArgumentMap.model_validate(
        {
            "title": title,
            "claims": [{"id": ids[n], "text": str(n)} for n in G.nodes],
            "relations": [
                {"from": ids[u], "to": ids[v], "type": "rebuts"} for u, v in _attack_edges(G)
            ],
        }
    )
