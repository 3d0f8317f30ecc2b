// ingest/paper_extent: the highest internal node id of a paper (-1 when there is none), so that
// a pass over every paper can go in chunks of internal ids.
// Returns: highest
MATCH (p:Paper)
RETURN coalesce(max(id(p)), -1) AS highest
