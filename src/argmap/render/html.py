"""Write a map as one self-contained, interactive HTML page.

The page holds the map drawn as SVG (by :func:`argmap.render.render`), the map's
data as JSON, and its own style sheet and script, all inline. A
Content-Security-Policy forbids every request to another host and every script
or style but those two (by their hashes), so text from the map can never run as
code: the SVG's text is XML-escaped, the JSON is escaped so that no ``<`` ends its
element, and the script writes map text into the page with ``textContent`` only.

What a reader can do on the page:

- pan (drag, arrow keys) and zoom (wheel, ``+`` and ``-``, buttons; ``0`` fits);
- click a claim or quote, or focus it with Tab and press Enter, to open a side
  panel: the text in English and in the original, who asserts it, its verdict and
  strength, the quotes behind it with source, position, translation and date, the
  rebuttals with their own verdicts, each a link that moves to that node;
- filter by party, by source and by verdict; search, which highlights matches
  (Enter moves to the next one);
- read the legend and the list of sources; print (controls are left out).

Example:
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": [{"id": "a", "text": "<script>"}]})
    >>> page = to_html(m, engine="wasm")
    >>> page.startswith("<!DOCTYPE html>"), "&lt;script&gt;" in page, "<script>" in page
    (True, True, False)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from typing import Any

from argmap.graph import CLAIM, REBUTS, to_graph
from argmap.model import ArgumentMap
from argmap.provenance import prove_quotes
from argmap.render.dot import (
    AI_STYLE,
    NEUTRAL,
    NOTE_STYLE,
    REBUT_COLOUR,
    SUPPORT_COLOUR,
    side_colours,
    side_label,
)
from argmap.semantics import acceptance, grounded_labelling, strength
from argmap.status import SEMANTICS, VERDICTS, base_scores

__all__ = ["CSP", "page_data", "to_html"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: The page's Content-Security-Policy; ``{script}`` and ``{style}`` are the hashes of
#: its one script and one style sheet. Nothing may be fetched from anywhere.
CSP = (
    "default-src 'none'; script-src '{script}'; style-src '{style}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

#: Words for a node's status on the page, from most to least settled.
STATUSES = {
    "unrebutted": "nothing in the map rebuts it",
    "standing": "rebutted, but every rebuttal is itself defeated",
    "defeated": "a rebuttal that stands defeats it",
    "undecided": "caught in a cycle of rebuttals that nothing settles",
}


def _asset(name: str) -> str:
    return resources.files("argmap.render").joinpath("assets", name).read_text("utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _json_for_html(data: Any) -> str:
    """Return ``data`` as JSON that is safe inside a ``<script>`` element: no ``<``,
    ``>`` or ``&`` (so no ``</script>`` or ``<!--``), and no line separators.

    Example:
        >>> _json_for_html({"t": "</script><!--"})
        '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` when it is a plain web address (so a link to it runs nothing).

    Example:
        >>> _safe_url("https://example.org/a"), _safe_url("javascript:alert(1)")
        ('https://example.org/a', None)
    """
    if url and re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE):
        return url
    return None


def page_data(m: ArgumentMap, *, semantics: str = "grounded") -> dict[str, Any]:
    """Return what the page's script needs, as JSON-ready data: the map's sources,
    parties and nodes, each node with its status, and the relations.

    A node's ``status`` is 'unrebutted' (nothing rebuts it), else its grounded verdict
    ('standing', 'defeated' or 'undecided'); ``credulous`` and ``sceptical`` are its
    acceptance under ``semantics``; ``strength`` its DF-QuAD strength.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"claims": [
        ...     {"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
        ...     "relations": [{"from": "b", "to": "a", "type": "rebuts"},
        ...                   {"from": "c", "to": "b", "type": "rebuts"}]})
        >>> {n["id"]: n["status"] for n in page_data(m)["nodes"]}
        {'a': 'standing', 'b': 'defeated', 'c': 'unrebutted'}
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    G = to_graph(m)
    labels = grounded_labelling(G)
    accepted = acceptance(G, semantics)
    result = strength(G, base_scores(m, G))
    rebutted = {v for _, v, t in G.edges(data="type") if t == REBUTS}
    proofs = prove_quotes(m) if m.evidence else {}
    colours = side_colours(m)
    sources = m.source_by_id()

    def status(node: str) -> dict[str, Any]:
        return {
            "status": "unrebutted" if node not in rebutted else VERDICTS[labels[node]],
            "credulous": accepted[node].credulous,
            "sceptical": accepted[node].sceptical,
            "strength": round(result.scores[node], 3),
        }

    nodes: list[dict[str, Any]] = []
    for c in m.claims:
        nodes.append(
            {
                "id": c.id,
                "kind": CLAIM,
                "text": c.text,
                "original": c.original.model_dump() if c.original is not None else None,
                "parties": list(c.asserted_by),
                "date": c.date,
                "tags": list(c.tags),
                "notes": c.notes,
                **status(c.id),
            }
        )
    for e in m.evidence:
        proof = proofs.get(e.id)
        src = sources.get(e.source)
        nodes.append(
            {
                "id": e.id,
                "kind": "evidence",
                "text": e.quote,
                "lang": src.language if src is not None else None,
                "translation": e.translation,
                "source": e.source,
                "line": proof.line if proof is not None else None,
                "column": proof.column if proof is not None else None,
                "parties": list(e.speaker),
                "date": e.date,
                "notes": e.notes,
                **status(e.id),
            }
        )
    return {
        "title": m.title,
        "description": m.description,
        "semantics": semantics,
        "converged": result.converged,
        "statuses": STATUSES,
        "sides": [
            {"side": side, "label": side_label(m, side), "border": b, "fill": f}
            for side, (b, f) in colours.items()
        ],
        "parties": [
            {
                "id": p.id,
                "name": p.name,
                "side": p.side,
                "description": p.description,
                "colour": colours.get(p.side or "", NEUTRAL)[0],
            }
            for p in m.parties
        ],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind.value,
                "ai": s.is_ai_generated,
                "author": s.author,
                "publisher": s.publisher,
                "url": _safe_url(s.url),
                "published": s.published,
                "published_inferred": s.published_inferred,
                "date_note": s.date_note,
                "language": s.language,
                "reliability": s.reliability,
                "generator": s.generator,
                "translated": s.translated,
                "references": [{"title": r.title, "url": _safe_url(r.url)} for r in s.references],
                "notes": s.notes,
            }
            for s in m.sources
        ],
        "nodes": nodes,
        "relations": [
            {"from": r.source, "to": r.target, "type": r.type.value, "rationale": r.rationale}
            for r in m.relations
        ],
    }


def _page_svg(svg: bytes, known: set[str], relations: set[tuple[str, str]]) -> str:
    """Return Graphviz's SVG made ready for the page: sized by the page, every node of
    the map focusable and tagged with its id, every edge with its ends."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for attr in ("width", "height"):
        root.attrib.pop(attr, None)
    root.set("id", "map")
    root.set("role", "group")
    root.set("aria-label", "the map; Tab moves between its boxes, Enter opens one")
    for g in root.iter(f"{{{SVG_NS}}}g"):
        title = g.findtext(f"{{{SVG_NS}}}title") or ""
        cls = g.get("class")
        if cls == "node" and title in known:
            g.set("data-node", title)
            g.set("tabindex", "0")
            g.set("role", "button")
        elif cls == "edge" and ">" in title:
            # Ids never hold '>', so the title 'u->v' splits at it.
            cut = title.index(">")
            u, v = title[: cut - 1], title[cut + 1 :]
            if (u, v) not in relations:
                u, v = v, u  # drawn the other way round (a mirrored side)
            if (u, v) in relations:
                g.set("data-from", u)
                g.set("data-to", v)
        if cls in ("node", "edge"):
            # The side panel tells more than a tooltip; the id stays in data-*.
            for a in g.iter(f"{{{SVG_NS}}}a"):
                a.attrib.pop(f"{{{XLINK_NS}}}title", None)
    return ET.tostring(root, encoding="unicode")


def _swatch(shape: str, fill: str, border: str, *, width: float = 1.2, dashed: bool = False) -> str:
    """Return a small inline SVG sample of a box or a line (SVG attributes, not styles,
    so the page's policy lets them through)."""
    dash = ' stroke-dasharray="5,3"' if dashed else ""
    if shape == "line":
        end = (
            f'<path d="M30,2 L30,14" stroke="{border}" stroke-width="2.5"/>'
            if dashed
            else f'<path d="M24,3 L32,8 L24,13 Z" fill="{border}"/>'
        )
        body = f'<path d="M2,8 L30,8" stroke="{border}" stroke-width="{width}"{dash}/>{end}'
    else:
        rx = ' rx="4"' if shape == "claim" else ""
        body = (
            f'<rect x="2" y="2" width="28" height="14"{rx} fill="{fill}" stroke="{border}" '
            f'stroke-width="{width}"{dash}/>'
        )
    return f'<svg class="swatch" width="34" height="18" aria-hidden="true">{body}</svg>'


def _legend(data: dict[str, Any]) -> str:
    e = html.escape
    items = [
        f"<li>{_swatch('claim', e(s['fill']), e(s['border']))}claim by {e(s['label'])}</li>"
        for s in data["sides"]
    ]
    items += [
        f"<li>{_swatch('claim', '#FFFFFF', '#000000', width=3.5)}unrebutted claim</li>",
        f"<li>{_swatch('note', NOTE_STYLE[1], NOTE_STYLE[0])}quote, in the original</li>",
        f"<li>{_swatch('note', AI_STYLE[1], AI_STYLE[0], dashed=True)}"
        "quote from an AI-generated text</li>",
        f"<li>{_swatch('line', '', SUPPORT_COLOUR, width=1.5)}supports</li>",
        f"<li>{_swatch('line', '', REBUT_COLOUR, width=2.2, dashed=True)}rebuts</li>",
    ]
    return "\n".join(items)


def _sources(data: dict[str, Any]) -> str:
    """Return the list of sources with their metadata, as escaped HTML."""
    e = html.escape
    if not data["sources"]:
        return "<p>This map cites no source.</p>"
    quotes: dict[str, int] = {}
    for n in data["nodes"]:
        if n["kind"] != CLAIM:
            quotes[n["source"]] = quotes.get(n["source"], 0) + 1
    items = []
    for s in data["sources"]:
        title = e(s["title"])
        if s["url"]:
            title = f'<a href="{e(s["url"])}" rel="noopener noreferrer">{title}</a>'
        facts = [s["kind"].replace("-", " ")]
        if s["ai"] and s["generator"]:
            facts[0] = f"AI-generated by {s['generator']}"
        if s["author"]:
            facts.append(f"by {s['author']}")
        if s["publisher"]:
            facts.append(s["publisher"])
        if s["published"]:
            facts.append(
                f"published {s['published']}" + (" (inferred)" if s["published_inferred"] else "")
            )
        facts.append(f"language: {s['language']}" + (", translated" if s["translated"] else ""))
        if s["reliability"] is not None:
            facts.append(f"reliability {s['reliability']:g}")
        n = quotes.get(s["id"], 0)
        facts.append(f"{n} quote{'s' * (n != 1)} in the map")
        extra = []
        if s["date_note"]:
            extra.append(f'<p class="note">Date: {e(s["date_note"])}</p>')
        if s["notes"]:
            extra.append(f'<p class="note">{e(s["notes"])}</p>')
        if s["references"]:
            refs = "".join(
                "<li>"
                + (
                    f'<a href="{e(r["url"])}" rel="noopener noreferrer">{e(r["title"])}</a>'
                    if r["url"]
                    else e(r["title"])
                )
                + "</li>"
                for r in s["references"]
            )
            extra.append(f"<details><summary>Its references</summary><ul>{refs}</ul></details>")
        tag = ' <span class="tag ai">AI-generated</span>' if s["ai"] else ""
        items.append(
            f'<li id="source-{e(s["id"])}"><cite>{title}</cite>{tag} <code>{e(s["id"])}</code>'
            f"<br>{e(' · '.join(facts))}{''.join(extra)}</li>"
        )
    return "<ol>" + "".join(items) + "</ol>"


def _footer(data: dict[str, Any]) -> str:
    n_claims = sum(1 for n in data["nodes"] if n["kind"] == CLAIM)
    n_quotes = len(data["nodes"]) - n_claims
    return html.escape(
        f"{n_claims} claims, {n_quotes} quotes, {len(data['relations'])} relations. "
        "Verdicts follow the grounded semantics of abstract argumentation; acceptance, "
        f"the {data['semantics']} semantics; strength, DF-QuAD from the sources' reliability"
        + ("" if data["converged"] else " (it did not converge on this map's cycles)")
        + ". A quote's line and column are where argmap found it in its source. Made with argmap."
    )


def to_html(
    m: ArgumentMap,
    *,
    engine: str = "auto",
    semantics: str = "grounded",
    legend: bool = True,
    title: str | None = None,
    **options: Any,
) -> str:
    """Return the map as one self-contained, interactive HTML page.

    Args:
        m: the map.
        engine: the Graphviz that draws the SVG: 'auto', 'system' or 'wasm'.
        semantics: the semantics of the acceptance shown in the side panel.
        legend: show the legend.
        title: the page's title; the map's own by default.
        **options: passed to :func:`argmap.render.render` (``lang``, ``claims_only``,
            ``focus``, ``depth``, ``rankdir``, ``timeout``, ``html``).

    Raises:
        RenderError: the SVG cannot be drawn (see :func:`argmap.render.render`).

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({"title": "T & U", "claims": [{"id": "a", "text": "A"}]})
        >>> page = to_html(m, engine="wasm")
        >>> "<title>T &amp; U</title>" in page, 'data-node="a"' in page
        (True, True)
    """
    from argmap.render import render

    data = page_data(m, semantics=semantics)
    svg = render(m, "svg", engine=engine, legend=False, caption=False, **options)
    known = {n["id"] for n in data["nodes"]}
    relations = {(r["from"], r["to"]) for r in data["relations"]}
    body_svg = _page_svg(svg, known, relations)
    script, style = _asset("map.js"), _asset("map.css")
    heading = title if title is not None else (m.title or "Argument map")
    e = html.escape
    template = _asset("map.html")
    fields = {
        "csp": e(CSP.format(script=_sha256(script), style=_sha256(style))),
        "title": e(heading),
        "description": (
            f'<details class="about"><summary>About this map</summary><p>{e(m.description)}</p>'
            "</details>"
            if m.description
            else ""
        ),
        "style": style,
        "legend": _legend(data) if legend else "",
        "legend_hidden": "" if legend else " hidden",
        "svg": body_svg,
        "sources": _sources(data),
        "footer": _footer(data),
        "data": _json_for_html(data),
        "script": script,
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: fields[match.group(1)], template)
