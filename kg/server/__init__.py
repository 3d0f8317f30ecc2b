"""The local Neo4j: provisioned from Maven Central jars and run on loopback (`local`), or the
compose service when a Docker engine answers (`control` chooses)."""
