// coauthorship/coauthor_pages: one page of co-authors for each requested researcher, most shared works first,
// then the most recent last year (unknown years sort as -1), then id; keyset-paged: `after` is the
// sort key of the last co-author already seen (or null for the first page). Fetch limit = page
// size + 1 to learn whether another page follows.
// Each co-author carries its node as nodes/researchers_by_ids returns it (`node`), so a page
// with its people is one query.
// With $owner, each row also carries its researcher (`owner`) as
// nodes/researchers_with_metrics_by_ids returns it, figures in `owner.metrics`: a profile's
// node, figures and co-authors in one query; without, `owner` is null.
// Returns: researcher_id, total_count, coauthors [{id, name, shared_works, first_year, last_year,
//          recency, node}], owner {id, name, orcid, alt_names, open_to_collaborate, metrics}
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {requests: [{researcher_id: "A5023888391", after: null}], limit: 26, owner: false, shown: {researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}}}
*/
UNWIND $requests AS request
MATCH (r:Researcher {id: request.researcher_id})
CALL (r, request) {
  // COAUTHOR joins researchers only (no label check).
  MATCH (r)-[c:COAUTHOR]-(o)
  WITH o, c, c.works AS works
  WHERE request.after IS NULL
     OR works < request.after.works
     OR (works = request.after.works
         AND (coalesce(c.last_year, -1) < request.after.recency
              OR (coalesce(c.last_year, -1) = request.after.recency
                  AND o.id > request.after.id)))
  WITH o, c, works, coalesce(c.last_year, -1) AS recency
  ORDER BY works DESC, recency DESC, o.id
  LIMIT $limit
  RETURN collect({id: o.id, name: o.name, shared_works: works, first_year: c.first_year,
                  last_year: c.last_year, recency: recency,
                  node: {id: o.id, name: CASE WHEN $shown.researcher.name THEN o.name END,
                         orcid: CASE WHEN $shown.researcher.orcid THEN o.orcid END,
                         alt_names: CASE WHEN $shown.researcher.alt_names
                                    THEN coalesce(o.alt_names, []) END,
                         open_to_collaborate: CASE WHEN $shown.researcher.open_to_collaborate
                                              THEN coalesce(o.open_to_collaborate, false) END}})
         AS coauthors
}
RETURN r.id AS researcher_id, COUNT { (r)-[:COAUTHOR]-() } AS total_count, coauthors,
       CASE WHEN $owner THEN
         {id: r.id, name: CASE WHEN $shown.researcher.name THEN r.name END,
          orcid: CASE WHEN $shown.researcher.orcid THEN r.orcid END,
          alt_names: CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END,
          open_to_collaborate: CASE WHEN $shown.researcher.open_to_collaborate
                               THEN coalesce(r.open_to_collaborate, false) END,
          metrics: {id: r.id, works: coalesce(r.works, 0), citations: coalesce(r.citations, 0),
                    h_index: coalesce(r.h_index, 0), i10_index: coalesce(r.i10_index, 0),
                    followers: coalesce(r.followers, 0), topics: coalesce(r.topics, 0),
                    close_collaborators: coalesce(r.close_collaborators, 0),
                    first_year: r.first_year, last_year: r.last_year,
                    novel_works: coalesce(r.novel_works, 0), novelty: coalesce(r.novelty, 0.0),
                    ai_works: coalesce(r.ai_works, 0), ai_score: coalesce(r.ai_score, 0)}}
       END AS owner
