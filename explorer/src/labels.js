// Labels that never overlap: visible nodes are taken most important first, and a node gets its
// label only when the label's box (measured with the canvas font, in screen pixels) meets no
// label already placed and no other node. Zooming in spreads nodes apart while labels keep their screen size, so
// more labels fit; the rest show on hover and selection.

const PAD = 3;

let measureContext;
function textWidth(text, font) {
  measureContext ??= document.createElement("canvas").getContext("2d");
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

export function labelBox(node, fontPx) {
  const at = node.renderedPosition();
  const half = node.renderedOuterHeight() / 2;
  const width = textWidth(node.data("short") || "", `${fontPx}px system-ui, sans-serif`) + 4;
  const top = at.y + half + 3 * node.cy().zoom();
  return { x1: at.x - width / 2 - PAD, x2: at.x + width / 2 + PAD,
           y1: top - PAD, y2: top + fontPx * 1.3 + 4 + PAD };
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

// Nodes ranked at or above `must` (the selected node, the centre, expanded nodes) are labelled
// whenever their label meets no other label, even across another node's disc.
export function placeLabels(cy, fontPx, importance, must = Infinity) {
  const width = cy.width();
  const height = cy.height();
  const cell = 80;
  const grid = new Map();
  const key = (i, j) => i * 100003 + j;
  const visible = cy.nodes(":visible");
  const rank = new Map(visible.map((n) => [n.id(), importance(n)]));
  const candidates = visible.sort((a, b) => rank.get(b.id()) - rank.get(a.id()));
  const cellsOf = (box) => {
    const cells = [];
    for (let i = Math.floor(box.x1 / cell); i <= Math.floor(box.x2 / cell); i++) {
      for (let j = Math.floor(box.y1 / cell); j <= Math.floor(box.y2 / cell); j++) {
        cells.push(key(i, j));
      }
    }
    return cells;
  };
  const put = (box) => {
    for (const c of cellsOf(box)) {
      if (!grid.has(c)) grid.set(c, []);
      grid.get(c).push(box);
    }
  };
  for (const node of candidates) {
    const at = node.renderedPosition();
    const half = node.renderedOuterWidth() / 2;
    put({ x1: at.x - half, x2: at.x + half, y1: at.y - half, y2: at.y + half, owner: node.id() });
  }
  const placed = new Set();
  for (const node of candidates) {
    const box = labelBox(node, fontPx);
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > width || box.y2 > height) continue;
    const id = node.id();
    const strict = rank.get(id) < must;
    if (cellsOf(box).some((c) => (grid.get(c) || []).some(
      (other) => other.owner !== id && (strict || other.label) && overlaps(box, other)))) continue;
    put({ ...box, owner: id, label: true });
    placed.add(id);
  }
  // Only the nodes whose label changes are restyled.
  cy.batch(() => {
    cy.nodes(".labelled").filter((n) => !placed.has(n.id())).removeClass("labelled");
    cy.nodes().filter((n) => placed.has(n.id()) && !n.hasClass("labelled")).addClass("labelled");
  });
  return [...placed];
}
