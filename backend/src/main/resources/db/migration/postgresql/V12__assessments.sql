-- Territory assessments: a side's control area as a curator drew it, valid from a day (to a day, or until
-- the next assessment of the side), with its confidence, note, sources and evidence. Every version is kept
-- in assessment_versions, as events keep theirs. Same tables as h2/V12__assessments.sql.
CREATE TABLE assessments (
    id            varchar(200)                 PRIMARY KEY,
    side          varchar(50)                  NOT NULL,
    valid_from    date                         NOT NULL,
    valid_to      date,
    geom          geometry(MultiPolygon, 4326) NOT NULL,
    confidence    varchar(10)                  NOT NULL,
    note          text                         NOT NULL,
    sources_json  text                         NOT NULL,
    evidence_json text                         NOT NULL,
    status        varchar(20)                  NOT NULL,
    version       integer                      NOT NULL,
    origin        varchar(20)                  NOT NULL,
    origin_hash   varchar(64),
    created_at    timestamptz                  NOT NULL,
    updated_at    timestamptz                  NOT NULL,
    CONSTRAINT assessments_dates_ordered CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assessments_side_day_idx ON assessments (side, valid_from);

CREATE TABLE assessment_versions (
    assessment_id varchar(200) NOT NULL,
    version       integer      NOT NULL,
    feature_json  text         NOT NULL,
    written_at    timestamptz  NOT NULL,
    written_by    varchar(100) NOT NULL,
    change_kind   varchar(20)  NOT NULL,
    status        varchar(20)  NOT NULL,
    restored_from integer,
    PRIMARY KEY (assessment_id, version)
);
