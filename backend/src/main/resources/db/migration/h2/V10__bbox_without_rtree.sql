-- H2 only (PostGIS keeps its GiST index): the bbox is answered by a B-tree on the longitude instead of
-- H2's R-tree. With the R-tree, a kill -9 in the middle of a long write transaction (an import) left a
-- file H2 2.4.240 could not open again in about one try in three: reopening rolls the transaction back
-- and opens the R-tree's map with the wrong data type (ClassCastException ValueDataType ->
-- SpatialDataType in TransactionStore.init, or "Unable to read the page"). Without an R-tree the same
-- kills recovered every time, 23 of 23 (CrashDuringImportTest; the README's Reliability section). The
-- column is computed by H2 from geom on every write, so no write names it.
DROP INDEX events_geom_idx;
ALTER TABLE events ADD COLUMN geom_lon DOUBLE PRECISION GENERATED ALWAYS AS (ST_X(geom));
CREATE INDEX events_geom_lon_idx ON events (geom_lon);
