// <kg-graph>: the research graph as a standard web component (one ES module, built by
// `npm run build` into dist/kg-graph.js and served by the API at /explorer/dist/kg-graph.js).
//
//   <kg-graph node="A5085007251" depth="1" types="RESEARCHER,INSTITUTION" limit="25"></kg-graph>
//   <kg-graph view="path" node="A5085007251" to="A5027197211"></kg-graph>
//   <kg-graph view="topics" node="A5085007251"></kg-graph>   (node optional: the whole graph)
//
// Attributes: node, depth (1|2), types (comma list), limit (per type), view (neighbourhood|path|
// topics), to (path end), theme (auto|light|dark), api (GraphQL endpoint; by default /graphql on
// the origin that served this module). Events (bubbling, composed): node-select {id, type, label,
// weight}, expand {id, added, truncated}, graph-load {view, nodes, edges, layoutMs, drawMs},
// graph-error {message, code}. Methods: expand(id), select(id), showPath(from, to),
// showTopicMap(researcherId?), setFilter(kind, shown), relayout().
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

import { NEIGHBOURHOOD, PATH, TOPIC_MAP, gql } from "./api.js";
import { placeLabels } from "./labels.js";
import { EDGE_KINDS, KIND_NAMES, NODE_KINDS, PALETTES, cytoscapeStyle } from "./theme.js";
import { WIDGET_CSS } from "./widget-css.js";

cytoscape.use(fcose);

const FONT_PX = 12;
const STEP = 15;
const MAX_LIMIT = 100;
const PATH_PAPERS_SHOWN = 4;
const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function shortLabel(label, max = 26) {
  return label && label.length > max ? label.slice(0, max - 1) + "…" : (label || "");
}

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatWeight(type, weight) {
  if (type === "HAS_TOPIC") return weight.toFixed(2);
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2);
}

function defaultEndpoint() {
  return new URL("/graphql", import.meta.url).href;
}

export class KgGraph extends HTMLElement {
  static get observedAttributes() {
    return ["node", "depth", "types", "limit", "view", "to", "theme"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.innerHTML = `<style>${WIDGET_CSS}</style>
      <div class="root">
        <div class="bar">
          <fieldset class="legend nodes"><legend>Nodes</legend><div class="items"></div></fieldset>
          <fieldset class="legend edges"><legend>Links (line width = weight)</legend>
            <div class="items"></div></fieldset>
        </div>
        <div class="canvas" tabindex="0" role="application"
             aria-roledescription="graph" aria-label="Research graph"
             aria-describedby="keys"></div>
        <p id="keys" class="keys">Arrow keys move between nodes, Enter expands, Escape clears,
          + and − zoom. The list below holds the same graph as text.</p>
        <div class="more" aria-label="Show more"></div>
        <p class="status" role="status" aria-live="polite"></p>
        <details class="list"><summary>Graph as a list</summary><div class="list-body"></div></details>
      </div>`;
    this.$ = (selector) => this.shadowRoot.querySelector(selector);
    this.state = { limits: {}, expanded: new Set(), truncated: {}, hidden: new Set(),
                   center: null, last: null, view: "neighbourhood" };
    this.media = window.matchMedia("(prefers-color-scheme: dark)");
    this.onScheme = () => this.applyTheme();
    this.pending = null;
  }

  connectedCallback() {
    if (!this.cy) this.setUp();
    this.media.addEventListener("change", this.onScheme);
    this.scheduleLoad();
  }

  disconnectedCallback() {
    this.media.removeEventListener("change", this.onScheme);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.cy || before === after) return;
    if (name === "theme") this.applyTheme();
    else this.scheduleLoad();
  }

  get endpoint() {
    return this.getAttribute("api") || defaultEndpoint();
  }

  get palette() {
    const wanted = this.getAttribute("theme") || "auto";
    const dark = wanted === "dark" || (wanted === "auto" && this.media.matches);
    return dark ? PALETTES.dark : PALETTES.light;
  }

  setUp() {
    this.cy = cytoscape({
      container: this.$(".canvas"),
      style: cytoscapeStyle(this.palette, FONT_PX),
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: "single",
      boxSelectionEnabled: false,
    });
    this.applyTheme();
    this.cy.on("tap", "node", (event) => {
      const node = event.target;
      this.select(node.id());
      if (this.state.view === "neighbourhood") this.expand(node.id()).catch((e) => this.fail(e));
    });
    this.cy.on("tap", (event) => { if (event.target === this.cy) this.select(null); });
    this.cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
    this.cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
    let timer;
    this.cy.on("viewport", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.relabel(), 60);
    });
    this.resizeObserver = new ResizeObserver(() => {
      this.cy.resize();
      this.fit();
      this.relabel();
    });
    this.resizeObserver.observe(this.$(".canvas"));
    this.$(".canvas").addEventListener("keydown", (event) => this.onKey(event));
    this.$(".list").addEventListener("toggle", () => this.renderList());
    this.$(".list-body").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-id]");
      if (!button) return;
      this.select(button.dataset.id);
      if (button.dataset.action === "expand") this.expand(button.dataset.id).catch((e) => this.fail(e));
    });
  }

  applyTheme() {
    const palette = this.palette;
    this.$(".root").dataset.theme = palette === PALETTES.dark ? "dark" : "light";
    this.styledZoom = this.cy.zoom();
    this.cy.style(cytoscapeStyle(palette, FONT_PX / this.styledZoom, 1 / this.styledZoom));
    this.recolour();
    this.renderLegend();
  }

  recolour() {
    const palette = this.palette;
    const groups = this.groups();
    this.cy.batch(() => this.cy.nodes().forEach((n) => {
      n.data("color", this.state.view === "topics"
        ? palette.groups[groups.indexOf(n.data("kind")) % palette.groups.length]
        : palette.kinds[n.data("type")] || palette.kinds.SOURCE);
    }));
  }

  groups() {
    return [...new Set(this.cy.nodes().map((n) => n.data("kind")))].sort();
  }

  scheduleLoad() {
    if (this.pending) return;
    this.pending = Promise.resolve().then(() => {
      this.pending = null;
      return this.load();
    }).catch((e) => this.fail(e));
  }

  async load() {
    const view = this.getAttribute("view") || "neighbourhood";
    const node = this.getAttribute("node");
    this.state = { ...this.state, limits: {}, expanded: new Set(), truncated: {}, center: node,
                   last: null, view };
    this.cy.elements().remove();
    this.$(".more").innerHTML = "";
    this.renderLegend();
    this.renderList();
    if (view === "path") {
      const to = this.getAttribute("to");
      if (node && to) await this.loadPath(node, to);
    } else if (view === "topics") {
      await this.loadTopics(node);
    } else if (node) {
      await this.expand(node);
    }
  }

  get depth() {
    return this.getAttribute("depth") === "2" ? 2 : 1;
  }

  get types() {
    const raw = this.getAttribute("types");
    if (!raw) return null;
    return raw.split(",").map((t) => t.trim().toUpperCase()).filter((t) => NODE_KINDS.includes(t));
  }

  get limit() {
    const raw = parseInt(this.getAttribute("limit") || "", 10);
    return Number.isFinite(raw) ? Math.max(1, Math.min(MAX_LIMIT, raw)) : 25;
  }

  // ---- neighbourhood ------------------------------------------------------------------------

  async expand(id) {
    if (this.state.view !== "neighbourhood") return;
    const limit = this.state.limits[id] || this.limit;
    const depth = id === this.state.center ? this.depth : 1;
    this.status(`Loading the neighbourhood of ${this.labelOf(id)}…`);
    const data = await gql(this.endpoint, NEIGHBOURHOOD, { id, depth, types: this.types, limit });
    const found = data.neighbourhood;
    const added = this.addElements(found.nodes, found.edges, id);
    this.state.expanded.add(id);
    this.state.truncated[id] = found.truncated;
    this.state.last = id;
    if (id === this.state.center) this.cy.getElementById(id).addClass("center");
    await this.layout(added.nodes, id);
    this.renderMore();
    this.status(`${this.labelOf(id)}: ${added.nodes.length} nodes added, `
      + `${this.cy.nodes().length} shown.`);
    this.fire("expand", { id, added: added.nodes.map((n) => n.id()), truncated: found.truncated });
  }

  addElements(nodes, edges, parentId) {
    const parent = this.cy.getElementById(parentId);
    const origin = parent.nonempty() ? parent.position() : { x: 0, y: 0 };
    const fresh = [];
    nodes.forEach((node, index) => {
      if (this.cy.getElementById(node.id).nonempty()) return;
      const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
      fresh.push({ group: "nodes",
                   data: { ...node, kind: node.kind || node.type, short: shortLabel(node.label) },
                   position: { x: origin.x + 60 * Math.cos(angle), y: origin.y + 60 * Math.sin(angle) } });
    });
    for (const edge of edges) {
      if (this.cy.getElementById(edge.id).nonempty()) continue;
      fresh.push({ group: "edges", data: { ...edge, weightLabel: formatWeight(edge.type, edge.weight) } });
    }
    const added = this.cy.add(fresh);
    this.recolour();
    this.applyFilters();
    return { nodes: added.nodes(), edges: added.edges() };
  }

  renderMore() {
    const box = this.$(".more");
    box.innerHTML = "";
    const id = this.state.last;
    if (!id) return;
    for (const cut of this.state.truncated[id] || []) {
      if (cut.remainingAtMost <= 0) continue;
      const limit = this.state.limits[id] || this.limit;
      const button = document.createElement("button");
      button.type = "button";
      // Not exact (a depth-2 count past the server's budget): `remaining` is a lower bound.
      const show = cut.exact ? `${Math.min(cut.remaining, STEP)}`
        : `up to ${Math.min(cut.remainingAtMost, STEP)}`;
      const left = cut.exact ? `${cut.remaining}`
        : cut.remaining > 0 ? `${cut.remaining}+` : `up to ${cut.remainingAtMost}`;
      button.textContent = `Show ${show} more ${KIND_NAMES[cut.type].toLowerCase()}`
        + ` of ${shortLabel(this.labelOf(id), 30)} (${left} not shown)`;
      button.dataset.type = cut.type;
      button.disabled = limit >= MAX_LIMIT;
      button.onclick = () => {
        this.state.limits[id] = Math.min(MAX_LIMIT, limit + STEP);
        this.expand(id).catch((e) => this.fail(e));
      };
      box.appendChild(button);
    }
  }

  // ---- collaboration path -------------------------------------------------------------------

  showPath(from, to) {
    this.setAttribute("to", to);
    this.setAttribute("node", from);
    this.setAttribute("view", "path");
  }

  async loadPath(from, to) {
    this.status("Looking for a collaboration path…");
    const path = (await gql(this.endpoint, PATH, { from, to })).collaborationPath;
    this.pathData = path;
    if (!path) {
      this.status("These two researchers are not connected by co-authorship within 6 steps.");
      this.fire("graph-load", { view: "path", nodes: 0, edges: 0, found: false });
      return;
    }
    const nodes = [];
    const edges = [];
    path.researchers.forEach((r, i) => {
      nodes.push({ group: "nodes", position: { x: i * 260, y: 0 }, classes: "on-path",
                   data: { id: r.id, type: "RESEARCHER", kind: "RESEARCHER", label: r.name || r.id,
                           short: shortLabel(r.name || r.id), weight: 20, order: 1000 - i } });
    });
    path.steps.forEach((step, i) => {
      edges.push({ group: "edges", classes: "on-path",
                   data: { id: `${step.from.id}-COAUTHOR-${step.to.id}`, source: step.from.id,
                           target: step.to.id, type: "COAUTHOR", weight: step.papers.length,
                           weightLabel: String(step.papers.length),
                           pathLabel: `${step.papers.length} shared` } });
      const shown = step.papers.slice(0, PATH_PAPERS_SHOWN);
      shown.forEach((paper, j) => {
        if (nodes.some((n) => n.data.id === paper.id)) return;
        const side = j % 2 === 0 ? 1 : -1;
        nodes.push({ group: "nodes",
                     position: { x: i * 260 + 130, y: side * (70 + 55 * Math.floor(j / 2)) },
                     data: { id: paper.id, type: "PAPER", kind: "PAPER", weight: 2,
                             label: `${paper.title || paper.id}${paper.year ? ` (${paper.year})` : ""}`,
                             short: shortLabel(paper.title || paper.id, 22) } });
        for (const end of [step.from.id, step.to.id]) {
          edges.push({ group: "edges", data: { id: `${end}-AUTHORED-${paper.id}`, source: end,
                                               target: paper.id, type: "AUTHORED", weight: 1,
                                               weightLabel: "" } });
        }
      });
    });
    const started = performance.now();
    this.cy.add(nodes.concat(edges));
    this.recolour();
    this.applyFilters();
    this.fit();
    this.relabel();
    await this.drawn();
    this.finishLayout("path", started, started);
    const names = path.researchers.map((r) => r.name || r.id);
    this.status(`Collaboration path of ${path.length} step${path.length === 1 ? "" : "s"}: `
      + names.join(" → "));
  }

  // ---- topic map ----------------------------------------------------------------------------

  showTopicMap(researcherId) {
    if (researcherId) this.setAttribute("node", researcherId);
    else this.removeAttribute("node");
    this.setAttribute("view", "topics");
  }

  async loadTopics(researcher) {
    this.status("Loading the topic map…");
    const map = (await gql(this.endpoint, TOPIC_MAP, { researcher: researcher || null,
                                                      first: this.limit > 60 ? 60 : Math.max(this.limit, 30) })).topicMap;
    const nodes = map.topics.map((t) => ({
      group: "nodes",
      data: { id: t.id, type: "TOPIC", kind: t.field || "Unclassified", label: t.name || t.id,
              short: shortLabel(t.name || t.id, 24), weight: t.papers, field: t.field,
              subfield: t.subfield, domain: t.domain } }));
    const edges = map.links.map((l) => ({
      group: "edges",
      data: { id: `${l.source}-CO_OCCURS-${l.target}`, source: l.source, target: l.target,
              type: "CO_OCCURS", weight: l.cooccurrences, npmi: l.weight,
              weightLabel: `${l.cooccurrences} (NPMI ${l.weight.toFixed(2)})` } }));
    this.cy.add(nodes.concat(edges));
    this.recolour();
    this.applyFilters();
    await this.layout(this.cy.nodes(), null);
    this.status(`Topic map: ${nodes.length} topics, ${edges.length} co-occurrence links`
      + `${researcher ? "" : " over the whole graph"}.`);
  }

  // ---- layout, labels, filters -------------------------------------------------------------

  async layout(added, parentId) {
    const started = performance.now();
    const all = this.cy.elements(":visible");
    const incremental = parentId && this.cy.nodes().length > added.length;
    const big = this.cy.nodes().length > 300;
    // Dense graphs draw plain "haystack" lines (no arrows): much cheaper to render.
    this.cy.edges().toggleClass("dense", this.cy.edges().length > 1500);
    const options = {
      name: "fcose", animate: false, randomize: !incremental,
      quality: big && !incremental ? "draft" : "default",
      nodeDimensionsIncludeLabels: false, packComponents: true, nodeSeparation: 120,
      idealEdgeLength: (edge) => (edge.data("type") === "CO_OCCURS"
        ? 160 - 70 * Math.max(0, edge.data("npmi") || 0) : 110),
      nodeRepulsion: () => 16000, edgeElasticity: () => 0.35, gravity: 0.3,
      numIter: big ? 1500 : 2500, tile: true,
    };
    if (incremental) {
      // Keep the mental map: what was on screen stays put, the new nodes settle around their parent.
      const kept = this.cy.nodes(":visible").difference(added);
      options.fixedNodeConstraint = kept.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    }
    const layoutStarted = performance.now();
    if (all.nodes().length) all.layout(options).run();
    if (!incremental) this.stretch();
    const layoutDone = performance.now();
    this.fit();
    this.relabel();
    await this.drawn();
    this.finishLayout(this.state.view, started, layoutStarted, layoutDone);
  }

  // Fit the graph with room for labels, never magnifying a small graph beyond 1.2.
  fit() {
    const shown = this.cy.elements(":visible");
    this.cy.fit(shown, 50);
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center(shown);
    }
  }

  async relayout() {
    await this.layout(this.cy.nodes(), null);
    return this.timing;
  }

  drawn() {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }

  finishLayout(view, started, layoutStarted, layoutDone = layoutStarted) {
    const now = performance.now();
    this.renderLegend();
    this.renderList();
    this.timing = { view, nodes: this.cy.nodes().length, edges: this.cy.edges().length,
                    layoutMs: Math.round(layoutDone - layoutStarted),
                    drawMs: Math.round(now - layoutDone), totalMs: Math.round(now - started) };
    this.fire("graph-load", this.timing);
  }

  // Selected, centre and expanded nodes first; then each node's weight relative to the heaviest
  // of its kind (so a co-author and a much-cited paper compete fairly), plus its share of links.
  importance(node) {
    if (node.selected()) return 1e12;
    if (node.hasClass("center")) return 1e11;
    if (this.state.expanded.has(node.id())) return 1e10 + (node.data("weight") || 0);
    const heaviest = this.heaviest?.get(node.data("kind")) || 1;
    return (node.data("order") || 0) * 1e6 + (node.data("weight") || 0) / heaviest
      + node.degree() / (this.maxDegree || 1);
  }

  rankInputs() {
    this.heaviest = new Map();
    this.maxDegree = 1;
    this.cy.nodes().forEach((n) => {
      const kind = n.data("kind");
      this.heaviest.set(kind, Math.max(this.heaviest.get(kind) || 1, n.data("weight") || 0));
      this.maxDegree = Math.max(this.maxDegree, n.degree());
    });
  }

  // A fresh layout is stretched to the canvas's aspect ratio: the same picture, more room for
  // labels on a wide widget.
  stretch() {
    const box = this.cy.nodes(":visible").boundingBox();
    const wanted = this.cy.width() / Math.max(1, this.cy.height());
    const ratio = wanted / Math.max(0.1, box.w / Math.max(1, box.h));
    if (ratio < 1.15) return;
    const factor = Math.min(ratio, 2.2);
    const middle = (box.x1 + box.x2) / 2;
    this.cy.nodes(":visible").positions((n) => ({
      x: middle + (n.position("x") - middle) * factor, y: n.position("y") }));
  }

  relabel() {
    if (!this.cy) return;
    this.rankInputs();
    // Labels keep their screen size: the font size is restated in model units at each zoom.
    if (this.cy.zoom() !== this.styledZoom) {
      this.styledZoom = this.cy.zoom();
      this.cy.style(cytoscapeStyle(this.palette, FONT_PX / this.styledZoom,
                                   1 / this.styledZoom));
    }
    this.labelled = placeLabels(this.cy, FONT_PX, (n) => this.importance(n), 1e10);
  }

  setFilter(kind, shown) {
    if (shown) this.state.hidden.delete(kind);
    else this.state.hidden.add(kind);
    this.applyFilters();
    this.relabel();
    this.renderList();
    const count = this.cy.nodes(":visible").length;
    this.status(`${shown ? "Showing" : "Hiding"} ${this.kindName(kind)}; ${count} nodes visible.`);
  }

  applyFilters() {
    const hidden = this.state.hidden;
    this.cy.batch(() => {
      this.cy.elements().removeClass("filtered");
      this.cy.nodes().filter((n) => hidden.has(n.data("kind"))).addClass("filtered");
      this.cy.edges().filter((e) => hidden.has(e.data("type"))).addClass("filtered");
    });
    this.renderLegend();
  }

  kindName(kind) {
    return KIND_NAMES[kind] || EDGE_KINDS[kind]?.name || kind;
  }

  renderLegend() {
    const palette = this.palette;
    const count = (kind) => this.cy.nodes().filter((n) => n.data("kind") === kind).length;
    const nodeKinds = this.state.view === "topics" ? this.groups()
      : NODE_KINDS.filter((k) => count(k) > 0);
    const nodes = this.$(".legend.nodes .items");
    nodes.parentElement.querySelector("legend").textContent =
      this.state.view === "topics" ? "Topic fields (size = papers)" : "Nodes (size = weight)";
    nodes.innerHTML = nodeKinds.map((kind) => {
      const colour = this.state.view === "topics"
        ? palette.groups[this.groups().indexOf(kind) % palette.groups.length] : palette.kinds[kind];
      return `<label><input type="checkbox" data-kind="${escapeHtml(kind)}"
        ${this.state.hidden.has(kind) ? "" : "checked"}>
        <span class="swatch" style="background:${colour}"></span>${escapeHtml(this.kindName(kind))}
        <span class="count">${count(kind)}</span></label>`;
    }).join("");
    const edgeTypes = [...new Set(this.cy.edges().map((e) => e.data("type")))].sort();
    this.$(".legend.edges .items").innerHTML = edgeTypes.map((type) => {
      const kind = EDGE_KINDS[type] || { name: type, dash: "solid" };
      const dash = { solid: "", dashed: 'stroke-dasharray="6 4"', dotted: 'stroke-dasharray="2 3"' }[kind.dash];
      return `<label><input type="checkbox" data-kind="${type}"
        ${this.state.hidden.has(type) ? "" : "checked"}>
        <svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="${kind.arrow ? 22 : 27}" y2="5"
          stroke="${palette.edge}" stroke-width="2" ${dash}/>${kind.arrow
          ? `<path d="M21 1 L27 5 L21 9 Z" fill="${palette.edge}"/>` : ""}</svg>${escapeHtml(kind.name)}
        ${kind.weight ? `<span class="count">width: ${escapeHtml(kind.weight)}</span>` : ""}</label>`;
    }).join("");
    for (const box of this.shadowRoot.querySelectorAll(".legend input")) {
      box.onchange = () => this.setFilter(box.dataset.kind, box.checked);
    }
  }

  // ---- selection, keyboard, list ------------------------------------------------------------

  select(id) {
    this.cy.$(":selected").unselect();
    this.cy.edges().removeClass("weighted numbered");
    if (!id) {
      this.relabel();
      return;
    }
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    node.select();
    // Every link of the selected node is drawn stronger; the heaviest dozen carry their number.
    const links = node.connectedEdges(":visible").addClass("weighted");
    links.sort((a, b) => b.data("weight") - a.data("weight")).slice(0, 12).addClass("numbered");
    this.relabel();
    const data = node.data();
    this.status(`${data.label} (${this.kindName(data.type).replace(/s$/, "").toLowerCase()}), `
      + `${links.length} link${links.length === 1 ? "" : "s"} shown.`);
    this.fire("node-select", { id: data.id, type: data.type, label: data.label, weight: data.weight });
  }

  onKey(event) {
    const current = this.cy.$("node:selected");
    if (event.key in DIRECTIONS) {
      event.preventDefault();
      const next = current.nonempty() ? this.nearest(current, DIRECTIONS[event.key])
        : this.cy.nodes(":visible").sort((a, b) => this.importance(b) - this.importance(a))[0];
      if (next) {
        this.select(next.id());
        this.ensureVisible(next);
      }
    } else if (event.key === "Enter" && current.nonempty()) {
      event.preventDefault();
      this.expand(current.id()).catch((e) => this.fail(e));
    } else if (event.key === "Escape") {
      this.select(null);
    } else if (event.key === "+" || event.key === "=" || event.key === "-" || event.key === "−") {
      event.preventDefault();
      const factor = event.key === "-" || event.key === "−" ? 1 / 1.25 : 1.25;
      this.cy.zoom({ level: this.cy.zoom() * factor,
                     renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    }
  }

  nearest(from, [dx, dy]) {
    const origin = from.position();
    let best = null;
    let bestScore = Infinity;
    for (const node of this.cy.nodes(":visible")) {
      if (node.same(from)) continue;
      const p = node.position();
      const vx = p.x - origin.x;
      const vy = p.y - origin.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) continue;
      const across = Math.abs(vx * dy - vy * dx);
      if (across > 2 * along) continue; // outside a cone of about 63° each side
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = node;
      }
    }
    return best;
  }

  ensureVisible(node) {
    const box = node.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > this.cy.width() || box.y2 > this.cy.height()) {
      this.cy.center(node);
    }
  }

  renderList() {
    const details = this.$(".list");
    const nodes = this.cy.nodes(":visible");
    details.querySelector("summary").textContent =
      `Graph as a list: ${nodes.length} nodes, ${this.cy.edges(":visible").length} links`;
    if (!details.open) return;
    const expandable = this.state.view === "neighbourhood";
    const items = nodes.sort((a, b) => this.importance(b) - this.importance(a)).map((node) => {
      const d = node.data();
      const links = node.connectedEdges(":visible").map((edge) => {
        const other = edge.source().same(node) ? edge.target() : edge.source();
        const kind = EDGE_KINDS[edge.data("type")];
        const weight = kind?.weight ? `, ${kind.weight} ${edge.data("weightLabel")}` : "";
        return `<li>${escapeHtml(kind?.name || edge.data("type"))} ${escapeHtml(other.data("label"))}${escapeHtml(weight)}</li>`;
      }).join("");
      const kind = this.kindName(d.type).replace(/s$/, "").toLowerCase();
      const kindLabel = { topics: `topic in ${d.field || "no field"}, ${d.weight} papers`,
                          path: kind }[this.state.view] || `${kind}, weight ${d.weight}`;
      return `<li><button type="button" data-id="${escapeHtml(d.id)}">${escapeHtml(d.label)}</button>
        <span class="kind">${escapeHtml(kindLabel)}</span>
        ${expandable ? `<button type="button" class="small" data-id="${escapeHtml(d.id)}"
          data-action="expand" aria-label="Expand ${escapeHtml(d.label)}">expand</button>` : ""}
        ${links ? `<ul>${links}</ul>` : ""}</li>`;
    }).join("");
    const steps = this.state.view === "path" && this.pathData ? this.pathSteps() : "";
    details.querySelector(".list-body").innerHTML = `${steps}<ul class="nodes">${items}</ul>`;
  }

  pathSteps() {
    const names = Object.fromEntries(this.pathData.researchers.map((r) => [r.id, r.name || r.id]));
    return `<ol class="steps">${this.pathData.steps.map((step) => `<li>${escapeHtml(names[step.from.id])}
      and ${escapeHtml(names[step.to.id])} wrote ${step.papers.length} paper${step.papers.length === 1 ? "" : "s"}
      together: <ul>${step.papers.map((p) => `<li>${escapeHtml(p.title || p.id)}${p.year ? ` (${p.year})` : ""}</li>`).join("")}</ul></li>`).join("")}</ol>`;
  }

  labelOf(id) {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.data("label") : id;
  }

  status(text) {
    this.$(".status").textContent = text;
  }

  fail(error) {
    this.status(`Error: ${error.message}`);
    this.$(".status").classList.add("error");
    setTimeout(() => this.$(".status").classList.remove("error"), 4000);
    this.fire("graph-error", { message: error.message, code: error.code || "INTERNAL" });
  }

  fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get("kg-graph")) customElements.define("kg-graph", KgGraph);
