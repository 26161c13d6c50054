package org.conflictmap.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;

/**
 * An in-memory gazetteer: places by id, by folded name and by variant key, with fuzzy search over the
 * variant keys, plus outlines and reach for the curated regions. Immutable once built, so one instance
 * serves every thread.
 */
public final class Gazetteer {

	/** The GeoNames extract shipped in this module (see gazetteer/README.md). */
	public static final String EXTRACT_RESOURCE = "geonames-extract.tsv";

	private static final String ADMIN1_RESOURCE = "admin1-names.tsv";

	/** Keys this short are too easily one edit from another name ("hish", "shin", "nubl"). */
	private static final int MIN_FUZZY_LENGTH = 5;

	private final Map<String, Place> byId = new LinkedHashMap<>();

	private final Map<String, List<Place>> byFolded = new HashMap<>();

	private final Map<String, List<Place>> byKey = new HashMap<>();

	/** Variant keys per country, for fuzzy search: parallel lists of key and place. */
	private final Map<String, List<String>> fuzzyKeys = new HashMap<>();

	private final Map<String, List<Place>> fuzzyPlaces = new HashMap<>();

	private final Map<String, String> admin1Names;

	/** The most words any name has, after folding: how far a reader of running text needs to look ahead. */
	private int longestName;

	private final Map<String, Supplement.Extra> extras;

	private Gazetteer(Collection<Place> places, Map<String, String> admin1Names, Map<String, Supplement.Extra> extras) {
		for (Place place : places) {
			if (byId.putIfAbsent(place.id(), place) != null) {
				throw new IllegalArgumentException("duplicate gazetteer id " + place.id());
			}
			Set<String> keys = new LinkedHashSet<>();
			for (String name : place.allNames()) {
				String folded = Names.fold(name);
				add(byFolded, folded, place);
				longestName = Math.max(longestName, folded.isEmpty() ? 0 : folded.split(" ").length);
				String key = Names.key(name);
				add(byKey, key, place);
				keys.add(key);
			}
			for (String key : keys) {
				if (key.length() >= MIN_FUZZY_LENGTH) {
					fuzzyKeys.computeIfAbsent(place.countryCode(), c -> new ArrayList<>()).add(key);
					fuzzyPlaces.computeIfAbsent(place.countryCode(), c -> new ArrayList<>()).add(place);
				}
			}
		}
		this.admin1Names = Map.copyOf(admin1Names);
		this.extras = Map.copyOf(extras);
	}

	private static void add(Map<String, List<Place>> index, String key, Place place) {
		if (key.isEmpty()) {
			return;
		}
		List<Place> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
		if (!list.contains(place)) {
			list.add(place);
		}
	}

	/** A gazetteer over the given places only. */
	public static Gazetteer of(Collection<Place> places) {
		return new Gazetteer(places, Map.of(), Map.of());
	}

	/** The shipped extract (GeoNames cities500 for Syria and its neighbours) plus the curated supplement and countries. */
	public static Gazetteer loadDefault() {
		try (InputStream in = resource(EXTRACT_RESOURCE)) {
			return withSupplement(read(in, EXTRACT_RESOURCE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Any standard GeoNames dump on disk (cities500.txt, a country file, ...) plus the curated supplement. */
	public static Gazetteer load(Path geonamesDump) throws IOException {
		try (InputStream in = Files.newInputStream(geonamesDump)) {
			return withSupplement(read(in, geonamesDump.toString()));
		}
	}

	private static Gazetteer withSupplement(List<Place> geonames) throws IOException {
		Supplement supplement = Supplement.load();
		Supplement countries = Supplement.load(Supplement.COUNTRIES);
		var places = new ArrayList<Place>(geonames.size() + supplement.places().size() + countries.places().size());
		places.addAll(geonames);
		places.addAll(supplement.places());
		places.addAll(countries.places());
		var extras = new HashMap<String, Supplement.Extra>(supplement.extras());
		extras.putAll(countries.extras());
		return new Gazetteer(places, loadAdmin1Names(), extras);
	}

	private static List<Place> read(InputStream in, String name) throws IOException {
		return GeoNamesReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), name, p -> true);
	}

	private static Map<String, String> loadAdmin1Names() throws IOException {
		var names = new HashMap<String, String>();
		try (var in = new InputStreamReader(resource(ADMIN1_RESOURCE), StandardCharsets.UTF_8)) {
			Tsv.read(in, (lineNo, f) -> {
				if (f.length < 2) {
					throw new GazetteerFormatException(ADMIN1_RESOURCE, lineNo, "expected CC.code<TAB>name");
				}
				names.put(f[0], f[1]);
			});
		}
		return names;
	}

	static InputStream resource(String name) {
		InputStream in = Gazetteer.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException("gazetteer resource " + name + " is missing from the classpath");
		}
		return in;
	}

	/** Every record, in the order loaded (extract, then supplement). */
	public java.util.Collection<Place> places() {
		return java.util.Collections.unmodifiableCollection(byId.values());
	}

	/** The record with this id ({@code gn:170017}, {@code cm:northern-syria}). */
	public Optional<Place> byId(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * Candidate records for a name: exact (folded) and variant-key matches; only when there are none,
	 * fuzzy matches on the variant key within {@code country} (or everywhere when that finds none, or when
	 * country is null), with an edit distance scaled to the key's length.
	 */
	public List<Match> candidates(String name, String country) {
		List<Match> named = named(name);
		String key = Names.key(name);
		if (!named.isEmpty() || key.length() < MIN_FUZZY_LENGTH) {
			return named;
		}
		var matches = new LinkedHashMap<String, Match>();
		int max = key.length() <= 6 ? 1 : 2;
		if (country != null) {
			fuzzy(key, max, country, matches);
		}
		if (matches.isEmpty()) {
			for (String c : fuzzyKeys.keySet()) {
				if (!c.equals(country)) {
					fuzzy(key, max, c, matches);
				}
			}
		}
		return List.copyOf(matches.values());
	}

	/**
	 * Records that answer to this exact name, after folding or by variant key; never fuzzy. What a reader of
	 * running text asks of every word run, where a near miss is more often an English word than a place.
	 */
	public List<Match> named(String name) {
		var matches = new LinkedHashMap<String, Match>();
		for (Place p : byFolded.getOrDefault(Names.fold(name), List.of())) {
			matches.putIfAbsent(p.id(), new Match(p, Match.EXACT, 0));
		}
		for (Place p : byKey.getOrDefault(Names.key(name), List.of())) {
			matches.putIfAbsent(p.id(), new Match(p, Match.VARIANT, 0));
		}
		return List.copyOf(matches.values());
	}

	/** The most words in any record's name (folded): 7 for "the citadel of Aleppo"-like curated names. */
	public int longestNameWords() {
		return longestName;
	}

	private void fuzzy(String key, int max, String country, Map<String, Match> matches) {
		List<String> keys = fuzzyKeys.getOrDefault(country, List.of());
		List<Place> places = fuzzyPlaces.getOrDefault(country, List.of());
		for (int i = 0; i < keys.size(); i++) {
			int d = Names.distance(key, keys.get(i), max);
			if (d <= max) {
				Place p = places.get(i);
				Match previous = matches.get(p.id());
				if (previous == null || previous.distance() > d) {
					matches.put(p.id(), new Match(p, Match.FUZZY, d));
				}
			}
		}
	}

	/** The first-level administrative area's name (a Syrian governorate, say), when known. */
	public Optional<String> admin1Name(Place place) {
		return Optional.ofNullable(admin1Names.get(place.countryCode() + "." + place.admin1Code()));
	}

	/** The approximate outline of a curated region or governorate, when the supplement draws one. */
	public Optional<Geometry> outline(Place place) {
		Supplement.Extra extra = extras.get(place.id());
		return Optional.ofNullable(extra == null ? null : extra.outline());
	}

	/**
	 * How far the place reaches from its point, in km: the supplement's figure for curated records,
	 * otherwise an estimate from its kind and population (a city of a million people spans about 8 km
	 * from its centre; a village about 1 km).
	 */
	public double reachKm(Place place) {
		Supplement.Extra extra = extras.get(place.id());
		if (extra != null && extra.reachKm() > 0) {
			return extra.reachKm();
		}
		double byPopulation = 0.008 * Math.sqrt(Math.max(place.population(), 0));
		double floor = switch (place.featureCode()) {
			case "PPLC" -> 8;
			case "PPLA" -> 4;
			case "PPLA2" -> 2;
			default -> 1;
		};
		return Math.min(Math.max(byPopulation, floor), 15);
	}

	/**
	 * Whether the record stands for an area rather than a point: an administrative area, a region, or a
	 * curated record whose reach is 10 km or more (a border zone, say). Events placed there get
	 * geo_precision 3.
	 */
	public boolean isArea(Place place) {
		if ("A".equals(place.featureClass()) || "L".equals(place.featureClass())) {
			return true;
		}
		Supplement.Extra extra = extras.get(place.id());
		return extra != null && extra.reachKm() >= 10;
	}

	/** How many records the gazetteer holds. */
	public int size() {
		return byId.size();
	}

}
