package org.conflictmap.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy on the development set (src/test/resources/devset.tsv), by spelling class: exact record,
 * within 25 km, within 161 km, wrong country, unresolved. Prints the table (and writes it to
 * target/devset-accuracy.txt) for gazetteer/README.md, and holds the line the product promises: at least
 * 95% within 25 km and never a wrong country.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -pl gazetteer test -Dtest=DevSetAccuracyTest}
 */
class DevSetAccuracyTest {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	record Case(String spellingClass, String query, String expectedId) {
	}

	record Outcome(Case c, GeocodeResult result, Place expected, double km) {

		boolean exactId() {
			return result.isResolved() && result.resolution().place().id().equals(expected.id());
		}

		boolean wrongCountry() {
			return result.isResolved() && !result.resolution().place().countryCode().equals(expected.countryCode());
		}

	}

	@Test
	void newsSpellingsLandWithin25KmAtLeast95PercentOfTheTimeAndNeverInTheWrongCountry() throws IOException {
		var geocoder = new NewsGeocoder(GAZETTEER);
		var byClass = new LinkedHashMap<String, List<Outcome>>();
		var all = new ArrayList<Outcome>();
		for (Case c : cases()) {
			Place expected = GAZETTEER.byId(c.expectedId())
				.orElseThrow(() -> new AssertionError("devset names unknown record " + c.expectedId()));
			GeocodeResult r = geocoder.geocode(c.query(), GeocodeContext.syria());
			double km = r.isResolved()
					? GeoMath.km(r.resolution().lon(), r.resolution().lat(), expected.lon(), expected.lat())
					: Double.NaN;
			var outcome = new Outcome(c, r, expected, km);
			byClass.computeIfAbsent(spellingClass(c, expected), k -> new ArrayList<>()).add(outcome);
			all.add(outcome);
		}
		String report = table(byClass, all);
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/devset-accuracy.txt"), report);

		assertThat(all).hasSizeGreaterThanOrEqualTo(100);
		assertThat(share(all, o -> o.km() <= 25)).as(report).isGreaterThanOrEqualTo(0.95);
		assertThat(all.stream().filter(Outcome::wrongCountry).toList()).as(report).isEmpty();
	}

	/** "name" cases split by how GeoNames lists the spelling: as its name, among its alternates, or not at all. */
	private static String spellingClass(Case c, Place expected) {
		if (!c.spellingClass().equals("name")) {
			return c.spellingClass();
		}
		String q = Names.fold(c.query());
		if (q.equals(Names.fold(expected.name())) || q.equals(Names.fold(expected.asciiName()))) {
			return "exact";
		}
		return expected.alternateNames().stream().anyMatch(a -> Names.fold(a).equals(q)) ? "alternate" : "variant";
	}

	private static String table(Map<String, List<Outcome>> byClass, List<Outcome> all) {
		var out = new StringBuilder(String.format("%-11s %5s %9s %8s %9s %10s %11s%n", "class", "n", "exact id",
				"<=25 km", "<=161 km", "wrong cc", "unresolved"));
		byClass.forEach((k, v) -> out.append(row(k, v)));
		out.append(row("all", all));
		out.append("misses (> 25 km or unresolved):\n");
		for (Outcome o : all) {
			if (!(o.km() <= 25)) {
				out.append("  ").append(o.c().spellingClass()).append(" \"").append(o.c().query()).append("\" expected ")
					.append(o.c().expectedId()).append(": ")
					.append(o.result().isResolved() ? o.result().resolution().place().id()
							+ String.format(" at %.0f km", o.km()) : "unresolved (" + o.result().explanation() + ")")
					.append('\n');
			}
		}
		return out.toString();
	}

	private static String row(String name, List<Outcome> v) {
		return String.format("%-11s %5d %8.1f%% %7.1f%% %8.1f%% %10d %11d%n", name, v.size(),
				100 * share(v, Outcome::exactId), 100 * share(v, o -> o.km() <= 25), 100 * share(v, o -> o.km() <= 161),
				v.stream().filter(Outcome::wrongCountry).count(), v.stream().filter(o -> !o.result().isResolved()).count());
	}

	private static double share(List<Outcome> v, java.util.function.Predicate<Outcome> p) {
		return v.isEmpty() ? 0 : (double) v.stream().filter(p).count() / v.size();
	}

	private static List<Case> cases() throws IOException {
		var cases = new ArrayList<Case>();
		try (var in = new BufferedReader(new InputStreamReader(
				DevSetAccuracyTest.class.getResourceAsStream("/devset.tsv"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] f = line.split("\t");
					cases.add(new Case(f[0], f[1], f[2]));
				}
			}
		}
		return cases;
	}

}
