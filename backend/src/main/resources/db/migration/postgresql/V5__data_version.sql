-- One row, moved by every write to events: caches and ETags on every instance sharing this database
-- key on it, so they agree at once on what is current, and reading it costs one row, not a count.
CREATE TABLE data_version (
    id         INTEGER                  PRIMARY KEY,
    version    BIGINT                   NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT data_version_single_row CHECK (id = 1)
);
INSERT INTO data_version (id, version, changed_at) SELECT 1, count(*), CURRENT_TIMESTAMP FROM event_versions;
