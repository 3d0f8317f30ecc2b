"""The driver layer: the Neo4j driver (`graph`), the named-query loader (`queries`), the
constraints and indexes (`schema`) and the neomodel classes (`models`). The only package that
imports `neo4j` or `neomodel`."""
