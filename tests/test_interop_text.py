"""Argdown and Mermaid export, checked by the formats' own parsers when Node.js and
their npm packages are installed (``.ci/run`` installs them into ``.ci/node``;
elsewhere point ARGMAP_ARGDOWN_DIR or ARGMAP_MERMAID_DIR at a folder holding
``node_modules``), and by structure and escaping properties everywhere."""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.attribution import Attribution
from argmap.interop import argdown_text, mermaid_text, to_argdown, to_mermaid
from argmap.interop.argdown import EMPTY_TEXT
from argmap.model import MOVES
from argmap.render.quoting import clean
from conftest import ROOT
from test_interop import BUNDLED, maps

DATA = Path(__file__).parent / "data"
NASTY = "[]<>#@*_{}:/+-()!~^=|`$\\ \"'«»&%.,;?\n\t — é ∑ 🙂 // /* */ <!-- --> [a](b) ``` %% "


def _nasty_texts(seed: int, n: int) -> list[str]:
    """Return texts full of the syntax characters of Argdown, Mermaid and Markdown."""
    rnd = random.Random(seed)
    texts = [
        "".join(rnd.choice(NASTY + "abc xyz") for _ in range(rnd.randrange(1, 40)))
        for _ in range(n)
    ]
    extra = ["%% comment", "end", "a;b", "click n0 call alert()", "#quot;", "&lt;", "--> n1"]
    return (
        [t if t.strip() else "x" for t in texts] + extra + ["- dash", "+ plus", "@tag", "1. item"]
    )


def _node_folder(env: str, *packages: str) -> Path | None:
    """Return the folder whose node_modules holds ``packages``, from ``env`` or .ci/node."""
    if shutil.which("node") is None:
        return None
    candidates = [Path(os.environ[env])] if os.environ.get(env) else []
    for folder in [*candidates, ROOT / ".ci" / "node"]:
        if all((folder / "node_modules" / p / "package.json").is_file() for p in packages):
            return folder
    return None


def _run_node(script: Path, folder: Path, *files: Path) -> Any:
    out = subprocess.run(
        ["node", str(script), str(folder), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(out)


# -- Argdown -----------------------------------------------------------------

ARGDOWN = _node_folder("ARGMAP_ARGDOWN_DIR", "@argdown/core")
needs_argdown = pytest.mark.skipif(
    ARGDOWN is None,
    reason="Argdown's parser is absent: needs node and `npm install --prefix .ci/node "
    "@argdown/core@1` (or ARGMAP_ARGDOWN_DIR pointing at such a folder)",
)


def _parse_argdown(text: str, tmp_path: Path) -> dict[str, Any]:
    assert ARGDOWN is not None
    path = tmp_path / "map.argdown"
    path.write_text(text, encoding="utf-8")
    parsed: dict[str, Any] = _run_node(DATA / "argdown" / "parse.cjs", ARGDOWN, path)
    return parsed


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
    assert set(map(tuple, parsed["relations"])) == _argdown_relations(m)
    assert parsed["tags"]["musk-wanted-to-run-openai"] == ["sam-altman", "openai-leaders"]
    sources = m.source_by_id()
    for ev in m.evidence:
        tags = [*ev.speaker, ev.source, "evidence"]
        tags += ["ai-generated"] if sources[ev.source].is_ai_generated else []
        assert parsed["tags"][ev.id] == tags


@needs_argdown
@pytest.mark.parametrize("spaces", ["\u00a0", "\u2028", "\u3000", "\x85", "\u2007"])
def test_argdown_claim_of_spaces_alone(tmp_path: Path, spaces: str) -> None:
    # Found by the property test below: "[a]: " with nothing after it is an Argdown
    # error, and "[a] #(ann)" would read the tag as the text.
    m = argmap.ArgumentMap.model_validate(
        {
            "parties": [{"id": "ann", "name": "Ann"}],
            "claims": [
                {"id": "a", "text": spaces, "asserted_by": ["ann"]},
                {"id": "b", "text": "B"},
            ],
            "relations": [{"from": "a", "to": "b", "type": "supports"}],
        }
    )
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == []
    assert _without_tags(parsed["statements"]["a"]) == EMPTY_TEXT
    assert parsed["tags"]["a"] == ["ann"]
    assert parsed["relations"] == [["a", "b", "support"]]


@needs_argdown
def test_argdown_escaping_survives_the_parser(tmp_path: Path) -> None:
    texts = _nasty_texts(7, 60)
    ids = [f"c{i}" if i % 3 else f"c-{i}.x_y" for i in range(len(texts))]
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)],
            "relations": [{"from": ids[1], "to": ids[0], "type": "rebuts"}],
        }
    )
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == [] and parsed["relations"] == [[ids[1], ids[0], "attack"]]
    for i, t in zip(ids, texts, strict=True):
        assert parsed["statements"][i] == " ".join(t.split()), t


V2_MAP = DATA / "v2" / "dispute.json"
NASTY_SCHEME = "say \"x\" } // {a: [1]} #(t) <b> \\ é 🙂 /* 'q'"
ARROW = {"supports": "support", "rebuts": "attack", "undercuts": "undercut"}


def _argdown_relations(m: argmap.ArgumentMap) -> set[tuple[str, str, str]]:
    """Return what Argdown should read: supports, rebuts and undercuts; no moves, and
    no relation of a statement to itself (an error, E014, that Argdown drops)."""
    return {
        (r.source, r.target, ARROW[r.type.value])
        for r in m.relations
        if r.type not in MOVES and r.source != r.target
    }


def _voice(m: argmap.ArgumentMap, words: Attribution, ev_id: str) -> dict[str, Any] | None:
    ev = m.evidence_by_id()[ev_id]
    out: dict[str, Any] = {}
    if words.reporter_id(ev_id) is not None:
        out["reporter"] = words.reporter_id(ev_id)
    if words.quote_hedge(ev_id).value != "states":
        out["hedge"] = words.quote_hedge(ev_id).value
    if ev.translated:
        out["translated"] = True
    return out or None


@needs_argdown
def test_argdown_parser_reads_undercuts_moves_and_voices(tmp_path: Path) -> None:
    m = argmap.load(V2_MAP)
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == []
    assert set(map(tuple, parsed["relations"])) == _argdown_relations(m)
    (undercut,) = (r for r in m.relations if r.type.value == "undercuts")
    aimed = m.relation_by_id()[undercut.target]
    assert parsed["arguments"][aimed.id]["pcs"] == [aimed.source, aimed.target]
    words = Attribution(m)
    for ev in m.evidence:
        assert parsed["data"][ev.id] == _voice(m, words, ev.id)
    for claim in m.claims:
        hedge = words.claim_hedge(claim.id).value
        assert parsed["data"][claim.id] == (None if hedge == "states" else {"hedge": hedge})
    for rel in m.relations:
        if rel.type in MOVES:  # tagged, and attacking nothing
            assert rel.type.value in parsed["tags"][rel.source]


@needs_argdown
def test_argdown_undercuts_of_every_kind_of_relation_parse(tmp_path: Path) -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": [{"id": i, "text": i.upper()} for i in ("a", "b", "c", "d", "e")],
            "relations": [
                {"id": "r1", "from": "b", "to": "a", "type": "supports", "scheme": NASTY_SCHEME},
                {"id": "r2", "from": "c", "to": "a", "type": "rebuts"},
                {"id": "u1", "from": "d", "to": "r2", "type": "undercuts"},
                {"from": "e", "to": "u1", "type": "undercuts", "scheme": "ad-hominem"},
                {"from": "e", "to": "r1", "type": "undercuts"},
                {"from": "e", "to": "c", "type": "contrasts", "scheme": "*/ [x] /* é"},
            ],
        }
    )
    parsed = _parse_argdown(to_argdown(m), tmp_path)
    assert parsed["errors"] == []
    assert set(map(tuple, parsed["relations"])) == _argdown_relations(m)
    assert parsed["arguments"]["r1"] == {"pcs": ["b", "a"], "data": {"scheme": NASTY_SCHEME}}
    assert parsed["arguments"]["r2"]["pcs"] == []  # described, not reconstructed
    assert sorted(parsed["statements"]) == ["a", "b", "c", "d", "e"]  # no statement added
    assert parsed["tags"]["e"] == ["contrasts"]


@needs_argdown
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(st.lists(maps(), min_size=1, max_size=4))
def test_argdown_parser_reads_any_map(batch: list[argmap.ArgumentMap]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for k, m in enumerate(batch):
            files.append(Path(folder) / f"m{k}.argdown")
            files[-1].write_text(to_argdown(m), encoding="utf-8")
        assert ARGDOWN is not None
        results = _run_node(DATA / "argdown" / "parse.cjs", ARGDOWN, *files)
    if len(files) == 1:  # one file: one object
        results = [results]
    for m, parsed in zip(batch, results, strict=True):
        assert parsed["errors"] == []
        # Argdown keeps or drops a statement's relation to itself as it goes (E014).
        read = {(a, b, kind) for a, b, kind in parsed["relations"] if a != b}
        assert read == _argdown_relations(m)
        nodes = {c.id for c in m.claims} | {e.id for e in m.evidence}
        assert set(parsed["statements"]) == nodes


def test_argdown_structure() -> None:
    m = argmap.load(BUNDLED)
    text = to_argdown(m)
    assert "[musk-wanted-to-run-openai]: Musk wanted to run OpenAI\\. #(sam-altman)" in text
    assert "  +> [openai-abandoned-nonprofit-mission]" in text
    sources = m.source_by_id()
    assert text.count("#(ai-generated)") == sum(
        sources[e.source].is_ai_generated for e in m.evidence
    )
    assert text.count(" #(evidence)") == len(m.evidence)
    lines = text.splitlines()
    kinds = Counter(r.type.value for r in m.relations)
    assert sum(ln.startswith("  +> [") for ln in lines) == kinds["supports"]
    assert sum(ln.startswith("  -> [") for ln in lines) == kinds["rebuts"]
    assert sum(ln.startswith("  _> <") for ln in lines) == kinds["undercuts"] > 0
    assert sum(ln.startswith("  // ") for ln in lines) == sum(kinds[t.value] for t in MOVES) > 0


@settings(max_examples=50, deadline=None)
@given(maps())
def test_argdown_lines_of_any_map(m: argmap.ArgumentMap) -> None:
    lines = to_argdown(m).splitlines()
    kinds = [r.type.value for r in m.relations]
    assert sum(ln.startswith("  +> [") for ln in lines) == kinds.count("supports")
    assert sum(ln.startswith("  -> [") for ln in lines) == kinds.count("rebuts")
    assert sum(ln.startswith("  _> <") for ln in lines) == kinds.count("undercuts")
    moves = [ln for ln in lines if ln.startswith("  // ")]
    assert len(moves) == sum(r.type in MOVES for r in m.relations)  # a comment each, no arrow
    aimed = {r.target for r in m.relations if r.type.value == "undercuts"}
    arguments = {ln.split(">")[0][1:] for ln in lines if ln.startswith("<")}
    assert arguments == aimed & set(m.relation_by_id())


@settings(max_examples=300)
@given(st.text())
def test_argdown_text_escapes_every_syntax_character(text: str) -> None:
    out = argdown_text(text)
    assert "\n" not in out and "\r" not in out
    unescaped = re.sub(r"\\.", "", out)  # drop each escaped character
    assert not set(unescaped) & set("[]<>#@*_{}:/+-()!~^=|`$.\\")
    assert re.sub(r"\\(.)", r"\1", out) == " ".join(clean(text).split())


# -- Mermaid -----------------------------------------------------------------

MERMAID = _node_folder("ARGMAP_MERMAID_DIR", "mermaid", "jsdom")
needs_mermaid = pytest.mark.skipif(
    MERMAID is None,
    reason="Mermaid's parser is absent: needs node and `npm install --prefix .ci/node "
    "mermaid@11 jsdom@26` (or ARGMAP_MERMAID_DIR pointing at such a folder)",
)

MERMAID_LINE = re.compile(
    r'^  (n\d+\("[^"\n]*<br/><b>(HOLDS|ANSWERED|CONTESTED|UNSUPPORTED)</b>"\):::side_\w+'
    r'|n\d+>"[^"\n]*"\]:::(quote|ai)'
    r"|class n\d+(,n\d+)* (holds|answered|contested|unsupported)"
    r"|p\d+@\{ shape: sm-circ \}"
    r"|class p\d+(,p\d+)* via"
    r"|[np]\d+ (-->|-\.-x|---|-\.-) [np]\d+"
    r"|n\d+ -\.-x\|undercuts\| p\d+"
    r"|n\d+ -\.->\|(counter-accuses|insults|contrasts)\| n\d+"
    r"|classDef \w+ .*"
    r"|linkStyle \d+ stroke:#[0-9A-F]{6},stroke-width:[\d.]+px)$"
)
V2 = DATA / "render" / "v2.json"


def test_mermaid_structure_of_bundled_map() -> None:
    m = argmap.load(BUNDLED)
    lines = to_mermaid(m).splitlines()
    assert lines[0] == "flowchart LR"
    assert [ln for ln in lines[1:] if not MERMAID_LINE.match(ln)] == []
    kinds = Counter(r.type.value for r in m.relations)
    moves = sum(kinds[t.value] for t in MOVES)
    # rebuttals and undercuts cross; supports point (an undercut one through a point,
    # reached by a plain line); moves are dotted arrows
    assert sum("-.-x" in ln for ln in lines) == kinds["rebuts"] + kinds["undercuts"]
    assert sum(" --> " in ln for ln in lines) == kinds["supports"]
    assert sum(" --- " in ln for ln in lines) == kinds["undercuts"]
    assert sum(" -.->|" in ln for ln in lines) == moves
    sources = m.source_by_id()
    assert sum(ln.endswith(":::ai") for ln in lines) == sum(
        sources[e.source].is_ai_generated for e in m.evidence
    )
    assert (
        sum(ln.startswith("  linkStyle ") for ln in lines) == len(m.relations) + kinds["undercuts"]
    )


def test_mermaid_draws_undercuts_through_a_point_and_moves_as_dotted_links() -> None:
    m = argmap.load(V2)
    text = to_mermaid(m)
    lines = text.splitlines()
    assert [ln for ln in lines[1:] if not MERMAID_LINE.match(ln)] == []
    ids = {node: f"n{i}" for i, node in enumerate(argmap.to_graph(m).nodes)}
    lucrative, abandoned, noble = (
        ids["ev-lucrative"],
        ids["mission-abandoned"],
        ids["motives-not-noble"],
    )
    links = [ln.strip() for ln in lines if re.match(r"^  [np]\d+ [-.]", ln)]
    assert f"{lucrative} --- p0" in links and f"p0 --> {abandoned}" in links
    assert f"{lucrative} --> {abandoned}" not in links
    assert f"{noble} -.-x|undercuts| p0" in links
    assert f"{ids['insecure']} -.->|insults| {abandoned}" in links
    assert f"{ids['scam-altman']} -.->|counter-accuses| {noble}" in links
    styles = [ln for ln in lines if ln.startswith("  linkStyle ")]
    assert len(styles) == len(links)
    k = links.index(f"{noble} -.-x|undercuts| p0")
    assert styles[k] == f"  linkStyle {k} stroke:#882E72,stroke-width:2.2px"
    k = links.index(f"{ids['insecure']} -.->|insults| {abandoned}")
    assert styles[k] == f"  linkStyle {k} stroke:#808080,stroke-width:1.4px"
    # the credit line signs each quote, the verdict each claim
    reply = next(ln for ln in lines if ln.startswith(f"  {ids['ev-reply']}>"))
    assert "<i>Christophe Charlot, reporting Sam Altman · charlot</i>" in reply
    control = next(ln for ln in lines if ln.startswith(f"  {ids['wanted-control']}("))
    assert "<i>OpenAI's leaders · reportedly</i><br/><b>HOLDS</b>" in control


@settings(max_examples=50, deadline=None)
@given(maps())
def test_mermaid_structure_of_any_map(m: argmap.ArgumentMap) -> None:
    lines = to_mermaid(m).splitlines()
    assert lines[0] == "flowchart LR"
    assert [ln for ln in lines[1:] if not MERMAID_LINE.match(ln)] == []


def _decode_mermaid(text: str) -> str:
    """Return a label as Mermaid's entity codes and HTML make it read."""
    text = re.sub(r"#(\w+);", lambda mt: f"&#{mt[1]};" if mt[1].isdigit() else f"&{mt[1]};", text)
    return html.unescape(text)


@settings(max_examples=300)
@given(st.text())
def test_mermaid_text_cannot_break_a_label(text: str) -> None:
    out = mermaid_text(text)
    assert not set(out) & set('"\n\r<>[]{}|`&')
    assert _decode_mermaid(out) == " ".join(clean(text).split())


def test_mermaid_direction() -> None:
    m = argmap.load(BUNDLED)
    assert to_mermaid(m, direction="TB").startswith("flowchart TB\n")
    with pytest.raises(ValueError, match="direction"):
        to_mermaid(m, direction="sideways")


@pytest.fixture(scope="module")
def mermaid_parsed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, list[str], Any]:
    """Return what Mermaid's parser reads from the bundled map and from a chart of
    nasty texts (one node run for both: loading Mermaid takes seconds)."""
    assert MERMAID is not None
    folder = tmp_path_factory.mktemp("mermaid")
    texts = _nasty_texts(11, 60)
    nasty = argmap.ArgumentMap.model_validate(
        {"claims": [{"id": f"c{i}", "text": t} for i, t in enumerate(texts)]}
    )
    (folder / "bundled.mmd").write_text(to_mermaid(argmap.load(BUNDLED)), encoding="utf-8")
    (folder / "nasty.mmd").write_text(to_mermaid(nasty), encoding="utf-8")
    (folder / "v2.mmd").write_text(to_mermaid(argmap.load(V2)), encoding="utf-8")
    bundled, parsed_nasty, parsed_v2 = _run_node(
        DATA / "mermaid" / "parse.mjs",
        MERMAID,
        folder / "bundled.mmd",
        folder / "nasty.mmd",
        folder / "v2.mmd",
    )
    return bundled, parsed_nasty, texts, parsed_v2


@needs_mermaid
def test_mermaid_parser_reads_the_bundled_map(
    mermaid_parsed: tuple[Any, Any, list[str], Any],
) -> None:
    parsed = mermaid_parsed[0]
    assert parsed["errors"] == []
    m = argmap.load(BUNDLED)
    G = argmap.to_graph(m)
    ids = {f"n{i}": node for i, node in enumerate(G.nodes)}
    points = {f"p{k}" for k in range(sum(r.type.value == "undercuts" for r in m.relations))}
    assert parsed["direction"] == "LR" and set(parsed["nodes"]) == set(ids) | points
    verdicts = {s.id: s.verdict for s in argmap.status.claim_statuses(m)}
    sources = m.source_by_id()
    for nid, node in parsed["nodes"].items():
        if nid in points:
            continue
        data = G.nodes[ids[nid]]
        if data["kind"] == "claim":
            assert node["shape"] == "round"
            assert node["classes"][1:] == [verdicts[ids[nid]]]
            assert node["text"].endswith(f"<b>{verdicts[ids[nid]].upper()}</b>")
            assert node["classes"][0].startswith("side_")
        else:
            assert node["shape"] == "odd"  # the flag shape
            ai = sources[data["source"]].is_ai_generated
            assert node["classes"] == ["ai" if ai else "quote"]
    drawn = {
        (ids[a], ids[b], kind, stroke)
        for a, b, kind, stroke in parsed["edges"]
        if a in ids and b in ids
    }
    aimed = {r.target for r in m.relations if r.type.value == "undercuts"}
    through_a_point = {(r.source, r.target) for r in m.relations if r.id in aimed}
    look = {"supports": ("arrow_point", "normal"), "rebuts": ("arrow_cross", "dotted")}
    assert drawn == {
        (u, v, *look.get(t, ("arrow_point", "dotted")))
        for u, v, t in G.edges(data="type")
        if (u, v) not in through_a_point
    }
    via = [(a, b, kind) for a, b, kind, _ in parsed["edges"] if a in points or b in points]
    assert len(via) == 3 * len(points)  # in to the point, on to the target, the undercut
    assert {"holds", "quote", "ai", "side_none"} <= set(parsed["classes"])


@needs_mermaid
def test_mermaid_parser_reads_every_label_back(
    mermaid_parsed: tuple[Any, Any, list[str], Any],
) -> None:
    _, parsed, texts, _ = mermaid_parsed
    assert parsed["errors"] == []
    for i, text in enumerate(texts):
        label = parsed["nodes"][f"n{i}"]["text"]
        # Mermaid keeps entity codes in its own form until it draws: ﬂ°° is &#, ﬂ° is &, ¶ß is ;
        label = label.replace("ﬂ°°", "&#").replace("ﬂ°", "&").replace("¶ß", ";")
        assert html.unescape(label) == " ".join(text.split()) + "<br><b>UNSUPPORTED</b>", text


@needs_mermaid
def test_mermaid_parser_reads_undercuts_and_moves(
    mermaid_parsed: tuple[Any, Any, list[str], Any],
) -> None:
    parsed = mermaid_parsed[3]
    assert parsed["errors"] == []
    m = argmap.load(V2)
    ids = {node: f"n{i}" for i, node in enumerate(argmap.to_graph(m).nodes)}
    assert parsed["nodes"]["p0"]["shape"] == "sm-circ" and parsed["nodes"]["p0"]["classes"] == [
        "via"
    ]
    edges = {(a, b): (kind, stroke) for a, b, kind, stroke in parsed["edges"]}
    assert edges[ids["ev-lucrative"], "p0"] == ("arrow_open", "normal")
    assert edges["p0", ids["mission-abandoned"]] == ("arrow_point", "normal")
    assert edges[ids["motives-not-noble"], "p0"] == ("arrow_cross", "dotted")
    assert edges[ids["insecure"], ids["mission-abandoned"]] == ("arrow_point", "dotted")
    assert (ids["ev-lucrative"], ids["mission-abandoned"]) not in edges
