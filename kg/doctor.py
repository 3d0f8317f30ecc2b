"""`kg doctor`: what this machine needs to run the project, checked one by one, each problem
with what to do about it. Nothing is changed; every check runs even when an earlier one fails.

    java     a JDK 17 or 21 for the local Neo4j (not needed where a Docker engine runs it)
    maven    Neo4j's jars cached, or Maven to fetch them once
    ports    Neo4j's Bolt and HTTP ports and the API's port: free, or held by the right server
    neo4j    the database answers with these credentials
    schema   every constraint and index of schema/ is in the database
    npm      Node.js, the explorer's packages and the GraphiQL bundle
"""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass

from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.errors import GraphAuthFailed, KgError
from kg.resources import graphiql_dist, project_dir
from kg.server.control import docker_engine_answers
from kg.server.local import LocalServer, LocalServerError, find_java_home, port_answers


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        text = f"{mark} {self.name:<7} {self.detail}"
        return text if self.ok else f"{text}\n     {'':<7} -> {self.fix}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def run(settings: Settings, api_port: int = 8000) -> list[Check]:
    docker = docker_engine_answers()
    graph_checks = _graph_checks(settings)
    neo4j_up = graph_checks[0].ok  # asked once: each try on a squatted port waits ten seconds
    return [_java(settings, docker), _maven(settings, docker),
            *_ports(settings, api_port, neo4j_up), *graph_checks, _npm()]


def _java(settings: Settings, docker: bool) -> Check:
    try:
        home = find_java_home(settings.java_home)
    except LocalServerError as exc:
        if docker:
            return Check("java", True, "none found; not needed: a Docker engine runs Neo4j")
        return Check("java", False, str(exc),
                     "apt-get install openjdk-17-jre-headless (or set KG_JAVA_HOME to a JDK "
                     "17 or 21)")
    return Check("java", True, f"JDK at {home}")


def _maven(settings: Settings, docker: bool) -> Check:
    server = LocalServer(settings)
    if (server.lib_dir / ".complete").is_file():
        return Check("maven", True, f"Neo4j {server.version} jars cached in {server.lib_dir}")
    if shutil.which("mvn"):
        return Check("maven", True, "mvn found; `kg db start` fetches Neo4j's jars once")
    if docker:
        return Check("maven", True, "no mvn; not needed: a Docker engine runs Neo4j")
    return Check("maven", False, "no mvn and no cached Neo4j jars",
                 "apt-get install maven (it fetches Neo4j's jars from Maven Central once)")


def _ports(settings: Settings, api_port: int, neo4j_up: bool) -> list[Check]:
    checks = []
    for what, port in (("Bolt", settings.bolt_port), ("HTTP", settings.neo4j_http_port)):
        if not settings.is_local:
            continue
        if not port_answers("127.0.0.1", port):
            checks.append(Check("ports", True, f"Neo4j {what} port {port} free"))
        elif neo4j_up:
            checks.append(Check("ports", True, f"Neo4j {what} port {port} held by Neo4j"))
        else:
            checks.append(Check(
                "ports", False, f"Neo4j {what} port {port} is taken and no Neo4j answers there",
                f"stop the program on port {port}, or choose another port "
                f"({'NEO4J_URI' if what == 'Bolt' else 'NEO4J_HTTP_PORT'})"))
    if not port_answers("127.0.0.1", api_port):
        checks.append(Check("ports", True, f"API port {api_port} free"))
    elif _kg_api_at(api_port):
        checks.append(Check("ports", True, f"API port {api_port} held by the kg API"))
    else:
        checks.append(Check("ports", False, f"API port {api_port} is taken by another program",
                            f"stop it, or serve elsewhere: kg serve --port {api_port + 1} "
                            f"(./dev up: KG_API_PORT={api_port + 1})"))
    return checks


def _kg_api_at(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return json.load(answer) == {"status": "ok"}
    except (OSError, ValueError, urllib.error.URLError):
        return False


def _graph_checks(settings: Settings) -> list[Check]:
    try:
        with Graph(settings, retry_seconds=0) as graph:
            graph.verify()
            graph.read("admin/ping")
            missing = schema.declared() - schema.in_database(graph)
    except KgError as exc:
        return [Check("neo4j", False, str(exc), _neo4j_fix(settings, exc)),
                Check("schema", False, "not checked: Neo4j does not answer",
                      "once Neo4j answers: kg schema apply")]
    checks = [Check("neo4j", True, f"answers at {settings.neo4j_uri}")]
    if missing:
        names = ", ".join(sorted(item.name for item in missing))
        checks.append(Check("schema", False, f"{len(missing)} missing: {names}",
                            "kg schema apply"))
    else:
        checks.append(Check("schema", True,
                            f"all {len(schema.declared())} constraints and indexes present"))
    return checks


def _neo4j_fix(settings: Settings, exc: KgError) -> str:
    if isinstance(exc, GraphAuthFailed):
        return "set NEO4J_USER / NEO4J_PASSWORD to the database's credentials"
    if settings.is_local:
        return "kg db start (or ./dev up)"
    return f"check that {settings.neo4j_uri} is reachable from here"


def _npm() -> Check:
    build = "./dev up (or: npm ci --prefix explorer; npm ci --prefix graphiql && " \
            "npm run build --prefix graphiql)"
    problems = []
    if not shutil.which("npm"):
        problems.append("npm (Node.js) not found")
    try:
        cytoscape = project_dir("explorer") / "node_modules" / "cytoscape" / "dist"
        if not cytoscape.is_dir():
            problems.append("the explorer's packages are not installed")
    except FileNotFoundError:
        problems.append("explorer/ is missing")
    if not (graphiql_dist() / "index.html").is_file():
        problems.append("GraphiQL is not built")
    if problems:
        fix = "install Node.js 18+ (apt-get install npm), then " + build \
            if not shutil.which("npm") else build
        return Check("npm", False, "; ".join(problems), fix)
    return Check("npm", True, "explorer packages installed, GraphiQL built")
