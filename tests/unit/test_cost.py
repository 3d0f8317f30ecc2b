"""The answer-size estimate of api/graphql/cost.py, on the real schema, without a database."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from api.graphql.cost import Operation, estimate
from api.graphql.schema import build_schema
from kg.config import Settings

SCHEMA = build_schema(Settings())._schema
LIST_SIZE = 25


def cost(document: str, operation_name: str | None = None, **variables: Any) -> int:
    return estimate(SCHEMA, Operation(parse(document), operation_name, variables), LIST_SIZE)


NESTED = """researcher(id: "A1") { coauthors(first: 100) { edges { node {
  coauthors(first: 100) { edges { node { coauthors(first: 100) { edges { node { name } } } } } }
} } } }"""


def test_a_single_field_counts_one_value() -> None:
    assert cost('{ paper(id: "W1") { title } }') == 2


def test_page_sizes_multiply_along_a_path() -> None:
    # researcher, coauthors, edges, then per edge: node and name
    assert cost('{ researcher(id: "A1") { coauthors(first: 10) { edges { node { name } } } } }') \
        == 3 + 10 * 2
    assert cost("{" + NESTED + "}") > 100 ** 3


def test_every_alias_counts() -> None:
    one = cost("{" + NESTED + "}")
    aliased = "{" + " ".join(f"a{i}: {NESTED}" for i in range(30)) + "}"
    assert cost(aliased) == 30 * one


def test_named_and_inline_fragments_count_where_they_are_spread() -> None:
    plain = cost('{ researcher(id: "A1") { coauthors(first: 10) { edges { node { name } } } } }')
    named = cost("""{ researcher(id: "A1") { ...people } }
      fragment people on Researcher { coauthors(first: 10) { edges { node { name } } } }""")
    inline = cost("""{ node(id: "A1") { ... on Researcher {
      coauthors(first: 10) { edges { node { name } } } } } }""")
    assert named == plain
    assert inline == plain
    twice = cost("""{ researcher(id: "A1") { ...people ...people } }
      fragment people on Researcher { coauthors(first: 10) { edges { node { name } } } }""")
    assert twice == 2 * plain - 1


def test_variable_values_then_variable_defaults_then_argument_defaults_give_the_size() -> None:
    document = """query ($n: Int = 50) { researcher(id: "A1") {
      coauthors(first: $n) { edges { node { name } } } } }"""
    assert cost(document, n=10) == 3 + 10 * 2
    assert cost(document) == 3 + 50 * 2
    # coauthors' own default is 25
    assert cost('{ researcher(id: "A1") { coauthors { edges { node { name } } } } }') \
        == 3 + 25 * 2


def test_lists_without_a_page_size_count_the_default_size() -> None:
    suggestions = """{ researcher(id: "A1") { suggestedCollaborators(first: 10) {
      via { name } } } }"""
    assert cost(suggestions) == 2 + 10 * (1 + LIST_SIZE * 1)
    assert cost('{ paper(id: "W1") { categories } }') == 2  # a list of scalars is one value


def test_a_list_of_suggestions_under_a_list_multiplies() -> None:
    inner = "suggestedCollaborators(first: 100) { researcher { name } }"
    document = ('{ researcher(id: "A1") { coauthors(first: 100) { edges { node { '
                + inner + " } } } } }")
    assert cost(document) > 100 * 100 * 2


def test_neighbourhood_counts_limit_per_type_once_per_wanted_type() -> None:
    one_type = cost("""{ neighbourhood(id: "A1", types: [RESEARCHER], limitPerType: 10) {
      nodes { id } } }""")
    all_types = cost('{ neighbourhood(id: "A1", limitPerType: 10) { nodes { id } } }')
    assert one_type == 2 + 11 * 1
    assert all_types == 2 + 51 * 1


def test_only_the_named_operation_counts() -> None:
    document = """query Small { paper(id: "W1") { title } }
                  query Big { """ + NESTED + " }"
    assert cost(document, "Small") == 2
    assert cost(document, "Big") > 100 ** 3


@pytest.mark.parametrize("document", [
    "{ __schema { types { fields { args { name } } } } }",
    '{ __type(name: "Researcher") { fields { name } } }',
])
def test_introspection_counts_one_value(document: str) -> None:
    assert cost(document) == 1


def test_the_profile_page_of_the_readme_is_far_below_the_anonymous_budget() -> None:
    profile = """query Profile($id: ID!) { researcher(id: $id) {
      name orcid
      trust { score tier verificationLevel claimed }
      metrics { works citations hIndex i10Index followers topics closeCollaborators novelty }
      topics(first: 3) { share topic { name } }
      coauthors(first: 2) { totalCount edges { sharedWorks firstYear lastYear node { name } } } }
    }"""
    assert cost(profile, id="A1") < Settings().cost_budget / 100


def test_an_abstract_weighs_more_than_a_name() -> None:
    papers = '{ researcher(id: "A1") { papers(first: 10) { edges { node { %s } } } } }'
    assert cost(papers % "title") == 3 + 10 * 2
    assert cost(papers % "abstract") == 3 + 10 * (1 + 20)
