// An example host page: a researcher profile laid out like the product's profile page, with the
// <kg-graph> component as its "Research graph" section. It sets the component's attributes and
// listens to its events; it never reaches into the graph.

const GRAPHQL = "/graphql";
const params = new URLSearchParams(location.search);
const id = params.get("id") || "A5085007251";
const widget = document.getElementById("widget");

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

const PROFILE = `query Profile($id: ID!) {
  researcher(id: $id) {
    name openToCollaborate
    institutions { institution { name } }
    trust { score tier verificationLevel claimed }
    metrics { works citations hIndex followers topics closeCollaborators novelty }
    papers(first: 10) { edges { node { id title year type abstract source { name } } } }
  }
}`;

const text = (selector, value) => { document.getElementById(selector).textContent = value; };

async function fillProfile() {
  const r = (await gql(PROFILE, { id })).researcher;
  if (!r) {
    text("name", `No researcher ${id}`);
    return;
  }
  document.title = `${r.name} · profile`;
  text("name", r.name);
  text("affiliation", r.institutions[0]?.institution.name || "");
  document.getElementById("open").hidden = !r.openToCollaborate;
  text("trust-score", r.trust.score ?? "–");
  text("trust-tier", r.trust.tier || "not computed");
  text("verification", `L${r.trust.verificationLevel}`);
  text("claimed", r.trust.claimed ? "Claimed" : "Unclaimed");
  const m = r.metrics;
  text("works", m.works);
  text("followers", m.followers);
  text("topics", m.topics);
  text("close", m.closeCollaborators);
  text("h-index", m.hIndex);
  text("citations", m.citations);
  text("novelty", `${Math.round(100 * m.novelty)}%`);
  const list = document.getElementById("published");
  for (const { node: p } of r.papers.edges) {
    const item = document.createElement("li");
    const meta = document.createElement("p");
    meta.className = "muted";
    meta.textContent = [p.type, p.year, p.source?.name].filter(Boolean).join(" · ");
    const title = document.createElement("h3");
    title.textContent = p.title;
    item.append(meta, title);
    if (p.abstract) {
      const abstract = document.createElement("p");
      abstract.className = "abstract";
      abstract.textContent = p.abstract;
      item.append(abstract);
    }
    list.append(item);
  }
}

function setView(view) {
  for (const [button, name] of [["view-network", "neighbourhood"], ["view-topics", "topics"]]) {
    document.getElementById(button).setAttribute("aria-pressed", String(view === name));
  }
  if (view === "topics") widget.showTopicMap(id);
  else {
    widget.setAttribute("node", id);
    widget.setAttribute("view", "neighbourhood");
  }
}

document.getElementById("view-network").addEventListener("click", () => setView("neighbourhood"));
document.getElementById("view-topics").addEventListener("click", () => setView("topics"));

document.getElementById("path-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const q = document.getElementById("path-input").value.trim();
  if (!q) return;
  const hits = (await gql(`query ($q: String!) { search(query: $q, types: [RESEARCHER], first: 1)
    { id label } }`, { q })).search;
  if (!hits.length) {
    text("selected", `No researcher matches “${q}”.`);
    return;
  }
  for (const button of document.querySelectorAll(".tabs button")) button.setAttribute("aria-pressed", "false");
  widget.showPath(id, hits[0].id);
});

widget.addEventListener("node-select", (event) => {
  const { id: selected, type, label } = event.detail;
  const target = document.getElementById("selected");
  target.textContent = `Selected: ${label} (${type.toLowerCase()}) `;
  if (type === "RESEARCHER" && selected !== id) {
    const link = document.createElement("a");
    link.href = `?id=${encodeURIComponent(selected)}`;
    link.textContent = "open profile";
    target.append(link);
  }
});
widget.addEventListener("expand", (event) => {
  document.body.dataset.lastExpand = event.detail.id;
});

setView("neighbourhood");
fillProfile().catch((error) => text("name", error.message));
