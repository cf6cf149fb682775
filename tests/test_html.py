"""The HTML page, read without a browser: structure, policy, escaping, data, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.render import available_engines, render
from argmap.render.html import page_data, to_html
from argmap.status import node_statuses
from conftest import ROOT

BUNDLED = ROOT / "data" / "claims.json"
INJECTION = ROOT / "tests" / "data" / "html" / "injection.json"
V2 = ROOT / "tests" / "data" / "render" / "v2.json"
Data = dict[str, Any]


class Page(HTMLParser):
    """Collect what matters for safety: every element, attribute and script body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._in == "style":
            self.styles[-1] += data


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def assert_safe(page: str) -> Page:
    """The page has its two scripts and one style sheet, all allowed by hash, nothing
    else that could run or fetch, and its data reads back."""
    p = parse(page)
    assert [a.get("id") for a, _ in p.scripts] == ["argmap-data", "argmap-code"]
    assert p.scripts[0][0].get("type") == "application/json"
    assert len(p.styles) == 1
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv"))
    assert csp is not None
    assert "default-src 'none'" in csp
    assert f"script-src '{sha(p.scripts[1][1])}'" in csp
    assert f"style-src '{sha(p.styles[0])}'" in csp
    for tag, attrs in p.tags:
        assert tag not in ("img", "iframe", "object", "embed", "base")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "xlink:href"):
                assert value is not None
                assert re.match(r"^(#|data:,$|https?://)", value), (tag, name, value)
            if tag in ("link", "script") and name in ("href", "src"):
                assert value == "data:,", "nothing is loaded from elsewhere"
    return p


def data_of(page: str) -> Data:
    return json.loads(parse(page).scripts[0][1])  # type: ignore[no-any-return]


def test_page_of_the_small_map(base: Data) -> None:
    m = argmap.ArgumentMap.model_validate(base)
    page = to_html(m, engine="wasm")
    p = assert_safe(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Test dispute</title>" in page
    nodes = {a["data-node"] for t, a in p.tags if t == "g" and "data-node" in a}
    assert nodes == {"betrayal", "control", "ev-betrayal", "ev-control", "ev-note"}
    focusable = [a for t, a in p.tags if t == "g" and "data-node" in a]
    assert all(a.get("tabindex") == "0" and a.get("role") == "button" for a in focusable)
    edges = {(a["data-from"], a["data-to"]) for t, a in p.tags if t == "g" and "data-from" in a}
    assert edges == {(r["from"], r["to"]) for r in base["relations"]}
    assert data_of(page) == page_data(m)
    # the sources are listed with their metadata; the AI-generated one is tagged
    assert 'id="source-note"' in page and "AI-generated</span>" in page


def test_edges_keep_their_direction_on_the_mirrored_side(base: Data) -> None:
    # OpenAI's side is drawn mirrored, so Graphviz names its edges the other way round.
    page = to_html(argmap.ArgumentMap.model_validate(base), engine="wasm")
    assert 'data-from="ev-control" data-to="control"' in page


def test_page_data_statuses_agree_with_node_statuses() -> None:
    m = argmap.load(BUNDLED)
    data = page_data(m, semantics="preferred")
    by_id = {n["id"]: n for n in data["nodes"]}
    statuses = node_statuses(m, semantics="preferred", with_strength=True)
    assert set(by_id) == set(statuses)
    for node, s in statuses.items():
        n = by_id[node]
        assert (n["verdict"], n["reason"], n["line"], n["hedge"]) == (
            s.verdict,
            s.reason,
            s.line,
            s.hedge,
        )
        assert (n["some_reading"], n["every_reading"]) == (s.some_reading, s.every_reading)
        assert n["quotes"] == s.quotes and n["strength"] == s.strength
    assert {n["verdict"] for n in data["nodes"]} <= set(data["verdicts"])
    assert list(data["verdicts"]) == ["holds", "answered", "contested", "unsupported"]
    assert len(data["nodes"]) == len(m.claims) + len(m.evidence)
    quotes = [n for n in data["nodes"] if n["kind"] == "evidence"]
    assert all(n["position"] is not None for n in quotes), "every bundled quote is found"
    assert all(0.0 <= n["strength"] <= 1.0 for n in data["nodes"])


def test_the_page_has_no_semantics_of_its_own() -> None:
    import argmap.render.html as page

    source = Path(page.__file__).read_text("utf-8")
    for name in ("grounded_labelling", "acceptance(", "strength(", "argmap.semantics"):
        assert name not in source, name


def test_page_data_of_a_version_2_map() -> None:
    m = argmap.load(V2)
    data = page_data(m)
    nodes = {n["id"]: n for n in data["nodes"]}
    control = nodes["wanted-control"]
    assert (
        control["line"] == "According to OpenAI's leaders (reportedly): Musk wanted to run OpenAI."
    )
    assert control["short"] == "OpenAI's leaders · reportedly"
    assert (control["verdict"], control["hedge"], control["quotes"]) == ("holds", "alleges", 1)
    assert control["answers"] == [{"question": "q-motives", "stance": "control"}]
    assert nodes["mission-abandoned"]["verdict"] == "unsupported"
    assert nodes["mission-abandoned"]["reason"] == "its support from ev-lucrative is undercut"
    reply = nodes["ev-reply"]
    assert reply["credit"] == "Christophe Charlot, reporting Sam Altman"
    assert (reply["reporter"], reply["reporter_id"], reply["speakers"]) == (
        "Christophe Charlot",
        "charlot",
        ["Sam Altman"],
    )
    assert reply["position"] == {"line": 1, "column": 1} and reply["hedge"] == "reports"
    insecure = nodes["ev-insecure"]
    assert (
        insecure["translated"] and insecure["credit"] == "Grok, reporting Sam Altman (translated)"
    )
    assert nodes["ev-leader"]["hedge"] == "alleges"
    relations = {(r["from"], r["to"]): r for r in data["relations"]}
    cut = relations["motives-not-noble", "r-lucrative"]
    assert cut["undercuts"] == {"from": "ev-lucrative", "to": "mission-abandoned"}
    assert cut["scheme"] == "ad-hominem" and cut["counts"]
    assert relations["ev-lucrative", "mission-abandoned"]["id"] == "r-lucrative"
    assert relations["ev-lucrative", "mission-abandoned"]["undercut_by"] == ["motives-not-noble"]
    insult = relations["insecure", "mission-abandoned"]
    assert insult["type"] == "insults" and not insult["counts"] and insult["undercuts"] is None
    questions = {q["id"]: q for q in data["questions"]}
    assert questions["q-departure"]["answers"] == [
        {"claim": "pushed-out", "stance": "pushed out"},
        {"claim": "mutual", "stance": "mutual"},
    ]
    assert questions["q-mission"]["original"] == {
        "lang": "fr",
        "text": "OpenAI a-t-elle abandonné sa mission de départ ?",
    }
    assert data["sources"][0]["reporter"] == "Christophe Charlot"


@pytest.mark.parametrize("engine", available_engines())
def test_undercut_lines_know_what_they_aim_at(engine: str) -> None:
    page = to_html(argmap.load(V2), engine=engine)
    p = assert_safe(page)
    groups = [a for t, a in p.tags if t == "g" and "data-from" in a]
    tagged = {(a.get("class"), a["data-from"], a["data-to"], a.get("data-via")) for a in groups}
    # the undercut's line: from the undercutter, to the relation's head, via its tail
    assert ("edge", "motives-not-noble", "mission-abandoned", "ev-lucrative") in tagged
    # the point on the relation, and both halves of the relation drawn through it
    assert ("node", "ev-lucrative", "mission-abandoned", None) in tagged
    halves = [
        a
        for a in groups
        if a.get("class") == "edge"
        and (a["data-from"], a["data-to"]) == ("ev-lucrative", "mission-abandoned")
        and "data-via" not in a
    ]
    assert len(halves) == 2
    legend = page.split('<section id="legend"', 1)[1].split("</section>", 1)[0]
    for words in (
        "undercuts: this does not show that",
        "insults: denies nothing",
        "<b>CONTESTED</b>: attacks that answer each other leave it open",
    ):
        assert words in legend


def test_unknown_semantics_is_refused(base: Data) -> None:
    with pytest.raises(ValueError, match="unknown semantics 'ideal'"):
        page_data(argmap.ArgumentMap.model_validate(base), semantics="ideal")


def test_injection_map_is_inert() -> None:
    m = argmap.load(INJECTION)
    page = to_html(m, engine="wasm")
    assert_safe(page)
    body = page.split("<body>", 1)[1]
    assert "<script>window" not in body and "<img" not in body and "<svg onload" not in body
    assert "javascript:" not in body.split('id="argmap-data"')[0]
    data = data_of(page)
    assert data["sources"][0]["url"] is None
    assert data["sources"][0]["references"][0]["url"] is None
    # the text is all there, as text
    assert any(n["text"] == "Claim <script>window.__pwned = 1</script>" for n in data["nodes"])
    assert "Source &lt;/script&gt;&lt;script&gt;" in body
    # the new fields too: reporter, scheme, question, stance, all data, none markup
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["e-trap"]["credit"].startswith("Eve </script><script>window.__pwned = 7</script>")
    assert "(reportedly, translated)" in nodes["e-trap"]["credit"]
    schemes = {r["scheme"] for r in data["relations"]}
    assert "ad-hominem </script><script>window.__pwned = 11</script>" in schemes
    assert data["questions"][0]["text"] == 'Question <img src=x onerror="window.__pwned = 8">?'
    assert nodes["c-script"]["answers"][0]["stance"].startswith("<b onmouseover")
    assert "window.__pwned = 7</script>" not in body.split('id="argmap-data"')[0]


SCARY = st.lists(
    st.sampled_from(["<script>", "</script>", "<!--", "-->", '"', "'", "&", "<", ">", "{{svg}}"])
    | st.text(max_size=5),
    max_size=8,
).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim=SCARY.filter(str.strip), name=SCARY.filter(str.strip), title=SCARY)
def test_any_text_stays_text(claim: str, name: str, title: str) -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "title": title or None,
            "description": claim,
            "parties": [{"id": "p", "name": name}],
            "claims": [{"id": "c", "text": claim, "asserted_by": ["p"]}],
        }
    )
    page = to_html(m, engine="wasm")
    assert_safe(page)
    data = data_of(page)
    assert data["nodes"][0]["text"] == claim
    assert data["parties"][0]["name"] == name


def test_render_and_the_writer_registry_make_html(base: Data) -> None:
    m = argmap.ArgumentMap.model_validate(base)
    page = render(m, "html", engine="wasm", semantics="stable", legend=False)
    assert page.startswith(b"<!DOCTYPE html>")
    assert data_of(page.decode())["semantics"] == "stable"
    assert b'<section id="legend" hidden>' in page
    assert argmap.formats.WRITERS["html"].extensions == (".html", ".htm")


def test_cli_writes_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "map.html"
    code = main(
        ["render", str(BUNDLED), "-o", str(out), "--engine", "wasm", "--semantics", "preferred"]
    )
    assert code == 0, capsys.readouterr().err
    page = out.read_text("utf-8")
    assert_safe(page)
    assert data_of(page)["semantics"] == "preferred"
    assert page.count('data-node="') >= 140


def test_cli_semantics_only_for_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["render", str(BUNDLED), "-o", str(tmp_path / "m.svg"), "--semantics", "stable"])
    assert code == 2
    assert "--semantics applies to HTML pages only" in capsys.readouterr().err
    assert not (tmp_path / "m.svg").exists()


def test_committed_example_page_holds_the_current_map() -> None:
    page = (ROOT / "examples" / "musk-altman.html").read_text("utf-8")
    assert_safe(page)
    assert data_of(page) == page_data(argmap.load(BUNDLED)), "stale: run examples/make.sh"


# --- the views' data: questions, sources with their quotes, timeline ----------------------

DISPUTE = ROOT / "tests" / "data" / "v2" / "dispute.json"


def test_page_data_holds_the_questions_the_texts_and_the_timeline() -> None:
    from argmap.coverage import source_coverage
    from argmap.questions import question_nodes
    from argmap.timeline import timeline

    m = argmap.load(DISPUTE)
    data = page_data(m)
    overview = {q["id"]: q for q in data["overview"]}
    assert list(overview) == ["q-unsafe", "q-pay", "q-lenoir", None]
    for q in m.questions:
        assert overview[q.id]["nodes"] == question_nodes(m, q.id)
    pay = overview["q-pay"]
    assert [c["id"] for a in pay["answers"] for c in a["claims"]] == [
        "cheap-cables",
        "batiroc-pays",
        "town-pays",
    ]
    # the texts: each quote's span is where provenance proved it
    nodes = {n["id"]: n for n in data["nodes"]}
    for e in m.evidence:
        start, end = nodes[e.id]["span"]
        text = data["texts"][e.source]["text"]
        assert text[start:end].replace("\n", " ").strip() != ""
    cov = {c.source: c for c in source_coverage(m)}
    for sid, t in data["texts"].items():
        assert t["share"] == cov[sid].share
        assert t["unquoted"] == [[p.start, p.end] for p in cov[sid].unquoted]
    assert data["timeline"] == [e.to_dict() for e in timeline(m)]
    assert {n["side"] for n in data["nodes"]} >= {"town", "batiroc", "observers"}


def test_a_map_too_big_to_draw_gets_a_notice_not_a_picture() -> None:
    m = argmap.load(DISPUTE)
    page = to_html(m, engine="wasm", picture_limit=10)
    assert 'class="too-big"' in page and 'data-node="bridge-safe"' not in page
    assert "more than the 10 one picture" in page
    # a part of it is still drawn
    part = to_html(m, engine="wasm", picture_limit=10, question="q-lenoir")
    assert 'data-node="lenoir-resigned"' in part and 'data-node="town-pays"' not in part
