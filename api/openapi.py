"""The OpenAPI 3.1 document of the plain JSON endpoints, served at /api/openapi.json. Kept by
hand beside api/rest.py; tests/e2e/test_openapi.py checks that it names every /api route of the
app and that real responses (successes and each documented error) match its schemas."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.errors import CODES

NODE_TYPES = ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE"]
ERROR_CODES = sorted({code for _, code, _ in CODES} | {"INTERNAL"})


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {"error": {
            "type": "object", "required": ["code", "message"], "additionalProperties": False,
            "properties": {"code": {"type": "string", "enum": ERROR_CODES},
                           "message": {"type": "string"},
                           "requestId": {"type": "string",
                                         "description": "also in the X-Request-ID header"}},
        }},
    },
    "NodeData": {
        "type": "object",
        "required": ["id", "type", "label", "weight"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "examples": ["A5085007251"]},
            "type": {"type": "string", "enum": NODE_TYPES},
            "label": {"type": ["string", "null"]},
            "weight": {"type": "number"},
        },
    },
    "EdgeData": {
        "type": "object",
        "required": ["id", "source", "target", "type", "weight"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "source": {"type": "string"},
            "target": {"type": "string"},
            "type": {"type": "string", "examples": ["COAUTHOR", "AUTHORED", "HAS_TOPIC"]},
            "weight": {"type": "number"},
        },
    },
    "NeighbourhoodElements": {
        "type": "object",
        "description": "Cytoscape.js elements, plus per capped type how many were left out.",
        "required": ["elements", "truncated"],
        "additionalProperties": False,
        "properties": {
            "elements": {
                "type": "object", "required": ["nodes", "edges"], "additionalProperties": False,
                "properties": {
                    "nodes": {"type": "array", "items": {
                        "type": "object", "required": ["data"], "additionalProperties": False,
                        "properties": {"data": _ref("NodeData")}}},
                    "edges": {"type": "array", "items": {
                        "type": "object", "required": ["data"], "additionalProperties": False,
                        "properties": {"data": _ref("EdgeData")}}},
                },
            },
            "truncated": {"type": "array", "items": {
                "type": "object", "required": ["type", "remaining", "remainingAtMost", "exact"],
                "additionalProperties": False,
                "properties": {
                    "type": {"type": "string", "enum": NODE_TYPES},
                    "remaining": {"type": "integer", "minimum": 0, "description":
                                  "nodes of this type left out; a lower bound unless exact"},
                    "remainingAtMost": {"type": "integer", "minimum": 1, "description":
                                        "an upper bound; equals remaining when exact"},
                    "exact": {"type": "boolean", "description":
                              "remaining is the exact count (always at depth 1)"}}}},
        },
    },
    "CypherRequest": {
        "type": "object",
        "required": ["query"],
        "properties": {
            "query": {"type": "string", "examples": ["MATCH (p:Paper) RETURN count(p) AS n"]},
            "params": {"type": "object"},
        },
    },
    "CypherResult": {
        "type": "object",
        "required": ["columns", "rows", "truncated", "ms"],
        "additionalProperties": False,
        "properties": {
            "columns": {"type": "array", "items": {"type": "string"}},
            "rows": {"type": "array", "description": "one object a row, keyed by column",
                     "items": {"type": "object"}},
            "truncated": {"type": "boolean", "description": "the row cap cut the result"},
            "ms": {"type": "number"},
        },
    },
    "Status": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string", "enum": ["ok", "ready", "unavailable"]},
                       "reason": {"type": "string"}},
    },
}

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "kg plain JSON endpoints",
        "version": "1",
        "description": "For clients that do not speak GraphQL (which is at /graphql). Errors "
                       "carry the same stable codes as GraphQL's extensions.code.",
    },
    "paths": {
        "/api/neighbourhood/{id}": {"get": {
            "operationId": "neighbourhood",
            "summary": "A node's neighbourhood as Cytoscape.js elements",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "depth", "in": "query", "schema": {"type": "integer", "default": 1,
                                                             "minimum": 1, "maximum": 2}},
                {"name": "types", "in": "query", "description": "comma-separated node types",
                 "schema": {"type": "string", "examples": ["RESEARCHER,PAPER"]}},
                {"name": "limit", "in": "query", "description": "nodes per type at most",
                 "schema": {"type": "integer", "default": 25, "minimum": 1}},
                {"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {**_json(_ref("NeighbourhoodElements"), "the neighbourhood"),
                        "headers": {"ETag": {"schema": {"type": "string"}},
                                    "Cache-Control": {"schema": {"type": "string"}}}},
                "304": {"description": "unchanged since the ETag in If-None-Match"},
                "400": _error("BAD_INPUT: a depth, limit or type out of range"),
                "404": _error("NOT_FOUND: no node has this id"),
                "503": _error("UNAVAILABLE: Neo4j cannot be reached"),
            },
        }},
        "/api/cypher": {"post": {
            "operationId": "readOnlyCypher",
            "summary": "Read-only ad-hoc Cypher (admin token; time limit and row cap)",
            "security": [{"bearer": []}],
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": _ref("CypherRequest")}}},
            "responses": {
                "200": _json(_ref("CypherResult"), "the rows"),
                "400": _error("BAD_INPUT: not JSON, no query, or not valid Cypher"),
                "401": _error("UNAUTHENTICATED: no token or an unknown one"),
                "403": _error("FORBIDDEN: the token is not an admin's, or the query writes"),
                "408": _error("TIMEOUT: the query ran past its time limit"),
                "503": _error("UNAVAILABLE: Neo4j cannot be reached"),
            },
        }},
        "/api/openapi.json": {"get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
        }},
        "/healthz": {"get": {
            "operationId": "health",
            "summary": "The process answers",
            "responses": {"200": _json(_ref("Status"), "ok")},
        }},
        "/readyz": {"get": {
            "operationId": "ready",
            "summary": "Neo4j answers too",
            "responses": {"200": _json(_ref("Status"), "ready"),
                          "503": _json(_ref("Status"), "unavailable, with the reason")},
        }},
    },
    "components": {
        "schemas": SCHEMAS,
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                       "description": "an API token from `kg user create`"}},
    },
}


async def openapi_document(request: Request) -> JSONResponse:
    return JSONResponse(DOCUMENT)
