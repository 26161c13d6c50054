-- The same as postgresql/V7 as far as H2 goes (it has no INCLUDE): the date window's keys with the
-- columns the map's counts group by, so those counts read the index instead of the rows.
DROP INDEX events_dates_idx;
CREATE INDEX events_window_idx ON events (date_start, date_end, status, event_type, claim_status);
