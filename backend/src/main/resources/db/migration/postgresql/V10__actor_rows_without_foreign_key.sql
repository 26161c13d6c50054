-- PostGIS only. event_actors is a projection of events.actors_json, written (and rewritten) by the
-- application in the same transaction as its event, like an index the application keeps; events are never
-- deleted (they are archived), so the foreign key's ON DELETE CASCADE never ran. What the key did cost is
-- a check per actor row, each taking a key-share lock on the event row just written: importing 300,000
-- synthetic ACLED events (512,425 actor rows) took 60.9 s with it and 35.2 s without (bench/README.md).
ALTER TABLE event_actors DROP CONSTRAINT event_actors_event_id_fkey;
-- The primary key (event_id, actor_key) already answers "the rows of this event" (V6 added this index
-- beside it: EXPLAIN of the edit's DELETE uses the primary key); one index fewer to fill on an import.
DROP INDEX event_actors_event_idx;
