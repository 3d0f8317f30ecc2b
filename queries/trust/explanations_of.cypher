// trust/explanations_of: for each researcher, the score components and the trust that flowed in
// from each neighbour in the last step of the walk: $damping * value * edge weight / out-weight
// of the neighbour, largest first (ties by id), the first $top of them and the total over all
// neighbours. Unknown ids are left out.
// The network component is stored; the other three follow from the level, works and citations
// returned here (kg/trust.py).
// Returns: id, score, from_network, verification_level, works, citations, total_inflow,
//          top_inflows [{id, name, kind, inflow}]
/*
:params {researcher_ids: ["A5023888391"], damping: 0.85, affiliation_weight: 0.25, top: 5}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[e:COAUTHOR|AFFILIATED_WITH]-(n)
  WHERE n.trust_out_weight > 0
  WITH n, $damping * n.trust_propagated
          * CASE type(e) WHEN 'COAUTHOR' THEN e.works ELSE $affiliation_weight END
          / n.trust_out_weight AS inflow
  ORDER BY inflow DESC, n.id
  RETURN sum(inflow) AS total_inflow,
         collect({id: n.id, name: n.name, inflow: inflow,
                  kind: CASE WHEN n:Researcher THEN 'researcher' ELSE 'institution' END}) AS inflows
}
RETURN r.id AS id, r.trust_score AS score, r.trust_from_network AS from_network,
       r.verification_level AS verification_level, r.works AS works, r.citations AS citations,
       total_inflow, inflows[0..$top] AS top_inflows
