"""Plain JSON endpoints for clients that do not speak GraphQL."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api import request_id
from api.errors import code_and_status, logged, public_message
from api.graphql.context import bearer_token
from kg import accounts, cypher, neighbourhood
from kg.db.graph import Graph
from kg.errors import BadInput, Forbidden, KgError

MAX_PARAMS_DEPTH = 32


def error_response(exc: KgError) -> JSONResponse:
    code, status = code_and_status(exc)
    logged(code, str(exc), exc)
    return JSONResponse({"error": {"code": code, "message": public_message(code, str(exc)),
                                   "requestId": request_id.current()}}, status_code=status)


async def neighbourhood_elements(request: Request) -> Response:
    """GET /api/neighbourhood/{id}?depth=&types=&limit= : the neighbourhood as Cytoscape.js
    elements, with an ETag (a matching If-None-Match gets 304) and a short public max-age."""
    graph: Graph = request.app.state.graph
    try:
        depth = _int_param(request, "depth", 1)
        limit = _int_param(request, "limit", 25)
        types_param = request.query_params.get("types")
        types = None if types_param is None else \
            [t.strip().upper() for t in types_param.split(",") if t.strip()]
        found = await run_in_threadpool(neighbourhood.neighbourhood, graph,
                                        request.path_params["id"], depth, types, limit)
    except KgError as exc:
        return error_response(exc)
    body = json.dumps(cytoscape_elements(found), separators=(",", ":"), sort_keys=True).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=60"}
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


ENTITY_TAG = re.compile(r'\s*(?:(?:W/)?("[^"]*")\s*)?(?:,|$)')


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: `*` matches any current representation; otherwise a
    comma-separated list of entity tags, compared weakly (`W/` ignored). A malformed list
    matches nothing, so the full answer is sent."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    tags, position = set(), 0
    while position < len(if_none_match):
        found = ENTITY_TAG.match(if_none_match, position)
        if found is None:
            return False
        if found[1]:
            tags.add(found[1])
        position = found.end()
    return etag.removeprefix("W/") in tags


def cytoscape_elements(found: neighbourhood.Neighbourhood) -> dict[str, Any]:
    return {
        "elements": {
            "nodes": [{"data": {"id": n.id, "type": n.type, "label": n.label, "weight": n.weight}}
                      for n in found.nodes],
            "edges": [{"data": {"id": e.id, "source": e.source, "target": e.target,
                                "type": e.type, "weight": e.weight}} for e in found.edges],
        },
        "truncated": [{"type": t.type, "remaining": t.remaining,
                       "remainingAtMost": t.remaining_at_most, "exact": t.exact}
                      for t in found.truncated],
    }


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadInput(f"{name} must be an integer") from None


async def read_only_cypher(request: Request) -> JSONResponse:
    """POST /api/cypher {"query": "...", "params": {...}} with an admin token: read-only Cypher."""
    graph: Graph = request.app.state.graph
    settings = request.app.state.settings
    try:
        user = await run_in_threadpool(
            accounts.user_for_token, graph, bearer_token(request.headers.get("authorization")))
        if not accounts.require_user(user).is_admin:
            raise Forbidden("ad-hoc Cypher needs an admin token")
        body = await _json_body(request)
        query = body.get("query")
        if not isinstance(query, str):
            raise BadInput('the body needs a "query" string')
        if _depth(body.get("params")) > MAX_PARAMS_DEPTH:
            raise BadInput(f"params may nest at most {MAX_PARAMS_DEPTH} levels deep")
        result = await run_in_threadpool(
            cypher.run_read_only, graph, query, body.get("params") or {},
            settings.cypher_timeout, settings.cypher_row_cap, settings.cypher_byte_cap)
    except KgError as exc:
        return error_response(exc)
    return JSONResponse({"columns": result.columns, "rows": result.rows,
                         "truncated": result.truncated, "ms": round(result.seconds * 1000, 1)})


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise BadInput("the body is not JSON") from None
    except RecursionError:
        raise BadInput("the body is nested too deeply") from None
    if not isinstance(body, dict):
        raise BadInput("the body must be a JSON object")
    return body


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in a JSON value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item \
            if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_PARAMS_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest
