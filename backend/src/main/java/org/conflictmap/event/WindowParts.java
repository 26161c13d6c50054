package org.conflictmap.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Reads over a date window (the map's clusters and legend counts) kept in parts, one per start day, so
 * that the next window reads only the days it adds: a slider step moves the window by a day, and
 * without this each step counted the whole window again (100,000 events for the whole span). The events
 * of a window are those starting on one of its days plus those starting earlier that reach into it; the
 * parts are the first kind, added up by the caller, who reads the second kind, which the longest event's
 * span bounds ({@code data_version.max_span_days}), on its own.
 * <p>
 * Parts are kept per data version (read from the database, so every instance drops them on any write,
 * wherever it was made), per read and per filters other than the dates, for a contiguous range of days:
 * a window overlapping or next to the range extends it, any other starts it again. At most
 * {@code maxRows} rows (a cell of a day, an actor of a day...) are kept over all reads, and at most
 * {@link #MAX_KEYS} keys, the least recently used dropped first; a range larger than that alone is used
 * once and not kept.
 */
final class WindowParts {

	/** What a part is of: the data's version, the read (its name and anything else it depends on), the filters. */
	record Key(String version, String read, EventQuery filters) {

		/** The query's filters without its dates and paging, which are not the part's business. */
		static Key of(String version, String read, EventQuery q) {
			return new Key(version, read,
					new EventQuery(null, null, q.bbox(), 1, 0, q.types(), q.actors(), q.claimStatuses(), q.text(), q.filter()));
		}

	}

	/** Reads the parts of the days from {@code first} to {@code last}, both included; days without any are absent. */
	interface DayReader<P> {

		SortedMap<LocalDate, P> read(LocalDate first, LocalDate last);

	}

	private static final class Days<P> {

		LocalDate first;

		LocalDate last;

		final TreeMap<LocalDate, P> byDay = new TreeMap<>();

		long rows;

		/** The last window read whole instead, while no days are kept. */
		LocalDate seenFrom;

		LocalDate seenTo;

		/** Whether the last read was of every day (no dates: a plain link's first view). */
		boolean seenAll;

	}

	/** Keys remembered at most, kept days or not (each costs a few hundred bytes without any). */
	static final int MAX_KEYS = 1_000;

	private final long maxRows;

	private final LinkedHashMap<Key, Days<?>> kept = new LinkedHashMap<>(16, 0.75f, true);

	private String version = "";

	private long keptRows;

	WindowParts(long maxRows) {
		this.maxRows = maxRows;
	}

	/** Whether any parts are kept at all (a budget of 0 turns this off; callers then read windows whole). */
	boolean enabled() {
		return maxRows > 0;
	}

	/**
	 * The parts of the days from {@code from} to {@code to}, oldest first, read where not kept; or null
	 * when the caller should read the window whole instead. That is the answer to a first window, and to
	 * any window away from the days kept: one read of a window is faster than reading it day by day, and
	 * most windows are never followed by their neighbour (a link opened, a month picked). A window next to
	 * or overlapping the one before it is a slider moving: then the days of both are read and kept.
	 * @param rows how many rows a part holds, for the budget
	 */
	@SuppressWarnings("unchecked")
	<P> List<P> between(Key key, LocalDate from, LocalDate to, DayReader<P> reader, ToIntFunction<P> rows) {
		Days<P> days = (Days<P>) days(key);
		long added;
		List<P> parts;
		synchronized (days) {
			long before = days.rows;
			boolean afterAll = days.seenAll;
			days.seenAll = false;
			if (days.first == null || !touches(days.first, days.last, from, to)) {
				boolean stepped = afterAll || days.first == null && days.seenFrom != null
						&& touches(days.seenFrom, days.seenTo, from, to);
				days.byDay.clear();
				days.rows = 0;
				days.first = null;
				if (!stepped) {
					days.seenFrom = from;
					days.seenTo = to;
					account(key, days, -before);
					return null;
				}
				LocalDate first = afterAll || from.isBefore(days.seenFrom) ? from : days.seenFrom;
				LocalDate last = afterAll || to.isAfter(days.seenTo) ? to : days.seenTo;
				days.seenFrom = null;
				days.seenTo = null;
				read(days, first, last, reader, rows);
				days.first = first;
				days.last = last;
			}
			if (from.isBefore(days.first)) {
				read(days, from, days.first.minusDays(1), reader, rows);
				days.first = from;
			}
			if (to.isAfter(days.last)) {
				read(days, days.last.plusDays(1), to, reader, rows);
				days.last = to;
			}
			parts = new ArrayList<>(days.byDay.subMap(from, true, to, true).values());
			added = days.rows - before;
		}
		account(key, days, added);
		return parts;
	}

	/**
	 * Notes that {@code key}'s read was just made without dates, over every day (a plain link's first
	 * view, whose window is the whole span). The window after it is taken for a slider's first step: its
	 * days are read and kept then, so the step after that reads only the day it adds. Without this note
	 * that first window would be read whole, and only the second step would read the days.
	 */
	void sawEveryDay(Key key) {
		if (!enabled()) {
			return;
		}
		Days<?> days = days(key);
		synchronized (days) {
			days.seenAll = true;
		}
	}

	/** The key's days (none yet for a new key); everything kept is dropped when the data's version moved. */
	private Days<?> days(Key key) {
		synchronized (kept) {
			if (!key.version().equals(version)) {
				kept.clear();
				keptRows = 0;
				version = key.version();
			}
			return kept.computeIfAbsent(key, k -> new Days<>());
		}
	}

	/** Whether a window overlaps the days from {@code first} to {@code last} or lies next to them. */
	private static boolean touches(LocalDate first, LocalDate last, LocalDate from, LocalDate to) {
		return !from.isAfter(last.plusDays(1)) && !to.isBefore(first.minusDays(1));
	}

	/** Counts rows added to (or dropped from) a key's days, and drops the least recently used over the budget. */
	private void account(Key key, Days<?> days, long added) {
		synchronized (kept) {
			if (kept.get(key) != days) {
				return; // dropped meanwhile: its rows were taken off then
			}
			keptRows += added;
			Iterator<Map.Entry<Key, Days<?>>> oldest = kept.entrySet().iterator();
			while ((keptRows > maxRows || kept.size() > MAX_KEYS) && oldest.hasNext()) {
				Days<?> evicted = oldest.next().getValue();
				keptRows -= evicted.rows;
				oldest.remove();
			}
		}
	}

	private static <P> void read(Days<P> days, LocalDate first, LocalDate last, DayReader<P> reader, ToIntFunction<P> rows) {
		reader.read(first, last).forEach((day, part) -> {
			days.byDay.put(day, part);
			days.rows += rows.applyAsInt(part);
		});
	}

}
