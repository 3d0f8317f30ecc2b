"""The `kg` command. Every failure the project foresees is printed as one line, with exit status 1.

    kg db start|stop|status [--local|--docker]
    kg schema apply
    kg ingest FORMAT FILE... [--batch-size N] [--rejects PATH] [--bulk]
    kg derive --full
    kg user create --email E [--name N] [--admin]
    kg cypher "MATCH ..." [--params JSON]
    kg trust compute
    kg serve [--host H] [--port P] [--workers N]

`kg ingest` exits 0 when every record landed, 2 when some were rejected (the rest landed; see
the rejects file), 1 when nothing could be read or the database failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kg import accounts, config, cypher, trust
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.errors import BadInput, KgError
from kg.ingest import bulk, derive
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import Format, Progress, ingest_file
from kg.ingest.rejects import rejects_path_for
from kg.server.control import database_server, wait_until_ready
from kg.server.local import LocalServer

Handler = Callable[[argparse.Namespace, Settings], int]


def db_start(args: argparse.Namespace, settings: Settings) -> int:
    server = database_server(settings, args.mode)
    started_at = time.monotonic()
    started = server.start()
    wait_until_ready(settings)
    info = server.info()
    verb = "started" if started else "already running"
    print(f"Neo4j {verb} ({info.kind}) in {time.monotonic() - started_at:.1f}s: {info.bolt}")
    print(f"  Browser {info.browser}  user {settings.neo4j_user}  ({info.detail})")
    return 0


def db_stop(args: argparse.Namespace, settings: Settings) -> int:
    server = database_server(settings, args.mode)
    print("Neo4j stopped" if server.stop() else "Neo4j was not running")
    return 0


def db_status(args: argparse.Namespace, settings: Settings) -> int:
    info = database_server(settings, args.mode).info()
    state = "running" if info.running else "stopped"
    print(f"Neo4j {state} ({info.kind}): {info.bolt}  Browser {info.browser}  ({info.detail})")
    return 0 if info.running else 3


def schema_apply(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        schema.apply(graph)
        present = schema.in_database(graph)
    missing = schema.declared() - present
    if missing:
        raise KgError(f"schema incomplete after apply: {sorted(i.name for i in missing)}")
    print(f"schema applied: {len(schema.declared())} constraints and indexes present")
    return 0


def ingest(args: argparse.Namespace, settings: Settings) -> int:
    fmt = FORMATS[args.format]
    batch_size = args.batch_size or settings.batch_size
    if args.bulk:
        return ingest_bulk(args, settings, fmt, batch_size)
    status = 0
    with Graph.connect(settings) as graph:
        for path in args.files:
            if not path.is_file():
                print(f"kg: no such file: {path}", file=sys.stderr)
                status = 1
                continue
            rejects = args.rejects or rejects_path_for(path, settings.state_dir)
            progress = Progress(f"{fmt.name} {path.name}")
            report = ingest_file(graph, path, fmt, batch_size, rejects, progress)
            print(report.summary(fmt.name))
            if report.read == 0 or report.written == 0 and report.rejected:
                status = 1
            elif report.rejected and status == 0:
                status = 2
    return status


def ingest_bulk(args: argparse.Namespace, settings: Settings, fmt: Format, batch_size: int) -> int:
    missing = [path for path in args.files if not path.is_file()]
    if missing:
        print(f"kg: no such file: {missing[0]}", file=sys.stderr)
        return 1
    report = bulk.bulk_load(
        settings, LocalServer(settings), fmt, args.files,
        lambda path: args.rejects or rejects_path_for(path, settings.state_dir),
        batch_size, settings.state_dir / "bulk-import",
    )
    print(report.summary(fmt.name))
    if report.written == 0:
        return 1
    return 2 if report.rejected else 0


def derive_full(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        seconds = derive.rebuild_all(graph)
    print(f"derived edges rebuilt from the facts in {seconds:.1f}s")
    return 0


def user_create(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        user, token = accounts.create_user(graph, args.email, args.name, admin=args.admin)
    role = "admin" if user.is_admin else "user"
    print(f"created {role} {user.email} ({user.id}); API token, shown only this once:")
    print(token)
    return 0


def cypher_read_only(args: argparse.Namespace, settings: Settings) -> int:
    try:
        params = json.loads(args.params)
    except json.JSONDecodeError as exc:
        raise BadInput(f"--params is not JSON: {exc.msg}") from None
    with Graph.connect(settings) as graph:
        result = cypher.run_read_only(graph, args.query, params, settings.cypher_timeout,
                                      settings.cypher_row_cap)
    print(json.dumps({"columns": result.columns, "rows": result.rows,
                      "truncated": result.truncated}, indent=2, ensure_ascii=False))
    return 0


def trust_compute(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        run = trust.compute(graph)
    levels = ", ".join(f"L{level} {n}" for level, n in sorted(run.researchers_by_level.items()))
    state = "converged" if run.converged else "stopped at the iteration limit"
    print(f"trust computed in {run.seconds:.1f}s: {run.iterations} iterations ({state}, "
          f"last L1 change {run.change:.1e}); {run.seeds} seeds among {run.walk_nodes} walk "
          f"nodes; researchers {levels}")
    return 0


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    with Graph.connect(settings):
        pass
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="research knowledge graph")
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="the Neo4j server").add_subparsers(
        dest="action", required=True
    )
    for name, handler, text in (
        ("start", db_start, "start Neo4j (compose with Docker, else a local server)"),
        ("stop", db_stop, "stop Neo4j"),
        ("status", db_status, "say whether Neo4j runs and where"),
    ):
        sub = db.add_parser(name, help=text)
        mode = sub.add_mutually_exclusive_group()
        mode.add_argument("--local", dest="mode", action="store_const", const="local")
        mode.add_argument("--docker", dest="mode", action="store_const", const="docker")
        sub.set_defaults(handler=handler, mode="auto")

    schema_cmd = commands.add_parser("schema", help="constraints and indexes").add_subparsers(
        dest="action", required=True
    )
    schema_cmd.add_parser("apply", help="apply schema/*.cypher (idempotent)").set_defaults(
        handler=schema_apply
    )

    ingest_cmd = commands.add_parser("ingest", help="load records into the graph")
    ingest_cmd.add_argument("format", choices=sorted(FORMATS))
    ingest_cmd.add_argument("files", nargs="+", type=Path)
    ingest_cmd.add_argument("--batch-size", type=int, default=None,
                            help="records per write transaction (default KG_BATCH_SIZE)")
    ingest_cmd.add_argument("--rejects", type=Path, default=None,
                            help="rejects file (default <input>.rejects.jsonl)")
    ingest_cmd.add_argument("--bulk", action="store_true",
                            help="initial load of an EMPTY database through neo4j-admin's "
                                 "offline importer (local server; OpenAlex works)")
    ingest_cmd.set_defaults(handler=ingest)

    derive_cmd = commands.add_parser("derive", help="rebuild derived edges from the facts")
    derive_cmd.add_argument("--full", action="store_true", required=True)
    derive_cmd.set_defaults(handler=derive_full)

    user_cmd = commands.add_parser("user", help="accounts").add_subparsers(
        dest="action", required=True)
    create = user_cmd.add_parser("create", help="create an account and print its API token once")
    create.add_argument("--email", required=True)
    create.add_argument("--name", default=None)
    create.add_argument("--admin", action="store_true")
    create.set_defaults(handler=user_create)

    cypher_cmd = commands.add_parser("cypher", help="run read-only Cypher, print JSON")
    cypher_cmd.add_argument("query")
    cypher_cmd.add_argument("--params", default="{}", help="parameters as a JSON object")
    cypher_cmd.set_defaults(handler=cypher_read_only)
    trust_cmd = commands.add_parser("trust", help="trust propagation").add_subparsers(
        dest="action", required=True
    )
    trust_cmd.add_parser("compute", help="recompute verification levels, propagation and "
                         "scores").set_defaults(handler=trust_compute)

    serve_cmd = commands.add_parser("serve", help="serve the API with uvicorn")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--workers", type=int, default=1)
    serve_cmd.set_defaults(handler=serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The driver logs each retry and each dropped connection (warnings, errors); a failure that
    # outlasts its retries is reported below, as one line.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        settings = config.from_env()
        handler: Handler = args.handler
        return handler(args, settings)
    except KgError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
