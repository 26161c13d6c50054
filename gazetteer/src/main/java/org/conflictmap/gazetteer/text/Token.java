package org.conflictmap.gazetteer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of running text with its character offsets. A possessive "'s" stays in the word's span but not
 * in its {@link #word()}: "Aleppo's" is the word "Aleppo" ending at {@link #baseEnd()}.
 *
 * @param word the word without a possessive ending
 * @param start offset of the first character
 * @param baseEnd offset just after the word without its possessive ending
 * @param end offset just after the word as written
 */
record Token(String word, int start, int baseEnd, int end) {

	/** Letters and digits, joined by inner hyphens and apostrophes ("al-Sham", "Ma'arrat", "Iran-backed"). */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-'’ʼ][\\p{L}\\p{M}\\p{N}]+)*");

	/** Romanised Arabic particles that stand lower-case inside a name ("Maarat al-Numan", "Ras al-Ain"). */
	private static final Pattern PARTICLE = Pattern.compile("(?:al|el|ad|ar|as|ash|az|an|at|ez|es|ed|er|en|et|ul|ibn|bin|bani|beni|abu|abi|umm)"
			+ "(?:-\\p{L}.*)?");

	static List<Token> of(String text) {
		var tokens = new ArrayList<Token>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String w = m.group();
			int baseEnd = m.end();
			if (w.length() > 3 && (w.endsWith("'s") || w.endsWith("’s") || w.endsWith("ʼs"))) {
				baseEnd -= 2;
				w = w.substring(0, w.length() - 2);
			}
			tokens.add(new Token(w, m.start(), baseEnd, m.end()));
		}
		return tokens;
	}

	boolean possessive() {
		return baseEnd < end;
	}

	String lower() {
		return word.toLowerCase(Locale.ROOT);
	}

	/**
	 * Written as a name: an upper-case first letter, a particle before one ("al-Numan"), or a script
	 * without case (Arabic).
	 */
	boolean capitalised() {
		char c = word.charAt(0);
		if (Character.isUpperCase(c)) {
			return true;
		}
		if (Character.isLetter(c) && !Character.isLowerCase(c)) {
			return true; // Arabic and other scripts without case
		}
		int hyphen = word.indexOf('-');
		return hyphen > 0 && hyphen + 1 < word.length() && Character.isUpperCase(word.charAt(hyphen + 1))
				&& PARTICLE.matcher(word.toLowerCase(Locale.ROOT)).matches();
	}

	/** A lower-case particle that may stand between the capitalised words of a name. */
	boolean particle() {
		return (word.indexOf('-') < 0 && PARTICLE.matcher(word).matches()) || word.equals("of") || word.equals("de");
	}

}
