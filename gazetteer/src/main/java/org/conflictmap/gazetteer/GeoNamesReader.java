package org.conflictmap.gazetteer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the standard GeoNames dump format (tab-separated, 19 columns: geonameid, name, asciiname,
 * alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1..admin4,
 * population, elevation, dem, timezone, modification date), as in cities500.txt or a country file.
 */
public final class GeoNamesReader {

	private static final int COLUMNS = 19;

	private GeoNamesReader() {
	}

	/**
	 * Reads every row that {@code keep} accepts.
	 * @param source the dump's text
	 * @param sourceName a file name for error messages
	 * @param keep a filter applied to each parsed place
	 * @throws GazetteerFormatException naming the line of the first malformed row
	 */
	public static List<Place> read(Reader source, String sourceName, Predicate<Place> keep) throws IOException {
		var places = new ArrayList<Place>();
		Tsv.read(source, (lineNo, fields) -> {
			Place place = parse(fields, sourceName, lineNo);
			if (keep.test(place)) {
				places.add(place);
			}
		});
		return places;
	}

	static Place parse(String[] f, String sourceName, int lineNo) {
		if (f.length < COLUMNS) {
			throw new GazetteerFormatException(sourceName, lineNo,
					"expected " + COLUMNS + " tab-separated GeoNames columns, found " + f.length);
		}
		try {
			List<String> alternates = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","));
			return new Place("gn:" + Long.parseLong(f[0]), f[1], f[2], alternates, Double.parseDouble(f[4]),
					Double.parseDouble(f[5]), f[6], f[7], f[8], f[10], f[14].isEmpty() ? 0 : Long.parseLong(f[14]));
		}
		catch (IllegalArgumentException ex) {
			throw new GazetteerFormatException(sourceName, lineNo, ex.getMessage());
		}
	}

}
