package org.conflictmap.gazetteer;

/** Turns a place as a report writes it into a gazetteer record and a point, and says why. */
public interface Geocoder {

	/**
	 * Resolves {@code query}. Never throws for a name it cannot place: it answers with an unresolved
	 * result that lists the candidates it considered.
	 */
	GeocodeResult geocode(String query, GeocodeContext context);

}
