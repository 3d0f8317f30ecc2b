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

export type InstitutionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type InstitutionPageQuery = { institution: { name: string | null, country: string | null, parents: Array<{ name: string | null }>, children: Array<{ name: string | null }>, researchers: { totalCount: number, edges: Array<{ works: number, node: { id: string, name: string | null } }> }, papers: { totalCount: number, edges: Array<{ node: { title: string | null, year: number | null, citations: number } }> }, topics: Array<{ works: number, share: number, topic: { name: string | null } }> } | null };

export type PaperPageQueryVariables = Exact<{
  id: string | number;
}>;


export type PaperPageQuery = { paper: { id: string, sourceIds: Array<string>, title: string | null, year: number | null, categories: Array<string>, citedByCount: number, citations: number, citationsByYear: Array<{ year: number, inGraph: number, reported: number | null }>, authors: Array<{ position: string | null, researcher: { id: string, name: string | null } }>, references: { totalCount: number, edges: Array<{ node: { id: string, title: string | null, citations: number } }> }, citedBy: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string | null, date: string | null } }> }, similar: Array<{ score: number, reasons: Array<string>, paper: { id: string, title: string | null } }> } | null };

export type PeoplePageQueryVariables = Exact<{
  id: string | number;
}>;


export type PeoplePageQuery = { researcher: { followers: { totalCount: number, edges: Array<{ name: string | null, since: string | null }> }, metrics: { works: number, aiWorks: number, aiScore: number, novelty: number } } | null, me: { name: string | null, following: { edges: Array<{ node: { id: string, name: string | null } }> }, upvoted: { edges: Array<{ node: { title: string | null } }> }, claims: Array<{ researcherId: string, status: string }>, invitations: Array<{ toResearcherId: string, status: string }> } | null };

export type ProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type ProfileQuery = { researcher: { name: string | null, orcid: string | null, trust: { score: number | null, tier: string | null, verificationLevel: number, claimed: boolean }, metrics: { works: number, citations: number, hIndex: number, i10Index: number, followers: number, topics: number, closeCollaborators: number, novelty: number }, topics: Array<{ share: number, topic: { name: string | null } }>, coauthors: { totalCount: number, edges: Array<{ sharedWorks: number, firstYear: number | null, lastYear: number | null, node: { name: string | null } }> } } | null };

export type SearchQueryVariables = Exact<{
  q: string;
}>;


export type SearchQuery = { search: Array<{ id: string, type: NodeType, label: string | null, score: number }> };

export type TopicPageQueryVariables = Exact<{
  id: string | number;
}>;


export type TopicPageQuery = { topic: { name: string | null, level: string | null, children: Array<{ name: string | null }>, papers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { title: string | null } }> }, researchers: { totalCount: number, edges: Array<{ works: number, node: { name: string | null } }> }, adjacentTopics: { edges: Array<{ cooccurrences: number, weight: number, node: { name: string | null } }> } } | null, trendingTopics: Array<{ works: number, topic: { name: string | null } }> };

export type VenuePageQueryVariables = Exact<{
  id: string | number;
}>;


export type VenuePageQuery = { source: { name: string | null, type: string | null, papersCount: number, papers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { title: string | null } }> }, topResearchers: Array<{ works: number, citations: number, researcher: { name: string | null } }>, topics: Array<{ share: number, topic: { name: string | null } }> } | null };

export type WidgetQueryVariables = Exact<{
  id: string | number;
}>;


export type WidgetQuery = { neighbourhood: { nodes: Array<{ id: string, type: NodeType, label: string, weight: number }>, edges: Array<{ source: string, target: string, type: string, weight: number }>, truncated: Array<{ type: NodeType, remaining: number, remainingAtMost: number, exact: boolean }> } };

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

export const InstitutionPageDocument = new TypedDocumentString(`
    query InstitutionPage($id: ID!) {
  institution(id: $id) {
    name
    country
    parents {
      name
    }
    children {
      name
    }
    researchers(first: 20) {
      totalCount
      edges {
        works
        node {
          id
          name
        }
      }
    }
    papers(first: 20) {
      totalCount
      edges {
        node {
          title
          year
          citations
        }
      }
    }
    topics(level: "subfield", first: 8) {
      topic {
        name
      }
      works
      share
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionPageQuery, InstitutionPageQueryVariables>;
export const PaperPageDocument = new TypedDocumentString(`
    query PaperPage($id: ID!) {
  paper(id: $id) {
    id
    sourceIds
    title
    year
    categories
    citedByCount
    citations
    citationsByYear {
      year
      inGraph
      reported
    }
    authors {
      position
      researcher {
        id
        name
      }
    }
    references(first: 10) {
      totalCount
      edges {
        node {
          id
          title
          citations
        }
      }
    }
    citedBy(first: 10) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          date
        }
      }
    }
    similar(first: 5) {
      score
      reasons
      paper {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PaperPageQuery, PaperPageQueryVariables>;
export const PeoplePageDocument = new TypedDocumentString(`
    query PeoplePage($id: ID!) {
  researcher(id: $id) {
    followers(first: 20) {
      totalCount
      edges {
        name
        since
      }
    }
    metrics {
      works
      aiWorks
      aiScore
      novelty
    }
  }
  me {
    name
    following(first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
    upvoted(first: 20) {
      edges {
        node {
          title
        }
      }
    }
    claims {
      researcherId
      status
    }
    invitations {
      toResearcherId
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PeoplePageQuery, PeoplePageQueryVariables>;
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
export const TopicPageDocument = new TypedDocumentString(`
    query TopicPage($id: ID!) {
  topic(id: $id) {
    name
    level
    children {
      name
    }
    papers(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          title
        }
      }
    }
    researchers(first: 20) {
      totalCount
      edges {
        works
        node {
          name
        }
      }
    }
    adjacentTopics(first: 10) {
      edges {
        cooccurrences
        weight
        node {
          name
        }
      }
    }
  }
  trendingTopics(sinceYear: 2022, level: "subfield", first: 10) {
    topic {
      name
    }
    works
  }
}
    `) as unknown as TypedDocumentString<TopicPageQuery, TopicPageQueryVariables>;
export const VenuePageDocument = new TypedDocumentString(`
    query VenuePage($id: ID!) {
  source(id: $id) {
    name
    type
    papersCount
    papers(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          title
        }
      }
    }
    topResearchers(first: 10) {
      researcher {
        name
      }
      works
      citations
    }
    topics(level: "field", first: 5) {
      topic {
        name
      }
      share
    }
  }
}
    `) as unknown as TypedDocumentString<VenuePageQuery, VenuePageQueryVariables>;
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
      remainingAtMost
      exact
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetQuery, WidgetQueryVariables>;