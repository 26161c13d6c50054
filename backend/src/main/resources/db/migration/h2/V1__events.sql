-- H2 + H2GIS: the embedded default. Same tables as postgresql/V1__events.sql; only types and index DDL differ.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE TABLE events (
    id              VARCHAR(200)     PRIMARY KEY,
    title           VARCHAR(500)     NOT NULL,
    summary         VARCHAR(20000)   NOT NULL,
    event_type      VARCHAR(100)     NOT NULL,
    sub_event_type  VARCHAR(100)     NOT NULL,
    actors_json     VARCHAR(100000)  NOT NULL,
    date_start      DATE             NOT NULL,
    date_end        DATE             NOT NULL,
    time_precision  SMALLINT         NOT NULL,
    place_text      VARCHAR(500)     NOT NULL,
    place_id        VARCHAR(100),
    geo_precision   SMALLINT         NOT NULL,
    geocode_method  VARCHAR(50)      NOT NULL,
    geocode_score   DOUBLE PRECISION NOT NULL,
    geocode_json    VARCHAR(100000)  NOT NULL,
    country         VARCHAR(2),
    admin1          VARCHAR(100),
    geom            GEOMETRY(POINT, 4326) NOT NULL,
    fatalities      INTEGER,
    claims_json     VARCHAR(1000000) NOT NULL,
    sources_json    VARCHAR(1000000) NOT NULL,
    control_side    VARCHAR(50),
    control_change  VARCHAR(10),
    status          VARCHAR(20)      NOT NULL,
    version         INTEGER          NOT NULL,
    origin          VARCHAR(20)      NOT NULL,
    origin_hash     VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT events_dates_ordered CHECK (date_end >= date_start)
);
CREATE SPATIAL INDEX events_geom_idx ON events (geom);
CREATE INDEX events_dates_idx ON events (date_start, date_end);
CREATE INDEX events_type_idx ON events (event_type);

-- Every version of every event, as the GeoJSON feature it was: no write ever loses the previous one.
CREATE TABLE event_versions (
    event_id     VARCHAR(200)      NOT NULL,
    version      INTEGER           NOT NULL,
    feature_json VARCHAR(10000000) NOT NULL,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by   VARCHAR(100)      NOT NULL,
    PRIMARY KEY (event_id, version)
);
