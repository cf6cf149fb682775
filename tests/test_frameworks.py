"""ICCMA, apx and TGF: round trips, fixtures, located errors, and the CLI on them."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.frameworks import (
    FRAMEWORK_FORMATS,
    FrameworkFormatError,
    framework_to_map,
    guess_format,
    read_framework,
    read_iccma,
    write_framework,
)
from argmap.semantics import grounded_extension
from conftest import ROOT

NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")),
    min_size=1,
    max_size=8,
) | st.sampled_from(["a b", 'x"y', "p,q", "f(x)", "é à", "back\\slash", "1", "arg"])

graphs = st.lists(NAMES, min_size=0, max_size=8, unique=True).flatmap(
    lambda names: (
        st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=12).map(
            lambda edges, names=names: _graph(names, edges)
        )
        if names
        else st.just(nx.DiGraph())
    )
)


def _graph(names: list[str], edges: list[tuple[str, str]]) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(names)
    G.add_edges_from(edges)
    return G


@settings(max_examples=200, deadline=None)
@given(graphs, st.sampled_from(sorted(FRAMEWORK_FORMATS)))
def test_round_trip_keeps_names_and_attacks(G: nx.DiGraph, fmt: str) -> None:
    back = read_framework(write_framework(G, fmt), fmt)
    if fmt == "tgf" and any(" " in n or n != n.strip() for n in G.nodes):
        assert nx.is_isomorphic(back, G)  # TGF labels are one line; names stay as written
        return
    assert set(back.nodes) == set(G.nodes) and set(back.edges) == set(G.edges)


def test_writers_take_only_rebuts() -> None:
    G = argmap.to_graph(argmap.load(ROOT / "data" / "claims.json"))
    back = read_iccma(write_framework(G, "iccma"))
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == sum(1 for *_, t in G.edges(data="type") if t == "rebuts")
    assert grounded_extension(back) == grounded_extension(G)


def test_plain_iccma_gives_numbers() -> None:
    G = read_iccma("p af 4\n# a comment\n1 2\n\n2 3\n")
    assert sorted(G.nodes) == [1, 2, 3, 4] and sorted(G.edges) == [(1, 2), (2, 3)]


@pytest.mark.parametrize(
    ("fmt", "text", "where", "reason"),
    [
        ("iccma", "1 2\n", (1, 1), "before the 'p af N' header"),
        ("iccma", "p af 2\np af 2\n", (2, 1), "second 'p af' header"),
        ("iccma", "p af 2\n1 x\n", (2, 1), "expected two argument numbers"),
        ("iccma", "p af 2\n1  3\n", (2, 4), "argument 3 is not in 1..2"),
        ("iccma", "# nothing\n", (1, 1), "no 'p af N' header"),
        ("apx", "arg(a).\natt(a,b).\n", (2, 1), "undeclared argument 'b'"),
        ("apx", "arg(a).\n  garbage\n", (2, 3), "expected arg(x). or att(x,y)."),
        ("tgf", "1 a\n#\n1 9\n", (3, 3), "unknown node '9'"),
        ("tgf", "1 a\n1 b\n", (2, 1), "given twice"),
    ],
)
def test_malformed_input_is_located(
    fmt: str, text: str, where: tuple[int, int], reason: str
) -> None:
    with pytest.raises(FrameworkFormatError) as info:
        read_framework(text, fmt)
    assert (info.value.line, info.value.column) == where and reason in str(info.value)


def test_guess_format_and_unknown() -> None:
    assert [guess_format(n) for n in ("x.af", "x.i23", "x.apx", "x.tgf", "x.json")] == [
        "iccma",
        "iccma",
        "apx",
        "tgf",
        None,
    ]
    with pytest.raises(ValueError):
        read_framework("", "dimacs")


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
    assert '"verdict": "undecided"' in out and '"credulous": true' not in out
    bad = tmp_path / "bad.af"
    bad.write_text("p af 1\n1 2\n")
    assert main(["status", str(bad)]) == 2
    assert f"{bad}:2:3: error E001 invalid iccma framework" in capsys.readouterr().err
    assert main(["export", str(ROOT / "data" / "claims.json"), "-o", "-"]) == 2
    assert main(["export", str(ROOT / "data" / "claims.json"), "-o", str(tmp_path / "x.zz")]) == 2
    assert "give --to" in capsys.readouterr().err
    assert main(["explain", str(odd), "1"]) == 0
    assert "(a cycle: it is already on this path)" in capsys.readouterr().out
