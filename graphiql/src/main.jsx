import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";

const endpoint = new URL("/graphql", window.location.href).toString();

async function fetcher(params, options) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json",
               ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
}

// GraphiQL 4 fills the first tab's query editor from defaultTabs but not its variables editor;
// on a first visit (no stored tabs) hand it the first tab's variables too.
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;
const variables = firstVisit ? __KG_TABS__[0].variables : undefined;

createRoot(document.getElementById("graphiql")).render(
  <GraphiQL fetcher={fetcher} defaultTabs={__KG_TABS__} variables={variables}
            defaultEditorToolsVisibility="variables" />,
);
