export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: string; output: string; }
};

export type AdjacentTopicConnection = {
  __typename?: 'AdjacentTopicConnection';
  edges: Array<AdjacentTopicEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AdjacentTopicEdge = {
  __typename?: 'AdjacentTopicEdge';
  cooccurrences: Scalars['Int']['output'];
  cursor: Scalars['String']['output'];
  node: Topic;
  weight: Scalars['Float']['output'];
};

export type Authorship = {
  __typename?: 'Authorship';
  isCorresponding: Scalars['Boolean']['output'];
  position?: Maybe<Scalars['String']['output']>;
  researcher: Researcher;
};

export type CitationYear = {
  __typename?: 'CitationYear';
  /** CITES edges into the work(s) from papers of this year in the graph. */
  inGraph: Scalars['Int']['output'];
  /** As the source reports it (OpenAlex counts_by_year); null when not reported. */
  reported?: Maybe<Scalars['Int']['output']>;
  year: Scalars['Int']['output'];
};

export type Claim = {
  __typename?: 'Claim';
  evidenceKind: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  requestedAt: Scalars['String']['output'];
  researcherId: Scalars['ID']['output'];
  status: Scalars['String']['output'];
};

export type ClaimEvidenceInput = {
  kind: EvidenceKind;
  /** An ORCID iD or an institutional e-mail address. */
  value: Scalars['String']['input'];
};

export type CoauthorConnection = {
  __typename?: 'CoauthorConnection';
  edges: Array<CoauthorEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CoauthorEdge = {
  __typename?: 'CoauthorEdge';
  cursor: Scalars['String']['output'];
  firstYear?: Maybe<Scalars['Int']['output']>;
  lastYear?: Maybe<Scalars['Int']['output']>;
  node: Researcher;
  sharedWorks: Scalars['Int']['output'];
};

export type CollaborationPath = {
  __typename?: 'CollaborationPath';
  length: Scalars['Int']['output'];
  researchers: Array<ResearcherRef>;
  steps: Array<PathStep>;
};

export type Collaborator = {
  __typename?: 'Collaborator';
  firstYear?: Maybe<Scalars['Int']['output']>;
  lastYear?: Maybe<Scalars['Int']['output']>;
  researcher: Researcher;
  sharedWorks: Scalars['Int']['output'];
};

export type EvidenceKind =
  | 'INSTITUTIONAL_EMAIL'
  | 'ORCID';

export type FollowerConnection = {
  __typename?: 'FollowerConnection';
  edges: Array<FollowerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FollowerEdge = {
  __typename?: 'FollowerEdge';
  cursor: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  since?: Maybe<Scalars['String']['output']>;
};

export type GraphEdge = {
  __typename?: 'GraphEdge';
  id: Scalars['ID']['output'];
  source: Scalars['ID']['output'];
  target: Scalars['ID']['output'];
  type: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

export type GraphNode = {
  __typename?: 'GraphNode';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  type: NodeType;
  weight: Scalars['Float']['output'];
};

export type Institution = Node & {
  __typename?: 'Institution';
  /** Institutions that are part of this one. */
  children: Array<Institution>;
  country?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Papers with an authorship at this institution, most cited first. */
  papers: PaperConnection;
  /** Institutions this one is part of (its lineage). */
  parents: Array<Institution>;
  /** Partner institutions: those named with this one on the authorships of a paper, most such papers first. */
  partners: InstitutionPartnerConnection;
  /** Researchers affiliated with it, most works there first. */
  researchers: InstitutionResearcherConnection;
  researchersCount: Scalars['Int']['output'];
  ror?: Maybe<Scalars['String']['output']>;
  /** Share of this institution's papers per topic, at any level. */
  topics: Array<TopicShare>;
  type?: Maybe<Scalars['String']['output']>;
};


export type InstitutionPapersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type InstitutionPartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type InstitutionResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type InstitutionTopicsArgs = {
  first?: Scalars['Int']['input'];
  level?: Scalars['String']['input'];
};

export type InstitutionAffiliation = {
  __typename?: 'InstitutionAffiliation';
  firstYear?: Maybe<Scalars['Int']['output']>;
  institution: Institution;
  lastYear?: Maybe<Scalars['Int']['output']>;
  works: Scalars['Int']['output'];
};

export type InstitutionPartnerConnection = {
  __typename?: 'InstitutionPartnerConnection';
  edges: Array<InstitutionPartnerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstitutionPartnerEdge = {
  __typename?: 'InstitutionPartnerEdge';
  cursor: Scalars['String']['output'];
  node: Institution;
  /** Papers whose authorships name both institutions. */
  works: Scalars['Int']['output'];
};

export type InstitutionResearcherConnection = {
  __typename?: 'InstitutionResearcherConnection';
  edges: Array<InstitutionResearcherEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstitutionResearcherEdge = {
  __typename?: 'InstitutionResearcherEdge';
  cursor: Scalars['String']['output'];
  node: Researcher;
  /** Their works with this institution. */
  works: Scalars['Int']['output'];
};

export type Invitation = {
  __typename?: 'Invitation';
  fromResearcherId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  status: Scalars['String']['output'];
  toResearcherId: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Follow a researcher; returns their follower count. */
  follow: Scalars['Int']['output'];
  /** Invite a claimed researcher, as the claimant of another. */
  invite: Invitation;
  /** Claim a researcher record, with evidence, for review. */
  requestClaim: Claim;
  /** Approve or reject a pending claim (admins only). */
  reviewClaim: Claim;
  /** Only the approved claimant of the record may set this. */
  setOpenToCollaborate: Scalars['Boolean']['output'];
  /** Stop following a researcher; returns their follower count. */
  unfollow: Scalars['Int']['output'];
  /** Upvote a paper (once per user); returns its upvotes. */
  upvote: Scalars['Int']['output'];
};


export type MutationFollowArgs = {
  researcherId: Scalars['ID']['input'];
};


export type MutationInviteArgs = {
  fromResearcherId: Scalars['ID']['input'];
  message: Scalars['String']['input'];
  toResearcherId: Scalars['ID']['input'];
};


export type MutationRequestClaimArgs = {
  evidence: ClaimEvidenceInput;
  researcherId: Scalars['ID']['input'];
};


export type MutationReviewClaimArgs = {
  approve: Scalars['Boolean']['input'];
  claimId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetOpenToCollaborateArgs = {
  open: Scalars['Boolean']['input'];
  researcherId: Scalars['ID']['input'];
};


export type MutationUnfollowArgs = {
  researcherId: Scalars['ID']['input'];
};


export type MutationUpvoteArgs = {
  paperId: Scalars['ID']['input'];
};

export type Neighbourhood = {
  __typename?: 'Neighbourhood';
  edges: Array<GraphEdge>;
  nodes: Array<GraphNode>;
  /** Per capped type, how many nodes were left out (every type with `remainingAtMost` above 0). */
  truncated: Array<Truncation>;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type NodeType =
  | 'INSTITUTION'
  | 'PAPER'
  | 'RESEARCHER'
  | 'SOURCE'
  | 'TOPIC';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Paper = Node & {
  __typename?: 'Paper';
  abstract?: Maybe<Scalars['String']['output']>;
  /** Authors in authorship order. */
  authors: Array<Authorship>;
  categories: Array<Scalars['String']['output']>;
  /** max(cited_by_count, CITES edges into this paper in the graph). */
  citations: Scalars['Int']['output'];
  /** Citations per year, in the graph and as reported, oldest year first. */
  citationsByYear: Array<CitationYear>;
  /** The papers in the graph that cite this one, newest first; totalCount is the in-graph citation count (citedByCount is the source's). */
  citedBy: PaperConnection;
  /** As reported by the source. */
  citedByCount: Scalars['Int']['output'];
  date?: Maybe<Scalars['String']['output']>;
  doi?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isRetracted: Scalars['Boolean']['output'];
  organisation?: Maybe<Scalars['String']['output']>;
  /** The papers in the graph this one cites, most cited first; totalCount is the in-graph reference count. */
  references: PaperConnection;
  /** Papers most like this one: 2 x co-citations + 2 x shared references + shared topics, with the reasons. */
  similar: Array<SimilarPaper>;
  source?: Maybe<Source>;
  /** Every source id of the work (one paper per work): its OpenAlex id, `doi:<doi>`, `arxiv:<id>`; `paper(id:)` answers for each. */
  sourceIds: Array<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  topics: Array<PaperTopic>;
  type?: Maybe<Scalars['String']['output']>;
  upvotes: Scalars['Int']['output'];
  year?: Maybe<Scalars['Int']['output']>;
};


export type PaperCitedByArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PaperReferencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PaperSimilarArgs = {
  first?: Scalars['Int']['input'];
};

export type PaperConnection = {
  __typename?: 'PaperConnection';
  edges: Array<PaperEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PaperEdge = {
  __typename?: 'PaperEdge';
  cursor: Scalars['String']['output'];
  node: Paper;
};

export type PaperOrderBy =
  | 'CITATIONS'
  | 'RECENT';

export type PaperRef = {
  __typename?: 'PaperRef';
  id: Scalars['ID']['output'];
  title?: Maybe<Scalars['String']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};

export type PaperTopic = {
  __typename?: 'PaperTopic';
  primary: Scalars['Boolean']['output'];
  score?: Maybe<Scalars['Float']['output']>;
  topic: Topic;
};

export type PathStep = {
  __typename?: 'PathStep';
  from: ResearcherRef;
  papers: Array<PaperRef>;
  to: ResearcherRef;
};

export type Query = {
  __typename?: 'Query';
  /** Completions of typed-so-far text (last word as a prefix). */
  autocomplete: Array<SearchHit>;
  /** The shortest co-authorship path, with the papers that link each step; null when farther apart than maxHops. */
  collaborationPath?: Maybe<CollaborationPath>;
  institution?: Maybe<Institution>;
  /** The caller's account; null without a token. */
  me?: Maybe<User>;
  /** Typed nodes and edges around a node, capped per type. */
  neighbourhood: Neighbourhood;
  /** Any node by id, whatever its type. */
  node?: Maybe<Node>;
  /** A paper by any of its source ids: its id, an OpenAlex id, a DOI or an arXiv id (one paper per work). */
  paper?: Maybe<Paper>;
  researcher?: Maybe<Researcher>;
  /** Full-text search over papers, researchers, topics and institutions; any input is safe. */
  search: Array<SearchHit>;
  /** A venue (journal, conference, repository) by id. */
  source?: Maybe<Source>;
  topic?: Maybe<Topic>;
  /** The topics with the most papers (over the graph, or over one researcher's works) and their co-occurrence links. */
  topicMap: TopicMap;
  /** Papers by upvotes, then citations, then date. */
  trendingPapers: PaperConnection;
  /** Topics of one level with the most works published in or after sinceYear (the window), most first. */
  trendingTopics: Array<TrendingTopic>;
};


export type QueryAutocompleteArgs = {
  first?: Scalars['Int']['input'];
  prefix: Scalars['String']['input'];
  types?: InputMaybe<Array<NodeType>>;
};


export type QueryCollaborationPathArgs = {
  from: Scalars['ID']['input'];
  maxHops?: Scalars['Int']['input'];
  to: Scalars['ID']['input'];
};


export type QueryInstitutionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNeighbourhoodArgs = {
  depth?: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  limitPerType?: Scalars['Int']['input'];
  types?: InputMaybe<Array<NodeType>>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaperArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResearcherArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySearchArgs = {
  first?: Scalars['Int']['input'];
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<NodeType>>;
};


export type QuerySourceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTopicArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTopicMapArgs = {
  first?: Scalars['Int']['input'];
  researcherId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTrendingPapersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  since?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryTrendingTopicsArgs = {
  first?: Scalars['Int']['input'];
  level?: Scalars['String']['input'];
  sinceYear: Scalars['Int']['input'];
};

export type Researcher = Node & {
  __typename?: 'Researcher';
  altNames: Array<Scalars['String']['output']>;
  /** Citations of this researcher's works per year, in the graph and as reported (summed over the works), oldest year first. */
  citationsByYear: Array<CitationYear>;
  /** Co-authors with at least 2 shared works, closest first. */
  closeCollaborators: Array<Collaborator>;
  /** Co-authors, most shared works first, then most recent. */
  coauthors: CoauthorConnection;
  /** Users following this researcher, newest first (names only). */
  followers: FollowerConnection;
  id: Scalars['ID']['output'];
  /** Institutions from authorships and profiles, most works first. */
  institutions: Array<InstitutionAffiliation>;
  metrics: ResearcherMetrics;
  name?: Maybe<Scalars['String']['output']>;
  openToCollaborate: Scalars['Boolean']['output'];
  orcid?: Maybe<Scalars['String']['output']>;
  papers: PaperConnection;
  /** Co-authors of co-authors who share topics and never wrote with this researcher, with the reason. */
  suggestedCollaborators: Array<SuggestedCollaborator>;
  /** Share of this researcher's works per topic, at any level. */
  topics: Array<TopicShare>;
  trust: Trust;
};


export type ResearcherCoauthorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type ResearcherFollowersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type ResearcherPapersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  orderBy?: PaperOrderBy;
};


export type ResearcherSuggestedCollaboratorsArgs = {
  first?: Scalars['Int']['input'];
};


export type ResearcherTopicsArgs = {
  first?: Scalars['Int']['input'];
  level?: Scalars['String']['input'];
};

export type ResearcherConnection = {
  __typename?: 'ResearcherConnection';
  edges: Array<ResearcherEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ResearcherEdge = {
  __typename?: 'ResearcherEdge';
  cursor: Scalars['String']['output'];
  node: Researcher;
};

export type ResearcherMetrics = {
  __typename?: 'ResearcherMetrics';
  /** round(100 * aiWorks / works), 0-100. */
  aiScore: Scalars['Int']['output'];
  /** Works in AI: arXiv cs.AI, cs.LG, cs.CL, cs.CV, cs.NE, stat.ML, or a topic under OpenAlex's subfield Artificial Intelligence (subfields/1702). */
  aiWorks: Scalars['Int']['output'];
  citations: Scalars['Int']['output'];
  closeCollaborators: Scalars['Int']['output'];
  firstYear?: Maybe<Scalars['Int']['output']>;
  followers: Scalars['Int']['output'];
  hIndex: Scalars['Int']['output'];
  i10Index: Scalars['Int']['output'];
  lastYear?: Maybe<Scalars['Int']['output']>;
  novelWorks: Scalars['Int']['output'];
  /** Share of works that combine topics atypically (a topic pair with NPMI below -0.1 over the graph); see docs/services.md. */
  novelty: Scalars['Float']['output'];
  topics: Scalars['Int']['output'];
  works: Scalars['Int']['output'];
};

export type ResearcherRef = {
  __typename?: 'ResearcherRef';
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type SearchHit = {
  __typename?: 'SearchHit';
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  /** 1.0 for the best hit of its type. */
  score: Scalars['Float']['output'];
  type: NodeType;
};

export type SimilarPaper = {
  __typename?: 'SimilarPaper';
  /** Papers in the graph citing both. */
  coCited: Scalars['Int']['output'];
  paper: Paper;
  /** E.g. "cited together by 12 papers", "share 8 references", "same 3 topics". */
  reasons: Array<Scalars['String']['output']>;
  score: Scalars['Int']['output'];
  /** Papers both cite. */
  sharedReferences: Scalars['Int']['output'];
  /** Level-topic topics both carry. */
  sharedTopics: Scalars['Int']['output'];
};

export type Source = Node & {
  __typename?: 'Source';
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Papers published in it, most cited first. */
  papers: PaperConnection;
  papersCount: Scalars['Int']['output'];
  /** Researchers with most papers in it, then their citations. */
  topResearchers: Array<TopicResearcher>;
  /** Share of its papers per topic, at any level. */
  topics: Array<TopicShare>;
  type?: Maybe<Scalars['String']['output']>;
};


export type SourcePapersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type SourceTopResearchersArgs = {
  first?: Scalars['Int']['input'];
};


export type SourceTopicsArgs = {
  first?: Scalars['Int']['input'];
  level?: Scalars['String']['input'];
};

export type SuggestedCollaborator = {
  __typename?: 'SuggestedCollaborator';
  researcher: Researcher;
  score: Scalars['Float']['output'];
  sharedTopics: Array<Topic>;
  /** The co-authors who link the two. */
  via: Array<Researcher>;
};

export type Topic = Node & {
  __typename?: 'Topic';
  /** Topics that share papers with this one, most co-occurrences first; weight is their NPMI over the graph. */
  adjacentTopics: AdjacentTopicConnection;
  /** Every level above, nearest first. */
  ancestors: Array<Topic>;
  /** The topics one level down. */
  children: Array<Topic>;
  id: Scalars['ID']['output'];
  level?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  /** Every paper on this topic or under it, most cited first. */
  papers: PaperConnection;
  papersCount: Scalars['Int']['output'];
  /** The topic one level up (topic -> subfield -> field -> domain). */
  parent?: Maybe<Topic>;
  /** Every researcher with works on this topic or under it, most such works first. */
  researchers: TopicResearcherConnection;
  /** Papers on this topic (or under it), most cited first. */
  topPapers: Array<Paper>;
  /** Researchers with most works on this topic, then citations. */
  topResearchers: Array<TopicResearcher>;
};


export type TopicAdjacentTopicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type TopicPapersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type TopicResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type TopicTopPapersArgs = {
  first?: Scalars['Int']['input'];
};


export type TopicTopResearchersArgs = {
  first?: Scalars['Int']['input'];
};

export type TopicMap = {
  __typename?: 'TopicMap';
  links: Array<TopicMapLink>;
  topics: Array<TopicMapTopic>;
};

export type TopicMapLink = {
  __typename?: 'TopicMapLink';
  cooccurrences: Scalars['Int']['output'];
  source: Scalars['ID']['output'];
  target: Scalars['ID']['output'];
  /** NPMI over the graph, as in adjacentTopics. */
  weight: Scalars['Float']['output'];
};

export type TopicMapTopic = {
  __typename?: 'TopicMapTopic';
  domain?: Maybe<Scalars['String']['output']>;
  field?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Papers on the topic (of the researcher, if one). */
  papers: Scalars['Int']['output'];
  subfield?: Maybe<Scalars['String']['output']>;
};

export type TopicResearcher = {
  __typename?: 'TopicResearcher';
  citations: Scalars['Int']['output'];
  researcher: Researcher;
  works: Scalars['Int']['output'];
};

export type TopicResearcherConnection = {
  __typename?: 'TopicResearcherConnection';
  edges: Array<TopicResearcherEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TopicResearcherEdge = {
  __typename?: 'TopicResearcherEdge';
  cursor: Scalars['String']['output'];
  node: Researcher;
  /** Their works on the topic or under it. */
  works: Scalars['Int']['output'];
};

export type TopicShare = {
  __typename?: 'TopicShare';
  /** Works on this topic / all works. */
  share: Scalars['Float']['output'];
  topic: Topic;
  works: Scalars['Int']['output'];
};

export type TrendingTopic = {
  __typename?: 'TrendingTopic';
  topic: Topic;
  /** Works under it published in the window. */
  works: Scalars['Int']['output'];
};

export type Truncation = {
  __typename?: 'Truncation';
  /** Whether `remaining` is the exact count (always at depth 1). */
  exact: Scalars['Boolean']['output'];
  /** Nodes of this type left out; a lower bound when `exact` is false. */
  remaining: Scalars['Int']['output'];
  /** An upper bound on the nodes left out; equals `remaining` when `exact` is true. */
  remainingAtMost: Scalars['Int']['output'];
  type: NodeType;
};

export type Trust = {
  __typename?: 'Trust';
  claimed: Scalars['Boolean']['output'];
  explanation: TrustExplanation;
  /** The raw TrustRank value before scaling. */
  propagated?: Maybe<Scalars['Float']['output']>;
  /** 0-100; null before `kg trust compute`. */
  score?: Maybe<Scalars['Int']['output']>;
  /** Emerging (<25), Established (<50), Trusted (<75), Exemplary. */
  tier?: Maybe<Scalars['String']['output']>;
  /** 0 imported, 1 ORCID, 2 approved claim, 3 approved claim with verified ORCID or institutional e-mail. */
  verificationLevel: Scalars['Int']['output'];
};


export type TrustExplanationArgs = {
  top?: Scalars['Int']['input'];
};

export type TrustComponent = {
  __typename?: 'TrustComponent';
  name: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type TrustContributor = {
  __typename?: 'TrustContributor';
  institution?: Maybe<Institution>;
  researcher?: Maybe<Researcher>;
  share: Scalars['Float']['output'];
};

export type TrustExplanation = {
  __typename?: 'TrustExplanation';
  /** Points per part of the score; they add up to the score before rounding. */
  components: Array<TrustComponent>;
  /** The neighbours whose trust flowed in most, with their share of the inflow. */
  contributors: Array<TrustContributor>;
  /** The share of everyone else; shares add to 1. */
  others: Scalars['Float']['output'];
};

export type User = {
  __typename?: 'User';
  /** Claims this user made, newest first. */
  claims: Array<Claim>;
  email: Scalars['String']['output'];
  /** Researchers this user follows, newest follow first. */
  following: ResearcherConnection;
  id: Scalars['ID']['output'];
  /** Invitations this user sent, newest first. */
  invitations: Array<Invitation>;
  name?: Maybe<Scalars['String']['output']>;
  orcid?: Maybe<Scalars['String']['output']>;
  roles: Array<Scalars['String']['output']>;
  /** Papers this user upvoted, newest upvote first. */
  upvoted: PaperConnection;
};


export type UserFollowingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type UserUpvotedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};
