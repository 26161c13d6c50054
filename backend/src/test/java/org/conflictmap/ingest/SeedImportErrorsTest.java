package org.conflictmap.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A seed file with mistakes: every mistake is reported with file:line and what to change, and nothing
 * of the import is stored.
 */
class SeedImportErrorsTest {

	private static final String SIDES = """
			- id: opposition
			  label: Opposition
			  colour: "#2e7d32"
			- id: government
			  label: Government
			  colour: "#c62828"
			""";

	private static final String GOOD_EVENT = """
			- id: good-event
			  title: Clash in Hama
			  summary: A clash.
			  event_type: Battles
			  sub_event_type: Armed clash
			  actors: {side_a: [Opposition], side_b: [Government]}
			  date_start: 2024-12-05
			  date_end: 2024-12-05
			  time_precision: 1
			  place_text: Hama
			  sources: [{publisher: Wire, published: 2024-12-05}]
			""";

	@TempDir
	Path dir;

	private SeedFixture fixture;

	private String events;

	@BeforeEach
	void seeds() throws IOException {
		fixture = new SeedFixture();
		Files.writeString(dir.resolve("sides.yaml"), SIDES);
		events = dir.resolve("events.yaml").toString();
	}

	@Test
	void everyMistakeIsListedWithItsLineAndNothingIsStored() throws IOException {
		write(GOOD_EVENT + """
				- id: bad-event
				  title: Clash
				  summary: A clash.
				  event_type: Battles
				  sub_event_type: Air/drone strike
				  actors: {side_a: [Opposition]}
				  date_start: 5 December 2024
				  date_end: 2024-12-05
				  time_precision: 1
				  place_text: Hama
				  place_txt: Hama
				  sources: [{publisher: Wire, published: 2024-12-05}]
				  control_change: {side: rebels, change: gained}
				""");

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).containsExactlyInAnyOrder(
				events + ":16: sub_event_type: 'Air/drone strike' is not a sub-type of Battles; use one of "
						+ "[Armed clash, Government regains territory, Non-state actor overtakes territory]",
				events + ":18: date_start: must be an ISO date like 2024-12-05, not '5 December 2024'",
				events + ":22: unknown field 'place_txt' in an event; expected one of [actors, claims, control_change, "
						+ "date_end, date_start, event_type, fatalities, id, place, place_text, sources, status, "
						+ "sub_event_type, summary, time_precision, title]",
				events + ":24: control_change.side: 'rebels' is not declared in sides.yaml; declared: [government, opposition]");
		assertThat(fixture.storedEvents()).as("the good event is not stored either").isZero();
	}

	@Test
	void aPlaceTheGeocoderDeclinesNamesItsLineWhyAndHowToPinIt() throws IOException {
		write(GOOD_EVENT.replace("place_text: Hama", "place_text: \"Amman:\""));

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement()
			.asString()
			.startsWith(events + ":10: place_text: cannot place \"Amman:\": \"Amman:\" is a dateline")
			.contains("Add a place: with gazetteer_id, or lat, lon and geo_precision");
		assertThat(fixture.storedEvents()).isZero();
	}

	@Test
	void aBrokenImportLeavesTheEarlierImportAsItWas() throws IOException {
		write(GOOD_EVENT);
		fixture.importer.importDirectory(dir);
		write(GOOD_EVENT.replace("title: Clash in Hama", "title: Changed") + GOOD_EVENT.replace("good-event", "second")
			.replace("date_end: 2024-12-05", "date_end: 2024-12-01"));

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).containsExactly(events + ":19: date_end: 2024-12-01 is before date_start 2024-12-05");
		assertThat(fixture.storedEvents()).isEqualTo(1);
		assertThat(fixture.repository.findById("good-event").orElseThrow().title()).isEqualTo("Clash in Hama");
	}

	@Test
	void malformedYamlIsReportedAtItsLine() throws IOException {
		write(GOOD_EVENT + "- id: [unclosed\n");

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().startsWith(events + ":13: not valid YAML");
	}

	@Test
	void duplicateIdsAndDuplicateFieldsAreRefused() throws IOException {
		write(GOOD_EVENT + GOOD_EVENT.replace("  title: Clash in Hama\n", "  title: Clash in Hama\n  title: Again\n"));

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).containsExactlyInAnyOrder(
				events + ":14: field 'title' is given twice in an event",
				events + ":12: id: 'good-event' is already used at " + events + ":1; ids must be unique");
	}

	@Test
	void aBillionLaughsFileIsRefusedWithoutBeingExpanded() throws IOException {
		// nine levels of ten aliases each: a billion "lol"s once expanded
		var yaml = new StringBuilder("- id: lol\n  title: &a0 lol\n");
		for (int level = 1; level <= 9; level++) {
			yaml.append("  l").append(level).append(": &a").append(level).append(" [");
			for (int k = 0; k < 10; k++) {
				yaml.append(k == 0 ? "" : ", ").append("*a").append(level - 1);
			}
			yaml.append("]\n");
		}
		write(yaml.toString());

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().startsWith(events + ":").doesNotStartWith(events + ":0:")
			.contains("not valid YAML");
		assertThat(fixture.storedEvents()).isZero();
	}

	@Test
	void deepNestingIsRefused() throws IOException {
		write(GOOD_EVENT + "- id: deep\n  title: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().startsWith(events + ":13: not valid YAML");
		assertThat(fixture.storedEvents()).isZero();
	}

	@Test
	void aTruncatedFileIsRefusedAtItsLastLine() throws IOException {
		write(GOOD_EVENT + GOOD_EVENT.replace("good-event", "second").replace("title: Clash in Hama", "title: \"Clash in"));

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().startsWith(events + ":").doesNotStartWith(events + ":0:")
			.contains("not valid YAML");
		assertThat(fixture.storedEvents()).as("the whole file or nothing").isZero();
	}

	@Test
	void aFileNotInUtf8IsRefusedNamingTheEncoding() throws IOException {
		Files.write(dir.resolve("events.yaml"),
				GOOD_EVENT.replace("Clash in Hama", "Clash in Hama \u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().startsWith(events + ":").contains("UTF-8");
		assertThat(fixture.storedEvents()).isZero();
	}

	@Test
	void aFileTooLargeToBeASeedFileIsRefusedUnread() throws IOException {
		Files.writeString(dir.resolve("events.yaml"), GOOD_EVENT + "# " + "x".repeat(11 * 1024 * 1024) + "\n");

		SeedImportException ex = catchThrowableOfType(SeedImportException.class,
				() -> fixture.importer.importDirectory(dir));

		assertThat(ex.problems()).singleElement().asString().isEqualTo(events + ":1: file is larger than 10 MB; split it");
		assertThat(fixture.storedEvents()).isZero();
	}

	private void write(String yaml) throws IOException {
		Files.writeString(Path.of(events), yaml);
	}

}
