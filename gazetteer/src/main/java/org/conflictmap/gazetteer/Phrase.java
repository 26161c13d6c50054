package org.conflictmap.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report phrases a place: a plain name, or a name with a relation around it ("12 km north of X",
 * "north of X", "X's eastern edge", "outskirts of X", "X province"), or a dateline that is no place of
 * the event at all.
 *
 * @param kind what sort of phrase it is
 * @param anchor the place name the phrase hangs on
 * @param bearings compass bearings in degrees (one for a direction, one or more for edges)
 * @param km a distance given in the phrase, or 0
 */
record Phrase(Kind kind, String anchor, List<Double> bearings, double km) {

	enum Kind {

		/** Just a name ("Hama", "the town of Hama"). */
		NAME,
		/** "Amman:" or "AMMAN (Reuters) -": where the report was filed. */
		DATELINE,
		/** "12 km north-east of Hama". */
		OFFSET,
		/** "a strategic hill north of Hama", "just south of Idlib". */
		DIRECTION,
		/** "Hama's eastern edge", "the western outskirts of Aleppo", "eastern Aleppo". */
		EDGE,
		/** "near Hama", "outskirts of Hama", "Hama countryside". */
		NEAR,
		/** "Idlib province", "the governorate of Hama". */
		ADMIN

	}

	private static final String DIR = "(?:north|south)(?:[- ]?(?:east|west))?|east|west";

	private static final String DIR_ADJ = "(?:" + DIR + ")(?:ern)?";

	private static final Map<String, Double> BEARINGS = Map.of("north", 0.0, "northeast", 45.0, "east", 90.0,
			"southeast", 135.0, "south", 180.0, "southwest", 225.0, "west", 270.0, "northwest", 315.0);

	private static final Pattern DATELINE = Pattern
		.compile("^\\s*\\p{Lu}[\\p{L} .'’-]*?\\s*(?:\\([^)]*\\))?\\s*[:–—-]+\\s*$");

	private static final Pattern OFFSET = Pattern.compile("^(?:.*?\\s)?(?:about |around |some |roughly |nearly |approximately |almost )?"
			+ "(\\d+(?:[.,]\\d+)?)\\s*(km|kms|kilomet(?:re|er)s?|mi|miles?)\\s+(?:to the\\s+)?(" + DIR + ")\\s+of\\s+(.+)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EDGE_POSSESSIVE = Pattern.compile(
			"^(?:the\\s+)?(.+?)['’]s?\\s+((?:" + DIR_ADJ + ")(?:\\s*(?:,|and|&)\\s*(?:" + DIR_ADJ + "))*)\\s+"
					+ "(?:edges?|outskirts|sides?|suburbs|districts|neighbou?rhoods?|parts?|entrances?|approach(?:es)?)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EDGE_OF = Pattern.compile(
			"^(?:the\\s+)?((?:" + DIR_ADJ + ")(?:\\s*(?:,|and|&)\\s*(?:" + DIR_ADJ + "))*)\\s+"
					+ "(?:edges?|outskirts|sides?|suburbs|districts|neighbou?rhoods?|parts?|entrances?|approach(?:es)?)\\s+of\\s+(.+)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EDGE_PREFIX = Pattern.compile("^(" + DIR + ")ern\\s+(.+)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern DIRECTION = Pattern.compile(
			"^(?:.*?\\s)?(?:just |directly |due |immediately )?(" + DIR + ")\\s+of\\s+(.+)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern NEAR_BEFORE = Pattern.compile("^(?:.*?\\s)?(?:near|outside|around|close to|next to|"
			+ "(?:the\\s+)?(?:outskirts|vicinity|countryside|surroundings|suburbs|environs) of)\\s+(.+)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NEAR_AFTER = Pattern.compile(
			"^(?:the\\s+)?(.+?)(?:['’]s?)?\\s+(?:outskirts|countryside|area|region|suburbs|surroundings|environs|vicinity)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ADMIN_AFTER = Pattern.compile("^(?:the\\s+)?(.+?)\\s+(?:province|governorate|muhafazah)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ADMIN_BEFORE = Pattern.compile("^(?:the\\s+)?(?:province|governorate) of\\s+(.+)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DESCRIPTOR = Pattern.compile(
			"^(?:in\\s+|at\\s+)?(?:the\\s+)?(?:(?:town|city|village|hamlet|camp|district|area|region|municipality|"
					+ "provincial capital|capital)\\s+of\\s+)?(.+?)(?:\\s+(?:city|town|village))?$",
			Pattern.CASE_INSENSITIVE);

	/** Reads a query; anything that is not a recognised relation is a plain name. */
	static Phrase parse(String query) {
		String q = query.strip().replaceAll("\\s+", " ");
		if (DATELINE.matcher(q).matches()) {
			return new Phrase(Kind.DATELINE, q.replaceAll("[\\s:–—-]+$", ""), List.of(), 0);
		}
		Matcher m;
		if ((m = OFFSET.matcher(q)).matches()) {
			double km = Double.parseDouble(m.group(1).replace(',', '.'));
			if (m.group(2).toLowerCase(Locale.ROOT).startsWith("mi")) {
				km *= 1.609344;
			}
			return new Phrase(Kind.OFFSET, name(m.group(4)), List.of(bearing(m.group(3))), km);
		}
		if ((m = EDGE_POSSESSIVE.matcher(q)).matches()) {
			return new Phrase(Kind.EDGE, name(m.group(1)), bearings(m.group(2)), 0);
		}
		if ((m = EDGE_OF.matcher(q)).matches()) {
			return new Phrase(Kind.EDGE, name(m.group(2)), bearings(m.group(1)), 0);
		}
		if ((m = DIRECTION.matcher(q)).matches()) {
			return new Phrase(Kind.DIRECTION, name(m.group(2)), List.of(bearing(m.group(1))), 0);
		}
		if ((m = NEAR_BEFORE.matcher(q)).matches()) {
			return new Phrase(Kind.NEAR, name(m.group(1)), List.of(), 0);
		}
		if ((m = ADMIN_BEFORE.matcher(q)).matches() || (m = ADMIN_AFTER.matcher(q)).matches()) {
			return new Phrase(Kind.ADMIN, name(m.group(1)), List.of(), 0);
		}
		if ((m = NEAR_AFTER.matcher(q)).matches()) {
			return new Phrase(Kind.NEAR, name(m.group(1)), List.of(), 0);
		}
		if ((m = EDGE_PREFIX.matcher(q)).matches()) {
			return new Phrase(Kind.EDGE, name(m.group(2)), List.of(bearing(m.group(1))), 0);
		}
		return new Phrase(Kind.NAME, name(q), List.of(), 0);
	}

	/** The bare name: leading "the town of", trailing " city", a possessive and stray punctuation removed. */
	static String name(String text) {
		String s = text.strip().replaceAll("[.,;:]+$", "").replaceAll("['’]s$", "");
		Matcher m = DESCRIPTOR.matcher(s);
		return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : s;
	}

	private static List<Double> bearings(String text) {
		return java.util.Arrays.stream(text.split("\\s*(?:,|and|&)\\s*"))
			.filter(w -> !w.isBlank())
			.map(w -> bearing(w.replaceAll("(?i)ern$", "")))
			.toList();
	}

	private static double bearing(String word) {
		return BEARINGS.get(word.toLowerCase(Locale.ROOT).replaceAll("[- ]", ""));
	}

}
