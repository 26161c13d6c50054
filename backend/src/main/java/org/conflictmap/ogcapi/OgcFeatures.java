package org.conflictmap.ogcapi;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventJson;
import org.conflictmap.territory.GeoJson;
import org.conflictmap.territory.TerritoryService;

/** Features as the OGC API sends them: in the CRS asked for (Part 2), with the properties asked for (Part 6). */
final class OgcFeatures {

	private OgcFeatures() {
	}

	/**
	 * An event as a GeoJSON Feature with its point in {@code crs} and, when {@code selected} is not null,
	 * only those properties.
	 */
	static Map<String, Object> event(Event e, OgcCrs crs, Set<String> selected) {
		Map<String, Object> feature = new LinkedHashMap<>(EventJson.feature(e));
		if (!crs.isStorage()) {
			feature.put("geometry", Map.of("type", "Point", "coordinates", crs.point(e.geom().getX(), e.geom().getY())));
		}
		if (selected != null) {
			@SuppressWarnings("unchecked")
			var all = (Map<String, Object>) feature.get("properties");
			var kept = new LinkedHashMap<String, Object>();
			all.forEach((name, value) -> {
				if (selected.contains(name)) {
					kept.put(name, value);
				}
			});
			feature.put("properties", kept);
		}
		return feature;
	}

	/**
	 * The {@code properties} parameter (OGC API - Features Part 6, draft): the events' properties to send,
	 * null (also when blank, as for every parameter) for all. A name that is not an event property is a 400 listing them.
	 */
	static Set<String> selectedProperties(Map<String, String[]> params) {
		String value = Parameters.single(params, "properties");
		if (value == null) {
			return null;
		}
		var selected = new HashSet<String>();
		for (String name : value.split(",", -1)) {
			String n = name.strip();
			if (n.isEmpty()) {
				continue;
			}
			if (!EventJson.PROPERTIES.contains(n)) {
				throw new BadRequestException("properties", "properties lists event properties separated by commas; '" + n
						+ "' is not one of " + String.join(", ", EventJson.PROPERTIES));
			}
			selected.add(n);
		}
		return selected;
	}

	/** A territory feature as a GeoJSON Feature with its geometry in {@code crs}. */
	static Map<String, Object> territory(TerritoryService.Feature f, OgcCrs crs) {
		Map<String, Object> feature = f.toGeoJson();
		if (!crs.isStorage()) {
			feature.put("geometry", GeoJson.geometry(crs.geometry(f.geometry())));
		}
		return feature;
	}

}
