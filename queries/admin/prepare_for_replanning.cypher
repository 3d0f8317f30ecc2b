// admin/prepare_for_replanning: resamples the outdated indexes, waits (up to $seconds) until done,
// then clears the plan cache, so the next run of every query is planned on statistics of the data
// that is there now, not of data a bulk write deleted.
/*
:params {seconds: 300}
*/
CALL db.prepareForReplanning($seconds)
