"""Hostile values for every kind of GraphQL argument, and the checks every answer must pass.

The strategies plug into hypothesis-graphql as `custom_scalars`, so every String, ID, Int and
Date argument of a generated document draws from them: real idb03 ids (so resolvers go deep),
injection attempts, forged cursors, Lucene syntax, very long and odd unicode strings, NUL bytes."""

from __future__ import annotations

import base64
import json
from typing import Any

import graphql
from hypothesis import strategies as st

from kg.resources import project_dir

SDL = (project_dir("schema") / "schema.graphql").read_text(encoding="utf-8")
STABLE_CODES = {"NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "BAD_INPUT", "QUERY_TOO_COMPLEX",
                "UNAVAILABLE", "TIMEOUT", "QUERY_MEMORY", "TERMINATED"}

# From the first idb03 work: a paper, its authors, an institution, topics and its journal.
REAL_IDS = ["W2181906270", "A5103059223", "A5002041459", "A5061640324", "I47508984",
            "I4210143841", "T10965", "T10577", "S36808561", "subfields/1906"]


def _cursor(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


INJECTIONS = [
    '"}) MATCH (n) DETACH DELETE n //',
    "'}) MATCH (n) DETACH DELETE n //",
    "W2181906270'}) DETACH DELETE n RETURN 1 //",
    "' OR 1=1 --",
    '" OR ""="',
    "x` DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "CALL dbms.components() YIELD name RETURN name",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "$researcher_id",
    "*:*",
    "title:(rock OR basin)^10 AND NOT salt~2",
    "AND OR NOT",
    "[a TO z] {a TO z}",
    "/.*/",
    "\\",
    '"unterminated',
    "+-&&||!(){}[]^\"~*?:\\/",
    "?*",
    "",
    " \t\n ",
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "😀🔥 ünïcødé 日本語 العربية",
    "${jndi:ldap://127.0.0.1/x}",
    "<script>alert(1)</script>",
    "x" * 10_000,
    "geology " * 2_000,
    # forged cursors: valid base64 JSON this service never issued
    _cursor([None, None]),
    _cursor(["' OR 1=1", "x"]),
    _cursor([1e308, -1e308]),
    _cursor([{"$gt": ""}, [1, 2]]),
    _cursor([1, 2, 3]),
    _cursor("W2181906270"),
    _cursor([10**30, 10**30]),
    _cursor([10**30, 10**30, "2020-01-01", "W2181906270"]),
    _cursor([{"a": 1}, [1], None, "W2181906270"]),
    _cursor({"works": 10**30, "recency": -(10**30), "id": "A5002041459"}),
    _cursor([10**30, 0.5, "T10965"]),
    "WzEsIE5hTiwgIlQxIl0=",  # [1, NaN, "T1"]
    "%%%not-base64%%%",
]


def string_node(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def hostile_strings() -> st.SearchStrategy[str]:
    return st.sampled_from(INJECTIONS) | st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def custom_scalars() -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    # mostly in range, so most documents run; one in ten at an edge or far out of it
    ints = st.integers(0, 9).flatmap(lambda n: st.sampled_from(
        [0, -1, 101, 10**9, 2**31 - 1, -(2**31)]) if n == 0 else st.integers(1, 30))
    dates = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(
        ["2020-13-45", "yesterday", "", "0000-00-00"])
    return {
        "String": hostile_strings().map(string_node),
        "ID": (st.sampled_from(REAL_IDS) | hostile_strings()).map(string_node),
        "Int": ints.map(lambda i: graphql.IntValueNode(value=str(i))),
        "Date": dates.map(string_node),
    }


def error_codes(body: dict[str, Any]) -> list[str]:
    """The codes of an answer's errors, after checking each error is coded and not masked."""
    codes = []
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code in STABLE_CODES, f"error without a stable code: {error}"
        assert error.get("message") != "Unexpected error.", error
        codes.append(code)
    return codes
