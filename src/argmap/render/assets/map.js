"use strict";
// The page's one script: pan and zoom, the side panel, filters and search.
// Text from the map is only ever written with textContent, never parsed as HTML.
(() => {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const svg = document.getElementById("map");
  const layout = document.querySelector(".layout");
  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");

  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const parties = new Map(data.parties.map((p) => [p.id, p]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const boxes = new Map();
  svg.querySelectorAll("g.node[data-node]").forEach((g) => boxes.set(g.dataset.node, g));
  // The lines, and the points drawn on undercut relations: each knows the ends of the
  // relation it belongs to (data-from, data-to) and, for an undercut, the tail of the
  // relation it aims at (data-via).
  const lines = Array.from(svg.querySelectorAll("g[data-from]"));
  const incoming = new Map();
  const outgoing = new Map();
  const push = (map, key, value) => {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  };
  data.relations.forEach((r) => {
    push(incoming, r.to, r);
    push(outgoing, r.from, r);
  });
  const VERDICTS = Object.keys(data.verdicts);
  const questions = new Map(data.questions.map((q) => [q.id, q]));
  const relationsById = new Map(data.relations.filter((r) => r.id).map((r) => [r.id, r]));
  const MOVES = new Set(["counter-accuses", "insults", "contrasts"]);
  const LANGUAGES = { en: "English", fr: "French", de: "German", es: "Spanish", it: "Italian" };

  // ---- small helpers that build elements from text ----
  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    });
    children.forEach((c) => {
      if (c === null || c === undefined || c === false) return;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  };
  const kindWord = (n) => (n.kind === "claim" ? "Claim" : "Quote");
  const partyNames = (ids) => ids.map((id) => (parties.get(id) || { name: id }).name).join(", ");
  const badge = (verdict) => el("span", { class: `badge ${verdict}`, text: verdict });
  const langName = (code) => LANGUAGES[code] || code;
  const where = (n) => {
    const s = sources.get(n.source);
    const parts = [s ? s.title : n.source];
    if (n.position) parts.push(`line ${n.position.line}, column ${n.position.column}`);
    else parts.push("not found in the source text: run argmap check");
    const date = n.date || (s && s.published ? s.published + (s.published_inferred ? " (inferred)" : "") : null);
    if (date) parts.push(date);
    return parts.join(" · ");
  };

  // ---- labels for assistive technology ----
  boxes.forEach((g, id) => {
    const n = nodes.get(id);
    g.setAttribute("aria-label", `${kindWord(n)}, ${n.verdict}: ${n.line}`);
    g.classList.add(`verdict-${n.verdict}`);
  });

  // ---- pan and zoom, by the viewBox ----
  const base = svg.viewBox.baseVal;
  const home = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = { ...home };
  const setView = (v) => {
    view = v;
    svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  };
  const toMap = (clientX, clientY) => {
    const ctm = svg.getScreenCTM();
    if (!ctm) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const zoom = (factor, at) => {
    const c = at || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const w = Math.min(Math.max(view.w * factor, home.w / 60), home.w * 4);
    const k = w / view.w;
    setView({ x: c.x - (c.x - view.x) * k, y: c.y - (c.y - view.y) * k, w, h: view.h * k });
  };
  const pan = (dx, dy) => setView({ ...view, x: view.x + dx, y: view.y + dy });
  const boxOf = (g) => {
    const b = g.getBBox();
    const m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    const a = new DOMPoint(b.x, b.y).matrixTransform(m);
    const z = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
    return { x: Math.min(a.x, z.x), y: Math.min(a.y, z.y), w: Math.abs(z.x - a.x), h: Math.abs(z.y - a.y) };
  };
  const centreOn = (g) => {
    const b = boxOf(g);
    const w = Math.min(view.w, Math.max(b.w * 4, home.w / 6));
    const h = (view.h * w) / view.w;
    setView({ x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - h / 2, w, h });
  };

  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1 / 1.2 : 1.2, toMap(e.clientX, e.clientY));
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, moved: false, view: { ...view } };
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("dragging");
    }
    const ctm = svg.getScreenCTM();
    const scale = ctm ? ctm.a : 1;
    setView({ ...drag.view, x: drag.view.x - dx / scale, y: drag.view.y - dy / scale });
  });
  const endDrag = (e) => {
    if (drag && drag.moved) {
      svg.releasePointerCapture(e.pointerId);
      svg.classList.remove("dragging");
      // A drag is no click: swallow the click that follows it.
      svg.addEventListener("click", (c) => c.stopPropagation(), { capture: true, once: true });
    }
    drag = null;
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  document.getElementById("zoom-in").addEventListener("click", () => zoom(1 / 1.4));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(1.4));
  document.getElementById("zoom-fit").addEventListener("click", () => setView({ ...home }));

  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = view.w / 8;
    const keys = {
      "+": () => zoom(1 / 1.4),
      "=": () => zoom(1 / 1.4),
      "-": () => zoom(1.4),
      "0": () => setView({ ...home }),
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
      Escape: () => closePanel(),
    };
    if (keys[e.key]) {
      keys[e.key]();
      e.preventDefault();
    }
  });

  // ---- the side panel ----
  let selected = null;
  const goLink = (id, label) => {
    const a = el("a", { class: "go", href: `#${encodeURIComponent(id)}`, text: label });
    a.dataset.go = id;
    return a;
  };
  const quoteItem = (n) => {
    const s = sources.get(n.source);
    return [
      s && s.ai ? el("span", { class: "tag ai", text: "AI-generated" }) : null,
      el("blockquote", { lang: n.lang || null }, `« ${n.text} »`),
      n.translation ? el("p", { class: "translation", lang: "en" }, `“${n.translation}”`) : null,
      el("p", { class: "credit" }, `— ${n.credit}`),
      el("p", { class: "meta" }, where(n), " ", badge(n.verdict), " ", goLink(n.id, "show")),
    ];
  };
  const claimItem = (n) => [
    el("span", null, n.line), el("br"),
    el("span", { class: "meta" }, badge(n.verdict), " ", n.reason, " ", goLink(n.id, "show")),
  ];
  const relationMeta = (r) => {
    const bits = [];
    if (r.scheme) bits.push(`scheme: ${r.scheme}`);
    if (r.rationale) bits.push(r.rationale);
    if (r.id) bits.push(`relation ${r.id}`);
    return bits.length ? el("p", { class: "meta" }, bits.join(" · ")) : null;
  };
  const nameOf = (id) => {
    const n = nodes.get(id);
    return n ? (n.kind === "claim" ? n.text : `« ${n.text} »`) : id;
  };
  const undercutNote = (r) => (r.undercut_by && r.undercut_by.length
    ? el("p", { class: "undercut" }, "Undercut by ",
      ...r.undercut_by.flatMap((w, i) => [i ? ", " : "", goLink(w, nameOf(w))]),
      ": this relation is said not to show what it claims.")
    : null);
  const item = (r, end) => {
    const n = nodes.get(r[end]);
    const li = el("li", null);
    if (MOVES.has(r.type)) li.append(el("span", { class: "tag move", text: r.type }), " ");
    if (!n) li.append(r[end]);
    else li.append(...(n.kind === "claim" ? claimItem(n) : quoteItem(n)).filter(Boolean));
    [relationMeta(r), undercutNote(r)].forEach((p) => { if (p) li.append(p); });
    return li;
  };
  const aimedAt = (r) => {
    // An undercut aims at a relation: say which, with its two ends.
    const li = el("li", null);
    const target = r.undercuts ? relationsById.get(r.to) : null;
    if (target && r.undercuts) {
      li.append(el("span", null, `the relation “${nameOf(r.undercuts.from)}” ${target.type} “${nameOf(r.undercuts.to)}”`),
        el("br"), goLink(r.undercuts.from, "show its start"), " ", goLink(r.undercuts.to, "show its end"));
    } else li.append(el("span", { class: "empty", text: `relation ${r.to}, which is not in the map` }));
    const meta = relationMeta(r);
    if (meta) li.append(meta);
    return li;
  };
  const section = (title, rels, render, empty) => {
    const list = el("ul", { class: "items" });
    rels.forEach((r) => list.append(render(r)));
    return [el("h3", { text: `${title} (${rels.length})` }),
      rels.length ? list : el("p", { class: "empty", text: empty })];
  };
  const readings = (n) => {
    if (data.semantics === "grounded") return "";
    const where = n.every_reading ? "in every reading" : n.some_reading ? "in some reading, not every" : "in no reading";
    return ` Under ${data.semantics} semantics it is accepted ${where}.`;
  };
  const answersOf = (n) => {
    if (!n.answers || !n.answers.length) return [];
    const list = el("ul", { class: "answers" });
    n.answers.forEach((a) => {
      const q = questions.get(a.question);
      list.append(el("li", null, el("span", { class: "question", text: q ? q.text : a.question }),
        " ", el("b", { text: a.stance })));
    });
    return [el("h3", { text: "Questions it answers" }), list];
  };
  const fill = (n) => {
    const inRels = incoming.get(n.id) || [];
    const outRels = outgoing.get(n.id) || [];
    const of = (rels, type) => rels.filter((r) => r.type === type);
    const parts = [el("h2", { text: kindWord(n) })];
    if (n.kind === "claim") {
      parts.push(el("p", { class: "text", lang: "en" }, n.line));
      if (n.original && n.original.text !== n.text) {
        parts.push(el("p", { class: "original", lang: n.original.lang },
          el("span", { class: "lang", text: langName(n.original.lang) }), n.original.text));
      }
      parts.push(el("p", { class: "meta" },
        n.short ? `Asserted by ${n.short}` : "Asserted by nobody named",
        n.date ? ` · ${n.date}` : "",
        ` · ${n.quotes} quote${n.quotes === 1 ? "" : "s"} behind it`));
    } else {
      const s = sources.get(n.source);
      if (s && s.ai) parts.push(el("span", { class: "tag ai", text: "AI-generated" }));
      parts.push(el("blockquote", { class: "text", lang: n.lang || null }, `« ${n.text} »`));
      if (n.translation) {
        parts.push(el("p", { class: "translation", lang: "en" },
          el("span", { class: "lang", text: "English" }), n.translation));
      }
      parts.push(el("p", { class: "credit" }, `— ${n.credit}`));
      const who = [`Reported by ${n.reporter}`];
      if (n.speakers.length) who.push(`conveying the words or position of ${n.speakers.join(", ")}`);
      if (n.translated) who.push("translated from another language by the source");
      parts.push(el("p", { class: "meta" }, `${who.join("; ")}. `, where(n)));
      if (s && s.ai) {
        parts.push(el("p", { class: "meta",
          text: `From an AI-generated text${s.generator ? ` (${s.generator})` : ""}` +
            (s.reliability !== null ? `, rated ${s.reliability} for reliability.` : ".") }));
      }
    }
    parts.push(el("p", { class: "verdict" }, badge(n.verdict), " ",
      el("span", { class: "why", text: `${n.reason}.${readings(n)}` }), " ",
      n.strength === null || n.strength === undefined ? null
        : el("span", { class: "meta", text: `Strength ${n.strength.toFixed(2)} (DF-QuAD).` })));
    parts.push(...answersOf(n));
    const from = (r) => item(r, "from");
    const to = (r) => item(r, "to");
    if (n.kind === "claim" || of(inRels, "supports").length) {
      parts.push(...section("Supported by", of(inRels, "supports"), from, "Nothing in the map supports it."));
    }
    parts.push(...section("Rebutted by", of(inRels, "rebuts"), from, "Nothing in the map rebuts it."));
    const moves = inRels.filter((r) => MOVES.has(r.type));
    if (moves.length) parts.push(...section("Moves that deny nothing, aimed at it", moves, from, ""));
    if (of(outRels, "supports").length) parts.push(...section("It supports", of(outRels, "supports"), to, ""));
    if (of(outRels, "rebuts").length) parts.push(...section("It rebuts", of(outRels, "rebuts"), to, ""));
    if (of(outRels, "undercuts").length) parts.push(...section("It undercuts", of(outRels, "undercuts"), aimedAt, ""));
    const ownMoves = outRels.filter((r) => MOVES.has(r.type));
    if (ownMoves.length) parts.push(...section("Its moves that deny nothing", ownMoves, to, ""));
    if (n.notes) parts.push(el("h3", { text: "Notes" }), el("p", null, n.notes));
    parts.push(el("p", { class: "meta" }, "id ", el("code", null, n.id)));
    panelBody.replaceChildren(...parts);
  };
  const select = (id, { move = false, focusPanel = false } = {}) => {
    const n = nodes.get(id);
    if (!n) return;
    if (selected) selected.classList.remove("selected");
    lines.forEach((g) => g.classList.remove("near"));
    selected = boxes.get(id) || null;
    if (selected) {
      selected.classList.add("selected");
      if (move) centreOn(selected);
    }
    lines.forEach((g) => {
      if ([g.dataset.from, g.dataset.to, g.dataset.via].includes(id)) g.classList.add("near");
    });
    fill(n);
    panel.hidden = false;
    layout.classList.add("with-panel");
    if (focusPanel) panel.focus();
  };
  const closePanel = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    layout.classList.remove("with-panel");
    if (selected) {
      selected.classList.remove("selected");
      selected.focus();
    }
    lines.forEach((g) => g.classList.remove("near"));
    selected = null;
  };
  document.getElementById("panel-close").addEventListener("click", closePanel);
  svg.addEventListener("click", (e) => {
    const g = e.target.closest("g.node[data-node]");
    if (g) select(g.dataset.node);
  });
  svg.addEventListener("keydown", (e) => {
    const g = e.target.closest && e.target.closest("g.node[data-node]");
    if (g && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(g.dataset.node, { focusPanel: true });
    }
  });
  panelBody.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-go]");
    if (!a) return;
    e.preventDefault();
    const id = a.dataset.go;
    showNode(id);
    select(id, { move: true });
    history.replaceState(null, "", `#${encodeURIComponent(id)}`);
    const g = boxes.get(id);
    if (g) g.focus({ preventScroll: true });
  });

  // ---- filters ----
  const counts = (key) => {
    const c = new Map();
    data.nodes.forEach((n) => {
      if (boxes.has(n.id)) key(n).forEach((k) => c.set(k, (c.get(k) || 0) + 1));
    });
    return c;
  };
  const checkbox = (box, name, value, label, n) => {
    const input = el("input", { type: "checkbox", name, value, checked: "" });
    box.append(el("label", null, input, ` ${label} `, el("span", { class: "count", text: `(${n})` })));
  };
  const statusBox = document.getElementById("filter-status");
  const claimVerdicts = counts((n) => (n.kind === "claim" ? [n.verdict] : []));
  VERDICTS.forEach((v) => {
    if (claimVerdicts.has(v)) checkbox(statusBox, "verdict", v, v, claimVerdicts.get(v));
  });
  const partyBox = document.getElementById("filter-party");
  const partyCount = counts((n) => n.parties);
  data.parties.forEach((p) => {
    if (partyCount.has(p.id)) checkbox(partyBox, "party", p.id, p.name, partyCount.get(p.id));
  });
  const sourceBox = document.getElementById("filter-source");
  const sourceCount = counts((n) => (n.kind === "claim" ? [] : [n.source]));
  data.sources.forEach((s) => {
    if (sourceCount.has(s.id)) checkbox(sourceBox, "source", s.id, s.title, sourceCount.get(s.id));
  });
  [statusBox, partyBox, sourceBox].forEach((box) => {
    if (!box.querySelector("input")) box.hidden = true;
  });
  const checked = (name) =>
    new Set(Array.from(document.querySelectorAll(`input[name="${name}"]:checked`), (i) => i.value));
  const shown = document.getElementById("shown");
  const applyFilters = () => {
    const st = checked("verdict");
    const pa = checked("party");
    const so = checked("source");
    const visible = new Set();
    data.nodes.forEach((n) => {
      let ok = n.parties.length === 0 || n.parties.some((p) => pa.has(p) || !parties.has(p));
      if (n.kind === "claim") ok = ok && st.has(n.verdict);
      else ok = ok && (so.has(n.source) || !sources.has(n.source));
      if (ok) visible.add(n.id);
    });
    boxes.forEach((g, id) => g.classList.toggle("hidden", !visible.has(id)));
    lines.forEach((g) => {
      const ends = [g.dataset.from, g.dataset.to, g.dataset.via].filter(Boolean);
      g.classList.toggle("hidden", !ends.every((id) => visible.has(id)));
    });
    const drawn = Array.from(boxes.keys()).filter((id) => visible.has(id)).length;
    shown.textContent = `Showing ${drawn} of ${boxes.size} boxes.`;
  };
  const showNode = (id) => {
    // Moving to a node that a filter hides turns that filter off for it.
    const n = nodes.get(id);
    if (!n || !boxes.has(id) || !boxes.get(id).classList.contains("hidden")) return;
    const tick = (name, value) => {
      const input = document.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
      if (input) input.checked = true;
    };
    if (n.kind === "claim") tick("verdict", n.verdict);
    else tick("source", n.source);
    n.parties.forEach((p) => tick("party", p));
    applyFilters();
  };
  document.getElementById("controls").addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === "checkbox") applyFilters();
  });
  document.getElementById("show-all").addEventListener("click", () => {
    document.querySelectorAll("#controls input[type=checkbox]").forEach((i) => { i.checked = true; });
    applyFilters();
  });
  applyFilters();

  // ---- search ----
  const fold = (s) => (s || "").normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, " ").toLowerCase();
  const haystack = new Map(data.nodes.map((n) => [n.id, fold([
    n.id, n.text, n.line, n.credit, n.original && n.original.text, n.translation, partyNames(n.parties),
    n.kind === "claim" ? "" : (sources.get(n.source) || {}).title,
  ].filter(Boolean).join(" \u0000 "))]));
  const search = document.getElementById("search");
  const searchCount = document.getElementById("search-count");
  let matches = [];
  let cursor = -1;
  const runSearch = () => {
    const q = fold(search.value).trim();
    matches = [];
    cursor = -1;
    boxes.forEach((g, id) => {
      const hit = q !== "" && q.split(" ").every((w) => haystack.get(id).includes(w));
      g.classList.toggle("match", hit);
      if (hit) matches.push(id);
    });
    svg.classList.toggle("searching", q !== "");
    searchCount.textContent = q === "" ? "" :
      matches.length === 0 ? "No match." :
      `${matches.length} match${matches.length === 1 ? "" : "es"}; Enter shows the next.`;
  };
  search.addEventListener("input", runSearch);
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!matches.length) return;
    cursor = (cursor + 1) % matches.length;
    showNode(matches[cursor]);
    select(matches[cursor], { move: true });
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });

  // ---- a link to #id opens that node ----
  const fromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (nodes.has(id)) {
      showNode(id);
      select(id, { move: true });
    }
  };
  window.addEventListener("hashchange", fromHash);
  if (location.hash) fromHash();
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details").forEach((d) => { d.open = true; });
  });
  document.body.dataset.ready = "true";
})();
