"""Any text survives drawing: escaping for DOT read back by a small DOT-string reader (many
examples, fast), and real SVG from each engine, parsed as XML (few examples)."""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
import textwrap
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.attribution import Attribution
from argmap.render import available_engines, render
from argmap.render.quoting import (
    Span,
    dot_label,
    dot_quote,
    dot_tooltip,
    html_label,
    plain_label,
    styled_label,
    wrap,
)

XLINK = "{http://www.w3.org/1999/xlink}"
SVG = "{http://www.w3.org/2000/svg}"

# Text with every kind of trouble: DOT and XML metacharacters, Graphviz escapes, line
# ends, control characters, any Unicode.
NASTY_PIECES = [*'"\\<>&{}|[];:\n\r\t\x00\x1b\x7f\ufffe', "\\N", "\\G", "\\l", "\\n", "\r\n"]
NASTY_PIECES += ["&amp;", "&#38;", "&lt;", "</TD>", "<BR/>", "]]>", "«", "»", "\u00a0", "🦀"]
NASTY = st.lists(st.text(max_size=4) | st.sampled_from(NASTY_PIECES), max_size=12).map("".join)


def dot_string_value(token: str) -> str:
    """Return the value of a DOT double-quoted string as Graphviz's scanner reads it:
    ``\\"`` is a quote, ``\\\\`` is kept as it is (two characters), nothing else changes."""
    assert len(token) >= 2 and token[0] == token[-1] == '"'
    out, body, i = [], token[1:-1], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body) and body[i + 1] in '"\\':
            out.append(body[i + 1] if body[i + 1] == '"' else "\\\\")
            i += 2
        else:
            assert body[i] != '"', "an unescaped quote ends the string early"
            out.append(body[i])
            i += 1
    assert not body.endswith("\\") or body.endswith("\\\\"), "a lone backslash eats the quote"
    return "".join(out)


def expand(value: str) -> str:
    """Return an escape string expanded once, as Graphviz does for labels: ``\\\\`` is a
    backslash, ``\\n`` a line break; any other escape (``\\N``...) is a leak."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            assert nxt in "\\n", f"escape \\{nxt} would be expanded by Graphviz"
            out.append("\\" if nxt == "\\" else "\n")
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def in_tooltip(text: str) -> str:
    """Return ``text`` as a tooltip should hold it: runs of spaces and tabs made one space."""
    return re.sub("[ \t]+", " ", expected(text))


def expected(text: str) -> str:
    """Return ``text`` as it should come back: XML-forbidden characters replaced, line ends LF."""
    from argmap.render.quoting import clean

    return clean(text.replace("\r\n", "\n").replace("\r", "\n"))


@settings(max_examples=400)
@given(NASTY)
def test_quoted_strings_read_back(text: str) -> None:
    assert expand(dot_string_value(dot_quote(text))) == expected(text)
    # a label drops the empty lines it starts with
    assert html.unescape(expand(dot_string_value(dot_label(text)))) == expected(text).lstrip("\n")


@settings(max_examples=400)
@given(NASTY)
def test_tooltips_read_back_after_two_expansions(text: str) -> None:
    value = expand(expand(dot_string_value(dot_tooltip(text))))
    assert html.unescape(value) == in_tooltip(text)


@settings(max_examples=400)
@given(st.lists(st.lists(NASTY, min_size=1, max_size=3), min_size=1, max_size=3), st.booleans())
def test_html_labels_are_xml_and_read_back(lines: list[list[str]], bold: bool) -> None:
    label = html_label([[Span(t, size=9, bold=bold, italic=True) for t in line] for line in lines])
    assert label.startswith("<") and label.endswith(">")
    inner = label[1:-1].replace("<BR/>", "\n")
    root = ET.fromstring(f"<x>{inner}</x>")  # well-formed, whatever the text
    text = expand("".join(root.itertext()))
    shown = ["".join(" ".join(expected(t).split("\n")) for t in line) for line in lines]
    want = "\n".join(itertools.dropwhile(lambda line: not line, shown))  # no empty line first
    assert text == want


@settings(max_examples=300)
@given(NASTY, st.integers(min_value=4, max_value=40))
def test_wrap_keeps_every_word(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", expected(text))


def textwrap_wrap(text: str, width: int) -> list[str]:
    """``wrap`` as it was first written, on textwrap alone, which its own line filling
    must match line for line."""
    from argmap.render.quoting import clean

    text = re.sub(
        r"[^\S\n]([»”:;?!])", "\u00a0\\1", re.sub(r"([«“])[^\S\n]", "\\1\u00a0", clean(text))
    )
    text = " ".join(w for w in re.split(r"[^\S\u00a0\u202f]+", text) if w)
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return lines or [text]


# Words of every length, with the spaces wrap treats apart (no-break spaces, which hold
# words together and may stand alone, and the spaces next to French punctuation).
WORDS = st.lists(
    st.text("ab é«»“”:;?!\u00a0\u202f\t\n", max_size=14) | st.sampled_from(NASTY_PIECES),
    max_size=24,
).map(" ".join)


@settings(max_examples=1500)
@given(NASTY | WORDS, st.integers(min_value=1, max_value=50))
def test_wrap_fills_lines_as_textwrap_does(text: str, width: int) -> None:
    assert wrap(text, width) == textwrap_wrap(text, width)


STYLES = st.builds(
    Span,
    st.just("unused"),
    size=st.none() | st.sampled_from([9, 10.5]),
    bold=st.booleans(),
    italic=st.booleans(),
    colour=st.none() | st.just("#333333"),
)


@settings(max_examples=400)
@given(st.lists(st.tuples(st.lists(NASTY, max_size=3), STYLES), max_size=4), st.booleans())
def test_styled_label_is_the_label_of_one_span_per_line(
    blocks: list[tuple[list[str], Span]], html: bool
) -> None:
    lines = [[dataclasses.replace(style, text=t)] for texts, style in blocks for t in texts]
    expected_label = html_label(lines) if html else plain_label(lines)
    assert styled_label(blocks, html=html) == expected_label


def _nodes(svg: bytes) -> dict[str, tuple[str, str]]:
    out = {}
    root = ET.fromstring(svg)  # the SVG is well-formed XML
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            title = g.findtext(f"{SVG}title") or ""
            link = g.find(f".//{SVG}a")
            tip = link.get(f"{XLINK}title", "") if link is not None else ""
            out[title] = (tip, "".join(t.text or "" for t in g.iter(f"{SVG}text")))
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


NON_EMPTY = NASTY.filter(lambda t: len(t) > 0)


def _edge_tips(svg: bytes) -> dict[str, str]:
    """Return, for each edge of an SVG drawn by Graphviz, its tooltip, by the edge's title."""
    out = {}
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        if g.get("class") == "edge":
            link = g.find(f".//{SVG}a")
            out[g.findtext(f"{SVG}title") or ""] = (
                link.get(f"{XLINK}title", "") if link is not None else ""
            )
    return out


SCHEME = NON_EMPTY.filter(lambda t: len(t) <= 80)
STANCE = NON_EMPTY.filter(lambda t: len(t) <= 60)


@pytest.mark.parametrize("engine", available_engines())
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    claim=NON_EMPTY,
    quote=NON_EMPTY,
    name=NON_EMPTY,
    translation=NASTY,
    reporter=NON_EMPTY,
    scheme=SCHEME,
    question=NON_EMPTY,
    stance=STANCE,
)
def test_any_text_renders_to_well_formed_svg_holding_it(
    engine: str,
    claim: str,
    quote: str,
    name: str,
    translation: str,
    reporter: str,
    scheme: str,
    question: str,
    stance: str,
) -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "sources": [
                {
                    "id": "s",
                    "title": name,
                    "language": "fr",
                    "text": f"x {quote} y",
                    "reporter": "r",
                }
            ],
            "parties": [
                {"id": "p", "name": name, "side": "p"},
                {"id": "r", "name": reporter, "side": "observers"},
            ],
            "questions": [{"id": "q", "text": question}],
            "claims": [
                {
                    "id": "c",
                    "text": claim,
                    "asserted_by": ["p"],
                    "answers": [{"question": "q", "stance": stance}],
                },
                {"id": "d", "text": "D", "asserted_by": ["r"]},
            ],
            "evidence": [
                {
                    "id": "e",
                    "source": "s",
                    "quote": quote,
                    "translation": translation or None,
                    "speaker": ["p"],
                    "hedge": "alleges",
                    "translated": True,
                }
            ],
            "relations": [
                {"id": "r1", "from": "e", "to": "c", "type": "supports", "scheme": scheme},
                {"from": "d", "to": "r1", "type": "undercuts", "scheme": scheme},
                {"from": "d", "to": "c", "type": "insults", "scheme": scheme},
            ],
        }
    )
    words = Attribution(m)
    svg = render(m, "svg", engine=engine, legend=False)
    nodes = _nodes(svg)
    tip, text = nodes["c"]
    # the tooltip holds the claim as a reader takes it, exactly; the label holds the
    # claim and its asserter, wrapped (white space moves)
    assert tip.startswith(in_tooltip(words.claim_line("c")) + "\n")
    assert squash(expected(claim)) in squash(text)
    assert squash(expected(name)) in squash(text)
    assert in_tooltip(f"\nAnswers “{question}”: {stance}\n") in tip
    tip, text = nodes["e"]
    assert tip.startswith(in_tooltip(f"« {quote} »\n"))
    if translation:
        assert in_tooltip(f"\nEnglish: {translation}\n") in tip
    credit = words.quote_credit("e")
    assert credit.endswith("(reportedly, translated)")
    assert in_tooltip(f"\n— {credit}\n") in tip
    assert squash(expected(credit)) in squash(text)
    edges = _edge_tips(svg)
    via = "argmap:via:e:c"
    assert via in nodes  # the undercut relation is drawn through its point
    undercut = next(t for title, t in edges.items() if "d" in title.split("->") and via in title)
    assert in_tooltip(f"\nScheme: {scheme}\n") in undercut
    insult = next(t for title, t in edges.items() if set(title.split("->")) == {"c", "d"})
    assert in_tooltip(f"\nScheme: {scheme}\n") in insult
