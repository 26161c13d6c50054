package org.conflictmap.gazetteer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns place names into the keys the gazetteer indexes.
 * <ul>
 * <li>{@link #fold}: no diacritics, no case, apostrophes, hyphens and other punctuation as word breaks,
 * Arabic letter variants unified. "Ḩamāh" and "HAMAH" fold alike; so do "إدلب" and "ادلب".</li>
 * <li>{@link #key}: the folded name without Arabic articles or spaces, with the usual transliteration
 * alternations merged, so "Ma'arrat an-Nu'man" and "Maarat al-Numan", "Khan Sheikhoun" and "Khan
 * Shaykhun", "Salamiyeh" and "As Salamiyah" share a key.</li>
 * </ul>
 */
public final class Names {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Punctuation, symbols, spaces, and ʻ ʼ ʾ ʿ (ayn and hamza signs). */
	private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\p{S}\\s\u02BB\u02BC\u02BE\u02BF]+");

	/** Romanised forms of the Arabic article, sun-letter assimilations included. */
	private static final Set<String> ARTICLES = Set.of("al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed",
			"adh", "ar", "er", "az", "ez", "an", "en", "at", "et", "ath");

	/**
	 * Ordered rewrites on the space-free Latin form: Arabic sounds that English, French and German
	 * reporting spell differently.
	 */
	private static final String[][] ALTERNATIONS = { { "dj", "j" }, { "ch", "sh" }, { "ph", "f" }, { "ck", "k" },
			{ "q", "k" }, { "c", "k" }, { "ou", "u" }, { "oo", "u" }, { "ee", "i" }, { "e", "a" }, { "o", "u" },
			{ "y", "i" }, { "w", "u" }, { "au", "u" } };

	private Names() {
	}

	/** The folded form of a name; an empty string for a name with no letters or digits. */
	public static String fold(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
		String unmarked = MARKS.matcher(decomposed).replaceAll("");
		String arabic = unifyArabic(unmarked);
		String spaced = SEPARATORS.matcher(arabic).replaceAll(" ");
		return spaced.strip().toLowerCase(Locale.ROOT);
	}

	/** The variant key: folded, articles dropped, spaces removed, transliteration alternations merged. */
	public static String key(String name) {
		String folded = fold(name);
		if (folded.isEmpty()) {
			return folded;
		}
		String[] words = folded.split(" ");
		var joined = new StringBuilder(folded.length());
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			// an article stands before a word; a last "at" is the tail of a name split at an ayn ("Rif'at")
			if (i < words.length - 1 && ARTICLES.contains(word)) {
				continue;
			}
			joined.append(word.startsWith("\u0627\u0644") && word.length() > 3 ? word.substring(2) : word);
		}
		String s = joined.toString();
		for (String[] rewrite : ALTERNATIONS) {
			s = s.replace(rewrite[0], rewrite[1]);
		}
		s = collapseDoubles(s);
		if (s.length() > 3 && s.endsWith("h") && isVowel(s.charAt(s.length() - 2))) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static String unifyArabic(String s) {
		var out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\u0640') {
				continue; // tatweel only stretches a word
			}
			out.append(switch (c) {
				case '\u0671' -> '\u0627'; // alef wasla -> alef (other hamza forms decompose under NFKD)
				case '\u0629' -> '\u0647'; // taa marbuta -> haa
				case '\u0649' -> '\u064A'; // alef maqsura -> yaa
				default -> c;
			});
		}
		return out.toString();
	}

	private static String collapseDoubles(String s) {
		var out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
				out.append(s.charAt(i));
			}
		}
		return out.toString();
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'i' || c == 'u';
	}

	/**
	 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), or
	 * {@code max + 1} as soon as it is known to exceed {@code max}.
	 */
	public static int distance(String a, String b, int max) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > max) {
			return max + 1;
		}
		int[] prev2 = new int[m + 1];
		int[] prev = new int[m + 1];
		int[] cur = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			cur[0] = i;
			int rowMin = cur[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, prev2[j - 2] + 1);
				}
				cur[j] = v;
				rowMin = Math.min(rowMin, v);
			}
			if (rowMin > max) {
				return max + 1;
			}
			int[] t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
		return Math.min(prev[m], max + 1);
	}

}
