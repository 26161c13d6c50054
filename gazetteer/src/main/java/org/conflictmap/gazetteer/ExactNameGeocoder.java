package org.conflictmap.gazetteer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Resolves a name that matches a gazetteer name exactly once folded (case, diacritics, punctuation).
 * Among several records of that name it prefers, in order: the context's country, the more important
 * feature (capital, then governorate seat, then district seat, ...), then the larger population. When the
 * two best are alike on all three it gives no answer rather than a coin toss.
 */
public final class ExactNameGeocoder implements Geocoder {

	/** GeoNames feature codes by importance; anything absent ranks 0. */
	private static final Map<String, Integer> FEATURE_RANK = Map.ofEntries(Map.entry("PPLC", 6),
			Map.entry("ADM1", 5), Map.entry("PPLA", 5), Map.entry("PPLA2", 4), Map.entry("PPLA3", 3),
			Map.entry("PPLA4", 2), Map.entry("PPL", 1), Map.entry("PPLX", 1));

	public static final String METHOD = "exact-name";

	private final Gazetteer gazetteer;

	public ExactNameGeocoder(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@Override
	public GeocodeResult geocode(String query, GeocodeContext context) {
		if (query == null || Names.fold(query).isEmpty()) {
			return new GeocodeResult(query, null, List.of(), "the place name is empty");
		}
		String country = context == null ? null : context.countryCode();
		List<GeocodeResult.Candidate> ranked = gazetteer.byName(query)
			.stream()
			.map(p -> new GeocodeResult.Candidate(p, rank(p, country)))
			.sorted(Comparator.comparingDouble(GeocodeResult.Candidate::score).reversed())
			.toList();
		if (ranked.isEmpty()) {
			return new GeocodeResult(query, null, ranked, "no gazetteer record is named \"" + query + "\"");
		}
		GeocodeResult.Candidate best = ranked.get(0);
		double confidence = 1.0;
		if (ranked.size() > 1) {
			double margin = best.score() - ranked.get(1).score();
			if (margin < 0.3) {
				return new GeocodeResult(query, null, ranked,
						"\"" + query + "\" names " + ranked.size() + " places that rank alike ("
								+ describe(best.place()) + " and " + describe(ranked.get(1).place())
								+ "); pin one by id");
			}
			confidence = Math.min(1.0, 0.5 + margin / 20);
		}
		Place p = best.place();
		var resolution = new GeocodeResult.Resolution(p, p.lat(), p.lon(), 1, METHOD, round(confidence));
		return new GeocodeResult(query, resolution, ranked, "exact name match: " + describe(p)
				+ (ranked.size() > 1 ? ", preferred over " + (ranked.size() - 1) + " other(s) of the same name" : ""));
	}

	/**
	 * Ranking key: country in focus is worth 100, feature importance 10 per step, and population one
	 * per order of magnitude, so each criterion only breaks the previous one's ties.
	 */
	static double rank(Place p, String country) {
		double inCountry = p.countryCode().equals(country) ? 100 : 0;
		return inCountry + 10 * FEATURE_RANK.getOrDefault(p.featureCode(), 0) + Math.log10(p.population() + 1);
	}

	private static String describe(Place p) {
		return p.name() + " (" + p.id() + ", " + p.featureCode() + ", " + p.countryCode() + ")";
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
