package org.conflictmap.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.gazetteer.text.ActorMention;
import org.conflictmap.gazetteer.text.DateMention;
import org.conflictmap.gazetteer.text.PlaceMention;
import org.conflictmap.gazetteer.text.Sentences;

/**
 * Proposes events from what was found in a report: one per clause whose verb says something happened
 * somewhere (see {@link Cue}), with the place nearest the verb in its sentence (a country only when it
 * names no other; "the city" stands for the town named last), the date nearest it (the seven days before
 * publication, at week precision, when the sentence has none), the known actors before the verb as side A
 * and after it as side B ("they" standing for the actor named last). A clause that only supposes ("if the
 * rebels take Hama", "its capture would open the path") proposes nothing; verbs of one sentence with the
 * same place, days and event type make one draft.
 */
final class Drafts {

	/** Words before a verb that make it a supposition, not a report. */
	private static final Pattern SUPPOSED = Pattern.compile(
			"\\b(?:if|would|could|might|may|vowed\\s+to|threaten(?:s|ed)?\\s+to|plans?\\s+to|aims?\\s+to|unless|whether)\\b[^.;]*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ANAPHOR = Pattern.compile(
			"\\bthe\\s+(?:city|town|village)(?:['’]s\\s+((?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?"
					+ "(?:\\s*(?:,|and)\\s*(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?)*\\s+"
					+ "(?:edges?|outskirts|sides?|suburbs|districts|neighbou?rhoods?|parts?|entrances?|approach(?:es)?)))?",
			Pattern.CASE_INSENSITIVE);

	/** A modal right after the verb or noun: "its capture would open the path". */
	private static final Pattern SUPPOSED_AFTER = Pattern.compile("^\\s+(?:\\w+\\s+)?(?:would|could|might|may)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A subject that stands for an actor named before. */
	private static final Pattern PRONOUN = Pattern.compile("\\b(?:they|he|she|its|their|his)\\b", Pattern.CASE_INSENSITIVE);

	/** How far back (characters) a verb without a subject looks for the actor a pronoun stands for. */
	private static final int SUBJECT_REACH = 400;

	/** A country is chosen only when the sentence names no other place. */
	private static final int COUNTRY_COST = 100_000;

	/** A comma or semicolon between a verb and a mention counts as this many characters more: another clause. */
	private static final int CLAUSE_COST = 40;

	private Drafts() {
	}

	static List<Draft> propose(String text, List<Sentences.Span> sentences, List<PlaceMention> places, List<DateMention> dates,
			List<ActorMention> actors, LocalDate published) {
		// commas and semicolons before each offset, so the distance between two spans costs nothing to count
		int[] separators = new int[text.length() + 1];
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			separators[i + 1] = separators[i] + (c == ',' || c == ';' ? 1 : 0);
		}
		var drafts = new ArrayList<Draft>();
		PlaceMention lastNamed = null;
		for (Sentences.Span s : sentences) {
			String sentence = text.substring(s.start(), s.end());
			var in = new Mentions(placesIn(places, s), anaphors(text, s, places, lastNamed), datesIn(dates, s), actors);
			var covered = new ArrayList<int[]>();
			for (Cue cue : Cue.ALL) {
				Matcher m = cue.pattern().matcher(sentence);
				while (m.find()) {
					int at = s.start() + m.start();
					int end = s.start() + m.end();
					if (covered.stream().anyMatch(c -> c[0] < end && at < c[1])) {
						continue;
					}
					covered.add(new int[] { at, end });
					if (supposed(sentence, m.start(), m.end())) {
						continue;
					}
					Draft d = draft(text, separators, s, cue, m.group(), at, end, in, published);
					if (d != null && drafts.stream().noneMatch(o -> same(o, d))) {
						drafts.add(d);
					}
				}
			}
			for (PlaceMention p : in.places()) {
				if (inPlace(p)) {
					lastNamed = p;
				}
			}
		}
		drafts.sort(java.util.Comparator.comparingInt((Draft d) -> d.cue().start()));
		return drafts;
	}

	/** What a sentence holds: its resolved event places, its "the city"s with what each stands for, its dates. */
	private record Mentions(List<PlaceMention> places, List<Anaphor> anaphors, List<DateMention> dates,
			List<ActorMention> actors) {
	}

	/** "the city" (or "the town's eastern edges") at these offsets, standing for a place named before. */
	private record Anaphor(int start, int end, PlaceMention antecedent, String placeText) {
	}

	private static List<PlaceMention> placesIn(List<PlaceMention> places, Sentences.Span s) {
		return places.stream()
			.filter(p -> p.start() >= s.start() && p.end() <= s.end() && p.role().equals(PlaceMention.EVENT) && p.resolved())
			.toList();
	}

	private static List<DateMention> datesIn(List<DateMention> dates, Sentences.Span s) {
		return dates.stream().filter(d -> d.start() >= s.start() && d.end() <= s.end()).toList();
	}

	private static List<Anaphor> anaphors(String text, Sentences.Span s, List<PlaceMention> places, PlaceMention lastNamed) {
		var found = new ArrayList<Anaphor>();
		Matcher m = ANAPHOR.matcher(text).region(s.start(), s.end());
		PlaceMention antecedent = lastNamed;
		int next = 0;
		while (m.find()) {
			// the last town or landmark named before this "the city"
			for (; next < places.size() && places.get(next).end() <= m.start(); next++) {
				PlaceMention p = places.get(next);
				if (p.role().equals(PlaceMention.EVENT) && p.resolved() && inPlace(p)) {
					antecedent = p;
				}
			}
			if (antecedent != null) {
				found.add(new Anaphor(m.start(), m.end(), antecedent,
						m.group(1) == null ? antecedent.name() : antecedent.name() + "'s " + m.group(1)));
			}
		}
		return found;
	}

	/** "if the rebels take Hama", "its capture would open": within 80 characters before, or a modal right after. */
	private static boolean supposed(String sentence, int verbStart, int verbEnd) {
		String before = sentence.substring(Math.max(0, verbStart - 80), verbStart);
		return SUPPOSED.matcher(before).find()
				|| SUPPOSED_AFTER.matcher(sentence).region(verbEnd, Math.min(sentence.length(), verbEnd + 40)).lookingAt();
	}

	private static boolean same(Draft a, Draft b) {
		return a.sentenceStart() == b.sentenceStart() && a.eventType().equals(b.eventType())
				&& a.placeText().equals(b.placeText()) && a.dateStart().equals(b.dateStart()) && a.dateEnd().equals(b.dateEnd());
	}

	private static Draft draft(String text, int[] separators, Sentences.Span s, Cue cue, String words, int at, int end,
			Mentions in, LocalDate published) {
		// the place: the nearest event mention of the sentence, or "the city" standing for the last one named
		PlaceMention place = null;
		String placeText = null;
		int best = Integer.MAX_VALUE;
		for (PlaceMention p : in.places()) {
			int d = distance(separators, at, end, p.start(), p.end()) + (country(p) ? COUNTRY_COST : 0);
			if (d < best) {
				best = d;
				place = p;
				placeText = p.text();
			}
		}
		for (Anaphor a : in.anaphors()) {
			int d = distance(separators, at, end, a.start(), a.end());
			if (d < best) {
				best = d;
				place = a.antecedent();
				placeText = a.placeText();
			}
		}
		if (place == null) {
			return null;
		}
		// the date
		DateMention date = null;
		int nearest = Integer.MAX_VALUE;
		for (DateMention dm : in.dates()) {
			int d = distance(separators, at, end, dm.start(), dm.end());
			if (d < nearest) {
				nearest = d;
				date = dm;
			}
		}
		LocalDate from = date == null ? published.minusDays(7) : date.dateStart();
		LocalDate to = date == null ? published : date.dateEnd();
		int precision = date == null ? 2 : date.timePrecision();
		// the actors: side A before the verb, side B after it, in the same sentence
		Set<String> sideA = new LinkedHashSet<>();
		Set<String> sideB = new LinkedHashSet<>();
		for (ActorMention a : in.actors()) {
			if (a.start() >= s.start() && a.end() <= at) {
				sideA.add(a.actor());
			}
			else if (a.start() >= end && a.end() <= s.end()) {
				sideB.add(a.actor());
			}
		}
		if (sideA.isEmpty() && PRONOUN.matcher(text.substring(Math.max(s.start(), at - SUBJECT_REACH), at)).find()) {
			// "they had reached ...": the actor named last before the verb, within reach
			for (ActorMention a : in.actors()) {
				if (a.end() <= at && at - a.end() <= SUBJECT_REACH && !sideB.contains(a.actor())) {
					sideA.clear();
					sideA.add(a.actor());
				}
			}
		}
		sideB.removeAll(sideA);
		String subType = cue.subEventType();
		if (Cue.OVERTAKES.equals(subType) && sideA.stream().anyMatch(Drafts::governmental)) {
			subType = Cue.REGAINS;
		}
		String title = subType + ": " + placeText;
		return new Draft(title, cue.eventType(), subType, new Draft.Span(words, at, end), placeText, place, from, to,
				precision, date == null ? null : date.text(), List.copyOf(sideA), List.copyOf(sideB),
				text.substring(s.start(), s.end()), s.start(), s.end());
	}

	private static boolean governmental(String actor) {
		String a = actor.toLowerCase(java.util.Locale.ROOT);
		return a.contains("government") || a.contains("army") || a.contains("regime");
	}

	/** A whole country: the place of last resort for an event. */
	private static boolean country(PlaceMention p) {
		return "PCLI".equals(p.result().resolution().place().featureCode());
	}

	/** A town or a landmark in one: what "the city" can stand for (a region or a governorate cannot). */
	private static boolean inPlace(PlaceMention p) {
		String featureClass = p.result().resolution().place().featureClass();
		return "P".equals(featureClass) || "S".equals(featureClass);
	}

	/** Characters between two spans, each comma or semicolon between them counting {@link #CLAUSE_COST} more. */
	private static int distance(int[] separators, int aStart, int aEnd, int bStart, int bEnd) {
		int from = Math.min(aEnd, bEnd);
		int to = Math.max(aStart, bStart);
		return to <= from ? 0 : to - from + CLAUSE_COST * (separators[to] - separators[from]);
	}

}
