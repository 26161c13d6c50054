package org.conflictmap.geocode;

/**
 * A curator's override for a place the geocoder cannot resolve (yet): a gazetteer id, or coordinates.
 * Either way the curator says how precise the point is, and the audit records that it was pinned.
 *
 * @param gazetteerId a gazetteer record ({@code gn:170017}), or null when coordinates are given
 * @param lat latitude when pinned by coordinates
 * @param lon longitude when pinned by coordinates
 * @param geoPrecision 1 exact, 2 near or part of, 3 region
 * @param country ISO alpha-2 code for coordinates (a gazetteer record brings its own)
 * @param admin1 first-level area for coordinates, when known
 * @param note why this point: what the report says and where the coordinates come from
 */
public record PlacePin(String gazetteerId, Double lat, Double lon, int geoPrecision, String country, String admin1,
		String note) {
}
