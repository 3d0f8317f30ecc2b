// The public GraphQL API, the only thing the widget talks to.

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export async function gql(endpoint, query, variables) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("the graph API cannot be reached", "UNAVAILABLE");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the graph API answered ${response.status}`, "UNAVAILABLE");
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code || "INTERNAL");
  }
  return body.data;
}

export const NEIGHBOURHOOD = `query KgGraphNeighbourhood($id: ID!, $depth: Int!, $types: [NodeType!], $limit: Int!) {
  neighbourhood(id: $id, depth: $depth, types: $types, limitPerType: $limit) {
    nodes { id type label weight }
    edges { id source target type weight }
    truncated { type remaining remainingAtMost exact }
  }
}`;

export const PATH = `query KgGraphPath($from: ID!, $to: ID!) {
  collaborationPath(from: $from, to: $to) {
    length
    researchers { id name }
    steps { from { id } to { id } papers { id title year } }
  }
}`;

export const TOPIC_MAP = `query KgGraphTopics($researcher: ID, $first: Int!) {
  topicMap(researcherId: $researcher, first: $first) {
    topics { id name papers subfield field domain }
    links { source target cooccurrences weight }
  }
}`;
