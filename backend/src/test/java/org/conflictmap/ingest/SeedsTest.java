package org.conflictmap.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own seeds/: every event parses, geocodes, and lands where the report puts it.
 */
class SeedsTest {

	private static final Path SEEDS = Path.of("seeds");

	private static final double[] HAMA = { 36.75783, 35.13179 };

	private static final double[] ALEPPO = { 37.16117, 36.20124 };

	private static final double[] ALBU_KAMAL = { 40.91854, 34.45226 };

	private static final double[] AMMAN = { 35.94503, 31.95522 };

	private SeedFixture fixture;

	@BeforeEach
	void store() {
		fixture = new SeedFixture();
	}

	@Test
	void everySeedEventIsImportedAndPublished() throws IOException {
		SeedImporter.Report report = fixture.importer.importDirectory(SEEDS);

		long declared = Files.readAllLines(SEEDS.resolve("events.yaml")).stream().filter(l -> l.startsWith("- id:")).count();
		assertThat(declared).isGreaterThanOrEqualTo(10);
		assertThat(report.inserted()).isEqualTo(declared);
		assertThat(fixture.published()).isEqualTo(declared);
	}

	@Test
	void eventsLandWhereTheReportPutsThem() {
		fixture.importer.importDirectory(SEEDS);

		Event aleppo = event("2024-12-aleppo-captured-by-rebels");
		assertThat(km(aleppo, ALEPPO)).isLessThan(1);
		assertThat(aleppo.geocode().method()).isEqualTo("exact-name");
		assertThat(aleppo.geocode().placeId()).isEqualTo("gn:170063");
		assertThat(aleppo.admin1()).isEqualTo("Aleppo");
		assertThat(aleppo.controlChange()).isEqualTo(new Event.ControlChange("opposition", "gained"));

		Event hill = event("2024-12-03-rebels-reach-hill-north-of-hama");
		assertThat(km(hill, HAMA)).isBetween(2.0, 10.0);
		assertThat(hill.geom().getY()).as("the hill is north of Hama").isGreaterThan(HAMA[1]);
		assertThat(hill.geocode().geoPrecision()).isEqualTo(2);

		Event entering = event("2024-12-05-rebels-say-they-are-entering-hama");
		assertThat(km(entering, HAMA)).isLessThan(1);
		assertThat(entering.geocode().placeId()).isEqualTo("gn:170017");
		assertThat(entering.claims()).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo("contested"));

		Event edges = event("2024-12-04-rebels-push-to-hama-edges");
		assertThat(edges.geocode().method()).isEqualTo("relative-edge");
		assertThat(edges.geocode().placeId()).isEqualTo("gn:170017");
		assertThat(edges.geocode().geoPrecision()).isEqualTo(2);
		assertThat(km(edges, HAMA)).as("east and west edges together: the city itself").isLessThan(1);

		Event militias = event("2024-12-02-iraqi-militias-cross-into-syria");
		assertThat(km(militias, ALBU_KAMAL)).isLessThan(1);
		assertThat(militias.geocode().geoPrecision()).isEqualTo(3);
		assertThat(militias.dateStart()).isEqualTo(LocalDate.of(2024, 12, 2));
	}

	@Test
	void theDatelineIsNeverAPlaceAndEveryDateFallsInTheOffensive() {
		fixture.importer.importDirectory(SEEDS);

		for (Event e : all()) {
			assertThat(km(e, AMMAN)).as(e.id() + " is not placed at the Amman dateline").isGreaterThan(100);
			assertThat(e.country()).as(e.id()).isEqualTo("SY");
			assertThat(e.dateStart()).as(e.id()).isBetween(LocalDate.of(2024, 11, 27), LocalDate.of(2024, 12, 5));
			assertThat(e.dateEnd()).as(e.id()).isBetween(e.dateStart(), LocalDate.of(2024, 12, 5));
			assertThat(e.sources()).as(e.id()).isNotEmpty();
		}
	}

	@Test
	void importingTheSameSeedsAgainChangesNothing() {
		fixture.importer.importDirectory(SEEDS);
		long versions = fixture.storedVersions();

		SeedImporter.Report again = fixture.importer.importDirectory(SEEDS);

		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(fixture.storedEvents());
		assertThat(fixture.storedVersions()).isEqualTo(versions);
	}

	@Test
	void anEditedSeedBecomesANewVersionAndKeepsTheOldOne(@TempDir Path dir) throws IOException {
		copySeeds(dir);
		fixture.importer.importDirectory(dir);
		Path events = dir.resolve("events.yaml");
		Files.writeString(events, Files.readString(events).replace("title: Rebels take Aleppo", "title: Rebels capture Aleppo"));

		SeedImporter.Report report = fixture.importer.importDirectory(dir);

		assertThat(report.updated()).isEqualTo(1);
		Event aleppo = event("2024-12-aleppo-captured-by-rebels");
		assertThat(aleppo.title()).isEqualTo("Rebels capture Aleppo");
		assertThat(aleppo.version()).isEqualTo(2);
		assertThat(fixture.repository.versionCount(aleppo.id())).isEqualTo(2);
	}

	static void copySeeds(Path dir) throws IOException {
		for (String name : List.of("sides.yaml", "events.yaml")) {
			Files.copy(SEEDS.resolve(name), dir.resolve(name));
		}
	}

	private Event event(String id) {
		return fixture.repository.findById(id).orElseThrow(() -> new AssertionError("no seed event " + id));
	}

	private List<Event> all() {
		var events = new ArrayList<Event>();
		fixture.repository.forEach(EventQuery.all(), events::add);
		return events;
	}

	/** Great-circle distance in km between an event and a lon/lat. */
	static double km(Event e, double[] lonLat) {
		double lat1 = Math.toRadians(e.geom().getY());
		double lat2 = Math.toRadians(lonLat[1]);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(lonLat[0] - e.geom().getX());
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
	}

}
