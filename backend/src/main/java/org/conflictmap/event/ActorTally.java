package org.conflictmap.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Actor rows counted per key ({@link EventFilters#actorKey}) over every spelling of it, shown by the
 * spelling first in Java's order: added up here rather than in SQL so that parts counted apart (one per
 * day, {@link WindowParts}) give the same answer as one count, on either store.
 */
final class ActorTally {

	private final Map<String, Tally> byKey = new HashMap<>();

	private static final class Tally {

		String spelling;

		long count;

	}

	void add(String key, String spelling, long count) {
		Tally t = byKey.computeIfAbsent(key, k -> new Tally());
		if (t.spelling == null || spelling.compareTo(t.spelling) < 0) {
			t.spelling = spelling;
		}
		t.count += count;
	}

	/** Another tally's counts added to this one's. */
	void addAll(ActorTally other) {
		other.byKey.forEach((key, t) -> add(key, t.spelling, t.count));
	}

	/** The {@code limit} actors named most often, most first, ties by key. */
	List<EventStats.ActorCount> top(int limit) {
		var entries = new ArrayList<>(byKey.entrySet());
		entries.sort(Comparator.comparingLong((Map.Entry<String, Tally> e) -> -e.getValue().count)
			.thenComparing(Map.Entry::getKey));
		return entries.stream()
			.limit(limit)
			.map(e -> new EventStats.ActorCount(e.getValue().spelling, e.getValue().count))
			.toList();
	}

}
