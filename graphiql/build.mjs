// Bundles GraphiQL (React, CodeMirror, fonts and styles) into dist/ so the API serves it from
// loopback with no CDN. The README's example operations (clients/typescript/operations/*.graphql)
// become the default tabs; each one's first-line comment holds its variables for the sample data.
import { readFileSync, readdirSync, mkdirSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const operations = join(here, "..", "clients", "typescript", "operations");
const order = ["Profile", "Widget", "Search"];

const tabs = readdirSync(operations)
  .filter((name) => name.endsWith(".graphql"))
  .map((name) => {
    const query = readFileSync(join(operations, name), "utf8");
    const [, operation, comment] = query.match(/^query (\w+)[^\n#]*(?:#\s*(\{.*\}))?/);
    const variables = comment ? JSON.stringify(JSON.parse(comment), null, 2) : undefined;
    return { operation, query, variables };
  })
  .sort((a, b) => (order.indexOf(a.operation) + 1 || 99) - (order.indexOf(b.operation) + 1 || 99)
    || a.operation.localeCompare(b.operation))
  .map(({ query, variables }) => ({ query, variables }));

mkdirSync(join(here, "dist"), { recursive: true });
await esbuild.build({
  entryPoints: [join(here, "src", "main.jsx")],
  outdir: join(here, "dist"),
  entryNames: "graphiql",
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  loader: { ".woff2": "dataurl", ".woff": "dataurl", ".ttf": "dataurl" },
  define: {
    "process.env.NODE_ENV": '"production"',
    __KG_TABS__: JSON.stringify(tabs),
  },
  logLevel: "warning",
});
copyFileSync(join(here, "src", "index.html"), join(here, "dist", "index.html"));
console.log(`graphiql: built dist/ with ${tabs.length} example tabs`);
