package org.conflictmap.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.conflictmap.event.Event;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Events for tests, built field by field so each test shows only what it cares about. */
public final class TestEvents {

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	public static final double[] HAMA = { 36.75783, 35.13179 };

	public static final double[] ALEPPO = { 37.16117, 36.20124 };

	private TestEvents() {
	}

	/** A published one-day battle at the given lon/lat. */
	public static Event event(String id, String start, String end, double[] lonLat) {
		return new Event(id, "Title of " + id, "Summary of " + id, "Battles", "Armed clash",
				new Event.Actors(List.of("Opposition"), List.of("Government"), List.of()), LocalDate.parse(start),
				LocalDate.parse(end), 1, "somewhere",
				new Event.Geocode("gn:1", 1, "exact-name", 1.0, "exact name match", List.of("gn:2")), "SY", "Hama",
				WGS84.createPoint(new Coordinate(lonLat[0], lonLat[1])), null,
				List.of(new Event.Claim("A", "It happened.", "reported"),
						new Event.Claim("B", "It did not.", "denied")),
				List.of(new Event.Source("Wire", LocalDate.parse(end), "Amman", null)),
				new Event.ControlChange("opposition", "gained"), "published", 0, Instant.EPOCH, Instant.EPOCH);
	}

	/** The same event with another curation status. */
	public static Event withStatus(Event e, String status) {
		return e.withStatus(status);
	}

	/** The same event with another title. */
	public static Event withTitle(Event e, String title) {
		return new Event(e.id(), title, e.summary(), e.eventType(), e.subEventType(), e.actors(), e.dateStart(),
				e.dateEnd(), e.timePrecision(), e.placeText(), e.geocode(), e.country(), e.admin1(), e.geom(),
				e.fatalities(), e.claims(), e.sources(), e.controlChange(), e.status(), e.version(), e.createdAt(),
				e.updatedAt());
	}

	/** The same event with another type. */
	public static Event withType(Event e, String type, String subType) {
		return new Event(e.id(), e.title(), e.summary(), type, subType, e.actors(), e.dateStart(), e.dateEnd(),
				e.timePrecision(), e.placeText(), e.geocode(), e.country(), e.admin1(), e.geom(), e.fatalities(),
				e.claims(), e.sources(), e.controlChange(), e.status(), e.version(), e.createdAt(), e.updatedAt());
	}

	/** The same event with other actors. */
	public static Event withActors(Event e, List<String> sideA, List<String> sideB, List<String> associated) {
		return new Event(e.id(), e.title(), e.summary(), e.eventType(), e.subEventType(),
				new Event.Actors(sideA, sideB, associated), e.dateStart(), e.dateEnd(), e.timePrecision(), e.placeText(),
				e.geocode(), e.country(), e.admin1(), e.geom(), e.fatalities(), e.claims(), e.sources(),
				e.controlChange(), e.status(), e.version(), e.createdAt(), e.updatedAt());
	}

	/** The same event with one claim per status given (none when none are given). */
	public static Event withClaims(Event e, String... statuses) {
		var claims = java.util.Arrays.stream(statuses).map(s -> new Event.Claim("Someone", "A claim.", s)).toList();
		return new Event(e.id(), e.title(), e.summary(), e.eventType(), e.subEventType(), e.actors(), e.dateStart(),
				e.dateEnd(), e.timePrecision(), e.placeText(), e.geocode(), e.country(), e.admin1(), e.geom(),
				e.fatalities(), claims, e.sources(), e.controlChange(), e.status(), e.version(), e.createdAt(),
				e.updatedAt());
	}

}
