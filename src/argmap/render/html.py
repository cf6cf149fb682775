"""Write a map as one self-contained, interactive HTML page.

The page holds the map drawn as SVG (by :func:`argmap.render.render`), the map's
data as JSON, and its own style sheet and script, all inline. A
Content-Security-Policy forbids every request to another host and every script
or style but those two (by their hashes), so text from the map can never run as
code: the SVG's text is XML-escaped, the JSON is escaped so that no ``<`` ends its
element, and the script writes map text into the page with ``textContent`` only.

What a reader can do on the page:

- read the questions in dispute first (when the map has any): one card per question
  with each side's answers, who asserts them and how surely, their verdicts and how
  many quotes back them; open a question's own map, its claims and quotes as cards
  in two facing columns;
- read the timeline, and narrow its date range, which filters every view;
- read each source in full with every quote highlighted at the place provenance
  proved, coloured by side, AI-generated and translated quotes marked, the share the
  map quotes and the passages it does not (:mod:`argmap.coverage`);
- on the whole map, pan (drag, arrow keys) and zoom (wheel, ``+`` and ``-``, buttons; ``0`` fits);
- click a claim or quote, or focus it with Tab and press Enter, to open a side
  panel: the claim as a reader takes it ("According to X (reportedly): ..."), in
  the original too, its verdict (holds, answered, contested, unsupported) with its
  reason and strength, the questions it answers, the quotes behind it each signed
  with its credit line (reporter, speaker, hedge, translated) and its source and
  position, the rebuttals, the undercuts of those relations and the moves that deny
  nothing, each with its scheme and a link that moves to that node;
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

from argmap.attribution import Attribution
from argmap.coverage import source_coverage
from argmap.graph import CLAIM, EVIDENCE, UNDERCUTS, to_graph
from argmap.model import ArgumentMap, Claim, Evidence, RelationType, quote_reporter
from argmap.provenance import QuoteProof, prove_quotes, source_texts
from argmap.render.dot import node_sides
from argmap.render.style import (
    AI_STYLE,
    NEUTRAL,
    NOTE_STYLE,
    RELATION_STYLES,
    UNDERCUT_ID,
    VERDICT_MEANINGS,
    VERDICT_STYLES,
    VERDICT_WORDS,
    parse_via,
    short_line,
    side_colours,
    side_label,
)
from argmap.status import ClaimStatus, node_statuses
from argmap.timeline import timeline

__all__ = ["CSP", "page_data", "to_html"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: The page's Content-Security-Policy; ``{script}`` and ``{style}`` are the hashes of
#: its one script and one style sheet. Nothing may be fetched from anywhere.
CSP = (
    "default-src 'none'; script-src '{script}'; style-src '{style}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


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
    """Return what the page's script needs, as JSON-ready data: the map's questions,
    sources, parties and nodes, each node with its status, and the relations.

    Every status comes from :func:`argmap.status.node_statuses`: a node's ``verdict``
    ('holds', 'answered', 'contested' or 'unsupported') and its one-line ``reason``;
    ``every_reading`` and ``some_reading``, its acceptance under ``semantics``;
    ``strength``, its DF-QuAD strength. A claim's ``line`` is the claim as a reader
    takes it, with asserters and hedge; a quote's ``credit`` says who reports it, whose
    words it conveys, how surely and whether it is translated.

    Raises:
        ValueError: an unknown semantics.

    Example:
        >>> from argmap.model import ArgumentMap
        >>> m = ArgumentMap.model_validate({
        ...     "parties": [{"id": "oai", "name": "OpenAI"}],
        ...     "claims": [{"id": "a", "text": "A", "asserted_by": ["oai"],
        ...                 "hedge": "alleges"}]})
        >>> node = page_data(m)["nodes"][0]
        >>> node["line"], node["verdict"]
        ('According to OpenAI (reportedly): A', 'unsupported')
        >>> node["reason"]
        'nothing supports it: no quote or claim backs it'
    """
    statuses = node_statuses(m, semantics=semantics, with_strength=True)
    words = Attribution(m)
    colours = side_colours(m)
    G = to_graph(m)
    sides = node_sides(G, m.claim_by_id(), m.party_by_id())
    nodes = [
        {**_claim_data(words, c, statuses[c.id]), "side": sides.get(c.id)}
        for c in m.claims
        if c.id in statuses
    ]
    texts = source_texts(m) if m.sources else {}
    proofs = prove_quotes(m, texts) if m.evidence else {}
    sources = m.source_by_id()
    parties = m.party_by_id()
    for e in m.evidence:
        if e.id in statuses and statuses[e.id].kind == EVIDENCE:
            proof = proofs.get(e.id)
            src = sources.get(e.source)
            nodes.append(
                {
                    **_evidence_data(words, e, statuses[e.id], quote_reporter(e, src, parties)),
                    "lang": src.language if src is not None else None,
                    "side": sides.get(e.id),
                    "position": (
                        {"line": proof.line, "column": proof.column}
                        if proof is not None and proof.line is not None
                        else None
                    ),
                    "span": _span(proof),
                }
            )
    return {
        "title": m.title,
        "description": m.description,
        "semantics": semantics,
        "verdicts": {w: VERDICT_MEANINGS[w] for w in VERDICT_WORDS},
        "questions": _questions(m),
        "overview": _overview(m, statuses),
        "sides": [
            {"side": side, "label": side_label(m, side), "border": b, "fill": f}
            for side, (b, f) in colours.items()
        ],
        "neutral": {"border": NEUTRAL[0], "fill": NEUTRAL[1]},
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
        "sources": [_source_data(words, s) for s in m.sources],
        "texts": _texts(m, texts, proofs),
        "timeline": [e.to_dict() for e in timeline(m)],
        "nodes": nodes,
        "relations": _relations(m, G),
    }


def _overview(m: ArgumentMap, statuses: dict[str, ClaimStatus]) -> list[dict[str, Any]]:
    """Return the questions in dispute as :func:`argmap.questions.question_overview`
    gives them, their claims by id and stance, each with the ids of what its own map
    shows."""
    # Imported here: argmap.questions draws on argmap.render for the sides' colours.
    from argmap.questions import all_question_nodes, question_overview

    shown = all_question_nodes(m)
    out = []
    for q in question_overview(m, statuses=statuses.values()):
        data = q.to_dict()
        # The claims' words and verdicts are in the page's nodes: name them by id.
        for answer in data["answers"]:
            answer["claims"] = [{"id": c["id"], "stance": c["stance"]} for c in answer["claims"]]
        data["nodes"] = shown.get(q.id, []) if q.id is not None else []
        out.append(data)
    return out


def _span(proof: QuoteProof | None) -> list[int] | None:
    if proof is None or proof.match is None or proof.match.span is None:
        return None
    return list(proof.match.span)


def _texts(m: ArgumentMap, texts: dict[str, Any], proofs: dict[str, QuoteProof]) -> dict[str, Any]:
    """Return each readable source's full text, with the passages no quote covers and
    the share of it that the quotes cover (:func:`argmap.coverage.source_coverage`)."""
    out: dict[str, Any] = {}
    for c in source_coverage(m, texts=texts, proofs=proofs):
        st = texts.get(c.source)
        if c.problem is None and st is not None:
            out[c.source] = {
                "text": st.text,
                "share": c.share,
                "quotes": c.quotes,
                "unquoted": [[p.start, p.end] for p in c.unquoted],
            }
    return out


def _status_data(status: ClaimStatus) -> dict[str, Any]:
    return {
        "line": status.line,
        "verdict": status.verdict,
        "reason": status.reason,
        "hedge": status.hedge,
        "quotes": status.quotes,
        "every_reading": status.every_reading,
        "some_reading": status.some_reading,
        "strength": status.strength,
    }


def _claim_data(words: Attribution, c: Claim, s: ClaimStatus) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": CLAIM,
        "text": c.text,
        "original": c.original.model_dump() if c.original is not None else None,
        "parties": list(c.asserted_by),
        "short": short_line(words, c.id),
        "date": c.date,
        "tags": list(c.tags),
        "notes": c.notes,
        "answers": [{"question": a.question, "stance": a.stance} for a in c.answers],
        **_status_data(s),
    }


def _evidence_data(
    words: Attribution, e: Evidence, s: ClaimStatus, reporter_id: str | None
) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": EVIDENCE,
        "text": e.quote,
        "translation": e.translation,
        "source": e.source,
        "parties": list(e.speaker),
        "reporter": words.reporter(e.id),
        "reporter_id": reporter_id,
        "speakers": words.speakers(e.id),
        "translated": e.translated,
        "credit": words.quote_credit(e.id),
        "date": e.date,
        "notes": e.notes,
        **_status_data(s),
    }


def _questions(m: ArgumentMap) -> list[dict[str, Any]]:
    """Return the questions in dispute, each with the claims that answer it."""
    answers: dict[str, list[dict[str, str]]] = {}
    for c in m.claims:
        for a in c.answers:
            answers.setdefault(a.question, []).append({"claim": c.id, "stance": a.stance})
    return [
        {
            "id": q.id,
            "text": q.text,
            "original": q.original.model_dump() if q.original is not None else None,
            "notes": q.notes,
            "answers": answers.get(q.id, []),
        }
        for q in m.questions
    ]


def _source_data(words: Attribution, s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "kind": s.kind.value,
        "ai": s.is_ai_generated,
        "author": s.author,
        "reporter": words.name(s.reporter) if s.reporter is not None else None,
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


def _relations(m: ArgumentMap, G: Any) -> list[dict[str, Any]]:
    """Return every relation of the map: an undercut with the edge it aims at (None when
    it aims at none that counts), a supports or rebuts edge with its undercutters."""
    by_id: dict[str, tuple[str, str]] = {}
    for u, v, rid in G.edges(data="id"):
        if rid is not None:
            by_id.setdefault(rid, (u, v))
    out = []
    for r in m.relations:
        edge = G.edges.get((r.source, r.target))
        first = edge is not None and edge["type"] == r.type.value and edge["id"] == r.id
        aimed = by_id.get(r.target) if r.type is RelationType.UNDERCUTS else None
        out.append(
            {
                "id": r.id,
                "from": r.source,
                "to": r.target,
                "type": r.type.value,
                "counts": r.counts,
                "scheme": r.scheme,
                "rationale": r.rationale,
                "undercuts": {"from": aimed[0], "to": aimed[1]} if aimed else None,
                "undercut_by": list(edge["undercut_by"]) if first and edge else [],
            }
        )
    return out


def _page_svg(svg: bytes, known: set[str], relations: set[tuple[str, str]]) -> str:
    """Return Graphviz's SVG made ready for the page: sized by the page, every node of
    the map focusable and tagged with its id, every edge with its ends (``data-from``,
    ``data-to``); an undercut's line also with ``data-via``, the tail of the relation
    it aims at, and the point on that relation with the relation's ends."""
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
        elif cls == "node" and parse_via(title) is not None:
            u, v = parse_via(title) or ("", "")
            g.set("data-from", u)
            g.set("data-to", v)
        elif cls == "edge" and (g.get("id") or "").startswith(UNDERCUT_ID):
            w, u, v = (g.get("id") or "")[len(UNDERCUT_ID) :].split(":")
            g.set("data-from", w)
            g.set("data-to", v)
            g.set("data-via", u)
        elif cls == "edge" and ">" in title:
            _tag_edge(g, title, relations)
        if cls in ("node", "edge"):
            # The side panel tells more than a tooltip; the id stays in data-*.
            for a in g.iter(f"{{{SVG_NS}}}a"):
                a.attrib.pop(f"{{{XLINK_NS}}}title", None)
    return ET.tostring(root, encoding="unicode")


def _tag_edge(g: ET.Element, title: str, relations: set[tuple[str, str]]) -> None:
    # Ids never hold '>', so the title 'u->v' splits at it.
    cut = title.index(">")
    a, b = title[: cut - 1], title[cut + 1 :]
    via = parse_via(a) or parse_via(b)
    if via is not None:  # one half of a relation drawn through its point
        u, v = via
    else:
        u, v = (a, b) if (a, b) in relations else (b, a)  # a mirrored side: drawn backwards
    if (u, v) in relations:
        g.set("data-from", u)
        g.set("data-to", v)


def _swatch(
    shape: str,
    fill: str,
    border: str,
    *,
    width: float = 1.2,
    line: str = "solid",
    head: str = "normal",
) -> str:
    """Return a small inline SVG sample of a box or a line (SVG attributes, not styles,
    so the page's policy lets them through)."""
    dash = {"solid": "", "dashed": ' stroke-dasharray="5,3"', "dotted": ' stroke-dasharray="1,3"'}
    if shape == "line":
        ends = {
            "normal": f'<path d="M24,3 L32,8 L24,13 Z" fill="{border}"/>',
            "tee": f'<path d="M30,2 L30,14" stroke="{border}" stroke-width="2.5"/>',
            "both-tee": f'<path d="M30,2 L30,14 M3,2 L3,14" stroke="{border}" stroke-width="2.5"/>',
            "empty": f'<path d="M24,3 L32,8 L24,13 Z" fill="#FFFFFF" stroke="{border}"/>',
        }
        body = (
            f'<path d="M2,8 L{30 if "tee" in head else 24},8" stroke="{border}" '
            f'stroke-width="{width}"{dash[line]}/>{ends[head]}'
        )
    else:
        rx = ' rx="4"' if shape == "claim" else ""
        body = (
            f'<rect x="2" y="2" width="28" height="14"{rx} fill="{fill}" stroke="{border}" '
            f'stroke-width="{width}"{dash[line]}/>'
        )
    return f'<svg class="swatch" width="34" height="18" aria-hidden="true">{body}</svg>'


def _legend(data: dict[str, Any]) -> str:
    """Return the legend of what the page's picture shows, as escaped HTML list items."""
    e = html.escape
    claims = [n for n in data["nodes"] if n["kind"] == CLAIM]
    present_sides = {
        p["side"] or p["id"]
        for p in data["parties"]
        if any(p["id"] in n["parties"] for n in claims)
    }
    items = [
        f"<li>{_swatch('claim', e(s['fill']), e(s['border']))}"
        f"<span>claim by {e(s['label'])}</span></li>"
        for s in data["sides"]
        if s["side"] in present_sides
    ]
    verdicts = {n["verdict"] for n in claims}
    for word in VERDICT_WORDS:
        if word in verdicts:
            st = VERDICT_STYLES[word]
            box = _swatch(
                "claim",
                "#FFFFFF",
                "#000000",
                width=st.penwidth,
                line="dashed" if st.dashed else "solid",
            )
            items.append(
                f"<li>{box}<span><b>{word.upper()}</b>: {e(VERDICT_MEANINGS[word])}</span></li>"
            )
    ai = {s["id"] for s in data["sources"] if s["ai"]}
    quotes = [n for n in data["nodes"] if n["kind"] == EVIDENCE]
    if any(n["source"] not in ai for n in quotes):
        items.append(
            f"<li>{_swatch('note', NOTE_STYLE[1], NOTE_STYLE[0])}<span>quote, in the original, "
            "with who reports it and whose words it conveys</span></li>"
        )
    if any(n["source"] in ai for n in quotes):
        items.append(
            f"<li>{_swatch('note', AI_STYLE[1], AI_STYLE[0], line='dashed')}"
            "<span>quote from an AI-generated text</span></li>"
        )
    types = {r["type"] for r in data["relations"] if r["type"] != UNDERCUTS}
    if any(r["undercuts"] for r in data["relations"]):
        types.add(UNDERCUTS)
    rebuts = {(r["from"], r["to"]) for r in data["relations"] if r["type"] == "rebuts"}
    mutual = any((v, u) in rebuts for u, v in rebuts)
    for t, rs in RELATION_STYLES.items():
        if t in types:
            line = _swatch(
                "line", "", rs.colour, width=rs.penwidth, line=rs.line, head=rs.arrowhead
            )
            items.append(f"<li>{line}<span>{e(rs.meaning)}</span></li>")
        if t == "rebuts" and mutual:
            line = _swatch("line", "", rs.colour, width=rs.penwidth, line=rs.line, head="both-tee")
            items.append(f"<li>{line}<span>two claims that rebut each other</span></li>")
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
        "A verdict says what these texts show, not whether a claim is true: a claim holds "
        "when a chain of supports reaches quoted evidence and every attack on it that counts "
        "is answered (the grounded reading); moves that deny nothing (counter-accusations, "
        "insults, contrasts) are drawn but not counted. Acceptance in every or in some "
        f"reading follows the {data['semantics']} semantics; strength, DF-QuAD from the "
        "sources' reliability. A quote's line and column are where argmap found it in its "
        "source. Made with argmap."
    )


#: The most claims and quotes a page draws in its picture of the whole map.
PICTURE_LIMIT = 1200


def _no_picture(boxes: int, limit: int) -> str:
    """Return the SVG that stands for a whole map too big to draw."""
    lines = [
        f"This map has {boxes} claims and quotes: more than the {limit} one picture",
        "can show legibly. Read it question by question, by the timeline or by source;",
        "or draw a part of it: argmap render MAP -o part.svg --question ID (or --focus ID).",
    ]
    text = "".join(
        f'<text x="20" y="{40 + 26 * k}" font-size="16" fill="#333">{html.escape(t)}</text>'
        for k, t in enumerate(lines)
    )
    return (
        f'<svg xmlns="{SVG_NS}" id="map" class="too-big" viewBox="0 0 760 130" role="img" '
        f'aria-label="{html.escape(" ".join(lines))}">{text}</svg>'
    )


def to_html(
    m: ArgumentMap,
    *,
    engine: str = "auto",
    semantics: str = "grounded",
    legend: bool = True,
    title: str | None = None,
    picture_limit: int = PICTURE_LIMIT,
    **options: Any,
) -> str:
    """Return the map as one self-contained, interactive HTML page.

    The page opens on the questions in dispute (on the whole map when the map names
    none); the whole map is drawn only up to ``picture_limit`` claims and quotes, as
    Graphviz takes minutes to lay out thousands (the questions, the timeline and the
    sources are there at any size).

    Args:
        m: the map.
        engine: the Graphviz that draws the SVG: 'auto', 'system' or 'wasm'.
        semantics: the semantics of the acceptance shown in the side panel.
        legend: show the legend.
        title: the page's title; the map's own by default.
        picture_limit: the most claims and quotes drawn in the whole map's picture.
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
    known = {n["id"] for n in data["nodes"]}
    if len(known) > picture_limit and not options.get("focus") and not options.get("question"):
        body_svg = _no_picture(len(known), picture_limit)
    else:
        svg = render(m, "svg", engine=engine, legend=False, caption=False, **options)
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
