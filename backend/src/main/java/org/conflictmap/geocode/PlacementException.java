package org.conflictmap.geocode;

import java.util.List;

import org.conflictmap.gazetteer.GeocodeResult;

/** A place that could not be placed, with what the geocoder considered and what to do about it. */
public class PlacementException extends RuntimeException {

	private final List<GeocodeResult.Candidate> candidates;

	public PlacementException(String message) {
		this(message, List.of());
	}

	public PlacementException(String message, List<GeocodeResult.Candidate> candidates) {
		super(message);
		this.candidates = List.copyOf(candidates);
	}

	/** The gazetteer records considered, best first; a curator may pin one of them. */
	public List<GeocodeResult.Candidate> candidates() {
		return candidates;
	}

}
