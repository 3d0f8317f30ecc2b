"""The `kg` command. Every failure the project foresees is printed as one line, with exit status 1.

    kg db start|stop|status [--local|--docker]
    kg db backup|restore FILE [--local]
    kg schema apply
    kg ingest FORMAT FILE... [--batch-size N] [--rejects PATH] [--bulk]
    kg derive --full
    kg user create --email E [--name N] [--admin]
    kg cypher "MATCH ..." [--params JSON]
    kg trust compute
    kg export graphml|csv OUT [--around ID --depth N]
    kg doctor [--api-port P]
    kg serve [--host H] [--port P] [--workers N]   (default: one worker per core)

`kg ingest` exits 0 when every record landed, 2 when some were rejected (the rest landed; see
the rejects file), 1 when nothing could be read or the database failed. Every command that
prints a summary prints it as one JSON object instead with `--json`; the long ones (ingest,
derive, trust, export) show progress with rate and ETA on a terminal.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg import accounts, config, cypher, doctor, export, progress, trust
from kg.config import Settings
from kg.db import schema, statistics
from kg.db.graph import Graph
from kg.errors import BadInput, GraphUnavailable, KgError
from kg.ingest import bulk, derive, readmodel
from kg.ingest.formats import FORMATS
from kg.ingest.lines import ReadLimits
from kg.ingest.pipeline import Format, ingest_file
from kg.ingest.rejects import rejects_path_for
from kg.server.control import database_server, stopped_local_server, wait_until_ready
from kg.server.local import LocalServer

Handler = Callable[[argparse.Namespace, Settings], int]


def emit(args: argparse.Namespace, text: str, data: dict[str, Any]) -> None:
    """The command's summary: `text` for a person, or `data` as one JSON line with --json."""
    print(json.dumps(data, ensure_ascii=False, default=str) if args.json else text)


def db_start(args: argparse.Namespace, settings: Settings) -> int:
    server = database_server(settings, args.mode)
    started_at = time.monotonic()
    started = server.start()
    wait_until_ready(settings)
    info = server.info()
    verb = "started" if started else "already running"
    seconds = time.monotonic() - started_at
    emit(args, f"Neo4j {verb} ({info.kind}) in {seconds:.1f}s: {info.bolt}\n"
               f"  Browser {info.browser}  user {settings.neo4j_user}  ({info.detail})",
         {"started": started, "kind": info.kind, "bolt": info.bolt, "browser": info.browser,
          "user": settings.neo4j_user, "seconds": round(seconds, 1)})
    return 0


def db_stop(args: argparse.Namespace, settings: Settings) -> int:
    server = database_server(settings, args.mode)
    stopped = server.stop()
    emit(args, "Neo4j stopped" if stopped else "Neo4j was not running", {"stopped": stopped})
    return 0


def db_status(args: argparse.Namespace, settings: Settings) -> int:
    info = database_server(settings, args.mode).info()
    state = "running" if info.running else "stopped"
    emit(args, f"Neo4j {state} ({info.kind}): {info.bolt}  Browser {info.browser}  "
               f"({info.detail})",
         {"running": info.running, "kind": info.kind, "bolt": info.bolt,
          "browser": info.browser, "detail": info.detail})
    return 0 if info.running else 3


def db_backup(args: argparse.Namespace, settings: Settings) -> int:
    target = args.file.resolve()
    if not target.parent.is_dir():
        raise BadInput(f"no such folder: {target.parent}")
    with stopped_local_server(settings, args.mode, print) as server:
        server.dump(settings.neo4j_database, target)
    print(f"backed up database {settings.neo4j_database!r} to {target} "
          f"({target.stat().st_size:,} bytes)")
    return 0


def db_restore(args: argparse.Namespace, settings: Settings) -> int:
    source = args.file.resolve()
    if not source.is_file():
        raise BadInput(f"no such file: {source}")
    with stopped_local_server(settings, args.mode, print) as server:
        server.load(settings.neo4j_database, source)
    print(f"restored database {settings.neo4j_database!r} from {source}")
    return 0


def schema_apply(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        dropped = schema.apply(graph)
        derive.key_pairs(graph)
        topics, researchers = readmodel.store_missing_rankings(graph)
        present = schema.in_database(graph)
    missing = schema.declared() - present
    if missing:
        raise KgError(f"schema incomplete after apply: {sorted(i.name for i in missing)}")
    count = len(schema.declared())
    retired = f"; dropped {', '.join(dropped)} (no longer declared)" if dropped else ""
    counted = (f"; rankings counted for {topics} topics and {researchers} researchers"
               if topics or researchers else "")
    emit(args, f"schema applied: {count} constraints and indexes present{retired}{counted}",
         {"present": count, "dropped": dropped,
          "rankings_counted": {"topics": topics, "researchers": researchers}})
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
            bar = progress.IngestBar(f"{fmt.name} {path.name}", path,
                                     progress.wanted(args.json))
            report = ingest_file(graph, path, fmt, batch_size, rejects, bar,
                                 ReadLimits(settings.max_line_bytes, settings.max_json_depth))
            emit(args, report.summary(fmt.name), {
                "format": fmt.name, "file": str(path), "read": report.read,
                "written": report.written, "rejected": report.rejected,
                "seconds": round(report.seconds, 2), "rejects": str(report.rejects_path)})
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
    with Graph.connect(settings) as graph, \
            progress.bar("derive", "node", progress.wanted(args.json)) as bar:
        seconds = derive.rebuild_all(graph, progress.reporter(bar))
        refreshed = statistics.refresh(graph, changed=statistics.LARGE_CHANGE)
    emit(args, f"derived edges and stored figures rebuilt from the facts in {seconds:.1f}s; "
               f"{refreshed.summary()}",
         {"seconds": round(seconds, 2), "statistics_seconds": round(refreshed.seconds, 2),
          "replanned": refreshed.replanned})
    return 0


def user_create(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph:
        user, token = accounts.create_user(graph, args.email, args.name, admin=args.admin)
    role = "admin" if user.is_admin else "user"
    emit(args, f"created {role} {user.email} ({user.id}); API token, shown only this once:\n"
               f"{token}",
         {"id": user.id, "email": user.email, "role": role, "token": token})
    return 0


def cypher_read_only(args: argparse.Namespace, settings: Settings) -> int:
    try:
        params = json.loads(args.params)
    except json.JSONDecodeError as exc:
        raise BadInput(f"--params is not JSON: {exc.msg}") from None
    with Graph.connect(settings) as graph:
        result = cypher.run_read_only(graph, args.query, params, settings.cypher_timeout,
                                      settings.cypher_row_cap, settings.cypher_byte_cap)
    print(json.dumps({"columns": result.columns, "rows": result.rows,
                      "truncated": result.truncated}, indent=2, ensure_ascii=False))
    return 0


def trust_compute(args: argparse.Namespace, settings: Settings) -> int:
    with Graph.connect(settings) as graph, \
            progress.bar("trust", "step", progress.wanted(args.json)) as bar:
        run = trust.compute(graph, progress.reporter(bar))
        refreshed = statistics.refresh(graph, changed=run.written)
    levels = ", ".join(f"L{level} {n}" for level, n in sorted(run.researchers_by_level.items()))
    state = "converged" if run.converged else "stopped at the iteration limit"
    emit(args, f"trust computed in {run.seconds:.1f}s: {run.iterations} iterations ({state}, "
               f"last L1 change {run.change:.1e}); {run.seeds} seeds among {run.walk_nodes} "
               f"walk nodes, {run.written} changed and written; researchers {levels}; "
               f"{refreshed.summary()}",
         {"seconds": round(run.seconds, 2), "iterations": run.iterations,
          "converged": run.converged, "change": run.change, "seeds": run.seeds,
          "walk_nodes": run.walk_nodes, "written": run.written,
          "researchers_by_level": {f"L{k}": v for k, v in sorted(
              run.researchers_by_level.items())},
          "statistics_seconds": round(refreshed.seconds, 2),
          "replanned": refreshed.replanned})
    return 0


def export_graph(args: argparse.Namespace, settings: Settings) -> int:
    if args.depth is not None and args.around is None:
        raise BadInput("--depth needs --around ID")
    label = f"export {args.format}"
    with Graph.connect(settings) as graph, \
            progress.bar(label, "node", progress.wanted(args.json)) as bar:
        report = export.export(graph, args.format, args.out, args.around, args.depth or 1,
                               progress=progress.reporter(bar))
    emit(args, report.summary(), {
        "format": report.format, "paths": [str(p) for p in report.paths],
        "nodes": report.nodes, "edges": report.edges, "seconds": round(report.seconds, 2)})
    return 0


def doctor_checks(args: argparse.Namespace, settings: Settings) -> int:
    checks = doctor.run(settings, args.api_port)
    failed = [check for check in checks if not check.ok]
    verdict = (f"{len(failed)} problem(s)" if failed else "all well")
    emit(args, "\n".join(check.line() for check in checks) + f"\n{verdict}",
         {"ok": not failed, "checks": [check.as_dict() for check in checks]})
    return 1 if failed else 0


# uvicorn kills a worker that does not answer its supervisor's ping within this many seconds
# (default 5): on a starved machine a worker still importing the app, or busy, missed it and was
# killed and restarted over and over, dropping the connections it served.
WORKER_HEALTHCHECK_SECONDS = 60


def serve_log_config() -> dict[str, Any]:
    """uvicorn's logging with the app's JSON access line (logger `api.access`) on stdout in place of
    uvicorn's plain one: without a handler of its own the JSON line was never written."""
    from uvicorn.config import LOGGING_CONFIG

    log_config = copy.deepcopy(LOGGING_CONFIG)
    log_config["formatters"]["line"] = {"format": "%(message)s"}
    log_config["handlers"]["api_access"] = {"formatter": "line", "class": "logging.StreamHandler",
                                            "stream": "ext://sys.stdout"}
    log_config["loggers"]["api.access"] = {"handlers": ["api_access"], "level": "INFO",
                                           "propagate": False}
    return log_config


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    try:
        with Graph.connect(settings):
            pass
    except GraphUnavailable as exc:
        # the app reconnects by itself: serve now, ready (/readyz 200) once Neo4j answers
        print(f"kg: {exc}; serving anyway: requests answer UNAVAILABLE and /readyz 503 until "
              "Neo4j answers", file=sys.stderr)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        log_config=serve_log_config(),
        log_level="info",
        access_log=False,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="research knowledge graph")
    commands = parser.add_subparsers(dest="command", required=True)
    scripted = argparse.ArgumentParser(add_help=False)
    scripted.add_argument("--json", action="store_true",
                          help="print the summary as one JSON object (for scripts)")

    db = commands.add_parser("db", help="the Neo4j server").add_subparsers(
        dest="action", required=True
    )
    for name, handler, text in (
        ("start", db_start, "start Neo4j (compose with Docker, else a local server)"),
        ("stop", db_stop, "stop Neo4j"),
        ("status", db_status, "say whether Neo4j runs and where"),
    ):
        sub = db.add_parser(name, help=text, parents=[scripted])
        mode = sub.add_mutually_exclusive_group()
        mode.add_argument("--local", dest="mode", action="store_const", const="local")
        mode.add_argument("--docker", dest="mode", action="store_const", const="docker")
        sub.set_defaults(handler=handler, mode="auto")
    for name, handler, text in (
        ("backup", db_backup, "dump the database to FILE (neo4j-admin database dump; the "
                              "server is stopped meanwhile and started again)"),
        ("restore", db_restore, "replace the database with the dump in FILE (neo4j-admin "
                                "database load; the server is stopped meanwhile)"),
    ):
        sub = db.add_parser(name, help=text)
        sub.add_argument("file", type=Path)
        sub.add_argument("--local", dest="mode", action="store_const", const="local",
                         default="auto")
        sub.set_defaults(handler=handler)

    schema_cmd = commands.add_parser("schema", help="constraints and indexes").add_subparsers(
        dest="action", required=True
    )
    schema_cmd.add_parser("apply", help="apply schema/*.cypher (idempotent)",
                          parents=[scripted]).set_defaults(handler=schema_apply)

    ingest_cmd = commands.add_parser("ingest", help="load records into the graph",
                                     parents=[scripted])
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

    derive_cmd = commands.add_parser("derive", help="rebuild derived edges from the facts",
                                     parents=[scripted])
    derive_cmd.add_argument("--full", action="store_true", required=True)
    derive_cmd.set_defaults(handler=derive_full)

    user_cmd = commands.add_parser("user", help="accounts").add_subparsers(
        dest="action", required=True)
    create = user_cmd.add_parser("create", help="create an account and print its API token once",
                                 parents=[scripted])
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
                         "scores", parents=[scripted]).set_defaults(handler=trust_compute)

    export_cmd = commands.add_parser("export", parents=[scripted],
                                     help="write the graph or a neighbourhood as GraphML or CSV")
    export_cmd.add_argument("format", choices=export.FORMATS)
    export_cmd.add_argument("out", type=Path,
                            help="a .graphml file, or a directory for nodes.csv and edges.csv")
    export_cmd.add_argument("--around", metavar="ID", default=None,
                            help="only the neighbourhood of this node")
    export_cmd.add_argument("--depth", type=int, default=None,
                            help=f"hops from --around (default 1, at most {export.MAX_DEPTH})")
    export_cmd.set_defaults(handler=export_graph)

    doctor_cmd = commands.add_parser("doctor", parents=[scripted],
                                     help="check Java, Maven, ports, Neo4j, the schema and the "
                                          "npm assets; say what to do")
    doctor_cmd.add_argument("--api-port", type=int, default=8000)
    doctor_cmd.set_defaults(handler=doctor_checks)

    serve_cmd = commands.add_parser("serve", help="serve the API with uvicorn")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                           help="uvicorn worker processes (default: the machine's cores)")
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
