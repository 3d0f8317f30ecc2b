"""The research knowledge graph: the graph domain library (model, ingest, services)."""
