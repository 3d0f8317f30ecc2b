// A typed GraphQL request over fetch (hand-written; the rest of src/ is generated):
//   const data = await request(WidgetDocument, { id: "A5085007251" });  // data: WidgetQuery
import type { TypedDocumentString } from "./operations";

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** Raised when the API answers with errors; `code` is the first error's `extensions.code`. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "GraphQLRequestError";
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  { endpoint = "/graphql", token }: { endpoint?: string; token?: string } = {},
): Promise<Result> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(endpoint, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result | null; errors?: GraphQLError[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  return body.data as Result;
}
