package org.conflictmap.event;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Repository;

/**
 * The bulk write path for imports of many thousands of events: the same rows as
 * {@link EventRepository#insert} (event, actors, version 1 in the history, whose feature is left to the
 * events row: {@link EventSql#WRITE_OUT_FIRST_VERSION}), sent with PostgreSQL's COPY
 * on PostGIS and as JDBC batches elsewhere, and one move of the data version per import instead of one
 * per event. The caller holds the transaction; a {@link Batches} lives inside it.
 */
@Repository
public class EventBatchWriter {

	/** {@link EventSql#COPY_EVENTS}'s columns as {@link EventRepository#params} names them; "geom" is built. */
	private static final List<String> EVENT_COLUMNS = List.of("id", "title", "summary", "eventType", "subEventType",
			"actors", "dateStart", "dateEnd", "timePrecision", "placeText", "placeId", "geoPrecision", "geocodeMethod",
			"geocodeScore", "geocode", "country", "admin1", "geom", "fatalities", "claims", "sources", "controlSide",
			"controlChange", "status", "version", "origin", "originHash", "createdAt", "updatedAt", "claimStatus");

	private static final List<String> ACTOR_COLUMNS = List.of("id", "key", "actor");

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

	/** Opens the batches of one import, in the caller's transaction; close it before the transaction ends. */
	public Batches open(String origin, String writtenBy, Instant now) {
		return new Batches(origin, writtenBy, now);
	}

	/**
	 * After a large import, on PostgreSQL: VACUUM (ANALYZE) of the tables it filled, so the next reads are
	 * planned for the table as it now is, and the map's window reads are answered from the index alone
	 * (which needs the visibility map that VACUUM sets). Autovacuum would get there, minutes later. Outside
	 * any transaction; does nothing on H2.
	 */
	public void analyzeAfterLoad() {
		jdbc.getJdbcTemplate().execute((java.sql.Connection c) -> {
			if (c.isWrapperFor(PGConnection.class)) {
				try (var statement = c.createStatement()) {
					statement.execute(EventSql.ANALYZE_AFTER_LOAD);
				}
			}
			return null;
		});
	}

	/**
	 * Moves the data version once, for everything the import wrote.
	 * @param spanDays the longest span of the events it wrote, in days
	 */
	public void dataChanged(Instant now, int spanDays) {
		jdbc.update(EventSql.BUMP_DATA_VERSION, Map.of("now", EventRepository.utc(now), "spanDays", spanDays));
	}

	/**
	 * One import's inserts. On PostgreSQL a batch's COPY runs on a second thread while the importer reads
	 * the next batch (two cores: one parses, one waits on the database); every other use of the connection
	 * waits for it first, so the connection is never used by two threads at once.
	 */
	public final class Batches implements AutoCloseable {

		private final String origin;

		private final String writtenBy;

		private final Instant now;

		private final Connection connection;

		private final CopyManager copy;

		private final ExecutorService copier;

		private final NamedParameterJdbcTemplate lookups;

		private Future<?> pending;

		private Batches(String origin, String writtenBy, Instant now) {
			this.origin = origin;
			this.writtenBy = writtenBy;
			this.now = now;
			this.connection = DataSourceUtils.getConnection(dataSource);
			try {
				this.copy = connection.isWrapperFor(PGConnection.class)
						? connection.unwrap(PGConnection.class).getCopyAPI() : null;
			}
			catch (SQLException ex) {
				DataSourceUtils.releaseConnection(connection, dataSource);
				throw new UncategorizedSQLException("bulk insert", null, ex);
			}
			if (copy == null) {
				this.copier = null;
				this.lookups = jdbc;
			}
			else {
				this.copier = Executors.newSingleThreadExecutor(r -> {
					var thread = new Thread(r, "import-copy");
					thread.setDaemon(true);
					return thread;
				});
				// a second connection, so the next batch's lookup need not wait for this one's COPY; it sees
				// what was committed, which is all a lookup needs: ids are unique within a file
				this.lookups = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(lookupConnection(), false));
			}
		}

		private Connection lookupConnection() {
			try {
				Connection c = dataSource.getConnection();
				c.setAutoCommit(true);
				c.setReadOnly(true);
				return c;
			}
			catch (SQLException ex) {
				DataSourceUtils.releaseConnection(connection, dataSource);
				throw new DataAccessResourceFailureException("a connection for the import's lookups", ex);
			}
		}

		/**
		 * The stored origin, hash and version of each of {@code ids} that exists. Runs beside a batch in
		 * flight; call {@link #await} before writing through the transaction's connection yourself.
		 */
		public Map<String, Stored> stored(Collection<String> ids) {
			var found = new HashMap<String, Stored>();
			if (ids.isEmpty()) {
				return found;
			}
			lookups.query(EventSql.SELECT_STORED, Map.of("ids", ids),
					(RowCallbackHandler) rs -> found.put(rs.getString("id"),
							new Stored(rs.getString("origin"), rs.getString("origin_hash"), rs.getInt("version"))));
			return found;
		}

		/**
		 * New events as version 1 made ready to insert, each with its origin hash ({@code events} and
		 * {@code hashes} are parallel lists). Touches no connection, so it can run beside a batch in flight.
		 */
		public Prepared prepare(List<Event> events, List<String> hashes) {
			Rows rows = rows(events, hashes);
			if (copy != null) {
				for (var row : rows.events) {
					row.put("geom", "SRID=4326;POINT(" + row.get("lon") + " " + row.get("lat") + ")");
				}
			}
			return new Prepared(rows);
		}

		/**
		 * Inserts what {@link #prepare} made ready, after the batch before it. On PostgreSQL it returns while
		 * the COPY runs; a failure then surfaces at {@link #await} or {@link #close}.
		 */
		public void insert(Prepared prepared) {
			await();
			Rows rows = prepared.rows;
			if (rows.events.isEmpty()) {
				return;
			}
			if (copy == null) {
				jdbc.batchUpdate(EventSql.INSERT, rows.maps(rows.events));
				if (!rows.actors.isEmpty()) {
					jdbc.batchUpdate(EventSql.INSERT_ACTOR, rows.maps(rows.actors));
				}
				jdbc.batchUpdate(EventSql.INSERT_VERSION, rows.maps(rows.versions));
				return;
			}
			pending = copier.submit(() -> {
				copy.copyIn(EventSql.COPY_EVENTS, copyText(rows.events, EVENT_COLUMNS, 1024));
				copy.copyIn(EventSql.COPY_ACTORS, copyText(rows.actors, ACTOR_COLUMNS, 64));
				copy.copyIn(EventSql.COPY_VERSIONS, copyText(rows.versions, VERSION_COLUMNS, 96));
				return null;
			});
		}

		/** The three tables' rows for new events, by {@link EventSql}'s parameter names. */
		private Rows rows(List<Event> events, List<String> hashes) {
			var rows = new Rows(new ArrayList<>(events.size()), new ArrayList<>(events.size() * 2),
					new ArrayList<>(events.size()));
			for (int i = 0; i < events.size(); i++) {
				Event stored = events.get(i).withVersion(1, now, now);
				rows.events.add(EventRepository.params(stored, origin, hashes.get(i)));
				for (var actor : EventFilters.actorRows(stored.actors()).entrySet()) {
					rows.actors.add(Map.of("id", stored.id(), "key", actor.getKey(), "actor", actor.getValue()));
				}
				var version = new HashMap<String, Object>();
				version.put("id", stored.id());
				version.put("version", 1);
				// the events row is this version until the event's first change writes it out
				version.put("feature", null);
				version.put("writtenAt", EventRepository.utc(now));
				version.put("writtenBy", writtenBy);
				version.put("change", EventChange.CREATED);
				version.put("status", stored.status());
				version.put("restoredFrom", null);
				rows.versions.add(version);
			}
			return rows;
		}

		/** Waits for the batch in flight, if any; rethrows its failure. */
		public void await() {
			if (pending == null) {
				return;
			}
			Future<?> waiting = pending;
			pending = null;
			try {
				waiting.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DataAccessResourceFailureException("interrupted while COPY was running", ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof SQLException sql) {
					throw new UncategorizedSQLException("COPY of imported events", null, sql);
				}
				if (cause instanceof IOException io) {
					throw new DataAccessResourceFailureException("COPY of imported events", io);
				}
				if (cause instanceof DataAccessException data) {
					throw data;
				}
				throw new IllegalStateException(cause);
			}
		}

		/** Waits for the last batch and lets the connection go back to the transaction. */
		@Override
		public void close() {
			try {
				await();
			}
			finally {
				if (copier != null) {
					copier.shutdownNow();
					((SingleConnectionDataSource) lookups.getJdbcTemplate().getDataSource()).destroy();
				}
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

	}

	/** A batch of new events made ready by {@link Batches#prepare}. */
	public static final class Prepared {

		private final Rows rows;

		private Prepared(Rows rows) {
			this.rows = rows;
		}

	}

	private record Rows(List<Map<String, Object>> events, List<Map<String, Object>> actors,
			List<Map<String, Object>> versions) {

		@SuppressWarnings("unchecked")
		Map<String, Object>[] maps(List<Map<String, Object>> list) {
			return list.toArray(Map[]::new);
		}

	}

	/**
	 * Rows in COPY's text format (tab between columns, \N for null, backslash escapes) as the UTF-8 bytes
	 * the driver sends as they are.
	 */
	private static InputStream copyText(List<Map<String, Object>> rows, List<String> columns, int rowSize) {
		var text = new StringBuilder(rows.size() * rowSize);
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
		return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void escape(StringBuilder text, String value) {
		int i = 0;
		while (i < value.length() && value.charAt(i) != '\\' && value.charAt(i) >= ' ') {
			i++;
		}
		if (i == value.length()) {
			text.append(value);
			return;
		}
		text.append(value, 0, i);
		for (; i < value.length(); i++) {
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

}
