package org.conflictmap.export;

import java.util.Map;

/** ISO 3166-1 codes and names for the countries the gazetteer covers, as ACLED's columns write them. */
final class Countries {

	record Country(String name, int isoNumeric, String region) {
	}

	private static final Map<String, Country> BY_ALPHA2 = Map.of("SY", new Country("Syria", 760, "Middle East"),
			"LB", new Country("Lebanon", 422, "Middle East"), "JO", new Country("Jordan", 400, "Middle East"), "IQ",
			new Country("Iraq", 368, "Middle East"), "TR", new Country("Turkey", 792, "Middle East"), "IL",
			new Country("Israel", 376, "Middle East"), "PS", new Country("Palestine", 275, "Middle East"));

	private Countries() {
	}

	/** The country, or one named by its code alone when it is outside the covered set. */
	static Country of(String alpha2) {
		if (alpha2 == null) {
			return new Country("", 0, "");
		}
		return BY_ALPHA2.getOrDefault(alpha2, new Country(alpha2, 0, ""));
	}

}
