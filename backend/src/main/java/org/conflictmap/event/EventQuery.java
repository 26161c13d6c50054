package org.conflictmap.event;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.locationtech.jts.geom.Envelope;

/**
 * One read of events, as every reader asks it: the map, the exports and any later API parse their
 * parameters into this and nothing else, so a filter means the same everywhere.
 *
 * @param from first day of interest, inclusive, or null for no lower bound
 * @param to last day of interest, inclusive, or null for no upper bound
 * @param bbox the area of interest in lon/lat degrees, or null for everywhere
 * @param limit how many events at most
 * @param offset how many matching events to skip, in the query's order
 * @param types ACLED event types, any of which matches; empty for all
 * @param actors actor keys ({@link EventFilters#actorKey}), any of which named in the event matches; empty
 * for all
 * @param claimStatuses the event's claim status ({@link Event#claimStatus()}), any of; empty for all
 * @param text words that must appear, case-insensitively, in the title, summary, place or an actor; null
 * for no text filter
 * @param filter a further condition (the OGC API's CQL2 filter), or null
 */
public record EventQuery(LocalDate from, LocalDate to, Envelope bbox, int limit, int offset, Set<String> types,
		Set<String> actors, Set<String> claimStatuses, String text, SqlPredicate filter) {

	/** The largest page a client may ask for; larger requests are clamped to it. */
	public static final int MAX_LIMIT = 10_000;

	public static final int DEFAULT_LIMIT = MAX_LIMIT;

	/** The longest free-text filter accepted: a search box, not a document. */
	public static final int MAX_TEXT = 200;

	/** The most words a free-text filter may have; each must match. */
	public static final int MAX_WORDS = 12;

	/** The filters shared by every reader of events, paging aside. */
	public static final Set<String> FILTERS = Set.of("from", "to", "bbox", "type", "actor", "claim_status", "q");

	/** Filters that may be given more than once: any of the values matches. */
	public static final Set<String> REPEATABLE = Set.of("type", "actor", "claim_status");

	static final Set<String> PARAMETERS = union(FILTERS, Set.of("limit", "offset"));

	public EventQuery {
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadRequestException("from", "from (" + from + ") is after to (" + to + "): swap them");
		}
		types = Set.copyOf(types);
		actors = Set.copyOf(actors);
		claimStatuses = Set.copyOf(claimStatuses);
	}

	/** Without a further condition. */
	public EventQuery(LocalDate from, LocalDate to, Envelope bbox, int limit, int offset, Set<String> types,
			Set<String> actors, Set<String> claimStatuses, String text) {
		this(from, to, bbox, limit, offset, types, actors, claimStatuses, text, null);
	}

	/** Dates, place and paging only. */
	public EventQuery(LocalDate from, LocalDate to, Envelope bbox, int limit, int offset) {
		this(from, to, bbox, limit, offset, Set.of(), Set.of(), Set.of(), null);
	}

	/** Every published event, first page. */
	public static EventQuery all() {
		return new EventQuery(null, null, null, DEFAULT_LIMIT, 0);
	}

	/** The same filters, another page. */
	public EventQuery withPage(int newLimit, int newOffset) {
		return new EventQuery(from, to, bbox, newLimit, newOffset, types, actors, claimStatuses, text, filter);
	}

	/** The same, with a further condition. */
	public EventQuery withFilter(SqlPredicate condition) {
		return new EventQuery(from, to, bbox, limit, offset, types, actors, claimStatuses, text, condition);
	}

	/**
	 * Parses HTTP query parameters; every problem is a {@link BadRequestException} naming the parameter.
	 * Unknown parameters are refused rather than ignored, so a misspelt filter never silently returns
	 * everything.
	 */
	public static EventQuery fromParameters(Map<String, String[]> params) {
		return fromParameters(params, DEFAULT_LIMIT, MAX_LIMIT);
	}

	/**
	 * The same parameters with another page size: exports default to everything that matches.
	 * @param defaultLimit the limit when none is given
	 * @param maxLimit larger limits are clamped to this
	 */
	public static EventQuery fromParameters(Map<String, String[]> params, int defaultLimit, int maxLimit) {
		if (params.containsKey("status")) {
			// the filter's old name, which read as the curation status (draft, published) that events also have
			throw new BadRequestException("status", "status is now claim_status (the claims' status: "
					+ String.join(", ", EventVocabulary.EVENT_CLAIM_STATUSES) + "); the public API lists published events only");
		}
		Parameters.requireOnly(params, PARAMETERS, REPEATABLE);
		return new EventQuery(date(params, "from"), date(params, "to"), bbox(Parameters.single(params, "bbox")),
				Math.min(integer(params, "limit", defaultLimit, 1), maxLimit), integer(params, "offset", 0, 0),
				oneOf(params, "type", EventVocabulary.EVENT_TYPES.keySet()), actors(params),
				oneOf(params, "claim_status", EventVocabulary.EVENT_CLAIM_STATUSES), text(params));
	}

	/** Every value given for a repeatable parameter, each checked against the words it may take. */
	private static Set<String> oneOf(Map<String, String[]> params, String name, java.util.Collection<String> allowed) {
		var values = new LinkedHashSet<String>();
		for (String value : values(params, name)) {
			if (!allowed.contains(value)) {
				throw new BadRequestException(name, name + " '" + value + "' is not one of: " + String.join(", ", allowed));
			}
			values.add(value);
		}
		return values;
	}

	private static Set<String> actors(Map<String, String[]> params) {
		var keys = new LinkedHashSet<String>();
		for (String value : values(params, "actor")) {
			if (value.length() > 300) {
				throw new BadRequestException("actor", "actor names are at most 300 characters; this one has " + value.length());
			}
			requireText("actor", value);
			keys.add(EventFilters.actorKey(value));
		}
		return keys;
	}

	private static String text(Map<String, String[]> params) {
		String value = Parameters.single(params, "q");
		if (value != null && value.length() > MAX_TEXT) {
			throw new BadRequestException("q", "q is at most " + MAX_TEXT + " characters; shorten the search (it has "
					+ value.length() + ")");
		}
		if (value != null && value.split("\\s+").length > MAX_WORDS) {
			throw new BadRequestException("q", "q has more than " + MAX_WORDS + " words; every word must match, so fewer find more");
		}
		if (value != null) {
			requireText("q", value);
		}
		return value;
	}

	/** Words to search for hold no control character (PostgreSQL refuses a NUL in text outright). */
	private static void requireText(String name, String value) {
		String unsafe = EventText.unsafe(value);
		if (unsafe != null) {
			throw new BadRequestException(name, name + " " + unsafe);
		}
	}

	private static List<String> values(Map<String, String[]> params, String name) {
		String[] values = params.get(name);
		return values == null ? List.of() : java.util.Arrays.stream(values).filter(v -> !v.isBlank()).map(String::strip).toList();
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		var all = new LinkedHashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	private static LocalDate date(Map<String, String[]> params, String name) {
		String value = Parameters.single(params, name);
		if (value == null) {
			return null;
		}
		return EventDates.parameter(name, value);
	}

	private static int integer(Map<String, String[]> params, String name, int absent, int min) {
		String value = Parameters.single(params, name);
		if (value == null) {
			return absent;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= min) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the message below
		}
		throw new BadRequestException(name, name + " must be a whole number of at least " + min + ", not '" + value + "'");
	}

	static Envelope bbox(String value) {
		if (value == null) {
			return null;
		}
		String expected = "bbox needs 4 numbers: minLon,minLat,maxLon,maxLat (e.g. 35.5,32.3,42.4,37.4), or 6 with "
				+ "heights: minLon,minLat,minHeight,maxLon,maxLat,maxHeight";
		String[] all = value.split(",", -1);
		if (all.length != 4 && all.length != 6) {
			throw new BadRequestException("bbox", expected + ", not '" + value + "'");
		}
		for (String part : all) {
			try {
				if (!Double.isFinite(Double.parseDouble(part.strip()))) {
					throw new BadRequestException("bbox", expected + "; '" + part + "' is not a finite number");
				}
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("bbox", expected + "; '" + part + "' is not a number");
			}
		}
		// events have no height: a 6-number box is its 4 horizontal numbers
		String[] parts = all.length == 4 ? all : new String[] { all[0], all[1], all[3], all[4] };
		double[] v = new double[4];
		for (int i = 0; i < 4; i++) {
			v[i] = Double.parseDouble(parts[i].strip());
		}
		if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > 180 || v[2] < -180 || v[1] > 90
				|| v[3] < -90) {
			throw new BadRequestException("bbox", "bbox is out of range: longitudes lie in -180..180, latitudes in -90..90");
		}
		if (v[1] > v[3]) {
			throw new BadRequestException("bbox", "bbox minLat (" + parts[1] + ") is above maxLat (" + parts[3] + ")");
		}
		if (v[0] > v[2]) {
			// minLon east of maxLon: the box spans the antimeridian (OGC API - Features, bbox); kept as one
			// envelope whose east edge lies past 180, which EventWhere reads as the two boxes either side
			return new Envelope(v[0], v[2] + 360, v[1], v[3]);
		}
		return new Envelope(v[0], v[2], v[1], v[3]);
	}

}
