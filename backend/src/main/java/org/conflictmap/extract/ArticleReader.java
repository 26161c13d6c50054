package org.conflictmap.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.event.EventCounts;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventStats;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Geocoder;
import org.conflictmap.gazetteer.text.ActorFinder;
import org.conflictmap.gazetteer.text.ActorMention;
import org.conflictmap.gazetteer.text.DateFinder;
import org.conflictmap.gazetteer.text.DateMention;
import org.conflictmap.gazetteer.text.PlaceFinder;
import org.conflictmap.gazetteer.text.PlaceMention;
import org.conflictmap.gazetteer.text.Sentences;
import org.conflictmap.ingest.Side;
import org.conflictmap.ingest.Sides;
import org.springframework.stereotype.Component;

/**
 * Reads a news report for the curator: the known actors it names (first, so an actor's name is never
 * read as a place), its places and its dates, and the events they suggest. Nothing is stored.
 */
@Component
public class ArticleReader {

	/** How many of the store's actors (the most named first) the reader knows besides the sides. */
	static final int STORE_ACTORS = 1_000;

	/** "Hayat Tahrir al-Sham (HTS)": the name and its abbreviation are both aliases ("Civilians (Syria)" is not one). */
	private static final Pattern ABBREVIATED = Pattern.compile("^(.+?)\\s*\\((\\p{Lu}[\\p{Lu}\\d-]{1,9})\\)$");

	private final PlaceFinder places;

	private final Sides sides;

	private final EventCounts counts;

	public ArticleReader(Gazetteer gazetteer, Geocoder geocoder, Sides sides, EventCounts counts) {
		this.places = new PlaceFinder(gazetteer, geocoder);
		this.sides = sides;
		this.counts = counts;
	}

	/** What was found. */
	public record Reading(List<PlaceMention> places, List<DateMention> dates, List<ActorMention> actors,
			List<Draft> drafts) {
	}

	public Reading read(String text, LocalDate published, String dateline) {
		List<ActorMention> actors = actors().find(text);
		List<int[]> taken = actors.stream().map(a -> new int[] { a.start(), a.end() }).toList();
		List<PlaceMention> found = places.find(text, taken, dateline, "SY");
		List<DateMention> dates = DateFinder.find(text, published);
		List<Draft> drafts = Drafts.propose(text, Sentences.of(text), found, dates, actors, published);
		return new Reading(found, dates, actors, drafts);
	}

	/** The store's most named actors and the sides' aliases, each with its side where one says so. */
	ActorFinder actors() {
		List<Side> declared = sides.listed();
		var known = new ArrayList<ActorFinder.Known>();
		EventStats stats = counts.stats(EventQuery.all(), STORE_ACTORS);
		for (EventStats.ActorCount a : stats.actors()) {
			var aliases = new ArrayList<String>();
			Matcher m = ABBREVIATED.matcher(a.name());
			if (m.matches()) {
				aliases.add(m.group(1));
				aliases.add(m.group(2));
			}
			known.add(new ActorFinder.Known(a.name(), sideOf(a.name(), declared), aliases));
		}
		for (Side s : declared) {
			known.add(new ActorFinder.Known(s.label(), s.id(), s.aliases()));
		}
		return new ActorFinder(known);
	}

	private static String sideOf(String actor, List<Side> declared) {
		for (Side s : declared) {
			for (String alias : s.aliases()) {
				if (alias.toLowerCase(Locale.ROOT).equals(actor.toLowerCase(Locale.ROOT))) {
					return s.id();
				}
			}
		}
		return null;
	}

}
