package org.conflictmap.gazetteer;

import java.util.List;

/**
 * What the geocoder may assume about a query: the country the report is about, which wins ties
 * between places of one name in several countries, and the other places the same event names, whose
 * neighbours win ties inside the country.
 *
 * @param countryCode ISO 3166-1 alpha-2 code of the country in focus, or null for none
 * @param near lon/lat points of the event's other places; empty when there are none
 */
public record GeocodeContext(String countryCode, List<double[]> near) {

	public GeocodeContext {
		near = List.copyOf(near);
	}

	public GeocodeContext(String countryCode) {
		this(countryCode, List.of());
	}

	/** The default for this project's first conflict. */
	public static GeocodeContext syria() {
		return new GeocodeContext("SY");
	}

	/** The same context with the event's other places. */
	public GeocodeContext near(List<double[]> points) {
		return new GeocodeContext(countryCode, points);
	}

}
