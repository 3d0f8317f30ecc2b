// The /explorer page: a search box and a details panel around the <kg-graph> component
// (dist/kg-graph.js). Everything graph-shaped is the component's; the page only listens to its
// events and talks to the public GraphQL API.

const GRAPHQL = "/graphql";
const widget = document.getElementById("graph");
const pathStart = { id: null, name: null };
window.explorer = { widget, get cy() { return widget.cy; }, get state() { return widget.state; } };

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

function actions(id, type) {
  const name = document.getElementById("profile-name")?.textContent || id;
  const box = document.createElement("div");
  box.className = "actions";
  const add = (label, handler, testId) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.id = testId;
    button.onclick = handler;
    box.appendChild(button);
  };
  if (widget.getAttribute("view") && widget.getAttribute("view") !== "neighbourhood") {
    add("Back to the neighbourhood", () => explore(id, type), "back");
  }
  if (type === "RESEARCHER") {
    add("Start a path here", () => {
      pathStart.id = id;
      pathStart.name = name;
      details(id, type);
    }, "path-start");
    if (pathStart.id && pathStart.id !== id) {
      add(`Path from ${pathStart.name} to here`, () => widget.showPath(pathStart.id, id), "path-to");
    }
    add("Topic map of this researcher", () => widget.showTopicMap(id), "researcher-topics");
  }
  document.getElementById("panel").prepend(box);
}

function details(id, type) {
  showProfile(id, type).then(() => actions(id, type)).catch(showError);
}

function explore(id, type) {
  widget.setAttribute("view", "neighbourhood");
  widget.setAttribute("node", id);
  details(id, type);
}
window.explorer.explore = explore;

widget.addEventListener("node-select", (event) => details(event.detail.id, event.detail.type));
widget.addEventListener("graph-error", (event) => showError(event.detail));

document.getElementById("topic-map").addEventListener("click", () => widget.showTopicMap(null));

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
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = hit.id;
      button.innerHTML = `<span class="type ${escapeHtml(hit.type)}">${escapeHtml(hit.type)}</span>`
        + escapeHtml(hit.label);
      button.onclick = () => {
        list.innerHTML = "";
        explore(hit.id, hit.type);
      };
      item.appendChild(button);
      list.appendChild(item);
    }
  } catch (error) {
    showError(error);
  }
});

function showError(error) {
  document.getElementById("panel").innerHTML = `<p role="alert">${escapeHtml(error.message)}</p>`;
}
