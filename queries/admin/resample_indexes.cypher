// admin/resample_indexes: schedules a resample of every index whose updates since its last sample
// passed Neo4j's threshold (in the background), after a small bulk write.
CALL db.resampleOutdatedIndexes()
