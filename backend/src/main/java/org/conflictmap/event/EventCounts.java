package org.conflictmap.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts of the published events that match a query: the stats behind the timeline, the legend and the
 * filters, and the map's clusters. Both are added up per start day from {@link WindowParts} when the
 * query has both dates, so a slider step reads only the days it has not seen.
 */
@Repository
public class EventCounts {

	/** Rows {@link WindowParts} keeps by default: about 100 bytes each. */
	public static final long DEFAULT_WINDOW_PART_ROWS = 300_000;

	private final JdbcClient jdbc;

	private final EventRepository events;

	private final WindowParts parts;

	/** Runs the statements a count runs beside its own (see {@link #countWhole}). */
	private final Executor sideQueries;

	/** Counts for tests and tools without a service: side statements run in the caller's thread. */
	public EventCounts(JdbcClient jdbc) {
		this(jdbc, new EventRepository(jdbc), DEFAULT_WINDOW_PART_ROWS, Runnable::run);
	}

	/**
	 * @param windowPartRows how many rows of windows' parts to keep; 0 reads every window whole
	 * @param sideQueries where statements run beside a read's own (database/BackgroundWork)
	 */
	@Autowired
	public EventCounts(JdbcClient jdbc, EventRepository events,
			@Value("${conflictmap.window-parts.max-rows:" + DEFAULT_WINDOW_PART_ROWS + "}") long windowPartRows,
			@Qualifier("sideQueries") Executor sideQueries) {
		this.jdbc = jdbc;
		this.events = events;
		this.parts = new WindowParts(windowPartRows);
		this.sideQueries = sideQueries;
	}

	/**
	 * Counts of the published events that match, for the timeline, the legend and the filters: per start
	 * day and type, per claim status, and the actors most often named. A query with both dates is counted
	 * from {@link WindowParts}' days, read only where not already kept.
	 * @param actorLimit how many actors at most
	 */
	public EventStats stats(EventQuery query, int actorLimit) {
		var store = events.whereStore(query);
		var tally = new StatsTally();
		List<DayStats> days = !keepsParts(query) ? null
				: parts.between(WindowParts.Key.of(events.dataVersion(), "stats", query), query.from(), query.to(),
						(first, last) -> countByDay(EventWhere.startingBetween(query, first, last, store)), DayStats::rows);
		if (days == null) {
			countWhole(EventWhere.of(query, EventWhere.PUBLISHED, store), tally);
			return tally.stats(actorLimit);
		}
		days.forEach(tally::add);
		EventWhere before = EventWhere.reachingInto(query, store);
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
	private void countWhole(EventWhere where, StatsTally tally) {
		var actors = new ActorTally();
		CompletableFuture<Void> actorCount = CompletableFuture.runAsync(
				() -> jdbc.sql(EventSql.COUNT_BY_ACTOR.formatted(where.sql()))
					.params(where.params())
					.query((RowCallbackHandler) rs -> actors.add(rs.getString("actor_key"), rs.getString("actor"),
							rs.getLong("n"))),
				sideQueries);
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_TYPE.formatted(where.sql()))
			.params(where.params())
			.query((RowCallbackHandler) rs -> tally.addType(rs.getObject("start_day", LocalDate.class),
					rs.getString("event_type"), rs.getLong("n")));
		jdbc.sql(EventSql.COUNT_BY_CLAIM_STATUS.formatted(where.sql()))
			.params(where.params())
			.query((RowCallbackHandler) rs -> tally.addStatus(rs.getString("claim_status"), rs.getLong("n"),
					rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)));
		join(actorCount);
		tally.actors.addAll(actors);
	}

	/** The same counts per start day, for {@link WindowParts}. */
	private SortedMap<LocalDate, DayStats> countByDay(EventWhere where) {
		var days = new TreeMap<LocalDate, DayStats>();
		var actorRows = new TreeMap<LocalDate, List<ActorRow>>();
		var spellings = new HashMap<String, String>();
		CompletableFuture<Void> actorCount = CompletableFuture.runAsync(
				() -> jdbc.sql(EventSql.COUNT_BY_DAY_AND_ACTOR.formatted(where.sql()))
					.params(where.params())
					.query((RowCallbackHandler) rs -> actorRows
						.computeIfAbsent(rs.getObject("start_day", LocalDate.class), d -> new ArrayList<>())
						.add(new ActorRow(spellings.computeIfAbsent(rs.getString("actor_key"), k -> k),
								spellings.computeIfAbsent(rs.getString("actor"), a -> a), rs.getLong("n")))),
				sideQueries);
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_TYPE.formatted(where.sql()))
			.params(where.params())
			.query((RowCallbackHandler) rs -> days.computeIfAbsent(rs.getObject("start_day", LocalDate.class), DayStats::new)
				.byType.put(EventVocabulary.canonical(rs.getString("event_type")), rs.getLong("n")));
		jdbc.sql(EventSql.COUNT_BY_DAY_AND_CLAIM_STATUS.formatted(where.sql()))
			.params(where.params())
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
	 * The published events that match (paging aside), counted per cell of a screen-square grid at
	 * {@code zoom}: the map's server-side clusters. A query with both dates is added up from
	 * {@link WindowParts}' days, read only where not already kept.
	 */
	public EventClusters clusters(EventQuery query, int zoom) {
		var store = events.whereStore(query);
		var clusters = new EventClusters.Builder(zoom);
		var key = keepsParts(query) ? WindowParts.Key.of(events.dataVersion(), "clusters/" + zoom, query) : null;
		List<List<EventClusters.CellCount>> days = key == null ? null : parts.between(key, query.from(), query.to(), (first, last) -> {
			var byDay = new TreeMap<LocalDate, List<EventClusters.CellCount>>();
			cells(true, EventWhere.startingBetween(query, first, last, store), zoom,
					(d, cell) -> byDay.computeIfAbsent(d, x -> new ArrayList<>()).add(cell));
			return byDay;
		}, List::size);
		if (days == null) {
			cells(false, EventWhere.of(query, EventWhere.PUBLISHED, store), zoom, (day, cell) -> clusters.add(cell));
			// the clusters of a plain link's first view (not the stats without dates: every page asks for
			// those, for the slider's bounds, whatever window it then shows)
			if (everyDay(query)) {
				parts.sawEveryDay(WindowParts.Key.of(events.dataVersion(), "clusters/" + zoom, query));
			}
			return clusters.build();
		}
		days.forEach(day -> day.forEach(clusters::add));
		EventWhere before = EventWhere.reachingInto(query, store);
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
	private void cells(boolean byDay, EventWhere where, int zoom,
			BiConsumer<LocalDate, EventClusters.CellCount> sink) {
		String statement = byDay ? EventSql.COUNT_BY_DAY_CELL_AND_TYPE : EventSql.COUNT_BY_CELL_AND_TYPE;
		jdbc.sql(statement.formatted(where.sql()))
			.params(where.params())
			.param("cellLon", EventClusters.cellLon(zoom))
			.param("cellY", EventClusters.cellY(zoom))
			.query((RowCallbackHandler) rs -> sink.accept(byDay ? rs.getObject("start_day", LocalDate.class) : null,
					new EventClusters.CellCount(rs.getLong("cx"), rs.getLong("cy"),
							EventVocabulary.canonical(rs.getString("event_type")), rs.getLong("n"),
							rs.getDouble("sum_lon"), rs.getDouble("sum_lat"), rs.getDouble("min_lon"),
							rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"))));
	}

}
