package org.conflictmap.ingest;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventVocabulary;
import org.conflictmap.geocode.PlacePin;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads seeds/sides.yaml and the event files into checked records. Every problem is collected with its
 * file and line (see seeds/README.md for the schema); nothing here touches the store.
 */
final class SeedParser {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	/** Names per side of an event. */
	static final int MAX_ACTORS = 50;

	/** Claims and sources per event. */
	static final int MAX_ROWS = 100;

	private static final Set<String> EVENT_FIELDS = Set.of("id", "title", "summary", "event_type", "sub_event_type",
			"actors", "date_start", "date_end", "time_precision", "place_text", "place", "fatalities", "claims",
			"sources", "control_change", "status");

	private static final Set<String> PLACE_FIELDS = Set.of("gazetteer_id", "lat", "lon", "geo_precision", "country",
			"admin1", "note");

	private static final Set<String> ACTOR_FIELDS = Set.of("side_a", "side_b", "associated");

	private static final Set<String> CLAIM_FIELDS = Set.of("by", "statement", "status");

	private static final Set<String> SOURCE_FIELDS = Set.of("publisher", "published", "dateline", "url");

	private static final Set<String> CONTROL_FIELDS = Set.of("side", "change");

	private static final Set<String> SIDE_FIELDS = Set.of("id", "label", "colour", "aliases");

	/** Generous for curated files, small enough that a hostile one cannot exhaust memory. */
	private static final int MAX_FILE_CHARS = 10 * 1024 * 1024;

	/** Deeper than any seed needs (an event is three levels); a limit, so a hostile file cannot recurse far. */
	private static final int MAX_NESTING = 20;

	/** Aliases to collections per file: few seeds use any; a billion-laughs file needs millions. */
	private static final int MAX_ALIASES = 50;

	private final Problems problems;

	SeedParser(Problems problems) {
		this.problems = problems;
	}

	List<Side> sides(Path file) {
		String name = file.toString();
		var sides = new ArrayList<Side>();
		var seen = new HashMap<String, Integer>();
		for (Node item : items(file)) {
			YamlMap m = YamlMap.of(name, item, "a side", SIDE_FIELDS, problems);
			if (m == null) {
				continue;
			}
			String id = m.string("id");
			String label = m.string("label");
			String colour = m.string("colour");
			if (id != null && !SLUG.matcher(id).matches()) {
				m.problem("id", "'" + id + "' must be lower-case letters, digits and hyphens");
			}
			if (colour != null && !COLOUR.matcher(colour).matches()) {
				m.problem("colour", "'" + colour + "' must be a hex colour like #2e7d32");
			}
			if (id != null && seen.putIfAbsent(id, m.line()) != null) {
				m.problem("id", "side '" + id + "' is declared twice (first at line " + seen.get(id) + ")");
			}
			List<String> aliases = m.stringList("aliases");
			sides.add(new Side(id, label, colour, aliases == null ? List.of() : aliases));
		}
		return sides;
	}

	/**
	 * @param sideIds the declared sides, which control changes must name
	 * @param seenIds ids already read from other files, to catch duplicates across files
	 */
	List<SeedEvent> events(Path file, Set<String> sideIds, Map<String, String> seenIds) {
		String name = file.toString();
		var events = new ArrayList<SeedEvent>();
		for (Node item : items(file)) {
			YamlMap m = YamlMap.of(name, item, "an event", EVENT_FIELDS, problems);
			if (m != null) {
				SeedEvent event = event(name, m, sideIds, seenIds, true, EventVocabulary.CURATION_STATUSES);
				if (event != null) {
					events.add(event);
				}
			}
		}
		return events;
	}

	/**
	 * One event written through the API, its JSON body already turned into nodes ({@link JsonNodes}):
	 * the same fields and checks as a seed file's, with the id optional and the status one of
	 * {@code statuses}, the first when absent.
	 * @return the event, or null when {@code problems} now holds what is wrong with it
	 */
	SeedEvent requestEvent(String source, Node body, Set<String> sideIds, List<String> statuses) {
		YamlMap m = YamlMap.of(source, body, "an event", EVENT_FIELDS, problems);
		return m == null ? null : event(source, m, sideIds, new HashMap<>(), false, statuses);
	}

	/** @param statuses the curation statuses allowed; seed files default to published, the API to the first */
	private SeedEvent event(String file, YamlMap m, Set<String> sideIds, Map<String, String> seenIds,
			boolean idRequired, List<String> statuses) {
		int before = problems.size();
		String id = m.limit("id", idRequired ? m.string("id") : m.optionalString("id"), 200);
		if (id != null && !SLUG.matcher(id).matches()) {
			m.problem("id", "'" + id + "' must be a slug: lower-case letters, digits and hyphens");
		}
		else if (id != null && seenIds.putIfAbsent(id, file + ":" + m.line()) != null) {
			m.problem("id", "'" + id + "' is already used at " + seenIds.get(id) + "; ids must be unique");
		}
		String title = m.limit("title", m.string("title"), 500);
		String summary = m.limit("summary", m.string("summary"), 20_000);
		String type = m.string("event_type");
		String subType = m.string("sub_event_type");
		if (type != null && !EventVocabulary.EVENT_TYPES.containsKey(type)) {
			m.problem("event_type", "'" + type + "' is not an ACLED event type; use one of "
					+ EventVocabulary.EVENT_TYPES.keySet());
		}
		else if (type != null && subType != null && !EventVocabulary.EVENT_TYPES.get(type).contains(subType)) {
			m.problem("sub_event_type", "'" + subType + "' is not a sub-type of " + type + "; use one of "
					+ EventVocabulary.EVENT_TYPES.get(type));
		}
		Event.Actors actors = actors(file, m);
		LocalDate start = m.date("date_start");
		LocalDate end = m.date("date_end");
		if (start != null && end != null && end.isBefore(start)) {
			m.problem("date_end", end + " is before date_start " + start);
		}
		Integer precision = m.optionalInteger("time_precision", 1);
		if (precision == null && !m.has("time_precision")) {
			m.problem("time_precision", "missing; 1 (day known), 2 (week) or 3 (month)");
		}
		else if (precision != null && !EventVocabulary.TIME_PRECISIONS.contains(precision)) {
			m.problem("time_precision", "must be 1 (day known), 2 (week) or 3 (month), not " + precision);
		}
		String placeText = m.limit("place_text", m.string("place_text"), 500);
		PlacePin pin = m.has("place") ? pin(file, m) : null;
		Integer fatalities = m.optionalInteger("fatalities", 0);
		List<Event.Claim> claims = claims(file, m);
		List<Event.Source> sources = sources(file, m);
		Event.ControlChange control = control(file, m, sideIds);
		String status = m.has("status") ? m.string("status") : idRequired ? "published" : statuses.get(0);
		if (status != null && !statuses.contains(status)) {
			m.problem("status", "must be one of " + statuses + ", not '" + status + "'");
		}
		if (problems.size() > before) {
			return null;
		}
		return new SeedEvent(file, m.line(), Problems.line(m.node("place_text")), id, title, summary, type,
				subType, actors, start, end, precision, placeText, pin, fatalities, claims, sources, control, status);
	}

	private Event.Actors actors(String file, YamlMap event) {
		if (!event.has("actors")) {
			event.problem("actors", "missing; give at least side_a");
			return null;
		}
		YamlMap m = YamlMap.of(file, event.node("actors"), event.field("actors"), "actors", ACTOR_FIELDS, problems);
		if (m == null) {
			return null;
		}
		List<String> sideA = actorNames(m, "side_a");
		if (sideA.isEmpty()) {
			m.problem("side_a", "needs at least one actor");
		}
		return new Event.Actors(sideA, actorNames(m, "side_b"), actorNames(m, "associated"));
	}

	/** At most {@link #MAX_ACTORS} names of at most 300 characters: what an event names, and the store keeps. */
	private static List<String> actorNames(YamlMap m, String key) {
		List<String> names = m.stringList(key);
		if (names.size() > MAX_ACTORS) {
			m.problem(key, names.size() + " actors; at most " + MAX_ACTORS);
		}
		for (String name : names) {
			m.limit(key, name, 300);
		}
		return names;
	}

	private PlacePin pin(String file, YamlMap event) {
		YamlMap m = YamlMap.of(file, event.node("place"), event.field("place"), "place", PLACE_FIELDS, problems);
		if (m == null) {
			return null;
		}
		String id = m.optionalString("gazetteer_id");
		Double lat = m.optionalNumber("lat", -90, 90);
		Double lon = m.optionalNumber("lon", -180, 180);
		Integer precision = m.optionalInteger("geo_precision", 1);
		if (precision == null || precision > 3) {
			m.problem("geo_precision", "required in place: 1 (exact), 2 (near or part of) or 3 (region)");
		}
		if ((id == null) == (lat == null || lon == null)) {
			m.problem("gazetteer_id", "give either gazetteer_id, or both lat and lon");
		}
		m.limit("note", m.optionalString("note"), 2_000);
		m.limit("admin1", m.optionalString("admin1"), 100);
		String country = m.optionalString("country");
		if (country != null && !country.matches("[A-Z]{2}")) {
			m.problem("country", "must be an ISO 3166-1 alpha-2 code like SY, not '" + country + "'");
		}
		return new PlacePin(id, lat, lon, precision == null ? 1 : precision, country, m.optionalString("admin1"),
				m.optionalString("note"));
	}

	private List<Event.Claim> claims(String file, YamlMap event) {
		var claims = new ArrayList<Event.Claim>();
		List<Node> items = rows(event, "claims");
		for (int i = 0; i < items.size(); i++) {
			YamlMap m = YamlMap.of(file, items.get(i), event.field("claims") + "[" + i + "]", "a claim", CLAIM_FIELDS,
					problems);
			if (m != null) {
				String status = m.string("status");
				if (status != null && !EventVocabulary.CLAIM_STATUSES.contains(status)) {
					m.problem("status", "must be one of " + EventVocabulary.CLAIM_STATUSES + ", not '" + status + "'");
				}
				claims.add(new Event.Claim(m.limit("by", m.string("by"), 500), m.limit("statement", m.string("statement"), 5_000),
						status));
			}
		}
		return claims;
	}

	private List<Event.Source> sources(String file, YamlMap event) {
		var sources = new ArrayList<Event.Source>();
		List<Node> items = rows(event, "sources");
		for (int i = 0; i < items.size(); i++) {
			YamlMap m = YamlMap.of(file, items.get(i), event.field("sources") + "[" + i + "]", "a source",
					SOURCE_FIELDS, problems);
			if (m != null) {
				String url = m.optionalString("url");
				if (url != null && !isWebAddress(url)) {
					m.problem("url", "must be an http(s) address, not '" + url + "'");
				}
				m.limit("url", url, 2_000);
				sources.add(new Event.Source(m.limit("publisher", m.string("publisher"), 500), m.date("published"),
						m.limit("dateline", m.optionalString("dateline"), 200), url));
			}
		}
		if (items.isEmpty()) {
			event.problem("sources", "every event needs at least one source");
		}
		return sources;
	}

	private Event.ControlChange control(String file, YamlMap event, Set<String> sideIds) {
		if (!event.has("control_change")) {
			return null;
		}
		YamlMap m = YamlMap.of(file, event.node("control_change"), event.field("control_change"), "control_change", CONTROL_FIELDS, problems);
		if (m == null) {
			return null;
		}
		String side = m.string("side");
		String change = m.string("change");
		if (side != null && !sideIds.contains(side)) {
			m.problem("side", "'" + side + "' is not declared in sides.yaml; declared: " + sideIds.stream().sorted().toList());
		}
		if (change != null && !EventVocabulary.CONTROL_CHANGES.contains(change)) {
			m.problem("change", "must be gained or lost, not '" + change + "'");
		}
		return new Event.ControlChange(side, change);
	}

	private static List<Node> rows(YamlMap event, String key) {
		List<Node> items = event.list(key);
		if (items.size() > MAX_ROWS) {
			event.problem(key, items.size() + " items; at most " + MAX_ROWS);
			return items.subList(0, MAX_ROWS);
		}
		return items;
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** The top-level list of a seed file, or an empty list with the problem recorded. */
	private List<Node> items(Path file) {
		String name = file.toString();
		String text;
		try {
			if (Files.size(file) > MAX_FILE_CHARS) {
				problems.add(name, 1, "file is larger than " + MAX_FILE_CHARS / (1024 * 1024) + " MB; split it");
				return List.of();
			}
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(name, 1, "file is not valid UTF-8; save it as UTF-8");
			return List.of();
		}
		catch (IOException ex) {
			problems.add(name, 0, "cannot read: " + ex.getMessage());
			return List.of();
		}
		Node root;
		try (Reader reader = new java.io.StringReader(text)) {
			root = yaml().compose(reader);
		}
		catch (MarkedYAMLException ex) {
			problems.add(name, ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1,
					"not valid YAML: " + ex.getProblem());
			return List.of();
		}
		catch (YAMLException ex) {
			// the limits (nesting, aliases) fail without a position; find where the file crosses them
			problems.add(name, lineOverLimits(text), "not valid YAML: " + ex.getMessage());
			return List.of();
		}
		catch (IOException ex) {
			problems.add(name, 1, "not valid YAML: " + ex.getMessage());
			return List.of();
		}
		if (root == null) {
			return List.of();
		}
		if (!(root instanceof SequenceNode sequence)) {
			problems.add(name, root, "the file must be a list of items, each starting with '- '");
			return List.of();
		}
		return sequence.getValue();
	}

	/**
	 * The line where the file first nests deeper than {@link #MAX_NESTING} or uses more than
	 * {@link #MAX_ALIASES} aliases, read as a stream of events (which expands nothing); 1 when neither.
	 */
	private static int lineOverLimits(String text) {
		int depth = 0;
		int aliases = 0;
		try {
			for (org.yaml.snakeyaml.events.Event event : yaml().parse(new java.io.StringReader(text))) {
				int line = event.getStartMark() == null ? 1 : event.getStartMark().getLine() + 1;
				if (event instanceof CollectionStartEvent) {
					depth++;
				}
				else if (event instanceof CollectionEndEvent) {
					depth--;
				}
				else if (event instanceof AliasEvent) {
					aliases++;
				}
				if (depth > MAX_NESTING || aliases > MAX_ALIASES) {
					return line;
				}
			}
		}
		catch (YAMLException ex) {
			// a second fault further on; the first is reported
		}
		return 1;
	}

	private static Yaml yaml() {
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(MAX_NESTING);
		options.setCodePointLimit(MAX_FILE_CHARS);
		return new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
				new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options);
	}

}
