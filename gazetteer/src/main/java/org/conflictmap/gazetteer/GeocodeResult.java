package org.conflictmap.gazetteer;

import java.util.List;

/**
 * The answer to one geocoding query, kept with the event as its audit: what was asked, what won,
 * how, and what else was considered.
 *
 * @param query the text as asked
 * @param resolution the winner, or null when the query could not be placed with confidence
 * @param candidates every record considered, best first (the winner included)
 * @param explanation one sentence on why this is the answer (or why there is none)
 */
public record GeocodeResult(String query, Resolution resolution, List<Candidate> candidates, String explanation) {

	public GeocodeResult {
		candidates = List.copyOf(candidates);
	}

	/** Whether the query was placed. */
	public boolean isResolved() {
		return resolution != null;
	}

	/**
	 * A resolved place.
	 *
	 * @param place the gazetteer record the point comes from, or null for coordinates given by hand
	 * @param lat latitude of the event's point
	 * @param lon longitude of the event's point
	 * @param geoPrecision 1 exact, 2 near or part of, 3 region (ACLED's scale)
	 * @param method how it was found ({@code exact-name}, {@code pinned-id}, {@code pinned-coordinates}, ...)
	 * @param score confidence between 0 and 1
	 */
	public record Resolution(Place place, double lat, double lon, int geoPrecision, String method, double score) {

		public Resolution {
			if (geoPrecision < 1 || geoPrecision > 3) {
				throw new IllegalArgumentException("geo_precision must be 1, 2 or 3, not " + geoPrecision);
			}
		}

	}

	/**
	 * A record the geocoder considered, with its ranking score.
	 */
	public record Candidate(Place place, double score) {
	}

}
