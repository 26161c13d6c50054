package org.conflictmap.gazetteer;

/**
 * A gazetteer record found for a name, and how closely the name matched.
 *
 * @param tier {@link #EXACT} (same folded name), {@link #VARIANT} (same variant key) or {@link #FUZZY}
 * @param distance edit distance between the variant keys (0 unless fuzzy)
 */
public record Match(Place place, int tier, int distance) {

	public static final int EXACT = 3;

	public static final int VARIANT = 2;

	public static final int FUZZY = 1;

	/** The method name recorded in the geocode audit. */
	public String method() {
		return switch (tier) {
			case EXACT -> "exact-name";
			case VARIANT -> "variant-name";
			default -> "fuzzy-name";
		};
	}

}
