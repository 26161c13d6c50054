package org.conflictmap.event;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The bulk write path for imports of many thousands of events: the same rows as
 * {@link EventRepository#insert} (event, actors, version 1 in the history), sent with PostgreSQL's COPY
 * on PostGIS and as JDBC batches elsewhere, and one move of the data version per import instead of one
 * per event. The caller holds the transaction.
 */
@Repository
public class EventBatchWriter {

	/** {@link EventSql#COPY_EVENTS}'s columns as {@link EventRepository#params} names them; "geom" is built. */
	private static final List<String> EVENT_COLUMNS = List.of("id", "title", "summary", "eventType", "subEventType",
			"actors", "dateStart", "dateEnd", "timePrecision", "placeText", "placeId", "geoPrecision", "geocodeMethod",
			"geocodeScore", "geocode", "country", "admin1", "geom", "fatalities", "claims", "sources", "controlSide",
			"controlChange", "status", "version", "origin", "originHash", "createdAt", "updatedAt", "claimStatus");

	private static final List<String> VERSION_COLUMNS = List.of("id", "version", "feature", "writtenAt", "writtenBy",
			"change", "status", "restoredFrom");

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	public EventBatchWriter(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getJdbcTemplate().getDataSource();
	}

	/** What the store holds under an id an import is about to write. */
	public record Stored(String origin, String originHash, int version) {
	}

	/** The stored origin, hash and version of each of {@code ids} that exists. */
	public Map<String, Stored> stored(Collection<String> ids) {
		var found = new HashMap<String, Stored>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.query(EventSql.SELECT_STORED, Map.of("ids", ids), (RowCallbackHandler) rs -> found.put(rs.getString("id"),
				new Stored(rs.getString("origin"), rs.getString("origin_hash"), rs.getInt("version"))));
		return found;
	}

	/**
	 * Inserts new events as version 1, each with its origin hash; {@code events} and {@code hashes} are
	 * parallel lists. Does not move the data version: call {@link #dataChanged} once when the import is done.
	 */
	public void insert(List<Event> events, List<String> hashes, String origin, String writtenBy, Instant now) {
		if (events.isEmpty()) {
			return;
		}
		var rows = new ArrayList<Map<String, Object>>(events.size());
		var actors = new ArrayList<Map<String, Object>>(events.size() * 2);
		var versions = new ArrayList<Map<String, Object>>(events.size());
		for (int i = 0; i < events.size(); i++) {
			Event stored = events.get(i).withVersion(1, now, now);
			rows.add(EventRepository.params(stored, origin, hashes.get(i)));
			for (var actor : EventFilters.actorRows(stored.actors()).entrySet()) {
				actors.add(Map.of("id", stored.id(), "key", actor.getKey(), "actor", actor.getValue()));
			}
			var version = new HashMap<String, Object>();
			version.put("id", stored.id());
			version.put("version", 1);
			version.put("feature", EventJson.featureString(stored));
			version.put("writtenAt", EventRepository.utc(now));
			version.put("writtenBy", writtenBy);
			version.put("change", EventChange.CREATED);
			version.put("status", stored.status());
			version.put("restoredFrom", null);
			versions.add(version);
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (connection.isWrapperFor(PGConnection.class)) {
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (var row : rows) {
					row.put("geom", "SRID=4326;POINT(" + row.get("lon") + " " + row.get("lat") + ")");
				}
				copy.copyIn(EventSql.COPY_EVENTS, new StringReader(copyText(rows, EVENT_COLUMNS)));
				copy.copyIn(EventSql.COPY_ACTORS, new StringReader(copyText(actors, List.of("id", "key", "actor"))));
				copy.copyIn(EventSql.COPY_VERSIONS, new StringReader(copyText(versions, VERSION_COLUMNS)));
				return;
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("COPY of imported events", null, ex);
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException("COPY of imported events", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		batchInsert(rows, actors, versions);
	}

	@SuppressWarnings("unchecked")
	private void batchInsert(List<Map<String, Object>> rows, List<Map<String, Object>> actors,
			List<Map<String, Object>> versions) {
		jdbc.batchUpdate(EventSql.INSERT, rows.toArray(Map[]::new));
		if (!actors.isEmpty()) {
			jdbc.batchUpdate(EventSql.INSERT_ACTOR, actors.toArray(Map[]::new));
		}
		jdbc.batchUpdate(EventSql.INSERT_VERSION, versions.toArray(Map[]::new));
	}

	/** Rows in COPY's text format: tab between columns, \N for null, backslash escapes. */
	private static String copyText(List<Map<String, Object>> rows, List<String> columns) {
		var text = new StringBuilder(rows.size() * 512);
		for (var row : rows) {
			for (int c = 0; c < columns.size(); c++) {
				if (c > 0) {
					text.append('\t');
				}
				Object value = row.get(columns.get(c));
				if (value == null) {
					text.append("\\N");
				}
				else {
					escape(text, value.toString());
				}
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static void escape(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(ch);
			}
		}
	}

	/** Moves the data version once, for everything the import wrote. */
	public void dataChanged(Instant now) {
		jdbc.update(EventSql.BUMP_DATA_VERSION, Map.of("now", EventRepository.utc(now)));
	}

}
