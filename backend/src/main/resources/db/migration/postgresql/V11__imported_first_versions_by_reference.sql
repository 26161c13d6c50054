-- An imported event's first version is no longer written out a second time: its event_versions row keeps
-- feature_json NULL, which means "the events row, which is still at version 1". The repository writes the
-- feature out (from the events row) in the transaction that first changes that event, before the change,
-- so a NULL is only ever found beside an unchanged event; the history's reads join the events row in the
-- same statement. The feature was the biggest thing an import wrote (1.2 GB of 1,000,000 rows' 2.4 GB;
-- PostgreSQL's own \copy of them took 20.7 s of the three tables' 60 s; bench/README.md).
ALTER TABLE event_versions ALTER COLUMN feature_json DROP NOT NULL;
