package org.conflictmap.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.export.EventCsv;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;

/**
 * Realistic synthetic ACLED data for tests and benchmarks: events clustered around Syria's populated
 * places (a place is drawn with a weight of the square root of its population, the point scattered
 * around it by the row's geo precision), dated over whole years with a rising and falling tempo, in
 * ACLED's usual type mix for Syria, with actors, sources, notes and fatalities. The same seed writes the
 * same file, byte for byte.
 */
public final class SyntheticAcled {

	/** ACLED's event types and sub-types with their share of Syrian events, roughly as ACLED reports them. */
	private static final Object[][] TYPES = { { "Explosions/Remote violence", "Shelling/artillery/missile attack", 30 },
			{ "Explosions/Remote violence", "Air/drone strike", 18 },
			{ "Explosions/Remote violence", "Remote explosive/landmine/IED", 6 }, { "Battles", "Armed clash", 22 },
			{ "Battles", "Non-state actor overtakes territory", 1 }, { "Battles", "Government regains territory", 1 },
			{ "Violence against civilians", "Attack", 8 },
			{ "Violence against civilians", "Abduction/forced disappearance", 2 },
			{ "Strategic developments", "Looting/property destruction", 3 }, { "Strategic developments", "Arrests", 2 },
			{ "Strategic developments", "Other", 1 }, { "Protests", "Peaceful protest", 5 },
			{ "Riots", "Violent demonstration", 1 } };

	private static final String[] ACTORS = { "Military Forces of Syria (2000-2024)", "Hayat Tahrir al Sham",
			"Syrian National Army", "Syrian Democratic Forces", "Military Forces of Russia (2000-)",
			"Military Forces of Turkey (2016-)", "Islamic State (Syria)", "Unidentified Armed Group (Syria)",
			"Military Forces of Israel (2022-)", "Hezbollah" };

	private static final String[] SOURCES = { "Syrian Observatory for Human Rights", "SANA", "Enab Baladi",
			"Reuters", "Step News Agency", "North Press Agency", "Al Jazeera", "Agence France Presse" };

	private static final String[] HEADER = EventCsv.ACLED_COLUMNS.toArray(String[]::new);

	/** How far around the place a row's point may lie, per geo_precision, in km. */
	private static final double[] SCATTER_KM = { 0, 1, 5, 20 };

	private final List<Place> places = new ArrayList<>();

	private final double[] cumulativeWeight;

	private final Gazetteer gazetteer;

	private final int[] typeWeights;

	private final LocalDate first;

	private final int days;

	public SyntheticAcled(Gazetteer gazetteer, LocalDate first, LocalDate last) {
		this.gazetteer = gazetteer;
		this.first = first;
		this.days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		for (Place p : gazetteer.places()) {
			if ("SY".equals(p.countryCode()) && "P".equals(p.featureClass()) && p.population() > 0
					&& p.id().startsWith("gn:")) {
				places.add(p);
			}
		}
		places.sort(java.util.Comparator.comparing(Place::id));
		cumulativeWeight = new double[places.size()];
		double total = 0;
		for (int i = 0; i < places.size(); i++) {
			total += Math.sqrt(places.get(i).population());
			cumulativeWeight[i] = total;
		}
		typeWeights = new int[TYPES.length];
		int sum = 0;
		for (int i = 0; i < TYPES.length; i++) {
			sum += (Integer) TYPES[i][2];
			typeWeights[i] = sum;
		}
	}

	/** Over 2017 to 2024 from the shipped gazetteer. */
	public static SyntheticAcled overSyria() {
		return new SyntheticAcled(Gazetteer.loadDefault(), LocalDate.of(2017, 1, 1), LocalDate.of(2024, 12, 31));
	}

	/** Writes {@code events} rows (and the header) as UTF-8 CSV; the same seed gives the same bytes. */
	public void write(OutputStream out, long events, long seed) {
		var random = new SplittableRandom(seed);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try {
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
			for (long n = 1; n <= events; n++) {
				csv.printRecord(row(n, random));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Object> row(long n, SplittableRandom random) {
		Place place = place(random);
		Object[] type = type(random);
		LocalDate date = date(random);
		int precision = random.nextInt(100) < 80 ? 1 : random.nextInt(100) < 75 ? 2 : 3;
		double km = SCATTER_KM[precision] * Math.abs(random.nextDouble() + random.nextDouble() - 1);
		double bearing = random.nextDouble(2 * Math.PI);
		double lat = place.lat() + km / 111.32 * Math.cos(bearing);
		double lon = place.lon() + km / (111.32 * Math.cos(Math.toRadians(place.lat()))) * Math.sin(bearing);
		String actor1 = ACTORS[random.nextInt(ACTORS.length)];
		String actor2 = random.nextInt(4) == 0 ? "" : ACTORS[random.nextInt(ACTORS.length)];
		if (type[0].equals("Violence against civilians")) {
			actor2 = "Civilians (Syria)";
		}
		int fatalities = random.nextInt(100) < 60 ? 0 : (int) Math.round(-Math.log(1 - random.nextDouble()) * 4);
		String source = SOURCES[random.nextInt(SOURCES.length)]
				+ (random.nextBoolean() ? "; " + SOURCES[random.nextInt(SOURCES.length)] : "");
		String admin1 = gazetteer.admin1Name(place).orElse("");
		String notes = String.format(Locale.ROOT, "On %s, %s in %s (%s). [synthetic event %d]", date,
				((String) type[1]).toLowerCase(Locale.ROOT), place.name(), admin1, n);
		var row = new ArrayList<Object>(HEADER.length);
		row.add("SYR" + n);
		row.add(date.toString());
		row.add(date.getYear());
		row.add(random.nextInt(100) < 90 ? 1 : 2);
		row.add(type[0].equals("Protests") || type[0].equals("Riots") ? "Demonstrations" : "Political violence");
		row.add(type[0]);
		row.add(type[1]);
		row.add(actor1);
		row.add("");
		row.add(actor2);
		row.add("");
		row.add("");
		row.add(type[0].equals("Violence against civilians") ? "Civilian targeting" : "");
		row.add(760);
		row.add("Middle East");
		row.add("Syria");
		row.add(admin1);
		row.add("");
		row.add("");
		row.add(place.name());
		row.add(String.format(Locale.ROOT, "%.4f", lat));
		row.add(String.format(Locale.ROOT, "%.4f", lon));
		row.add(precision);
		row.add(source);
		row.add("National");
		row.add(notes);
		row.add(fatalities);
		row.add("");
		row.add(1_700_000_000L + n);
		return row;
	}

	private Place place(SplittableRandom random) {
		double pick = random.nextDouble(cumulativeWeight[cumulativeWeight.length - 1]);
		int i = java.util.Arrays.binarySearch(cumulativeWeight, pick);
		return places.get(i >= 0 ? i : -i - 1);
	}

	private Object[] type(SplittableRandom random) {
		int pick = random.nextInt(typeWeights[typeWeights.length - 1]);
		for (int i = 0; i < typeWeights.length; i++) {
			if (pick < typeWeights[i]) {
				return TYPES[i];
			}
		}
		throw new IllegalStateException("unreachable");
	}

	/** Days drawn with a tempo that rises and falls over the span (busy offensives, quiet months). */
	private LocalDate date(SplittableRandom random) {
		while (true) {
			int day = random.nextInt(days);
			double tempo = 0.55 + 0.45 * Math.sin(day / 45.0) * Math.cos(day / 330.0);
			if (random.nextDouble() < tempo) {
				return first.plusDays(day);
			}
		}
	}

}
