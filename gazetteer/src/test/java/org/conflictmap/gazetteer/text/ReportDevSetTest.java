package org.conflictmap.gazetteer.text;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeoMath;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article reader on the development set of reports (src/test/resources/reports/, see its README):
 * place mentions found and placed within each one's tolerance (recall and precision), date expressions
 * resolved to the annotated days (recall and precision), and datelines never read as an event's place.
 * Prints the table (and writes it to target/report-devset.txt) for gazetteer/README.md, and holds the line:
 * 95% on each figure, no dateline as an event place.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -pl gazetteer test -Dtest=ReportDevSetTest}; on another set of reports in the same
 * format (src/test/resources/reports/README.md), add {@code -Dreports.dir=/absolute/path}.
 */
class ReportDevSetTest {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	/** A report of the set: its text, publication day, dateline (or null) and what a reader should find. */
	record Report(String file, LocalDate published, String dateline, String text, List<Gold> places, List<Gold> dates) {
	}

	/** An annotated mention: its span, and either a point with a tolerance or the days it means. */
	record Gold(String text, int start, int end, double lat, double lon, double km, LocalDate from, LocalDate to) {
	}

	@Test
	void placesAndDatesAreFoundAtLeast95PercentOfTheTimeAndDatelinesAreNeverEventPlaces() throws Exception {
		var finder = new PlaceFinder(GAZETTEER, new NewsGeocoder(GAZETTEER));
		int goldPlaces = 0;
		int placesFound = 0;
		int predictedPlaces = 0;
		int predictedRight = 0;
		int goldDates = 0;
		int datesFound = 0;
		int predictedDates = 0;
		int predictedDatesRight = 0;
		int datelines = 0;
		int datelinesSeen = 0;
		int datelinesAsEvents = 0;
		var misses = new ArrayList<String>();
		List<Report> reports = reports();
		for (Report r : reports) {
			List<PlaceMention> places = finder.find(r.text(), List.of(), null, "SY");
			List<PlaceMention> events = places.stream().filter(p -> p.role().equals(PlaceMention.EVENT)).toList();
			goldPlaces += r.places().size();
			for (Gold g : r.places()) {
				PlaceMention hit = events.stream().filter(p -> overlaps(p.start(), p.end(), g)).findFirst().orElse(null);
				if (hit != null && within(hit, g)) {
					placesFound++;
				}
				else {
					misses.add(r.file() + ": place \"" + g.text() + "\" " + (hit == null ? "not found"
							: "found as \"" + hit.text() + "\" -> " + describe(hit)));
				}
			}
			predictedPlaces += events.size();
			for (PlaceMention p : events) {
				boolean right = r.places().stream().anyMatch(g -> overlaps(p.start(), p.end(), g) && within(p, g));
				if (right) {
					predictedRight++;
				}
				else if (r.places().stream().noneMatch(g -> overlaps(p.start(), p.end(), g))) {
					misses.add(r.file() + ": \"" + p.text() + "\" read as a place (" + describe(p) + ") but is not one");
				}
			}
			if (r.dateline() != null) {
				datelines++;
				int at = r.text().indexOf(r.dateline());
				Gold line = new Gold(r.dateline(), at, at + r.dateline().length(), 0, 0, 0, null, null);
				if (places.stream().anyMatch(p -> p.role().equals(PlaceMention.DATELINE) && overlaps(p.start(), p.end(), line))) {
					datelinesSeen++;
				}
				if (events.stream().anyMatch(p -> overlaps(p.start(), p.end(), line))) {
					datelinesAsEvents++;
					misses.add(r.file() + ": the dateline " + r.dateline() + " read as an event place");
				}
			}
			List<DateMention> dates = DateFinder.find(r.text(), r.published());
			goldDates += r.dates().size();
			for (Gold g : r.dates()) {
				DateMention hit = dates.stream().filter(d -> overlaps(d.start(), d.end(), g)).findFirst().orElse(null);
				if (hit != null && hit.dateStart().equals(g.from()) && hit.dateEnd().equals(g.to())) {
					datesFound++;
				}
				else {
					misses.add(r.file() + ": date \"" + g.text() + "\" " + (hit == null ? "not found"
							: "read as " + hit.dateStart() + ".." + hit.dateEnd() + ", not " + g.from() + ".." + g.to()));
				}
			}
			predictedDates += dates.size();
			for (DateMention d : dates) {
				if (r.dates().stream().anyMatch(g -> overlaps(d.start(), d.end(), g) && d.dateStart().equals(g.from()) && d.dateEnd().equals(g.to()))) {
					predictedDatesRight++;
				}
				else if (r.dates().stream().noneMatch(g -> overlaps(d.start(), d.end(), g))) {
					misses.add(r.file() + ": \"" + d.text() + "\" read as a date but is not annotated as one");
				}
			}
		}
		var table = new StringBuilder();
		table.append("| measure | n | found | figure |\n|---|---|---|---|\n");
		row(table, "places: recall within tolerance", goldPlaces, placesFound);
		row(table, "places: precision within tolerance", predictedPlaces, predictedRight);
		row(table, "dates: recall (same days)", goldDates, datesFound);
		row(table, "dates: precision (same days)", predictedDates, predictedDatesRight);
		row(table, "datelines recognised", datelines, datelinesSeen);
		table.append("| datelines read as an event place | ").append(datelines).append(" | ").append(datelinesAsEvents)
			.append(" | |\n");
		table.append("\n").append(reports.size()).append(" reports. Misses:\n");
		misses.forEach(m -> table.append("- ").append(m).append('\n'));
		System.out.println(table);
		Path out = Path.of("target", "report-devset.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, table);

		assertThat(reports).hasSizeGreaterThanOrEqualTo(10);
		assertThat(percent(placesFound, goldPlaces)).as("place recall").isGreaterThanOrEqualTo(95.0);
		assertThat(percent(predictedRight, predictedPlaces)).as("place precision").isGreaterThanOrEqualTo(95.0);
		assertThat(percent(datesFound, goldDates)).as("date recall").isGreaterThanOrEqualTo(95.0);
		assertThat(percent(predictedDatesRight, predictedDates)).as("date precision").isGreaterThanOrEqualTo(95.0);
		assertThat(datelinesAsEvents).as("datelines read as event places").isZero();
	}

	private static void row(StringBuilder table, String what, int n, int found) {
		table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% |%n", what, n, found, percent(found, n)));
	}

	private static double percent(int part, int whole) {
		return whole == 0 ? 100.0 : 100.0 * part / whole;
	}

	private static boolean overlaps(int start, int end, Gold g) {
		return start < g.end() && g.start() < end;
	}

	private static boolean within(PlaceMention p, Gold g) {
		return p.resolved() && GeoMath.km(p.result().resolution().lon(), p.result().resolution().lat(), g.lon(), g.lat()) <= g.km();
	}

	private static String describe(PlaceMention p) {
		return p.resolved() ? p.result().resolution().place().name() + String.format(Locale.ROOT, " %.3f,%.3f",
				p.result().resolution().lat(), p.result().resolution().lon()) : "unresolved: " + p.result().explanation();
	}

	/** The dev set, or the reports in {@code -Dreports.dir=DIR} (a held-out set in the same format). */
	static List<Report> reports() throws IOException, URISyntaxException {
		String other = System.getProperty("reports.dir");
		Path dir = other != null && !other.isBlank() ? Path.of(other)
				: Path.of(ReportDevSetTest.class.getResource("/reports").toURI());
		var reports = new ArrayList<Report>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
				reports.add(read(f));
			}
		}
		return reports;
	}

	/**
	 * A report file: {@code published:} and {@code dateline:} lines, {@code ---}, the text, {@code ---}, then one
	 * annotation a line, tab-separated: {@code place TEXT N LAT LON KM} or {@code date TEXT N FROM TO}, where N says
	 * which occurrence of TEXT (as a whole word run, case as written) is meant.
	 */
	static Report read(Path file) throws IOException {
		String name = file.getFileName().toString();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		LocalDate published = null;
		String dateline = null;
		int i = 0;
		for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
			String l = lines.get(i);
			if (l.startsWith("published:")) {
				published = LocalDate.parse(l.substring(10).strip());
			}
			else if (l.startsWith("dateline:")) {
				String d = l.substring(9).strip();
				dateline = d.equals("none") ? null : d;
			}
			else if (!l.isBlank()) {
				throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected published: or dateline:, not " + l);
			}
		}
		var text = new StringBuilder();
		for (i++; i < lines.size() && !lines.get(i).equals("---"); i++) {
			text.append(text.isEmpty() ? "" : "\n").append(lines.get(i));
		}
		String t = text.toString();
		var places = new ArrayList<Gold>();
		var dates = new ArrayList<Gold>();
		for (i++; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			String[] f = lines.get(i).split("\t");
			int[] span = occurrence(t, f[1], Integer.parseInt(f[2]), name + ":" + (i + 1));
			switch (f[0]) {
				case "place" -> places.add(new Gold(f[1], span[0], span[1], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
						Double.parseDouble(f[5]), null, null));
				case "date" -> dates.add(new Gold(f[1], span[0], span[1], 0, 0, 0, LocalDate.parse(f[3]), LocalDate.parse(f[4])));
				default -> throw new IllegalArgumentException(name + ":" + (i + 1) + ": place or date, not " + f[0]);
			}
		}
		if (published == null) {
			throw new IllegalArgumentException(name + ": no published: line");
		}
		return new Report(name, published, dateline, t, places, dates);
	}

	private static int[] occurrence(String text, String words, int n, String where) {
		Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])").matcher(text);
		for (int k = 1; m.find(); k++) {
			if (k == n) {
				return new int[] { m.start(), m.end() };
			}
		}
		throw new IllegalArgumentException(where + ": \"" + words + "\" does not occur " + n + " time(s) in the text");
	}

}
