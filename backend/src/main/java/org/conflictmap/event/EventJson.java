package org.conflictmap.event;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where an event becomes JSON: the GeoJSON Feature that the API, the exports and the
 * version history share, and the JSON columns of the store. RFC 7946: lon,lat in WGS84, {@code id} on
 * the feature, no {@code crs} member.
 */
public final class EventJson {

	/** Snake-case names, ISO-8601 dates: the wire form of every value record. */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private static final tools.jackson.databind.JavaType STRINGS = MAPPER.getTypeFactory()
		.constructCollectionType(List.class, String.class);

	/** Seven decimals of a degree is about a centimetre: more than any report knows. */
	private static final double COORDINATE_SCALE = 1e7;

	private EventJson() {
	}

	/** The names of an event's properties, in the order {@link #feature} writes them. */
	public static final List<String> PROPERTIES = List.of("title", "summary", "event_type", "sub_event_type", "actors",
			"date_start", "date_end", "time_precision", "place_text", "place_id", "geo_precision", "geocode_method",
			"geocode_score", "geocode_explanation", "geocode_alternatives", "country", "admin1", "fatalities", "claims",
			"claim_status", "sources", "control_change", "status", "version", "created_at", "updated_at");

	/** The event as a GeoJSON Feature, properties in the documented order ({@link #PROPERTIES}). */
	public static Map<String, Object> feature(Event e) {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("title", e.title());
		properties.put("summary", e.summary());
		properties.put("event_type", e.eventType());
		properties.put("sub_event_type", e.subEventType());
		properties.put("actors", e.actors());
		properties.put("date_start", e.dateStart());
		properties.put("date_end", e.dateEnd());
		properties.put("time_precision", e.timePrecision());
		properties.put("place_text", e.placeText());
		properties.put("place_id", e.geocode().placeId());
		properties.put("geo_precision", e.geocode().geoPrecision());
		properties.put("geocode_method", e.geocode().method());
		properties.put("geocode_score", e.geocode().score());
		properties.put("geocode_explanation", e.geocode().explanation());
		properties.put("geocode_alternatives", e.geocode().alternatives());
		properties.put("country", e.country());
		properties.put("admin1", e.admin1());
		properties.put("fatalities", e.fatalities());
		properties.put("claims", e.claims());
		properties.put("claim_status", e.claimStatus());
		properties.put("sources", e.sources());
		properties.put("control_change", e.controlChange());
		properties.put("status", e.status());
		properties.put("version", e.version());
		properties.put("created_at", e.createdAt());
		properties.put("updated_at", e.updatedAt());

		var geometry = new LinkedHashMap<String, Object>();
		geometry.put("type", "Point");
		geometry.put("coordinates", List.of(round(e.geom().getX()), round(e.geom().getY())));

		var feature = new LinkedHashMap<String, Object>();
		feature.put("type", "Feature");
		feature.put("id", e.id());
		feature.put("geometry", geometry);
		feature.put("properties", properties);
		return feature;
	}

	/**
	 * Writes the feature of one stored row ({@link EventColumns#SELECTED}) exactly as {@link #feature} writes the
	 * event the row holds, without reading the row into an {@link Event}: the JSON columns of actors, claims
	 * and sources were written by this mapper from the same records, so they go out as stored; only the
	 * geocode's column is read, for the two properties taken from it. Parsing those columns and writing
	 * them again was nearly half of the service's Java time for a page of 100 events (JFR, bench/README.md).
	 * {@code EventRepositoryContract} checks that both writers agree.
	 */
	static void writeStoredFeature(JsonGenerator json, ResultSet rs) throws SQLException {
		Point point = EventColumns.point(rs.getBytes("geom_wkb"));
		json.writeStartObject();
		json.writeStringProperty("type", "Feature");
		json.writeStringProperty("id", rs.getString("id"));
		json.writeObjectPropertyStart("geometry");
		json.writeStringProperty("type", "Point");
		json.writeArrayPropertyStart("coordinates");
		json.writeNumber(round(point.getX()));
		json.writeNumber(round(point.getY()));
		json.writeEndArray();
		json.writeEndObject();
		json.writeObjectPropertyStart("properties");
		json.writeStringProperty("title", rs.getString("title"));
		json.writeStringProperty("summary", rs.getString("summary"));
		json.writeStringProperty("event_type", rs.getString("event_type"));
		json.writeStringProperty("sub_event_type", rs.getString("sub_event_type"));
		rawProperty(json, "actors", rs.getString("actors_json"));
		json.writeStringProperty("date_start", rs.getObject("date_start", LocalDate.class).toString());
		json.writeStringProperty("date_end", rs.getObject("date_end", LocalDate.class).toString());
		json.writeNumberProperty("time_precision", rs.getInt("time_precision"));
		json.writeStringProperty("place_text", rs.getString("place_text"));
		json.writeStringProperty("place_id", rs.getString("place_id"));
		json.writeNumberProperty("geo_precision", rs.getInt("geo_precision"));
		json.writeStringProperty("geocode_method", rs.getString("geocode_method"));
		json.writeNumberProperty("geocode_score", rs.getDouble("geocode_score"));
		copyGeocodeParts(json, rs.getString("geocode_json"));
		json.writeStringProperty("country", rs.getString("country"));
		json.writeStringProperty("admin1", rs.getString("admin1"));
		Integer fatalities = rs.getObject("fatalities", Integer.class);
		if (fatalities == null) {
			json.writeNullProperty("fatalities");
		}
		else {
			json.writeNumberProperty("fatalities", fatalities.intValue());
		}
		rawProperty(json, "claims", rs.getString("claims_json"));
		json.writeStringProperty("claim_status", rs.getString("claim_status"));
		rawProperty(json, "sources", rs.getString("sources_json"));
		String side = rs.getString("control_side");
		if (side == null) {
			json.writeNullProperty("control_change");
		}
		else {
			json.writeObjectPropertyStart("control_change");
			json.writeStringProperty("side", side);
			json.writeStringProperty("change", rs.getString("control_change"));
			json.writeEndObject();
		}
		json.writeStringProperty("status", rs.getString("status"));
		json.writeNumberProperty("version", rs.getInt("version"));
		json.writeStringProperty("created_at", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
		json.writeStringProperty("updated_at", rs.getObject("updated_at", OffsetDateTime.class).toInstant().toString());
		json.writeEndObject();
		json.writeEndObject();
	}

	/**
	 * {@code geocode_explanation} and {@code geocode_alternatives}: the stored geocode's {@code explanation}
	 * and {@code alternatives}, copied token by token into the feature (no tree is built); null when absent.
	 */
	private static void copyGeocodeParts(JsonGenerator json, String geocodeJson) {
		boolean explanation = false;
		boolean alternatives = false;
		try (JsonParser parser = MAPPER.createParser(geocodeJson)) {
			parser.nextToken();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				parser.nextToken();
				if (name.equals("explanation") || name.equals("alternatives")) {
					json.writeName("geocode_" + name);
					json.copyCurrentStructure(parser);
					explanation |= name.equals("explanation");
					alternatives |= name.equals("alternatives");
				}
				else {
					parser.skipChildren();
				}
			}
		}
		if (!explanation) {
			json.writeNullProperty("geocode_explanation");
		}
		if (!alternatives) {
			json.writeNullProperty("geocode_alternatives");
		}
	}

	private static void rawProperty(JsonGenerator json, String name, String storedJson) {
		json.writeName(name);
		json.writeRawValue(storedJson);
	}

	/**
	 * An event back from the feature {@link #feature} wrote (the version history's): every stored field,
	 * {@code claim_status} recomputed from the claims.
	 */
	public static Event fromFeature(String featureJson) {
		JsonNode f = MAPPER.readTree(featureJson);
		JsonNode p = f.path("properties");
		JsonNode xy = f.path("geometry").path("coordinates");
		Point point = WGS84.createPoint(new Coordinate(xy.get(0).asDouble(), xy.get(1).asDouble()));
		var geocode = new Event.Geocode(text(p, "place_id"), p.path("geo_precision").asInt(),
				text(p, "geocode_method"), p.path("geocode_score").asDouble(), text(p, "geocode_explanation"),
				MAPPER.treeToValue(p.path("geocode_alternatives"), STRINGS));
		JsonNode control = p.path("control_change");
		return new Event(f.path("id").asString(), text(p, "title"), text(p, "summary"), text(p, "event_type"),
				text(p, "sub_event_type"), MAPPER.treeToValue(p.path("actors"), Event.Actors.class),
				LocalDate.parse(text(p, "date_start")), LocalDate.parse(text(p, "date_end")),
				p.path("time_precision").asInt(), text(p, "place_text"), geocode, text(p, "country"),
				text(p, "admin1"), point, p.path("fatalities").isNull() ? null : p.path("fatalities").asInt(),
				MAPPER.treeToValue(p.path("claims"), MAPPER.getTypeFactory().constructCollectionType(List.class, Event.Claim.class)),
				MAPPER.treeToValue(p.path("sources"), MAPPER.getTypeFactory().constructCollectionType(List.class, Event.Source.class)),
				control.isObject() ? MAPPER.treeToValue(control, Event.ControlChange.class) : null, text(p, "status"),
				p.path("version").asInt(), Instant.parse(text(p, "created_at")), Instant.parse(text(p, "updated_at")));
	}

	private static String text(JsonNode properties, String name) {
		JsonNode value = properties.path(name);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

	/**
	 * A digest of what the event says, version and timestamps aside: equal digests, nothing to write.
	 */
	public static String contentHash(Event e) {
		return sha256(featureString(e.withVersion(0, Instant.EPOCH, Instant.EPOCH)));
	}

	/** SHA-256 of the text's UTF-8, in hex. */
	public static String sha256(String text) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** One feature as a JSON string (the version history keeps these). */
	public static String featureString(Event e) {
		return MAPPER.writeValueAsString(feature(e));
	}

	/**
	 * Streams a FeatureCollection: the features as {@code source} hands them over, one at a time, then
	 * {@code numberMatched} (all that match the filter) and {@code numberReturned} (this page).
	 * @param source calls its argument once per event, in order
	 */
	public static void writeCollection(OutputStream out, long numberMatched, Consumer<Consumer<Event>> source) {
		writeCollection(out, numberMatched, Map.of(), source);
	}

	/**
	 * The same, with foreign members (OGC API {@code links}, {@code timeStamp}, ...) written before the
	 * features.
	 */
	public static void writeCollection(OutputStream out, long numberMatched, Map<String, Object> members,
			Consumer<Consumer<Event>> source) {
		writeFeatureCollection(out, members, json -> {
			source.accept(e -> json.writePOJO(feature(e)));
			return numberMatched;
		});
	}

	/**
	 * A FeatureCollection whose features {@code page} writes to the generator itself, returning how many
	 * match in all (written after them, so a page can be counted once it is sent); {@code numberReturned}
	 * counts the features it wrote.
	 */
	public static void writeFeatureCollection(OutputStream out, Map<String, Object> members,
			ToLongFunction<JsonGenerator> page) {
		try (JsonGenerator json = MAPPER.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("type", "FeatureCollection");
			for (var member : members.entrySet()) {
				json.writePOJOProperty(member.getKey(), member.getValue());
			}
			json.writeArrayPropertyStart("features");
			long numberMatched = page.applyAsLong(json);
			// the features written are the array's entries
			int returned = json.streamWriteContext().getEntryCount();
			json.writeEndArray();
			json.writeNumberProperty("numberMatched", numberMatched);
			json.writeNumberProperty("numberReturned", returned);
			json.writeEndObject();
		}
	}

	/** A value record as a JSON string for a JSON column. */
	static String toJson(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** A JSON column's string back into a value record. */
	static <T> T fromJson(String json, Class<T> type) {
		return READERS.get(type).readValue(json);
	}

	/** A JSON column's string back into a list of value records. */
	static <T> List<T> listFromJson(String json, Class<T> type) {
		return LIST_READERS.get(type).readValue(json);
	}

	/**
	 * A reader per value record, made once: every row of a page parses four JSON columns, and looking the
	 * deserializer up each time was a tenth of a page's time (JFR, bench/README.md).
	 */
	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return MAPPER.readerFor(type);
		}
	};

	private static final ClassValue<ObjectReader> LIST_READERS = new ClassValue<>() {
		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return MAPPER.readerFor(MAPPER.getTypeFactory().constructCollectionType(List.class, type));
		}
	};

	private static double round(double degrees) {
		return Math.round(degrees * COORDINATE_SCALE) / COORDINATE_SCALE;
	}

}
