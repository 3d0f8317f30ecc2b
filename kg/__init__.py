"""The research knowledge graph: the graph domain library.

Services (`accounts`, `coauthorship`, `topics`, `trust`, `metrics`, `neighbourhood`, `search`,
`papers`, `nodes`, `institutions`) are plain functions over a `kg.db.graph.Graph`; they run named
queries from `queries/<area>/` and return small dataclasses. Below them, `kg.db` is the only code
that touches the driver or neomodel; beside them, `kg.ingest` loads source files and `kg.server`
provisions a local Neo4j. `config`, `errors`, `vocabulary` and `paging` are shared by all.
"""
