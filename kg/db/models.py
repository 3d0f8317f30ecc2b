"""The graph model of DESIGN.md as neomodel classes: every label, relationship type and property.

These classes document the model and serve object-style access in test fixtures and the naive
baseline of `bench/ingest.py`; every run-time write, the account rules included, is named Cypher
through `kg.db.graph` (README, "What neomodel is for", says why). The source identifier is
stored as the `id` property; neomodel reserves the Python attribute `id`, so it is `uid` here.
`schema/` is the source of truth for constraints and indexes; `tests/unit/test_models.py` proves
that what these classes declare agrees with it.
"""

from __future__ import annotations

import neo4j
from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
    db,
    get_config,
)

from kg.vocabulary import CLAIM_STATUSES, EVIDENCE_KINDS, TOPIC_LEVELS


def bind(driver: neo4j.Driver, database: str) -> None:
    """Let neomodel use the project's driver instead of opening its own."""
    get_config().database_name = database
    db.set_connection(driver=driver)


class Authored(StructuredRel):
    position = StringProperty()
    is_corresponding = BooleanProperty(default=False)
    institution_ids = ArrayProperty(StringProperty(), default=list)


class AffiliatedWith(StructuredRel):
    works = IntegerProperty()
    first_year = IntegerProperty()
    last_year = IntegerProperty()


class ListsAffiliation(StructuredRel):
    """An affiliation a researcher's profile lists (a fact; AFFILIATED_WITH is derived from it
    and from the institutions of authorships)."""

    years = ArrayProperty(IntegerProperty(), default=list)


class HasTopic(StructuredRel):
    score = FloatProperty()
    primary = BooleanProperty(default=False)


class Coauthor(StructuredRel):
    works = IntegerProperty()
    first_year = IntegerProperty()
    last_year = IntegerProperty()
    weight = FloatProperty()


class CoOccurs(StructuredRel):
    papers = IntegerProperty()
    # novelty (kg/ingest/novelty.py): how far ln(papers) moved since the last re-basing (in
    # all, and upwards), and the greatest papers since then
    novelty_drift = FloatProperty(index=True)
    novelty_rise = FloatProperty()
    novelty_top = IntegerProperty()


class Partner(StructuredRel):
    pair = StringProperty(unique_index=True)  # 'lowId|highId', the edge's key (schema/)
    works = IntegerProperty()


class Follows(StructuredRel):
    since = DateTimeProperty()


class Claimed(StructuredRel):
    uid = StringProperty(db_property="id", index=True)
    status = StringProperty(choices={s: s for s in CLAIM_STATUSES}, default="pending")
    evidence_kind = StringProperty(choices={k: k for k in EVIDENCE_KINDS})
    evidence = StringProperty()
    requested_at = DateTimeProperty()
    decided_at = DateTimeProperty()


class Upvoted(StructuredRel):
    at = DateTimeProperty()


class Invited(StructuredRel):
    message = StringProperty()
    at = DateTimeProperty()
    status = StringProperty()


class GraphVersion(StructuredNode):
    """The one node whose `version` every write transaction replaces (kg/db/graph.py)."""

    uid = StringProperty(db_property="id", unique_index=True, required=True)
    version = StringProperty()


class Source(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    name = StringProperty()
    type = StringProperty()


class Topic(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    name = StringProperty()
    level = StringProperty(choices={level: level for level in TOPIC_LEVELS}, index=True)
    papers = IntegerProperty()  # read model: HAS_TOPIC in-degree
    novelty_drift = FloatProperty()  # how far ln(papers) moved since novelty's last re-basing
    novelty_rise = FloatProperty()  # of which upwards
    novelty_top = IntegerProperty()  # the greatest papers since then
    parent = RelationshipTo("Topic", "SUBTOPIC_OF")
    co_occurs = RelationshipTo("Topic", "CO_OCCURS", model=CoOccurs)


class Institution(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    name = StringProperty()
    ror = StringProperty(index=True)
    country = StringProperty()
    type = StringProperty()
    part_of = RelationshipTo("Institution", "PART_OF")
    partners = RelationshipTo("Institution", "PARTNER", model=Partner)


class Paper(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    doi = StringProperty(index=True)
    title = StringProperty()
    abstract = StringProperty()
    year = IntegerProperty(index=True)
    date = StringProperty(index=True)
    type = StringProperty()
    cited_by_count = IntegerProperty(default=0)
    # the source's citations per year (OpenAlex counts_by_year), as two parallel lists
    reported_years = ArrayProperty(IntegerProperty())
    reported_counts = ArrayProperty(IntegerProperty())
    referenced_works_count = IntegerProperty(default=0)
    upvotes = IntegerProperty(default=0)
    is_retracted = BooleanProperty(default=False)
    categories = ArrayProperty(StringProperty())
    organisation = StringProperty()
    published = StringProperty()
    listings = ArrayProperty(StringProperty())
    listed_author_count = IntegerProperty()
    # one paper per work (kg/ingest/identity.py): every source key, the arXiv id, the formats
    ids = ArrayProperty(StringProperty())
    arxiv_id = StringProperty(index=True)
    sources = ArrayProperty(StringProperty())
    # The read model (kg/ingest/readmodel.py); votes leads the composite index paper_trend
    # (votes, citations, date_key).
    citations = IntegerProperty()
    topical = BooleanProperty()
    leveled_topics = IntegerProperty()
    novel = BooleanProperty()
    # its last novelty decision (kg/ingest/novelty.py): class and flag (leading the composite
    # index paper_novelty_class_margin), least pair margin
    novelty_class = IntegerProperty(index=True)
    novelty_margin = FloatProperty()
    votes = IntegerProperty(index=True)
    date_key = StringProperty()
    # references to papers not in the graph yet (full-text index paper_pending_refs: keyword)
    pending_refs = ArrayProperty(StringProperty())
    # of the record it was written from: a re-ingest rewrites only a changed one (writer.py)
    digest = StringProperty()
    topics = RelationshipTo("Topic", "HAS_TOPIC", model=HasTopic)
    cites = RelationshipTo("Paper", "CITES")
    published_in = RelationshipTo("Source", "PUBLISHED_IN")
    authors = RelationshipFrom("Researcher", "AUTHORED", model=Authored)


class Researcher(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    name = StringProperty()
    name_key = StringProperty(index=True)
    orcid = StringProperty(index=True)
    alt_names = ArrayProperty(StringProperty())
    open_to_collaborate = BooleanProperty(default=False)
    verification_level = IntegerProperty(default=0)
    claimed = BooleanProperty(default=False)
    trust_propagated = FloatProperty()
    trust_score = FloatProperty()
    trust_tier = StringProperty()
    # The read model (kg/ingest/readmodel.py)
    works = IntegerProperty()
    citations = IntegerProperty()
    h_index = IntegerProperty()
    i10_index = IntegerProperty()
    first_year = IntegerProperty()
    last_year = IntegerProperty()
    topics = IntegerProperty()
    close_collaborators = IntegerProperty()
    followers = IntegerProperty()
    novel_works = IntegerProperty()
    novelty = FloatProperty()
    papers = RelationshipTo("Paper", "AUTHORED", model=Authored)
    institutions = RelationshipTo("Institution", "AFFILIATED_WITH", model=AffiliatedWith)
    listed_affiliations = RelationshipTo(
        "Institution", "LISTS_AFFILIATION", model=ListsAffiliation
    )
    coauthors = RelationshipTo("Researcher", "COAUTHOR", model=Coauthor)


class Corpus(StructuredNode):
    """The one node (id `corpus`) holding the corpus counters behind NPMI (read model)."""

    uid = StringProperty(db_property="id", unique_index=True, required=True)
    topical_papers = IntegerProperty()
    tagged_papers = IntegerProperty()


class User(StructuredNode):
    uid = StringProperty(db_property="id", unique_index=True, required=True)
    email = StringProperty(unique_index=True, required=True)
    name = StringProperty()
    roles = ArrayProperty(StringProperty(), default=list)
    token_hash = StringProperty(index=True)
    orcid = StringProperty()
    follows = RelationshipTo("Researcher", "FOLLOWS", model=Follows)
    claims = RelationshipTo("Researcher", "CLAIMED", model=Claimed)
    upvoted = RelationshipTo("Paper", "UPVOTED", model=Upvoted)
    invited = RelationshipTo("Researcher", "INVITED", model=Invited)
