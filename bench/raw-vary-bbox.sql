-- pgbench script for bench/run.sh: PostGIS answering vary-bbox.lua's question itself, a different
-- 100-feature box each time (shifted east by a random 0..2 km), with the WHERE the service sends for it
-- (a month's window bounded by the longest event span, 0 days in the synthetic data, and the box by
-- coordinates) and building the same GeoJSON as the service (numberMatched and each feature's properties
-- as EventJson writes them). The raw figure that uncached_ratio_vs_raw divides by.
\set dx random(0, 20000)
SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT count(*) FROM events
    WHERE status = 'published' AND date_end >= '2022-06-01' AND date_start >= '2022-06-01'
    AND date_start <= '2022-06-30' AND ST_X(geom) BETWEEN 36.0 + :dx * 0.00001 AND 36.6 + :dx * 0.00001
    AND ST_Y(geom) BETWEEN 33.3 AND 33.7),
  'numberReturned', count(*),
  'features', coalesce(json_agg(ST_AsGeoJSON(t.*, 'geom', 7)::json), '[]'::json))::text
FROM (SELECT id, title, summary, event_type, sub_event_type, actors_json::json AS actors, date_start,
    date_end, time_precision, place_text, place_id, geo_precision, geocode_method, geocode_score,
    geocode_json::json -> 'explanation' AS geocode_explanation,
    geocode_json::json -> 'alternatives' AS geocode_alternatives, country, admin1, fatalities,
    claims_json::json AS claims, claim_status, sources_json::json AS sources,
    CASE WHEN control_side IS NULL THEN NULL
         ELSE json_build_object('side', control_side, 'change', control_change) END AS control_change,
    status, version, created_at, updated_at, geom
  FROM events
  WHERE id IN (SELECT id FROM events
    WHERE status = 'published' AND date_end >= '2022-06-01' AND date_start >= '2022-06-01'
    AND date_start <= '2022-06-30' AND ST_X(geom) BETWEEN 36.0 + :dx * 0.00001 AND 36.6 + :dx * 0.00001
    AND ST_Y(geom) BETWEEN 33.3 AND 33.7
    ORDER BY date_start, id LIMIT 100)
  ORDER BY date_start, id) t;
