package org.conflictmap.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;

/**
 * The event store, the same code on PostGIS and H2GIS. Writes keep every version in
 * {@code event_versions}; reads stream rows so a large answer never sits in memory whole.
 */
@Repository
public class EventRepository {

	/** What every public read sees. */
	public static final Set<String> PUBLISHED = Set.of("published");

	/** Rows {@link WindowParts} keeps by default: about 100 bytes each. */
	public static final long DEFAULT_WINDOW_PART_ROWS = 300_000;

	private final JdbcClient jdbc;

	private final WindowParts parts;

	/** Runs the statements a read runs beside its own (see {@link #countWhole}). */
	private final Executor sideQueries;

	/** A repository for tests and tools without a service: side statements run in the caller's thread. */
	public EventRepository(JdbcClient jdbc) {
		this(jdbc, DEFAULT_WINDOW_PART_ROWS, Runnable::run);
	}

	/**
	 * @param windowPartRows how many rows of windows' parts to keep; 0 reads every window whole
	 * @param sideQueries where statements run beside a read's own (system/BackgroundWork)
	 */
	@Autowired
	public EventRepository(JdbcClient jdbc,
			@Value("${conflictmap.window-parts.max-rows:" + DEFAULT_WINDOW_PART_ROWS + "}") long windowPartRows,
			@Qualifier("sideQueries") Executor sideQueries) {
		this.jdbc = jdbc;
		this.parts = new WindowParts(windowPartRows);
		this.sideQueries = sideQueries;
	}

	/** One event by id, whatever its curation status. */
	public Optional<Event> findById(String id) {
		return jdbc.sql(EventSql.SELECT_BY_ID).param("id", id).query((rs, n) -> map(rs)).optional();
	}

	/** How many published events match, ignoring the query's paging. */
	public long count(EventQuery query) {
		return count(query, PUBLISHED);
	}

	/** How many events in any of the curation statuses match, ignoring the query's paging. */
	public long count(EventQuery query, Set<String> curation) {
		var where = where(query, curation);
		return jdbc.sql(EventSql.count(where.sql)).params(where.params).query(Long.class).single();
	}

	/**
	 * Hands every published event that matches to {@code sink}, oldest first, one page. Read-only
	 * transaction and the configured fetch size let PostgreSQL stream through a cursor instead of
	 * loading the whole answer.
	 */
	@Transactional(readOnly = true)
	public void forEach(EventQuery query, Consumer<Event> sink) {
		forEach(query, PUBLISHED, sink);
	}

	/** The same for events in any of the given curation statuses: what curators see. */
	@Transactional(readOnly = true)
	public void forEach(EventQuery query, Set<String> curation, Consumer<Event> sink) {
		pageRows(where(query, curation), query, rs -> sink.accept(map(rs)));
	}

	/** The page's rows ({@link EventSql#COLUMNS}) as they come; how many there were. */
	private int pageRows(Where where, EventQuery query, RowCallbackHandler rows) {
		int[] returned = { 0 };
		jdbc.sql(query.limit() <= EventSql.SMALL_PAGE ? EventSql.selectByIds(where.sql) : EventSql.select(where.sql))
			.params(where.params)
			.param("limit", query.limit())
			.param("offset", query.offset())
			.query((RowCallbackHandler) rs -> {
				rows.processRow(rs);
				returned[0]++;
			});
		return returned[0];
	}

	/**
	 * The page as GeoJSON features written to {@code json} straight from the rows
	 * ({@link EventJson#writeStoredFeature}); returns how many match in all, paging aside, which a
	 * FeatureCollection ends with. One WHERE and one read-only transaction for both.
	 */
	@Transactional(readOnly = true)
	public long writeFeaturesCounted(EventQuery query, Set<String> curation, JsonGenerator json) {
		var where = where(query, curation);
		int returned = pageRows(where, query, rs -> EventJson.writeStoredFeature(json, rs));
		return matched(where, query, returned);
	}

	/** All that match: the page tells when it is not full, else they are counted. */
	private long matched(Where where, EventQuery query, int returned) {
		if (returned < query.limit() && (returned > 0 || query.offset() == 0)) {
			return query.offset() + returned;
		}
		return jdbc.sql(EventSql.count(where.sql)).params(where.params).query(Long.class).single();
	}

	/**
	 * Counts of the published events that match, for the timeline, the legend and the filters: per start
	 * day and type, per claim status, and the actors most often named. A query with both dates is counted
	 * from {@link WindowParts}' days, read only where not already kept.
	 * @param actorLimit how many actors at most
	 */
	public EventStats stats(EventQuery query, int actorLimit) {
		var tally = new StatsTally();
		List<DayStats> days = !keepsParts(query) ? null
				: parts.between(WindowParts.Key.of(dataVersion(), "stats", query), query.from(), query.to(),
						(first, last) -> countByDay(startingBetween(query, first, last)), DayStats::rows);
		if (days == null) {
			countWhole(where(query, PUBLISHED), tally);
			return tally.stats(actorLimit);
		}
		days.forEach(tally::add);
		Where before = reachingInto(query);
		if (before != null) {
			countWhole(before, tally);
		}
		return tally.stats(actorLimit);
	}

	/**
	 * The three counts of {@link #stats} for one WHERE. The actor count is the costliest (a join with the
	 * actor rows): on a connection of its own, at the same time as the others. No transaction around them:
	 * each statement sees its own snapshot either way (READ COMMITTED), and no connection is held while
	 * another is awaited, so a busy pool cannot lock itself up with requests that each hold one connection
	 * and wait for a second.
	 */
	private void countWhole(Where where, StatsTally tally) {
		var actors = new ActorTally();
		CompletableFuture<Void> actorCount = CompletableFuture.runAsync(
				() -> jdbc.sql(EventSql.COUNT_BY_ACTOR.formatted(where.sql))
					.params(where.params)
					.query((RowCallbackHandler) rs -> actors.add(rs.getString("actor_key"), rs.getString("actor"),
							rs.getLong("n"))),
				sideQueries);
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_TYPE.formatted(where.sql))
			.params(where.params)
			.query((RowCallbackHandler) rs -> tally.addType(rs.getObject("start_day", LocalDate.class),
					rs.getString("event_type"), rs.getLong("n")));
		jdbc.sql(EventSql.COUNT_BY_CLAIM_STATUS.formatted(where.sql))
			.params(where.params)
			.query((RowCallbackHandler) rs -> tally.addStatus(rs.getString("claim_status"), rs.getLong("n"),
					rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)));
		join(actorCount);
		tally.actors.addAll(actors);
	}

	/** The same counts per start day, for {@link WindowParts}. */
	private SortedMap<LocalDate, DayStats> countByDay(Where where) {
		var days = new TreeMap<LocalDate, DayStats>();
		var actorRows = new TreeMap<LocalDate, List<ActorRow>>();
		var spellings = new HashMap<String, String>();
		CompletableFuture<Void> actorCount = CompletableFuture.runAsync(
				() -> jdbc.sql(EventSql.COUNT_BY_DAY_AND_ACTOR.formatted(where.sql))
					.params(where.params)
					.query((RowCallbackHandler) rs -> actorRows
						.computeIfAbsent(rs.getObject("start_day", LocalDate.class), d -> new ArrayList<>())
						.add(new ActorRow(spellings.computeIfAbsent(rs.getString("actor_key"), k -> k),
								spellings.computeIfAbsent(rs.getString("actor"), a -> a), rs.getLong("n")))),
				sideQueries);
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_TYPE.formatted(where.sql))
			.params(where.params)
			.query((RowCallbackHandler) rs -> days.computeIfAbsent(rs.getObject("start_day", LocalDate.class), DayStats::new)
				.byType.put(EventVocabulary.canonical(rs.getString("event_type")), rs.getLong("n")));
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_CLAIM_STATUS.formatted(where.sql))
			.params(where.params)
			.query((RowCallbackHandler) rs -> {
				DayStats day = days.computeIfAbsent(rs.getObject("start_day", LocalDate.class), DayStats::new);
				day.byStatus.put(EventVocabulary.canonical(rs.getString("claim_status")), rs.getLong("n"));
				LocalDate last = rs.getObject("last_day", LocalDate.class);
				day.lastDay = day.lastDay == null || last.isAfter(day.lastDay) ? last : day.lastDay;
			});
		join(actorCount);
		actorRows.forEach((day, rows) -> days.computeIfAbsent(day, DayStats::new).actors = List.copyOf(rows));
		return days;
	}

	private static void join(CompletableFuture<?> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	private record ActorRow(String key, String spelling, long count) {
	}

	/** The events starting on one day, counted as {@link #stats} counts them. */
	private static final class DayStats {

		final LocalDate day;

		final Map<String, Long> byType = new TreeMap<>();

		final Map<String, Long> byStatus = new TreeMap<>();

		LocalDate lastDay;

		List<ActorRow> actors = List.of();

		DayStats(LocalDate day) {
			this.day = day;
		}

		int rows() {
			return 1 + byType.size() + byStatus.size() + actors.size();
		}

	}

	/** {@link EventStats} added up from counts of parts of the events. */
	private static final class StatsTally {

		final TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();

		final Map<String, Long> byStatus = new TreeMap<>();

		final ActorTally actors = new ActorTally();

		LocalDate first;

		LocalDate last;

		void addType(LocalDate day, String type, long n) {
			days.computeIfAbsent(day, d -> new TreeMap<>()).merge(type, n, Long::sum);
		}

		void addStatus(String status, long n, LocalDate firstDay, LocalDate lastDay) {
			byStatus.merge(status, n, Long::sum);
			first = first == null || firstDay.isBefore(first) ? firstDay : first;
			last = last == null || lastDay.isAfter(last) ? lastDay : last;
		}

		void add(DayStats day) {
			day.byType.forEach((type, n) -> addType(day.day, type, n));
			day.byStatus.forEach((status, n) -> addStatus(status, n, day.day, day.lastDay));
			day.actors.forEach(a -> actors.add(a.key(), a.spelling(), a.count()));
		}

		EventStats stats(int actorLimit) {
			return EventStats.of(first, last, days, byStatus, actors.top(actorLimit));
		}

	}

	/**
	 * Hands every published event the frontline may be derived from (a control change, or fighting,
	 * placed better than a region) to {@code sink}, as the few fields that derivation reads; streamed.
	 */
	@Transactional(readOnly = true)
	public void forEachTerritoryEvent(Consumer<TerritoryEvent> sink) {
		jdbc.sql(EventSql.TERRITORY_EVENTS)
			.query((RowCallbackHandler) rs -> sink.accept(new TerritoryEvent(rs.getString("id"),
					rs.getObject("date_start", LocalDate.class), rs.getObject("date_end", LocalDate.class),
					rs.getString("event_type"), rs.getString("place_id"), rs.getInt("geo_precision"),
					point(rs.getBytes("geom_wkb")), rs.getString("control_side"), rs.getString("control_change"))));
	}

	/**
	 * The published events that match (paging aside), counted per cell of a screen-square grid at
	 * {@code zoom}: the map's server-side clusters. A query with both dates is added up from
	 * {@link WindowParts}' days, read only where not already kept.
	 */
	public EventClusters clusters(EventQuery query, int zoom) {
		var clusters = new EventClusters.Builder(zoom);
		var key = keepsParts(query) ? WindowParts.Key.of(dataVersion(), "clusters/" + zoom, query) : null;
		List<List<EventClusters.CellCount>> days = key == null ? null : parts.between(key, query.from(), query.to(), (first, last) -> {
			var byDay = new TreeMap<LocalDate, List<EventClusters.CellCount>>();
			cells(true, startingBetween(query, first, last), zoom,
					(d, cell) -> byDay.computeIfAbsent(d, x -> new ArrayList<>()).add(cell));
			return byDay;
		}, List::size);
		if (days == null) {
			cells(false, where(query, PUBLISHED), zoom, (day, cell) -> clusters.add(cell));
			// the clusters of a plain link's first view (not the stats without dates: every page asks for
			// those, for the slider's bounds, whatever window it then shows)
			if (everyDay(query)) {
				parts.sawEveryDay(WindowParts.Key.of(dataVersion(), "clusters/" + zoom, query));
			}
			return clusters.build();
		}
		days.forEach(day -> day.forEach(clusters::add));
		Where before = reachingInto(query);
		if (before != null) {
			cells(false, before, zoom, (day, cell) -> clusters.add(cell));
		}
		return clusters.build();
	}

	/** Whether {@code query} reads every day (no dates), which {@link WindowParts} notes for the window after it. */
	private boolean everyDay(EventQuery query) {
		return query.from() == null && query.to() == null && parts.enabled();
	}

	/** Whether a read of {@code query} goes through {@link WindowParts}: one with both dates, when it is on. */
	private boolean keepsParts(EventQuery query) {
		return query.from() != null && query.to() != null && parts.enabled();
	}

	/**
	 * Runs a count per cell: {@link EventSql#COUNT_BY_CELL_AND_TYPE}, or per day and cell
	 * ({@link EventSql#COUNT_BY_DAY_CELL_AND_TYPE}) when {@code byDay}; the sink gets the day, or null.
	 */
	private void cells(boolean byDay, Where where, int zoom,
			java.util.function.BiConsumer<LocalDate, EventClusters.CellCount> sink) {
		String statement = byDay ? EventSql.COUNT_BY_DAY_CELL_AND_TYPE : EventSql.COUNT_BY_CELL_AND_TYPE;
		jdbc.sql(statement.formatted(where.sql))
			.params(where.params)
			.param("cellLon", EventClusters.cellLon(zoom))
			.param("cellY", EventClusters.cellY(zoom))
			.query((RowCallbackHandler) rs -> sink.accept(byDay ? rs.getObject("start_day", LocalDate.class) : null,
					new EventClusters.CellCount(rs.getLong("cx"), rs.getLong("cy"),
							EventVocabulary.canonical(rs.getString("event_type")), rs.getLong("n"),
							rs.getDouble("sum_lon"), rs.getDouble("sum_lat"), rs.getDouble("min_lon"),
							rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"))));
	}

	/**
	 * A token that changes whenever any event is written (a counter in the database and when it last
	 * moved). Caches of derived data and ETags key on it, so every instance sharing the database agrees at
	 * once on what is current. One row: cheap enough to read on every request.
	 */
	public String dataVersion() {
		return jdbc.sql(EventSql.DATA_VERSION)
			.query((rs, n) -> rs.getLong("version") + "@"
					+ rs.getObject("changed_at", OffsetDateTime.class).toInstant().toEpochMilli())
			.single();
	}

	/** Where and when the published events lie, or null when there are none. */
	public Extent extent() {
		return jdbc.sql(EventSql.EXTENT).query((rs, n) -> {
			LocalDate first = rs.getObject("first_day", LocalDate.class);
			if (first == null) {
				return null;
			}
			return new Extent(new Envelope(rs.getDouble("min_lon"), rs.getDouble("max_lon"), rs.getDouble("min_lat"),
					rs.getDouble("max_lat")), first, rs.getObject("last_day", LocalDate.class));
		}).optional().orElse(null);
	}

	/** The spatial and temporal extent of the published events. */
	public record Extent(Envelope bbox, LocalDate firstDay, LocalDate lastDay) {
	}

	/** Ids of the events that came from {@code origin}, with the content hash they were written from. */
	public Map<String, String> originHashes(String origin) {
		var hashes = new HashMap<String, String>();
		jdbc.sql(EventSql.SELECT_ORIGIN_HASHES)
			.param("origin", origin)
			.query((RowCallbackHandler) rs -> hashes.put(rs.getString("id"), rs.getString("origin_hash")));
		return hashes;
	}

	/**
	 * Stores a new event as version 1, and that version in the history.
	 * @param origin where it came from ({@code seed}, later {@code api}, {@code acled}, ...)
	 * @param originHash a hash of the input it was made from, so a re-import can tell it is unchanged
	 */
	public Event insert(Event event, String origin, String originHash, String writtenBy) {
		Instant now = now();
		Event stored = event.withVersion(1, now, now);
		jdbc.sql(EventSql.INSERT).params(params(stored, origin, originHash)).update();
		writeActors(stored);
		recordVersion(stored, writtenBy, EventChange.CREATED, null);
		return stored;
	}

	/**
	 * Replaces an event with a new version; the previous version stays in the history.
	 * @throws OptimisticLockingFailureException when someone else wrote a newer version first
	 */
	public Event update(Event event, String origin, String originHash, String writtenBy) {
		return update(event, origin, originHash, writtenBy, null);
	}

	/**
	 * The same, recording that the new version brings back an earlier one.
	 * @param restoredFrom the version whose content this is, or null for an ordinary edit
	 */
	public Event update(Event event, String origin, String originHash, String writtenBy, Integer restoredFrom) {
		Event current = findById(event.id())
			.orElseThrow(() -> new IllegalArgumentException("no event " + event.id() + " to update"));
		if (current.version() != event.version()) {
			throw new OptimisticLockingFailureException("event " + event.id() + " is at version "
					+ current.version() + ", not " + event.version());
		}
		Event stored = event.withVersion(current.version() + 1, current.createdAt(), now());
		if (current.version() == 1) {
			// an import leaves its first version to the events row, which is about to change
			jdbc.sql(EventSql.WRITE_OUT_FIRST_VERSION)
				.param("id", current.id())
				.param("feature", EventJson.featureString(current))
				.update();
		}
		int rows = jdbc.sql(EventSql.UPDATE).params(params(stored, origin, originHash)).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("event " + event.id() + " changed while it was being saved");
		}
		jdbc.sql(EventSql.DELETE_ACTORS).param("id", stored.id()).update();
		writeActors(stored);
		recordVersion(stored, writtenBy, EventChange.kind(current.status(), stored.status(), restoredFrom != null),
				restoredFrom);
		return stored;
	}

	/** Every version of the event, oldest first; empty when there is no such event. */
	public List<EventChange> versions(String id) {
		return jdbc.sql(EventSql.SELECT_VERSIONS).param("id", id).query((rs, n) -> change(rs)).list();
	}

	/** The event as it was at {@code version}, from the history. */
	public Optional<Event> atVersion(String id, int version) {
		return jdbc.sql(EventSql.SELECT_VERSION_FEATURE)
			.param("id", id)
			.param("version", version)
			.query((rs, n) -> {
				String feature = rs.getString("version_feature");
				return feature == null ? map(rs) : EventJson.fromFeature(feature);
			})
			.optional();
	}

	/** The stored feature of every version, oldest first, for the history's diffs. */
	public List<String> featureHistory(String id) {
		return jdbc.sql(EventSql.SELECT_VERSION_FEATURES)
			.param("id", id)
			.query((rs, n) -> versionFeature(rs))
			.list();
	}

	/** A version's feature: as stored, or where an import left it to the events row, that row's. */
	private static String versionFeature(ResultSet rs) throws SQLException {
		String feature = rs.getString("version_feature");
		return feature != null ? feature : EventJson.featureString(map(rs));
	}

	/**
	 * Writes since {@code since}, in the order written (then by id and version), at most {@code limit}.
	 * @param after the last change of the previous page, or null for the first page
	 * @param publicOnly what readers without a login may see: published versions and those that took a
	 * published event off the map
	 */
	public List<EventChange> changes(Instant since, EventChange after, boolean publicOnly, int limit) {
		var sql = new StringBuilder(EventSql.CHANGES);
		var params = new HashMap<String, Object>();
		params.put("since", utc(since));
		params.put("limit", limit);
		if (after != null) {
			sql.append(EventSql.CHANGES_AFTER);
			params.put("afterAt", utc(after.at()));
			params.put("afterId", after.id());
			params.put("afterVersion", after.version());
		}
		if (publicOnly) {
			sql.append(EventSql.CHANGES_PUBLIC);
		}
		sql.append(EventSql.CHANGES_ORDER);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> change(rs)).list();
	}

	private static EventChange change(ResultSet rs) throws SQLException {
		return new EventChange(rs.getString("event_id"), rs.getInt("version"), rs.getString("change_kind"),
				rs.getString("status"), rs.getObject("written_at", OffsetDateTime.class).toInstant(),
				rs.getString("written_by"), rs.getObject("restored_from", Integer.class));
	}

	/** How many versions of the event the history holds. */
	public int versionCount(String id) {
		return jdbc.sql(EventSql.COUNT_VERSIONS).param("id", id).query(Integer.class).single();
	}

	private void writeActors(Event stored) {
		for (var actor : EventFilters.actorRows(stored.actors()).entrySet()) {
			jdbc.sql(EventSql.INSERT_ACTOR)
				.param("id", stored.id())
				.param("key", actor.getKey())
				.param("actor", actor.getValue())
				.update();
		}
	}

	private void recordVersion(Event stored, String writtenBy, String change, Integer restoredFrom) {
		jdbc.sql(EventSql.BUMP_DATA_VERSION)
			.param("now", utc(stored.updatedAt()))
			.param("spanDays", stored.spanDays())
			.update();
		jdbc.sql(EventSql.INSERT_VERSION)
			.param("id", stored.id())
			.param("version", stored.version())
			.param("feature", EventJson.featureString(stored))
			.param("writtenAt", utc(stored.updatedAt()))
			.param("writtenBy", writtenBy)
			.param("change", change)
			.param("status", stored.status())
			.param("restoredFrom", restoredFrom, java.sql.Types.INTEGER)
			.update();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	/** Whether the store is H2, read from the driver once. */
	private volatile Boolean h2;

	private boolean onH2() {
		Boolean known = h2;
		if (known == null) {
			ResultSetExtractor<Boolean> product = rs -> "H2"
				.equals(rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
			known = jdbc.sql("SELECT 1").query(product);
			h2 = known;
		}
		return known;
	}

	private Where where(EventQuery q, Set<String> curation) {
		var w = new WhereBuilder(curation);
		if (q.from() != null) {
			w.from(q.from());
		}
		if (q.to() != null) {
			w.sql.append(EventSql.TO_CLAUSE);
			w.params.put("to", q.to());
		}
		boolean narrowWindow = q.from() != null && q.to() != null
				&& q.to().toEpochDay() - q.from().toEpochDay() <= EventSql.NARROW_WINDOW_DAYS;
		return w.filters(q, narrowWindow);
	}

	/** The published events that match but for the dates, and start from {@code first} to {@code last}. */
	private Where startingBetween(EventQuery q, LocalDate first, LocalDate last) {
		var w = new WhereBuilder(PUBLISHED);
		w.sql.append(EventSql.STARTS_CLAUSE);
		w.params.put("startsFirst", first);
		w.params.put("startsLast", last);
		return w.filters(q, last.toEpochDay() - first.toEpochDay() <= EventSql.NARROW_WINDOW_DAYS);
	}

	/**
	 * The published events that match but for the dates, start before {@code q.from()} and reach into it
	 * (a window's events that {@link WindowParts} does not keep), or null when no event spans more than
	 * a day, so none can.
	 */
	private Where reachingInto(EventQuery q) {
		var w = new WhereBuilder(PUBLISHED);
		int span = w.from(q.from());
		if (span == 0) {
			return null;
		}
		w.sql.append(EventSql.STARTS_BEFORE_CLAUSE);
		return w.filters(q, span <= EventSql.NARROW_WINDOW_DAYS);
	}

	/** A WHERE clause and its values, built up in the order every read uses. */
	private final class WhereBuilder {

		final StringBuilder sql = new StringBuilder();

		final Map<String, Object> params = new LinkedHashMap<>();

		WhereBuilder(Set<String> curation) {
			if (curation.equals(PUBLISHED)) {
				sql.append(EventSql.PUBLIC);
			}
			else {
				sql.append(EventSql.CURATION);
				params.put("curation", curation);
			}
		}

		/** Events that end on or after {@code from}; returns the longest span, which bounds their start. */
		int from(LocalDate from) {
			int span = jdbc.sql(EventSql.MAX_SPAN).query(Integer.class).single();
			sql.append(EventSql.FROM_CLAUSE);
			params.put("from", from);
			params.put("fromLow", from.minusDays(span));
			return span;
		}

		/**
		 * The bbox and the other filters.
		 * @param narrowWindow whether the dates bound the events to at most {@link EventSql#NARROW_WINDOW_DAYS}
		 */
		Where filters(EventQuery q, boolean narrowWindow) {
			if (q.bbox() != null) {
				if (onH2()) {
					boolean narrowBox = q.bbox().getWidth() <= EventSql.LONGITUDE_INDEX_MAX_DEGREES;
					sql.append(narrowBox && !narrowWindow ? EventSql.BBOX_BY_LONGITUDE_INDEX_CLAUSE
							: EventSql.BBOX_BY_COORDINATES_CLAUSE);
				}
				else {
					sql.append(narrowWindow ? EventSql.BBOX_BY_COORDINATES_CLAUSE : EventSql.BBOX_CLAUSE);
				}
				params.put("minLon", q.bbox().getMinX());
				params.put("minLat", q.bbox().getMinY());
				params.put("maxLon", q.bbox().getMaxX());
				params.put("maxLat", q.bbox().getMaxY());
			}
			if (!q.types().isEmpty()) {
				sql.append(EventSql.TYPES_CLAUSE);
				params.put("types", q.types());
			}
			if (!q.claimStatuses().isEmpty()) {
				sql.append(EventSql.CLAIM_STATUS_CLAUSE);
				params.put("claimStatuses", q.claimStatuses());
			}
			if (!q.actors().isEmpty()) {
				sql.append(EventSql.ACTORS_CLAUSE);
				params.put("actors", q.actors());
			}
			if (q.text() != null) {
				List<String> words = List.of(q.text().toLowerCase(Locale.ROOT).split("\\s+"));
				for (int i = 0; i < words.size(); i++) {
					String name = "text" + i;
					sql.append(String.format(Locale.ROOT, EventSql.TEXT_CLAUSE, name));
					params.put(name, "%" + likeEscape(words.get(i)) + "%");
				}
			}
			return new Where(sql.toString(), params);
		}

	}

	/** The word as a LIKE pattern matches it literally: its own % and _ are not wildcards. */
	static String likeEscape(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Map<String, Object> params(Event e, String origin, String originHash) {
		var p = new HashMap<String, Object>();
		p.put("id", e.id());
		p.put("title", e.title());
		p.put("summary", e.summary());
		p.put("eventType", e.eventType());
		p.put("subEventType", e.subEventType());
		p.put("actors", EventJson.toJson(e.actors()));
		p.put("dateStart", e.dateStart());
		p.put("dateEnd", e.dateEnd());
		p.put("timePrecision", e.timePrecision());
		p.put("placeText", e.placeText());
		p.put("placeId", e.geocode().placeId());
		p.put("geoPrecision", e.geocode().geoPrecision());
		p.put("geocodeMethod", e.geocode().method());
		p.put("geocodeScore", e.geocode().score());
		p.put("geocode", EventJson.toJson(e.geocode()));
		p.put("country", e.country());
		p.put("admin1", e.admin1());
		p.put("lon", e.geom().getX());
		p.put("lat", e.geom().getY());
		p.put("fatalities", e.fatalities());
		p.put("claims", EventJson.toJson(e.claims()));
		p.put("sources", EventJson.toJson(e.sources()));
		p.put("controlSide", e.controlChange() == null ? null : e.controlChange().side());
		p.put("controlChange", e.controlChange() == null ? null : e.controlChange().change());
		p.put("status", e.status());
		p.put("claimStatus", e.claimStatus());
		p.put("version", e.version());
		p.put("origin", origin);
		p.put("originHash", originHash);
		p.put("createdAt", utc(e.createdAt()));
		p.put("updatedAt", utc(e.updatedAt()));
		return p;
	}

	private static Event map(ResultSet rs) throws SQLException {
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

	/** Millisecond precision: what both databases keep, so a written event reads back equal. */
	static Instant now() {
		return Instant.ofEpochMilli(System.currentTimeMillis());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
