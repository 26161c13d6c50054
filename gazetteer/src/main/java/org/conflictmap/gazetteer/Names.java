package org.conflictmap.gazetteer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a place name to the key the gazetteer indexes: no diacritics, no case, apostrophes, hyphens and
 * other punctuation as word breaks, single spaces. "Ḩamāh" and "hamah" fold alike, as do "Ma'arat
 * al-Nu'man" and "Maarat al Numan" apart from the apostrophes' word breaks.
 */
public final class Names {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\p{S}\\s\u02BB\u02BC\u02BE\u02BF]+");

	private Names() {
	}

	/** The folded key of a name; an empty string for a name with no letters or digits. */
	public static String fold(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
		String unmarked = MARKS.matcher(decomposed).replaceAll("");
		String spaced = SEPARATORS.matcher(unmarked).replaceAll(" ");
		return spaced.strip().toLowerCase(Locale.ROOT);
	}

}
