package org.conflictmap.event;

import java.time.LocalDate;

import org.locationtech.jts.geom.Point;

/**
 * The part of a published event the frontline is derived from: where and when, its type, how precisely
 * it is placed, and the control change it records. Read without the rest of the event, so deriving the
 * territory of a store of a million events reads a few columns of the events that can matter.
 *
 * @param controlSide null when the event changed no one's control of the place
 */
public record TerritoryEvent(String id, LocalDate dateStart, LocalDate dateEnd, String eventType, String placeId,
		int geoPrecision, Point geom, String controlSide, String controlChange) {
}
