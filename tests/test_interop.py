"""Node-link JSON (both ways) and GraphML (export): nothing lost, readable by networkx."""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.formats import FormatError
from argmap.interop import (
    GRAPHML_LIST_SEPARATOR,
    from_aif,
    from_node_link,
    mermaid_text,
    to_aif,
    to_argdown,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from conftest import ROOT, write_map

BUNDLED = ROOT / "data" / "claims.json"
SLUG = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)
TEXT = st.text(min_size=1, max_size=20)


@st.composite
def maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    ids = draw(st.lists(SLUG, min_size=1, max_size=8, unique=True))
    parties = draw(st.lists(SLUG, max_size=3, unique=True))
    n_claims = draw(st.integers(1, len(ids)))
    claims = [
        {
            "id": i,
            "text": draw(TEXT),
            "asserted_by": draw(st.lists(st.sampled_from(parties), max_size=2, unique=True))
            if parties
            else [],
        }
        for i in ids[:n_claims]
    ]
    evidence = [
        {"id": i, "source": "s", "quote": draw(TEXT), "translation": draw(st.none() | TEXT)}
        for i in ids[n_claims:]
    ]
    relations = draw(
        st.lists(
            st.builds(
                lambda a, b, t: {"from": a, "to": b, "type": t},
                st.sampled_from(ids),
                st.sampled_from(ids),
                st.sampled_from(["supports", "rebuts"]),
            ),
            max_size=10,
        )
    )
    return argmap.ArgumentMap.model_validate(
        {
            "title": draw(st.none() | TEXT),
            "sources": [{"id": "s", "title": "S", "text": "t", "kind": "ai-generated"}],
            "parties": [{"id": p, "name": p.upper()} for p in parties],
            "claims": claims,
            "evidence": evidence,
            "relations": relations,
        }
    )


def test_bundled_map_survives_node_link() -> None:
    m = argmap.load(BUNDLED)
    data = json.loads(json.dumps(to_node_link(m)))
    assert from_node_link(data).model_dump() == m.model_dump()
    G = nx.node_link_graph(data, edges="edges")
    assert set(G.nodes) == set(argmap.to_graph(m).nodes)


@settings(max_examples=100, deadline=None)
@given(maps())
def test_any_map_survives_node_link(m: argmap.ArgumentMap) -> None:
    assert from_node_link(json.loads(json.dumps(to_node_link(m)))).model_dump() == m.model_dump()


def test_node_link_errors() -> None:
    with pytest.raises(FormatError, match="no 'nodes'"):
        from_node_link({"graph": {}})
    with pytest.raises(FormatError, match="'kind' must be"):
        from_node_link({"nodes": [{"id": "a"}]})
    with pytest.raises(FormatError, match="not a valid map"):
        from_node_link({"nodes": [{"id": "a", "kind": "claim"}]})


def _decoded(G: nx.DiGraph) -> nx.DiGraph:
    """Return ``G`` with attributes as GraphML writes them."""
    H = nx.DiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if v is not None})

    def plain(v: Any) -> Any:
        if isinstance(v, tuple):
            return f"{v[0]},{v[1]}"
        if isinstance(v, list):
            return GRAPHML_LIST_SEPARATOR.join(v)
        return v

    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: plain(v) for k, v in d.items() if v is not None})
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, **{k: plain(x) for k, x in d.items() if x is not None})
    return H


def test_graphml_reads_back_with_the_same_attributes() -> None:
    m = argmap.load(BUNDLED)
    back = nx.read_graphml(io.StringIO(to_graphml(m)))
    want = _decoded(argmap.to_graph(m))
    assert nx.is_isomorphic(back, want)
    assert dict(back.nodes(data=True)) == dict(want.nodes(data=True))
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {
        (u, v): d for u, v, d in want.edges(data=True)
    }


@settings(max_examples=50, deadline=None)
@given(maps())
def test_graphml_of_any_map_is_readable(m: argmap.ArgumentMap) -> None:
    back = nx.read_graphml(io.StringIO(to_graphml(m)))
    assert set(back.nodes) == set(argmap.to_graph(m).nodes)


def test_export_import_cli(
    tmp_path: Path, base: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(tmp_path, base)
    nl = tmp_path / "m.nodelink.json"
    assert main(["export", str(path), "-o", str(nl)]) == 0
    back = tmp_path / "back.json"
    assert main(["import", "node-link", str(nl), "-o", str(back)]) == 0
    assert argmap.load(back).model_dump() == argmap.load(path).model_dump()
    assert main(["export", str(path), "-o", str(tmp_path / "m.graphml")]) == 0
    assert nx.read_graphml(tmp_path / "m.graphml").number_of_nodes() == 5
    assert main(["import", "node-link", str(nl), "-o", str(nl)]) == 2
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["import", "node-link", str(tmp_path / "bad.json"), "-o", "-"]) == 2
    assert "invalid JSON" in capsys.readouterr().err


MERMAID_LINE = re.compile(
    r'^  (n\d+\("[^"\n]*"\):::\w+(:::unrebutted)?'
    r'|n\d+>"[^"\n]*"\]:::(quote|ai)'
    r"|n\d+ (-->|-\.-x) n\d+"
    r"|classDef \w+ .*"
    r"|linkStyle \d+ stroke:#[0-9A-F]{6},stroke-width:[\d.]+px)$"
)


def test_mermaid_structure_of_bundled_map() -> None:
    m = argmap.load(BUNDLED)
    text = to_mermaid(m)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert all(MERMAID_LINE.match(ln) for ln in lines[1:]), [
        ln for ln in lines[1:] if not MERMAID_LINE.match(ln)
    ][:3]
    G = argmap.to_graph(m)
    assert sum("-.-x" in ln for ln in lines) == 21
    assert sum(" --> " in ln for ln in lines) == G.number_of_edges() - 21
    assert sum(":::ai" in ln for ln in lines) == 36


@settings(max_examples=300)
@given(st.text())
def test_mermaid_text_cannot_break_a_label(text: str) -> None:
    out = mermaid_text(text)
    assert not set(out) & set('"\n\r<>[]{}|`')
    # every entity decodes back to the character it stands for
    decoded = re.sub(
        r"#(\w+);",
        lambda mt: {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}.get(
            mt.group(1), chr(int(mt.group(1))) if mt.group(1).isdigit() else mt.group(0)
        ),
        out,
    )
    from argmap.render.quoting import clean

    assert decoded == " ".join(clean(text).split())


AIF = Path(__file__).parent / "data" / "aif"
AIF_EXPECTED: dict[str, dict[str, Any]] = json.loads((AIF / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(AIF_EXPECTED))
def test_aif_fixtures_import_with_counts_and_warnings(name: str) -> None:
    want = AIF_EXPECTED[name]
    result = from_aif(json.loads((AIF / name).read_text(encoding="utf-8")))
    m = result.map
    types = [r.type.value for r in m.relations]
    got = {
        "claims": len(m.claims),
        "evidence": len(m.evidence),
        "supports": types.count("supports"),
        "rebuts": types.count("rebuts"),
        "parties": len(m.parties),
        "warnings": result.warnings,
    }
    assert got == want
    assert [d.format() for d in argmap.check(m, select=["E"])] == []  # quotes proven


def test_aif_locutions_become_spoken_quotes() -> None:
    m = from_aif(json.loads((AIF / "locutions.json").read_text())).map
    ev = {e.quote: e for e in m.evidence}
    alice = next(p for p in m.parties if p.name == "Alice Martin")
    assert ev["Taxes should fall"].speaker == [alice.id]
    claim = next(c for c in m.claims if c.text == "Taxes should fall")
    assert claim.asserted_by == [alice.id]


def test_bundled_map_survives_aif() -> None:
    m = argmap.load(BUNDLED)
    data = json.loads(json.dumps(to_aif(m)))
    types = Counter(n["type"] for n in data["nodes"])
    assert types["I"] == len(m.claims) + len(m.evidence) and types["L"] == len(m.evidence)
    assert types["CA"] == 21 and types["RA"] == 125
    result = from_aif(data)
    assert result.warnings == [] and result.map.model_dump() == m.model_dump()


@settings(max_examples=100, deadline=None)
@given(maps())
def test_any_map_survives_aif(m: argmap.ArgumentMap) -> None:
    result = from_aif(json.loads(json.dumps(to_aif(m))))
    assert result.map.model_dump() == m.model_dump()


def test_aif_import_cli_reports_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.json"
    assert main(["import", "aif", str(AIF / "undercut.json"), "-o", str(out)]) == 0
    assert "warning: 1 undercut(s)" in capsys.readouterr().err
    assert len(argmap.load(out).claims) == 3
    with pytest.raises(FormatError, match="no 'nodes'"):
        from_aif({"edges": []})


def _argdown_dir() -> Path | None:
    env = os.environ.get("ARGMAP_ARGDOWN_DIR")
    for folder in ([Path(env)] if env else []) + [ROOT / ".ci" / "node"]:
        if (folder / "node_modules" / "@argdown" / "core").is_dir():
            return folder
    return None


ARGDOWN = _argdown_dir()
needs_argdown = pytest.mark.skipif(
    shutil.which("node") is None or ARGDOWN is None,
    reason="Argdown's parser is absent: needs node and `npm install --prefix .ci/node "
    "@argdown/core` (or ARGMAP_ARGDOWN_DIR)",
)


def _parse_argdown(text: str, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "map.argdown"
    path.write_text(text, encoding="utf-8")
    script = Path(__file__).parent / "data" / "argdown" / "parse.cjs"
    out = subprocess.run(
        ["node", str(script), str(ARGDOWN), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    data: dict[str, Any] = json.loads(out)
    return data


def _without_tags(text: str) -> str:
    return re.sub(r"(\s#\([^)]*\))+\s*$", "", text).strip()


@needs_argdown
def test_argdown_parser_reads_the_bundled_map(tmp_path: Path) -> None:
    m = argmap.load(BUNDLED)
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == []
    want = {c.id: " ".join(c.text.split()) for c in m.claims}
    want |= {e.id: "« " + " ".join(e.quote.split()) + " »" for e in m.evidence}
    assert {k: _without_tags(v) for k, v in parsed["statements"].items()} == want
    kinds = {"supports": "support", "rebuts": "attack"}
    assert sorted(map(tuple, parsed["relations"])) == sorted(
        (r.source, r.target, kinds[r.type.value]) for r in m.relations
    )
    assert parsed["tags"]["musk-wanted-to-control-openai"] == ["sam-altman", "openai-leaders"]


NASTY_TEXT = "[]<>#@*_{}:/+-()!~^=|`$\\ \"'«»&%.,;?\n\t — é ∑ 🙂 // /* */ <!-- --> [a](b) ```"


@needs_argdown
def test_argdown_escaping_survives_the_parser(tmp_path: Path) -> None:
    rnd = random.Random(7)
    texts = [
        "".join(rnd.choice(NASTY_TEXT + "abc xyz") for _ in range(rnd.randrange(1, 40)))
        for _ in range(60)
    ]
    texts = [t if t.strip() else "x" for t in texts]
    m = argmap.ArgumentMap.model_validate(
        {"claims": [{"id": f"c{i}", "text": t} for i, t in enumerate(texts)]}
    )
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == [] and parsed["relations"] == []
    for i, t in enumerate(texts):
        assert parsed["statements"][f"c{i}"] == " ".join(t.split()), t


def test_argdown_structure() -> None:
    text = to_argdown(argmap.load(BUNDLED))
    assert "[musk-wanted-to-control-openai]: Musk wanted to control OpenAI\\. #(sam-altman)" in text
    assert "  -> [openai-abandoned-nonprofit-mission]" in text
    assert text.count("#(ai-generated)") == 36
