-- PostgreSQL + PostGIS. Same tables as h2/V1__events.sql; only types and index DDL differ.
-- The extension needs a superuser: .ci/run and the README create it as postgres first, so this is a no-op then.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE events (
    id              varchar(200)     PRIMARY KEY,
    title           varchar(500)     NOT NULL,
    summary         text             NOT NULL,
    event_type      varchar(100)     NOT NULL,
    sub_event_type  varchar(100)     NOT NULL,
    actors_json     text             NOT NULL,
    date_start      date             NOT NULL,
    date_end        date             NOT NULL,
    time_precision  smallint         NOT NULL,
    place_text      varchar(500)     NOT NULL,
    place_id        varchar(100),
    geo_precision   smallint         NOT NULL,
    geocode_method  varchar(50)      NOT NULL,
    geocode_score   double precision NOT NULL,
    geocode_json    text             NOT NULL,
    country         varchar(2),
    admin1          varchar(100),
    geom            geometry(Point, 4326) NOT NULL,
    fatalities      integer,
    claims_json     text             NOT NULL,
    sources_json    text             NOT NULL,
    control_side    varchar(50),
    control_change  varchar(10),
    status          varchar(20)      NOT NULL,
    version         integer          NOT NULL,
    origin          varchar(20)      NOT NULL,
    origin_hash     varchar(64),
    created_at      timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL,
    CONSTRAINT events_dates_ordered CHECK (date_end >= date_start)
);
CREATE INDEX events_geom_idx ON events USING gist (geom);
CREATE INDEX events_dates_idx ON events (date_start, date_end);
CREATE INDEX events_type_idx ON events (event_type);

-- Every version of every event, as the GeoJSON feature it was: no write ever loses the previous one.
CREATE TABLE event_versions (
    event_id     varchar(200) NOT NULL,
    version      integer      NOT NULL,
    feature_json text         NOT NULL,
    written_at   timestamptz  NOT NULL,
    written_by   varchar(100) NOT NULL,
    PRIMARY KEY (event_id, version)
);
