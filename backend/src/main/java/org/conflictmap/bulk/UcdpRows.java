package org.conflictmap.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.conflictmap.event.Event;

/**
 * UCDP's Georeferenced Event Dataset (GED) CSV, as UCDP publishes it. Kept: UCDP's id (as
 * {@code ucdp-123456}), dates and date precision, the kind of violence as an ACLED type (state-based and
 * non-state violence are Battles / Armed clash, one-sided violence is Violence against civilians /
 * Attack), side A and side B, where_coordinates as the place, adm_1, country, coordinates and where_prec,
 * the best estimate of deaths as the fatalities, UCDP's low and high estimates as a claim of UCDP's (so
 * the range travels with the event), and the source offices as sources.
 */
final class UcdpRows extends RowFormat {

	/** UCDP's where_prec (1 exact .. 7 international waters) as our geo_precision. */
	private static final int[] GEO_PRECISION = { 0, 1, 2, 2, 3, 3, 3, 3 };

	/** UCDP's date_prec (1 the day .. 5 more than a month) as ACLED's time precision. */
	private static final int[] TIME_PRECISION = { 0, 1, 2, 2, 3, 3 };

	private static final String[] WHERE_PREC = { "", "the exact place", "within 25 km of a known place",
			"a second-order administrative division", "a first-order administrative division",
			"somewhere along a line or in an area", "the country", "international waters or airspace" };

	@Override
	String origin() {
		return "ucdp";
	}

	@Override
	String label() {
		return "UCDP GED";
	}

	@Override
	List<String> requiredColumns() {
		return List.of("id", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude",
				"country", "date_prec", "date_start", "date_end", "best", "low", "high");
	}

	@Override
	String idColumn() {
		return "id";
	}

	@Override
	Mapped map(CsvRow row, GazetteerOpinion gazetteer) {
		String id = id(row);
		int violence = row.integer("type_of_violence", 1, 3);
		String type = violence == 3 ? "Violence against civilians" : "Battles";
		String subType = violence == 3 ? "Attack" : "Armed clash";
		LocalDate start = row.date("date_start");
		LocalDate end = row.date("date_end");
		if (end.isBefore(start)) {
			throw row.problem("date_end", "'" + end + "' is before date_start " + start);
		}
		int timePrecision = TIME_PRECISION[row.integer("date_prec", 1, 5)];
		List<String> sideA = names(row, "side_a", row.required("side_a", MAX_ACTOR));
		List<String> sideB = names(row, "side_b", row.optional("side_b", MAX_ACTOR));
		int wherePrec = row.integer("where_prec", 1, 7);
		int precision = GEO_PRECISION[wherePrec];
		double lat = row.decimal("latitude", -90, 90);
		double lon = row.decimal("longitude", -180, 180);
		String countryName = row.required("country", 100);
		String country = CountryNames.byName(countryName);
		String admin1 = row.optional("adm_1", 100);
		String where = row.optional("where_coordinates", 500);
		int best = row.integer("best", 0, 10_000_000);
		int low = row.integer("low", 0, 10_000_000);
		int high = row.integer("high", 0, 10_000_000);
		if (low > best || best > high) {
			throw row.problem("best", "deaths must be low <= best <= high; this row has low " + low + ", best " + best
					+ ", high " + high);
		}
		String placeText = where != null ? where : admin1 != null ? admin1 : countryName;
		Placed placed = place(where == null ? null : placeName(where), country, lon, lat, precision,
				"where_prec " + wherePrec + ": " + WHERE_PREC[wherePrec], gazetteer);
		String dyad = row.optional("dyad_name", 500);
		String conflict = row.optional("conflict_name", 500);
		String description = row.optional("where_description", 2_000);
		var summary = new StringBuilder();
		if (dyad != null) {
			summary.append(dyad).append('.');
		}
		if (conflict != null) {
			summary.append(summary.isEmpty() ? "" : " ").append("Conflict: ").append(conflict).append('.');
		}
		if (description != null) {
			summary.append(summary.isEmpty() ? "" : " ").append("Where: ").append(description).append('.');
		}
		String title = (violence == 1 ? "State-based violence" : violence == 2 ? "Non-state violence"
				: "One-sided violence") + " in " + placeText;
		var claim = new Event.Claim("UCDP GED", String.format(Locale.ROOT,
				"%d deaths by the best estimate (low %d, high %d)", best, low, high), "reported");
		LocalDate published = row.optionalDate("source_date");
		List<Event.Source> sources = names(row, "source_office", row.optional("source_office", 20_000)).stream()
			.map(name -> new Event.Source(name, published, null, null))
			.toList();
		var event = new Event(id, title.length() > 500 ? title.substring(0, 500) : title, summary.toString(), type,
				subType, new Event.Actors(sideA, sideB, List.of()), start, end, timePrecision, placeText,
				placed.geocode(), country, admin1, placed.point(), best, List.of(claim), sources, null, "published", 0,
				null, null);
		return new Mapped(event, placed.disagrees());
	}

	/** "Aleppo town" and "Hama city" are how GED names a settlement; the gazetteer knows it as Aleppo. */
	private static String placeName(String where) {
		return where.replaceFirst("(?i)\\s+(town|city|village)$", "");
	}

}
