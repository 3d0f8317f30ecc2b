"""What the tests and the benchmarks share, importable from the checkout (never shipped in the
wheel): data-set locations, scratch Neo4j servers on free ports, the census and fingerprints
that say two graphs are equal, the independent computations from raw files, rank correlation,
and the census queries of `testkit/queries/`."""
