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
  const lines = Array.from(svg.querySelectorAll("g.edge[data-from]"));
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
  const STATUS_WORDS = {
    unrebutted: "unrebutted",
    standing: "standing",
    defeated: "defeated",
    undecided: "undecided",
  };
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
  const badge = (status) => el("span", { class: `badge ${status}`, text: STATUS_WORDS[status] || status });
  const langName = (code) => LANGUAGES[code] || code;
  const where = (n) => {
    const s = sources.get(n.source);
    const parts = [s ? s.title : n.source];
    if (n.line !== null && n.line !== undefined) parts.push(`line ${n.line}, column ${n.column}`);
    else parts.push("not found in the source text: run argmap check");
    const date = n.date || (s && s.published ? s.published + (s.published_inferred ? " (inferred)" : "") : null);
    if (date) parts.push(date);
    return parts.join(" · ");
  };

  // ---- labels for assistive technology ----
  boxes.forEach((g, id) => {
    const n = nodes.get(id);
    g.setAttribute("aria-label", `${kindWord(n)}, ${STATUS_WORDS[n.status]}: ${n.text}`);
    g.classList.add(`status-${n.status}`);
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
    return el("li", null,
      s && s.ai ? el("span", { class: "tag ai", text: "AI-generated" }) : null,
      el("blockquote", { lang: n.lang || null }, `« ${n.text} »`),
      n.translation ? el("p", { class: "translation", lang: "en" }, `“${n.translation}”`) : null,
      el("p", { class: "meta" },
        n.parties.length ? `${partyNames(n.parties)} · ` : "", where(n), " ",
        badge(n.status), " ", goLink(n.id, "show")));
  };
  const claimItem = (n) => el("li", null,
    el("span", null, n.text), el("br"), el("span", { class: "meta" },
      n.parties.length ? `${partyNames(n.parties)} · ` : "", badge(n.status), " ", goLink(n.id, "show")));
  const item = (id) => {
    const n = nodes.get(id);
    if (!n) return el("li", null, id);
    return n.kind === "claim" ? claimItem(n) : quoteItem(n);
  };
  const section = (title, rels, end, empty) => {
    const list = el("ul", { class: "items" });
    rels.forEach((r) => list.append(item(r[end])));
    return [el("h3", { text: `${title} (${rels.length})` }),
      rels.length ? list : el("p", { class: "empty", text: empty })];
  };
  const fill = (n) => {
    const inRels = incoming.get(n.id) || [];
    const outRels = outgoing.get(n.id) || [];
    const of = (rels, type) => rels.filter((r) => r.type === type);
    const parts = [el("h2", { text: kindWord(n) })];
    if (n.kind === "claim") {
      parts.push(el("p", { class: "text", lang: "en" }, n.text));
      if (n.original && n.original.text !== n.text) {
        parts.push(el("p", { class: "original", lang: n.original.lang },
          el("span", { class: "lang", text: langName(n.original.lang) }), n.original.text));
      }
      parts.push(el("p", { class: "meta" },
        n.parties.length ? `Asserted by ${partyNames(n.parties)}` : "Asserted by nobody named",
        n.date ? ` · ${n.date}` : ""));
    } else {
      const s = sources.get(n.source);
      if (s && s.ai) parts.push(el("span", { class: "tag ai", text: "AI-generated" }));
      parts.push(el("blockquote", { class: "text", lang: n.lang || null }, `« ${n.text} »`));
      if (n.translation) {
        parts.push(el("p", { class: "translation", lang: "en" },
          el("span", { class: "lang", text: "English" }), n.translation));
      }
      parts.push(el("p", { class: "meta" },
        n.parties.length ? `Said by ${partyNames(n.parties)} · ` : "", where(n)));
      if (s && s.ai) {
        parts.push(el("p", { class: "meta",
          text: `From an AI-generated text${s.generator ? ` (${s.generator})` : ""}` +
            (s.reliability !== null ? `, rated ${s.reliability} for reliability.` : ".") }));
      }
    }
    const accept = data.semantics === "grounded" ? "" :
      ` Under ${data.semantics} semantics it is accepted ${n.sceptical ? "in every extension" : n.credulous ? "in some extensions, not all" : "in no extension"}.`;
    parts.push(el("p", { class: "verdict" }, badge(n.status), " ",
      el("span", { class: "why", text: `${data.statuses[n.status] || ""}.${accept}` }), " ",
      el("span", { class: "meta", text: `Strength ${n.strength.toFixed(2)} (DF-QuAD).` })));
    if (n.kind === "claim" || of(inRels, "supports").length) {
      parts.push(...section("Supported by", of(inRels, "supports"), "from", "Nothing in the map supports it."));
    }
    parts.push(...section("Rebutted by", of(inRels, "rebuts"), "from", "Nothing in the map rebuts it."));
    if (of(outRels, "supports").length) parts.push(...section("It supports", of(outRels, "supports"), "to", ""));
    if (of(outRels, "rebuts").length) parts.push(...section("It rebuts", of(outRels, "rebuts"), "to", ""));
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
      if (g.dataset.from === id || g.dataset.to === id) g.classList.add("near");
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
  const claimStatus = counts((n) => (n.kind === "claim" ? [n.status] : []));
  Object.keys(STATUS_WORDS).forEach((s) => {
    if (claimStatus.has(s)) checkbox(statusBox, "status", s, STATUS_WORDS[s], claimStatus.get(s));
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
    const st = checked("status");
    const pa = checked("party");
    const so = checked("source");
    const visible = new Set();
    data.nodes.forEach((n) => {
      let ok = n.parties.length === 0 || n.parties.some((p) => pa.has(p) || !parties.has(p));
      if (n.kind === "claim") ok = ok && st.has(n.status);
      else ok = ok && (so.has(n.source) || !sources.has(n.source));
      if (ok) visible.add(n.id);
    });
    boxes.forEach((g, id) => g.classList.toggle("hidden", !visible.has(id)));
    lines.forEach((g) =>
      g.classList.toggle("hidden", !(visible.has(g.dataset.from) && visible.has(g.dataset.to))));
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
    if (n.kind === "claim") tick("status", n.status);
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
    n.id, n.text, n.original && n.original.text, n.translation, partyNames(n.parties),
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
