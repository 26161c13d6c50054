package org.conflictmap.event;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A WHERE clause over {@code events} and its bound values, built from a query without touching the
 * database: every read (pages, counts, stats, clusters) filters through here, so they all agree on what
 * matches. Values are always bound, never formatted in.
 * @param sql the clause, without the word WHERE
 * @param params its values by name
 */
record EventWhere(String sql, Map<String, Object> params) {

	/** What every public read sees. */
	static final Set<String> PUBLISHED = Set.of("published");

	/**
	 * What the clause is built against: the longest span of any event in days (it bounds how early an
	 * event reaching a window may start; read once per request) and whether the store is H2 (which has no
	 * spatial index).
	 */
	record Store(int maxSpanDays, boolean h2) {
	}

	/** The events in any of the {@code curation} statuses that match {@code q}, dates included. */
	static EventWhere of(EventQuery q, Set<String> curation, Store store) {
		var w = new Builder(curation);
		if (q.from() != null) {
			w.from(q.from(), store.maxSpanDays());
		}
		if (q.to() != null) {
			w.sql.append(EventSql.TO_CLAUSE);
			w.params.put("to", q.to());
		}
		boolean narrowWindow = q.from() != null && q.to() != null
				&& q.to().toEpochDay() - q.from().toEpochDay() <= EventSql.NARROW_WINDOW_DAYS;
		return w.filters(q, narrowWindow, store);
	}

	/** The published events that match but for the dates, and start from {@code first} to {@code last}. */
	static EventWhere startingBetween(EventQuery q, LocalDate first, LocalDate last, Store store) {
		var w = new Builder(PUBLISHED);
		w.sql.append(EventSql.STARTS_CLAUSE);
		w.params.put("startsFirst", first);
		w.params.put("startsLast", last);
		return w.filters(q, last.toEpochDay() - first.toEpochDay() <= EventSql.NARROW_WINDOW_DAYS, store);
	}

	/**
	 * The published events that match but for the dates, start before {@code q.from()} and reach into it
	 * (a window's events that {@link WindowParts} does not keep), or null when no event spans more than a
	 * day, so none can.
	 */
	static EventWhere reachingInto(EventQuery q, Store store) {
		if (store.maxSpanDays() == 0) {
			return null;
		}
		var w = new Builder(PUBLISHED);
		w.from(q.from(), store.maxSpanDays());
		w.sql.append(EventSql.STARTS_BEFORE_CLAUSE);
		return w.filters(q, store.maxSpanDays() <= EventSql.NARROW_WINDOW_DAYS, store);
	}

	/** The word as a LIKE pattern matches it literally: its own % and _ are not wildcards. */
	static String likeEscape(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The clause built up in the order every read uses. */
	private static final class Builder {

		final StringBuilder sql = new StringBuilder();

		final Map<String, Object> params = new LinkedHashMap<>();

		Builder(Set<String> curation) {
			if (curation.equals(PUBLISHED)) {
				sql.append(EventSql.PUBLIC);
			}
			else {
				sql.append(EventSql.CURATION);
				params.put("curation", curation);
			}
		}

		/** Events that end on or after {@code from}, and so start at most the longest span before it. */
		void from(LocalDate from, int maxSpanDays) {
			sql.append(EventSql.FROM_CLAUSE);
			params.put("from", from);
			params.put("fromLow", from.minusDays(maxSpanDays));
		}

		/**
		 * The bbox and the other filters.
		 * @param narrowWindow whether the dates bound the events to at most {@link EventSql#NARROW_WINDOW_DAYS}
		 */
		EventWhere filters(EventQuery q, boolean narrowWindow, Store store) {
			if (q.bbox() != null && q.bbox().getMaxX() > 180) {
				sql.append(EventSql.BBOX_ACROSS_ANTIMERIDIAN_CLAUSE);
				params.put("minLon", q.bbox().getMinX());
				params.put("minLat", q.bbox().getMinY());
				params.put("maxLon", q.bbox().getMaxX() - 360);
				params.put("maxLat", q.bbox().getMaxY());
			}
			else if (q.bbox() != null) {
				if (store.h2()) {
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
			if (q.filter() != null) {
				sql.append(" AND (").append(q.filter().sql()).append(')');
				params.putAll(q.filter().params());
			}
			return new EventWhere(sql.toString(), Map.copyOf(params));
		}

	}

}
