// Colours and the Cytoscape.js style of the two themes. Node colours keep a 3:1 contrast with
// the background of their theme; text colours 4.5:1.

export const NODE_KINDS = ["RESEARCHER", "PAPER", "TOPIC", "INSTITUTION", "SOURCE"];
export const KIND_NAMES = { RESEARCHER: "Researchers", PAPER: "Papers", TOPIC: "Topics",
                            INSTITUTION: "Institutions", SOURCE: "Venues" };

export const EDGE_KINDS = {
  COAUTHOR: { name: "co-authors", weight: "shared works", dash: "solid" },
  AUTHORED: { name: "authored", weight: "", dash: "solid" },
  AFFILIATED_WITH: { name: "affiliated with", weight: "works there", dash: "dotted" },
  HAS_TOPIC: { name: "about topic", weight: "topic score", dash: "dashed" },
  CO_OCCURS: { name: "topics co-occur", weight: "shared papers", dash: "solid" },
  CITES: { name: "cites", weight: "", dash: "solid", arrow: true },
  PUBLISHED_IN: { name: "published in", weight: "", dash: "dashed" },
  PART_OF: { name: "part of", weight: "", dash: "dotted", arrow: true },
  SUBTOPIC_OF: { name: "subtopic of", weight: "", dash: "dotted", arrow: true },
};

export const PALETTES = {
  light: {
    background: "#ffffff", text: "#1d2330", muted: "#4f5a6d", edge: "#8a94a6",
    edgeStrong: "#4a5568", labelOutline: "#ffffff", focus: "#111827", path: "#c2410c",
    kinds: { RESEARCHER: "#2563eb", PAPER: "#c2410c", TOPIC: "#15803d", INSTITUTION: "#7e22ce",
             SOURCE: "#4b5563" },
    groups: ["#2563eb", "#c2410c", "#15803d", "#7e22ce", "#be185d", "#0e7490", "#a16207",
             "#4338ca", "#b91c1c", "#4b5563"],
  },
  dark: {
    background: "#111827", text: "#e5e7eb", muted: "#a8b1c2", edge: "#6b7280",
    edgeStrong: "#cbd5e1", labelOutline: "#111827", focus: "#f9fafb", path: "#fb923c",
    kinds: { RESEARCHER: "#60a5fa", PAPER: "#fb923c", TOPIC: "#4ade80", INSTITUTION: "#c084fc",
             SOURCE: "#9ca3af" },
    groups: ["#60a5fa", "#fb923c", "#4ade80", "#c084fc", "#f472b6", "#22d3ee", "#facc15",
             "#a5b4fc", "#f87171", "#9ca3af"],
  },
};

const size = (n) => 14 + 3.2 * Math.log2(1 + (n.data("weight") || 0));

export function edgeWidth(type, weight) {
  if (type === "HAS_TOPIC") return 1 + 3 * Math.min(1, weight || 0);
  return 1 + Math.min(7, 1.4 * Math.log2(1 + (weight || 0)));
}

// fontSize and lineScale are restated at each zoom so text and lines keep their screen size.
export function cytoscapeStyle(palette, fontSize, lineScale = 1) {
  return [
    { selector: "node", style: {
        "background-color": "data(color)", width: size, height: size,
        label: "", color: palette.text, "font-size": fontSize, "font-family": "system-ui, sans-serif",
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": palette.labelOutline,
        "text-outline-width": 2, "min-zoomed-font-size": 0, "overlay-opacity": 0 } },
    { selector: "node.labelled, node.hover, node:selected", style: { label: "data(short)" } },
    { selector: "node.labelled", style: { "z-index": 10 } },
    { selector: "node.hover, node:selected", style: { "z-index": 20 } },
    { selector: "node.center", style: { "border-width": 3, "border-color": palette.focus } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": palette.focus,
                                          "border-style": "double" } },
    { selector: "node.on-path", style: { "border-width": 3, "border-color": palette.path } },
    { selector: ".filtered", style: { display: "none" } },
    { selector: "edge", style: {
        width: (e) => lineScale * edgeWidth(e.data("type"), e.data("weight")),
        "line-color": palette.edge, "curve-style": "straight", opacity: 0.75,
        "target-arrow-color": palette.edge, "arrow-scale": 0.7,
        "font-size": fontSize * 0.9, color: palette.text, "text-outline-color": palette.labelOutline,
        "text-outline-width": 2 } },
    ...Object.entries(EDGE_KINDS).map(([type, kind]) => ({
      selector: `edge[type = "${type}"]`,
      style: { "line-style": kind.dash, "target-arrow-shape": kind.arrow ? "triangle" : "none" },
    })),
    { selector: "edge.dense", style: { "curve-style": "haystack", "haystack-radius": 0 } },
    { selector: "edge[npmi]", style: { opacity: (e) => 0.2 + 0.7 * Math.max(0, e.data("npmi")) } },
    { selector: "edge.weighted", style: { "line-color": palette.edgeStrong, opacity: 1 } },
    { selector: "edge.weighted.numbered", style: { label: "data(weightLabel)" } },
    { selector: "edge.on-path", style: { "line-color": palette.path, opacity: 1,
                                         label: "data(pathLabel)", "text-margin-y": -9 } },
  ];
}
