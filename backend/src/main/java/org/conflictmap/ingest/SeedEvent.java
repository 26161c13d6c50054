package org.conflictmap.ingest;

import java.time.LocalDate;
import java.util.List;

import java.time.Instant;

import org.conflictmap.event.Event;
import org.conflictmap.geocode.PlacePin;
import org.conflictmap.geocode.Placement;

/**
 * An event as a seed file writes it, before geocoding, with the file and line it came from so a problem
 * found later (an unresolvable place) can still point at it.
 */
record SeedEvent(String file, int line, int placeLine, String id, String title, String summary, String eventType,
		String subEventType, Event.Actors actors, LocalDate dateStart, LocalDate dateEnd, int timePrecision,
		String placeText, PlacePin pin, Integer fatalities, List<Event.Claim> claims, List<Event.Source> sources,
		Event.ControlChange controlChange, String status) {

	/** The event to store under {@code id} at {@code placement}; version and timestamps are the store's to set. */
	Event toEvent(String eventId, Placement placement) {
		return new Event(eventId, title, summary, eventType, subEventType, actors, dateStart, dateEnd, timePrecision,
				placeText, placement.geocode(), placement.country(), placement.admin1(), placement.point(), fatalities,
				claims, sources, controlChange, status, 0, Instant.EPOCH, Instant.EPOCH);
	}

}
