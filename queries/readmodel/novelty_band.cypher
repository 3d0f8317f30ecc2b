// readmodel/novelty_band: the papers a batch's moves can have flipped (kg/ingest/novelty.py):
// per class, those decided novel whose stored novelty_margin is >= the seek's margin and those
// decided not novel whose margin is < it (`key` = the novelty_class of each), by seeks on the
// composite index paper_novelty_class_margin; at most $limit.
// Returns: id
/*
:params {novel: [{key: 9, margin: -7.6}], plain: [{key: 8, margin: -7.5}], limit: 1000}
*/
CALL () {
  UNWIND $novel AS seek
  MATCH (p:Paper)
  WHERE p.novelty_class = seek.key AND p.novelty_margin >= seek.margin
  RETURN p
  UNION ALL
  UNWIND $plain AS seek
  MATCH (p:Paper)
  WHERE p.novelty_class = seek.key AND p.novelty_margin < seek.margin
  RETURN p
}
RETURN p.id AS id
LIMIT $limit
