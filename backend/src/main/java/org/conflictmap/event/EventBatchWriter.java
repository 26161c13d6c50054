package org.conflictmap.event;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Repository;

import static org.conflictmap.event.CopyBinary.Kind.INT4;
import static org.conflictmap.event.CopyBinary.Kind.TEXT;
import static org.conflictmap.event.CopyBinary.Kind.TIMESTAMPTZ;

/**
 * The bulk write path for imports of many thousands of events: the same rows as
 * {@link EventRepository#insert} (event, actors, version 1 in the history, whose feature is left to the
 * events row: {@link EventSql#WRITE_OUT_FIRST_VERSION}), sent with PostgreSQL's COPY
 * on PostGIS and as JDBC batches elsewhere, and one move of the data version per import instead of one
 * per event. The caller holds the transaction; a {@link Batches} lives inside it.
 */
@Repository
public class EventBatchWriter {

	private static final List<CopyBinary.Column> ACTOR_COLUMNS = columns("id", TEXT, "key", TEXT, "actor", TEXT);

	private static final List<CopyBinary.Column> VERSION_COLUMNS = columns("id", TEXT, "version", INT4, "feature",
			TEXT, "writtenAt", TIMESTAMPTZ, "writtenBy", TEXT, "change", TEXT, "status", TEXT, "restoredFrom", INT4);

	private static List<CopyBinary.Column> columns(Object... keysAndKinds) {
		var columns = new ArrayList<CopyBinary.Column>();
		for (int i = 0; i < keysAndKinds.length; i += 2) {
			columns.add(new CopyBinary.Column((String) keysAndKinds[i], (CopyBinary.Kind) keysAndKinds[i + 1]));
		}
		return List.copyOf(columns);
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	/** Where a batch's COPY runs while the importer reads the next (database/BackgroundWork). */
	private final Executor copies;

	/** A writer for tests and tools: a batch's COPY runs on a thread of its own per import. */
	public EventBatchWriter(NamedParameterJdbcTemplate jdbc) {
		this(jdbc, task -> new Thread(task, "import-copy").start());
	}

	@Autowired
	public EventBatchWriter(NamedParameterJdbcTemplate jdbc, @Qualifier("importCopies") Executor copies) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getJdbcTemplate().getDataSource();
		this.copies = copies;
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
		jdbc.update(EventSql.BUMP_DATA_VERSION, Map.of("now", EventColumns.utc(now), "spanDays", spanDays));
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

		private final NamedParameterJdbcTemplate lookups;

		private CompletableFuture<Void> pending;

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
				this.lookups = jdbc;
			}
			else {
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
		 * Inserts new events as version 1, each with its origin hash ({@code events} and {@code hashes} are
		 * parallel lists, not changed afterwards), after the batch before it. On PostgreSQL it returns while
		 * the rows are written out and sent on the second thread; a failure then surfaces at {@link #await}
		 * or {@link #close}.
		 */
		public void insert(List<Event> events, List<String> hashes) {
			await();
			if (events.isEmpty()) {
				return;
			}
			var rows = new NewRows(events, hashes);
			if (copy == null) {
				jdbc.batchUpdate(EventColumns.INSERT, maps(rows.events()));
				var actors = maps(rows.actors());
				if (actors.length > 0) {
					jdbc.batchUpdate(EventSql.INSERT_ACTOR, actors);
				}
				jdbc.batchUpdate(EventSql.INSERT_VERSION, maps(rows.versions()));
				return;
			}
			pending = CompletableFuture.runAsync(() -> {
				try {
					copy.copyIn(EventColumns.COPY, new CopyBinary(rows.events(), EventColumns.COPIED), CopyBinary.PART);
					copy.copyIn(EventSql.COPY_ACTORS, new CopyBinary(rows.actors(), ACTOR_COLUMNS), CopyBinary.PART);
					copy.copyIn(EventSql.COPY_VERSIONS, new CopyBinary(rows.versions(), VERSION_COLUMNS), CopyBinary.PART);
				}
				catch (SQLException | IOException ex) {
					throw new CompletionException(ex);
				}
			}, copies);
		}

		/** The three tables' rows for new events, by {@link EventSql}'s parameter names, made as they are read. */
		private final class NewRows {

			private final List<Event> stored;

			private final List<String> hashes;

			NewRows(List<Event> events, List<String> hashes) {
				this.stored = events.stream().map(e -> e.withVersion(1, now, now)).toList();
				this.hashes = hashes;
			}

			Stream<Map<String, Object>> events() {
				return IntStream.range(0, stored.size())
					.mapToObj(i -> EventColumns.values(stored.get(i), origin, hashes.get(i)));
			}

			Stream<Map<String, Object>> actors() {
				return stored.stream()
					.flatMap(e -> EventFilters.actorRows(e.actors())
						.entrySet()
						.stream()
						.map(actor -> Map.<String, Object>of("id", e.id(), "key", actor.getKey(), "actor", actor.getValue())));
			}

			Stream<Map<String, Object>> versions() {
				return stored.stream().map(e -> {
					var version = new HashMap<String, Object>();
					version.put("id", e.id());
					version.put("version", 1);
					// the events row is this version until the event's first change writes it out
					version.put("feature", null);
					version.put("writtenAt", EventColumns.utc(now));
					version.put("writtenBy", writtenBy);
					version.put("change", EventChange.CREATED);
					version.put("status", e.status());
					version.put("restoredFrom", null);
					return version;
				});
			}

		}

		/** Waits for the batch in flight, if any; rethrows its failure. */
		public void await() {
			if (pending == null) {
				return;
			}
			CompletableFuture<Void> waiting = pending;
			pending = null;
			try {
				waiting.join();
			}
			catch (CompletionException ex) {
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
				if (copy != null) {
					((SingleConnectionDataSource) lookups.getJdbcTemplate().getDataSource()).destroy();
				}
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object>[] maps(Stream<Map<String, Object>> rows) {
		return rows.toArray(Map[]::new);
	}

}
