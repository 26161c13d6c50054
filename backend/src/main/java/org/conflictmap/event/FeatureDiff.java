package org.conflictmap.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** What changed between two versions of a stored GeoJSON feature, as the histories show it. */
public final class FeatureDiff {

	private FeatureDiff() {
	}

	/**
	 * The properties that differ, in the feature's order, then the coordinates when they moved; each as
	 * {@code field}, {@code from} and {@code to}.
	 * @param ignored properties not worth a line (bookkeeping, values derived from others)
	 */
	public static List<Map<String, Object>> between(String beforeJson, String afterJson, Set<String> ignored) {
		JsonNode before = EventJson.MAPPER.readTree(beforeJson);
		JsonNode after = EventJson.MAPPER.readTree(afterJson);
		var changes = new ArrayList<Map<String, Object>>();
		JsonNode a = before.path("properties");
		JsonNode b = after.path("properties");
		var names = new LinkedHashSet<String>(b.propertyNames());
		names.addAll(a.propertyNames());
		for (String name : names) {
			if (!ignored.contains(name) && !a.path(name).equals(b.path(name))) {
				changes.add(change(name, a.get(name), b.get(name)));
			}
		}
		JsonNode from = before.path("geometry").path("coordinates");
		JsonNode to = after.path("geometry").path("coordinates");
		if (!from.equals(to)) {
			changes.add(change("coordinates", from, to));
		}
		return changes;
	}

	private static Map<String, Object> change(String field, JsonNode from, JsonNode to) {
		var m = new LinkedHashMap<String, Object>();
		m.put("field", field);
		m.put("from", from);
		m.put("to", to);
		return m;
	}

}
