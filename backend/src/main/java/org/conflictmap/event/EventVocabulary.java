package org.conflictmap.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words events are written in: ACLED's event types and their sub-types, claim statuses, curation
 * statuses. Kept in one place so the importer, the API and the exports agree.
 */
public final class EventVocabulary {

	/** ACLED event types, each with its sub-event types (ACLED Codebook). */
	public static final Map<String, List<String>> EVENT_TYPES;

	static {
		var types = new LinkedHashMap<String, List<String>>();
		types.put("Battles", List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
		types.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
				"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
		types.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
		types.put("Protests", List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
		types.put("Riots", List.of("Violent demonstration", "Mob violence"));
		types.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity",
				"Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
				"Non-violent transfer of territory", "Other"));
		EVENT_TYPES = java.util.Collections.unmodifiableMap(types);
	}

	/** Claim statuses, from least to most settled. */
	public static final List<String> CLAIM_STATUSES = List.of("reported", "contested", "confirmed", "denied");

	/** Claim statuses as an event's summary picks them: the first that any claim has wins. */
	public static final List<String> CLAIM_STATUS_RANKING = List.of("denied", "contested", "reported", "confirmed");

	/** An event's claim status when it records no claim. */
	public static final String UNCLAIMED = "unclaimed";

	/** Every value of an event's claim status, as {@code claim_status=} accepts it. */
	public static final List<String> EVENT_CLAIM_STATUSES = List.of("reported", "contested", "confirmed", "denied",
			UNCLAIMED);

	/** Curation statuses: only published events reach the public map and the exports. */
	public static final List<String> CURATION_STATUSES = List.of("draft", "published", "archived");

	/** What a control change did to a side. */
	public static final Set<String> CONTROL_CHANGES = Set.of("gained", "lost");

	/** ACLED time precision: 1 the day is known, 2 the week, 3 the month. */
	public static final Set<Integer> TIME_PRECISIONS = Set.of(1, 2, 3);

	private static final Map<String, String> CANONICAL;

	static {
		var words = new java.util.HashMap<String, String>();
		EVENT_TYPES.keySet().forEach(t -> words.put(t, t));
		EVENT_CLAIM_STATUSES.forEach(s -> words.put(s, s));
		CANONICAL = Map.copyOf(words);
	}

	/**
	 * The vocabulary's own instance of an event type or claim status read from the database (the same
	 * string when it is not one), so that counts kept per day do not hold a copy of the word per row.
	 */
	static String canonical(String word) {
		return word == null ? null : CANONICAL.getOrDefault(word, word);
	}

	private EventVocabulary() {
	}

}
