package org.conflictmap.gazetteer.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Geocoder;
import org.conflictmap.gazetteer.Match;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;

/**
 * Finds the places a report names, without a trained model: every run of words that some gazetteer record
 * answers to (by name or alternate, after folding, or by spelling variant; longest run first), kept only
 * when it reads as a place:
 * <ul>
 * <li>a name is written as one: its words capitalised, Arabic particles aside ("Maarat al-Numan"); our own
 * curated records (regions, landmarks) may start lower-case ("northern Syria", "the Iraqi border");</li>
 * <li>not a common English word that starts a sentence ("Of", "Side", "Hit" are towns too), not a
 * nationality ("Syrian", "Russian"); a country is a place ("into Iraq"), at its representative point;</li>
 * <li>not inside a longer capitalised name that is no place: a person ("Bashar al-Assad") or an
 * organisation; a known actor's span ("Syrian Democratic Forces") is never a place;</li>
 * <li>outside the country in focus, a small place needs a word that says "place" before it ("in", "near",
 * "from", ...).</li>
 * </ul>
 * The run then takes in the relation around it ("12 km north of", "the outskirts of", "'s eastern and
 * western edges", " province", " countryside", " Airport") and the whole phrase goes to the geocoder, so
 * the mention resolves as {@code GET /api/geocode} would resolve it. A dateline at the start ("Amman:",
 * "BEIRUT (Reuters) -") is a mention with the role {@code dateline}, never an event place.
 */
public final class PlaceFinder {

	private static final String DIR = "(?:north|south)(?:[- ]?(?:east|west))?|east|west";

	private static final String DIR_ADJ = "(?:" + DIR + ")(?:ern)?";

	private static final String PART = "(?:edges?|outskirts|sides?|suburbs|districts|neighbou?rhoods?|parts?|entrances?|approach(?:es)?|countryside|flanks?)";

	/** Relations written before the name, each ending where the name starts. */
	private static final Pattern BEFORE = Pattern.compile("(?:"
			+ "(?:(?:about|around|some|roughly|nearly|approximately|almost)\\s+)?\\d+(?:[.,]\\d+)?\\s*(?:km|kms|kilomet(?:re|er)s?|mi|miles?)\\s+(?:to\\s+the\\s+)?(?:" + DIR + ")\\s+of"
			+ "|(?:just\\s+|directly\\s+|due\\s+)?(?:" + DIR + ")\\s+of"
			+ "|(?:the\\s+)?" + DIR_ADJ + "(?:\\s*(?:,|and|&)\\s*" + DIR_ADJ + ")*\\s+" + PART + "\\s+of"
			+ "|(?:the\\s+)?(?:outskirts|vicinity|countryside|surroundings|suburbs|environs)\\s+of"
			+ "|near|outside|close\\s+to"
			+ "|(?:the\\s+)?(?:province|governorate)\\s+of"
			+ "|(?:" + DIR + ")(?:ern)"
			+ ")\\s+(?:the\\s+(?:town|city|village)\\s+of\\s+)?$", Pattern.CASE_INSENSITIVE);

	/** Relations written after the name, each starting where the name ends. */
	private static final Pattern AFTER = Pattern.compile("^(?:"
			+ "['’]s\\s+" + DIR_ADJ + "(?:\\s*(?:,|and|&)\\s*" + DIR_ADJ + ")*\\s+" + PART
			+ "|(?:['’]s)?\\s+(?:countryside|outskirts|suburbs|environs)"
			+ "|\\s+(?:province|governorate|city|town)"
			+ ")\\b", Pattern.CASE_INSENSITIVE);

	/** The longest relation before a name, in characters ("approximately 12.5 kilometres to the north-east of the town of"). */
	private static final int RELATION_REACH = 100;

	/** Capitalised words that may follow a name and still mean (near) that place: "Hama Military Airport". */
	private static final Set<String> FACILITY = Set.of("airport", "airbase", "air", "base", "military", "international",
			"citadel", "castle", "gate", "square", "road", "highway", "bridge", "dam", "crossing", "border", "camp",
			"prison", "hospital", "university", "stadium", "plain", "plains", "district", "valley", "mountains", "lake",
			"province", "governorate", "city", "countryside");

	private static final Set<String> NATIONALITIES = Set.of("syrian", "syrians", "russian", "russians", "iranian",
			"iranians", "iraqi", "iraqis", "turkish", "turk", "turks", "kurdish", "kurd", "kurds", "israeli", "israelis",
			"lebanese", "jordanian", "american", "americans", "arab", "arabs", "arabic", "alawite", "alawites", "sunni",
			"shia", "shiite", "druze", "christian", "christians", "ismaili", "islamist", "islamic", "palestinian",
			"ukrainian", "european", "western", "eastern", "northern", "southern");

	/** Words that precede a place ("in Hama", "from Aleppo"): the cue a small place abroad needs. */
	private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "from", "to", "into", "toward", "towards",
			"around", "outside", "across", "through", "via", "reached", "entered", "captured", "seized", "took", "of",
			"between", "inside", "within", "struck", "hit", "shelled", "bombed");

	/** What people do in reports: a lone name right before one of these is a person ("Sharaa said"). */
	private static final Pattern PERSON_VERB = Pattern.compile("^\\s+(?:said|says|told|added|warned|agreed|replied|"
			+ "spoke|met|visited|named|fled|ordered|granted|called|travel+ed|denied|insisted|announced|vowed|urged|"
			+ "declared|promised|wrote|tweeted|claimed|accused|welcomed|condemned|thanked|asked|stressed)\\b");

	/** Lower-case first words of our curated regions' names ("northern Syria", "the Iraqi border"). */
	private static final Set<String> CURATED_STARTS = Set.of("the", "northern", "southern", "eastern", "western",
			"central", "coastal", "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast",
			"north-west", "north-east", "northwestern", "northeastern", "north-western", "north-eastern", "rural");

	/** Lower-case words that join the parts of a person's or a group's name ("Hayat Tahrir al Sham", "Abu Bakr bin ..."). */
	private static final Set<String> NAME_LINKS = Set.of("al", "el", "bin", "ibn", "abu", "bani", "beni");

	private final Gazetteer gazetteer;

	private final Geocoder geocoder;

	public PlaceFinder(Gazetteer gazetteer, Geocoder geocoder) {
		this.gazetteer = gazetteer;
		this.geocoder = geocoder;
	}

	/**
	 * Every place mention, in text order.
	 *
	 * @param taken spans already claimed by actors' names ([start, end) pairs), never places
	 * @param dateline the dateline the curator gave, or null to look for one at the start of the text
	 */
	public List<PlaceMention> find(String text, List<int[]> taken, String dateline, String focusCountry) {
		List<Token> tokens = Token.of(text);
		List<Sentences.Span> sentences = Sentences.of(text);
		Set<String> lowerWords = new HashSet<>();
		for (Token t : tokens) {
			if (!t.capitalised()) {
				lowerWords.add(t.lower());
			}
		}
		int[] datelineSpan = datelineSpan(text, dateline);
		var mentions = new ArrayList<PlaceMention>();
		var near = new ArrayList<double[]>();
		int max = Math.max(1, gazetteer.longestNameWords());
		for (int i = 0; i < tokens.size(); i++) {
			Candidate c = longest(text, tokens, i, max);
			if (c == null || overlaps(taken, tokens.get(i).start(), tokens.get(c.last()).baseEnd())
					|| !readsAsPlace(text, tokens, c, sentences, lowerWords, focusCountry)) {
				continue;
			}
			int start = tokens.get(i).start();
			int end = tokens.get(c.last()).baseEnd();
			boolean isDateline = datelineSpan != null && start >= datelineSpan[0] && end <= datelineSpan[1];
			String name = text.substring(start, end);
			int last = c.last();
			if (!isDateline) {
				// the relation around the name
				Matcher after = AFTER.matcher(text.substring(end, Math.min(text.length(), end + 60)));
				if (after.find()) {
					end += after.end();
				}
				else {
					last = facilities(text, tokens, c.last());
					end = Math.max(end, tokens.get(last).baseEnd());
				}
				// a relation is a few words: look back no further than that, nor past the sentence's start
				String head = text.substring(Math.max(sentenceStart(sentences, start), start - RELATION_REACH), start);
				Matcher before = BEFORE.matcher(head);
				if (before.find()) {
					start = start - head.length() + before.start();
				}
			}
			String phrase = text.substring(start, end);
			GeocodeContext ctx = new GeocodeContext(focusCountry, near);
			GeocodeResult result = geocoder.geocode(isDateline ? name : query(phrase, name, text, tokens, c, last), ctx);
			mentions.add(new PlaceMention(phrase, start, end, isDateline ? PlaceMention.DATELINE : PlaceMention.EVENT,
					name, result));
			if (result.isResolved() && !isDateline) {
				near.add(new double[] { result.resolution().lon(), result.resolution().lat() });
			}
			while (i + 1 < tokens.size() && tokens.get(i + 1).start() < end) {
				i++;
			}
		}
		borders(text, sentences, taken, mentions, focusCountry);
		mentions.sort(java.util.Comparator.comparingInt(PlaceMention::start));
		return mentions;
	}

	/** "the border" in a sentence that names one neighbouring country: the gazetteer's record for that border. */
	private static final Pattern BORDER = Pattern.compile("\\bthe\\s+border\\b");

	private static final java.util.Map<String, String> NEIGHBOURS = java.util.Map.of("iraq", "Iraq", "iraqi", "Iraq",
			"turkey", "Turkey", "turkish", "Turkey", "lebanon", "Lebanon", "lebanese", "Lebanon", "jordan", "Jordan",
			"jordanian", "Jordan", "israel", "Israel", "israeli", "Israel");

	private void borders(String text, List<Sentences.Span> sentences, List<int[]> taken, List<PlaceMention> mentions,
			String focusCountry) {
		Matcher m = BORDER.matcher(text);
		while (m.find()) {
			int start = m.start();
			int end = m.end();
			if (overlaps(taken, start, end) || mentions.stream().anyMatch(p -> p.start() < end && start < p.end())) {
				continue;
			}
			int from = sentenceStart(sentences, start);
			int to = sentences.stream().filter(s -> s.contains(start)).mapToInt(Sentences.Span::end).findFirst().orElse(text.length());
			Set<String> countries = new java.util.TreeSet<>();
			for (Token t : Token.of(text.substring(from, to))) {
				String country = NEIGHBOURS.get(t.lower());
				if (country != null && t.capitalised()) {
					countries.add(country);
				}
			}
			if (countries.size() != 1) {
				continue;
			}
			GeocodeResult result = geocoder.geocode("the border with " + countries.iterator().next(),
					new GeocodeContext(focusCountry));
			if (result.isResolved()) {
				mentions.add(new PlaceMention(m.group(), start, end, PlaceMention.EVENT, m.group(), result));
			}
		}
	}

	/** A word run some record answers to: tokens [first, last] and the records. */
	private record Candidate(int first, int last, List<Match> matches) {

		boolean curated() {
			return matches.stream().anyMatch(m -> m.place().id().startsWith("cm:"));
		}

	}

	private Candidate longest(String text, List<Token> tokens, int i, int max) {
		if (!tokens.get(i).capitalised() && !startsCuratedName(tokens.get(i))) {
			return null;
		}
		for (int n = Math.min(max, tokens.size() - i); n >= 1; n--) {
			int j = i + n - 1;
			if (!joined(text, tokens, i, j)) {
				continue;
			}
			List<Match> matches = gazetteer.named(text.substring(tokens.get(i).start(), tokens.get(j).baseEnd()));
			if (matches.isEmpty()) {
				continue;
			}
			var c = new Candidate(i, j, matches);
			if (c.curated() ? anyCapitalised(tokens, i, j) : writtenAsName(tokens, i, j)) {
				return c;
			}
		}
		return null;
	}

	private static boolean startsCuratedName(Token t) {
		return CURATED_STARTS.contains(t.lower());
	}

	/** Only spaces between the words (a possessive "'s" may end any word but the last). */
	private static boolean joined(String text, List<Token> tokens, int i, int j) {
		for (int k = i; k < j; k++) {
			String gap = text.substring(tokens.get(k).end(), tokens.get(k + 1).start());
			if (!gap.isBlank() || gap.contains("\n")) {
				return false;
			}
		}
		return true;
	}

	private static boolean anyCapitalised(List<Token> tokens, int i, int j) {
		for (int k = i; k <= j; k++) {
			if (tokens.get(k).capitalised()) {
				return true;
			}
		}
		return false;
	}

	private static boolean writtenAsName(List<Token> tokens, int i, int j) {
		if (!tokens.get(i).capitalised() || !tokens.get(j).capitalised()) {
			return false;
		}
		for (int k = i + 1; k < j; k++) {
			if (!tokens.get(k).capitalised() && !tokens.get(k).particle()) {
				return false;
			}
		}
		return true;
	}

	private boolean readsAsPlace(String text, List<Token> tokens, Candidate c, List<Sentences.Span> sentences,
			Set<String> lowerWords, String focusCountry) {
		String folded = Names.fold(text.substring(tokens.get(c.first()).start(), tokens.get(c.last()).baseEnd()));
		if (NATIONALITIES.contains(folded)) {
			return false;
		}
		if (c.curated()) {
			return true;
		}
		if (c.first() == c.last()) {
			Token t = tokens.get(c.first());
			if (CommonWords.contains(t.lower()) || lowerWords.contains(t.lower())) {
				return false; // an English word, capitalised to start a sentence or a title
			}
		}
		if (inLongerName(text, tokens, c)) {
			return false;
		}
		if (c.first() != c.last()) {
			return true;
		}
		boolean locative = c.first() > 0 && LOCATIVE.contains(tokens.get(c.first() - 1).lower())
				&& sameSentence(sentences, tokens.get(c.first() - 1).start(), tokens.get(c.first()).start());
		boolean person = PERSON_VERB.matcher(text.substring(tokens.get(c.first()).end(),
				Math.min(text.length(), tokens.get(c.first()).end() + 20))).find();
		// in the country in focus: a place, unless a lone name only resembles one and then speaks or acts
		// ("Sharaa said": a person, not al-Asharah)
		boolean exactInFocus = c.matches().stream()
			.anyMatch(m -> m.place().countryCode().equals(focusCountry) && m.tier() == Match.EXACT);
		boolean inFocus = c.matches().stream().anyMatch(m -> m.place().countryCode().equals(focusCountry));
		if (exactInFocus || inFocus && !person) {
			return true;
		}
		// abroad: a lone word needs to be the place's own name and important, or a word before that says "place"
		// ("Salem" is one of Jerusalem's alternate names, "Ali" one of Ağrı's: first names in a report)
		return locative || !person && important(c) && byOwnName(c, folded);
	}

	/** Whether the word is the record's own name (or its plain-letters form), not one of its alternates. */
	private static boolean byOwnName(Candidate c, String folded) {
		return c.matches().stream()
			.anyMatch(m -> Names.fold(m.place().name()).equals(folded) || Names.fold(m.place().asciiName()).equals(folded));
	}

	private static boolean important(Candidate c) {
		for (Match m : c.matches()) {
			Place p = m.place();
			if (p.population() >= 100_000 || "PPLC".equals(p.featureCode()) || "PPLA".equals(p.featureCode())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the run sits inside a longer run of capitalised words that is not a place with a facility after
	 * it: "President Bashar al-Assad", "Hassan Abdul Ghany", "Hayat Tahrir al-Sham".
	 */
	private static boolean inLongerName(String text, List<Token> tokens, Candidate c) {
		int i = c.first() - 1;
		if (i >= 0 && tokens.get(i).capitalised() && !tokens.get(i).possessive()
				&& text.substring(tokens.get(i).end(), tokens.get(c.first()).start()).equals(" ")
				&& !CommonWords.contains(tokens.get(i).lower()) && !NATIONALITIES.contains(tokens.get(i).lower())
				&& !describesAName(tokens.get(i))) {
			return true;
		}
		int j = c.last() + 1;
		while (j < tokens.size() && !tokens.get(j - 1).possessive()
				&& text.substring(tokens.get(j - 1).end(), tokens.get(j).start()).equals(" ")
				&& (tokens.get(j).capitalised() || NAME_LINKS.contains(tokens.get(j).word()) && j + 1 < tokens.size() && tokens.get(j + 1).capitalised())) {
			if (!FACILITY.contains(tokens.get(j).lower()) && !NAME_LINKS.contains(tokens.get(j).word())) {
				return true;
			}
			j++;
		}
		return false;
	}

	/** A compound adjective before a name ("Kurdish-held Nubl", "Iran-backed", "Turkish-led"): not part of it. */
	private static boolean describesAName(Token t) {
		int hyphen = t.word().lastIndexOf('-');
		return hyphen > 0 && hyphen + 1 < t.word().length() && Character.isLowerCase(t.word().charAt(hyphen + 1));
	}

	/** The last token of the capitalised facility words after the name, or the name's own last token. */
	private static int facilities(String text, List<Token> tokens, int last) {
		int j = last;
		while (j + 1 < tokens.size() && !tokens.get(j).possessive()
				&& text.substring(tokens.get(j).end(), tokens.get(j + 1).start()).equals(" ")
				&& tokens.get(j + 1).capitalised() && FACILITY.contains(tokens.get(j + 1).lower())) {
			j++;
		}
		return j;
	}

	/** What to ask the geocoder: the phrase, with facility words after the name read as "near" it. */
	private static String query(String phrase, String name, String text, List<Token> tokens, Candidate c, int last) {
		if (last == c.last()) {
			return phrase;
		}
		String tail = text.substring(tokens.get(c.last()).end(), tokens.get(last).end()).strip().toLowerCase(Locale.ROOT);
		return switch (tail) {
			case "province", "governorate" -> name + " province";
			case "city" -> name;
			case "countryside" -> name + " countryside";
			default -> "near " + name;
		};
	}

	/** Where a dateline stands: the one given, at the start of the text, or "PLACE:" / "PLACE (Agency) -" there. */
	private static int[] datelineSpan(String text, String dateline) {
		Matcher m = Pattern.compile("^\\s*(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3})\\s*(?:,\\s*[\\p{L}\\d. ]{1,30}){0,2}\\s*(?:\\([^)]{1,40}\\))?\\s*(?::|[–—-]{1,2}\\s)")
			.matcher(text);
		if (m.find()) {
			return new int[] { m.start(1), m.end() }; // "AMMAN, Jordan —": the country is the dateline's too
		}
		if (dateline != null && !dateline.isBlank()) {
			String head = text.substring(0, Math.min(text.length(), 80));
			int at = head.toLowerCase(Locale.ROOT).indexOf(dateline.strip().toLowerCase(Locale.ROOT));
			if (at >= 0 && head.substring(0, at).isBlank()) {
				return new int[] { at, at + dateline.strip().length() };
			}
		}
		return null;
	}

	private static int sentenceStart(List<Sentences.Span> sentences, int offset) {
		for (Sentences.Span s : sentences) {
			if (s.contains(offset)) {
				return s.start();
			}
		}
		return 0;
	}

	private static boolean sameSentence(List<Sentences.Span> sentences, int a, int b) {
		return sentenceStart(sentences, a) == sentenceStart(sentences, b);
	}

	private static boolean overlaps(List<int[]> spans, int start, int end) {
		for (int[] s : spans) {
			if (start < s[1] && s[0] < end) {
				return true;
			}
		}
		return false;
	}

}
