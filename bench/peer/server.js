// The peer of bench/peer.py: @neo4j/graphql (the generic GraphQL layer Neo4j publishes) with
// graphql-yoga on Node, over the same database and labels as kg, with default settings.
// Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PEER_PORT.
import { createServer } from "node:http";

import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Researcher @node {
    id: ID!
    name: String
    orcid: String
    works: [Paper!]! @relationship(type: "AUTHORED", direction: OUT)
    coauthors: [Researcher!]!
      @relationship(type: "COAUTHOR", direction: OUT, queryDirection: UNDIRECTED,
                    properties: "Coauthorship")
    institutions: [Institution!]!
      @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Affiliation")
    worksCount: Int!
      @cypher(statement: "RETURN COUNT { (this)-[:AUTHORED]->(:Paper) } AS n", columnName: "n")
    hIndex: Int!
      @cypher(
        statement: """
        MATCH (this)-[:AUTHORED]->(p:Paper)
        WITH coalesce(p.cited_by_count, 0) AS c ORDER BY c DESC
        WITH collect(c) AS cs
        RETURN size([i IN range(0, size(cs) - 1) WHERE cs[i] >= i + 1]) AS h
        """
        columnName: "h"
      )
  }

  type Coauthorship @relationshipProperties {
    works: Int
    first_year: Int
    last_year: Int
  }

  type Affiliation @relationshipProperties {
    works: Int
  }

  type Paper @node {
    id: ID!
    title: String
    year: Int
    cited_by_count: Int
    authors: [Researcher!]! @relationship(type: "AUTHORED", direction: IN)
    topics: [Topic!]! @relationship(type: "HAS_TOPIC", direction: OUT)
  }

  type Topic @node {
    id: ID!
    name: String
    level: String
    papers: [Paper!]! @relationship(type: "HAS_TOPIC", direction: IN)
    adjacent: [Topic!]!
      @relationship(type: "CO_OCCURS", direction: OUT, queryDirection: UNDIRECTED,
                    properties: "CoOccurrence")
  }

  type CoOccurrence @relationshipProperties {
    papers: Int
    weight: Float
  }

  type Institution @node {
    id: ID!
    name: String
    researchers: [Researcher!]! @relationship(type: "AFFILIATED_WITH", direction: IN)
  }

  union SearchResult = Paper | Researcher | Topic | Institution

  type Query {
    search(query: String!, first: Int!): [SearchResult!]!
      @cypher(
        statement: """
        CALL () {
          CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $first})
            YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('researcher_name', $query, {limit: $first})
            YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('topic_name', $query, {limit: $first})
            YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('institution_name', $query, {limit: $first})
            YIELD node, score RETURN node, score
        }
        RETURN node ORDER BY score DESC LIMIT $first
        """
        columnName: "node"
      )
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const yoga = createYoga({
  schema,
  graphiql: false,
  logging: "warn",
  context: () => ({ sessionConfig: { database } }),
});
const port = Number(process.env.PEER_PORT ?? 4000);
createServer(yoga).listen(port, "127.0.0.1", () => {
  console.log(`peer listening on http://127.0.0.1:${port}/graphql`);
});
