package org.conflictmap.gazetteer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Our own gazetteer records ({@code cm:} ids) for what cities500 lacks: governorates, regions the news
 * names, landmarks, and villages below its population cut-off. Each row says where its coordinates come
 * from; some carry an approximate outline.
 */
record Supplement(List<Place> places, Map<String, Extra> extras) {

	static final String RESOURCE = "supplement.tsv";

	/** Countries reports name (the region's and the powers at war there) and two capitals named for them. */
	static final String COUNTRIES = "countries.tsv";

	private static final int COLUMNS = 13;

	/** What a curated record has beyond the GeoNames shape. */
	record Extra(double reachKm, Geometry outline, String source) {
	}

	static Supplement load() throws IOException {
		return load(RESOURCE);
	}

	/** Our records in the supplement's format from one resource. */
	static Supplement load(String resource) throws IOException {
		var places = new ArrayList<Place>();
		var extras = new HashMap<String, Extra>();
		var wkt = new WKTReader();
		try (var in = new InputStreamReader(Gazetteer.resource(resource), StandardCharsets.UTF_8)) {
			Tsv.read(in, (lineNo, f) -> {
				if (f.length != COLUMNS) {
					throw new GazetteerFormatException(resource, lineNo,
							"expected " + COLUMNS + " tab-separated columns, found " + f.length);
				}
				if (!f[0].startsWith("cm:")) {
					throw new GazetteerFormatException(resource, lineNo, "ids of our own records start with cm:, not " + f[0]);
				}
				if (f[12].isBlank()) {
					throw new GazetteerFormatException(resource, lineNo, "every row must say where its coordinates come from");
				}
				try {
					List<String> alternates = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split("\\|"));
					Place place = new Place(f[0], f[1], f[1], alternates, Double.parseDouble(f[3]),
							Double.parseDouble(f[4]), f[5], f[6], f[7], f[8], Long.parseLong(f[9]));
					Geometry outline = f[11].isBlank() ? null : wkt.read(f[11]);
					if (outline != null && !outline.isValid()) {
						throw new GazetteerFormatException(resource, lineNo, "the outline of " + f[0] + " is not a valid polygon");
					}
					if (outline != null) {
						outline.setSRID(4326);
					}
					places.add(place);
					extras.put(place.id(), new Extra(Double.parseDouble(f[10]), outline, f[12]));
				}
				catch (ParseException | IllegalArgumentException ex) {
					throw new GazetteerFormatException(resource, lineNo, ex.getMessage());
				}
			});
		}
		return new Supplement(List.copyOf(places), Map.copyOf(extras));
	}

}
