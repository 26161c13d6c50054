package org.conflictmap.ingest;

import java.time.LocalDate;
import java.util.List;

import org.conflictmap.event.Event;
import org.conflictmap.geocode.PlacePin;

/**
 * An event as a seed file writes it, before geocoding, with the file and line it came from so a problem
 * found later (an unresolvable place) can still point at it.
 */
record SeedEvent(String file, int line, int placeLine, String id, String title, String summary, String eventType,
		String subEventType, Event.Actors actors, LocalDate dateStart, LocalDate dateEnd, int timePrecision,
		String placeText, PlacePin pin, Integer fatalities, List<Event.Claim> claims, List<Event.Source> sources,
		Event.ControlChange controlChange, String status) {
}
