// trust/score_all: turns the propagated trust and own evidence of the given researchers (by
// internal id, a chunk of all, so one transaction stays small) into a 0-100 score and a tier.
// Points: network = $network_points * max(0, 1 + log10(propagated / $highest) / $network_decades),
// where $highest is the highest propagated trust of any researcher;
// verification = $verification_points * level / 3;
// works = $works_points * min(1, log10(1 + works) / log10(1 + $works_full)); citations likewise
// with $citations_full (a work's citations: max(cited_by_count, CITES edges into it)). Works and
// citations are the researcher's stored figures (the read model keeps them exact: same
// definitions), so no researcher's papers are visited.
// score = round(sum of points); tier = the first of $tiers whose min_score the score reaches.
// Returns: researchers, mean_score
/*
:params {nodes: [0], highest: 0.01, network_points: 60.0, network_decades: 2.0, verification_points: 20.0, works_points: 10.0, works_full: 100, citations_points: 10.0, citations_full: 10000, tiers: [{name: "Exemplary", min_score: 75}, {name: "Trusted", min_score: 50}, {name: "Established", min_score: 25}, {name: "Emerging", min_score: 0}]}
*/
UNWIND $nodes AS node
MATCH (r:Researcher)
WHERE id(r) = node
WITH r, coalesce(r.works, 0) AS works, coalesce(r.citations, 0) AS citations,
     CASE WHEN $highest > 0 AND r.trust_propagated > 0
          THEN 1 + log10(r.trust_propagated / $highest) / $network_decades ELSE 0.0 END AS closeness
WITH r,
     $network_points * CASE WHEN closeness > 0 THEN closeness ELSE 0.0 END AS network,
     $verification_points * coalesce(r.verification_level, 0) / 3.0 AS verification,
     $works_points * log10(1 + works) / log10(1 + $works_full) AS works_scaled,
     $citations_points * log10(1 + citations) / log10(1 + $citations_full) AS citations_scaled
WITH r, network, verification,
     CASE WHEN works_scaled > $works_points THEN $works_points ELSE works_scaled END AS works,
     CASE WHEN citations_scaled > $citations_points THEN $citations_points ELSE citations_scaled END AS citations
WITH r, network, verification, works, citations,
     toInteger(round(network + verification + works + citations)) AS score
SET r.trust_from_network = network, r.trust_from_verification = verification,
    r.trust_from_works = works, r.trust_from_citations = citations,
    r.trust_score = score, r.trust_tier = head([t IN $tiers WHERE score >= t.min_score | t.name])
RETURN count(r) AS researchers, avg(score) AS mean_score
