/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type NodeType =
  | 'INSTITUTION'
  | 'PAPER'
  | 'RESEARCHER'
  | 'SOURCE'
  | 'TOPIC';

export type ProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type ProfileQuery = { researcher: { name: string | null, orcid: string | null, trust: { score: number | null, tier: string | null, verificationLevel: number, claimed: boolean }, metrics: { works: number, citations: number, hIndex: number, i10Index: number, followers: number, topics: number, closeCollaborators: number, novelty: number }, topics: Array<{ share: number, topic: { name: string | null } }>, coauthors: { totalCount: number, edges: Array<{ sharedWorks: number, firstYear: number | null, lastYear: number | null, node: { name: string | null } }> } } | null };

export type SearchQueryVariables = Exact<{
  q: string;
}>;


export type SearchQuery = { search: Array<{ id: string, type: NodeType, label: string | null, score: number }> };

export type WidgetQueryVariables = Exact<{
  id: string | number;
}>;


export type WidgetQuery = { neighbourhood: { nodes: Array<{ id: string, type: NodeType, label: string, weight: number }>, edges: Array<{ source: string, target: string, type: string, weight: number }>, truncated: Array<{ type: NodeType, remaining: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ProfileDocument = new TypedDocumentString(`
    query Profile($id: ID!) {
  researcher(id: $id) {
    name
    orcid
    trust {
      score
      tier
      verificationLevel
      claimed
    }
    metrics {
      works
      citations
      hIndex
      i10Index
      followers
      topics
      closeCollaborators
      novelty
    }
    topics(first: 3) {
      share
      topic {
        name
      }
    }
    coauthors(first: 2) {
      totalCount
      edges {
        sharedWorks
        firstYear
        lastYear
        node {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($q: String!) {
  search(query: $q, first: 4) {
    id
    type
    label
    score
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const WidgetDocument = new TypedDocumentString(`
    query Widget($id: ID!) {
  neighbourhood(
    id: $id
    depth: 1
    types: [RESEARCHER, INSTITUTION]
    limitPerType: 3
  ) {
    nodes {
      id
      type
      label
      weight
    }
    edges {
      source
      target
      type
      weight
    }
    truncated {
      type
      remaining
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetQuery, WidgetQueryVariables>;