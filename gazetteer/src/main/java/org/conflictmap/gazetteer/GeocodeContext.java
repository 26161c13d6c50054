package org.conflictmap.gazetteer;

/**
 * What the geocoder may assume about a query: the country the report is about, which wins ties
 * between places of one name in several countries.
 *
 * @param countryCode ISO 3166-1 alpha-2 code of the country in focus, or null for none
 */
public record GeocodeContext(String countryCode) {

	/** The default for this project's first conflict. */
	public static GeocodeContext syria() {
		return new GeocodeContext("SY");
	}

}
