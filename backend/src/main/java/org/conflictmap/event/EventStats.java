package org.conflictmap.event;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How many events match a query, broken down the ways the map shows them. An event counts on the day it
 * starts (an event known only "within the week" is one bar, not seven).
 *
 * @param total every matching event
 * @param firstDay the earliest start day among them, or null when none match
 * @param lastDay the latest end day among them, or null when none match
 * @param byType per ACLED event type, in the codebook's order, zero counts included
 * @param byClaimStatus per {@link Event#claimStatus()}, zero counts included
 * @param actors the actors most often named, most first
 * @param days per start day with any event, oldest first, and per type within the day
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventStats(long total, LocalDate firstDay, LocalDate lastDay, Map<String, Long> byType,
		Map<String, Long> byClaimStatus, List<ActorCount> actors, List<Day> days) {

	/** An actor's name as written, and in how many matching events it is named. */
	public record ActorCount(String name, long count) {
	}

	/** One start day: how many events of each type. */
	public record Day(LocalDate date, Map<String, Long> counts) {
	}

	static EventStats of(LocalDate firstDay, LocalDate lastDay, SortedMap<LocalDate, Map<String, Long>> days, Map<String, Long> byStatus,
			List<ActorCount> actors) {
		var byType = new LinkedHashMap<String, Long>();
		EventVocabulary.EVENT_TYPES.keySet().forEach(t -> byType.put(t, 0L));
		days.values().forEach(counts -> counts.forEach((type, n) -> byType.merge(type, n, Long::sum)));
		var byClaimStatus = new LinkedHashMap<String, Long>();
		EventVocabulary.EVENT_CLAIM_STATUSES.forEach(s -> byClaimStatus.put(s, byStatus.getOrDefault(s, 0L)));
		long total = byType.values().stream().mapToLong(Long::longValue).sum();
		List<Day> dayList = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
		return new EventStats(total, firstDay, lastDay, byType, byClaimStatus, actors, dayList);
	}

}
