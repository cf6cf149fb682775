"use strict";
// The page's one script: the views (questions, a question's map, the whole map, the
// timeline, the sources), pan and zoom, the side panel, filters and search.
// Text from the map is only ever written with textContent, never parsed as HTML.
(() => {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const svg = document.getElementById("map");
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
  // Guillemets around a quote, unless it brings its own.
  const quoted = (t) => (/^\s*«/.test(t) ? t : `« ${t} »`);
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
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
    if (current !== "map") {
      if (e.key === "Escape") closePanel();
      return;
    }
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
  let opener = null;
  const goLink = (id, label) => {
    const a = el("a", { class: "go", href: `#${encodeURIComponent(id)}`, text: label });
    a.dataset.go = id;
    return a;
  };
  const readLink = (n) => {
    if (!n.span || !texts[n.source]) return null;
    const a = el("a", { class: "go read", href: `#source:${encodeURIComponent(n.source)}`, text: "read it in its source" });
    a.dataset.read = n.id;
    return a;
  };
  const quoteItem = (n) => {
    const s = sources.get(n.source);
    return [
      s && s.ai ? el("span", { class: "tag ai", text: "AI-generated" }) : null,
      el("blockquote", { lang: n.lang || null }, quoted(n.text)),
      n.translation ? el("p", { class: "translation", lang: "en" }, `“${n.translation}”`) : null,
      el("p", { class: "credit" }, `— ${n.credit}`),
      el("p", { class: "meta" }, where(n), " ", badge(n.verdict), " ", goLink(n.id, "show"),
        " ", readLink(n)),
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
    return n ? (n.kind === "claim" ? n.text : quoted(n.text)) : id;
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
      const asked = questionsById.has(a.question)
        ? el("a", { class: "question", href: `#question:${encodeURIComponent(a.question)}`, text: q ? q.text : a.question })
        : el("span", { class: "question", text: q ? q.text : a.question });
      if (questionsById.has(a.question)) asked.dataset.question = a.question;
      list.append(el("li", null, asked, " ", el("b", { text: a.stance })));
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
      parts.push(el("blockquote", { class: "text", lang: n.lang || null }, quoted(n.text)));
      if (n.translation) {
        parts.push(el("p", { class: "translation", lang: "en" },
          el("span", { class: "lang", text: "English" }), n.translation));
      }
      parts.push(el("p", { class: "credit" }, `— ${n.credit}`));
      const who = [`Reported by ${n.reporter}`];
      if (n.speakers.length) who.push(`conveying the words or position of ${n.speakers.join(", ")}`);
      if (n.translated) who.push("translated from another language by the source");
      parts.push(el("p", { class: "meta" }, `${who.join("; ")}. `, where(n), " ", readLink(n)));
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
      if (move && current === "map") centreOn(selected);
    }
    lines.forEach((g) => {
      if ([g.dataset.from, g.dataset.to, g.dataset.via].includes(id)) g.classList.add("near");
    });
    fill(n);
    panel.hidden = false;
    document.body.classList.add("with-panel");
    opener = document.activeElement;
    if (focusPanel) panel.focus();
  };
  const closePanel = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove("with-panel");
    if (selected) selected.classList.remove("selected");
    if (current === "map" && selected) selected.focus();
    else if (opener && opener !== document.body && document.contains(opener)) opener.focus({ preventScroll: true });
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
    const r = e.target.closest("a[data-read]");
    if (r) {
      e.preventDefault();
      readQuote(r.dataset.read);
      return;
    }
    const a = e.target.closest("a[data-go]");
    if (!a) return;
    e.preventDefault();
    goTo(a.dataset.go);
  });

  // ---- the views: one shown at a time ----
  const texts = data.texts || {};
  const questionsById = new Map(data.overview.filter((q) => q.id !== null).map((q) => [q.id, q]));
  const sidesById = new Map(data.sides.map((s) => [s.side, s]));
  const NEUTRAL_SIDES = new Set(["observers", "neutral"]);
  const sideOf = (n) => sidesById.get(n.side) || { side: null, label: "Nobody named", ...data.neutral };
  const paint = (e, side) => {
    // CSSOM, not a style attribute: the page's policy allows no inline style.
    e.style.setProperty("--side", side.border);
    e.style.setProperty("--fill", side.fill);
  };
  const viewEls = {
    questions: document.getElementById("view-questions"),
    question: document.getElementById("view-question"),
    map: document.getElementById("view-map"),
    timeline: document.getElementById("view-timeline"),
    sources: document.getElementById("view-sources"),
  };
  const firstView = questionsById.size ? "questions" : "map";
  let current = null;
  let currentQuestion = null;
  const show = (name, push = true) => {
    if (!questionsById.size && (name === "questions" || name === "question")) name = "map";
    Object.entries(viewEls).forEach(([k, v]) => { v.hidden = k !== name; });
    document.querySelectorAll("#views button[data-view]").forEach((b) => {
      const on = b.dataset.view === name || (name === "question" && b.dataset.view === "questions");
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    current = name;
    document.body.dataset.view = name;
    if (push && name !== "question") history.replaceState(null, "", `#${name}`);
    if (name === "sources" && !currentSource && Object.keys(texts).length) {
      openSource(data.sources.map((x) => x.id).find((id) => texts[id]));
    }
  };
  if (!questionsById.size) {
    document.querySelector('#views button[data-view="questions"]').hidden = true;
    document.body.classList.add("no-questions");
  }
  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest("button[data-view]");
    if (!b) return;
    show(b.dataset.view);
    window.scrollTo(0, 0);
  });

  // ---- dates: the range chosen in the timeline filters every view ----
  const dateOf = new Map();
  data.timeline.forEach((ev) => {
    if (ev.kind !== "source" && !dateOf.has(ev.id)) dateOf.set(ev.id, ev.date);
  });
  const yearOf = (d) => parseInt(d.slice(0, 4), 10);
  const years = data.timeline.map((ev) => yearOf(ev.date));
  const range = { from: null, to: null, undated: true };
  const inRange = (id) => {
    const d = dateOf.get(id);
    if (d === undefined) return range.undated || (range.from === null && range.to === null);
    const y = yearOf(d);
    return (range.from === null || y >= range.from) && (range.to === null || y <= range.to);
  };
  const eventInRange = (ev) => {
    const y = yearOf(ev.date);
    return (range.from === null || y >= range.from) && (range.to === null || y <= range.to);
  };

  // ---- the first screen: the questions, each with each side's answers ----
  const byline = (c) => {
    const n = nodes.get(c.id);
    return `— ${n && n.short ? n.short : "nobody named"}`;
  };
  const plural = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
  const answerItem = (c) => el("li", { class: "answer" },
    el("span", { class: "stance", text: c.stance }), " ",
    el("span", { class: "ctext", lang: "en", text: c.text }), " ",
    el("span", { class: "by", text: byline(c) }),
    el("span", { class: "verdict-line" }, badge(c.verdict), " ",
      el("span", { class: "why", text: c.reason }), " · ",
      el("span", { class: "count", text: `${plural(c.quotes, "quote")} behind it` })));
  const claimsById = new Map();
  data.overview.forEach((q) => q.answers.forEach((a) => a.claims.forEach((c) => {
    const n = nodes.get(c.id);
    if (n) claimsById.set(c.id, n);
  })));
  const questionCard = (q) => {
    const card = el("article", { class: "qcard", id: q.id === null ? "qcard-unlinked" : `qcard-${q.id}` });
    card.append(el("h3", { lang: "en", text: q.text }));
    if (q.original && q.original.text !== q.text) {
      card.append(el("p", { class: "original", lang: q.original.lang, text: q.original.text }));
    }
    const cols = el("div", { class: "qsides" });
    q.sides.forEach((s) => {
      const side = sidesById.get(s.side.id) || { label: s.side.label, ...data.neutral };
      const col = el("section", { class: "qside" }, el("h4", { text: s.side.label }));
      paint(col, side);
      const list = el("ul", null);
      s.claims.forEach((ref) => {
        const c = claimsById.get(ref.id);
        if (c) list.append(answerItem({ ...c, stance: ref.stance }));
      });
      col.append(list);
      cols.append(col);
    });
    card.append(cols);
    if (q.id !== null) {
      const quotes = q.nodes.filter((id) => (nodes.get(id) || {}).kind === "evidence").length;
      const b = el("button", { type: "button", class: "open-q", text:
        `Open this question's map (${plural(q.nodes.length - quotes, "claim")}, ${plural(quotes, "quote")}) →` });
      b.dataset.question = q.id;
      card.append(b);
    } else {
      const b = el("button", { type: "button", class: "open-q", text: "See them on the whole map →" });
      b.dataset.view = "map";
      card.append(b);
    }
    return card;
  };
  const index = document.getElementById("question-index");
  const cards = document.getElementById("question-cards");
  data.overview.forEach((q) => {
    if (q.id === null) return;
    const a = el("a", { href: `#question:${encodeURIComponent(q.id)}`, lang: "en", text: q.text });
    a.dataset.question = q.id;
    // The gist: what each side in dispute answers (observers only when no side is).
    const disputing = q.sides.filter((s) => !NEUTRAL_SIDES.has(s.side.id));
    const sides = (disputing.length ? disputing : q.sides)
      .map((s) => `${s.side.label}: ${s.stances.join(" / ") || "—"}`).join(" · ");
    index.append(el("li", null, a, " ", el("span", { class: "gist", text: sides })));
  });
  data.overview.forEach((q) => cards.append(questionCard(q)));
  document.addEventListener("click", (e) => {
    const t = e.target.closest && e.target.closest("[data-question]");
    if (!t) return;
    e.preventDefault();
    openQuestion(t.dataset.question);
  });

  // ---- a question's map: its claims and quotes, the two sides facing ----
  const qMap = document.getElementById("q-map");
  const qShown = document.getElementById("q-shown");
  const stanceIn = (n, qid) => {
    const a = (n.answers || []).find((x) => x.question === qid);
    return a ? a.stance : null;
  };
  const linkTo = (id, label) => {
    const a = el("a", { class: "go", href: `#${encodeURIComponent(id)}`, text: label });
    a.dataset.go = id;
    return a;
  };
  const relWords = {
    supports: ["supports", "supported by"], rebuts: ["rebuts", "rebutted by"],
    undercuts: ["undercuts", "undercut by"],
  };
  const claimCard = (n, qid, keep) => {
    const card = el("article", { class: `card claim verdict-${n.verdict}`, tabindex: "0", role: "button",
      "aria-label": `Claim, ${n.verdict}: ${n.line}` });
    card.dataset.node = n.id;
    paint(card, sideOf(n));
    const stance = stanceIn(n, qid);
    if (stance) card.append(el("span", { class: "stance", text: stance }), " ");
    else if (n.answers && n.answers.length) card.append(el("span", { class: "tag", text: "answers another question" }), " ");
    card.append(el("p", { class: "ctext", lang: "en", text: n.text }));
    card.append(el("p", { class: "by", text: byline(n) }));
    card.append(el("p", { class: "verdict-line" }, badge(n.verdict), " ", el("span", { class: "why", text: n.reason }),
      " · ", el("span", { class: "count", text: `${plural(n.quotes, "quote")} behind it` })));
    const links = el("ul", { class: "links" });
    // Two claims that rebut each other get one line, as in the picture.
    const rebutsBack = new Set((incoming.get(n.id) || []).filter((r) => r.type === "rebuts").map((r) => r.from));
    const mutual = new Set((outgoing.get(n.id) || []).filter((r) => r.type === "rebuts" && rebutsBack.has(r.to)).map((r) => r.to));
    (outgoing.get(n.id) || []).forEach((r) => {
      const t = nodes.get(r.to);
      if (t && t.kind === "claim" && keep.has(r.to)) {
        const word = mutual.has(r.to) ? "rebut each other ↔ " : `${(relWords[r.type] || [r.type])[0]} → `;
        links.append(el("li", { class: `rel ${r.type}` }, word, linkTo(r.to, t.text)));
      }
    });
    (incoming.get(n.id) || []).forEach((r) => {
      const f = nodes.get(r.from);
      if (r.type === "rebuts" && mutual.has(r.from)) return;
      if (f && f.kind === "claim" && keep.has(r.from)) {
        links.append(el("li", { class: `rel ${r.type}` }, `${(relWords[r.type] || [r.type, r.type])[1] || r.type} ← `, linkTo(r.from, f.text)));
      }
    });
    if (links.childElementCount) card.append(links);
    const quotes = el("ul", { class: "quotes" });
    (incoming.get(n.id) || []).forEach((r) => {
      const e = nodes.get(r.from);
      if (!e || e.kind === "claim" || !keep.has(e.id)) return;
      const s = sources.get(e.source);
      const li = el("li", { class: `quote${s && s.ai ? " ai" : ""}`, tabindex: "0", role: "button",
        "aria-label": `Quote: ${e.text}` });
      li.dataset.node = e.id;
      if (r.type !== "supports") li.append(el("span", { class: `tag rel-${r.type}`, text: r.type }), " ");
      if (s && s.ai) li.append(el("span", { class: "tag ai", text: "AI-generated" }), " ");
      if (e.translated) li.append(el("span", { class: "tag", text: "translated" }), " ");
      li.append(el("blockquote", { lang: e.lang || null }, quoted(e.text)));
      if (e.translation) li.append(el("p", { class: "translation", lang: "en", text: `“${e.translation}”` }));
      li.append(el("p", { class: "credit", text: `— ${e.credit}` }));
      li.append(el("p", { class: "meta" }, where(e), " ", readLink(e)));
      quotes.append(li);
    });
    if (quotes.childElementCount) card.append(quotes);
    return card;
  };
  const openQuestion = (qid, push = true) => {
    const q = questionsById.get(qid);
    if (!q) return;
    currentQuestion = q;
    show("question", false);
    if (push) history.replaceState(null, "", `#question:${encodeURIComponent(qid)}`);
    document.getElementById("q-title").textContent = q.text;
    const orig = document.getElementById("q-original");
    orig.textContent = q.original && q.original.text !== q.text ? q.original.text : "";
    orig.lang = q.original ? q.original.lang : "";
    const keep = new Set(q.nodes);
    const claims = q.nodes.map((id) => nodes.get(id)).filter((n) => n && n.kind === "claim");
    const bySide = new Map();
    claims.forEach((n) => {
      const key = n.side || "";
      if (!bySide.has(key)) bySide.set(key, []);
      bySide.get(key).push(n);
    });
    const order = [...data.sides.map((s) => s.side), ""].filter((s) => bySide.has(s));
    const facing = order.filter((s) => s && !NEUTRAL_SIDES.has(s)).slice(0, 2);
    const others = order.filter((s) => !facing.includes(s));
    const column = (key) => {
      const list = bySide.get(key);
      const side = sidesById.get(key) || { label: "Nobody named", ...data.neutral };
      const col = el("section", { class: "qcol" }, el("h3", { text: side.label }));
      paint(col, side);
      // The claims that answer the question first, then their reasons and attacks.
      list.filter((n) => stanceIn(n, qid)).concat(list.filter((n) => !stanceIn(n, qid)))
        .forEach((n) => col.append(claimCard(n, qid, keep)));
      return col;
    };
    const face = el("div", { class: `facing${facing.length === 2 ? " two" : ""}` }, ...facing.map(column));
    const rest = others.length ? el("div", { class: "others" }, ...others.map(column)) : null;
    qMap.replaceChildren(face, ...(rest ? [rest] : []));
    refreshQuestionMap();
    window.scrollTo(0, 0);
  };
  const refreshQuestionMap = () => {
    if (!currentQuestion) return;
    let hidden = 0;
    qMap.querySelectorAll("[data-node]").forEach((c) => {
      const off = !visibleNow.has(c.dataset.node);
      c.classList.toggle("hidden", off);
      if (off && c.classList.contains("claim")) hidden += 1;
    });
    const nClaims = qMap.querySelectorAll(".card.claim").length;
    qShown.textContent = `${plural(nClaims - hidden, "claim")} shown` +
      (hidden ? ` (${hidden} hidden by the filters or the date range)` : "") +
      ". Click a claim or a quote for all it rests on.";
  };
  document.getElementById("q-to-map").addEventListener("click", () => show("map"));
  const cardClick = (e) => {
    if (e.target.closest("a")) return;
    const c = e.target.closest("[data-node]");
    if (c) {
      e.stopPropagation();
      select(c.dataset.node);
    }
  };
  qMap.addEventListener("click", cardClick);
  qMap.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.dataset && e.target.dataset.node) {
      e.preventDefault();
      select(e.target.dataset.node, { focusPanel: true });
    }
  });
  qMap.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-go]");
    if (a) { e.preventDefault(); goTo(a.dataset.go); }
  });
  const flash = (e) => {
    e.classList.remove("flash");
    void e.offsetWidth;
    e.classList.add("flash");
  };
  const goTo = (id) => {
    if (current === "question" && currentQuestion && currentQuestion.nodes.includes(id)) {
      const card = qMap.querySelector(`[data-node="${CSS.escape(id)}"]`);
      select(id);
      if (card) {
        card.scrollIntoView({ block: "center" });
        card.focus({ preventScroll: true });
        flash(card);
      }
      return;
    }
    show("map", false);
    showNode(id);
    select(id, { move: true });
    history.replaceState(null, "", `#${encodeURIComponent(id)}`);
    const g = boxes.get(id);
    if (g) g.focus({ preventScroll: true });
  };

  // ---- the timeline ----
  const tlList = document.getElementById("timeline-list");
  const from = document.getElementById("range-from");
  const to = document.getElementById("range-to");
  const undated = document.getElementById("range-undated");
  const rangeCount = document.getElementById("range-count");
  const rangeNote = document.getElementById("range-note");
  const kinds = { claim: "Claim", quote: "Quote", source: "Published" };
  const tlItems = data.timeline.map((ev) => {
    const li = el("li", { class: `event ${ev.kind}` });
    li.append(el("time", { datetime: ev.date, text: ev.date }));
    if (ev.inferred) li.append(" ", el("span", { class: "tag inferred", title: ev.note || null, text: "inferred" }));
    li.append(" ", el("span", { class: "kind", text: kinds[ev.kind] }), " ");
    if (ev.kind === "quote") li.append(el("q", { text: ev.text }));
    else li.append(el("span", { class: "ttext", text: ev.text }));
    if (ev.translation) li.append(el("span", { class: "translation", lang: "en", text: ` “${ev.translation}”` }));
    if (ev.credit) li.append(el("span", { class: "by", text: ` — ${ev.credit}` }));
    if (ev.dated_by.length) li.append(el("span", { class: "meta", text: ` (dated by its quote${ev.dated_by.length > 1 ? "s" : ""} ${ev.dated_by.join(", ")})` }));
    if (ev.note) li.append(el("p", { class: "meta", text: `Date: ${ev.note}` }));
    const open = ev.kind === "source"
      ? el("a", { class: "go", href: `#source:${encodeURIComponent(ev.id)}`, text: "read it" })
      : linkTo(ev.id, "open");
    if (ev.kind === "source") open.dataset.source = ev.id;
    li.append(" ", open);
    if (ev.kind === "quote" && ev.supports.length) {
      li.append(el("span", { class: "meta" }, " · supports ",
        ...ev.supports.flatMap((c, i) => [i ? ", " : "", linkTo(c, (nodes.get(c) || { text: c }).text)])));
    }
    tlList.append(li);
    return [ev, li];
  });
  const lo = years.length ? Math.min(...years) : null;
  const hi = years.length ? Math.max(...years) : null;
  if (lo !== null) {
    for (let y = lo; y <= hi; y += 1) {
      from.append(el("option", { value: String(y), text: String(y) }));
      to.append(el("option", { value: String(y), text: String(y) }));
    }
    from.value = String(lo);
    to.value = String(hi);
  } else {
    document.getElementById("range").hidden = true;
    tlList.append(el("li", { class: "empty", text: "Nothing in this map carries a date." }));
  }
  const applyRange = () => {
    if (lo === null) return;
    let a = parseInt(from.value, 10);
    let b = parseInt(to.value, 10);
    if (a > b) [a, b] = [b, a];
    range.from = a === lo ? null : a;
    range.to = b === hi ? null : b;
    range.undated = undated.checked;
    let n = 0;
    tlItems.forEach(([ev, li]) => {
      const on = eventInRange(ev);
      li.hidden = !on;
      if (on) n += 1;
    });
    const active = range.from !== null || range.to !== null;
    rangeCount.textContent = `${plural(n, "event")} of ${tlItems.length}` + (active ? `, from ${a} to ${b}` : "");
    rangeNote.hidden = !active;
    rangeNote.textContent = active ? `Dates ${a}–${b}${range.undated ? "" : ", dated only"}` : "";
    applyFilters();
  };
  const clearRange = () => {
    if (lo === null) return;
    from.value = String(lo);
    to.value = String(hi);
    undated.checked = true;
    range.from = null;
    range.to = null;
    range.undated = true;
    applyRange();
  };
  [from, to, undated].forEach((i) => i.addEventListener("change", applyRange));
  document.getElementById("range-clear").addEventListener("click", clearRange);
  tlList.addEventListener("click", (e) => {
    const s = e.target.closest("a[data-source]");
    if (s) { e.preventDefault(); show("sources", false); openSource(s.dataset.source); return; }
    const a = e.target.closest("a[data-go]");
    if (!a) return;
    e.preventDefault();
    select(a.dataset.go);
  });

  // ---- the reader: each source's text, its quotes highlighted where they were found ----
  const readerTabs = document.getElementById("reader-tabs");
  const readerHead = document.getElementById("reader-head");
  const readerKey = document.getElementById("reader-key");
  const readerText = document.getElementById("reader-text");
  let currentSource = null;
  let passageCursor = -1;
  const pct = (x) => `${Math.round(x * 100)}%`;
  data.sources.forEach((s) => {
    if (!texts[s.id]) return;
    const b = el("button", { type: "button", role: "tab", "aria-selected": "false" },
      s.title, " ", el("span", { class: "count", text: `${pct(texts[s.id].share)} quoted` }));
    b.dataset.source = s.id;
    readerTabs.append(b);
  });
  if (!readerTabs.childElementCount) {
    readerTabs.append(el("p", { class: "empty", text: "No source text can be read from this map." }));
  }
  readerTabs.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-source]");
    if (b) openSource(b.dataset.source);
  });
  const quotesOf = (sid) => data.nodes.filter((n) => n.kind === "evidence" && n.source === sid && n.span);
  const openSource = (sid) => {
    const t = texts[sid];
    if (!t) return;
    currentSource = sid;
    passageCursor = -1;
    readerTabs.querySelectorAll("button[data-source]").forEach((b) => {
      b.setAttribute("aria-selected", b.dataset.source === sid ? "true" : "false");
    });
    const s = sources.get(sid);
    const quotes = quotesOf(sid);
    const head = [el("h3", null, s.title, s.ai ? " " : "", s.ai ? el("span", { class: "tag ai", text: "AI-generated" }) : "")];
    const bar = el("span", { class: "share-bar", role: "img", "aria-label": `${pct(t.share)} quoted` });
    const done = el("span", { class: "share-done" });
    done.style.width = pct(t.share);
    bar.append(done);
    const next = el("button", { type: "button", id: "next-unquoted", text: "Next unquoted passage ↓" });
    next.disabled = !t.unquoted.length;
    head.push(el("p", { class: "share" }, bar, " ",
      `The map quotes ${pct(t.share)} of this text (${plural(quotes.length, "quote")}); `,
      `${plural(t.unquoted.length, "passage")} not quoted, underlined in dots. `, next));
    readerHead.replaceChildren(...head);
    const present = new Map();
    quotes.forEach((n) => { const sd = sideOf(n); present.set(sd.label, sd); });
    const key = [...present.values()].map((sd) => {
      const k = el("span", { class: "key q" , text: `quoted, ${sd.label}` });
      paint(k, sd);
      return k;
    });
    if (s.ai) key.push(el("span", { class: "key q ai", text: "dashed: AI-generated" }));
    if (quotes.some((n) => n.translated)) key.push(el("span", { class: "key", text: "ᵀ translated by the source" }));
    key.push(el("span", { class: "key unquoted", text: "not quoted" }));
    readerKey.replaceChildren(...key);
    // Cut the text at every end of a quote or an unquoted passage; each piece is
    // plain, inside quotes, or inside an unquoted passage.
    const text = t.text;
    const cuts = new Set([0, text.length]);
    quotes.forEach((n) => { cuts.add(n.span[0]); cuts.add(n.span[1]); });
    t.unquoted.forEach(([a, b]) => { cuts.add(a); cuts.add(b); });
    const points = [...cuts].sort((a, b) => a - b);
    const starts = new Map();
    quotes.forEach((n) => { if (!starts.has(n.span[0])) starts.set(n.span[0], []); starts.get(n.span[0]).push(n); });
    let open = [];
    let pi = 0;
    const out = [];
    for (let k = 0; k + 1 < points.length; k += 1) {
      const a = points[k];
      const b = points[k + 1];
      open = open.filter((n) => n.span[1] > a).concat(starts.get(a) || []);
      while (pi < t.unquoted.length && t.unquoted[pi][1] <= a) pi += 1;
      const piece = text.slice(a, b);
      if (open.length) {
        const first = open[0];
        const m = el("mark", { class: `q${sources.get(first.source) && sources.get(first.source).ai ? " ai" : ""}${open.some((n) => n.translated) ? " translated" : ""}`,
          tabindex: "0", role: "button", "aria-label": `Quote: ${first.text}` }, piece);
        m.dataset.ev = open.map((n) => n.id).join(" ");
        paint(m, sideOf(first));
        out.push(m);
      } else if (pi < t.unquoted.length && t.unquoted[pi][0] <= a && b <= t.unquoted[pi][1]) {
        const u = el("span", { class: "unquoted" }, piece);
        u.dataset.passage = String(pi);
        out.push(u);
      } else out.push(document.createTextNode(piece));
    }
    readerText.replaceChildren(...out);
    readerText.lang = s.language || "";
    next.addEventListener("click", () => {
      const all = Array.from(readerText.querySelectorAll("span.unquoted"));
      const firsts = all.filter((u, i) => i === 0 || all[i - 1].dataset.passage !== u.dataset.passage);
      if (!firsts.length) return;
      passageCursor = (passageCursor + 1) % firsts.length;
      const u = firsts[passageCursor];
      u.scrollIntoView({ block: "center" });
      readerText.querySelectorAll(`span.unquoted[data-passage="${u.dataset.passage}"]`).forEach(flash);
    });
    history.replaceState(null, "", `#source:${encodeURIComponent(sid)}`);
  };
  readerText.addEventListener("click", (e) => {
    const m = e.target.closest("mark[data-ev]");
    if (!m) return;
    select(m.dataset.ev.split(" ")[0]);
    // On a narrow screen the panel covers the lower part: keep the quote in sight.
    if (window.innerWidth < 960) m.scrollIntoView({ block: "start" });
  });
  readerText.addEventListener("keydown", (e) => {
    const m = e.target.closest && e.target.closest("mark[data-ev]");
    if (m && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(m.dataset.ev.split(" ")[0], { focusPanel: true });
    }
  });
  const readQuote = (id) => {
    const n = nodes.get(id);
    if (!n || !texts[n.source]) return;
    show("sources", false);
    openSource(n.source);
    const m = Array.from(readerText.querySelectorAll("mark[data-ev]")).find((x) => x.dataset.ev.split(" ").includes(id));
    if (m) {
      m.scrollIntoView({ block: "center" });
      m.focus({ preventScroll: true });
      readerText.querySelectorAll("mark[data-ev]").forEach((x) => {
        if (x.dataset.ev.split(" ").includes(id)) flash(x);
      });
    }
  };
  document.addEventListener("click", (e) => {
    const r = e.target.closest && e.target.closest("#view-question a[data-read], #view-timeline a[data-read]");
    if (r) { e.preventDefault(); readQuote(r.dataset.read); }
  });

  // ---- filters ----
  const counts = (key) => {
    const c = new Map();
    data.nodes.forEach((n) => {
      if (boxes.has(n.id) || !boxes.size) key(n).forEach((k) => c.set(k, (c.get(k) || 0) + 1));
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
  let visibleNow = new Set(nodes.keys());
  const applyFilters = () => {
    const st = checked("verdict");
    const pa = checked("party");
    const so = checked("source");
    const visible = new Set();
    data.nodes.forEach((n) => {
      let ok = n.parties.length === 0 || n.parties.some((p) => pa.has(p) || !parties.has(p));
      if (n.kind === "claim") ok = ok && st.has(n.verdict);
      else ok = ok && (so.has(n.source) || !sources.has(n.source));
      if (ok && inRange(n.id)) visible.add(n.id);
    });
    boxes.forEach((g, id) => g.classList.toggle("hidden", !visible.has(id)));
    lines.forEach((g) => {
      const ends = [g.dataset.from, g.dataset.to, g.dataset.via].filter(Boolean);
      g.classList.toggle("hidden", !ends.every((id) => visible.has(id)));
    });
    const drawn = Array.from(boxes.keys()).filter((id) => visible.has(id)).length;
    shown.textContent = `Showing ${drawn} of ${boxes.size} boxes.`;
    visibleNow = visible;
    refreshQuestionMap();
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
    if (!inRange(id)) clearRange();
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

  // ---- the address says what is shown: #questions, #question:ID, #map, #timeline,
  // #source:ID, or #ID, which opens that claim or quote on the whole map ----
  const fromHash = () => {
    const hash = decodeURIComponent(location.hash.slice(1));
    const [head, ...rest] = hash.split(":");
    const arg = rest.join(":");
    if (head === "question" && questionsById.has(arg)) openQuestion(arg, false);
    else if (head === "source" && texts[arg]) { currentSource = arg; show("sources", false); openSource(arg); }
    else if (["questions", "map", "timeline", "sources"].includes(hash)) show(hash, false);
    else if (nodes.has(hash)) {
      show("map", false);
      showNode(hash);
      select(hash, { move: true });
    } else show(firstView, false);
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details").forEach((d) => { d.open = true; });
  });
  document.body.dataset.ready = "true";
})();
