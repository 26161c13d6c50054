package org.conflictmap.geocode;

import org.conflictmap.event.Event;
import org.locationtech.jts.geom.Point;

/** Where an event goes: its point, the geocode audit, and the administrative context. */
public record Placement(Point point, Event.Geocode geocode, String country, String admin1) {
}
