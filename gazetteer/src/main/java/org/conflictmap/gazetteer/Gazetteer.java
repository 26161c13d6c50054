package org.conflictmap.gazetteer;

import java.io.BufferedReader;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory gazetteer: places by id and by folded name, plus the names of first-level
 * administrative areas. Immutable once built, so one instance serves every thread.
 */
public final class Gazetteer {

	/** The GeoNames extract shipped in this module (see gazetteer/README.md). */
	public static final String EXTRACT_RESOURCE = "geonames-extract.tsv";

	private static final String ADMIN1_RESOURCE = "admin1-names.tsv";

	private final Map<String, Place> byId;

	private final Map<String, List<Place>> byName;

	private final Map<String, String> admin1Names;

	private Gazetteer(Collection<Place> places, Map<String, String> admin1Names) {
		this.byId = new LinkedHashMap<>();
		this.byName = new HashMap<>();
		for (Place place : places) {
			if (byId.putIfAbsent(place.id(), place) != null) {
				throw new IllegalArgumentException("duplicate gazetteer id " + place.id());
			}
			for (String name : place.allNames()) {
				String key = Names.fold(name);
				if (!key.isEmpty()) {
					List<Place> list = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
					if (!list.contains(place)) {
						list.add(place);
					}
				}
			}
		}
		this.admin1Names = Map.copyOf(admin1Names);
	}

	/** A gazetteer over the given places, with no administrative-area names. */
	public static Gazetteer of(Collection<Place> places) {
		return new Gazetteer(places, Map.of());
	}

	/** The shipped extract: GeoNames cities500 rows for Syria and its neighbours. */
	public static Gazetteer loadDefault() {
		try (InputStream in = resource(EXTRACT_RESOURCE)) {
			return new Gazetteer(read(in, EXTRACT_RESOURCE), loadAdmin1Names());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A gazetteer from any standard GeoNames dump on disk (cities500.txt, a country file, ...). */
	public static Gazetteer load(Path geonamesDump) throws IOException {
		try (InputStream in = Files.newInputStream(geonamesDump)) {
			return new Gazetteer(read(in, geonamesDump.toString()), loadAdmin1Names());
		}
	}

	private static List<Place> read(InputStream in, String name) throws IOException {
		return GeoNamesReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), name, p -> true);
	}

	private static Map<String, String> loadAdmin1Names() throws IOException {
		var names = new HashMap<String, String>();
		try (var in = new BufferedReader(new InputStreamReader(resource(ADMIN1_RESOURCE), StandardCharsets.UTF_8))) {
			String line;
			int lineNo = 0;
			while ((line = in.readLine()) != null) {
				lineNo++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length < 2) {
					throw new GazetteerFormatException(ADMIN1_RESOURCE, lineNo, "expected CC.code<TAB>name");
				}
				names.put(f[0], f[1]);
			}
		}
		return names;
	}

	private static InputStream resource(String name) {
		InputStream in = Gazetteer.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException("gazetteer resource " + name + " is missing from the classpath");
		}
		return in;
	}

	/** The record with this id ({@code gn:170017}, {@code cm:...}). */
	public Optional<Place> byId(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Every record one of whose names folds to the same key as {@code name}. */
	public List<Place> byName(String name) {
		return List.copyOf(byName.getOrDefault(Names.fold(name), List.of()));
	}

	/** The first-level administrative area's name (a Syrian governorate, say), when known. */
	public Optional<String> admin1Name(Place place) {
		return Optional.ofNullable(admin1Names.get(place.countryCode() + "." + place.admin1Code()));
	}

	/** How many records the gazetteer holds. */
	public int size() {
		return byId.size();
	}

}
