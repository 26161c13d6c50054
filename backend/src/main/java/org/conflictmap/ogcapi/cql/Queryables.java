package org.conflictmap.ogcapi.cql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a CQL2 filter may name on the events, each a column of the events table and its type; nothing
 * else: a name is looked up here and never put into SQL as written (GeoServer's CVE-2024-36401 came
 * from evaluating a property name as code). {@code /collections/events/queryables} is this list as
 * JSON Schema.
 */
public final class Queryables {

	/** The kinds of value a queryable holds, which decide what it may be compared with. */
	public enum Type {
		STRING, NUMBER, DATE, INTERVAL, GEOMETRY
	}

	/** A queryable: its SQL column (for {@code INTERVAL}: the start's; the end is {@code date_end}). */
	public record Queryable(String column, Type type, String title) {
	}

	public static final Map<String, Queryable> EVENTS;

	static {
		var events = new LinkedHashMap<String, Queryable>();
		string(events, "id", "The event's id");
		string(events, "title", "Title");
		string(events, "summary", "Summary");
		string(events, "event_type", "ACLED event type");
		string(events, "sub_event_type", "ACLED sub-event type");
		string(events, "place_text", "The place as the report names it");
		string(events, "place_id", "The gazetteer's place id");
		string(events, "geocode_method", "How the place was found");
		string(events, "country", "ISO 3166-1 alpha-2 country code");
		string(events, "admin1", "First-level administrative area");
		string(events, "claim_status", "reported, contested, denied or confirmed");
		events.put("time_precision", new Queryable("time_precision", Type.NUMBER, "1 day, 2 week, 3 month"));
		events.put("geo_precision", new Queryable("geo_precision", Type.NUMBER, "1 place, 2 near it, 3 region"));
		events.put("geocode_score", new Queryable("geocode_score", Type.NUMBER, "The geocoder's confidence, 0 to 1"));
		events.put("fatalities", new Queryable("fatalities", Type.NUMBER, "Fatalities reported (null: no figure)"));
		events.put("date_start", new Queryable("date_start", Type.DATE, "First day"));
		events.put("date_end", new Queryable("date_end", Type.DATE, "Last day"));
		events.put("datetime", new Queryable("date_start", Type.INTERVAL, "The event's days, date_start to date_end"));
		events.put("geometry", new Queryable("geom", Type.GEOMETRY, "The event's place, a point in CRS84"));
		EVENTS = java.util.Collections.unmodifiableMap(events);
	}

	private Queryables() {
	}

	private static void string(Map<String, Queryable> events, String name, String title) {
		events.put(name, new Queryable(name, Type.STRING, title));
	}

	/** The queryables as OGC API - Features Part 3 gives them: a JSON Schema of the filterable properties. */
	public static Map<String, Object> schema(String id) {
		var properties = new LinkedHashMap<String, Object>();
		EVENTS.forEach((name, q) -> {
			var p = new LinkedHashMap<String, Object>();
			p.put("title", q.title());
			switch (q.type()) {
				case STRING -> p.put("type", "string");
				case NUMBER -> p.put("type", "number");
				case DATE -> {
					p.put("type", "string");
					p.put("format", "date");
				}
				case INTERVAL -> {
					p.put("type", "array");
					p.put("minItems", 2);
					p.put("maxItems", 2);
					p.put("items", Map.of("type", "string", "format", "date"));
				}
				case GEOMETRY -> p.put("format", "geometry-point");
			}
			properties.put(name, p);
		});
		var schema = new LinkedHashMap<String, Object>();
		schema.put("$schema", "https://json-schema.org/draft/2019-09/schema");
		schema.put("$id", id);
		schema.put("type", "object");
		schema.put("title", "Conflict events");
		schema.put("properties", properties);
		schema.put("additionalProperties", false);
		return schema;
	}

}
