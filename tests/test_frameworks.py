"""ICCMA 2023, ASPARTIX apx and TGF: round trips, fixtures, located errors, and the CLI on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.frameworks import (
    FRAMEWORK_FORMATS,
    FrameworkFormatError,
    framework_statuses,
    framework_to_map,
    guess_format,
    read_apx,
    read_attack_framework,
    read_attacks,
    read_framework,
    read_iccma,
    read_tgf,
    write_apx,
    write_framework,
    write_iccma,
    write_tgf,
)
from argmap.semantics import (
    SEMANTICS,
    grounded_extension,
    grounded_labelling,
    grounded_labelling_from_attacks,
    preferred_extensions,
)
from argmap.semantics.framework import Framework
from argmap.status import ClaimStatus, claim_statuses
from conftest import ROOT

FIXTURES = Path(__file__).parent / "data" / "frameworks"

AWKWARD = [
    "a b",
    " lead",
    "trail ",
    'x"y',
    '"quoted"',
    "p,q",
    "f(x).",
    "arg(a).",
    "% not a comment",
    "# not a comment",
    "é à",
    "back\\slash",
    "line\nbreak",
    "tab\there",
    "cr\r",
    "sep\u2028",
    "nbsp\u00a0",
    "1",
    "-3",
    "007",
    "not",
    "arg",
    "Upper",
    "_under",
    "p af 3",
    "null",
    "true",
]

NAMES: st.SearchStrategy[Any] = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=0, max_size=8),
    st.sampled_from(AWKWARD),
    st.integers(-50, 50),
)


def _graph(names: list[Any], edges: list[tuple[Any, Any]]) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(names)
    G.add_edges_from(edges)
    return G


graphs = st.lists(NAMES, max_size=8, unique=True).flatmap(
    lambda names: (
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=16).map(
            lambda edges, names=names: _graph(names, edges)
        )
        if names
        else st.just(nx.DiGraph())
    )
)


def same(a: nx.DiGraph, b: nx.DiGraph) -> bool:
    """Same node keys (of the same types) and the same attacks."""
    typed_nodes = {(type(n), n) for n in a.nodes}
    return typed_nodes == {(type(n), n) for n in b.nodes} and set(a.edges) == set(b.edges)


# --- round trips ------------------------------------------------------------------------


_COMMENTS = st.sampled_from(["# a note", "", "# 1 musk", "# 2 altman", "# 3 x"])


@settings(max_examples=300, deadline=None)
@given(graphs, st.sampled_from(sorted(FRAMEWORK_FORMATS)))
def test_round_trip_keeps_names_and_attacks(G: nx.DiGraph, fmt: str) -> None:
    text = write_framework(G, fmt)
    back = read_framework(text, fmt)
    assert same(back, G), text
    assert write_framework(back, fmt) == text  # and writing again is stable


@settings(max_examples=100, deadline=None)
@given(graphs)
def test_iccma_writes_one_line_per_name_and_attack(G: nx.DiGraph) -> None:
    lines = write_iccma(G).splitlines()
    assert lines[0] == f"p af {len(G)}"
    assert len(lines) == 1 + G.number_of_edges() + sum(1 for x in lines if x.startswith("#"))


def test_writers_take_only_rebuts() -> None:
    G = argmap.to_graph(argmap.load(ROOT / "data" / "claims.json"))
    rebuts = sum(1 for *_, t in G.edges(data="type") if t == "rebuts")
    assert 0 < rebuts < G.number_of_edges()
    for fmt in FRAMEWORK_FORMATS:
        back = read_framework(write_framework(G, fmt), fmt)
        assert set(back.nodes) == set(G.nodes) and back.number_of_edges() == rebuts
        assert grounded_extension(back) == grounded_extension(G)


def test_integer_nodes_one_to_n_are_written_as_themselves() -> None:
    G = nx.DiGraph([(3, 1), (1, 2)])
    assert write_iccma(G) == "p af 3\n3 1\n1 2\n"
    back = read_iccma(write_iccma(G))
    assert same(back, G) and sorted(back.nodes) == [1, 2, 3]


def test_iccma_name_comments_encode_awkward_names() -> None:
    G = nx.DiGraph([('Musk\'s "claim"', "line\nbreak"), ("42", 42)])
    text = write_iccma(G)
    assert text.splitlines() == [
        "p af 4",
        '# 1 Musk\'s "claim"',
        '# 2 "line\\nbreak"',
        '# 3 "42"',
        "# 4 42",
        "1 2",
        "3 4",
    ]
    assert same(read_iccma(text), G)


def test_apx_terms() -> None:
    G = nx.DiGraph([("musk", "Musk"), (7, "7"), ("not", 'a "b"\nc\\')])
    text = write_apx(G)
    assert text.splitlines()[:6] == [
        "arg(musk).",
        'arg("Musk").',
        "arg(7).",
        'arg("7").',
        'arg("not").',
        'arg("a \\"b\\"\\nc\\\\").',
    ]
    assert same(read_apx(text), G)


# --- fixtures ---------------------------------------------------------------------------


def test_plain_iccma_fixture_gives_numbers() -> None:
    G = read_framework(FIXTURES / "reinstatement.af")
    assert list(G.nodes) == [1, 2, 3] and sorted(G.edges) == [(1, 2), (2, 3)]
    assert grounded_extension(G) == {1, 3}


def test_isolated_arguments_and_comments_before_the_header() -> None:
    G = read_framework(FIXTURES / "isolated.i23")
    assert list(G.nodes) == [1, 2, 3, 4, 5, 6]
    assert sorted(G.edges) == [(1, 2), (2, 1), (3, 3), (4, 5)]
    assert grounded_extension(G) == {4, 6}


def test_named_iccma_fixture_gives_names() -> None:
    G = read_framework(FIXTURES / "named.af", "iccma")
    assert list(G.nodes) == [
        "musk-control",
        "openai-betrayed-mission",
        'Musk\'s "sour grapes"',
        42,
    ]
    assert ("musk-control", "openai-betrayed-mission") in G.edges


def test_partial_name_comments_are_ignored() -> None:
    G = read_iccma("p af 3\n# 1 only-one\n1 2\n")
    assert list(G.nodes) == [1, 2, 3]
    G = read_iccma("p af 2\n# 1 same\n# 2 same\n1 2\n")  # names must be distinct
    assert list(G.nodes) == [1, 2]


def test_apx_fixture() -> None:
    G = read_framework(FIXTURES / "floating.apx")
    c = "c, the contested claim"
    assert list(G.nodes) == ["a", "b", c, "d"]
    assert set(G.edges) == {("a", "b"), ("b", "a"), ("a", c), ("b", c), (c, "d")}
    assert [sorted(e) for e in preferred_extensions(G)] == [["a", "d"], ["b", "d"]]


def test_tgf_fixture() -> None:
    G = read_framework(FIXTURES / "dispute.tgf")
    assert list(G.nodes) == ["musk-was-pushed-out", "departure-was-mutual", "Musk resigned in 2018"]
    assert ("Musk resigned in 2018", "musk-was-pushed-out") in G.edges  # edge label ignored
    assert grounded_extension(G) == {"Musk resigned in 2018", "departure-was-mutual"}


def test_tgf_without_unique_labels_uses_ids() -> None:
    G = read_tgf("1 same\n2 same\n3\n#\n1 2\n")
    assert list(G.nodes) == [1, 2, 3] and list(G.edges) == [(1, 2)]
    G = read_tgf("a\nb x\n#\na b\n")  # a node without a label is named by its id
    assert list(G.nodes) == ["a", "x"]


def test_crlf_and_byte_order_mark() -> None:
    assert sorted(read_iccma("\ufeffp af 2\r\n1 2\r\n").edges) == [(1, 2)]
    assert list(read_apx("arg(a).\r\narg(b).\r\natt(a,b).\r\n").edges) == [("a", "b")]
    assert list(read_tgf("1 a\r\n2 b\r\n#\r\n1 2\r\n").edges) == [("a", "b")]


def test_empty_frameworks() -> None:
    assert write_iccma(nx.DiGraph()) == "p af 0\n"
    assert len(read_iccma("p af 0\n")) == 0
    assert write_apx(nx.DiGraph()) == "" and len(read_apx("% nothing\n")) == 0
    assert write_tgf(nx.DiGraph()) == "#\n" and len(read_tgf("")) == 0


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "where", "message"),
    [
        ("iccma", "1 2\n", (1, 1), "an attack before the 'p af N' header"),
        ("iccma", "# only comments\n", (1, 1), "no 'p af N' header"),
        ("iccma", "", (1, 1), "no 'p af N' header"),
        ("iccma", "p af 2\np af 2\n", (2, 1), "a second 'p af' header"),
        ("iccma", "p af two\n", (1, 1), "expected 'p af N', got 'p af two'"),
        ("iccma", "p cnf 2 1\n", (1, 1), "expected 'p af N', got 'p cnf 2 1'"),
        ("iccma", "p af 2\n1 2\n1 x\n", (3, 3), "expected two argument numbers, got 'x'"),
        ("iccma", "p af 2\n\n  1  x\n", (3, 6), "expected two argument numbers, got 'x'"),
        ("iccma", "p af 2\n1\n", (2, 2), "expected two argument numbers, got only '1'"),
        ("iccma", "p af 3\n1 2 3\n", (2, 5), "expected two argument numbers, got more: '3'"),
        ("iccma", "p af 2\n1 -2\n", (2, 3), "expected two argument numbers, got '-2'"),
        ("iccma", "p af 2\n1  3\n", (2, 4), "argument 3 is not in 1..2"),
        ("iccma", "p af 2\n0 1\n", (2, 1), "argument 0 is not in 1..2"),
        ("apx", "arg(a).\natt(a,b).\n", (2, 7), "attack on undeclared argument 'b'"),
        ("apx", "arg(a).\n  garbage\n", (2, 3), "expected arg(x). or att(x,y)., got 'garbage'"),
        ("apx", "arg(a)\n", (1, 7), "expected '.', got the end of the line"),
        ("apx", "arg(a b).\n", (1, 7), "expected ')', got 'b'"),
        ("apx", "arg().\n", (1, 5), "expected an argument name in arg(...)"),
        ("apx", "arg(a,b).\n", (1, 1), "arg takes 1 argument, got 2"),
        ("apx", "arg(a). att(a).\n", (1, 9), "att takes 2 arguments, got 1"),
        ("apx", 'arg("a\\tb").\n', (1, 7), "unknown escape '\\t' (known: \\\\ \\\" \\n)"),
        ("apx", 'arg("open).\n', (1, 5), "expected an argument name in arg(...)"),
        ("tgf", "1 a\n#\n1 9\n", (3, 3), "unknown node '9'"),
        ("tgf", "1 a\n1 b\n", (2, 1), "node '1' given twice"),
        ("tgf", "1 a\n#\n1\n", (3, 2), "expected 'from to', got only '1'"),
        ("tgf", "1 a\n#\n #\n", (3, 2), "a second '#' line"),
    ],
)
def test_malformed_input_is_located(
    fmt: str, text: str, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(FrameworkFormatError) as info:
        read_framework(text, fmt)
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.line, err.column, err.reason) == (*where, message)
    assert str(err) == f"{where[0]}:{where[1]}: {message}" and "\n" not in str(err)


def test_malformed_fixture_file() -> None:
    with pytest.raises(FrameworkFormatError, match=r"^3:3: argument 3 is not in 1\.\.2$"):
        read_framework(FIXTURES / "bad-range.af")


def test_dispatch_and_guessing() -> None:
    assert [guess_format(n) for n in ("x.af", "x.i23", "x.ICCMA", "x.apx", "x.tgf", "x.json")] == [
        "iccma",
        "iccma",
        "iccma",
        "apx",
        "tgf",
        None,
    ]
    assert set(FRAMEWORK_FORMATS) == {"iccma", "apx", "tgf"}
    assert FRAMEWORK_FORMATS["apx"].extensions == (".apx",)
    with pytest.raises(ValueError, match="unknown framework format 'dimacs'"):
        read_framework("", "dimacs")
    with pytest.raises(ValueError, match="unknown framework format"):
        write_framework(nx.DiGraph(), "dimacs")
    with pytest.raises(ValueError, match="give the format"):
        read_framework("p af 1\n")
    with pytest.raises(ValueError, match="cannot tell the framework format"):
        read_framework(ROOT / "data" / "claims.json")


def test_framework_to_map_makes_unique_slugs() -> None:
    m = framework_to_map(nx.DiGraph([("A b", "a-b"), ("a-b", "Ü")]))
    assert [c.id for c in m.claims] == ["a-b", "a-b-2", "arg"]
    assert argmap.check(m, select=["E"]) == []


def test_export_and_status_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    af = tmp_path / "m.af"
    assert main(["export", str(ROOT / "data" / "claims.json"), "-o", str(af)]) == 0
    assert af.read_text().splitlines()[-1].split()[0].isdigit()
    capsys.readouterr()
    odd = tmp_path / "odd.af"
    odd.write_text("p af 3\n1 2\n2 3\n3 1\n")
    assert main(["status", str(odd), "--semantics", "stable", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"verdict": "contested"' in out and '"in_some_reading": true' not in out
    assert '"arguments": [' in out
    bad = tmp_path / "bad.af"
    bad.write_text("p af 1\n1 2\n")
    assert main(["status", str(bad)]) == 2
    assert f"{bad}:2:3: error E001 invalid iccma framework" in capsys.readouterr().err


# --- reading attacks without a graph ----------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(graphs, st.sampled_from(sorted(FRAMEWORK_FORMATS)))
def test_read_attacks_gives_the_graphs_arguments_and_attacks(G: nx.DiGraph, fmt: str) -> None:
    text = write_framework(G, fmt)
    arguments, attacks = read_attacks(text, fmt)
    H = read_framework(text, fmt)
    assert arguments == list(H.nodes)
    assert set(attacks) == set(H.edges)
    labels = grounded_labelling_from_attacks(arguments, attacks)
    assert labels == grounded_labelling(H)


ICCMA_LINES = st.sampled_from(
    ["p af 3", "p af 0", "p af x", "1 2", "2 3", "3 3", "1 2", "0 1", "1 4", "1", "1 2 3",
     "# c", "#2 two", "", "  ", "x y", "+1 2", "1_0 2", "٣ 1", "01 2", "1\t2", "  2   1  "]
)  # fmt: skip
ICCMA_TEXTS = st.tuples(
    st.lists(ICCMA_LINES, max_size=8), st.sampled_from(["\n", "\r\n"]), st.booleans()
).map(lambda t: ("\ufeff" if t[2] else "") + t[1].join(t[0]))


@settings(max_examples=400, deadline=None)
@given(ICCMA_TEXTS)
def test_bulk_iccma_reading_agrees_with_the_careful_reader(text: str) -> None:
    try:
        G = read_iccma(text)
    except FrameworkFormatError as err:
        with pytest.raises(FrameworkFormatError) as again:
            read_attacks(text, "iccma")
        assert str(again.value) == str(err)
        return
    arguments, attacks = read_attacks(text, "iccma")
    assert arguments == list(G.nodes)
    assert sorted(set(attacks), key=repr) == sorted(G.edges, key=repr)


def test_read_attacks_from_a_file_and_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "fw.af"
    path.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    assert read_attacks(path) == ([1, 2, 3], [(1, 2), (2, 3)])
    with pytest.raises(ValueError, match="cannot tell the framework format"):
        read_attacks(tmp_path / "fw.txt")
    with pytest.raises(ValueError, match="give the format"):
        read_attacks("p af 1\n")
    with pytest.raises(FrameworkFormatError, match=r"^3:3: argument 3 is not in 1\.\.2$"):
        read_attacks(FIXTURES / "bad-range.af")
    with pytest.raises(ValueError, match="an attack names 9, which is not an argument"):
        grounded_labelling_from_attacks([1, 2], [(1, 9)])


@settings(max_examples=150, deadline=None)
@given(graphs, st.sampled_from(SEMANTICS), st.booleans())
def test_framework_statuses_equal_those_of_the_map(
    G: nx.DiGraph, semantics: str, with_strength: bool
) -> None:
    text = write_iccma(G)
    fast = framework_statuses(*read_attacks(text, "iccma"), semantics=semantics,
                              with_strength=with_strength)  # fmt: skip
    slow = claim_statuses(
        framework_to_map(read_iccma(text)),
        semantics=semantics,
        with_strength=with_strength,
        support=False,  # a framework's arguments need no support
    )

    def same(s: ClaimStatus) -> dict[str, Any]:  # a map's claims have a kind and a hedge
        return {k: v for k, v in s.to_dict().items() if k not in ("kind", "hedge")}

    assert [same(s) for s in fast] == [same(s) for s in slow]
    assert {s.kind for s in fast} <= {"argument"}


_COMMENTS = st.sampled_from(["# a note", "", "# 1 musk", "# 2 altman", "# 3 x"])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 6).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(1, max(n, 1)), st.integers(1, max(n, 1))), max_size=12),
            st.lists(
                st.sampled_from(["# a comment", "", "# 1 musk", "# 2 altman", "# 3 x"]), max_size=4
            ),
            st.booleans(),
        )
    )
)
def test_iccma_framework_without_a_graph_matches_the_graph(
    case: tuple[int, list[tuple[int, int]], list[str], bool],
) -> None:
    """An ICCMA file off the bulk path (comments, names, repeated attacks) gives the same
    framework, names and order, read with or without a networkx graph."""
    n, attacks, extra, named = case
    if not n:
        attacks = []
    names = [f"# {i} arg{i}" for i in range(1, n + 1)] if named else []
    lines = [f"p af {n}", *names, *(f"{a} {b}" for a, b in attacks)]
    lines[1:1] = [*extra, "# a comment after the header: off the bulk path"]
    text = "\n".join(lines) + "\n"
    got = read_attack_framework(text, "iccma")
    G = read_iccma(text)
    want = Framework.from_attacks(list(G.nodes), list(G.edges))
    assert (got.names, got.attacks) == (want.names, want.attacks), text


@pytest.mark.parametrize(
    "text",
    ["1 \\\n#\n1 1", "1 a\n2 b\n#\n1 2\n2 1\n", "7 x\n#\n"],  # names other than 1..n
)
def test_strength_on_a_named_framework_file(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``status --strength`` on a TGF file whose arguments have names (found by the
    fuzzing harness: the attacks were passed by number, the arguments by name)."""
    path = tmp_path / "f.tgf"
    path.write_text(text, encoding="utf-8")
    assert main(["status", str(path), "--strength", "--format", "json"]) == 0
    plain = capsys.readouterr().out
    assert '"strength"' in plain
    assert main(["status", str(path), "--semantics", "stable", "--strength"]) == 0
