// The graph explorer: search, a neighbourhood graph that grows as nodes are clicked, "show N more"
// where a neighbourhood was capped, and a profile panel. It uses only the public GraphQL API.
"use strict";

const GRAPHQL = "/graphql";
const STEP = 15;
const MAX_LIMIT = 100;
const COLORS = { RESEARCHER: "#2f6fdb", PAPER: "#d9822b", TOPIC: "#2b9a66",
                 INSTITUTION: "#8e44ad", SOURCE: "#6b7280" };

const state = { limits: {}, expanded: new Set(), truncated: {} };

async function gql(query, variables) {
  const response = await fetch(GRAPHQL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

const cy = cytoscape({
  container: document.getElementById("graph"),
  style: [
    { selector: "node", style: {
        "background-color": (n) => COLORS[n.data("type")] || "#999",
        label: "data(short)", "font-size": 9, color: "#1d2330",
        width: (n) => 14 + 4 * Math.log2(1 + (n.data("weight") || 0)),
        height: (n) => 14 + 4 * Math.log2(1 + (n.data("weight") || 0)) } },
    { selector: "node.focus", style: { "border-width": 3, "border-color": "#111" } },
    { selector: "edge", style: { width: (e) => 1 + Math.min(4, Math.log2(1 + (e.data("weight") || 0))),
        "line-color": "#c5ccd8", "curve-style": "haystack" } },
  ],
  layout: { name: "grid" },
  wheelSensitivity: 0.3,
});
window.explorer = { cy, state };

function shortLabel(label) {
  return label && label.length > 28 ? label.slice(0, 27) + "…" : (label || "");
}

function addGraph(graph) {
  const added = [];
  for (const node of graph.nodes) {
    if (cy.getElementById(node.id).empty()) {
      added.push({ group: "nodes", data: { ...node, short: shortLabel(node.label) } });
    }
  }
  for (const edge of graph.edges) {
    if (cy.getElementById(edge.id).empty()) {
      added.push({ group: "edges", data: { id: edge.id, source: edge.source, target: edge.target,
                                           type: edge.type, weight: edge.weight } });
    }
  }
  cy.add(added);
  cy.layout({ name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 80 }).run();
}

const NEIGHBOURHOOD = `query ($id: ID!, $limit: Int!) {
  neighbourhood(id: $id, depth: 1, limitPerType: $limit) {
    nodes { id type label weight }
    edges { id source target type weight }
    truncated { type remaining }
  }
}`;

async function expand(id) {
  const limit = state.limits[id] || STEP;
  const data = await gql(NEIGHBOURHOOD, { id, limit });
  addGraph(data.neighbourhood);
  state.expanded.add(id);
  state.truncated[id] = data.neighbourhood.truncated;
  renderMore(id);
}

function renderMore(id) {
  const footer = document.getElementById("more");
  footer.innerHTML = "";
  for (const cut of state.truncated[id] || []) {
    if (cut.remaining <= 0) continue;
    const button = document.createElement("button");
    button.textContent = `show ${Math.min(cut.remaining, STEP)} more ${cut.type.toLowerCase()}s`
      + ` (${cut.remaining} not shown)`;
    button.dataset.type = cut.type;
    button.disabled = (state.limits[id] || STEP) >= MAX_LIMIT;
    button.onclick = async () => {
      state.limits[id] = Math.min(MAX_LIMIT, (state.limits[id] || STEP) + STEP);
      await expand(id);
    };
    footer.appendChild(button);
  }
}

const PROFILE = `query ($id: ID!) {
  researcher(id: $id) {
    id name orcid openToCollaborate
    trust { score tier verificationLevel claimed }
    metrics { works citations hIndex i10Index followers topics closeCollaborators novelty }
    topics(first: 5) { share topic { id name } }
    closeCollaborators { sharedWorks researcher { id name } }
  }
}`;
const PAPER = `query ($id: ID!) {
  paper(id: $id) { id title year citations upvotes source { name }
    authors { researcher { id name } } topics { topic { name } } }
}`;
const OTHER = `query ($id: ID!) { node(id: $id) { __typename id
  ... on Topic { name level papersCount } ... on Institution { name country type researchersCount }
  ... on Source { name type papersCount } } }`;

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rows(pairs) {
  return "<dl>" + pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("") + "</dl>";
}

async function showProfile(id, type) {
  const panel = document.getElementById("panel");
  panel.innerHTML = "<p class='hint'>Loading…</p>";
  if (type === "RESEARCHER") {
    const r = (await gql(PROFILE, { id })).researcher;
    const t = r.trust;
    const m = r.metrics;
    panel.innerHTML = `<h2 id="profile-name">${escapeHtml(r.name)}</h2>
      <p class="trust" id="profile-trust">${t.score == null ? "Trust not computed yet"
        : `Trust ${escapeHtml(t.score)} · ${escapeHtml(t.tier)}`}</p>`
      + rows([["verification", `L${t.verificationLevel}`], ["claimed", t.claimed ? "yes" : "no"],
              ["open to collaborate", r.openToCollaborate ? "yes" : "no"],
              ["works", m.works], ["citations", m.citations], ["h-index", m.hIndex],
              ["i10-index", m.i10Index], ["followers", m.followers], ["topics", m.topics],
              ["close collaborators", m.closeCollaborators],
              ["novelty", `${Math.round(100 * m.novelty)}%`]])
      + "<h3>Topics</h3><ul>" + r.topics.map((x) =>
          `<li>${escapeHtml(x.topic.name)} (${Math.round(100 * x.share)}%)</li>`).join("") + "</ul>"
      + "<h3>Close collaborators</h3><ul>" + r.closeCollaborators.map((c) =>
          `<li>${escapeHtml(c.researcher.name)} (${c.sharedWorks})</li>`).join("") + "</ul>";
  } else if (type === "PAPER") {
    const p = (await gql(PAPER, { id })).paper;
    panel.innerHTML = `<h2 id="profile-name">${escapeHtml(p.title)}</h2>`
      + rows([["year", p.year], ["citations", p.citations], ["upvotes", p.upvotes],
              ["venue", p.source ? p.source.name : "—"]])
      + "<h3>Authors</h3><ul>" + p.authors.map((a) => `<li>${escapeHtml(a.researcher.name)}</li>`)
        .join("") + "</ul>";
  } else {
    const n = (await gql(OTHER, { id })).node;
    panel.innerHTML = `<h2 id="profile-name">${escapeHtml(n.name)}</h2>` + rows(
      Object.entries(n).filter(([k]) => !["__typename", "id", "name"].includes(k)));
  }
}

async function focus(id, type) {
  cy.nodes().removeClass("focus");
  await expand(id);
  cy.getElementById(id).addClass("focus");
  await showProfile(id, type);
}

cy.on("tap", "node", (event) => {
  const node = event.target;
  focus(node.id(), node.data("type")).catch(showError);
});

const SEARCH = `query ($q: String!, $types: [NodeType!]) {
  search(query: $q, types: $types, first: 10) { id type label score }
}`;

document.getElementById("search-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  const type = document.getElementById("search-type").value;
  const list = document.getElementById("search-results");
  list.innerHTML = "";
  if (!q) return;
  try {
    const hits = (await gql(SEARCH, { q, types: type ? [type] : null })).search;
    if (!hits.length) list.innerHTML = "<li class='hint'>No match</li>";
    for (const hit of hits) {
      const item = document.createElement("li");
      item.innerHTML = `<span class="type ${escapeHtml(hit.type)}">${escapeHtml(hit.type)}</span>`
        + escapeHtml(hit.label);
      item.dataset.id = hit.id;
      item.onclick = () => {
        list.innerHTML = "";
        cy.elements().remove();
        state.limits = {};
        focus(hit.id, hit.type).catch(showError);
      };
      list.appendChild(item);
    }
  } catch (error) {
    showError(error);
  }
});

function showError(error) {
  document.getElementById("panel").innerHTML = `<p role="alert">${escapeHtml(error.message)}</p>`;
}
