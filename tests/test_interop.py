"""Node-link JSON (both ways), GraphML (export) and the export and import commands.

``maps()`` draws maps that use every field of the model; the AIF, Argdown and
Mermaid tests import it from here.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.formats import READERS, WRITERS, FormatError
from argmap.interop import (
    GRAPHML_LIST_SEPARATOR,
    from_node_link,
    graphml_text,
    to_graphml,
    to_node_link,
)
from argmap.model import MOVES, Hedge, SourceKind
from conftest import ROOT, write_map

BUNDLED = ROOT / "data" / "claims.json"

SLUG = st.from_regex(r"[a-z0-9]{1,4}(?:[-_.][a-z0-9]{1,3}){0,2}", fullmatch=True)
TEXT = st.text(min_size=1, max_size=20)
OPT_TEXT = st.none() | TEXT
DATE = st.none() | st.sampled_from(["2015", "2018-02", "2024-03-01"])
SCORE = st.none() | st.floats(0, 1)
TAG = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters=";"), min_size=1, max_size=8
)
SPAN = st.none() | st.tuples(st.integers(0, 50), st.integers(1, 20)).map(
    lambda t: [t[0], t[0] + t[1]]
)


HEDGE = st.none() | st.sampled_from([h.value for h in Hedge])
SCHEME = st.none() | st.sampled_from(
    ["ad-hominem", "tu-quoque", "expert-opinion", "Argument From Sign", "ExpertOpinion"]
)
STANCE = st.sampled_from(["yes", "no", "pushed out", "in part; see notes", "a=b"])
NODE_RELATIONS = ["supports", "rebuts", *sorted(t.value for t in MOVES)]


@st.composite
def maps(draw: st.DrawFn) -> argmap.ArgumentMap:
    """Draw a map using every field of format version 2: parties with sides and
    members, several sources with reporters, questions, claims with tags, dates,
    scores, originals, hedges and answers, quotes with spans, reporters, speakers,
    hedges and translation marks, and relations of every type with ids, schemes and
    rationales (self-loops, repeats, undercuts of undercuts and cycles of undercuts
    included), in any order."""
    ids = draw(st.lists(SLUG, min_size=1, max_size=8, unique=True))
    party_ids = draw(st.lists(SLUG, max_size=3, unique=True))
    source_ids = draw(st.lists(SLUG, min_size=1, max_size=2, unique=True))
    question_ids = draw(st.lists(SLUG, max_size=2, unique=True))
    some_parties = (
        st.lists(st.sampled_from(party_ids), max_size=2, unique=True) if party_ids else st.just([])
    )
    a_party = st.none() | st.sampled_from(party_ids) if party_ids else st.none()
    parties = [
        {
            "id": p,
            "name": draw(TEXT),
            "kind": draw(st.sampled_from(["person", "organisation", "group", "author", "other"])),
            "side": draw(st.none() | st.sampled_from(["musk", "openai", "observers"])),
            "description": draw(OPT_TEXT),
            "members": draw(some_parties),
        }
        for p in party_ids
    ]
    sources = [
        {
            "id": s,
            "title": draw(TEXT),
            "kind": draw(st.sampled_from([k.value for k in SourceKind])),
            "text": draw(TEXT),
            "url": draw(OPT_TEXT),
            "published": draw(DATE),
            "reliability": draw(SCORE),
            "reporter": draw(a_party),
        }
        for s in source_ids
    ]
    questions = [
        {
            "id": q,
            "text": draw(TEXT),
            "original": draw(st.none() | st.builds(lambda t: {"lang": "fr", "text": t}, TEXT)),
        }
        for q in question_ids
    ]
    answers = (
        st.lists(
            st.builds(
                lambda q, s: {"question": q, "stance": s}, st.sampled_from(question_ids), STANCE
            ),
            max_size=2,
        )
        if question_ids
        else st.just([])
    )
    n_claims = draw(st.integers(0, len(ids)))
    claims = [
        {
            "id": i,
            "text": draw(TEXT),
            "asserted_by": draw(some_parties),
            "date": draw(DATE),
            "base_score": draw(SCORE),
            "tags": draw(st.lists(TAG, max_size=2)),
            "notes": draw(OPT_TEXT),
            "original": draw(st.none() | st.builds(lambda t: {"lang": "fr", "text": t}, TEXT)),
            "hedge": draw(HEDGE),
            "answers": draw(answers),
        }
        for i in ids[:n_claims]
    ]
    evidence = [
        {
            "id": i,
            "source": draw(st.sampled_from(source_ids)),
            "quote": draw(TEXT),
            "span": draw(SPAN),
            "translation": draw(OPT_TEXT),
            "reporter": draw(a_party),
            "speaker": draw(some_parties),
            "hedge": draw(HEDGE),
            "translated": draw(st.booleans()),
            "date": draw(DATE),
            "notes": draw(OPT_TEXT),
        }
        for i in ids[n_claims:]
    ]
    return argmap.ArgumentMap.model_validate(
        {
            "title": draw(OPT_TEXT),
            "description": draw(OPT_TEXT),
            "language": draw(st.sampled_from(["en", "fr"])),
            "sources": sources,
            "parties": parties,
            "questions": questions,
            "claims": claims,
            "evidence": evidence,
            "relations": draw(_relations(ids)),
        }
    )


@st.composite
def _relations(draw: st.DrawFn, ids: list[str]) -> list[dict[str, Any]]:
    """Draw relations between the nodes ``ids`` and undercuts of them (and of each
    other), some with ids (repeated at times), in any order."""
    rel_ids = draw(st.lists(SLUG, min_size=1, max_size=4, unique=True))
    optional = {"rationale": TEXT, "scheme": SCHEME.filter(bool), "id": st.sampled_from(rel_ids)}
    links = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "from": st.sampled_from(ids),
                    "to": st.sampled_from(ids),
                    "type": st.sampled_from(NODE_RELATIONS),
                },
                optional=optional,
            ),
            max_size=10,
        )
    )
    undercuts = draw(
        st.lists(
            st.fixed_dictionaries(
                {"from": st.sampled_from(ids), "type": st.just("undercuts")},
                optional=optional,
            ),
            max_size=4,
        )
    )
    targets = sorted({str(r["id"]) for r in links + undercuts if "id" in r})
    if not targets:  # an undercut of no relation is an error AIF cannot hold
        undercuts = []
    for u in undercuts:
        u["to"] = draw(st.sampled_from(targets))
    return list(draw(st.permutations(links + undercuts)))


#: Any JSON value, with the keys node-link and AIF readers look for.
JSON_KEYS = st.sampled_from(
    [
        *("nodes", "edges", "links", "graph", "id", "kind", "source", "target", "text", "type"),
        *("nodeID", "fromID", "toID", "locutions", "participants", "personID", "participantID"),
        *("AIF", "argmap", "sources", "claims", "title", "quote", "speaker", "locution_of"),
    ]
)
ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 30)
    | st.floats(allow_nan=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(JSON_KEYS, inner, max_size=6),
    max_leaves=40,
)


# -- node-link ---------------------------------------------------------------


def test_bundled_map_survives_node_link() -> None:
    m = argmap.load(BUNDLED)
    data = json.loads(json.dumps(to_node_link(m)))
    assert from_node_link(data).model_dump() == m.model_dump()
    G = nx.node_link_graph(data, edges="edges")
    assert set(G.nodes) == set(argmap.to_graph(m).nodes)
    assert G.graph["parties"] == [
        p.model_dump(mode="json", exclude_defaults=True) for p in m.parties
    ]


def _same_node_link(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def key(edge: dict[str, Any]) -> str:
        return json.dumps(edge, sort_keys=True)

    return {**a, "edges": sorted(a["edges"], key=key)} == {
        **b,
        "edges": sorted(b["edges"], key=key),
    }


@settings(max_examples=60, deadline=None)
@given(maps())
def test_any_map_survives_node_link_in_networkx_form(m: argmap.ArgumentMap) -> None:
    data = json.loads(json.dumps(to_node_link(m)))
    assert from_node_link(data).model_dump() == m.model_dump()
    # networkx reads it, and writes the very same data back: it is networkx's own form
    G = nx.node_link_graph(data, edges="edges")
    assert set(G.nodes) == {c.id for c in m.claims} | {e.id for e in m.evidence}
    undercuts = [r for r in m.relations if r.type.value == "undercuts"]
    # an undercut aims at a relation, so it is no edge but a graph attribute
    assert G.number_of_edges() == len(m.relations) - len(undercuts)
    assert len(G.graph.get("undercuts", [])) == len(undercuts)
    assert _same_node_link(nx.node_link_data(G, edges="edges"), data)


V2_MAP = ROOT / "tests" / "data" / "v2" / "dispute.json"


def test_version_2_map_survives_node_link_with_its_new_fields() -> None:
    m = argmap.load(V2_MAP)
    data = json.loads(json.dumps(to_node_link(m)))
    assert from_node_link(data).model_dump() == m.model_dump()
    assert data["graph"]["questions"] == [
        q.model_dump(mode="json", exclude_defaults=True) for q in m.questions
    ]
    (undercut,) = (r for r in m.relations if r.type.value == "undercuts")
    edge = next(e for e in data["edges"] if e.get("id") == undercut.target)
    assert edge["undercut_by"] == [undercut.source]
    assert [u["from"] for u in data["graph"]["undercuts"]] == [undercut.source]
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {n.get("hedge") for n in nodes.values()} >= {"alleges"}
    assert any(n.get("translated") for n in nodes.values())
    assert any(n.get("answers") for n in nodes.values())
    assert {e["type"] for e in data["edges"]} >= {"counter-accuses"}
    assert any("scheme" in e for e in data["edges"] + data["graph"]["undercuts"])


def test_node_link_of_a_graph_that_lists_only_undercut_by() -> None:
    """networkx data of to_graph-like graphs names undercuts on the edges only."""
    data = {
        "nodes": [{"id": i, "kind": "claim", "text": i.upper()} for i in "abc"],
        "edges": [
            {"source": "b", "target": "a", "type": "supports", "id": "r", "undercut_by": ["c"]}
        ],
    }
    m = from_node_link(data)
    assert [(r.source, r.type.value, r.target) for r in m.relations] == [
        ("b", "supports", "a"),
        ("c", "undercuts", "r"),
    ]


def test_node_link_repeated_pair_is_a_multigraph() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
            "relations": [
                {"from": "a", "to": "b", "type": "supports"},
                {"from": "a", "to": "b", "type": "rebuts"},
            ],
        }
    )
    data = to_node_link(m)
    assert data["multigraph"] is True
    assert [e["key"] for e in data["edges"]] == [0, 1]
    assert nx.node_link_graph(data, edges="edges").number_of_edges() == 2
    assert from_node_link(data) == m


def test_node_link_reads_links_written_by_older_networkx() -> None:
    m = argmap.load(BUNDLED)
    data = to_node_link(m)
    data["links"] = data.pop("edges")
    assert from_node_link(data).relations == m.relations


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "no 'nodes' list"),
        ({"graph": {}}, "no 'nodes' list"),
        ({"nodes": [], "graph": [1]}, "graph: must be an object"),
        ({"nodes": [3]}, r"nodes\[0\]: must be an object"),
        ({"nodes": [{"id": "a"}]}, r"nodes\[0\]: 'kind' must be"),
        ({"nodes": [], "edges": {}}, "edges: must be a list"),
        ({"nodes": [], "edges": ["x"]}, r"edges\[0\]: must be an object"),
        ({"nodes": [], "graph": {"undercuts": {}}}, "graph.undercuts: must be a list"),
        ({"nodes": [], "graph": {"undercuts": [1]}}, r"graph.undercuts\[0\]: must be an object"),
        (
            {"nodes": [], "edges": [{"source": "a", "target": "b", "undercut_by": "c"}]},
            r"edges\[0\].undercut_by: must be a list",
        ),
        (
            {"nodes": [], "edges": [{"source": "a", "target": "b", "undercut_by": ["c"]}]},
            r"edges\[0\]: an undercut edge needs an 'id'",
        ),
        (
            {
                "nodes": [{"id": "a", "kind": "claim", "text": "A"}],
                "graph": {"undercuts": [{"from": "a", "to": "r", "type": "undercuts", "x": 1}]},
            },
            r"not a valid map: graph.undercuts\[0\]\.x",
        ),
        ({"nodes": [{"id": "a", "kind": "claim"}]}, r"not a valid map: nodes\[0\]\.text"),
        (
            {
                "nodes": [{"id": "a", "kind": "claim", "text": "A"}],
                "edges": [{"source": "a", "target": "a", "type": "likes"}],
            },
            r"not a valid map: edges\[0\]\.type",
        ),
    ],
)
def test_node_link_errors_say_where(data: Any, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        from_node_link(data)


@settings(max_examples=150, deadline=None)
@given(ANY_JSON)
def test_node_link_reader_fails_only_with_format_error(data: Any) -> None:
    with contextlib.suppress(FormatError):
        from_node_link(data)


# -- GraphML -----------------------------------------------------------------


def _decoded(attrs: dict[str, Any]) -> dict[str, Any]:
    """Return GraphML attributes decoded as the module documents."""
    out = dict(attrs)
    for key in ("parties", "tags", "undercut_by"):
        if key in out:
            out[key] = out[key].split(GRAPHML_LIST_SEPARATOR) if out[key] else []
    if "answers" in out:
        out["answers"] = [tuple(pair) for pair in json.loads(out["answers"])]
    if "span" in out:
        start, end = out["span"].split(",")
        out["span"] = (int(start), int(end))
    return out


def _expected(attrs: dict[str, Any]) -> dict[str, Any]:
    """Return ``to_graph`` attributes as they should come back: None left out, text
    as XML text (line ends LF, characters XML cannot hold replaced), answers exact."""

    def cleaned(k: str, v: Any) -> Any:
        if k == "answers":
            return v
        if isinstance(v, str):
            return graphml_text(v)
        if isinstance(v, list):
            return [graphml_text(x) for x in v]
        return v

    return {k: cleaned(k, v) for k, v in attrs.items() if v is not None}


def _assert_graphml_matches(m: argmap.ArgumentMap) -> None:
    back = nx.read_graphml(io.StringIO(to_graphml(m)))
    want = argmap.to_graph(m)
    assert nx.is_isomorphic(back, want)
    read_defaults = ("node_default", "edge_default")  # added by networkx's reader
    graph = {k: v for k, v in back.graph.items() if k not in read_defaults}
    questions = json.loads(graph.pop("questions", "[]"))
    assert questions == [q.model_dump(mode="json", exclude_defaults=True) for q in m.questions]
    assert graph == _expected(want.graph)
    assert {n: _decoded(d) for n, d in back.nodes(data=True)} == {
        n: _expected(d) for n, d in want.nodes(data=True)
    }
    assert {(u, v): _decoded(d) for u, v, d in back.edges(data=True)} == {
        (u, v): _expected(d) for u, v, d in want.edges(data=True)
    }


def test_graphml_reads_back_with_the_same_attributes() -> None:
    _assert_graphml_matches(argmap.load(BUNDLED))


def test_graphml_of_a_version_2_map_carries_its_new_fields() -> None:
    m = argmap.load(V2_MAP)
    _assert_graphml_matches(m)
    back = nx.read_graphml(io.StringIO(to_graphml(m)))
    (undercut,) = (r for r in m.relations if r.type.value == "undercuts")
    aimed = next(r for r in m.relations if r.id == undercut.target)
    assert back.edges[aimed.source, aimed.target]["undercut_by"] == undercut.source
    assert back.edges[aimed.source, aimed.target]["id"] == aimed.id
    nodes = dict(back.nodes(data=True))
    assert any(json.loads(d.get("answers", "[]")) for d in nodes.values())
    assert {d.get("hedge") for d in nodes.values()} >= {"alleges", "reports", "states"}
    assert {d.get("translated") for d in nodes.values() if d["kind"] == "evidence"} == {
        True,
        False,
    }
    assert {d.get("reporter") for d in nodes.values()} >= {"julie-marchand", "batiroc"}
    assert [q["id"] for q in json.loads(back.graph["questions"])] == [q.id for q in m.questions]


@settings(max_examples=40, deadline=None)
@given(maps())
def test_graphml_of_any_map_reads_back_with_the_same_attributes(m: argmap.ArgumentMap) -> None:
    _assert_graphml_matches(m)


# -- the commands ------------------------------------------------------------


def test_export_picks_the_format_from_the_extension(tmp_path: Path, base: dict[str, Any]) -> None:
    path = write_map(tmp_path, base)
    for name in ("m.aif.json", "m.nodelink.json", "m.graphml", "m.argdown", "m.mmd"):
        assert main(["export", str(path), "-o", str(tmp_path / name)]) == 0
    assert json.loads((tmp_path / "m.aif.json").read_text())["nodes"][0]["type"] == "I"
    assert "directed" in json.loads((tmp_path / "m.nodelink.json").read_text())
    assert nx.read_graphml(tmp_path / "m.graphml").number_of_nodes() == 5
    assert (tmp_path / "m.argdown").read_text().startswith("# Test dispute")
    assert (tmp_path / "m.mmd").read_text().startswith("flowchart LR")


@pytest.mark.parametrize("fmt", ["aif", "node-link", "graphml", "argdown", "mermaid"])
def test_export_to_stdout(
    fmt: str, tmp_path: Path, base: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(tmp_path, base)
    assert main(["export", str(path), "--to", fmt, "-o", "-"]) == 0
    assert capsys.readouterr().out == WRITERS[fmt].write(argmap.load(path))


@pytest.mark.parametrize("fmt", ["aif", "node-link"])
def test_export_then_import_gives_the_same_map(
    fmt: str, tmp_path: Path, base: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(tmp_path, base)
    exported = tmp_path / f"m.{fmt}"
    assert main(["export", str(path), "--to", fmt, "-o", str(exported)]) == 0
    back = tmp_path / "back.json"
    assert main(["import", fmt, str(exported), "-o", str(back)]) == 0
    assert capsys.readouterr().err == ""
    assert argmap.load(back).model_dump() == argmap.load(path).model_dump()
    assert main(["check", str(back)]) == 0


@pytest.mark.parametrize("fmt", ["aif", "node-link"])
def test_version_2_map_exported_and_imported_by_the_commands(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(V2_MAP.parent, tmp_path / "v2")
    original = tmp_path / "v2" / V2_MAP.name
    exported = tmp_path / "v2" / f"m.{fmt}"
    assert main(["export", str(original), "--to", fmt, "-o", str(exported)]) == 0
    back = tmp_path / "v2" / "back.json"
    assert main(["import", fmt, str(exported), "-o", str(back)]) == 0
    assert capsys.readouterr().err == ""
    assert argmap.load(back).model_dump() == argmap.load(V2_MAP).model_dump()


@pytest.mark.parametrize("fmt", ["aif", "node-link"])
def test_exported_elsewhere_and_imported_back_the_sources_still_resolve(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The export lives in a folder of its own; imported beside the map, the paths lead
    # to the texts again; imported beside the export, they would leave the map's folder.
    shutil.copytree(V2_MAP.parent, tmp_path / "v2")
    original = tmp_path / "v2" / V2_MAP.name
    (tmp_path / "v2" / "out").mkdir()
    exported = tmp_path / "v2" / "out" / f"m.{fmt}"
    assert main(["export", str(original), "--to", fmt, "-o", str(exported)]) == 0
    back = tmp_path / "v2" / "back.json"
    assert main(["import", fmt, str(exported), "-o", str(back)]) == 0
    assert capsys.readouterr().err == ""
    assert argmap.load(back).model_dump() == argmap.load(V2_MAP).model_dump()
    assert main(["check", str(back), "--select", "E"]) == 0
    beside = tmp_path / "v2" / "out" / "back.json"
    assert main(["import", fmt, str(exported), "-o", str(beside)]) == 0
    err = capsys.readouterr().err
    assert "lies outside the output's folder" in err
    assert [s.path for s in argmap.load(beside).sources] == [
        "../dispute-marchand-2023.txt",
        "../dispute-batiroc-release.txt",
    ]


def test_import_refuses_to_overwrite_its_input(
    tmp_path: Path, base: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    nl = tmp_path / "m.nodelink.json"
    assert main(["export", str(write_map(tmp_path, base)), "-o", str(nl)]) == 0
    before = nl.read_bytes()
    assert main(["import", "node-link", str(nl), "-o", str(nl)]) == 2
    assert main(["import", "node-link", str(nl), "-o", str(tmp_path / "." / nl.name)]) == 2
    assert "would overwrite the input" in capsys.readouterr().err
    assert nl.read_bytes() == before


@pytest.mark.parametrize(
    ("fmt", "text", "reason"),
    [
        ("node-link", "{", "1:2: invalid JSON"),
        ("aif", "[1, 2]", "not AIF: no 'nodes' list"),
        ("aif", '{"nodes": [], "edges": 3}', "not AIF: 'edges' is not a list"),
        ("node-link", '{"nodes": [{"id": "a"}]}', "nodes[0]: 'kind' must be"),
        ("aif", b"\xff\xfe", "cannot read"),
    ],
)
def test_import_of_a_bad_file_is_one_line_and_exit_2(
    fmt: str, text: str | bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    if isinstance(text, bytes):
        bad.write_bytes(text)
    else:
        bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["import", fmt, str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}: {reason}" in err and "Traceback" not in err
    assert not out.exists()


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.json"
    assert main(["import", "aif", str(missing), "-o", str(tmp_path / "m.json")]) == 2
    assert f"{missing}: file not found" in capsys.readouterr().err


def test_import_to_stdout_prints_a_map(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parent / "data" / "aif" / "conflict.json"
    assert main(["import", "aif", str(fixture), "-o", "-"]) == 0
    m = argmap.loads(capsys.readouterr().out)
    assert [r.type.value for r in m.relations] == ["rebuts"]


def test_export_without_a_format(tmp_path: Path, base: dict[str, Any]) -> None:
    path = write_map(tmp_path, base)
    assert main(["export", str(path), "-o", "-"]) == 2
    assert main(["export", str(path), "-o", str(tmp_path / "m.unknown")]) == 2


@pytest.mark.parametrize("command", ["export", "import"])
def test_help_has_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"argmap {command} " in out
    for fmt in ("aif", "node-link") if command == "import" else ("aif", "graphml", "mermaid"):
        assert fmt in out


def test_formats_are_registered_both_ways() -> None:
    assert {"aif", "node-link", "graphml", "argdown", "mermaid"} <= set(WRITERS)
    assert {"aif", "node-link"} <= set(READERS)
