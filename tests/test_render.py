"""Drawing maps: formats, engines, escaping, determinism, options, examples."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.render import RenderError, render, to_dot
from argmap.render.quoting import dot_quote
from conftest import ROOT, write_map

BUNDLED = ROOT / "data" / "claims.json"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot program is not on PATH")
Data = dict[str, Any]
Capsys = pytest.CaptureFixture[str]


def load(data: Data) -> argmap.ArgumentMap:
    return argmap.ArgumentMap.model_validate(data)


def test_dot_is_deterministic(base: Data) -> None:
    assert to_dot(load(base)) == to_dot(load(base))
    m = argmap.load(BUNDLED)
    assert to_dot(m) == to_dot(argmap.load(BUNDLED))


def test_visual_grammar(base: Data) -> None:
    dot = to_dot(load(base))
    claim = next(ln for ln in dot.splitlines() if ln.strip().startswith('"control" ['))
    assert 'style="rounded,filled"' in claim and "✔ unrebutted" in claim and "penwidth=3.5" in claim
    rebutted = next(ln for ln in dot.splitlines() if ln.strip().startswith('"betrayal" ['))
    assert "unrebutted" not in rebutted and "penwidth=1.5" in rebutted
    note = next(ln for ln in dot.splitlines() if ln.strip().startswith('"ev-note" ['))
    assert "shape=note" in note and "dashed" in note and "AI-GENERATED" in note
    assert "Musk voulait diriger OpenAI" in note
    edges = [ln for ln in dot.splitlines() if "->" in ln]
    rebut = next(ln for ln in edges if ln.strip().startswith('"control" -> "betrayal"'))
    support = next(ln for ln in edges if ln.strip().startswith('"ev-control" -> "control"'))
    assert "style=dashed" in rebut and "arrowhead=tee" in rebut
    assert "style=dashed" not in support and "arrowhead=normal" in support
    assert "Legend" in dot and "cluster_" in dot


def test_tooltip_carries_quote_translation_and_position(base: Data) -> None:
    base["evidence"][1]["translation"] = "Musk wanted to be the head"
    dot = to_dot(load(base))
    line = next(ln for ln in dot.splitlines() if ln.strip().startswith('"ev-control" ['))
    assert "Musk wanted to be the head" in line and "(news:2:17)" in line


def test_options(base: Data) -> None:
    base["claims"][0]["original"] = {"lang": "fr", "text": "OpenAI a trahi sa mission."}
    m = load(base)
    assert "OpenAI a trahi sa mission." in to_dot(m, lang="fr")
    assert "OpenAI a trahi sa mission." not in to_dot(m, lang="en")
    only = to_dot(m, claims_only=True)
    assert '"ev-control"' not in only and '"control" -> "betrayal"' in only
    focused = to_dot(m, focus="ev-note", depth=1, legend=False)
    assert '"ev-note" [' in focused and '"control" [' in focused and '"betrayal" [' not in focused
    assert '"betrayal" [' in to_dot(m, focus="ev-note", depth=2)
    with pytest.raises(KeyError):
        to_dot(m, focus="nowhere")
    with pytest.raises(ValueError):
        to_dot(m, rankdir="XY")
    assert "rankdir=TB" in to_dot(m, rankdir="TB")


def test_wasm_engine_draws_svg(base: Data) -> None:
    svg = render(load(base), "svg", engine="wasm")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    with pytest.raises(RenderError, match="cannot write PNG"):
        render(load(base), "png", engine="wasm")


@needs_dot
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_system_engine_formats(base: Data, fmt: str, magic: bytes) -> None:
    assert render(load(base), fmt, engine="system").startswith(magic)


def test_system_engine_missing_is_a_clear_error(
    base: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.render.engines._system_dot", lambda: None)
    with pytest.raises(RenderError, match="apt-get install graphviz"):
        render(load(base), "png", engine="system")
    with pytest.raises(RenderError, match="needs Graphviz's dot program"):
        render(load(base), "pdf", engine="auto")
    assert render(load(base), "svg", engine="auto").startswith(b"<?xml")


@needs_dot
def test_system_engine_timeout(base: Data) -> None:
    with pytest.raises(RenderError, match="took longer than"):
        render(load(base), "svg", engine="system", timeout=1e-6)


def _unquote(text: str) -> str:
    assert text[0] == text[-1] == '"'
    out, i, body = [], 0, text[1:-1]
    while i < len(body):
        if body[i] == "\\":
            nxt = body[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
        else:
            assert body[i] != '"', "an unescaped quote ends the string early"
            out.append(body[i])
            i += 1
    return "".join(out)


@settings(max_examples=500)
@given(st.text())
def test_dot_quoting_round_trips(text: str) -> None:
    from argmap.render.quoting import clean

    expected = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    assert _unquote(dot_quote(text)) == expected


NASTY = st.lists(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from([*'"\\<>&{}|[]\n\t', "\\N", "\\l", "</TD>", "<BR/>", "]]>", "&amp;"]),
    min_size=1,
    max_size=20,
).map("".join)


# The system engine when present (fast, and the WebAssembly runtime has been seen to trap
# on long runs of renders in one process); the embedded one otherwise.
PROPERTY_ENGINE = "system" if HAS_DOT else "wasm"


@settings(
    max_examples=60 if HAS_DOT else 15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(NASTY, NASTY)
def test_any_text_renders_to_well_formed_svg_holding_it(claim: str, name: str) -> None:
    m = load(
        {
            "parties": [{"id": "p", "name": name}],
            "claims": [{"id": "c", "text": claim, "asserted_by": ["p"]}],
        }
    )
    svg = render(m, "svg", engine=PROPERTY_ENGINE, legend=False)
    root = ET.fromstring(svg)  # well-formed XML, whatever the text
    texts = " ".join(
        t
        for el in root.iter()
        for t in (el.text, el.get("{http://www.w3.org/1999/xlink}title"))
        if t
    )
    squash = re.compile(r"\s+")
    from argmap.render.quoting import clean

    # Wrapping may break lines anywhere between words; compare without white space.
    for wanted in (claim,):
        assert squash.sub("", clean(wanted)) in squash.sub("", texts)


def test_jupyter_shows_svg(base: Data) -> None:
    assert load(base)._repr_svg_().lstrip().startswith("<?xml")


def test_render_cli(tmp_path: Path, base: Data, capsys: Capsys) -> None:
    path = write_map(tmp_path, base)
    out = tmp_path / "m.svg"
    assert main(["render", str(path), "-o", str(out), "--engine", "wasm"]) == 0
    assert ET.fromstring(out.read_bytes()).tag.endswith("svg")
    assert main(["render", str(path), "-o", "-", "--format", "dot", "--claims-only"]) == 0
    assert capsys.readouterr().out.startswith("digraph argmap {")
    assert main(["render", str(path), "-o", str(tmp_path / "m.txt")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["render", str(path), "-o", "-"]) == 2
    assert main(["render", str(path), "-o", str(out), "--focus", "nope"]) == 2
    assert "no claim or evidence 'nope'" in capsys.readouterr().err
    assert main(["render", str(path), "-o", str(path), "--format", "dot"]) == 2
    assert "overwrite the map" in capsys.readouterr().err


def test_committed_example_is_current() -> None:
    committed = (ROOT / "examples" / "musk-altman.dot").read_text(encoding="utf-8")
    assert committed == to_dot(argmap.load(BUNDLED)), "run examples/make.sh"
