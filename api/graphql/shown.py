"""The node fields a request shows (`kg.nodes.Shown`), from its document: a profile showing its
100 co-authors' `id name` has them read with two fields each, not five; a page of papers showing
`title` does not read their abstracts, venues and upvotes.

The fields are the union over the whole document (every operation, every fragment, `@skip` and
`@include` as if included): the loaders share a request's nodes by id, so a node read for one
selection may answer another, and every node of a kind carries every field that any selection
of that kind reads. Each fragment is walked once, so the walk is linear in the document's size
however its fragments nest. The answer depends on the document alone and is kept by its text.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)
from graphql.language import ast
from strawberry.extensions import SchemaExtension

from api.graphql.cache import Lru
from kg.nodes import ALL, Shown

# For each node type of the schema, the node fields each of its GraphQL fields reads (besides the
# id, which every node carries). A field of these types missing here reads every field of its
# node (tests/unit/test_shown.py keeps this table equal to the schema's fields).
READS: dict[str, dict[str, tuple[str, ...]]] = {
    "Paper": {
        "id": (), "doi": ("doi",), "title": ("title",), "abstract": ("abstract",),
        "year": ("year",), "date": ("date",), "type": ("type",),
        "citedByCount": ("cited_by_count",), "citations": ("citations",),
        "upvotes": ("upvotes",), "isRetracted": ("is_retracted",),
        "categories": ("categories",), "organisation": ("organisation",),
        "sourceIds": ("source_ids",), "source": ("source_id",),
        "authors": (), "topics": (), "references": (), "citedBy": (), "similar": (),
        "citationsByYear": (),
    },
    "Researcher": {
        "id": (), "name": ("name",), "orcid": ("orcid",), "altNames": ("alt_names",),
        "openToCollaborate": ("open_to_collaborate",),
        "followers": (), "institutions": (), "papers": (), "topics": (), "trust": (),
        "citationsByYear": (), "metrics": (), "coauthors": (), "closeCollaborators": (),
        "suggestedCollaborators": (),
    },
    "Topic": {
        "id": (), "name": ("name",), "level": ("level",), "papersCount": ("papers",),
        "parent": ("parent_id",),
        "ancestors": (), "children": (), "adjacentTopics": (), "topPapers": (), "papers": (),
        "researchers": (), "topResearchers": (),
    },
}
_KIND = {"Paper": "paper", "Researcher": "researcher", "Topic": "topic"}
DOCUMENTS = 1000  # as many as api/graphql/cache.py's ParsedDocuments keeps parsed


def shown_by(schema: GraphQLSchema, document: ast.DocumentNode) -> Shown:
    selected: dict[str, set[str]] = {kind: set() for kind in _KIND.values()}
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, ast.FragmentDefinitionNode)}
    walked: set[str] = set()

    def walk(parent: GraphQLNamedType | None, selection_set: ast.SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, ast.FieldNode):
                name = selection.name.value
                for type_name in _object_types(schema, parent):
                    reads = READS.get(type_name)
                    if reads is not None:
                        selected[_KIND[type_name]].update(
                            reads.get(name, getattr(ALL, _KIND[type_name])))
                field = getattr(parent, "fields", {}).get(name)
                if field is not None and selection.selection_set is not None:
                    walk(get_named_type(field.type), selection.selection_set)
            elif isinstance(selection, ast.InlineFragmentNode):
                condition = selection.type_condition
                walk(schema.get_type(condition.name.value) if condition else parent,
                     selection.selection_set)
            elif selection.name.value not in walked and selection.name.value in fragments:
                walked.add(selection.name.value)
                fragment = fragments[selection.name.value]
                walk(schema.get_type(fragment.type_condition.name.value),
                     fragment.selection_set)

    roots = {ast.OperationType.QUERY: schema.query_type,
             ast.OperationType.MUTATION: schema.mutation_type,
             ast.OperationType.SUBSCRIPTION: schema.subscription_type}
    for definition in document.definitions:
        if isinstance(definition, ast.OperationDefinitionNode):
            walk(roots[definition.operation], definition.selection_set)
    return Shown(paper=frozenset(selected["paper"]),
                 researcher=frozenset(selected["researcher"]),
                 topic=frozenset(selected["topic"]))


def _object_types(schema: GraphQLSchema, parent: GraphQLNamedType | None) -> Iterator[str]:
    """The object types a selection on `parent` applies to."""
    if isinstance(parent, GraphQLObjectType):
        yield parent.name
    elif isinstance(parent, GraphQLInterfaceType):
        yield from (t.name for t in schema.get_possible_types(parent))


class ShownFields(SchemaExtension):
    """Tells the request's loaders the node fields its document shows, before it executes."""

    def __init__(self, kept: Lru) -> None:
        self.kept = kept

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            shown = self.kept.get(context.query) if context.query else None
            if shown is None:
                shown = shown_by(context.schema._schema, context.graphql_document)
                if context.query:
                    self.kept.put(context.query, shown, len(context.query))
            context.context.loaders.shown = shown
        yield
