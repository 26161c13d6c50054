package org.conflictmap.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * One gazetteer record: a named point with the GeoNames classification that ranking relies on.
 *
 * @param id stable id: {@code gn:<geonameid>} for GeoNames rows, {@code cm:<slug>} for our own supplement
 * @param name the record's preferred name as GeoNames writes it (may carry diacritics)
 * @param asciiName the plain-ASCII form of the name
 * @param alternateNames every other name GeoNames knows, in any script
 * @param lat latitude, WGS84 degrees
 * @param lon longitude, WGS84 degrees
 * @param featureClass GeoNames feature class (P populated place, A admin area, T terrain, ...)
 * @param featureCode GeoNames feature code (PPLC, PPLA, PPL, ADM1, HLL, ...)
 * @param countryCode ISO 3166-1 alpha-2 country code
 * @param admin1Code GeoNames first-level administrative code within the country
 * @param population population, 0 when GeoNames does not know it
 */
public record Place(String id, String name, String asciiName, List<String> alternateNames, double lat, double lon,
		String featureClass, String featureCode, String countryCode, String admin1Code, long population) {

	public Place {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		alternateNames = List.copyOf(alternateNames);
		if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
			throw new IllegalArgumentException("coordinates out of range for " + id + ": " + lat + "," + lon);
		}
	}

	/** Every name the record answers to: preferred, ASCII and alternates. */
	public List<String> allNames() {
		var names = new java.util.ArrayList<String>(alternateNames.size() + 2);
		names.add(name);
		names.add(asciiName);
		names.addAll(alternateNames);
		return names;
	}

}
