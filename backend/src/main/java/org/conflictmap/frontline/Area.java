package org.conflictmap.frontline;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One polygon of the map's territory layer: who holds it (or that it is contested), how we know, since
 * when, and the events or snapshot that put it there.
 *
 * @param side a side id from seeds/sides.yaml
 * @param kind {@code control} or {@code contested}
 * @param status {@code assessed} (drawn by a curator) or {@code derived} (from events)
 * @param geometry in the metric projection while deriving, in WGS84 once published
 * @param evidence ids of the snapshot features and events behind it
 */
record Area(String side, String kind, String status, LocalDate validFrom, Geometry geometry, List<String> evidence) {

	Area {
		evidence = List.copyOf(evidence);
	}

}
