package org.conflictmap.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Resolves places as news reports write them: names in any common spelling or script, relative phrases
 * ("12 km north of Hama", "Hama's eastern edge", "outskirts of Aleppo") and regions ("northern Syria",
 * "Idlib province"). Declines datelines and close ties, with the candidates, rather than guess.
 *
 * <p>
 * Ranking, each criterion breaking the previous one's ties: the country in focus; how the name matched
 * (exact, variant spelling, fuzzy, fewer edits first); nearness to the event's other places; feature
 * importance (capital, governorate seat, district seat, ...); population.
 */
public final class NewsGeocoder implements Geocoder {

	/** GeoNames feature codes by importance for a bare name; a bare name means the town, not its governorate. */
	private static final Map<String, Integer> FEATURE_RANK = Map.ofEntries(Map.entry("PCLI", 7), Map.entry("PPLC", 6),
			Map.entry("PPLA", 5), Map.entry("PPLA2", 4), Map.entry("PPLA3", 3), Map.entry("PPLA4", 2),
			Map.entry("PPL", 1), Map.entry("PPLX", 1), Map.entry("ADM1", 2), Map.entry("RGN", 2),
			Map.entry("AREA", 2), Map.entry("PSTB", 2), Map.entry("CSTL", 2), Map.entry("MT", 2));

	/** Two candidates closer than this in score are a tie. */
	static final double TIE_MARGIN = 0.3;

	private final Gazetteer gazetteer;

	public NewsGeocoder(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@Override
	public GeocodeResult geocode(String query, GeocodeContext context) {
		GeocodeContext ctx = context == null ? new GeocodeContext(null) : context;
		if (query == null || Names.fold(query).isEmpty()) {
			return unresolved(query, List.of(), "the place name is empty");
		}
		Phrase phrase = Phrase.parse(query);
		if (phrase.kind() == Phrase.Kind.DATELINE) {
			return unresolved(query, List.of(), "\"" + query.strip() + "\" is a dateline: where the report was filed, "
					+ "not where the event happened");
		}
		// A curated region or landmark may be named by the whole phrase ("northern Syria", "the Iraqi border").
		Ranked whole = rank(query.strip(), ctx, false);
		if (whole.winner() != null && phrase.kind() != Phrase.Kind.NAME) {
			return resolve(query, whole, ctx);
		}
		if (phrase.kind() == Phrase.Kind.NAME) {
			return resolve(query, whole.winner() != null ? whole : rank(phrase.anchor(), ctx, true), ctx);
		}
		Ranked anchor = rank(phrase.anchor(), ctx, true);
		if (anchor.winner() == null) {
			return unresolved(query, anchor.candidates(), "the phrase hangs on \"" + phrase.anchor() + "\": "
					+ anchor.failure());
		}
		return relative(query, phrase, anchor);
	}

	/** Candidates for a name, best first, with the winner when there is a clear one. */
	private record Ranked(List<GeocodeResult.Candidate> candidates, Match winner, String failure) {
	}

	private Ranked rank(String name, GeocodeContext ctx, boolean fuzzy) {
		List<Match> matches = gazetteer.candidates(name, ctx.countryCode());
		if (!fuzzy) {
			matches = matches.stream().filter(m -> m.tier() != Match.FUZZY).toList();
		}
		if (matches.isEmpty()) {
			return new Ranked(List.of(), null, "no gazetteer record is named \"" + name + "\"");
		}
		var scored = new ArrayList<Scored>(matches.size());
		for (Match m : matches) {
			scored.add(new Scored(m, score(m, ctx)));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		List<GeocodeResult.Candidate> candidates = scored.stream()
			.map(s -> new GeocodeResult.Candidate(s.match().place(), round(s.score())))
			.toList();
		if (scored.size() > 1 && scored.get(0).score() - scored.get(1).score() < TIE_MARGIN) {
			return new Ranked(candidates, null, "\"" + name + "\" names " + scored.size() + " places that rank alike ("
					+ describe(scored.get(0).match().place()) + " and " + describe(scored.get(1).match().place())
					+ "); pin one by id");
		}
		return new Ranked(candidates, scored.get(0).match(), null);
	}

	private record Scored(Match match, double score) {
	}

	/**
	 * Country in focus 1000, match tier 100 a step less 40 an edit, nearness to the event's other places
	 * up to 30, feature importance 10 a step, population 1 an order of magnitude.
	 */
	double score(Match m, GeocodeContext ctx) {
		Place p = m.place();
		double s = p.countryCode().equals(ctx.countryCode()) ? 1000 : 0;
		s += 100 * m.tier() - 40 * m.distance();
		double nearest = Double.MAX_VALUE;
		for (double[] point : ctx.near()) {
			nearest = Math.min(nearest, GeoMath.km(p.lon(), p.lat(), point[0], point[1]));
		}
		if (nearest < Double.MAX_VALUE) {
			s += 30 * Math.exp(-nearest / 50);
		}
		s += 10 * FEATURE_RANK.getOrDefault(p.featureCode(), 0);
		s += Math.log10(Math.max(p.population(), 0) + 1);
		return s;
	}

	private GeocodeResult resolve(String query, Ranked ranked, GeocodeContext ctx) {
		if (ranked.winner() == null) {
			return unresolved(query, ranked.candidates(), ranked.failure());
		}
		Match m = ranked.winner();
		Place p = m.place();
		boolean area = gazetteer.isArea(p);
		var resolution = new GeocodeResult.Resolution(p, p.lat(), p.lon(), area ? 3 : 1, m.method(),
				confidence(ranked, m));
		return new GeocodeResult(query, resolution, ranked.candidates(), how(m) + describe(p)
				+ (area ? " (a region: its representative point)" : "")
				+ (ranked.candidates().size() > 1 ? ", preferred over " + (ranked.candidates().size() - 1)
						+ " other candidate(s)" : ""));
	}

	private GeocodeResult relative(String query, Phrase phrase, Ranked anchorRanking) {
		Match m = anchorRanking.winner();
		Place anchor = m.place();
		double score = confidence(anchorRanking, m);
		String method;
		double[] point = { anchor.lon(), anchor.lat() };
		int precision = 2;
		String what;
		switch (phrase.kind()) {
			case OFFSET -> {
				point = GeoMath.destination(anchor.lon(), anchor.lat(), phrase.bearings().get(0), phrase.km());
				method = "relative-offset";
				what = String.format(java.util.Locale.ROOT, "%.1f km at bearing %.0f° from ", phrase.km(),
						phrase.bearings().get(0));
			}
			case EDGE -> {
				double reach = gazetteer.reachKm(anchor);
				double dx = 0;
				double dy = 0;
				for (double b : phrase.bearings()) {
					dx += Math.sin(Math.toRadians(b));
					dy += Math.cos(Math.toRadians(b));
				}
				dx /= phrase.bearings().size();
				dy /= phrase.bearings().size();
				double km = reach * Math.hypot(dx, dy);
				if (km > 0.05) {
					point = GeoMath.destination(anchor.lon(), anchor.lat(), Math.toDegrees(Math.atan2(dx, dy)), km);
				}
				method = "relative-edge";
				what = String.format(java.util.Locale.ROOT, "the edge %.1f km out from the centre of ", km);
			}
			case DIRECTION -> {
				method = "relative-direction";
				what = "somewhere " + compass(phrase.bearings().get(0)) + " of (no distance given, so at) ";
			}
			case NEAR -> {
				method = "relative-near";
				what = "near ";
			}
			case ADMIN -> {
				Place area = admin1(anchor);
				precision = 3;
				method = "admin-area";
				if (area != null) {
					return new GeocodeResult(query, new GeocodeResult.Resolution(area, area.lat(), area.lon(), 3, method,
							score), anchorRanking.candidates(), "the governorate of " + describe(anchor) + ": "
									+ describe(area));
				}
				what = "the administrative area around ";
			}
			default -> throw new IllegalStateException("not a relative phrase: " + phrase.kind());
		}
		if (gazetteer.isArea(anchor)) {
			precision = 3;
		}
		var resolution = new GeocodeResult.Resolution(anchor, point[1], point[0], precision, method, score);
		return new GeocodeResult(query, resolution, anchorRanking.candidates(), what + describe(anchor));
	}

	/** The curated governorate (ADM1) record that contains a place, if the supplement has it. */
	private Place admin1(Place place) {
		if ("ADM1".equals(place.featureCode())) {
			return place;
		}
		return gazetteer.byId("cm:" + place.countryCode().toLowerCase(java.util.Locale.ROOT) + "-adm1-" + place.admin1Code())
			.orElse(null);
	}

	/** 1 for a lone candidate; lower as the runner-up gets closer, and for fuzzy matches. */
	private static double confidence(Ranked ranked, Match winner) {
		double c = 1.0;
		if (ranked.candidates().size() > 1) {
			double margin = ranked.candidates().get(0).score() - ranked.candidates().get(1).score();
			c = Math.min(1.0, 0.5 + margin / 20);
		}
		if (winner.tier() == Match.FUZZY) {
			c *= winner.distance() == 1 ? 0.8 : 0.6;
		}
		return round(c);
	}

	private static String how(Match m) {
		return switch (m.tier()) {
			case Match.EXACT -> "exact name match: ";
			case Match.VARIANT -> "spelling variant of ";
			default -> "fuzzy match (" + m.distance() + " edit" + (m.distance() == 1 ? "" : "s") + ") to ";
		};
	}

	private static String compass(double bearing) {
		String[] names = { "north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west" };
		return names[(int) Math.round(bearing / 45) % 8];
	}

	private static GeocodeResult unresolved(String query, List<GeocodeResult.Candidate> candidates, String why) {
		return new GeocodeResult(query, null, candidates, why);
	}

	private static String describe(Place p) {
		return p.name() + " (" + p.id() + ", " + p.featureCode() + ", " + p.countryCode() + ")";
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
