package org.conflictmap.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values the map filters on that are derived from an event's JSON: its one-word claim status and the
 * keys of the actors it names. Written beside each event, read by {@link EventQuery}'s filters.
 */
public final class EventFilters {

	private EventFilters() {
	}

	/** See {@link Event#claimStatus()}. */
	static String claimStatus(List<Event.Claim> claims) {
		for (String status : EventVocabulary.CLAIM_STATUS_RANKING) {
			if (claims.stream().anyMatch(c -> status.equals(c.status()))) {
				return status;
			}
		}
		return EventVocabulary.UNCLAIMED;
	}

	/** The actors named anywhere in the event, by key, each once, side A first. */
	public static Map<String, String> actorRows(Event.Actors actors) {
		var rows = new LinkedHashMap<String, String>();
		if (actors != null) {
			for (List<String> names : List.of(actors.sideA(), actors.sideB(), actors.associated())) {
				for (String name : names) {
					rows.putIfAbsent(actorKey(name), name.strip());
				}
			}
		}
		return rows;
	}

	/** Case and spacing do not make another actor: "Syrian Army" and "syrian  army" filter alike. */
	static String actorKey(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
