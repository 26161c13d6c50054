-- An event's actor rows by its id: an edit replaces them (DELETE ... WHERE event_id = ?), which without
-- this index reads the whole table, two rows per event, at every edit of a store of a million events.
CREATE INDEX event_actors_event_idx ON event_actors (event_id);
