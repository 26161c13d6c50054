-- An imported event's first version is no longer written out a second time: its event_versions row keeps
-- feature_json NULL, which means "the events row, which is still at version 1". The repository writes the
-- feature out (from the events row) in the transaction that first changes that event, before the change,
-- so a NULL is only ever found beside an unchanged event; the history's reads join the events row in the
-- same statement. Same as PostGIS's V11.
ALTER TABLE event_versions ALTER COLUMN feature_json SET NULL;
