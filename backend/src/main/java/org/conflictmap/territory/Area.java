package org.conflictmap.territory;

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
 * @param until for a place whose capture is reported within a span of days ({@code status} {@code uncertain}):
 * the last day it may have happened on, from which the capturing {@code side} holds it; else null
 */
record Area(String side, String kind, String status, LocalDate validFrom, Geometry geometry, List<String> evidence,
		LocalDate until) {

	/** A place whose capture may be under way: neither side plainly holds it. */
	static final String UNCERTAIN = "uncertain";

	Area {
		evidence = List.copyOf(evidence);
	}

	Area(String side, String kind, String status, LocalDate validFrom, Geometry geometry, List<String> evidence) {
		this(side, kind, status, validFrom, geometry, evidence, null);
	}

	/** The feature's id: one per side and kind, one per uncertain change (named by its event). */
	String id() {
		return until != null ? "uncertain-" + evidence.get(0) : kind + "-" + (side == null ? "all" : side);
	}

}
