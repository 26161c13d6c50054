package org.conflictmap.geocode;

/** A place that could not be placed, with what the geocoder considered and what to do about it. */
public class PlacementException extends RuntimeException {

	public PlacementException(String message) {
		super(message);
	}

}
