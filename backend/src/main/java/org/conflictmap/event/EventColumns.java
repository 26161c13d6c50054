package org.conflictmap.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import static org.conflictmap.event.CopyBinary.Kind.DATE;
import static org.conflictmap.event.CopyBinary.Kind.FLOAT8;
import static org.conflictmap.event.CopyBinary.Kind.INT2;
import static org.conflictmap.event.CopyBinary.Kind.INT4;
import static org.conflictmap.event.CopyBinary.Kind.POINT_4326;
import static org.conflictmap.event.CopyBinary.Kind.TEXT;
import static org.conflictmap.event.CopyBinary.Kind.TIMESTAMPTZ;

/**
 * The {@code events} table's columns, described once: the SELECT list, INSERT, UPDATE and COPY statements,
 * the bound values of a write and the COPY writer's columns are all made from {@link #ALL}, and
 * {@link #read} maps a row back. A new field is a migration, a line here, a line in {@link #read} and
 * the {@link Event} record.
 */
final class EventColumns {

	/** What one row is written from: the event and where it came from. */
	record Written(Event event, String origin, String originHash) {
	}

	/**
	 * One column.
	 * @param name the column's name
	 * @param param the name of its bound value (the point's: {@code lon} and {@code lat})
	 * @param kind how COPY writes it
	 * @param read whether reads select it ({@code origin} and its hash are only written)
	 * @param value its value for a written row
	 */
	record Column(String name, String param, CopyBinary.Kind kind, boolean read, Function<Written, Object> value) {

		/** What INSERT and UPDATE give the column. */
		String bound() {
			return kind == POINT_4326 ? "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)" : ":" + param;
		}

		/** What SELECT reads: the point as WKB, which both stores write alike. */
		String selected() {
			return kind == POINT_4326 ? "ST_AsBinary(" + name + ") AS geom_wkb" : name;
		}

	}

	private static Column column(String name, String param, CopyBinary.Kind kind, Function<Event, Object> value) {
		return new Column(name, param, kind, true, w -> value.apply(w.event()));
	}

	static final List<Column> ALL = List.of(
			column("id", "id", TEXT, Event::id),
			column("title", "title", TEXT, Event::title),
			column("summary", "summary", TEXT, Event::summary),
			column("event_type", "eventType", TEXT, Event::eventType),
			column("sub_event_type", "subEventType", TEXT, Event::subEventType),
			column("actors_json", "actors", TEXT, e -> EventJson.toJson(e.actors())),
			column("date_start", "dateStart", DATE, Event::dateStart),
			column("date_end", "dateEnd", DATE, Event::dateEnd),
			column("time_precision", "timePrecision", INT2, Event::timePrecision),
			column("place_text", "placeText", TEXT, Event::placeText),
			column("place_id", "placeId", TEXT, e -> e.geocode().placeId()),
			column("geo_precision", "geoPrecision", INT2, e -> e.geocode().geoPrecision()),
			column("geocode_method", "geocodeMethod", TEXT, e -> e.geocode().method()),
			column("geocode_score", "geocodeScore", FLOAT8, e -> e.geocode().score()),
			column("geocode_json", "geocode", TEXT, e -> EventJson.toJson(e.geocode())),
			column("country", "country", TEXT, Event::country),
			column("admin1", "admin1", TEXT, Event::admin1),
			column("geom", "lon/lat", POINT_4326, Event::geom),
			column("fatalities", "fatalities", INT4, Event::fatalities),
			column("claims_json", "claims", TEXT, e -> EventJson.toJson(e.claims())),
			column("claim_status", "claimStatus", TEXT, Event::claimStatus),
			column("sources_json", "sources", TEXT, e -> EventJson.toJson(e.sources())),
			column("control_side", "controlSide", TEXT,
					e -> e.controlChange() == null ? null : e.controlChange().side()),
			column("control_change", "controlChange", TEXT,
					e -> e.controlChange() == null ? null : e.controlChange().change()),
			column("status", "status", TEXT, Event::status),
			column("version", "version", INT4, Event::version),
			new Column("origin", "origin", TEXT, false, Written::origin),
			new Column("origin_hash", "originHash", TEXT, false, Written::originHash),
			column("created_at", "createdAt", TIMESTAMPTZ, e -> utc(e.createdAt())),
			column("updated_at", "updatedAt", TIMESTAMPTZ, e -> utc(e.updatedAt())));

	/** What every read of whole events selects: the columns {@link #read} and {@link EventJson#writeStoredFeature} read. */
	static final String SELECTED = ALL.stream().filter(Column::read).map(Column::selected).collect(Collectors.joining(", "));

	private static final String NAMES = ALL.stream().map(Column::name).collect(Collectors.joining(", "));

	static final String INSERT = "INSERT INTO events (" + NAMES + ") VALUES ("
			+ ALL.stream().map(Column::bound).collect(Collectors.joining(", ")) + ")";

	/** Every column but the id and the creation time, if the row is still at the version before. */
	static final String UPDATE = "UPDATE events SET "
			+ ALL.stream()
				.filter(c -> !c.name().equals("id") && !c.name().equals("created_at"))
				.map(c -> c.name() + " = " + c.bound())
				.collect(Collectors.joining(", "))
			+ " WHERE id = :id AND version = :version - 1";

	/** PostgreSQL's bulk path: the same columns in COPY's binary format ({@link CopyBinary}). */
	static final String COPY = "COPY events (" + NAMES + ") FROM STDIN (FORMAT binary)";

	/** {@link #COPY}'s columns as {@link CopyBinary} writes them from {@link #values}. */
	static final List<CopyBinary.Column> COPIED = ALL.stream().map(c -> new CopyBinary.Column(c.param(), c.kind())).toList();

	private EventColumns() {
	}

	/** The bound values of a write of {@code event}, by parameter name. */
	static Map<String, Object> values(Event event, String origin, String originHash) {
		var written = new Written(event, origin, originHash);
		var values = new HashMap<String, Object>();
		for (Column c : ALL) {
			Object value = c.value().apply(written);
			if (c.kind() == POINT_4326) {
				Point point = (Point) value;
				values.put("lon", point.getX());
				values.put("lat", point.getY());
			}
			else {
				values.put(c.param(), value);
			}
		}
		return values;
	}

	/** The event a row of {@link #SELECTED} holds. */
	static Event read(ResultSet rs) throws SQLException {
		String side = rs.getString("control_side");
		Integer fatalities = rs.getObject("fatalities", Integer.class);
		return new Event(rs.getString("id"), rs.getString("title"), rs.getString("summary"),
				rs.getString("event_type"), rs.getString("sub_event_type"),
				EventJson.fromJson(rs.getString("actors_json"), Event.Actors.class),
				rs.getObject("date_start", LocalDate.class), rs.getObject("date_end", LocalDate.class),
				rs.getInt("time_precision"), rs.getString("place_text"),
				EventJson.fromJson(rs.getString("geocode_json"), Event.Geocode.class), rs.getString("country"),
				rs.getString("admin1"), point(rs.getBytes("geom_wkb")), fatalities,
				EventJson.listFromJson(rs.getString("claims_json"), Event.Claim.class),
				EventJson.listFromJson(rs.getString("sources_json"), Event.Source.class),
				side == null ? null : new Event.ControlChange(side, rs.getString("control_change")),
				rs.getString("status"), rs.getInt("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	static Point point(byte[] wkb) throws SQLException {
		try {
			Point point = (Point) new WKBReader().read(wkb);
			point.setSRID(4326);
			return point;
		}
		catch (ParseException ex) {
			throw new SQLException("unreadable geometry in events.geom", ex);
		}
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
